import JournalCore
import TerminalUI

/// Reading one entry of the results.
public struct ReaderState: Hashable, Sendable {
    public var entry: StoredEntry
    /// Its place in the browser's results (for next and previous).
    public var index: Int
    public var scroll = 0
    /// A later note being written (appended to the entry, dated, when saved).
    public var note: TextEditorState?
    /// A note sent to be saved, kept until the entry comes back with it (given back to the
    /// editor if saving fails).
    public var savingNote: String?
    /// An outside edit that could not be saved: kept, to edit again or drop.
    public var rejectedEdit: RejectedEdit?
    /// Ctrl-Q was pressed once with unsaved text here: a second press quits without it.
    public var quitAsked = false

    public init(entry: StoredEntry, index: Int) {
        self.entry = entry
        self.index = index
    }
}
