/// An edit of an entry's file that was not saved: the text as the person left it, the file as
/// it was when the editor opened (what a save is checked against), and why it was not saved.
public struct RejectedEdit: Hashable, Sendable {
    public var text: String
    public var base: StoredEntry
    public var reason: String
    /// Not saved because the file changed outside Haven meanwhile (the text itself was fine): a
    /// second try writes over the file as it is now, keeping a copy of it in the trash first.
    public var fileChanged: Bool

    public init(text: String, base: StoredEntry, reason: String, fileChanged: Bool = false) {
        self.text = text
        self.base = base
        self.reason = reason
        self.fileChanged = fileChanged
    }
}

/// Editing an entry's whole file in an editor, and saving what comes back without ever losing
/// either side: the text typed (kept to try again when it cannot be saved) or a version changed
/// outside Haven meanwhile (checked against, and copied to the trash before being written over).
public struct EntryEditing {
    let store: JournalStore

    public init(store: JournalStore) { self.store = store }

    /// What the editor opens, read together with the version a save is checked against.
    public struct Opened: Hashable, Sendable {
        public var text: String
        public var base: StoredEntry
        /// The edit being tried again, if it is one.
        public var retry: RejectedEdit?
        /// A kept edit whose entry's file was deleted elsewhere meanwhile: saving writes it back.
        var gone = false
        /// Saving writes over a version changed outside Haven: that version goes to the trash first.
        var overwriting = false
    }

    public enum Opening: Hashable, Sendable {
        case opened(Opened)
        /// Nothing to edit now; `kept` is the edit being tried again, still kept.
        case failed(String, kept: RejectedEdit?)
    }

    /// Reads what the editor opens: the file now, or the edit kept from a try that failed.
    public func open(_ shown: StoredEntry, retry: RejectedEdit?) -> Opening {
        do {
            let text = try store.fileText(of: shown)
            let base = retry?.base ?? StoredEntry(entry: shown.entry, path: shown.path, version: ContentHash(of: text))
            return .opened(Opened(text: retry?.text ?? text, base: base, retry: retry, overwriting: retry?.fileChanged == true))
        } catch {
            guard let retry else { return .failed("Could not open the entry: \(error)", kept: nil) }
            // There, but not readable now: nothing is written, and the edit is kept.
            guard case .entryNotFound = error else { return .failed("Could not open the entry: \(error)", kept: retry) }
            var opened = Opened(text: retry.text, base: retry.base, retry: retry, overwriting: retry.fileChanged)
            if let moved = try? store.loadEntry(shown.entry.id) {
                // Moved elsewhere: saved where it is now, and if it also changed, over a copy in the trash.
                opened.base = moved
                if moved.version != retry.base.version { opened.overwriting = true }
            } else {
                opened.gone = true
            }
            return .opened(opened)
        }
    }

    public enum Outcome: Hashable, Sendable {
        /// Nothing changed, so nothing was written.
        case unchanged
        /// Saved; with a word for the person when more than a save happened.
        case saved(StoredEntry, note: String?)
        /// Not saved: the text and why, to try again.
        case rejected(RejectedEdit)
    }

    /// Saves the editor's text over the entry, checked against the version opened.
    public func save(_ editedText: String, _ opened: Opened) -> Outcome {
        var edited = editedText
        // Editors end a file with a newline that answers do not keep; an entry file keeps its own.
        if opened.text.hasSuffix("\n"), !edited.hasSuffix("\n") { edited += "\n" }
        if opened.retry == nil, edited == opened.text { return .unchanged }
        let base = opened.base
        do throws(StoreError) {
            if opened.gone {
                return .saved(try store.rewriteGoneEntry(base, with: edited),
                              note: "The entry's file had gone (deleted meanwhile); your edit is saved as the entry again.")
            }
            // Written over a change made outside Haven, knowingly: that version goes to the trash
            // first (only once the edit reads as an entry).
            var copy: String?
            if opened.overwriting {
                _ = try EntryEdit.checked(edited, of: base)
                copy = try store.copyToTrash(base.path, expecting: base.version)
            }
            let saved = try store.replaceEntryText(base, with: edited)
            return .saved(saved, note: copy.map { "Saved over the outside change; the file as it was is kept in \($0)." })
        } catch {
            return .rejected(rejection(of: edited, base: base, error))
        }
    }

    /// Why an edit was not saved, and what a second try is checked against: after a change
    /// outside, the file as it is now.
    private func rejection(of edited: String, base: StoredEntry, _ error: StoreError) -> RejectedEdit {
        let reason: String
        switch error {
        case .notAnEntry(let line, let why): reason = (line.map { "line \($0): " } ?? "") + why
        case .changedOnDisk: reason = "the file changed outside Haven while you were editing; e opens your text again, to save over it or copy from it"
        default: reason = "\(error)"
        }
        guard case .changedOnDisk = error else { return RejectedEdit(text: edited, base: base, reason: reason) }
        var nextBase = base
        if let current = try? store.loadEntry(base.entry.id, at: base.path) {
            nextBase = current
        } else if let text = try? store.fileText(of: base) {
            // Changed outside into something that does not read as this entry: the next try is
            // checked against those bytes (and copies them to the trash).
            nextBase = StoredEntry(entry: base.entry, path: base.path, version: ContentHash(of: text))
        }
        return RejectedEdit(text: edited, base: nextBase, reason: reason, fileChanged: true)
    }
}
