import Foundation
import Testing
@testable import JournalCore

/// jrnl entries made into Haven entries, and written through the store (docs/cli.md, `haven import jrnl`).
@Suite struct JrnlImportTests {
    /// Central Europe without a time-zone database: +02:00 from April to September, else +01:00.
    static let importer = JrnlImporter { wallClock in (4...9).contains(wallClock.month) ? 120 : 60 }

    static func plan(_ text: String, name: String = "journal.txt") -> ImportPlan {
        importer.plan([JrnlSource(name: name, document: JrnlParser.parse(text))])
    }

    static let twoEntries = """
        [2020-01-02 09:30] A good day. * Rest of the line @work
        Second line.

        [2020-07-14 22:05] Summer.
        Warm. #Garden
        """

    @Test func entriesKeepDateTitleBodyTagsAndStar() throws {
        let plan = Self.plan(Self.twoEntries)
        #expect(plan.entries.count == 2)
        let winter = plan.entries[0].entry
        #expect(winter.created == LocalDateTime(year: 2020, month: 1, day: 2, hour: 9, minute: 30, utcOffsetMinutes: 60))
        #expect(winter.title == "A good day.")
        #expect(winter.preamble == "Rest of the line @work\nSecond line.")
        #expect(winter.tags == ["work"])
        #expect(winter.starred)
        #expect(winter.flow == nil)
        #expect(winter.sections.isEmpty)
        #expect(winter.extraFields == [FrontMatterField(key: "imported_from", value: .scalar("jrnl", quoted: false))])
        #expect(plan.entries[0].origin == ImportOrigin(file: "journal.txt", line: 1))

        let summer = plan.entries[1].entry
        #expect(summer.created.iso8601 == "2020-07-14T22:05:00+02:00")
        #expect(summer.tags == ["Garden"])
        #expect(!summer.starred)

        #expect(plan.found.entries == 2)
        #expect(plan.found.starred == 1)
        #expect(plan.found.tagged == 2)
        #expect(plan.found.entriesByTag == ["work": 1, "garden": 1])
    }

    @Test func theFileReadsBackAsTheSameEntry() throws {
        let entry = Self.plan(Self.twoEntries).entries[0].entry
        let text = EntryFormat.render(entry)
        #expect(text.hasPrefix("""
            ---
            id: \(entry.id)
            created: 2020-01-02T09:30:00+01:00
            title: A good day.
            parts: []
            tags: [work]
            starred: true
            imported_from: jrnl
            ---

            Rest of the line @work
            Second line.

            """))
        #expect(try EntryFormat.parse(text) == entry)
    }

    @Test func idsAreTheUsualShapeAndFollowDateAndText() throws {
        let first = Self.plan(Self.twoEntries).entries.map(\.entry.id)
        let again = Self.plan("\u{FEFF}" + Self.twoEntries.replacingOccurrences(of: "\n", with: "\r\n")).entries.map(\.entry.id)
        #expect(first == again) // same journal, saved on another system: same ids
        #expect(first[0].rawValue.hasPrefix("20200102-093000-"))
        #expect(first[1].rawValue.hasPrefix("20200714-220500-"))
        let alphabet = Set(EntryIDGenerator.suffixAlphabet)
        for id in first {
            let suffix = id.rawValue.split(separator: "-").last!
            #expect(suffix.count == 4 && suffix.allSatisfy(alphabet.contains), "\(id)")
        }
        // The offset is not part of the id: another time zone finds the same entries.
        let elsewhere = JrnlImporter { _ in -300 }.plan([JrnlSource(name: "j", document: JrnlParser.parse(Self.twoEntries))])
        #expect(elsewhere.entries.map(\.entry.id) == first)
        // Any change of text or minute is another entry.
        let edited = Self.plan(Self.twoEntries.replacingOccurrences(of: "Second line.", with: "Second line!"))
        #expect(edited.entries.map(\.entry.id) != first)
        #expect(edited.entries[1].entry.id == first[1])
        let moved = Self.plan(Self.twoEntries.replacingOccurrences(of: "09:30", with: "09:31"))
        #expect(moved.entries[0].entry.id != first[0])
    }

    @Test func textBeforeTheFirstEntryBecomesAnEntryOfItsOwn() throws {
        let plan = Self.plan("My exported journal @archive\n\n" + Self.twoEntries)
        #expect(plan.entries.count == 3)
        let leading = plan.entries[0]
        #expect(leading.leadingTextLines == 1...1)
        #expect(leading.entry.title == "Text before the first entry")
        #expect(leading.entry.preamble == "My exported journal @archive")
        #expect(leading.entry.tags == ["archive"])
        #expect(leading.entry.created == plan.entries[1].entry.created)
        #expect(leading.entry.id != plan.entries[1].entry.id)
        #expect(plan.found.entries == 2) // the counts describe the jrnl entries
        #expect(plan.skipped.isEmpty)

        // With no dated entry at all there is nothing to date it by: reported, not imported.
        let undated = Self.plan("notes\nwithout any date")
        #expect(undated.entries.isEmpty)
        #expect(undated.skipped == [ImportSkip(origin: ImportOrigin(file: "journal.txt", line: 1), reason: .undatedText)])
    }

    @Test func anEntryRepeatedInTheJournalIsImportedOnce() {
        let plan = Self.plan(Self.twoEntries + "\n\n" + Self.twoEntries)
        #expect(plan.entries.count == 2)
        #expect(plan.skipped.map(\.description) == [
            "journal.txt:7: same date and text as journal.txt:1; imported once",
            "journal.txt:10: same date and text as journal.txt:4; imported once",
        ])
        #expect(plan.found.entries == 4)
    }

    @Test func headerLookalikesAreNotedAndKept() {
        let plan = Self.plan("[2020-01-02 09:30] One.\n[2020-13-45 99:99] x\n[2019-03-04] we met")
        #expect(plan.entries.count == 1)
        #expect(plan.entries[0].entry.preamble == "[2020-13-45 99:99] x\n[2019-03-04] we met")
        #expect(plan.keptAsText == [ImportNote(origin: ImportOrigin(file: "journal.txt", line: 2), text: "[2020-13-45 99:99] x"),
                                    ImportNote(origin: ImportOrigin(file: "journal.txt", line: 3), text: "[2019-03-04] we met")])
    }

    @Test func importingTwiceThroughTheStoreAddsNothingTheSecondTime() throws {
        let store = InMemoryJournalStore()
        let handWritten = Entry(id: "20200102-093000-ab12", created: LocalDateTime(year: 2020, month: 1, day: 2, hour: 9, minute: 30),
                                title: "Mine")
        _ = try store.createEntry(handWritten)
        let plan = Self.plan("Intro\n" + Self.twoEntries)

        let first = plan.report(after: try store.createEntries(plan.entries.map(\.entry)))
        #expect(first.imported.count == 3)
        #expect(first.skipped.isEmpty)
        #expect(first.notWritten.isEmpty)
        #expect(try store.loadEntries().entries.count == 4)

        // A dry run says what a second import would do, and the import does just that.
        let existing = Set(try store.loadEntries().entries.map(\.entry.id))
        let dryRun = plan.report(existingIDs: existing)
        #expect(dryRun.imported.isEmpty)
        #expect(dryRun.alreadyInJournalCount == 3)
        let second = plan.report(after: try store.createEntries(plan.entries.map(\.entry)))
        #expect(second.imported.isEmpty)
        #expect(second.alreadyInJournalCount == 3)
        #expect(second.skipped.first?.description.hasPrefix("journal.txt:1: already in the journal (2020") == true)
        #expect(try store.loadEntries().entries.count == 4)

        // Every imported file says where it came from and reads back as it was planned.
        let imported = try store.loadEntries().entries.filter { $0.entry.id != handWritten.id }
        #expect(Set(imported.map(\.entry)) == Set(plan.entries.map(\.entry)))
        #expect(imported.allSatisfy { store.files[$0.path]?.contains("\nimported_from: jrnl\n") == true })
    }

    @Test func aDryRunOnAnEmptyJournalWouldImportEverything() {
        let plan = Self.plan(Self.twoEntries)
        let report = plan.report(existingIDs: [])
        #expect(report.imported.map(\.entry) == plan.entries.map(\.entry))
        #expect(report.skipped.isEmpty)
    }

    /// Cross-checks the parser against the benchmark corpus generator's own counts, when the
    /// generator and python3 are at hand (they are outside this repository; the hand-made
    /// fixture in JrnlParserTests covers the same shapes deterministically).
    @Test(.enabled(if: CorpusGenerator.isAvailable)) func agreesWithTheCorpusGeneratorsCounts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("haven-jrnl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("journal.txt").path
        let summary = try CorpusGenerator.run(["--entries", "300", "--out", out])
        let plan = JrnlImporter { _ in 0 }.plan([JrnlSource(name: "journal.txt",
                                                            document: JrnlParser.parse(try String(contentsOfFile: out, encoding: .utf8)))])
        #expect(plan.found.entries == summary["entries"])
        #expect(plan.entries.count == summary["entries"])
        #expect(plan.found.starred == summary["starred"])
        #expect(plan.found.tagged == summary["tagged"])
        #expect(plan.found.entriesByTag["firefighter"] == summary["firefighter"])
        #expect(plan.skipped.isEmpty && plan.keptAsText.isEmpty)
    }
}

/// ../shared/bench/gen_jrnl_corpus.py, beside the repository, run with python3.
enum CorpusGenerator {
    static let script = Fixtures.testsFolder.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/bench/gen_jrnl_corpus.py").path
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static var isAvailable: Bool { python != nil && FileManager.default.fileExists(atPath: script) }

    /// The generator's JSON summary, numbers only.
    static func run(_ arguments: [String]) throws -> [String: Int] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = [script] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        return json.compactMapValues { $0 as? Int }
    }
}
