/// The words and phrases that propose a reading of an answer to "how do you feel toward this
/// part?". Kept in the prompt files (`Prompts/feel-toward-lexicon.yaml`) so it can be read and
/// extended without code. The person always confirms or changes what it proposes.
public struct FeelTowardLexicon: Hashable, Sendable {
    /// Signs that Self is present: curious, open, warm, calm...
    public var selfPresent: [String]
    /// Signs that the part in focus has blended: its own feeling in the first person.
    public var targetBlended: [String]
    /// Signs of another part with feelings about this one: anger, fear of it, judgement.
    public var concernedPart: [String]
    /// Signs of another part with an agenda for this one: wanting it to stop, leave, change.
    /// They count wherever they appear, next to Self words too ("calm, but I'd like it to leave").
    public var agenda: [String]
    /// Where or how the part is felt in the body: worth knowing, but not a feeling toward it.
    public var body: [String]
    /// Words that negate a sign within the few words before it ("not", "don't", "never").
    public var negations: [String]
    /// Phrases that look like negations but make the next word stronger ("couldn't be more").
    public var intensifiers: [String]

    public init(selfPresent: [String] = [], targetBlended: [String] = [], concernedPart: [String] = [],
                agenda: [String] = [], body: [String] = [], negations: [String] = [], intensifiers: [String] = []) {
        self.selfPresent = selfPresent
        self.targetBlended = targetBlended
        self.concernedPart = concernedPart
        self.agenda = agenda
        self.body = body
        self.negations = negations
        self.intensifiers = intensifiers
    }

    /// This lexicon with another's phrases added (a user's file extends the shipped one).
    public func merged(with other: FeelTowardLexicon) -> FeelTowardLexicon {
        func union(_ a: [String], _ b: [String]) -> [String] { a + b.filter { !a.contains($0) } }
        return FeelTowardLexicon(selfPresent: union(selfPresent, other.selfPresent),
                                 targetBlended: union(targetBlended, other.targetBlended),
                                 concernedPart: union(concernedPart, other.concernedPart),
                                 agenda: union(agenda, other.agenda),
                                 body: union(body, other.body),
                                 negations: union(negations, other.negations),
                                 intensifiers: union(intensifiers, other.intensifiers))
    }

    public var isEmpty: Bool {
        selfPresent.isEmpty && targetBlended.isEmpty && concernedPart.isEmpty && agenda.isEmpty && body.isEmpty
    }
}

/// Which list of the lexicon a phrase found in an answer belongs to.
public enum FeelTowardSign: String, CaseIterable, Hashable, Sendable, Codable {
    case selfPresent = "self"
    case targetBlended = "blended"
    case concernedPart = "concerned-part"
    case agenda
    case body

    /// For people reading `haven prompts feel`: what a match of this list suggests.
    public var meaning: String {
        switch self {
        case .selfPresent: return "a sign of Self"
        case .targetBlended: return "the part's own feeling"
        case .concernedPart: return "another part's feeling about it"
        case .agenda: return "another part wants something from it"
        case .body: return "where it is felt in the body"
        }
    }
}

/// One phrase of the lexicon found in an answer, with the person's own words for it.
public struct FeelTowardCue: Hashable, Sendable, Codable {
    public var sign: FeelTowardSign
    /// The answer's words that matched, as the person wrote them (lower-cased), with the
    /// negation in front when there is one ("not really curious").
    public var words: String
    /// True when a negation came just before ("not curious").
    public var negated: Bool

    public init(sign: FeelTowardSign, words: String, negated: Bool) {
        self.sign = sign
        self.words = words
        self.negated = negated
    }

    /// What the cue counts toward: a negated sign of Self counts toward another part being here
    /// ("not curious"); other negated signs, and the body, count toward none of the readings.
    public var countsToward: FeelTowardResult? {
        switch (sign, negated) {
        case (.selfPresent, false): return .selfPresent
        case (.selfPresent, true): return .concernedPart
        case (.targetBlended, false): return .targetBlended
        case (.concernedPart, false), (.agenda, false): return .concernedPart
        default: return nil
        }
    }

    enum CodingKeys: String, CodingKey {
        // Drafts written before the agenda and body lists named this "category".
        case sign = "category", words, negated
    }
}

/// What the lexicon proposes for an answer, and the words it went by. A proposal only: the flows
/// show it back and the person chooses (`FeelTowardChoice`).
public struct FeelTowardSorting: Hashable, Sendable, Codable {
    public var result: FeelTowardResult
    public var cues: [FeelTowardCue]

    public init(result: FeelTowardResult, cues: [FeelTowardCue]) {
        self.result = result
        self.cues = cues
    }

    /// The answer names only where or how the part is felt, no feeling toward it.
    public var isBodyOnly: Bool {
        result == .unclear && cues.contains { $0.sign == .body && !$0.negated }
    }

    /// The person's words behind the proposal, for a line that quotes them back.
    public var evidence: [String] { evidence(for: result) }

    /// The person's words that fit a reading (the one they chose may differ from the proposal;
    /// nothing is quoted as evidence for a reading the words do not show).
    public func evidence(for reading: FeelTowardResult) -> [String] {
        if reading == .unclear { return cues.filter { $0.sign == .body && !$0.negated }.map(\.words) }
        return cues.filter { $0.countsToward == reading }.map(\.words)
    }
}

/// Proposes a reading of a feel-toward answer by the lexicon. It suggests; the person decides.
public struct FeelTowardSorter: Sendable {
    private struct Phrase {
        var tokens: [String]
        /// Nil for an intensifier, which only keeps the words after it from reading as negated.
        var sign: FeelTowardSign?
        /// Words that must match (gaps left out): more specific phrases are tried first.
        var weight: Int
    }

    private struct Match {
        var phrase: Phrase
        var indices: [Int]
        var start: Int { indices.min() ?? 0 }
        var end: Int { (indices.max() ?? 0) + 1 }
    }

    private let phrases: [Phrase]
    private let negations: Set<String>
    /// How many words before a sign a negation still applies to.
    private static let negationReach = 3
    /// An agenda is often wrapped in more words ("I don't want it to leave").
    private static let agendaNegationReach = 4
    /// A negation cancels an agenda only when it is about wanting ("don't want it to stop") or
    /// refuses it outright ("not change it"); "can't make it stop" still wants it stopped.
    private static let wanting: Set<String> = [
        "want", "wanting", "need", "needing", "wish", "have", "mean", "try", "trying", "going", "plan", "expect", "like",
        "hurry", "rush", "pressure",
    ]
    private static let refusals: Set<String> = ["not", "never", "no", "without"]
    private static let joiners: Set<String> = ["or", "nor", "and"]
    private static let clauseWords: Set<String> = ["but", "though", "although", "yet"]

    public init(lexicon: FeelTowardLexicon) {
        var phrases: [Phrase] = []
        let lists: [([String], FeelTowardSign?)] = [
            (lexicon.intensifiers, nil), (lexicon.selfPresent, .selfPresent), (lexicon.targetBlended, .targetBlended),
            (lexicon.concernedPart, .concernedPart), (lexicon.agenda, .agenda), (lexicon.body, .body),
        ]
        for (list, sign) in lists {
            for text in list {
                var tokens = FeelTowardWords.tokenize(text).filter { $0 != FeelTowardWords.clauseBreak }
                while tokens.first == FeelTowardWords.gap { tokens.removeFirst() }
                while tokens.last == FeelTowardWords.gap { tokens.removeLast() }
                let weight = tokens.filter { $0 != FeelTowardWords.gap }.count
                if weight > 0 { phrases.append(Phrase(tokens: tokens, sign: sign, weight: weight)) }
            }
        }
        // Intensifiers first (they change how the rest reads), then longest first, so "scared of
        // it" (another part) wins over "i'm ... scared", and a phrase without gaps over one with.
        self.phrases = phrases.enumerated().sorted { a, b in
            let keyA = (a.element.sign == nil ? 0 : 1, -a.element.weight, a.element.tokens.count, a.offset)
            let keyB = (b.element.sign == nil ? 0 : 1, -b.element.weight, b.element.tokens.count, b.offset)
            return keyA < keyB
        }.map(\.element)
        negations = Set(lexicon.negations.flatMap(FeelTowardWords.tokenize).filter { $0 != FeelTowardWords.clauseBreak })
    }

    public func sort(_ answer: String) -> FeelTowardSorting {
        let spanned = FeelTowardWords.answerTokens(answer)
        let tokens = spanned.map(\.word)
        let characters = Array(answer)
        /// The person's own words from token `from` to `to` (exclusive), as they wrote them.
        func written(_ from: Int, _ to: Int) -> String {
            let lower = spanned[from].span.lowerBound, upper = spanned[to - 1].span.upperBound
            guard lower < upper, upper <= characters.count else {
                return tokens[from..<to].filter { $0 != FeelTowardWords.clauseBreak }.joined(separator: " ")
            }
            return String(characters[lower..<upper]).replacingAll("\n", with: " ")
        }
        var used = [Bool](repeating: false, count: tokens.count)
        var matches: [Match] = []
        for phrase in phrases where phrase.weight <= tokens.count {
            var start = 0
            while start < tokens.count {
                if let indices = match(phrase.tokens, from: 0, at: start, tokens: tokens, used: used), !indices.isEmpty {
                    for i in indices { used[i] = true }
                    let found = Match(phrase: phrase, indices: indices)
                    matches.append(found)
                    start = found.end
                } else {
                    start += 1
                }
            }
        }
        matches.sort { $0.start < $1.start }
        // Negations are read once every sign is found, in the order of the answer, so a sign
        // can take on the negation of the one just before it ("not angry or annoyed").
        var owner: [Int: Int] = [:]
        for (m, found) in matches.enumerated() { for i in found.indices { owner[i] = m } }
        var cues: [FeelTowardCue?] = Array(repeating: nil, count: matches.count)
        var negationStart: [Int?] = Array(repeating: nil, count: matches.count)
        for (m, found) in matches.enumerated() {
            guard let sign = found.phrase.sign else { continue }
            if isAskedAbout(found, sign: sign, tokens: tokens, cues: cues, matches: matches) { continue }
            // "the angry teenager", "this scared one": a name for the part, not a feeling about it.
            if sign == .concernedPart || sign == .targetBlended, found.start > 0, Self.namers.contains(tokens[found.start - 1]),
               found.end < tokens.count, Self.partNouns.contains(tokens[found.end]) { continue }
            let negation = negationIndex(for: found, sign: sign, tokens: tokens, used: used,
                                         inherited: { index, between in
                guard let other = owner[index], let cue = cues[other], cue.negated, cue.sign == sign,
                      between.allSatisfy(Self.joiners.contains) else { return nil }
                return negationStart[other]
            })
            negationStart[m] = negation
            let from = negation.map { min($0, found.start) } ?? found.start
            let words = written(from, found.end)
            cues[m] = FeelTowardCue(sign: sign, words: words, negated: negation != nil)
        }
        let found = cues.compactMap { $0 }
        var counts: [FeelTowardResult: Int] = [:]
        for cue in found { if let reading = cue.countsToward { counts[reading, default: 0] += 1 } }
        let concerned = counts[.concernedPart, default: 0], blended = counts[.targetBlended, default: 0]
        let result: FeelTowardResult
        if concerned == 0 && blended == 0 {
            result = counts[.selfPresent, default: 0] > 0 ? .selfPresent : .unclear
        } else {
            // Any sign of another part or of blending means some part is here, even beside Self
            // words: the person's attention is best given to it first.
            result = blended > concerned ? .targetBlended : .concernedPart
        }
        return FeelTowardSorting(result: result, cues: found)
    }

    /// A feeling that is the part's own, asked about with curiosity: "I wonder what it's so
    /// afraid of", "I'd like to understand why it gets angry". It is what the part feels, not a
    /// sign of another part, so it counts for nothing.
    private func isAskedAbout(_ found: Match, sign: FeelTowardSign, tokens: [String], cues: [FeelTowardCue?],
                              matches: [Match]) -> Bool {
        guard sign == .targetBlended || sign == .concernedPart else { return false }
        var index = found.start - 1
        var asks = false
        while index >= 0, tokens[index] != FeelTowardWords.clauseBreak {
            if Self.questionWords.contains(tokens[index]), index + 1 < found.start,
               Self.theParts.contains(tokens[index + 1]) {
                asks = true
            }
            index -= 1
        }
        guard asks else { return false }
        let clauseStart = index + 1
        return zip(matches, cues).contains { match, cue in
            guard let cue, match.start >= clauseStart, match.end <= found.start else { return false }
            return cue.countsToward == .selfPresent
        }
    }

    private static let namers: Set<String> = ["the", "this", "that"]
    private static let partNouns: Set<String> = [
        "one", "part", "kid", "child", "teen", "teenager", "boy", "girl", "guy", "voice", "me", "bit", "side", "little", "young",
    ]
    private static let questionWords: Set<String> = ["what", "why", "how", "whatever", "whether", "where"]
    private static let theParts: Set<String> = ["it", "it's", "its", "they", "they're", "she", "she's", "he", "he's", "this", "that"]

    /// The token indices a phrase matches from `start`, or nil. Gaps skip a few words of the same
    /// clause, never a negation or a word another phrase took.
    private func match(_ pattern: [String], from p: Int, at t: Int, tokens: [String], used: [Bool]) -> [Int]? {
        guard p < pattern.count else { return [] }
        if pattern[p] == FeelTowardWords.gap {
            // The words a gap spans belong to the phrase ("I feel stupid and small" is one
            // first-person feeling, not "stupid" as a judgement of the part).
            for skip in 0...FeelTowardWords.gapLength {
                if skip > 0 {
                    let i = t + skip - 1
                    guard i < tokens.count, !used[i], isGapWord(tokens[i]) else { return nil }
                }
                if let rest = match(pattern, from: p + 1, at: t + skip, tokens: tokens, used: used) {
                    return Array(t..<(t + skip)) + rest
                }
            }
            return nil
        }
        guard t < tokens.count, !used[t], tokens[t] != FeelTowardWords.clauseBreak,
              FeelTowardWords.matches(tokens[t], pattern[p]),
              let rest = match(pattern, from: p + 1, at: t + 1, tokens: tokens, used: used) else { return nil }
        return [t] + rest
    }

    private func isGapWord(_ word: String) -> Bool {
        word != FeelTowardWords.clauseBreak && !isNegation(word) && !Self.clauseWords.contains(word)
    }

    private func isNegation(_ word: String) -> Bool {
        negations.contains(word) || word.hasSuffix("n't")
    }

    /// Where the negation of a sign starts, if it is negated: within a few words before it and
    /// within its clause ("not angry, curious" leaves "curious" a sign of Self). Reaching a
    /// word another sign took ends the search, unless that sign was negated and only "or",
    /// "nor" or "and" stand between (`inherited` says).
    private func negationIndex(for found: Match, sign: FeelTowardSign, tokens: [String], used: [Bool],
                               inherited: (Int, [String]) -> Int?) -> Int? {
        let start = found.start
        let reach = sign == .agenda ? Self.agendaNegationReach : Self.negationReach
        var index = start - 1
        while index >= 0, start - index <= reach {
            let word = tokens[index]
            if word == FeelTowardWords.clauseBreak || Self.clauseWords.contains(word) { return nil }
            if used[index] { return inherited(index, Array(tokens[(index + 1)..<start])) }
            if isNegation(word) {
                if sign == .agenda {
                    // "don't want it to leave", or a plain refusal just before: "not change it",
                    // "without fixing it". "It won't stop" still wants it stopped.
                    let next = index + 1 < tokens.count ? tokens[index + 1] : ""
                    let refuses = index == start - 1 && Self.refusals.contains(word)
                    return Self.wanting.contains(next) || refuses ? index : nil
                }
                return index
            }
            index -= 1
        }
        return nil
    }
}
