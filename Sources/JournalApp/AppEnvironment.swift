import JournalCore
import TerminalUI

/// Everything the app needs from outside, injected so tests are deterministic: the store, the
/// flows, clocks, ids, the external editor and where the "welcome seen" flag lives.
public struct AppEnvironment {
    public var store: JournalStore
    public var library: FlowLibrary
    public var clock: Clock
    /// Milliseconds from any fixed origin, never going back: for pause countdowns.
    public var monotonicMilliseconds: () -> Int
    public var ids: EntryIDGenerator
    /// Where the journal is, as shown to the person (`~/.local/share/haven`); display only, all
    /// reading and writing goes through `store`.
    public var journalPath: String
    /// Runs $VISUAL/$EDITOR on the text (the terminal is suspended meanwhile); the edited text,
    /// or why it failed.
    public var editText: (String) -> Result<String, EditorFailure>
    public var welcomeSeen: () -> Bool
    public var markWelcomeSeen: () -> Void
    /// Colour is off for `NO_COLOR` and monochrome terminals; styles then rely on attributes.
    public var colour: Bool

    public init(store: JournalStore, library: FlowLibrary, clock: Clock, monotonicMilliseconds: @escaping () -> Int,
                ids: EntryIDGenerator, journalPath: String,
                editText: @escaping (String) -> Result<String, EditorFailure>,
                welcomeSeen: @escaping () -> Bool, markWelcomeSeen: @escaping () -> Void, colour: Bool) {
        self.store = store
        self.library = library
        self.clock = clock
        self.monotonicMilliseconds = monotonicMilliseconds
        self.ids = ids
        self.journalPath = journalPath
        self.editText = editText
        self.welcomeSeen = welcomeSeen
        self.markWelcomeSeen = markWelcomeSeen
        self.colour = colour
    }
}

public struct EditorFailure: Error, Hashable, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}

public enum AppEffect: Hashable, Sendable {
    case loadHome
    case saveDraft(Draft)
    case saveSession(FlowRun, EntryID)
    case discardDraft(EntryID)
    case openEditor(String)
    case markWelcomeSeen
}

public enum AppMsg: Hashable, Sendable {
    case key(Key)
    case paste(String)
    case resize(Size)
    case tick(Int)
    case homeLoaded(HomeData)
    case draftSaved
    case sessionSaved(SavedState)
    case nothingToSave
    case storeFailed(String)
    case editorReturned(String)
    case editorFailed(String)
    case draftDiscarded
}
