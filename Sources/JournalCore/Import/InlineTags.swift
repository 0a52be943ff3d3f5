/// Tags written in the text, as jrnl has them: a word starting with `@` (or `#`) at the start of
/// the text or after white space, like `@work` or `#inner-child`. The tag is the word without its
/// symbol, as Haven stores tags; an e-mail address (`me@example.com`), a Markdown heading (`# Notes`)
/// or a number (`#1`) is not a tag.
public enum InlineTags {
    /// The tags of the texts in order of first appearance, each once (compared without case; the
    /// first spelling is kept).
    public static func find(in texts: [String]) -> [String] {
        var tags: [String] = []
        var seen: Set<String> = []
        for text in texts {
            var previousIsSpace = true
            var current: String.UnicodeScalarView? = nil
            func finish() {
                guard var tag = current else { return }
                current = nil
                while tag.last == "-" || tag.last == "_" { tag.removeLast() }
                guard tag.contains(where: { $0.properties.isAlphabetic }) else { return }
                let word = String(tag)
                if seen.insert(word.lowercased()).inserted { tags.append(word) }
            }
            for scalar in text.unicodeScalars {
                if current != nil {
                    if isTagScalar(scalar) {
                        current!.append(scalar)
                        continue
                    }
                    finish()
                }
                if previousIsSpace && (scalar == "@" || scalar == "#") {
                    current = String.UnicodeScalarView()
                }
                previousIsSpace = scalar.properties.isWhitespace
            }
            finish()
        }
        return tags
    }

    private static func isTagScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType == .decimal || scalar == "_" || scalar == "-" { return true }
        // Combining accents (a decomposed `é`) belong to the letter before them.
        return properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
    }
}
