import JournalCore
import TerminalUI

/// What the home screen shows, loaded from the store by the `.loadHome` effect.
public struct HomeData: Hashable, Sendable {
    public var recent: [RecentEntry]
    public var draft: Draft?
    /// How many other unfinished sessions wait behind the newest one.
    public var otherDrafts = 0
    public var parts: [Part]
    /// Files that could not be read, said once, gently.
    public var problemCount: Int
    /// How many entries were written on this day in earlier years (offered on the home screen).
    public var onThisDay = 0
    /// Which merged-away part ids now mean which part.
    public var aliases = PartAliases([])
    /// Deeper work from the last days not yet followed up (offered, gently).
    public var followUp: FollowUpReminder?
    /// A part that set its burden down in the last weeks: a visit offered each day.
    public var afterUnburdening: UnburdeningFollowUp?
    /// The person's safety plan (flows show it; empty when none was written or it cannot be read).
    public var safetyPlan = SafetyPlan()

    public init(recent: [RecentEntry] = [], draft: Draft? = nil, parts: [Part] = [], problemCount: Int = 0) {
        self.recent = recent
        self.draft = draft
        self.parts = parts
        self.problemCount = problemCount
    }
}

/// A part as shown in lists: its name in its colour.
public struct PartLabel: Hashable, Sendable {
    public var name: String
    public var colour: Color?

    public init(name: String, colour: Color?) {
        self.name = name
        self.colour = colour
    }
}

/// An entry as the home screen lists it: its parts as coloured labels.
public struct RecentEntry: Hashable, Sendable {
    public var id: EntryID
    public var created: LocalDateTime
    public var title: String
    public var parts: [PartLabel]

    public init(id: EntryID, created: LocalDateTime, title: String, parts: [PartLabel]) {
        self.id = id
        self.created = created
        self.title = title
        self.parts = parts
    }
}

/// The answer being composed for the current step, by kind.
public enum StepInput: Hashable, Sendable {
    case none
    case text(TextEditorState)
    /// The highlighted option; `other` holds the person's own words when they type.
    case choice(selected: Int, other: TextEditorState?)
    case multipleChoice(selected: Int, checked: Set<Int>, other: TextEditorState?)
    case scale(value: Int?, typed: String)
    /// Typing a name (`name`), or choosing among `matches` of known parts.
    case part(name: TextEditorState, selected: Int)
    /// The Self check: the quality highlighted, the ratings given, and a "1" just typed (so a
    /// "0" after it makes 10).
    case selfCheck(selected: Int, ratings: [SelfQuality: Int], typed: String = "")
    /// A pause: when it started and how long it lasts, in milliseconds of the monotonic clock.
    case pause(startedAt: Int, seconds: Int?)
}

public struct SessionState: Hashable, Sendable {
    public var run: FlowRun
    public var entryID: EntryID
    public var input: StepInput = .none
    /// A gentle note under the answer ("give a number from 0 to 10").
    public var hint: String?
    /// The call depth at which a grounding break began, to offer a way back when it ends.
    public var groundingDepth: Int?
    /// The unfinished answer set aside during a grounding break, given back on return.
    public var pausedInput: StepInput?
    /// Shown when a grounding break ends: go back where you were, or save.
    public var offer: ReturnOffer?
    public var returnChoice = 0
    /// The unfinished answer as last written to the draft, to save it again only when it changed.
    public var savedPending: String?
    /// When (monotonic milliseconds) the draft was last saved.
    public var savedAt = 0
    /// A flow begun from a part's page: the part its first "which part?" question is answered
    /// with when that question comes (after any welcome), once.
    public var aboutPart: PartID?
    /// Where the person scrolled a step too tall for the window (PgUp/PgDn); nil follows the answer.
    public var pageScroll: Int?
    /// A doubtful new part name ("4") the person was asked about; Enter on it again uses it.
    public var askedAboutName: String?

    public init(run: FlowRun, entryID: EntryID) {
        self.run = run
        self.entryID = entryID
    }
}

/// What the end of a grounding break offers, by where it began.
public enum ReturnOffer: Hashable, Sendable {
    /// In the middle of a step: return to it, or save what there is.
    case backToStep
    /// From the review: back to it, or save now.
    case backToReview
    /// From the home, welcome or saved screen: go back there, or keep the grounding as an entry.
    case backToScreen

    var choices: [String] {
        switch self {
        case .backToStep: return ["Return to where I was", "Save what I have and close for now"]
        case .backToReview: return ["Back to the review", "Save it now"]
        case .backToScreen: return ["Go back to where I was", "Keep this as an entry"]
        }
    }
}

public struct ReviewState: Hashable, Sendable {
    public var session: SessionState
    public var entryText: String
    public var scroll = 0
    /// Which answer is picked for changing.
    public var selected = 0
    /// True after ↑/↓ (the view keeps the picked answer in sight); false after scrolling.
    public var followSelection = true
    /// A detail of the entry being set (tags, title, date), open over the bottom of the screen.
    public var detail: ReviewDetailField?
}

/// The small menu for leaving a session before its end.
public struct LeavingState: Hashable, Sendable {
    public static let choices = ["Leave for now: keep it as a draft", "Discard this session", "Go on with it"]
    public var selected = 0
    /// Discard was chosen: asked once more before anything moves.
    public var confirmingDiscard = false
    /// Opened straight on the question (`d` in the review): "no" closes it instead of going back.
    public var askedDirectly = false

    public init(selected: Int = 0, confirmingDiscard: Bool = false, askedDirectly: Bool = false) {
        self.selected = selected
        self.confirmingDiscard = confirmingDiscard
        self.askedDirectly = askedDirectly
    }
}

/// An unfinished session moved to the trash: where it went, so `u` can put it back.
public struct DiscardedDraft: Hashable, Sendable {
    public var entryID: EntryID
    public var trashPath: String
    /// The flow's title, to name it in messages.
    public var title: String

    public init(entryID: EntryID, trashPath: String, title: String) {
        self.entryID = entryID
        self.trashPath = trashPath
        self.title = title
    }
}

public struct SavedState: Hashable, Sendable {
    public var path: String
    /// One line for each part record saved: its name and what changed in it.
    public var parts: [String]
    public var warnings: [String]
}

public indirect enum Screen: Hashable, Sendable {
    case welcome
    case home(selected: Int)
    case session(SessionState)
    case review(ReviewState)
    case saved(SavedState)
    case browse(BrowseState)
    case reader(BrowseState, ReaderState)
    case calendar(BrowseState, CalendarState)
    case parts(PartsState)
    case part(PartsState, PartPageState)
    case selfEnergy(SelfEnergyState)
    /// The map of the system, with the part picked (its place in the map's order).
    case partsMap(PartsState, selected: Int)
}

public struct AppState: Hashable, Sendable {
    public var size: Size
    public var screen: Screen
    public var home = HomeData()
    public var showHelp = false
    /// A message for the person at the bottom of the screen (an error, "draft discarded").
    public var notice: String?
    /// Milliseconds of the monotonic clock at the last tick, for pauses.
    public var now = 0
    public var finished = false
    /// A flow asked for on the command line, started once the first-run welcome is read.
    public var pendingFlowID: String?
    /// The date asked for on the command line (`--date`), for that flow's session.
    public var pendingDate: LocalDateTime?
    /// Where a grounding moment started from outside a session (home, welcome, saved), to go back.
    public var groundingOrigin: Screen?
    /// The journal's entries as summaries, for the browser (loaded by `.loadEntries`).
    public var journal: IndexedEntries? { didSet { partActivity = nil } }
    /// How present each part is, worked out once per loaded journal and registry (the parts
    /// screens read it on every key), not once per frame.
    public var partActivity: [PartID: PartActivity]?
    /// Ctrl-X in a session or the review: keep it as a draft, or discard it (asked once).
    public var leaving: LeavingState?
    /// `d` on the home screen: the unfinished session is discarded only once this is answered.
    public var confirmingHomeDiscard = false
    /// The last unfinished session moved to the trash, for `u` on the home screen.
    public var lastDiscardedDraft: DiscardedDraft?
    /// When (monotonic milliseconds) the journal was last read for the home screen or the list.
    public var lastJournalRead = 0
    /// The last part record deleted (to the trash), for `u` in the parts list.
    public var lastDeletedPart: PartDeleting.Trashed?

    public init(size: Size, screen: Screen) {
        self.size = size
        self.screen = screen
    }
}
