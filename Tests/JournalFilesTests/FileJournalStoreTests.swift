import Foundation
import Testing
@testable import JournalCore
import JournalFiles
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What only the file store does: folders and modes on disk, atomic writes, files it cannot read.
@Suite("FileJournalStore")
struct FileJournalStoreTests {
    @Test("the journal folder is created on the first write, not before, with mode 0700")
    func folderCreatedOnFirstWrite() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let store = FileJournalStore(root: folder.journal)

        #expect(try store.loadEntries().entries.isEmpty)
        #expect(try store.loadParts().parts.isEmpty)
        #expect(try store.loadDrafts().drafts.isEmpty)
        #expect(storeError { try store.loadEntry("nope") } == .entryNotFound("nope"))
        #expect(storeError { try store.discardDraft("nope") } == .entryNotFound("nope"))
        #expect(!exists(folder.journal))

        _ = try store.createEntry(makeEntry("first", created: moment(day: 5, hour: 9)))
        #expect(isFolder(folder.journal))
        #expect(mode(folder.journal) == 0o700)
    }

    @Test("a root given with a trailing slash works the same")
    func trailingSlashRoot() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let store = FileJournalStore(root: folder.journal + "/")
        #expect(store.root == folder.journal)
        let stored = try store.createEntry(makeEntry("first", created: moment(day: 5, hour: 9)))
        #expect(exists(folder.journal + "/" + stored.path))
        #expect(try store.loadEntry("first") == stored)
    }

    @Test("every folder is 0700, every file 0600, and no temporary file is left")
    func modesAndNoTemporaryFiles() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let store = FileJournalStore(root: folder.journal)
        let when = moment(day: 5, hour: 21, minute: 3, second: 12)

        let a = try store.createEntry(makeEntry("a", created: when))
        let b = try store.createEntry(makeEntry("b", created: when))
        var changed = a.entry
        changed.title = "Changed"
        _ = try store.updateEntry(changed, expecting: a.version)
        try store.trashEntry("b", expecting: b.version)
        _ = try store.createEntry(makeEntry("c", created: moment(day: 1, hour: 1, month: 2)))
        #expect(try store.createEntries([makeEntry("e", created: moment(day: 2, hour: 1, month: 3))]).created.count == 1)
        let part = try store.savePart(makePart("inner-critic", name: "Inner Critic"), expecting: nil)
        var renamed = part.part
        renamed.name = "Judge"
        _ = try store.savePart(renamed, expecting: part.version)
        try store.saveDraft(makeDraft("d1", savedAt: when))
        try store.saveDraft(makeDraft("d1", savedAt: when, step: "b"))
        try store.saveDraft(makeDraft("d2", savedAt: when))
        try store.discardDraft("d2")

        let all = everything(under: folder.journal)
        #expect(all.contains("entries/2026/01/20260105-210312-daily-checkin.md"))
        #expect(all.contains("trash/entries/2026/01/20260105-210312-daily-checkin-2.md"))
        #expect(all.contains("parts/inner-critic.md"))
        #expect(all.contains("drafts/d1.json"))
        #expect(all.contains("trash/drafts/d2.json"))

        #expect(mode(folder.journal) == 0o700)
        var folders = 0, files = 0
        for relative in all {
            let path = folder.journal + "/" + relative
            if isFolder(path) {
                folders += 1
                #expect(mode(path) == 0o700, "folder \(relative)")
            } else {
                files += 1
                #expect(mode(path) == 0o600, "file \(relative)")
            }
        }
        #expect(folders >= 10) // entries, 2026, 01, 02, 03, parts, drafts, trash, trash/entries/..., trash/drafts
        #expect(files == 7)
        #expect(hiddenPaths(under: folder.journal).isEmpty)
    }

    @Test("a file replaced by Haven becomes 0600 even if it was readable by others")
    func replaceTightensMode() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let store = FileJournalStore(root: folder.journal)
        let stored = try store.createEntry(makeEntry("a", created: moment(day: 5, hour: 9)))
        let path = folder.journal + "/" + stored.path
        #expect(chmod(path, 0o644) == 0)
        var changed = stored.entry
        changed.title = "Changed"
        _ = try store.updateEntry(changed, expecting: stored.version)
        #expect(mode(path) == 0o600)
    }

    @Test("files that cannot be read are reported, one problem each, and left byte for byte")
    func unreadableFilesAreReportedAndKept() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let store = FileJournalStore(root: folder.journal)
        let valid = try store.createEntry(makeEntry("20260105-093000-ab12", created: moment(day: 5, hour: 9, minute: 30)))

        let month = folder.journal + "/entries/2026/01"
        let garbage = Data([0xff, 0xfe, 0x00, 0x01])
        let empty = Data()
        let broken = Data("---\ntitle: [unclosed\n---\nbody\n".utf8)
        try writeFile(month + "/garbage.md", garbage)
        try writeFile(month + "/empty.md", empty)
        try writeFile(month + "/broken.md", broken)

        let listing = try store.loadEntries()
        #expect(listing.entries == [valid])
        #expect(listing.problems.map(\.path) == [
            "entries/2026/01/broken.md", "entries/2026/01/empty.md", "entries/2026/01/garbage.md",
        ])
        let problems = Dictionary(uniqueKeysWithValues: listing.problems.map { ($0.path, $0) })
        let brokenProblem = try #require(problems["entries/2026/01/broken.md"])
        let brokenLine = try #require(brokenProblem.line)
        #expect((2...4).contains(brokenLine), "line \(brokenLine) should be in the front matter")
        #expect(brokenProblem.reason.contains("YAML"))
        #expect(problems["entries/2026/01/empty.md"]?.line == 1)
        #expect(problems["entries/2026/01/empty.md"]?.reason.contains("empty") == true)
        #expect(problems["entries/2026/01/garbage.md"]?.line == nil)
        #expect(problems["entries/2026/01/garbage.md"]?.reason.contains("UTF-8") == true)

        // Other work goes on around them, and they are never touched.
        #expect(try store.loadEntry(valid.entry.id) == valid)
        var changed = valid.entry
        changed.title = "Changed"
        _ = try store.updateEntry(changed, expecting: valid.version)
        _ = try store.createEntry(makeEntry("20260105-093000-cd34", created: moment(day: 5, hour: 9, minute: 30)))
        #expect(try store.loadEntries().problems.count == 3)

        #expect(readBytes(month + "/garbage.md") == garbage)
        #expect(readBytes(month + "/empty.md") == empty)
        #expect(readBytes(month + "/broken.md") == broken)
        #expect(hiddenPaths(under: folder.journal).isEmpty)
    }

    @Test("a file that is not .md is reported and left alone")
    func nonMarkdownFileReported() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let store = FileJournalStore(root: folder.journal)
        let valid = try store.createEntry(makeEntry("a", created: moment(day: 5, hour: 9)))
        // Even a readable entry, if its name does not end in .md.
        let notes = Data(EntryFormat.render(makeEntry("b", created: moment(day: 6, hour: 9))).utf8)
        try writeFile(folder.journal + "/entries/2026/01/notes.txt", notes)

        let listing = try store.loadEntries()
        #expect(listing.entries == [valid])
        #expect(listing.problems.count == 1)
        #expect(listing.problems.first?.path == "entries/2026/01/notes.txt")
        #expect(listing.problems.first?.line == nil)
        #expect(readBytes(folder.journal + "/entries/2026/01/notes.txt") == notes)
    }

    @Test("hidden files and folders are ignored")
    func hiddenFilesIgnored() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let store = FileJournalStore(root: folder.journal)
        let valid = try store.createEntry(makeEntry("a", created: moment(day: 5, hour: 9)))
        let part = try store.savePart(makePart("critic", name: "Critic"), expecting: nil)
        let draft = makeDraft("d1", savedAt: moment(day: 5, hour: 10))
        try store.saveDraft(draft)

        let root = folder.journal
        let entryText = EntryFormat.render(makeEntry("hidden", created: moment(day: 7, hour: 9)))
        try writeFile(root + "/entries/2026/01/.20260105-090000-daily-checkin.md.swp", Data([0xff, 0x00]))
        try writeFile(root + "/entries/.DS_Store", Data([0x00, 0x01]))
        try writeFile(root + "/entries/2026/01/.hidden.md", entryText)
        try writeFile(root + "/entries/.git/objects/x.md", entryText)
        try writeFile(root + "/parts/.critic.md.haven-tmp-abc123", "half written")
        try writeFile(root + "/drafts/.d9.json", "{ not json")

        #expect(hiddenPaths(under: root).count == 6) // the helper other tests rely on does see them

        let entries = try store.loadEntries()
        #expect(entries.entries == [valid])
        #expect(entries.problems.isEmpty)
        let parts = try store.loadParts()
        #expect(parts.parts == [part])
        #expect(parts.problems.isEmpty)
        let drafts = try store.loadDrafts()
        #expect(drafts.drafts == [draft])
        #expect(drafts.problems.isEmpty)
    }

    @Test("broken parts and drafts are reported, not thrown")
    func brokenPartsAndDraftsReported() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let store = FileJournalStore(root: folder.journal)
        let part = try store.savePart(makePart("critic", name: "Critic"), expecting: nil)
        let draft = makeDraft("d1", savedAt: moment(day: 5, hour: 10))
        try store.saveDraft(draft)
        let badPart = Data("---\nid: nameless\n---\n".utf8)
        let badDraft = Data("{ \"entryID\": 3 ".utf8)
        try writeFile(folder.journal + "/parts/nameless.md", badPart)
        try writeFile(folder.journal + "/drafts/broken.json", badDraft)

        let parts = try store.loadParts()
        #expect(parts.parts == [part])
        #expect(parts.problems.map(\.path) == ["parts/nameless.md"])
        let drafts = try store.loadDrafts()
        #expect(drafts.drafts == [draft])
        #expect(drafts.problems.map(\.path) == ["drafts/broken.json"])
        #expect(readBytes(folder.journal + "/parts/nameless.md") == badPart)
        #expect(readBytes(folder.journal + "/drafts/broken.json") == badDraft)
    }

    @Test("two files with the same id: the newer is shown, the other reported")
    func duplicateIDsReported() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let store = FileJournalStore(root: folder.journal)
        let stored = try store.createEntry(makeEntry("same", created: moment(day: 5, hour: 9)))
        let copy = makeEntry("same", created: moment(day: 4, hour: 9), title: "Older copy")
        let copyPath = "entries/2026/01/copy.md"
        try writeFile(folder.journal + "/" + copyPath, EntryFormat.render(copy))

        let listing = try store.loadEntries()
        #expect(listing.entries == [stored])
        #expect(listing.problems.map(\.path) == [copyPath])
    }

    @Test("an entry file without an id takes its id from its file name")
    func fallbackIDFromFileName() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let store = FileJournalStore(root: folder.journal)
        try writeFile(folder.journal + "/entries/2025/12/my-note.md",
                      "---\ncreated: 2025-12-24T18:00:00+01:00\ntitle: Christmas Eve\n---\n\nQuiet.\n")
        let loaded = try store.loadEntry("my-note")
        #expect(loaded.path == "entries/2025/12/my-note.md")
        #expect(loaded.entry.title == "Christmas Eve")
        #expect(loaded.entry.preamble == "Quiet.")
    }
}
