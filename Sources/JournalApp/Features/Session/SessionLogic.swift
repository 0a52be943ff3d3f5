import JournalCore
import TerminalUI

/// How each step kind is answered on screen: which input widget it gets, how keys change that
/// input, and how the input becomes an `AnswerInput` for the engine. Pure functions.
enum SessionLogic {
    /// Sets up the input for the step now showing, offering the earlier answer after "back".
    static func prepareInput(_ session: inout SessionState, engine: FlowEngine, now: Int) {
        session.hint = nil
        guard let step = engine.currentStep(session.run) else {
            session.input = .none
            return
        }
        if let part = session.aboutPart, case .part = step.step.kind {
            session.aboutPart = nil
            if (try? engine.answer(.part(part), run: &session.run)) != nil {
                return prepareInput(&session, engine: engine, now: now)
            }
        }
        let previous = step.previousAnswer
        switch step.step.kind {
        case .message, .call:
            session.input = .none
        case .pause(let seconds):
            session.input = .pause(startedAt: now, seconds: seconds)
        case .shortText, .longText, .feelToward:
            var text = ""
            switch previous {
            case .text(let value)?: text = value
            case .feeling(let value, _)?: text = value
            default: break
            }
            session.input = .text(EditorBridge.make(text: text))
        case .choice(let options, let allowsOther):
            // Haven's proposal is highlighted first where it has one; Enter confirms it.
            var selected = step.suggestedOption ?? 0
            var other: TextEditorState?
            if case .choice(let value)? = previous {
                if let index = options.firstIndex(of: value) { selected = index } else if allowsOther {
                    selected = options.count
                    other = EditorBridge.make(text: value)
                }
            }
            session.input = .choice(selected: selected, other: other)
        case .multipleChoice(let options, _):
            var checked = Set<Int>()
            var other: TextEditorState?
            if case .choices(let values)? = previous {
                for value in values {
                    if let index = options.firstIndex(of: value) { checked.insert(index) } else { other = EditorBridge.make(text: value) }
                }
            }
            session.input = .multipleChoice(selected: 0, checked: checked, other: other)
        case .scale:
            if case .number(let value)? = previous { session.input = .scale(value: value, typed: "") } else {
                session.input = .scale(value: nil, typed: "")
            }
        case .part:
            var name = ""
            if case .part(.new(_, let newName))? = previous { name = newName }
            if case .part(.known(let id))? = previous { name = engine.parts(run: session.run).first { $0.id == id }?.name ?? "" }
            session.input = .part(name: EditorBridge.make(text: name), selected: name.isEmpty ? -1 : 0)
        case .selfCheck:
            var ratings: [SelfQuality: Int] = [:]
            if case .ratings(let previousRatings)? = previous { ratings = previousRatings }
            session.input = .selfCheck(selected: 0, ratings: ratings)
        }
    }

    /// The parts offered by a part step for what was typed (exact, then beginning, then containing it).
    static func partMatches(_ typed: String, parts: [Part]) -> [Part] {
        PartMatcher.suggestions(typed, in: parts)
    }

    /// The rows of a part step: "new part: <typed>" (when typed and not a known name), then matches.
    static func partRows(_ typed: String, parts: [Part], allowsNew: Bool = true) -> [PartRow] {
        let name = typed.trimmingWhitespace()
        let matches = partMatches(name, parts: parts)
        // Known parts that match come first, so "The wor" picks "The worrier"; a new name follows.
        var rows: [PartRow] = matches.map { .known($0) }
        if allowsNew, !name.isEmpty, !parts.contains(where: { $0.answers(to: name) }) { rows.append(.new(name)) }
        return rows
    }

    enum PartRow: Hashable {
        case new(String)
        case known(Part)
    }

    /// What the person has typed or marked on the current step, as an answer; nil when they have
    /// not done anything there (a highlighted option alone is not a choice).
    static func pendingAnswer(session: SessionState, engine: FlowEngine) -> AnswerInput? {
        guard let step = engine.currentStep(session.run) else { return nil }
        switch session.input {
        case .text(let editor):
            return editor.text.trimmingWhitespace().isEmpty ? nil : .text(editor.text)
        case .choice(_, let other?):
            let text = EditorBridge.text(of: other).trimmingWhitespace()
            return text.isEmpty ? nil : .other(text)
        case .multipleChoice(_, let checked, let other):
            let text = other.map { EditorBridge.text(of: $0).trimmingWhitespace() } ?? ""
            return checked.isEmpty && text.isEmpty ? nil : .options(checked.sorted(), other: text.isEmpty ? nil : text)
        case .scale(let value?, _):
            return .number(value)
        case .part(let name, _):
            guard !EditorBridge.text(of: name).trimmingWhitespace().isEmpty else { return nil }
            return try? answerInput(for: step, input: session.input, engine: engine, run: session.run).get()
        case .selfCheck(_, let ratings, _):
            return ratings.isEmpty ? nil : .ratings(ratings)
        default:
            return nil
        }
    }

    static func answerInput(for step: PresentedStep, input: StepInput, engine: FlowEngine,
                            run: FlowRun) -> Result<AnswerInput, AnswerError> {
        switch (step.step.kind, input) {
        case (.message, _), (.pause, _), (.call, _):
            return .success(.acknowledge)
        case (.shortText, .text(let editor)), (.longText, .text(let editor)), (.feelToward, .text(let editor)):
            let text = EditorBridge.text(of: editor)
            return .success(text.trimmingWhitespace().isEmpty ? .skip : .text(text))
        case (.choice(let options, _), .choice(let selected, let other)):
            if let other, !EditorBridge.text(of: other).trimmingWhitespace().isEmpty {
                return .success(.other(EditorBridge.text(of: other).trimmingWhitespace()))
            }
            guard options.indices.contains(selected) else { return .failure(AnswerError(message: "type your own words, or choose an option")) }
            return .success(.option(selected))
        case (.multipleChoice, .multipleChoice(_, let checked, let other)):
            let otherText = other.map { EditorBridge.text(of: $0).trimmingWhitespace() } ?? ""
            if checked.isEmpty && otherText.isEmpty {
                return .failure(AnswerError(message: "tick one or more with Space, or Ctrl-K to skip"))
            }
            return .success(.options(checked.sorted(), other: otherText.isEmpty ? nil : otherText))
        case (.scale, .scale(let value, _)):
            guard let value else { return .failure(AnswerError(message: "choose a number with the arrows or digits, or Ctrl-K to skip")) }
            return .success(.number(value))
        case (.part(let allowsNew), .part(let name, let selected)):
            let rows = partRows(EditorBridge.text(of: name), parts: engine.parts(run: run), allowsNew: allowsNew)
            guard rows.indices.contains(selected) else {
                return .failure(AnswerError(message: allowsNew ? "type a name, or pick a part with ↓, or Ctrl-K to skip"
                                                               : "pick a part with ↓, or Ctrl-K to skip"))
            }
            switch rows[selected] {
            case .new(let newName): return .success(.partNamed(newName))
            case .known(let part): return .success(.part(part.id))
            }
        case (.selfCheck, .selfCheck(_, let ratings, _)):
            return .success(ratings.isEmpty ? .skip : .ratings(ratings))
        default:
            return .failure(AnswerError(message: "continue with Enter"))
        }
    }

    /// What a key does to the input; `submit` when it also answers (a digit on a choice).
    static func edit(key: Key, action: SessionAction?, step: PresentedStep, input: StepInput, width: Int, height: Int,
                     parts: [Part]) -> (input: StepInput, submit: Bool) {
        switch (step.step.kind, input) {
        case (.shortText, .text(var editor)), (.feelToward, .text(var editor)):
            _ = EditorBridge.handle(key: key, state: &editor, width: width, height: height)
            return (.text(editor), false)
        case (.longText, .text(var editor)):
            _ = EditorBridge.handle(key: key, state: &editor, width: width, height: height)
            return (.text(editor), false)
        case (.choice(let options, let allowsOther), .choice(let selected, let other)):
            let count = options.count + (allowsOther ? 1 : 0)
            if action == .up { return (.choice(selected: max(0, selected - 1), other: other), false) }
            if action == .down { return (.choice(selected: min(count - 1, selected + 1), other: other), false) }
            if allowsOther, selected == options.count {
                var editor = other ?? EditorBridge.make(text: "")
                _ = EditorBridge.handle(key: key, state: &editor, width: width, height: 1)
                return (.choice(selected: selected, other: editor), false)
            }
            if case .character(let c) = key, let digit = c.wholeNumberValue, digit >= 1, digit <= options.count {
                return (.choice(selected: digit - 1, other: nil), true)
            }
            if allowsOther, case .character = key {
                var editor = EditorBridge.make(text: "")
                _ = EditorBridge.handle(key: key, state: &editor, width: width, height: 1)
                return (.choice(selected: options.count, other: editor), false)
            }
            return (input, false)
        case (.multipleChoice(let options, let allowsOther), .multipleChoice(let selected, var checked, let other)):
            let count = options.count + (allowsOther ? 1 : 0)
            if action == .up { return (.multipleChoice(selected: max(0, selected - 1), checked: checked, other: other), false) }
            if action == .down { return (.multipleChoice(selected: min(count - 1, selected + 1), checked: checked, other: other), false) }
            if allowsOther, selected == options.count, key != .character(" ") || other.map({ !EditorBridge.text(of: $0).isEmpty }) == true {
                var editor = other ?? EditorBridge.make(text: "")
                _ = EditorBridge.handle(key: key, state: &editor, width: width, height: 1)
                return (.multipleChoice(selected: selected, checked: checked, other: editor), false)
            }
            // Words typed anywhere go to "Also" (the person's own words), as on a single choice:
            // nothing typed is dropped.
            if allowsOther, case .character(let c) = key, c != " ", c.wholeNumberValue == nil || !c.isASCII {
                var editor = other ?? EditorBridge.make(text: "")
                _ = EditorBridge.handle(key: key, state: &editor, width: width, height: 1)
                return (.multipleChoice(selected: options.count, checked: checked, other: editor), false)
            }
            var toggleIndex: Int?
            if action == .tick, selected < options.count { toggleIndex = selected }
            if case .character(let c) = key, let digit = c.wholeNumberValue, digit >= 1, digit <= options.count { toggleIndex = digit - 1 }
            if let index = toggleIndex {
                if checked.contains(index) { checked.remove(index) } else { checked.insert(index) }
            }
            return (.multipleChoice(selected: toggleIndex ?? selected, checked: checked, other: other), false)
        case (.scale(let low, let high, _, _, _), .scale(let value, let typed)):
            let middle = (low + high) / 2
            if action == .left { return (.scale(value: max(low, (value ?? middle + 1) - 1), typed: ""), false) }
            if action == .right { return (.scale(value: min(high, (value ?? middle - 1) + 1), typed: ""), false) }
            if case .character(let c) = key, c.isASCII, c.isNumber {
                // Digits build a number: "1" then "0" makes 10 when the scale reaches it.
                let candidate = typed + String(c)
                if let number = Int(candidate), (low...high).contains(number) {
                    return (.scale(value: number, typed: candidate.count >= String(high).count ? "" : candidate), false)
                }
                if let number = Int(String(c)), (low...high).contains(number) { return (.scale(value: number, typed: String(c)), false) }
            }
            return (input, false)
        case (.part(let allowsNew), .part(var name, let selected)):
            let rows = partRows(EditorBridge.text(of: name), parts: parts, allowsNew: allowsNew)
            if action == .up { return (.part(name: name, selected: max(-1, selected - 1)), false) }
            if action == .down { return (.part(name: name, selected: min(rows.count - 1, selected + 1)), false) }
            _ = EditorBridge.handle(key: key, state: &name, width: width, height: 1)
            // A typed name picks the first row (the new name, or the known part it matches);
            // with nothing typed, nothing is picked for the person.
            return (.part(name: name, selected: EditorBridge.text(of: name).trimmingWhitespace().isEmpty ? -1 : 0), false)
        case (.selfCheck(let qualities), .selfCheck(let selected, var ratings, let typed)):
            // A digit rates the highlighted quality and stays on it; "1" then "0" makes 10.
            let quality = qualities[min(selected, qualities.count - 1)]
            if action == .up { return (.selfCheck(selected: max(0, selected - 1), ratings: ratings), false) }
            if action == .down { return (.selfCheck(selected: min(qualities.count - 1, selected + 1), ratings: ratings), false) }
            if action == .left { ratings[quality] = max(0, (ratings[quality] ?? 6) - 1) }
            if action == .right { ratings[quality] = min(10, (ratings[quality] ?? 4) + 1) }
            if case .character(let c) = key, let digit = c.wholeNumberValue, c.isASCII {
                if typed == "1" && digit == 0 {
                    ratings[quality] = 10
                    return (.selfCheck(selected: selected, ratings: ratings), false)
                }
                ratings[quality] = digit
                return (.selfCheck(selected: selected, ratings: ratings, typed: digit == 1 ? "1" : ""), false)
            }
            if key == .backspace || key == .delete { ratings[quality] = nil }
            return (.selfCheck(selected: selected, ratings: ratings), false)
        default:
            return (input, false)
        }
    }

    static func paste(_ text: String, into input: StepInput) -> StepInput {
        switch input {
        case .text(var editor):
            EditorBridge.insert(text, into: &editor)
            return .text(editor)
        case .part(var name, _):
            EditorBridge.insert(text.replacingNewlines(), into: &name)
            return .part(name: name, selected: 0)
        case .choice(let selected, let other):
            var editor = other ?? EditorBridge.make(text: "")
            EditorBridge.insert(text.replacingNewlines(), into: &editor)
            return .choice(selected: selected, other: editor)
        default:
            return input
        }
    }

    static func editableText(_ input: StepInput) -> String? {
        if case .text(let editor) = input { return EditorBridge.text(of: editor) }
        return nil
    }

    static func withEditedText(_ text: String, input: StepInput) -> StepInput {
        guard case .text = input else { return input }
        return .text(EditorBridge.make(text: text))
    }
}

extension String {
    func replacingNewlines() -> String {
        String(map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" ? " " : $0 })
    }
}
