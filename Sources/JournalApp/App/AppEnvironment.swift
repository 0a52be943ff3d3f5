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
    /// Where the browser gets entry summaries: the cached index, or the store read whole.
    public var summaries: EntrySummarySource

    public init(store: JournalStore, library: FlowLibrary, clock: Clock, monotonicMilliseconds: @escaping () -> Int,
                ids: EntryIDGenerator, journalPath: String,
                editText: @escaping (String) -> Result<String, EditorFailure>,
                welcomeSeen: @escaping () -> Bool, markWelcomeSeen: @escaping () -> Void, colour: Bool,
                summaries: EntrySummarySource? = nil) {
        self.summaries = summaries ?? SummariesFromStore(store: store)
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

public enum AppEffect: Hashable, Sendable {
    case loadHome
    case saveDraft(Draft)
    case saveSession(FlowRun, EntryID)
    /// Moves a draft to the trash; `quietly` for Haven's own (a grounding moment's), said nothing of.
    case discardDraft(EntryID, quietly: Bool)
    /// Keeps the session as it is now as a draft, then moves that draft to the trash (undoable).
    case discardSession(Draft)
    /// Puts a discarded session back among the drafts (`u` on the home screen).
    case restoreDraft(DiscardedDraft)
    case openEditor(String)
    case markWelcomeSeen
    case loadEntries
    case openEntry(EntryID, index: Int)
    /// Star or unstar (reads the entry fresh, so an outside edit is never overwritten).
    case setStarred(EntryID, Bool)
    case addNote(EntryID, String)
    /// Opens the entry's file text in $VISUAL/$EDITOR (or an unsaved edit of it, to try again).
    case editEntry(StoredEntry, retry: RejectedEdit?)
    case trashEntry(StoredEntry)
    case restoreEntry(TrashedEntry)
    /// Put a part away, or bring it back (its record otherwise untouched).
    case setPartArchived(PartID, Bool)
    /// Save the fields changed in a part form (onto the record as it is on disk by then).
    case savePart(PartFormChanges, keepingReplaced: Bool)
    /// Keep a reader's unsaved note or edit in its entry (leaving with no one to ask).
    case keepReaderText(ReaderState)
    /// Save a part form's changes with no one to ask (quitting, or leaving the form behind).
    case rescuePartForm(PartFormChanges)
    /// Make two parts one: OTHER is merged into KEEP.
    case mergeParts(keep: PartID, other: PartID)
    /// Move a part's record to the trash, if nothing names it (checked against the files).
    case deletePart(PartID)
    case restorePart(PartDeleting.Trashed)
}

/// Everything `update` is told: terminal events, then what effects found, each kind addressed to
/// the feature it is for.
public enum AppMsg: Hashable, Sendable {
    case key(Key)
    case paste(String)
    case resize(Size)
    case tick(Int)
    case homeLoaded(HomeData)
    case entriesLoaded(IndexedEntries)
    case draftSaved
    case storeFailed(String)
    /// Something done, said at the bottom of the screen.
    case done(String)
    case editorFailed(String)
    case sessionSaved(SavedState)
    case nothingToSave
    case home(HomeMsg)
    case session(SessionMsg)
    case browse(BrowseMsg)
    case reader(ReaderMsg)
    case parts(PartsMsg)
    case partForm(PartFormMsg)
}
