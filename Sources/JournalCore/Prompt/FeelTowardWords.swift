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

    /// Lower-cased words with clause breaks; curly apostrophes straightened.
    static func tokenize(_ text: String) -> [String] {
        var raw: [String] = []
        var current = ""
        func flush() {
            let word = trimmingApostrophes(current)
            if !word.isEmpty {
                if let expanded = unapostrophed[word] {
                    raw += expanded.split(separator: " ").map(String.init)
                } else {
                    raw.append(word)
                }
            }
            current = ""
        }
        func breakClause() {
            if raw.last != clauseBreak, !raw.isEmpty { raw.append(clauseBreak) }
        }
        var previous: Character = " "
        for char in text.lowercased() {
            let c: Character = (char == "\u{2019}" || char == "\u{2018}") ? "'" : char
            if c.isLetter || c.isNumber || c == "'" || c == "*" {
                current.append(c)
            } else if c == "." && previous == "." {
                // "..." in a lexicon phrase is a gap; in an answer it is a pause, a clause break.
                flush()
                if raw.last == clauseBreak { raw.removeLast() }
                if raw.last != gap { raw.append(gap) }
            } else {
                flush()
                if ",.;:!?\n()\u{2014}\u{2013}".contains(c) { breakClause() }
            }
            previous = c
        }
        flush()
        // Two words said as one ("i am" -> "i'm").
        var words: [String] = []
        for word in raw {
            if let last = words.last, let one = joined[last]?[word] {
                words[words.count - 1] = one
            } else {
                words.append(word)
            }
        }
        return words
    }

    /// Answers only: a gap mark is a pause there, so a clause break.
    static func answerTokens(_ text: String) -> [String] {
        var words: [String] = []
        for word in tokenize(text) {
            let w = word == gap ? clauseBreak : word
            if w == clauseBreak && (words.isEmpty || words.last == clauseBreak) { continue }
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
