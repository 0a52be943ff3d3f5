/// How the feel-toward lexicon reads words: answers and lexicon phrases are cut into the same
/// tokens, so "I am", "I'm" and "im" are one word, and a lexicon word also matches its everyday
/// inflections ("soften" matches "softening", "panic" matches "panicky").
enum FeelTowardWords {
    /// Stands for a clause break (`,` `.` `;` `!` `?` a dash or a new line) among the words.
    static let clauseBreak = "|"
    /// In a lexicon phrase: up to `gapLength` words of the same clause ("i'm ... scared" matches
    /// "I'm so very scared"). A gap never holds a negation, so "I'm not scared" stays unmatched.
    static let gap = "..."
    static let gapLength = 3

    /// Pairs of words said as one, and the one word they become (both in answers and phrases).
    private static let joined: [String: [String: String]] = [
        "i": ["am": "i'm"],
        "do": ["not": "don't"],
        "does": ["not": "doesn't"],
        "did": ["not": "didn't"],
        "can": ["not": "can't"],
        "could": ["not": "couldn't"],
        "would": ["not": "wouldn't"],
        "will": ["not": "won't"],
        "is": ["not": "isn't"],
        "it": ["is": "it's"],
        "that": ["is": "that's"],
    ]
    /// Words typed without their apostrophe, read as if it were there.
    private static let unapostrophed: [String: String] = [
        "im": "i'm", "ive": "i've", "dont": "don't", "cant": "can't", "cannot": "can't", "wont": "won't",
        "doesnt": "doesn't", "didnt": "didn't", "isnt": "isn't", "couldnt": "couldn't", "wouldnt": "wouldn't",
        "shouldnt": "shouldn't", "thats": "that's", "idk": "i don't know", "dunno": "don't know",
    ]

    /// A word of an answer and where it came from (character offsets in the text as written),
    /// so the person's own words can be quoted back exactly.
    struct Token {
        var word: String
        var span: Range<Int>
    }

    /// Lower-cased words with clause breaks; curly apostrophes straightened.
    static func tokenize(_ text: String) -> [String] { spannedTokens(text).map(\.word) }

    static func spannedTokens(_ text: String) -> [Token] {
        var raw: [Token] = []
        var current = ""
        var currentStart = 0
        func flush(at end: Int) {
            let word = trimmingApostrophes(current)
            if !word.isEmpty {
                let span = currentStart..<end
                if let expanded = unapostrophed[word] {
                    raw += expanded.split(separator: " ").map { Token(word: String($0), span: span) }
                } else {
                    raw.append(Token(word: word, span: span))
                }
            }
            current = ""
        }
        func breakClause(at offset: Int) {
            if raw.last?.word != clauseBreak, !raw.isEmpty { raw.append(Token(word: clauseBreak, span: offset..<offset)) }
        }
        var previous: Character = " "
        for (offset, original) in text.enumerated() {
            let lowered = Character(String(original).lowercased().first.map(String.init) ?? String(original))
            let c: Character = (lowered == "\u{2019}" || lowered == "\u{2018}") ? "'" : lowered
            if c.isLetter || c.isNumber || c == "'" || c == "*" {
                if current.isEmpty { currentStart = offset }
                current.append(c)
            } else if c == "." && previous == "." {
                // "..." in a lexicon phrase is a gap; in an answer it is a pause, a clause break.
                flush(at: offset)
                if raw.last?.word == clauseBreak { raw.removeLast() }
                if raw.last?.word != gap { raw.append(Token(word: gap, span: offset..<offset)) }
            } else {
                flush(at: offset)
                if ",.;:!?\n()\u{2014}\u{2013}".contains(c) { breakClause(at: offset) }
            }
            previous = c
        }
        flush(at: text.count)
        // Two words said as one ("i am" -> "i'm").
        var words: [Token] = []
        for token in raw {
            if let last = words.last, let one = joined[last.word]?[token.word] {
                words[words.count - 1] = Token(word: one, span: last.span.lowerBound..<token.span.upperBound)
            } else {
                words.append(token)
            }
        }
        return words
    }

    /// Answers only: a gap mark is a pause there, so a clause break.
    static func answerTokens(_ text: String) -> [Token] {
        var words: [Token] = []
        for token in spannedTokens(text) {
            let w = token.word == gap ? Token(word: clauseBreak, span: token.span) : token
            if w.word == clauseBreak && (words.isEmpty || words.last?.word == clauseBreak) { continue }
            words.append(w)
        }
        return words
    }

    private static func trimmingApostrophes(_ word: String) -> String {
        var s = Substring(word)
        while s.first == "'" { s.removeFirst() }
        while s.last == "'" { s.removeLast() }
        return String(s)
    }

    /// Short words that would otherwise "inflect" into other words ("the" -> "they").
    private static let uninflected: Set<String> = [
        "the", "and", "for", "you", "him", "her", "its", "not", "but", "can", "was", "are", "has", "had", "all",
        "any", "who", "how", "way", "out", "off", "too", "get", "got", "let", "one", "own", "our", "see", "she",
        "why", "now", "new", "old", "use", "bit", "lot",
    ]
    private static let endings: Set<String> = ["s", "es", "ed", "d", "ing", "ly", "ness", "y", "er", "est", "ment"]

    /// Whether `word` (from an answer) is `pattern` (a lexicon word), an everyday form of it, or a
    /// near miss of a long word. A pattern ending in `*` matches any word with that beginning.
    static func matches(_ word: String, _ pattern: String) -> Bool {
        if word == pattern || inflects(word, pattern) { return true }
        // "neck's stiff": the word before its 's.
        if word.hasSuffix("'s"), !pattern.contains("'"), inflects(String(word.dropLast(2)), pattern) { return true }
        return isTypo(word, of: pattern)
    }

    /// One letter wrong, missing or extra in a longer word ("intrested", "anoyed"), when the
    /// first letter is right: late-night typing should not hide what was meant.
    static func isTypo(_ word: String, of pattern: String) -> Bool {
        guard !pattern.contains("'"), word.first == pattern.first else { return false }
        if pattern.hasSuffix("*") {
            let stem = String(pattern.dropLast())
            guard stem.count >= 5 else { return false }
            return (stem.count - 1...stem.count + 1).contains { length in
                length <= word.count && editDistance(String(word.prefix(length)), stem) <= 1
            }
        }
        guard pattern.count >= 7, abs(word.count - pattern.count) <= 1 else { return false }
        return editDistance(word, pattern) <= 1
    }

    private static func inflects(_ word: String, _ pattern: String) -> Bool {
        if word == pattern { return true }
        if pattern.hasSuffix("*") { return word.hasPrefix(pattern.dropLast()) }
        guard pattern.count >= 3, word.count > pattern.count - 1, !uninflected.contains(pattern),
              !pattern.contains("'") else { return false }
        if word.hasPrefix(pattern) {
            let rest = String(word.dropFirst(pattern.count))
            if endings.contains(rest) { return true }
            // A doubled last letter: stop -> stopping, sad -> sadder.
            if let last = pattern.last, rest.first == last, ["ing", "ed", "er", "y", "est"].contains(String(rest.dropFirst())) {
                return true
            }
            // panic -> panicky, panicking, panicked.
            if pattern.hasSuffix("c"), ["ky", "king", "ked"].contains(rest) { return true }
        }
        if pattern.hasSuffix("e") {
            // care -> caring, gentle -> gently, scare -> scary.
            let base = pattern.dropLast()
            if word.hasPrefix(base), ["ing", "y", "ed", "er", "est", "ation"].contains(String(word.dropFirst(base.count))) {
                return true
            }
        }
        if pattern.hasSuffix("y") {
            // angry -> angrily, empathy -> empathetic, curiosity is listed on its own.
            let base = pattern.dropLast()
            if word.hasPrefix(base), ["ies", "ied", "ier", "iest", "ily", "iness", "ic", "etic", "ise", "ize", "ised", "ized"]
                .contains(String(word.dropFirst(base.count))) {
                return true
            }
        }
        return false
    }
}
