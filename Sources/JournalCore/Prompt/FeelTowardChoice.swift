/// The person's own reading of a feel-toward answer. Every `feel-toward` step is followed by a
/// step that shows what the lexicon proposes in one line, with the words it went by, and asks
/// the person to confirm or change it; flows branch on that choice, never on the guess.
public enum FeelTowardChoice {
    /// The choices, in the person's terms, always in this order (so a key press means the same
    /// thing every time); the proposed one is highlighted.
    public static let readings: [(reading: FeelTowardResult, words: String)] = [
        (.selfPresent, "I do feel open toward it"),
        (.targetBlended, "It's the part's own feeling; I'm in it"),
        (.concernedPart, "Another part has feelings about it, or wants something"),
        (.unclear, "I'm not sure"),
    ]

    public static var options: [String] { readings.map(\.words) }

    public static func option(for reading: FeelTowardResult) -> Int {
        readings.firstIndex { $0.reading == reading } ?? readings.count - 1
    }

    /// The reading a chosen option stands for (nil for words that are not one of the options).
    public static func reading(of option: String) -> FeelTowardResult? {
        readings.first { $0.words == option }?.reading
    }

    /// A "that's not it" option later in the loop, in the person's terms: "Actually, " and one
    /// of the readings ("Actually, I do feel open toward it"). Choosing it changes their reading.
    public static func correction(to reading: FeelTowardResult) -> String {
        let words = readings.first { $0.reading == reading }?.words ?? ""
        let lowered = words.hasPrefix("I ") ? words : words.prefix(1).lowercased() + words.dropFirst()
        return "Actually, " + lowered
    }

    /// The reading a recorded answer gives: the confirmation after a feel-toward answer (left
    /// open reads as unclear: nothing was chosen), or a "that's not it" correction; nil for any
    /// other answer.
    static func reading(of answer: RecordedAnswer, library: FlowLibrary) -> FeelTowardResult? {
        if library.flow(answer.flowID)?.step(answer.stepID)?.confirms != nil {
            if case .choice(let words) = answer.value { return reading(of: words) ?? .unclear }
            return .unclear
        }
        guard case .choice(let words) = answer.value, words.hasPrefix("Actually, ") else { return nil }
        return readings.map(\.reading).first { correction(to: $0) == words }
    }

    /// The id of the step that confirms feel-toward step `id`. `prompts check` keeps it free.
    public static func stepID(confirming id: String) -> String { "\(id)-sorting" }

    public static let hint = "Haven only goes by the words; you know better. Choose what fits."

    /// The person's words, each in quotes: `"annoyed", "I wish it would"`.
    public static func quoted(_ words: [String]) -> String {
        words.prefix(3).map { "\"\($0)\"" }.joined(separator: ", ")
    }

    /// The one line that shows the proposal back: what it sounds like, in the person's words.
    public static func prompt(for sorting: FeelTowardSorting?, answered: Bool, part: String) -> String {
        guard answered, let sorting else { return "Which of these is closest to how you feel toward \(part) right now?" }
        let shown = quoted(sorting.evidence)
        let words = shown.isEmpty ? "" : " (\(shown))"
        switch sorting.result {
        case .selfPresent:
            return "It sounds like there is some openness toward \(part) here\(words). Is that how it is?"
        case .targetBlended:
            return "It sounds like \(part)'s own feeling may have filled you for now\(words). Is that how it is?"
        case .concernedPart:
            return "It sounds like another part may have feelings about \(part), or want something from it\(words). Is that how it is?"
        case .unclear:
            if sorting.isBodyOnly {
                return "You wrote where you notice it\(words), which is worth knowing. Which of these is closest to how you feel toward \(part)?"
            }
            return "Haven could not tell from the words, and that is fine. Which of these is closest to how you feel toward \(part)?"
        }
    }

    /// A feel-toward step as it runs: the question, then the step that confirms its reading,
    /// which takes over the question's branches and where it goes next.
    static func steps(for question: FlowStep) -> [FlowStep] {
        var ask = question
        let confirmID = stepID(confirming: question.id)
        ask.branches = []
        ask.next = .step(confirmID)
        var confirm = FlowStep(id: confirmID, kind: .choice(options: options, allowsOther: false), text: "",
                               hint: hint, next: question.next, branches: question.branches, position: question.position)
        confirm.confirms = question.id
        return [ask, confirm]
    }
}
