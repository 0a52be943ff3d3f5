import Yams

/// A Markdown file split into its YAML front matter (already parsed) and its body.
///
/// The file must open with a line `---`; the front matter runs to the next line that is exactly
/// `---`. One blank line after it is the writer's and not part of the body.
struct FrontMatterDocument {
    var mapping: Node.Mapping
    /// The YAML text, to tell `[a, b]` from a block list (Yams 6.2 does not keep the style).
    var yaml: String = ""
    /// 1-based line of the first front-matter line in the file, to report YAML errors in file lines.
    var firstYAMLLine: Int
    var body: String

    static func parse(_ rawText: String) throws(FormatError) -> FrontMatterDocument {
        var text = rawText
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.contains("\r\n") { text = text.replacingAll("\r\n", with: "\n") }
        if text.trimmingWhitespace().isEmpty {
            throw FormatError(line: 1, reason: "the file is empty")
        }
        guard text.hasPrefix("---\n") else {
            throw FormatError(line: 1, reason: "expected front matter starting with a line '---'")
        }
        let afterOpening = text.index(text.startIndex, offsetBy: 4)
        var lineStart = afterOpening
        var lineNumber = 2
        var closing: (yamlEnd: String.Index, bodyStart: String.Index)?
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[lineStart..<lineEnd]
            if line == "---" || line == "..." {
                closing = (lineStart, lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd)
                break
            }
            lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
            lineNumber += 1
        }
        guard let closing else {
            throw FormatError(line: lineNumber - 1, reason: "the front matter has no closing '---' line")
        }
        let yaml = String(text[afterOpening..<closing.yamlEnd])
        var body = String(text[closing.bodyStart...])
        if body.hasPrefix("\n") { body.removeFirst() }

        let node: Node?
        do {
            // UTF-8 said outright: Yams would otherwise read the environment on every call (and
            // print to stdout if YAMS_DEFAULT_ENCODING is set, which would mix into our output).
            node = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch let error as YamlError {
            if case .duplicatedKeysInMapping(let duplicates, _) = error, let key = duplicates.sorted().first {
                throw FormatError(line: Self.secondLine(of: key, in: yaml) + 1, reason: "the key '\(key)' appears twice")
            }
            throw FormatError(yamlError: error, firstLine: 2)
        } catch {
            throw FormatError(line: 2, reason: "the front matter is not valid YAML")
        }
        guard let node else {
            return FrontMatterDocument(mapping: Node.Mapping([]), yaml: yaml, firstYAMLLine: 2, body: body)
        }
        guard case .mapping(let mapping) = node else {
            throw FormatError(line: 2, reason: "the front matter must be a list of 'key: value' lines")
        }
        var seen = Set<String>()
        for (key, _) in mapping {
            guard let name = key.scalar?.string else {
                throw FormatError(node: key, firstLine: 2, reason: "a front-matter key must be plain text")
            }
            guard seen.insert(name).inserted else {
                throw FormatError(node: key, firstLine: 2, reason: "the key '\(name)' appears twice")
            }
        }
        return FrontMatterDocument(mapping: mapping, yaml: yaml, firstYAMLLine: 2, body: body)
    }

    /// 1-based line (within the YAML) where a top-level key appears for the second time.
    static func secondLine(of key: String, in yaml: String) -> Int {
        var count = 0
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.hasPrefix(key + ":") || line.hasPrefix("\"\(key)\":") || line.hasPrefix("'\(key)':") {
            count += 1
            if count == 2 { return index + 1 }
        }
        return 1
    }

    /// `---`, the fields, `---`, a blank line, then the body.
    static func render(fields: [(String, YAMLValue)], body: String) -> String {
        "---\n" + YAMLWriter.mapping(fields) + "---\n\n" + body
    }
}

extension FormatError {
    init(yamlError: YamlError, firstLine: Int) {
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = (context.map { "\($0.text) " } ?? "") + problem
            self.init(line: mark.line + firstLine - 1, column: mark.column,
                      reason: "the front matter is not valid YAML: \(detail)")
        case .duplicatedKeysInMapping(let duplicates, _):
            self.init(line: firstLine, reason: "the key '\(duplicates.sorted().joined(separator: "', '"))' appears twice")
        default:
            self.init(line: firstLine, reason: "the front matter is not valid YAML: \(yamlError)")
        }
    }

    init(node: Node, firstLine: Int, reason: String) {
        let mark = node.mark
        self.init(line: (mark?.line ?? 1) + firstLine - 1, column: mark?.column ?? 1, reason: reason)
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}

extension Substring {
    /// Plain substring search (no Foundation).
    func range(of target: String) -> Range<Substring.Index>? {
        guard let first = target.first else { return nil }
        var index = startIndex
        while let candidate = self[index...].firstIndex(of: first) {
            if self[candidate...].hasPrefix(target) {
                return candidate..<self.index(candidate, offsetBy: target.count)
            }
            index = self.index(after: candidate)
        }
        return nil
    }
}
