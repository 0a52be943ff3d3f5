import Foundation
import Testing
@testable import JournalCore
import JournalFiles

/// Links, pipes and other odd things in a journal folder: followed or reported, never fatal.
@Suite struct LinksAndOddFilesTests {
    @Test func linkedFilesAndFoldersAreReadAndOddThingsReported() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let store = FileJournalStore(root: folder.journal)
        let stored = try store.createEntry(makeEntry("20260101-090000-aaaa", created: moment(day: 1, hour: 9)))
        let elsewhere = folder.path + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere + "/2025/12", withIntermediateDirectories: true)
        try EntryFormat.render(makeEntry("20251224-090000-bbbb", created: moment(day: 24, hour: 9, month: 12, year: 2025)))
            .write(toFile: elsewhere + "/2025/12/kept-elsewhere.md", atomically: true, encoding: .utf8)
        let entries = folder.journal + "/entries"
        try FileManager.default.createSymbolicLink(atPath: entries + "/2025", withDestinationPath: elsewhere + "/2025")
        try FileManager.default.createSymbolicLink(atPath: entries + "/2026/01/gone.md", withDestinationPath: folder.path + "/nowhere.md")
        try FileManager.default.createSymbolicLink(atPath: entries + "/2026/loop", withDestinationPath: entries) // a cycle
        #expect(mkfifo(entries + "/2026/01/pipe.md", 0o600) == 0)

        let listing = try store.loadEntries()
        #expect(listing.entries.map(\.entry.id) == [stored.entry.id, "20251224-090000-bbbb"])
        #expect(listing.problems.map(\.path) == ["entries/2026/01/gone.md", "entries/2026/01/pipe.md"])
        #expect(listing.problems.map(\.reason) == ["a link to something that is not there", "not a regular file; left as it is"])
    }

    @Test func rewritingALinkedPartWritesWhereItReallyIs() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let store = FileJournalStore(root: folder.journal)
        let dotfiles = folder.path + "/dotfiles"
        try FileManager.default.createDirectory(atPath: dotfiles, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder.journal + "/parts", withIntermediateDirectories: true)
        try PartFormat.render(makePart("critic", name: "Critic")).write(toFile: dotfiles + "/critic.md", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.journal + "/parts/critic.md", withDestinationPath: dotfiles + "/critic.md")

        let loaded = try #require(try store.loadParts().parts.first)
        var changed = loaded.part
        changed.job = "keeps me on time"
        _ = try store.savePart(changed, expecting: loaded.version)
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: folder.journal + "/parts/critic.md")
        #expect(link == dotfiles + "/critic.md")
        #expect(try PartFormat.parse(String(contentsOfFile: dotfiles + "/critic.md", encoding: .utf8)).job == "keeps me on time")
    }

    @Test func aVeryLongFlowIdStillMakesAFileName() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let store = FileJournalStore(root: folder.journal)
        let long = String(repeating: "very-long-flow-name-", count: 12)
        let stored = try store.createEntry(makeEntry("20260101-090000-long", created: moment(day: 1, hour: 9), flow: long))
        #expect(stored.path.split(separator: "/").last!.utf8.count < 80)
        #expect(try store.loadEntry("20260101-090000-long").entry.flow == long)
    }
}

/// `PosixFileSystem.move`: the trash and restore step, which must never replace a file.
@Suite struct MoveNeverReplacesTests {
    @Test func aMoveOntoAFileIsRefusedAndBothStayWhole() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let fs = PosixFileSystem()
        try fs.createFolder(folder.path + "/a")
        try fs.writeNew(folder.path + "/a/one.md", bytes: Array("one".utf8))
        try fs.writeNew(folder.path + "/a/two.md", bytes: Array("two".utf8))
        #expect(throws: FileSystemError.self) { try fs.move(folder.path + "/a/one.md", to: folder.path + "/a/two.md") }
        #expect(try String(contentsOfFile: folder.path + "/a/one.md", encoding: .utf8) == "one")
        #expect(try String(contentsOfFile: folder.path + "/a/two.md", encoding: .utf8) == "two")

        try fs.move(folder.path + "/a/one.md", to: folder.path + "/a/three.md")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/a/one.md"))
        #expect(try String(contentsOfFile: folder.path + "/a/three.md", encoding: .utf8) == "one")
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path + "/a/three.md")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
