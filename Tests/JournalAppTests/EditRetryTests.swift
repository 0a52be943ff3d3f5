import JournalApp
import JournalCore
import Testing
import TerminalUI

/// An edit kept after it could not be saved, tried again after the file moved, changed, went
/// or broke meanwhile: what the person wrote and what others wrote are both kept.
@Suite struct EditRetryTests {
    func reader(_ h: AppHarness) -> ReaderState? {
        if case .reader(let reader) = h.app.state.screen { return reader }
        return nil
    }

    /// The reader on the 28 November entry, with an edit refused (it does not read as an entry)
    /// and kept to try again; the entry's path and its text as it was.
    func withAnEditRefused() throws -> (AppHarness, path: String, original: String) {
        let h = AppHarness(store: try BrowserTests.journal())
        h.type("l")
        h.press(.enter)
        let path = try #require(h.store.files.keys.first { $0.contains("20261128") })
        let original = try #require(h.store.files[path])
        h.editorResult = .success(original.replacingOccurrences(of: "created: ", with: "created: nonsense "))
        h.type("e")
        #expect(reader(h)?.rejectedEdit?.fileChanged == false)
        return (h, path, original)
    }

    // Meanwhile the file is renamed and changed outside: the retry is saved over a copy in the trash.
    @Test func movedAndChangedMeanwhileIsSavedOverACopyInTheTrash() throws {
        let (h, _, original) = try withAnEditRefused()
        let store = h.store
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

    // An entry with no id line (its id from the file name), deleted meanwhile: the retry is written back.
    @Test func aFileWithoutAnIDLineDeletedMeanwhileIsWrittenBack() throws {
        let store = try BrowserTests.journal()
        let path = try #require(store.files.keys.first { $0.contains("20261128") })
        let noID = try #require(store.files[path]).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("id: ") }.joined(separator: "\n")
        store.writeOutside(path: path, text: noID)
        let h = AppHarness(store: store)
        h.type("l")
        h.press(.enter)
        #expect(reader(h)?.entry.path == path)
        h.editorResult = .success(noID.replacingOccurrences(of: "created: ", with: "created: nonsense "))
        h.type("e")
        let stored = try #require(try store.loadEntries().entries.first { $0.path == path })
        _ = try store.trashEntry(stored.entry.id, expecting: stored.version)
        h.editorResult = .success(noID.replacingOccurrences(of: "Un café calme.", with: "My fix."))
        h.type("e")
        #expect(reader(h)?.rejectedEdit == nil, "still rejected")
        #expect(store.files[path]?.contains("My fix.") == true)
    }

    // The text written back is the person's, as typed (a YAML comment in it included).
    @Test func anEditWrittenBackIsKeptExactlyAsTyped() throws {
        let (h, _, original) = try withAnEditRefused()
        let store = h.store
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
        let h = AppHarness(store: try BrowserTests.journal())
        h.type("l")
        h.press(.enter)
        let store = h.store
        let path = try #require(store.files.keys.first { $0.contains("20261128") })
        let original = try #require(store.files[path])
        h.editorResult = .success(original.replacingOccurrences(of: "Un café calme.", with: "My edit."))
        let broken = original.replacingOccurrences(of: "created: ", with: "created: <<<<<<< conflict ")
        h.onEdit = { store.writeOutside(path: path, text: broken) }
        h.type("e")
        #expect(reader(h)?.rejectedEdit?.fileChanged == true)
        h.onEdit = nil
        h.type("e") // once more is enough: saved over it
        #expect(reader(h)?.rejectedEdit == nil, "still rejected")
        #expect(store.files[path]?.contains("My edit.") == true)
        #expect(store.trash.values.contains(broken)) // the broken outside version is kept
    }
}

