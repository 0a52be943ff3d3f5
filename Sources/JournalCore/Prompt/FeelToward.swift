/// The words and phrases that sort an answer to "how do you feel toward this part?". Kept in the
/// prompt files (`Prompts/feel-toward-lexicon.yaml`) so it can be read and extended without code.
public struct FeelTowardLexicon: Hashable, Sendable {
    /// Signs that Self is present: curious, open, warm, calm...
    public var selfPresent: [String]
    /// Signs that the part in focus has blended: its own feeling in the first person.
    public var targetBlended: [String]
    /// Signs of another part with feelings about this one: anger, fear of it, wanting it gone.
    public var concernedPart: [String]
    /// Words that negate a sign within the few words before it ("not", "don't", "never").
    public var negations: [String]

    public init(selfPresent: [String] = [], targetBlended: [String] = [], concernedPart: [String] = [],
                negations: [String] = []) {
        self.selfPresent = selfPresent
        self.targetBlended = targetBlended
        self.concernedPart = concernedPart
        self.negations = negations
    }

    /// This lexicon with another's phrases added (a user's file extends the shipped one).
    public func merged(with other: FeelTowardLexicon) -> FeelTowardLexicon {
        func union(_ a: [String], _ b: [String]) -> [String] { a + b.filter { !a.contains($0) } }
        return FeelTowardLexicon(selfPresent: union(selfPresent, other.selfPresent),
                                 targetBlended: union(targetBlended, other.targetBlended),
                                 concernedPart: union(concernedPart, other.concernedPart),
                                 negations: union(negations, other.negations))
    }

    public var isEmpty: Bool { selfPresent.isEmpty && targetBlended.isEmpty && concernedPart.isEmpty }
}

/// One phrase of the lexicon found in an answer, with the person's own words for it.
public struct FeelTowardCue: Hashable, Sendable, Codable {
    public var category: FeelTowardResult
    /// The answer's words that matched, as the person wrote them (lower-cased).
    public var words: String
    /// True when a negation came just before ("not curious"); a negated sign of Self counts as
    /// a sign of a concerned part, other negated signs count for nothing.
    public var negated: Bool
}

public struct FeelTowardSorting: Hashable, Sendable, Codable {
    public var result: FeelTowardResult
    public var cues: [FeelTowardCue]

    /// The person's words behind the result, for gentle suggestions that quote them
    /// ("the one that feels annoyed").
    public var evidence: [String] {
        cues.filter { cue in
            cue.negated ? result == .concernedPart && cue.category == .selfPresent : cue.category == result
        }.map(\.words)
    }
}

/// Sorts a feel-toward answer by the lexicon. It suggests; the person always decides.
public struct FeelTowardSorter: Sendable {
    private struct Phrase {
        var tokens: [String]
        var category: FeelTowardResult
    }

    private let phrases: [Phrase]
    private let negations: Set<String>
    /// How many words before a sign a negation still applies to.
    private let negationReach = 3

    public init(lexicon: FeelTowardLexicon) {
        var phrases: [Phrase] = []
        for (list, category) in [(lexicon.selfPresent, FeelTowardResult.selfPresent),
                                 (lexicon.targetBlended, .targetBlended),
                                 (lexicon.concernedPart, .concernedPart)] {
            for phrase in list {
                let tokens = Self.tokenize(phrase).filter { $0 != Self.clauseBreak }
                if !tokens.isEmpty { phrases.append(Phrase(tokens: tokens, category: category)) }
            }
        }
        // Longest first, so "scared of it" (a concerned part) wins over "scared".
        self.phrases = phrases.sorted { $0.tokens.count > $1.tokens.count }
        negations = Set(lexicon.negations.flatMap(Self.tokenize).filter { $0 != Self.clauseBreak })
    }

    public func sort(_ answer: String) -> FeelTowardSorting {
        let tokens = Self.tokenize(answer)
        var used = [Bool](repeating: false, count: tokens.count)
        var matches: [(range: Range<Int>, phrase: Phrase)] = []
        for phrase in phrases where phrase.tokens.count <= tokens.count {
            var start = 0
            while start + phrase.tokens.count <= tokens.count {
                let range = start..<(start + phrase.tokens.count)
                if !used[range].contains(true), Self.matches(Array(tokens[range]), phrase.tokens) {
                    for i in range { used[i] = true }
                    matches.append((range, phrase))
                    start = range.upperBound
                } else {
                    start += 1
                }
            }
        }
        // Negations are read once every sign is found: a negation belongs to the sign right after
        // it ("non-judgmental curiosity" negates only "judgmental").
        let found = matches.map { match in
            (start: match.range.lowerBound,
             cue: FeelTowardCue(category: match.phrase.category, words: tokens[match.range].joined(separator: " "),
                                negated: isNegated(tokens: tokens, before: match.range.lowerBound, used: used)))
        }
        let cues = found.sorted { $0.start < $1.start }.map(\.cue)
        var selfCount = 0, blendedCount = 0, concernedCount = 0
        for cue in cues {
            switch (cue.category, cue.negated) {
            case (.selfPresent, false): selfCount += 1
            case (.selfPresent, true): concernedCount += 1 // "not curious" is not Self
            case (.targetBlended, false): blendedCount += 1
            case (.concernedPart, false): concernedCount += 1
            default: break // "not angry", "not scared": no sign either way
            }
        }
        let result: FeelTowardResult
        if concernedCount == 0 && blendedCount == 0 {
            result = selfCount > 0 ? .selfPresent : .unclear
        } else {
            // Any concerned or blended sign means some part is here, even alongside Self.
            result = blendedCount > concernedCount ? .targetBlended : .concernedPart
        }
        return FeelTowardSorting(result: result, cues: cues)
    }

    /// A negation applies within a few words and within its clause: "not angry, curious" and
    /// "not angry but curious" leave "curious" a sign of Self.
    private func isNegated(tokens: [String], before start: Int, used: [Bool]) -> Bool {
        var index = start - 1
        while index >= 0, start - index <= negationReach {
            let word = tokens[index]
            if word == Self.clauseBreak || word == "but" || used[index] { return false }
            if negations.contains(word) || word.hasSuffix("n't") { return true }
            index -= 1
        }
        return false
    }

    /// A phrase token ending in `*` matches any word with that beginning (`annoy*`).
    private static func matches(_ words: [String], _ pattern: [String]) -> Bool {
        zip(words, pattern).allSatisfy { word, want in
            want.hasSuffix("*") ? word.hasPrefix(want.dropLast()) : word == want
        }
    }

    /// Stands for a clause break (`,` `.` `;` `!` `?` or a new line) among the words.
    static let clauseBreak = "|"

    /// Lower-cased words with clause breaks; curly apostrophes straightened; "I'm" kept whole.
    static func tokenize(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        func flush() {
            let word = current.trimmingCharacters("'")
            if !word.isEmpty { words.append(word) }
            current = ""
        }
        for char in text.lowercased() {
            let c: Character = (char == "\u{2019}" || char == "\u{2018}") ? "'" : char
            if c.isLetter || c.isNumber || c == "'" || c == "*" {
                current.append(c)
            } else {
                flush()
                if ",.;:!?\n()".contains(c), words.last != clauseBreak, !words.isEmpty { words.append(clauseBreak) }
            }
        }
        flush()
        return words
    }
}

extension String {
    fileprivate func trimmingCharacters(_ char: Character) -> String {
        var s = Substring(self)
        while s.first == char { s.removeFirst() }
        while s.last == char { s.removeLast() }
        return String(s)
    }
}
