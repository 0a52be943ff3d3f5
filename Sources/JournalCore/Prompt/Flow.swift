/// A position in a prompt file, for messages like `daily-checkin.yaml:12:5: ...`.
public struct SourcePosition: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// A guided flow, as read from a prompt file (docs/prompt-format.md).
public struct Flow: Hashable, Sendable {
    public var id: String
    public var title: String
    public var description: String
    /// About how long it takes, shown in the list of flows.
    public var minutes: Int?
    /// Title of the entry it produces (may use `{part}` and other variables); `title` if nil.
    public var entryTitle: String?
    /// Whether it is listed for the person to start (sub-flows such as grounding may be hidden).
    public var listed: Bool
    public var steps: [FlowStep]
    public var position: SourcePosition

    public init(id: String, title: String, description: String = "", minutes: Int? = nil,
                entryTitle: String? = nil, listed: Bool = true, steps: [FlowStep],
                position: SourcePosition = SourcePosition(file: "<memory>", line: 1, column: 1)) {
        self.id = id
        self.title = title
        self.description = description
        self.minutes = minutes
        self.entryTitle = entryTitle
        self.listed = listed
        self.steps = steps
        self.position = position
    }

    public func step(_ id: String) -> FlowStep? { steps.first { $0.id == id } }

    /// The steps met when every step goes its ordinary way (no branch taken): what "step k of n"
    /// counts. Nil for a flow whose ordinary way loops, where a count would mislead.
    public var mainPath: [String]? {
        var path: [String] = []
        var index = 0
        while index < steps.count {
            let step = steps[index]
            guard !path.contains(step.id) else { return nil }
            path.append(step.id)
            switch step.next {
            case .step(let id)?:
                guard let next = self.index(of: id) else { return path }
                index = next
            case .end?, .finish?:
                return path
            case nil:
                index += 1
            }
        }
        return path
    }

    public func index(of stepID: String) -> Int? { steps.firstIndex { $0.id == stepID } }

    /// Whether its first question is which part it is about: the very first step, or one asked
    /// only when no part is in focus (`when: not part`, after a welcome). Such a flow can be begun
    /// from a part's page, about that part.
    public var beginsWithAPart: Bool {
        guard let index = steps.firstIndex(where: { $0.kind.takesAnswer }), case .part = steps[index].kind else { return false }
        return index == 0 || steps[index].when != nil
    }
}

/// Where a step goes: another step of the same flow, the end of this flow (`end`: a sub-flow
/// returns to its caller), or the end of the whole session (`finish`: save what was answered).
public enum StepTarget: Hashable, Sendable, Codable, CustomStringConvertible {
    case step(String)
    case end
    case finish

    public static let reservedNames: Set<String> = ["end", "finish"]

    public init(_ name: String) {
        switch name {
        case "end": self = .end
        case "finish": self = .finish
        default: self = .step(name)
        }
    }

    public var description: String {
        switch self {
        case .step(let id): return id
        case .end: return "end"
        case .finish: return "finish"
        }
    }
}

public struct Branch: Hashable, Sendable {
    public var condition: Condition
    public var target: StepTarget
    public var position: SourcePosition

    public init(condition: Condition, target: StepTarget, position: SourcePosition) {
        self.condition = condition
        self.target = target
        self.position = position
    }
}

/// A field of the focused part's record that a text step's answer can fill in.
public enum PartField: String, CaseIterable, Hashable, Sendable, Codable {
    case apparentAge = "apparent_age"
    case bodyLocation = "body_location"
    case job
    case positiveIntent = "positive_intent"
    case feelings, beliefs, fears
    case notes
    case role
    /// A choice answered yes / no / not yet: the part's permission for `request`.
    case permission
    /// A promise made to the part (text).
    case promise
    /// A choice answered yes / not yet: the part's latest open promise was kept (dated today).
    case promiseKept = "promise_kept"
    /// Where the part is in the work (a choice of the stage names).
    case stage
    /// How much the part seems to trust the Self today (a scale from 0 to 10), dated.
    case trust
    /// The job or role a protector would like from now on, in its words.
    case newRole = "new_role"

    /// The record's field that holds one value at a time, for those that do (their earlier
    /// values are kept when replaced).
    public var singleValue: SingleValueField? { SingleValueField(rawValue: rawValue) }
}

/// How a part step's part relates to the part in focus, recorded on both records.
public enum PartLink: String, CaseIterable, Hashable, Sendable, Codable {
    /// The part in focus protects the one picked.
    case protects
    /// The part picked protects the one in focus.
    case protectedBy = "protected_by"
    case polarizedWith = "polarized_with"
    case allies
}

public enum FlowStepKind: Hashable, Sendable {
    /// Words to read; nothing to answer.
    case message
    /// A pause (three breaths, a minute of quiet), optionally timed.
    case pause(seconds: Int?)
    case shortText
    case longText
    case choice(options: [String], allowsOther: Bool)
    case multipleChoice(options: [String], allowsOther: Bool)
    case scale(min: Int, max: Int, lowLabel: String, highLabel: String, recordsDistress: Bool)
    /// Pick a known part or name a new one; binds `{part}`.
    case part(allowsNew: Bool)
    case selfCheck(qualities: [SelfQuality])
    /// "How do you feel toward {part}?": the answer is sorted by the lexicon.
    case feelToward
    /// Run another flow, then come back.
    case call(flowID: String)

    /// The word used for it in prompt files.
    public var typeName: String {
        switch self {
        case .message: return "message"
        case .pause: return "pause"
        case .shortText: return "text"
        case .longText: return "long-text"
        case .choice: return "choice"
        case .multipleChoice: return "multi-choice"
        case .scale: return "scale"
        case .part: return "part"
        case .selfCheck: return "self-check"
        case .feelToward: return "feel-toward"
        case .call: return "call"
        }
    }

    /// Whether the person answers it (as opposed to reading it or passing through it).
    public var takesAnswer: Bool {
        switch self {
        case .message, .pause, .call: return false
        default: return true
        }
    }
}

public struct FlowStep: Hashable, Sendable {
    public var id: String
    public var kind: FlowStepKind
    /// The prompt, with `{variables}`.
    public var text: String
    public var hint: String
    /// Shown only when this holds; otherwise the flow passes straight on (as if skipped).
    public var when: Condition?
    public var next: StepTarget?
    public var branches: [Branch]
    /// How many times the step may be reached in one run; a loop goes to `afterMax` instead.
    public var maxVisits: Int?
    public var afterMax: StepTarget?
    /// A part field that the answer is saved into (for the part in focus).
    public var updates: PartField?
    /// For `updates: permission`: what was asked ("visit the part it protects").
    public var request: String?
    /// For `updates: permission`: the id of a part step whose part the request is about.
    public var about: String?
    /// For a part step: false keeps the part in focus (the picked part is only linked or named).
    public var changesFocus: Bool = true
    /// For a part step: how the picked part relates to the part in focus.
    public var links: PartLink?
    /// A line of the person's safety plan that the answer fills in (`updates: safety_support`).
    public var keeps: SafetyPlanField?
    /// When the step is passed, the part in focus becomes the part picked at this part step
    /// again (a flow returns to its first part after the focus moved to another).
    public var refocus: String?
    /// For the step that follows a feel-toward step (made by Haven, `FeelTowardChoice`): the id
    /// of that step. Its answer is the person's own reading of how they feel toward the part.
    public var confirms: String?
    public var position: SourcePosition

    public init(id: String, kind: FlowStepKind, text: String, hint: String = "", when: Condition? = nil,
                next: StepTarget? = nil,
                branches: [Branch] = [], maxVisits: Int? = nil, afterMax: StepTarget? = nil,
                updates: PartField? = nil,
                position: SourcePosition = SourcePosition(file: "<memory>", line: 1, column: 1)) {
        self.id = id
        self.kind = kind
        self.text = text
        self.hint = hint
        self.when = when
        self.next = next
        self.branches = branches
        self.maxVisits = maxVisits
        self.afterMax = afterMax
        self.updates = updates
        self.position = position
    }
}
