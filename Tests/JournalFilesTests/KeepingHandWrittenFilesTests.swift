import Foundation
import Testing
@testable import JournalCore
import JournalFiles

/// Files written by hand, starred and noted through the store: they read back as the same entry,
/// and a file that cannot be read is never taken for one that has gone.
@Suite struct KeepingHandWrittenFilesTests {
    @Test(arguments: [
        "---\r\nid: x1\r\ncreated: 2026-01-05T21:00:00+01:00\r\ntitle: T\r\n---\r\n\r\nHand\twritten  \r\n\r\n\r\n## Q? {#a}\r\n\r\nanswer\r\n",
        "\u{FEFF}---\nid: x2\ncreated: 2026-01-05T21:00:00+01:00\n...\nno blank line, no final newline",
        "---\ncreated: 2026-01-05T21:00:00+01:00\n---\n## Q? {#a}\nanswer\n\n\n",
        "---\nid: x4\ncreated: 2026-01-05T21:00:00+01:00\n---\n\n\n\nlots of space\r",
        "---\nid: x5\ncreated: 2026-01-05T21:00:00+01:00\n---\n\n\\## escaped {#b}\n## Q? {#a}\n",
        "---\nid: x6\ncreated: 2026-01-05T21:00:00+01:00\n---\n\n## Q? {#a}\n\nline\n---\nmore\n...\n",
    ])
    func starredThenNotedReadsBackTheSame(text: String) throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let store = FileJournalStore(root: folder.journal)
        let dir = folder.journal + "/entries/2026/01"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/20260105-210000-daily-checkin.md"))
        let stored = try #require(try store.loadEntries().entries.first)
        var starred = stored.entry
        starred.starred = true
        let first = try store.updateEntry(starred, replacing: stored)
        var noted = first.entry
        noted.sections.append(EntrySection(stepID: "later-note", heading: "A later note", text: "note"))
        _ = try store.updateEntry(noted, replacing: first)
        let back = try store.loadEntries()
        #expect(back.problems.isEmpty)
        // Read back the same, but for line ends: a lone `\r` is written as `\n` (docs/entry-format.md).
        let normalized = try EntryFormat.parse(EntryFormat.render(noted))
        #expect(back.entries.first?.entry == noted || back.entries.first?.entry == normalized)
    }

    @Test func aFileThatCannotBeReadIsNotReportedAsGone() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let store = FileJournalStore(root: folder.journal)
        let created = try store.createEntry(makeEntry("20260105-210000-abcd", created: moment(day: 5, hour: 21)))
        let path = folder.journal + "/" + created.path
        var bytes = Array(try String(contentsOfFile: path, encoding: .utf8).utf8)
        bytes += [0x63, 0x61, 0x66, 0xE9, 0x0A] // "café" saved as Latin-1 by another program
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        // The reader's retry writes an edit back only when the file is really gone (entryNotFound).
        #expect(throws: StoreError.self) { try store.fileText(of: created) }
        do {
            _ = try store.fileText(of: created)
        } catch {
            if case .entryNotFound = error { Issue.record("an unreadable file was taken for a gone one") }
        }
    }
}
