/// Which part an answer picked: one already in the registry, or a new one named in this session
/// (its id is chosen when it is named, so later answers can refer to it).
public enum PartChoice: Hashable, Sendable, Codable {
    case known(PartID)
    case new(PartID, name: String)

    public var id: PartID {
        switch self {
        case .known(let id), .new(let id, _): return id
        }
    }
}

/// An answer as stored in a run (and so in a draft).
public enum AnswerValue: Hashable, Sendable, Codable {
    /// "I don't know" / skip: a real answer, kept so back and resume know the step was seen.
    case skipped
    case text(String)
    /// A choice's option, or the person's own words for "other".
    case choice(String)
    case choices([String])
    case number(Int)
    case part(PartChoice)
    case ratings([SelfQuality: Int])
    case feeling(String, FeelTowardSorting)
}

/// One answered step, with what the person saw when answering.
public struct RecordedAnswer: Hashable, Sendable, Codable {
    public var flowID: String
    public var stepID: String
    /// The prompt as shown, variables filled in; it becomes the entry's heading.
    public var prompt: String
    public var value: AnswerValue
    /// The part in focus when it was answered (feel-toward and `updates:` apply to it).
    public var focus: PartID?

    public init(flowID: String, stepID: String, prompt: String, value: AnswerValue, focus: PartID?) {
        self.flowID = flowID
        self.stepID = stepID
        self.prompt = prompt
        self.value = value
        self.focus = focus
    }
}

/// One flow on the call stack and where it stands.
public struct FlowFrame: Hashable, Sendable, Codable {
    public var flowID: String
    public var stepID: String
    /// How often each step of this flow has been reached, for `max-visits`.
    public var visits: [String: Int]
    /// True for a flow opened from anywhere (grounding): when it ends, the caller picks up at the
    /// same step instead of moving on.
    public var returnsToSameStep: Bool

    public init(flowID: String, stepID: String, visits: [String: Int] = [:], returnsToSameStep: Bool = false) {
        self.flowID = flowID
        self.stepID = stepID
        self.visits = visits
        self.returnsToSameStep = returnsToSameStep
    }
}

/// A point to go back to.
public struct FlowCheckpoint: Hashable, Sendable, Codable {
    public var frames: [FlowFrame]
    public var answerCount: Int
    public var focus: PartID?
}

/// The details of an entry a person sets in the review, kept with the session (and its draft).
public struct ReviewedDetails: Hashable, Sendable, Codable {
    /// Their own title; nil keeps the one made from their words.
    public var title: String?
    public var addedTags: [String] = []
    /// Tags written in an answer that should not be the entry's.
    public var removedTags: [String] = []

    public init(title: String? = nil, addedTags: [String] = [], removedTags: [String] = []) {
        self.title = title
        self.addedTags = addedTags
        self.removedTags = removedTags
    }
}

/// Everything about a guided session in progress. Pure data: it is what a draft stores, and
/// resuming it gives exactly the same next step.
public struct FlowRun: Hashable, Sendable, Codable {
    public var rootFlowID: String
    public var startedAt: LocalDateTime
    /// The call stack; empty once the session has finished.
    public var frames: [FlowFrame]
    public var answers: [RecordedAnswer]
    public var focus: PartID?
    public var history: [FlowCheckpoint]
    /// Answers taken back with "back", offered again when their step comes round.
    public var undone: [RecordedAnswer]
    /// Why the engine had to end the session before the flow did, to tell the person.
    public var endNote: String? = nil
    /// Words taken back with "back" that no longer fit the way the session went after an earlier
    /// answer was changed: kept in the entry, so nothing written is lost.
    public var setAside: [RecordedAnswer]? = nil
    /// What the person set in the review: a title of their own, tags added or taken off (tags
    /// written as #tag in answers are picked up by themselves). Nil when nothing was set.
    public var reviewed: ReviewedDetails? = nil

    /// Puts the answers still waiting to be offered again, those with words in them, aside.
    mutating func setAsideUndone() {
        let written = undone.reversed().filter { answer in
            switch answer.value {
            case .text(let text), .feeling(let text, _): return !text.trimmingWhitespace().isEmpty
            case .choice(let text): return FeelTowardChoice.reading(of: text) == nil && !text.trimmingWhitespace().isEmpty
            default: return false
            }
        }
        if !written.isEmpty { setAside = (setAside ?? []) + written }
        undone.removeAll()
    }

    public var isFinished: Bool { frames.isEmpty }
}
