import JournalCore

/// Runs a flow line by line on a console, without the full-screen app: for scripts, tests,
/// screen readers and terminals ncurses cannot drive (docs/cli.md, "haven write").
///
/// Answers: a long answer ends with a line holding a single `.`; a choice by its number or its
/// words; a scale by a number; a part by its name; an empty line skips. Lines `:back`, `:skip`,
/// `:ground`, `:finish` and `:help` are commands. The draft is saved after every answer; at end
/// of input the session stays a draft and the console says how to resume it.
public struct PlainSession {
    public enum Result: Equatable {
        case saved(path: String)
        /// Saved, but some part records could not be updated (the draft is kept to retry).
        case savedWithProblems(path: String)
        case draftKept(EntryID)
        case nothingToSave
    }

    let context: HavenContext
    let engine: FlowEngine
    let saver: SessionSaver
    var run: FlowRun
    let entryID: EntryID
    /// An answer typed in the full-screen app before it closed (kept in the draft), offered for
    /// the step the session resumes at.
    var pendingAnswer: String?
    private var console: Console { context.console }

    static let helpText = """
        Answer each prompt and press Enter. An empty line skips a prompt ("I don't know" is fine).
        A long answer can take many lines; end it with a line holding only "."
        Commands (on a line of their own): :back  previous prompt   :skip  skip this one
          :ground  take a moment to ground   :finish  save now and stop   :help  this text
        """

    public init(context: HavenContext, engine: FlowEngine, run: FlowRun, entryID: EntryID, pendingAnswer: String? = nil) {
        self.context = context
        self.engine = engine
        self.saver = SessionSaver(store: context.store, library: engine.library)
        self.run = run
        self.entryID = entryID
        self.pendingAnswer = pendingAnswer.flatMap { $0.isEmpty ? nil : $0 }
    }

    public mutating func start() throws(CommandFailure) -> Result {
        guard let flow = engine.library.flow(run.rootFlowID) else {
            throw CommandFailure("haven: unknown flow '\(run.rootFlowID)'", status: ExitStatus.usage)
        }
        let minutes = flow.minutes.map { ", about \($0) min" } ?? ""
        console.line("\(flow.title)\(minutes). Type :help for the keys; an empty line skips.")
        while let presented = engine.currentStep(run) {
            console.line()
            show(presented)
            guard presented.step.kind.takesAnswer else {
                try submit(.acknowledge)
                continue
            }
            if let pending = pendingAnswer {
                switch presented.step.kind {
                case .shortText, .longText, .feelToward:
                    console.line("  (you had started: \(pending.split(separator: "\n").joined(separator: " / ")))")
                    console.line("  (an empty line keeps it; or write a new answer)")
                default:
                    pendingAnswer = nil
                }
            }
            var reading = readAnswer(for: presented)
            if let pending = pendingAnswer {
                pendingAnswer = nil
                switch reading {
                case .answer(.skip), .endOfInput(nil): reading = .answer(.text(pending))
                case .command(.finish):
                    try? engine.answer(.text(pending), run: &run)
                default: break
                }
            }
            switch reading {
            case .answer(let input):
                do {
                    try engine.answer(input, run: &run)
                } catch {
                    console.line("  (\(error.message))")
                    continue
                }
                try keepDraft()
            case .command(let command):
                try perform(command)
            case .endOfInput(let partial):
                if let partial { try? engine.answer(partial, run: &run) }
                guard !run.answers.isEmpty else {
                    console.line()
                    console.errorLine("haven: input ended before anything was answered; nothing was saved.")
                    return .nothingToSave
                }
                try keepDraft()
                console.line()
                console.errorLine("haven: input ended before the flow finished. Your answers so far are kept as a draft.")
                console.errorLine("haven: resume with: haven write --plain --resume latest")
                return .draftKept(entryID)
            }
        }
        return try finish()
    }

    private mutating func submit(_ input: AnswerInput) throws(CommandFailure) {
        do {
            try engine.answer(input, run: &run)
        } catch {
            throw CommandFailure("haven: \(error.message)", status: ExitStatus.dataError)
        }
    }

    private func keepDraft() throws(CommandFailure) {
        do {
            try saver.saveDraft(run, entryID: entryID, at: context.clock.now())
        } catch {
            throw context.fail(error)
        }
    }

    private func finish() throws(CommandFailure) -> Result {
        if let note = run.endNote { console.errorLine("haven: \(note)") }
        do {
            let saved = try saver.save(run, entryID: entryID)
            console.line()
            guard let entry = saved.entry else {
                console.line("Nothing was answered, so no entry was saved.")
                return .nothingToSave
            }
            let path = context.locations.journal + "/" + entry.path
            console.line("Saved: \(path)")
            for (part, change) in zip(saved.parts, saved.changes) {
                console.line("Updated part: \(change.line) (\(part.path))")
            }
            for failure in saved.partFailures {
                console.errorLine("haven: not saved: \(failure). The draft is kept; 'haven write --plain --resume \(entryID)' tries again.")
            }
            return saved.partFailures.isEmpty ? .saved(path: path) : .savedWithProblems(path: path)
        } catch {
            throw context.fail(error)
        }
    }

    // MARK: Showing a step

    private func show(_ presented: PresentedStep) {
        let place = presented.depth > 0 ? "\(presented.flow.title), " : ""
        let position = presented.number.flatMap { number in presented.count.map { "\(number)/\($0)" } } ?? "·"
        console.line("[\(place)\(position)] \(presented.text)")
        if !presented.hint.isEmpty { console.line("  \(presented.hint)") }
        switch presented.step.kind {
        case .pause(let seconds):
            console.line(seconds.map { "  (a pause of about \($0) seconds; take the time you need)" } ?? "  (take the time you need)")
        case .longText:
            console.line("  (as many lines as you like; end with a line holding only \".\")")
        case .choice(let options, let allowsOther), .multipleChoice(let options, let allowsOther):
            for (index, option) in options.enumerated() { console.line("  \(index + 1). \(option)") }
            if presented.proposal != nil, let suggested = presented.suggestedOption {
                console.line("  (Haven's guess is \(suggested + 1); type its number to agree, or another; an empty line leaves it open)")
            } else if case .multipleChoice = presented.step.kind {
                console.line("  (one or more numbers or answers, separated by commas\(allowsOther ? "; or your own words" : ""))")
            } else if allowsOther {
                console.line("  (a number, or your own words)")
            }
        case .scale(let min, let max, let low, let high, _):
            let ends = [low.isEmpty ? nil : "\(min) = \(low)", high.isEmpty ? nil : "\(max) = \(high)"].compactMap { $0 }
            console.line("  (a number from \(min) to \(max)\(ends.isEmpty ? "" : ": " + ends.joined(separator: ", ")))")
        case .part:
            let known = engine.parts(run: run).map(\.name)
            if !known.isEmpty { console.line("  Parts you have named: \(known.joined(separator: ", "))") }
        case .selfCheck:
            console.line("  (a number from 0 to 10 for each; an empty line leaves one out)")
        default:
            break
        }
        if let previous = presented.previousAnswer {
            console.line("  (before, you answered: \(Self.describe(previous)); answer again or press Enter to skip)")
        }
    }

    static func describe(_ value: AnswerValue) -> String {
        switch value {
        case .skipped: return "skipped"
        case .text(let text), .choice(let text), .feeling(let text, _): return text
        case .choices(let items): return items.joined(separator: ", ")
        case .number(let n): return String(n)
        case .part(let choice):
            if case .new(_, let name) = choice { return name }
            return choice.id.rawValue
        case .ratings(let ratings):
            return SelfEnergyReading(ratings).ordered.map { "\($0.quality.label) \($0.value)" }.joined(separator: ", ")
        }
    }

    // MARK: Reading an answer

    enum Command: String {
        case back = ":back", skip = ":skip", ground = ":ground", finish = ":finish", help = ":help"
    }

    enum Reading {
        case answer(AnswerInput)
        case command(Command)
        /// Input ended; a long answer typed so far is kept.
        case endOfInput(AnswerInput?)
    }

    private func prompt() -> String? {
        console.write("> ")
        return console.readLine()
    }

    private func readAnswer(for presented: PresentedStep) -> Reading {
        if case .selfCheck(let qualities) = presented.step.kind { return readRatings(qualities) }
        var askedAbout: String? // a doubtful new part name, asked about once
        while true {
            guard let line = prompt() else { return .endOfInput(nil) }
            if let command = Command(rawValue: line.trimmingWhitespace()) { return .command(command) }
            if line.trimmingWhitespace().isEmpty { return .answer(.skip) }
            switch Self.parse(line, for: presented.step.kind) {
            case .success(let input):
                if case .longText = presented.step.kind, case .text(let first) = input {
                    return readLongText(first: first)
                }
                // "4" or "x" is more likely a slip than a new part: it is refused unless typed again.
                if case .partNamed(let name) = input, PartNameCheck.isDoubtful(name),
                   !engine.parts(run: run).contains(where: { $0.answers(to: name) }), askedAbout != name.trimmingWhitespace() {
                    askedAbout = name.trimmingWhitespace()
                    console.line("  (\(PartNameCheck.question(name, confirm: "Type it again")))")
                    continue
                }
                return .answer(input)
            case .failure(let error):
                console.line("  (\(error.message))")
            }
        }
    }

    private func readLongText(first: String) -> Reading {
        var lines = [first]
        if first == "." { return .answer(.skip) }
        while true {
            console.write(". ")
            guard let line = console.readLine() else { return .endOfInput(.text(lines.joined(separator: "\n"))) }
            if line == "." { return .answer(.text(lines.joined(separator: "\n"))) }
            lines.append(line)
        }
    }

    /// One line per quality, each a number from 0 to 10 or empty to leave it out.
    private func readRatings(_ qualities: [SelfQuality]) -> Reading {
        var ratings: [SelfQuality: Int] = [:]
        var index = 0
        while index < qualities.count {
            let quality = qualities[index]
            console.write("\(quality.label)> ")
            guard let line = console.readLine() else {
                return .endOfInput(ratings.isEmpty ? nil : .ratings(ratings))
            }
            if let command = Command(rawValue: line.trimmingWhitespace()) { return .command(command) }
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty { index += 1; continue }
            guard let value = Int(trimmed), (0...10).contains(value) else {
                console.line("  (a number from 0 to 10 for \(quality.label), or an empty line to leave it out)")
                continue
            }
            ratings[quality] = value
            index += 1
        }
        return .answer(ratings.isEmpty ? .skip : .ratings(ratings))
    }

    /// Reads one line as an answer to a step of this kind.
    static func parse(_ line: String, for kind: FlowStepKind) -> Swift.Result<AnswerInput, AnswerError> {
        let trimmed = line.trimmingWhitespace()
        switch kind {
        case .shortText, .longText, .feelToward:
            return .success(.text(kind == .longText ? line : trimmed))
        case .choice(let options, let allowsOther):
            if let number = Int(trimmed) {
                guard (1...options.count).contains(number) else {
                    return .failure(AnswerError(message: "choose a number from 1 to \(options.count)"))
                }
                return .success(.option(number - 1))
            }
            if let index = options.firstIndex(where: { $0.lowercased() == trimmed.lowercased() }) {
                return .success(.option(index))
            }
            if allowsOther { return .success(.other(trimmed)) }
            return .failure(AnswerError(message: "choose a number from 1 to \(options.count), or write one of the options"))
        case .multipleChoice(let options, let allowsOther):
            var indices: [Int] = []
            var others: [String] = []
            for piece in trimmed.split(separator: ",").map({ $0.trimmingWhitespace() }) where !piece.isEmpty {
                if let number = Int(piece), (1...options.count).contains(number) {
                    indices.append(number - 1)
                } else if let index = options.firstIndex(where: { $0.lowercased() == piece.lowercased() }) {
                    indices.append(index)
                } else if allowsOther {
                    others.append(piece)
                } else {
                    return .failure(AnswerError(message: "'\(piece)' is not one of the options; use numbers from 1 to \(options.count)"))
                }
            }
            return .success(.options(indices, other: others.isEmpty ? nil : others.joined(separator: ", ")))
        case .scale(let min, let max, _, _, _):
            guard let number = Int(trimmed), (min...max).contains(number) else {
                return .failure(AnswerError(message: "give a whole number from \(min) to \(max)"))
            }
            return .success(.number(number))
        case .part:
            return .success(.partNamed(trimmed))
        case .message, .pause, .call, .selfCheck: // self-checks are read one quality at a time
            return .success(.acknowledge)
        }
    }

    // MARK: Commands

    private mutating func perform(_ command: Command) throws(CommandFailure) {
        switch command {
        case .help:
            console.line(Self.helpText)
        case .back:
            if !engine.back(&run) { console.line("  (this is the first prompt)") }
            // Passing back over messages and pauses too, to the last thing answered.
            while let step = engine.currentStep(run), !step.step.kind.takesAnswer, engine.back(&run) {}
        case .skip:
            try submit(.skip)
            try keepDraft()
        case .ground:
            do {
                try engine.interrupt(with: "grounding", run: &run)
            } catch {
                console.line("  (grounding is not available: \(error))")
            }
        case .finish:
            engine.finish(&run)
        }
    }
}
