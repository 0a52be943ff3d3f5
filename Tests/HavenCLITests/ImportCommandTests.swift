import Foundation
import HavenCLI
import JournalCore
import JournalFiles
import Testing

/// `haven import jrnl`, in process (an in-memory journal, real files to import) and as the real binary.
@Suite struct ImportCommandTests {
    static let journalText = """
        My old jrnl, kept since 2019.

        [2020-01-02 09:30] A good day. * It started slowly. @work
        Then the sun came out. Café ☕️, 今日は.

        A second paragraph.
        [2019-03-04] we met

        [2020-07-14 22:05] Summer evening.
        Warm. #garden @work

        """

    /// Paris rules without asking the system: +02:00 in summer, +01:00 in winter.
    static let offsets: @Sendable (LocalDateTime) -> Int = { (4...10).contains($0.month) ? 120 : 60 }

    static func run(_ haven: InProcessHaven, _ options: ImportCommand.Options) -> (status: Int32, console: ScriptedConsole) {
        let (context, console) = haven.context(input: [])
        do {
            return (try ImportCommand.jrnl(options, context: context, utcOffsetMinutes: offsets), console)
        } catch {
            console.writeError(error.message + "\n")
            return (error.status, console)
        }
    }

    @Test func importsAFileAndSaysWhatItDid() throws {
        let scratch = try Scratch()
        let path = scratch.path + "/journal.txt"
        try Self.journalText.write(toFile: path, atomically: true, encoding: .utf8)
        let haven = InProcessHaven()

        let (status, console) = Self.run(haven, .init(path: path))
        #expect(status == 0, "\(console.errors)")
        let entries = try haven.store.loadEntries().entries.map(\.entry)
        let ids = entries.map(\.id.rawValue).sorted()
        #expect(ids.count == 3)
        #expect(console.output == """
            Found 2 jrnl entries in \(path): 1 starred, 2 with tags.
            Imported 3 entries into /journal.
            Tags (entries): work 2, garden 1.
            The text before the first entry of \(path) (line 1) was kept as an entry of its own, dated with that entry: \(ids[0]).
            Kept as text of their entry (not a valid [YYYY-MM-DD HH:MM] header):
              \(path):7: [2019-03-04] we met

            """)
        #expect(console.errors == "")

        let good = try #require(entries.first { $0.title == "A good day." })
        #expect(good.created.iso8601 == "2020-01-02T09:30:00+01:00")
        #expect(good.starred)
        #expect(good.tags == ["work"])
        #expect(good.preamble == "It started slowly. @work\nThen the sun came out. Café ☕️, 今日は.\n\nA second paragraph.\n[2019-03-04] we met")
        #expect(good.flow == nil)
        let summer = try #require(entries.first { $0.title == "Summer evening." })
        #expect(summer.created.iso8601 == "2020-07-14T22:05:00+02:00")
        #expect(summer.tags == ["garden", "work"])
        #expect(haven.entryFiles.values.allSatisfy { $0.contains("\nimported_from: jrnl\n") })

        // Twice: nothing new, and the summary says why.
        let (again, secondConsole) = Self.run(haven, .init(path: path))
        #expect(again == 0)
        #expect(try haven.store.loadEntries().entries.count == 3)
        #expect(secondConsole.output.contains("Imported 0 entries into /journal.\n"))
        #expect(secondConsole.output.contains("is in the journal already, as \(ids[0])."))
        #expect(secondConsole.output.hasSuffix("Skipped 3:\n  3 entries already in the journal (imported before)\n"))
    }

    @Test func aDryRunWritesNothingAndJSONListsEverything() throws {
        let scratch = try Scratch()
        let path = scratch.path + "/journal.txt"
        try (Self.journalText + "\n[2020-01-02 09:30] A good day. * It started slowly. @work\nThen the sun came out. Café ☕️, 今日は.\n\nA second paragraph.\n[2019-03-04] we met\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let haven = InProcessHaven()

        let (status, console) = Self.run(haven, .init(path: path, dryRun: true, json: true))
        #expect(status == 0, "\(console.errors)")
        #expect(haven.entryFiles.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(console.output.utf8)) as? [String: Any])
        #expect(json["dry_run"] as? Bool == true)
        #expect(json["journal"] as? String == "/journal")
        let found = try #require(json["found"] as? [String: Any])
        #expect(found["entries"] as? Int == 3)
        #expect(found["starred"] as? Int == 2)
        #expect(found["tags"] as? [String: Int] == ["work": 3, "garden": 1])
        let imported = try #require(json["imported"] as? [[String: Any]])
        #expect(imported.count == 3)
        #expect(imported.first?["text_before_first_entry"] as? Bool == true)
        #expect(imported.first?["from"] as? String == "\(path):1")
        let skipped = try #require(json["skipped"] as? [[String: Any]])
        #expect(skipped.count == 1)
        #expect(skipped.first?["reason"] as? String == "repeated")
        #expect(skipped.first?["from"] as? String == "\(path):12")
        #expect((json["kept_as_text"] as? [[String: Any]])?.count == 2)

        let (_, textConsole) = Self.run(haven, .init(path: path, dryRun: true))
        #expect(textConsole.output.contains("Would import 3 entries into /journal (dry run: nothing was written).\n"))
        #expect(textConsole.output.contains("Skipped 1:\n  \(path):12: same date and text as \(path):3; imported once\n"))
        #expect(haven.entryFiles.isEmpty)
    }

    @Test func windowsLineEndsAndAByteOrderMarkGiveTheSameEntries() throws {
        let scratch = try Scratch()
        let unix = scratch.path + "/unix.txt", windows = scratch.path + "/windows.txt"
        try Self.journalText.write(toFile: unix, atomically: true, encoding: .utf8)
        let crlf = "\u{FEFF}" + Self.journalText.replacingOccurrences(of: "\n", with: "\r\n").dropLast() // no final newline (a "\r\n" is one Character)
        try String(crlf).write(toFile: windows, atomically: true, encoding: .utf8)
        let haven = InProcessHaven()
        #expect(Self.run(haven, .init(path: unix)).status == 0)
        let (status, console) = Self.run(haven, .init(path: windows))
        #expect(status == 0)
        #expect(console.output.contains("Imported 0 entries"))
        #expect(console.output.contains("3 entries already in the journal"))
    }

    @Test func nothingToImportMissingOrUnreadable() throws {
        let scratch = try Scratch()
        let haven = InProcessHaven()
        func failure(_ path: String) -> (Int32, String) {
            let (status, console) = Self.run(haven, .init(path: path))
            #expect(console.output == "")
            return (status, console.errors)
        }
        let empty = scratch.path + "/empty.txt", blank = scratch.path + "/blank.txt", notes = scratch.path + "/notes.txt"
        let binary = scratch.path + "/binary.txt"
        try "".write(toFile: empty, atomically: true, encoding: .utf8)
        try "\u{FEFF}\n \n".write(toFile: blank, atomically: true, encoding: .utf8)
        try "just notes\n[2020-13-45 99:99] no real date\n".write(toFile: notes, atomically: true, encoding: .utf8)
        try Data([0x5B, 0xFF, 0xFE, 0x00]).write(to: URL(fileURLWithPath: binary))

        #expect(failure(empty) == (65, "haven: nothing to import: \(empty) is empty\n"))
        #expect(failure(blank) == (65, "haven: nothing to import: \(blank) is empty\n"))
        let (notesStatus, notesMessage) = failure(notes)
        #expect(notesStatus == 65)
        #expect(notesMessage.hasPrefix("haven: nothing to import: no line of \(notes) starts a jrnl entry like '[2020-01-02 09:30] Title'"))
        #expect(notesMessage.contains("skipped \(notes):1: text with no dated entry in its file to date it by"))
        #expect(failure(binary) == (65, "haven: \(binary) is not UTF-8 text; jrnl journals are UTF-8 (is it encrypted?)\n"))
        #expect(failure(scratch.path + "/missing.txt") == (66, "haven: \(scratch.path)/missing.txt: no such file or folder\n"))
        #expect(failure("").0 == 64)
        #expect(failure(scratch.path + "/no-day-files") .0 == 66) // a folder that is not there either
        try FileManager.default.createDirectory(atPath: scratch.path + "/no-day-files", withIntermediateDirectories: true)
        try "x".write(toFile: scratch.path + "/no-day-files/readme.md", atomically: true, encoding: .utf8)
        let (folderStatus, folderMessage) = failure(scratch.path + "/no-day-files")
        #expect(folderStatus == 65)
        #expect(folderMessage == "haven: nothing to import: \(scratch.path)/no-day-files holds no jrnl day files (YYYY/MM/DD.txt)\n  skipped readme.md: not a journal file (YYYY/MM/DD.txt)\n")
        #expect(haven.entryFiles.isEmpty)
    }

    @Test func aFolderJournalIsReadDayFileByDayFile() throws {
        let scratch = try Scratch()
        let folder = scratch.path + "/jrnl"
        try FileManager.default.createDirectory(atPath: folder + "/2020/01", withIntermediateDirectories: true)
        try "[2020-01-02 09:30] One. @a\n".write(toFile: folder + "/2020/01/02.txt", atomically: true, encoding: .utf8)
        try "Loose note\n\n[2020-01-03 10:00] Two. *\nbody\n\n[2020-01-03 18:00] Three.\n"
            .write(toFile: folder + "/2020/01/03.txt", atomically: true, encoding: .utf8)
        try "x".write(toFile: folder + "/2020/01/notes.md", atomically: true, encoding: .utf8)
        let haven = InProcessHaven()

        let (status, console) = Self.run(haven, .init(path: folder))
        #expect(status == 0, "\(console.errors)")
        #expect(console.output.hasPrefix("Found 3 jrnl entries in \(folder): 1 starred, 1 with tags.\nImported 4 entries into /journal.\n"))
        #expect(console.output.contains("The text before the first entry of 2020/01/03.txt (line 1) was kept"))
        #expect(console.output.hasSuffix("Skipped 1:\n  2020/01/notes.md: not a journal file (YYYY/MM/DD.txt)\n"))
        #expect(Set(try haven.store.loadEntries().entries.map(\.entry.title))
                == ["One.", "Two.", "Three.", "Text before the first entry"])
    }

    @Test func aWriteThatFailsStopsWithTheIOStatusAndSaysHowToFinish() throws {
        let scratch = try Scratch()
        let path = scratch.path + "/journal.txt"
        try Self.journalText.write(toFile: path, atomically: true, encoding: .utf8)
        let store = FullDiskStore()
        let console = ScriptedConsole()
        let context = HavenContext(locations: HavenLocations(journal: "/journal", userPrompts: "/prompts"), store: store,
                                   clock: .fixed(TestClock.morning), ids: .counting(), console: console, promptSources: [])
        #expect(throws: CommandFailure.self) { try ImportCommand.jrnl(.init(path: path), context: context, utcOffsetMinutes: Self.offsets) }
        do {
            _ = try ImportCommand.jrnl(.init(path: path), context: context, utcOffsetMinutes: Self.offsets)
        } catch {
            #expect(error.status == 74)
            #expect(error.message.contains("3 entries were not written; run the same command again to add them"))
        }
        #expect(console.output.contains("Imported 0 entries into /journal.\n"))
        #expect(console.output.contains("Not written (the import stopped): 3 entries.\n"))
    }

    @Test func theLocalTimeZoneGivesTheOffsetOfThatDate() throws {
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        func offset(_ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0, year: Int = 2020) -> Int {
            LocalTimeZone.utcOffsetMinutes(at: LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute), in: paris)
        }
        #expect(offset(1, 2, 9) == 60)
        #expect(offset(7, 14, 22) == 120)
        #expect(offset(3, 29, 1, 59) == 60) // the last minute of winter time
        #expect(offset(3, 29, 3) == 120)
        #expect([60, 120].contains(offset(3, 29, 2, 30))) // a time the clocks skipped
        #expect(offset(6, 1, 12, year: 1975) == 60) // France had no summer time in 1975
        #expect(LocalTimeZone.utcOffsetMinutes(at: LocalDateTime(year: 2020, month: 7, day: 1), in: TimeZone(identifier: "UTC")!) == 0)
    }

    // MARK: The real binary

    @Test func theBinaryImportsIntoAPrivateJournalOnceAndListShowsIt() throws {
        let scratch = try Scratch()
        let path = scratch.path + "/journal.txt"
        try Self.journalText.write(toFile: path, atomically: true, encoding: .utf8)
        var env = scratch.environment
        env["TZ"] = "Europe/Paris"

        let result = try HavenProcess.run(["import", "jrnl", path], environment: env)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        let journal = scratch.path + "/data/haven" // from XDG_DATA_HOME
        #expect(result.stdout.contains("Imported 3 entries into \(journal).\n"))
        let files = scratch.files(under: journal)
        #expect(files.count == 3)
        for file in files { #expect(scratch.mode(journal + "/" + file) == 0o600, "\(file)") }
        #expect(scratch.mode(journal) == 0o700)
        let summerFile = try #require(files.first { $0.hasPrefix("entries/2020/07/20200714-220500-") })
        #expect(scratch.read(journal + "/" + summerFile).contains("\ncreated: 2020-07-14T22:05:00+02:00\n"))

        let list = try HavenProcess.run(["list"], environment: env)
        #expect(list.stdout.contains("2020-01-02 09:30 * A good day.\n"))
        #expect(list.stdout.contains("2020-07-14 22:05   Summer evening.\n"))

        let again = try HavenProcess.run(["import", "jrnl", path, "--json"], environment: env)
        #expect(again.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any]
        #expect((json?["imported"] as? [Any])?.isEmpty == true)
        #expect((json?["skipped"] as? [Any])?.count == 3)
        #expect(scratch.files(under: journal).count == 3)

        let missing = try HavenProcess.run(["import", "jrnl", scratch.path + "/nope.txt"], environment: env)
        #expect(missing.status == 66)
        #expect(missing.stderr == "haven: \(scratch.path)/nope.txt: no such file or folder\n")
        try "".write(toFile: scratch.path + "/empty.txt", atomically: true, encoding: .utf8)
        #expect(try HavenProcess.run(["import", "jrnl", scratch.path + "/empty.txt"], environment: env).status == 65)
        #expect(try HavenProcess.run(["import", "jrnl"], environment: env).status == 64)
    }

    @Test(arguments: [["import", "--help"], ["import", "jrnl", "--help"], ["help", "import", "jrnl"]])
    func importHasHelp(_ arguments: [String]) throws {
        let scratch = try Scratch()
        let result = try HavenProcess.run(arguments, environment: scratch.environment)
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: haven import"))
    }
}

/// An in-memory journal whose disk is full: every batch write fails at once.
private final class FullDiskStore: JournalStore {
    private let memory = InMemoryJournalStore()

    func createEntries(_ entries: [Entry]) throws(StoreError) -> EntryBatchResult {
        _ = try memory.loadEntries()
        return EntryBatchResult(failure: .io(path: "entries/2020/01", message: "cannot write: No space left on device"))
    }

    func loadEntries() throws(StoreError) -> EntryListing { try memory.loadEntries() }
    func loadEntry(_ id: EntryID) throws(StoreError) -> StoredEntry { try memory.loadEntry(id) }
    func fileText(of entry: StoredEntry) throws(StoreError) -> String { try memory.fileText(of: entry) }
    func createEntry(_ entry: Entry) throws(StoreError) -> StoredEntry { try memory.createEntry(entry) }
    func updateEntry(_ entry: Entry, expecting version: ContentHash) throws(StoreError) -> StoredEntry {
        try memory.updateEntry(entry, expecting: version)
    }
    func loadEntry(_ id: EntryID, at path: String) throws(StoreError) -> StoredEntry { try memory.loadEntry(id, at: path) }
    func updateEntry(_ entry: Entry, replacing stored: StoredEntry) throws(StoreError) -> StoredEntry {
        try memory.updateEntry(entry, replacing: stored)
    }
    func replaceEntryText(_ entry: StoredEntry, with text: String) throws(StoreError) -> StoredEntry {
        try memory.replaceEntryText(entry, with: text)
    }
    func trashEntry(_ id: EntryID, expecting version: ContentHash) throws(StoreError) -> String {
        try memory.trashEntry(id, expecting: version)
    }
    func restoreEntry(fromTrash trashPath: String, to path: String) throws(StoreError) -> StoredEntry {
        try memory.restoreEntry(fromTrash: trashPath, to: path)
    }
    func loadParts() throws(StoreError) -> PartListing { try memory.loadParts() }
    func savePart(_ part: Part, expecting version: ContentHash?) throws(StoreError) -> StoredPart {
        try memory.savePart(part, expecting: version)
    }
    func trashPart(_ id: PartID, expecting version: ContentHash) throws(StoreError) -> String { try memory.trashPart(id, expecting: version) }
    func restorePart(fromTrash trashPath: String, to path: String) throws(StoreError) -> StoredPart {
        try memory.restorePart(fromTrash: trashPath, to: path)
    }
    func rewriteGoneEntry(_ entry: StoredEntry, with text: String) throws(StoreError) -> StoredEntry {
        try memory.rewriteGoneEntry(entry, with: text)
    }
    func copyToTrash(_ path: String, expecting version: ContentHash) throws(StoreError) -> String {
        try memory.copyToTrash(path, expecting: version)
    }
    func loadSafetyPlan() throws(StoreError) -> StoredSafetyPlan? { try memory.loadSafetyPlan() }
    func saveSafetyPlan(_ plan: SafetyPlan, expecting version: ContentHash?) throws(StoreError) -> StoredSafetyPlan {
        try memory.saveSafetyPlan(plan, expecting: version)
    }
    func saveDraft(_ draft: Draft) throws(StoreError) { try memory.saveDraft(draft) }
    func loadDrafts() throws(StoreError) -> DraftListing { try memory.loadDrafts() }
    func discardDraft(_ id: EntryID) throws(StoreError) -> String { try memory.discardDraft(id) }
    func restoreDraft(fromTrash trashPath: String) throws(StoreError) -> Draft { try memory.restoreDraft(fromTrash: trashPath) }
}
