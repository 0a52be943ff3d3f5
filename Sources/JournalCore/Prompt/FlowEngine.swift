/// What the person is asked to give for a step.
public enum AnswerInput: Hashable, Sendable {
    /// Continue past a message or pause.
    case acknowledge
    case text(String)
    /// A choice by option number (0-based).
    case option(Int)
    /// The person's own words for a choice's "other".
    case other(String)
    case options([Int], other: String?)
    case number(Int)
    /// A part by name: a known part (current or former name) or a new one.
    case partNamed(String)
    case part(PartID)
    case ratings([SelfQuality: Int])
    /// "I don't know" / skip.
    case skip
}

/// Why an answer does not fit its step; `message` says how to answer instead.
public struct AnswerError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// The step to show now, with its variables filled in.
public struct PresentedStep: Hashable, Sendable {
    public var flow: Flow
    public var step: FlowStep
    public var text: String
    public var hint: String
    /// "step k of n": the step's place on the flow's ordinary way, and that way's length; nil on
    /// a detour (a branch's steps) or in a flow whose ordinary way loops.
    public var number: Int?
    public var count: Int?
    /// How many flows deep (0 for the flow the person started).
    public var depth: Int
    public var focusName: String?
    /// The answer given before the person went back, to offer again.
    public var previousAnswer: AnswerValue?
    /// On the step that confirms a feel-toward answer: the option Haven proposes, highlighted
    /// first (the person confirms or changes it).
    public var suggestedOption: Int?
    /// On that step: what the lexicon proposed from the words (nil when none were written).
    public var proposal: FeelTowardSorting?
}

/// Why a session could not start or go on.
public enum FlowEngineError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownFlow(String)
    case finished
    case tooDeep(String)

    public var description: String {
        switch self {
        case .unknownFlow(let id): return "there is no flow called '\(id)' (see 'haven prompts list')"
        case .finished: return "the session has already finished"
        case .tooDeep(let id): return "flow '\(id)' calls other flows too deeply (more than \(FlowEngine.maxDepth) levels)"
        }
    }
}

/// The prompt engine: a pure state machine over `FlowRun`. Given the flows, the known parts and
/// the answers so far, it says which step comes next; it never touches disk, clock or terminal.
public struct FlowEngine: Sendable {
    public static let maxDepth = 8

    public let library: FlowLibrary
    public let knownParts: [Part]
    /// The person's safety plan as it was when the session began (flows show it, and can fill it in).
    public let safetyPlan: SafetyPlan
    private let sorter: FeelTowardSorter

    public init(library: FlowLibrary, knownParts: [Part], safetyPlan: SafetyPlan = SafetyPlan()) {
        self.library = library
        self.knownParts = knownParts
        self.safetyPlan = safetyPlan
        sorter = FeelTowardSorter(lexicon: library.lexicon)
    }

    /// What the lexicon proposes for an answer (for `haven prompts feel`).
    public func propose(_ answer: String) -> FeelTowardSorting { sorter.sort(answer) }

    // MARK: Starting and moving

    public func start(flowID: String, at moment: LocalDateTime, focus: PartID? = nil) throws(FlowEngineError) -> FlowRun {
        guard library.flow(flowID) != nil else { throw .unknownFlow(flowID) }
        var run = FlowRun(rootFlowID: flowID, startedAt: moment, frames: [], answers: [], focus: focus,
                          history: [], undone: [])
        try enter(flowID: flowID, run: &run, returnsToSameStep: false)
        return run
    }

    /// The step to show, or nil when the session has finished.
    public func currentStep(_ run: FlowRun) -> PresentedStep? {
        guard let frame = run.frames.last, let flow = library.flow(frame.flowID), let step = flow.step(frame.stepID) else {
            return nil
        }
        let resolve = { (path: [String]) in self.resolve(path, run: run).displayText }
        let previous = run.undone.last.flatMap { $0.flowID == flow.id && $0.stepID == step.id ? $0.value : nil }
        var text = PromptTemplate.render(step.text) { resolveText($0, run: run, fallback: resolve) }
        var suggested: Int?
        var proposalShown: FeelTowardSorting?
        var hint = PromptTemplate.render(step.hint) { resolveText($0, run: run, fallback: resolve) }
        if let question = step.confirms {
            // The proposal for the answer just given, shown back in one line for the person to
            // confirm or change. With no words to go by, "I'm not sure" is highlighted, never Self.
            var sorting: FeelTowardSorting?
            if case .feeling(let words, let proposal)? = run.answers.last(where: { $0.flowID == flow.id && $0.stepID == question })?.value,
               !words.trimmingWhitespace().isEmpty {
                sorting = proposal
            }
            let part = resolveText(["part"], run: run, fallback: resolve)
            text = FeelTowardChoice.prompt(for: sorting, answered: sorting != nil, part: part)
            suggested = FeelTowardChoice.option(for: sorting?.result ?? .unclear)
            proposalShown = sorting
            if sorting == nil { hint = "Choose what fits; there is no wrong answer." }
        }
        return PresentedStep(flow: flow, step: step,
                             text: text,
                             hint: hint,
                             number: flow.mainPath?.firstIndex(of: step.id).map { $0 + 1 },
                             count: flow.mainPath.flatMap { path in path.contains(step.id) ? path.count : nil },
                             depth: run.frames.count - 1,
                             focusName: run.focus.map { partView($0, run: run)?.name ?? $0.rawValue },
                             previousAnswer: previous,
                             suggestedOption: suggested,
                             proposal: proposalShown)
    }

    /// Answers the current step and moves on. A message or pause takes `.acknowledge`; any step
    /// takes `.skip`.
    public func answer(_ input: AnswerInput, run: inout FlowRun) throws(AnswerError) {
        guard let presented = currentStep(run) else { throw AnswerError(message: "the session has already finished") }
        let value = try value(of: input, for: presented.step, run: run)
        record(value, for: presented, run: &run)
    }

    /// What an input would be recorded as on the current step, without answering (nil if it does
    /// not fit): used to keep what the person typed when they go back.
    public func valuePreview(_ input: AnswerInput, run: FlowRun) -> AnswerValue? {
        guard let presented = currentStep(run) else { return nil }
        return (try? value(of: input, for: presented.step, run: run)) ?? nil
    }

    private func record(_ value: AnswerValue?, for presented: PresentedStep, run: inout FlowRun) {
        let step = presented.step
        run.history.append(FlowCheckpoint(frames: run.frames, answerCount: run.answers.count, focus: run.focus))
        if let undone = run.undone.last, undone.flowID == presented.flow.id, undone.stepID == step.id {
            run.undone.removeLast()
            // New words for a feel-toward question: the reading given for the old words is not
            // theirs, so it is neither offered again nor replayed.
            if case .feelToward = step.kind, value != undone.value,
               let next = run.undone.last, next.flowID == presented.flow.id,
               next.stepID == FeelTowardChoice.stepID(confirming: step.id) {
                run.undone.removeLast()
            }
        } else if step.kind.takesAnswer {
            run.setAsideUndone() // a different path now: the old answers no longer line up, but are kept
        }
        if let value {
            if case .part(let choice) = value, step.changesFocus { run.focus = choice.id }
            run.answers.append(RecordedAnswer(flowID: presented.flow.id, stepID: step.id, prompt: presented.text,
                                              value: value, focus: run.focus))
        }
        if let refocus = step.refocus,
           case .part(let choice)? = run.answers.last(where: { $0.flowID == presented.flow.id && $0.stepID == refocus })?.value {
            run.focus = choice.id
        }
        do {
            try move(from: step, in: presented.flow, answer: value ?? .skipped, run: &run)
        } catch {
            // Cannot go on (calls too deep): end the session with what was answered, and say why.
            run.frames = []
            run.endNote = "The session ended early: \(error)."
        }
    }

    /// Goes back one step, keeping the answer to offer again. False at the first step.
    /// `pending` is what the person had typed on the step they leave, offered again when they
    /// come back to it.
    @discardableResult
    public func back(_ run: inout FlowRun, pending: AnswerValue? = nil) -> Bool {
        guard let checkpoint = run.history.popLast() else { return false }
        if let pending, let current = currentStep(run) {
            let kept = RecordedAnswer(flowID: current.flow.id, stepID: current.step.id, prompt: current.text,
                                      value: pending, focus: run.focus)
            // The step's earlier answer may already wait on top (offered again): replace it, so
            // the answers still line up with the steps on the way forward.
            if let top = run.undone.last, top.flowID == kept.flowID, top.stepID == kept.stepID {
                run.undone[run.undone.count - 1] = kept
            } else {
                run.undone.append(kept)
            }
        }
        let taken = run.answers[checkpoint.answerCount...]
        run.undone.append(contentsOf: taken.reversed())
        run.answers.removeSubrange(checkpoint.answerCount...)
        run.frames = checkpoint.frames
        run.focus = checkpoint.focus
        return true
    }

    /// Gives again, in order, the answers taken back with "back" (after one was changed), as long
    /// as the steps they belong to come round; stops where the path has changed. Messages and
    /// pauses on the way are passed.
    public func replayUndone(_ run: inout FlowRun) {
        for _ in 0..<10_000 {
            guard let presented = currentStep(run), let next = run.undone.last else { return }
            if !presented.step.kind.takesAnswer {
                record(nil, for: presented, run: &run)
            } else if next.flowID == presented.flow.id, next.stepID == presented.step.id {
                record(next.value, for: presented, run: &run)
            } else {
                return
            }
        }
    }

    /// Opens a flow from wherever the person is (the grounding key); when it ends, the session
    /// picks up at the same step (or, for a finished session, is finished again).
    public func interrupt(with flowID: String, run: inout FlowRun) throws(FlowEngineError) {
        guard library.flow(flowID) != nil else { throw .unknownFlow(flowID) }
        guard run.frames.count < Self.maxDepth else { throw .tooDeep(flowID) }
        run.history.append(FlowCheckpoint(frames: run.frames, answerCount: run.answers.count, focus: run.focus))
        try enter(flowID: flowID, run: &run, returnsToSameStep: true)
    }

    /// Ends the session now, keeping what was answered ("save and finish").
    public func finish(_ run: inout FlowRun) {
        run.history.append(FlowCheckpoint(frames: run.frames, answerCount: run.answers.count, focus: run.focus))
        run.frames = []
        run.setAsideUndone()
    }

    private func enter(flowID: String, run: inout FlowRun, returnsToSameStep: Bool) throws(FlowEngineError) {
        guard let flow = library.flow(flowID), let first = flow.steps.first else { throw .unknownFlow(flowID) }
        guard run.frames.count < Self.maxDepth else { throw .tooDeep(flowID) }
        run.frames.append(FlowFrame(flowID: flowID, stepID: first.id, visits: [first.id: 1],
                                    returnsToSameStep: returnsToSameStep))
        try settle(&run)
    }

    /// Follows the step's branches (first true wins), else `next`, else the following step.
    private func move(from step: FlowStep, in flow: Flow, answer: AnswerValue, run: inout FlowRun) throws(FlowEngineError) {
        var target = step.next ?? followingTarget(after: step, in: flow)
        for branch in step.branches {
            let holds = branch.condition.evaluate { path in
                path == ["answer"] ? self.flowValue(answer) : self.resolve(path, run: run)
            }
            if holds {
                target = branch.target
                break
            }
        }
        try go(to: target, run: &run)
    }

    private func followingTarget(after step: FlowStep, in flow: Flow) -> StepTarget {
        guard let index = flow.index(of: step.id), index + 1 < flow.steps.count else { return .end }
        return .step(flow.steps[index + 1].id)
    }

    private func go(to target: StepTarget, run: inout FlowRun) throws(FlowEngineError) {
        var target = target
        // A spent loop diverts to its `after-max`; a step diverted from twice in one move means
        // the diversions go round (a -> b -> a): the flow ends instead of looping.
        var diverted = Set<String>()
        for _ in 0..<10_000 {
            guard var frame = run.frames.last, let flow = library.flow(frame.flowID) else { return }
            switch target {
            case .finish:
                run.frames = []
                return
            case .end:
                let ended = run.frames.removeLast()
                guard let caller = run.frames.last, let callerFlow = library.flow(caller.flowID),
                      let callStep = callerFlow.step(caller.stepID) else { return }
                if ended.returnsToSameStep { return try settle(&run) }
                // Leave the call step as if it had been answered.
                var newTarget = callStep.next ?? followingTarget(after: callStep, in: callerFlow)
                for branch in callStep.branches where branch.condition.evaluate({ resolve($0, run: run) }) {
                    newTarget = branch.target
                    break
                }
                target = newTarget
            case .step(let id):
                guard let step = flow.step(id) else { target = .end; continue }
                let visits = frame.visits[id, default: 0]
                if let maxVisits = step.maxVisits, visits >= maxVisits {
                    target = diverted.insert("\(frame.flowID).\(id)").inserted ? (step.afterMax ?? .end) : .end
                    continue
                }
                frame.visits[id] = visits + 1
                frame.stepID = id
                run.frames[run.frames.count - 1] = frame
                return try settle(&run)
            }
        }
    }

    /// A step whose `when` does not hold is passed by; a `call` step is not shown but opens its
    /// flow at once.
    private func settle(_ run: inout FlowRun) throws(FlowEngineError) {
        guard let frame = run.frames.last, let flow = library.flow(frame.flowID), let step = flow.step(frame.stepID) else {
            return
        }
        if let when = step.when, !when.evaluate({ resolve($0, run: run) }) {
            return try move(from: step, in: flow, answer: .skipped, run: &run)
        }
        // A reading is confirmed only right after its feel-toward question was answered; a
        // question passed by (its `when` did not hold) passes its confirmation by too.
        // The latest answer of this flow, not of the session: coming back from grounding (another
        // flow) opened on the confirmation keeps it.
        if let question = step.confirms, run.answers.last(where: { $0.flowID == flow.id })?.stepID != question {
            return try move(from: step, in: flow, answer: .skipped, run: &run)
        }
        if case .call(let calledID) = step.kind {
            try enter(flowID: calledID, run: &run, returnsToSameStep: false)
        }
    }

    // MARK: Answers

    private func value(of input: AnswerInput, for step: FlowStep, run: FlowRun) throws(AnswerError) -> AnswerValue? {
        if case .skip = input { return step.kind.takesAnswer ? .skipped : nil }
        switch (step.kind, input) {
        case (.message, .acknowledge), (.pause, .acknowledge):
            return nil
        case (.shortText, .text(let text)), (.longText, .text(let text)):
            return .text(text)
        case (.choice(let options, _), .option(let index)):
            guard options.indices.contains(index) else { throw AnswerError(message: "choose a number from 1 to \(options.count)") }
            return .choice(options[index])
        case (.choice(_, let allowsOther), .other(let text)):
            guard allowsOther else { throw AnswerError(message: "choose one of the options") }
            guard !text.trimmingWhitespace().isEmpty else { throw AnswerError(message: "write a few words, or skip") }
            return .choice(text)
        case (.multipleChoice(let options, let allowsOther), .options(let indices, let other)):
            guard indices.allSatisfy(options.indices.contains) else {
                throw AnswerError(message: "choose numbers from 1 to \(options.count)")
            }
            if other != nil && !allowsOther { throw AnswerError(message: "choose from the options") }
            var picked: [String] = []
            for index in indices where !picked.contains(options[index]) { picked.append(options[index]) }
            if let other, !other.trimmingWhitespace().isEmpty { picked.append(other.trimmingWhitespace()) }
            guard !picked.isEmpty else { throw AnswerError(message: "choose at least one, or skip") }
            return .choices(picked)
        case (.scale(let min, let max, _, _, _), .number(let number)):
            guard (min...max).contains(number) else { throw AnswerError(message: "give a number from \(min) to \(max)") }
            return .number(number)
        case (.part(let allowsNew), .partNamed(let rawName)):
            let name = rawName.trimmingWhitespace()
            guard !name.isEmpty else { throw AnswerError(message: "name the part, or skip") }
            if let existing = PartMatcher.exact(name, in: parts(run: run)).first {
                return .part(.known(existing.id))
            }
            guard allowsNew else { throw AnswerError(message: "choose one of the parts you have already named") }
            return .part(.new(newPartID(for: name, run: run), name: name))
        case (.part, .part(let id)):
            guard parts(run: run).contains(where: { $0.id == id }) else { throw AnswerError(message: "there is no part '\(id)'") }
            return .part(.known(id))
        case (.selfCheck(let qualities), .ratings(let ratings)):
            for (quality, value) in ratings {
                guard qualities.contains(quality) else { throw AnswerError(message: "this step does not ask about \(quality.label)") }
                guard (0...10).contains(value) else { throw AnswerError(message: "rate \(quality.label) from 0 to 10") }
            }
            return ratings.isEmpty ? .skipped : .ratings(ratings)
        case (.feelToward, .text(let text)):
            return .feeling(text, sorter.sort(text))
        default:
            throw AnswerError(message: Self.expectation(for: step.kind))
        }
    }

    static func expectation(for kind: FlowStepKind) -> String {
        switch kind {
        case .message, .pause, .call: return "nothing to answer here; continue when ready"
        case .shortText, .longText, .feelToward: return "write your answer, or skip"
        case .choice: return "choose one of the options"
        case .multipleChoice: return "choose one or more of the options"
        case .scale(let min, let max, _, _, _): return "give a number from \(min) to \(max)"
        case .part: return "name a part"
        case .selfCheck: return "rate each quality from 0 to 10"
        }
    }

    private func newPartID(for name: String, run: FlowRun) -> PartID {
        let base = name.slug.isEmpty ? "part" : name.slug
        // Ids merged into another part stay taken: a new part under one would read as that part.
        let all = parts(run: run)
        let taken = Set(all.map(\.id.rawValue) + all.flatMap(\.mergedFrom).map(\.rawValue))
        var candidate = base
        var counter = 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        return PartID(candidate)
    }

    // MARK: Variables

    /// The registry as this session has changed it so far (new parts, updated fields).
    public func parts(run: FlowRun) -> [Part] {
        PartChanges.apply(run: run, to: knownParts, library: library).all
    }

    private func partView(_ id: PartID, run: FlowRun) -> Part? {
        parts(run: run).first { $0.id == id }
    }

    private func resolveText(_ path: [String], run: FlowRun, fallback: ([String]) -> String) -> String {
        if path == ["part"] || path == ["part", "name"] {
            return run.focus.flatMap { partView($0, run: run)?.name } ?? "this part"
        }
        return fallback(path)
    }

    func flowValue(_ value: AnswerValue) -> FlowValue {
        switch value {
        case .skipped: return .none
        case .text(let text): return text.trimmingWhitespace().isEmpty ? .none : .text(text)
        case .choice(let text): return .text(text)
        case .choices(let items): return .list(items)
        case .number(let n): return .number(n)
        case .part(let choice):
            switch choice {
            case .known(let id): return .text(knownParts.first { $0.id == id }?.name ?? id.rawValue)
            case .new(_, let name): return .text(name)
            }
        case .ratings(let ratings):
            guard !ratings.isEmpty else { return .none }
            return .number(Int((Double(ratings.values.reduce(0, +)) / Double(ratings.count)).rounded()))
        case .feeling(let text, _): return .text(text)
        }
    }

    /// The value of a variable path (docs/prompt-format.md, "Variables").
    public func resolve(_ path: [String], run: FlowRun) -> FlowValue {
        guard let root = path.first else { return .none }
        let frame = run.frames.last
        switch root {
        case "answer":
            guard let frame else { return .none }
            return run.answers.last { $0.flowID == frame.flowID && $0.stepID == frame.stepID }.map { flowValue($0.value) } ?? .none
        case "visits":
            guard let frame else { return .none }
            return .number(frame.visits[frame.stepID, default: 0])
        case "flow":
            return frame.map { .text($0.flowID) } ?? .none
        case "feel":
            guard let confirmed = confirmedFeeling(run) else {
                // A draft saved before readings were confirmed: its words can still be quoted.
                guard path.count > 1, path[1] == "words",
                      case .feeling(_, let sorting)? = run.answers.last(where: { if case .feeling = $0.value { return true } else { return false } })?.value
                else { return .none }
                return sorting.evidence.isEmpty ? .none : .text(FeelTowardChoice.quoted(sorting.evidence))
            }
            return confirmed.value(path.count > 1 ? path[1] : "sorted")
        case "self":
            var latest: [SelfQuality: Int] = [:]
            for answer in run.answers { if case .ratings(let ratings) = answer.value { latest.merge(ratings) { $1 } } }
            guard !latest.isEmpty else { return .none }
            if path.count > 1, let quality = SelfQuality(rawValue: path[1]) { return latest[quality].map(FlowValue.number) ?? .none }
            return .number(Int((Double(latest.values.reduce(0, +)) / Double(latest.count)).rounded()))
        case "safety":
            let plan = SafetyPlanChanges.apply(run: run, to: safetyPlan, library: library)
            if path.count > 1 {
                guard let field = SafetyPlanField.allCases.first(where: { $0.variable == path[1] }) else { return .none }
                let value = plan[field].trimmingWhitespace()
                return value.isEmpty ? .none : .text(value)
            }
            return plan.summary.isEmpty ? .none : .text(plan.summary)
        case "distress":
            // The latest distress rating of the session, whichever flow asked it (a caller reads
            // what its grounding call ended on). A skipped rating says nothing, so it is none.
            let latest = run.answers.last { answer in
                guard case .scale(_, _, _, _, true)? = library.flow(answer.flowID)?.step(answer.stepID)?.kind else { return false }
                return true
            }
            return latest.map { flowValue($0.value) } ?? .none
        case "part":
            guard let id = run.focus, let part = partView(id, run: run) else { return .none }
            return partValue(part, field: path.count > 1 ? path[1] : "name", run: run)
        default:
            // A step of the flow running (of the whole session once it has finished, for titles).
            let flowID = frame?.flowID ?? run.rootFlowID
            guard let answer = run.answers.last(where: { $0.flowID == flowID && $0.stepID == root }) else { return .none }
            if path.count > 1 {
                // A feel-toward step's reading, whether or not words were written.
                if case .feelToward? = library.flow(flowID)?.step(root)?.kind {
                    return confirmedFeeling(run, question: (flowID, root)).map { $0.value(path[1]) } ?? .none
                }
                switch (answer.value, path[1]) {
                case (.ratings(let ratings), "rated"):
                    return .number(ratings.count) // how many qualities were rated (left blank is not high)
                case (.ratings(let ratings), let name):
                    return SelfQuality(rawValue: name).flatMap { ratings[$0] }.map(FlowValue.number) ?? .none
                default: return .none
                }
            }
            return flowValue(answer.value)
        }
    }

    /// How the person read a feel-toward answer: the latest confirmation of the session (or of
    /// one question), with the proposal it answered.
    struct ConfirmedFeeling {
        var reading: FeelTowardResult
        var proposal: FeelTowardSorting?

        /// `sorted` (the person's reading), `proposed` (Haven's) or `words` (the person's words
        /// that fit their reading; none when the words did not show it).
        func value(_ field: String) -> FlowValue {
            switch field {
            case "proposed": return proposal.map { .text($0.result.rawValue) } ?? .none
            case "words":
                let words = proposal?.evidence(for: reading) ?? []
                return words.isEmpty ? .none : .text(FeelTowardChoice.quoted(words))
            default: return .text(reading.rawValue)
            }
        }
    }

    /// The person's latest reading: their confirmation after a feel-toward answer, or a "that's
    /// not it" correction since. With `question`, the latest confirmation of that step only.
    func confirmedFeeling(_ run: FlowRun, question: (flowID: String, stepID: String)? = nil) -> ConfirmedFeeling? {
        if let question {
            guard let index = run.answers.lastIndex(where: { answer in
                answer.flowID == question.flowID && library.flow(answer.flowID)?.step(answer.stepID)?.confirms == question.stepID
            }) else { return nil }
            return ConfirmedFeeling(reading: FeelTowardChoice.reading(of: run.answers[index], library: library) ?? .unclear,
                                    proposal: proposal(before: index, run: run))
        }
        guard let index = run.answers.lastIndex(where: { FeelTowardChoice.reading(of: $0, library: library) != nil }) else { return nil }
        let reading = FeelTowardChoice.reading(of: run.answers[index], library: library) ?? .unclear
        // A correction quotes nothing: the words were read the other way.
        let isConfirmation = library.flow(run.answers[index].flowID)?.step(run.answers[index].stepID)?.confirms != nil
        return ConfirmedFeeling(reading: reading, proposal: isConfirmation ? proposal(before: index, run: run) : nil)
    }

    /// The proposal the confirmation at `index` answered (nil when no words were written).
    private func proposal(before index: Int, run: FlowRun) -> FeelTowardSorting? {
        let answer = run.answers[index]
        guard let confirms = library.flow(answer.flowID)?.step(answer.stepID)?.confirms else { return nil }
        let question = run.answers[..<index].last { $0.flowID == answer.flowID && $0.stepID == confirms }
        if case .feeling(let words, let sorting)? = question?.value, !words.trimmingWhitespace().isEmpty { return sorting }
        return nil
    }

    private func partValue(_ part: Part, field: String, run: FlowRun) -> FlowValue {
        func text(_ value: String) -> FlowValue { value.isEmpty ? .none : .text(value) }
        switch field {
        case "name": return .text(part.name)
        case "id": return .text(part.id.rawValue)
        case "role": return .text(part.role.rawValue)
        case "is_new": return .text(knownParts.contains { $0.id == part.id } ? "no" : "yes")
        case "apparent_age": return text(part.apparentAge)
        case "body_location": return text(part.bodyLocation)
        case "job": return text(part.job)
        case "positive_intent": return text(part.positiveIntent)
        case "new_role": return text(part.newRole)
        case "feelings": return part.feelings.isEmpty ? .none : .list(part.feelings)
        case "beliefs": return part.beliefs.isEmpty ? .none : .list(part.beliefs)
        case "fears": return part.fears.isEmpty ? .none : .list(part.fears)
        case "colour": return part.colour.map(FlowValue.text) ?? .none
        case "permission": return part.permissions.last.map { .text($0.answer.rawValue) } ?? .none
        case "stage": return part.stage.map { .text($0.rawValue) } ?? .none
        case "guarded":
            // Whether its past waits for its protectors: one has not said yes (or said it while
            // another part was close), or it is a young part whose protectors are not known yet.
            let permission = partValue(part, field: "protectors_permission", run: run).displayText
            let guarded = permission == "no" || permission == "again" || (permission == "none" && part.role == .exile)
            return .text(guarded ? "yes" : "no")
        case "protectors_permission":
            // Whether every part that protects this one has said yes (its latest answer).
            // Only answers to the request to visit what a protector protects count here.
            // Links and permissions written before a merge name the merged-away id: read through
            // it, or a protector of a merged part would be missed and the gate open unasked.
            let all = parts(run: run)
            let aliases = PartAliases(all)
            let target = aliases.resolve(part.id)
            let protectors = aliases.standing(all).filter { $0.id != target && $0.protects.map(aliases.resolve).contains(target) }
            guard !protectors.isEmpty else { return .text("none") }
            let latest = protectors.map { protector in
                protector.permissions.last { permission in
                    permission.about.map { aliases.resolve($0) == target } ?? (permission.request == PartPermission.visitRequest)
                }
            }
            guard latest.allSatisfy({ $0?.answer == .yes }) else { return .text("no") }
            // A yes given while the person had said another part was close is heard again first.
            return .text(latest.contains { $0?.selfLed == false } ? "again" : "yes")
        case "protects":
            let all = parts(run: run)
            let aliases = PartAliases(all)
            return .list(part.protects.map { id in all.first { $0.id == aliases.resolve(id) }?.name ?? id.rawValue })
        default: return .none
        }
    }
}
