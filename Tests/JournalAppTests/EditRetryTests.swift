import JournalApp
import JournalCore
import Testing
import TerminalUI

/// An edit kept after it could not be saved, tried again after the file moved, changed, went
/// or broke meanwhile: what the person wrote and what others wrote are both kept.
@Suite struct EditRetryTests {
    func h0() throws -> AppHarness { AppHarness(store: try BrowserTests.journal()) }
    func rd(_ h: AppHarness) -> ReaderState? {
        if case .reader(_, let r) = h.app.state.screen { return r }
        return nil
    }

    // Rejected (unreadable) edit; meanwhile the file is renamed AND changed outside; the retry writes over it.
    @Test func movedAndChangedMeanwhileIsSavedOverACopyInTheTrash() throws {
        let h = try h0()
        h.type("l"); h.press(.enter)
        let store = h.store
        let path = try #require(store.files.keys.first { $0.contains("20261128") })
        let original = try #require(store.files[path])
        h.editorResult = .success(original.replacingOccurrences(of: "created: ", with: "created: nonsense "))
        h.type("e")
        #expect(rd(h)?.rejectedEdit?.fileChanged == false)
        // Outside: renamed and a paragraph added.
        let stored = try store.loadEntry("20261128-081000-aaaa")
        _ = try store.trashEntry(stored.entry.id, expecting: stored.version)
        let moved = "entries/2026/11/renamed.md"
        store.writeOutside(path: moved, text: original + "\nTheir paragraph, written elsewhere.\n")
        h.editorResult = .success(original.replacingOccurrences(of: "Un café calme.", with: "My fix."))
        h.type("e")
        #expect(store.files[moved]?.contains("My fix.") == true)
        #expect(store.trash.values.contains { $0.contains("Their paragraph") }, "the outside paragraph is kept in the trash")
    }

    // An entry with no id line (id from its file name); deleted meanwhile; the retry can never save.
    @Test func aFileWithoutAnIDLineDeletedMeanwhileIsWrittenBack() throws {
        let store = try BrowserTests.journal()
        let path = try #require(store.files.keys.first { $0.contains("20261128") })
        let noID = try #require(store.files[path]).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("id: ") }.joined(separator: "\n")
        store.writeOutside(path: path, text: noID)
        let h = AppHarness(store: store)
        h.type("l"); h.press(.enter)
        #expect(rd(h)?.entry.path == path)
        h.editorResult = .success(noID.replacingOccurrences(of: "created: ", with: "created: nonsense "))
        h.type("e")
        let stored = try store.loadEntries().entries.first { $0.path == path }!
        _ = try store.trashEntry(stored.entry.id, expecting: stored.version)
        h.editorResult = .success(noID.replacingOccurrences(of: "Un café calme.", with: "My fix."))
        h.type("e")
        #expect(rd(h)?.rejectedEdit == nil, "still rejected")
        #expect(store.files[path]?.contains("My fix.") == true)
    }

    // The text written back is the person's text (YAML comment dropped).
    @Test func anEditWrittenBackIsKeptExactlyAsTyped() throws {
        let h = try h0()
        h.type("l"); h.press(.enter)
        let store = h.store
        let path = try #require(store.files.keys.first { $0.contains("20261128") })
        let original = try #require(store.files[path])
        h.editorResult = .success(original.replacingOccurrences(of: "created: ", with: "created: nonsense "))
        h.type("e")
        let stored = try store.loadEntry("20261128-081000-aaaa")
        _ = try store.trashEntry(stored.entry.id, expecting: stored.version)
        let mine = original.replacingOccurrences(of: "title: ", with: "# why I wrote this: for me\ntitle: ")
            .replacingOccurrences(of: "Un café calme.", with: "My fix.")
        h.editorResult = .success(mine)
        h.type("e")
        let saved = try #require(store.files.values.first { $0.contains("My fix.") })
        #expect(saved == mine)
    }

    // An outside change that leaves the file unreadable as an entry: saving over it still works.
    @Test func anOutsideChangeThatBreaksTheFileCanStillBeSavedOver() throws {
        let h = try h0()
        h.type("l"); h.press(.enter)
        let store = h.store
        let path = try #require(store.files.keys.first { $0.contains("20261128") })
        let original = try #require(store.files[path])
        h.editorResult = .success(original.replacingOccurrences(of: "Un café calme.", with: "My edit."))
        let broken = original.replacingOccurrences(of: "created: ", with: "created: <<<<<<< conflict ")
        h.onEdit = { store.writeOutside(path: path, text: broken) }
        h.type("e")
        #expect(rd(h)?.rejectedEdit?.fileChanged == true)
        h.onEdit = nil
        for _ in 0..<3 { h.type("e") }
        #expect(rd(h)?.rejectedEdit == nil, "still rejected after 3 tries")
        #expect(store.files[path]?.contains("My edit.") == true)
        #expect(store.trash.values.contains(broken)) // the broken outside version is kept
    }
}

