/// Splits the text after a jrnl header into the title, what follows it on the same line, and
/// whether the entry is starred.
///
/// jrnl's title is the first sentence: up to the first `.`, `?` or `!` (or a run of them, as in
/// `...`) followed by a space, else the whole line. A `*` right after the title marks the entry
/// starred (`A good day. * Rest`), and so does a `*` ending the line (`A good day. *`), which is
/// how jrnl itself reads its files.
enum JrnlTitleLine {
    static func split(_ line: Substring) -> (title: String, rest: String, starred: Bool) {
        var text = Substring(line.trimmingWhitespace())
        var starred = false
        if text == "*" {
            return ("", "", true)
        }
        if text.hasSuffix(" *") || text.hasSuffix("\t*") {
            starred = true
            text = Substring(text.dropLast().trimmingWhitespace())
        }
        guard let end = sentenceEnd(in: text) else {
            return (String(text), "", starred)
        }
        let title = String(text[..<end])
        var rest = text[end...].drop { $0 == " " }
        if rest == "*" || rest.hasPrefix("* ") {
            starred = true
            rest = rest.dropFirst().drop { $0 == " " }
        }
        return (title, String(rest), starred)
    }

    /// The index just after the first sentence's closing punctuation, if a space follows it.
    private static func sentenceEnd(in text: Substring) -> Substring.Index? {
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if "?!.".contains(text[index]), next < text.endIndex, text[next] == " " {
                return next
            }
            index = next
        }
        return nil
    }
}
