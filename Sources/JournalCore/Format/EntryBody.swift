/// The Markdown body of an entry: writing before the first prompt, then each answered prompt as a
/// heading `## <prompt> {#<step-id>}` followed by a blank line and the answer.
///
/// The `{#step-id}` suffix (Pandoc's heading-attribute syntax) is what makes a heading structural.
/// An answer line that would read as such a heading is written with one extra leading `\`
/// (Markdown's escape, so it still reads naturally), and one `\` is removed when reading;
/// lines that merely look like other headings or `---` need no escaping at all.
enum EntryBody {
    static func render(preamble: String, sections: [EntrySection]) -> String {
        var out = ""
        if !preamble.isEmpty {
            out += escape(preamble) + "\n"
        }
        for section in sections {
            if !out.isEmpty { out += "\n" }
            out += "## \(singleLine(section.heading)) {#\(section.stepID)}\n\n"
            out += escape(section.text) + "\n"
        }
        return out
    }

    static func parse(_ body: String) -> (preamble: String, sections: [EntrySection]) {
        // Locate structural heading lines; everything between them is text.
        var headings: [(lineRange: Range<String.Index>, heading: String, stepID: String)] = []
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            let lineEnd = body[lineStart...].firstIndex(of: "\n") ?? body.endIndex
            if let (heading, stepID) = structuralHeading(body[lineStart..<lineEnd]) {
                let next = lineEnd < body.endIndex ? body.index(after: lineEnd) : lineEnd
                headings.append((lineStart..<next, heading, stepID))
            }
            lineStart = lineEnd < body.endIndex ? body.index(after: lineEnd) : lineEnd
        }
        guard let first = headings.first else {
            return (unescape(trimmingOneTrailingNewline(body)), [])
        }
        // Before a heading the writer leaves the text, "\n", then one blank line.
        var preambleText = body[..<first.lineRange.lowerBound]
        if preambleText.hasSuffix("\n\n") { preambleText.removeLast(2) } else { preambleText = trimTrailingNewlines(preambleText) }

        var sections: [EntrySection] = []
        for (index, heading) in headings.enumerated() {
            let end = index + 1 < headings.count ? headings[index + 1].lineRange.lowerBound : body.endIndex
            var text = body[heading.lineRange.upperBound..<end]
            if text.hasPrefix("\n") { text.removeFirst() }
            let isLast = index + 1 == headings.count
            if isLast {
                text = trimmingOneTrailingNewline(text)
            } else if text.hasSuffix("\n\n") {
                text.removeLast(2)
            } else {
                text = trimTrailingNewlines(text)
            }
            sections.append(EntrySection(stepID: heading.stepID, heading: heading.heading, text: unescape(text)))
        }
        return (unescape(preambleText), sections)
    }

    /// `## text {#id}` -> (text, id), for lines with no leading backslash. Works on scalars, not
    /// Characters, so a heading that starts with a combining mark is still found.
    static func structuralHeading<S: StringProtocol>(_ line: S) -> (String, String)? {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count >= 7, scalars[0] == "#", scalars[1] == "#", scalars[2] == " ",
              scalars[scalars.count - 1] == "}" else { return nil }
        guard let open = scalars.lastIndex(of: "{"), open >= 4, scalars[open - 1] == " ",
              open + 1 < scalars.count, scalars[open + 1] == "#" else { return nil }
        var id = String.UnicodeScalarView()
        id.append(contentsOf: scalars[(open + 2)..<(scalars.count - 1)])
        guard isStepID(String(id)) else { return nil }
        var heading = String.UnicodeScalarView()
        heading.append(contentsOf: scalars[3..<(open - 1)])
        return (String(heading), String(id))
    }

    /// Step ids: a letter or digit, then letters, digits, `-`, `_` or `.`.
    static func isStepID<S: StringProtocol>(_ text: S) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic || ("0"..."9").contains(first) else {
            return false
        }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
        }
    }

    private static func needsEscape<S: StringProtocol>(_ line: S) -> Bool {
        let stripped = line.drop { $0 == "\\" }
        return structuralHeading(stripped) != nil
    }

    static func escape(_ text: String) -> String {
        mapLines(text) { line in needsEscape(line) ? "\\" + line : String(line) }
    }

    static func unescape<S: StringProtocol>(_ text: S) -> String {
        mapLines(String(text)) { line in
            line.hasPrefix("\\") && needsEscape(line) ? String(line.dropFirst()) : String(line)
        }
    }

    private static func mapLines(_ text: String, _ transform: (Substring) -> String) -> String {
        guard containsHeadingMark(text) else { return text } // fast path: nothing can need escaping
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(transform).joined(separator: "\n")
    }

    /// Whether "## " occurs anywhere, by bytes (Foundation's `contains` is far slower here, and
    /// this runs for every answer of every entry read).
    private static func containsHeadingMark(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            guard bytes.count >= 3 else { return false }
            for index in 0..<(bytes.count - 2) where bytes[index] == 35 && bytes[index + 1] == 35 && bytes[index + 2] == 32 {
                return true
            }
            return false
        }
    }

    private static func singleLine(_ heading: String) -> String {
        heading.contains("\n") ? heading.replacingAll("\n", with: " ") : heading
    }

    private static func trimmingOneTrailingNewline<S: StringProtocol>(_ text: S) -> Substring {
        let sub = Substring(text)
        return sub.hasSuffix("\n") ? sub.dropLast() : sub
    }

    private static func trimTrailingNewlines(_ text: Substring) -> Substring {
        var result = text
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }
}
