import JournalCore
import TerminalUI

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
    /// A grounding moment begun from a screen (Ctrl-G outside a session): its end goes back there.
    public var groundingMoment = false
    /// Ctrl-X: the menu for keeping it as a draft or discarding it, open over the session.
    public var leaving: LeavingState?
    /// A detail of the review being typed when grounding began from it: open again, with the
    /// typing, when the review comes back.
    public var reviewDetail: ReviewDetailField?

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

