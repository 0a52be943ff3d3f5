import Yams

/// A front-matter value to write. Haven writes its YAML itself (Yams only reads) so the file
/// stays pleasant in `less`: emoji and other text are written as they are, never as `\U0001F600`
/// escapes, and quotes appear only where YAML needs them.
indirect enum YAMLValue {
    /// Text: written plain when that reads back as the same text, else in double quotes.
    case text(String)
    /// Text always in double quotes (keeps a value the person quoted, like `"42"`, quoted).
    case quoted(String)
    /// Written exactly as given: numbers, `true`/`false`, date-times, plain scalars read earlier.
    case literal(String)
    case list([YAMLValue], flow: Bool)
    case map([(String, YAMLValue)], flow: Bool)

    static func number(_ value: Int) -> YAMLValue { .literal(String(value)) }
    static func flag(_ value: Bool) -> YAMLValue { .literal(value ? "true" : "false") }
    static func moment(_ value: LocalDateTime) -> YAMLValue { .literal(value.iso8601) }
    static func flowList(_ items: [YAMLValue]) -> YAMLValue { .list(items, flow: true) }
    static func blockList(_ items: [YAMLValue]) -> YAMLValue { .list(items, flow: false) }
    static func flowMap(_ pairs: [(String, YAMLValue)]) -> YAMLValue { .map(pairs, flow: true) }
}

enum YAMLWriter {
    /// The lines of a top-level mapping, each ending in a newline.
    static func mapping(_ pairs: [(String, YAMLValue)], indent: Int = 0) -> String {
        let pad = String(repeating: " ", count: indent)
        var out = ""
        for (key, value) in pairs {
            switch value {
            case .list(let items, false) where !items.isEmpty:
                out += pad + scalar(key) + ":\n" + sequence(items, indent: indent + 2)
            case .map(let fields, false) where !fields.isEmpty:
                out += pad + scalar(key) + ":\n" + mapping(fields, indent: indent + 2)
            default:
                out += pad + scalar(key) + ": " + inline(value) + "\n"
            }
        }
        return out
    }

    static func sequence(_ items: [YAMLValue], indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var out = ""
        for item in items {
            switch item {
            case .list(let inner, false) where !inner.isEmpty:
                out += pad + "-\n" + sequence(inner, indent: indent + 2)
            case .map(let fields, false) where !fields.isEmpty:
                out += pad + "-\n" + mapping(fields, indent: indent + 2)
            default:
                out += pad + "- " + inline(item) + "\n"
            }
        }
        return out
    }

    /// A value on one line; collections in flow style (`[a, b]`, `{k: v}`).
    static func inline(_ value: YAMLValue) -> String {
        switch value {
        case .text(let text): return scalar(text)
        case .quoted(let text): return doubleQuoted(text)
        case .literal(let text):
            // A plain value read from a file can span lines (folded); it is only safe to write
            // back as it is on one line, so anything else is quoted (same text, same meaning).
            return isLiteralSafe(text) ? text : doubleQuoted(text)
        case .list(let items, _): return "[" + items.map(inline).joined(separator: ", ") + "]"
        case .map(let fields, _): return "{" + fields.map { scalar($0.0) + ": " + inline($0.1) }.joined(separator: ", ") + "}"
        }
    }

    static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : doubleQuoted(text)
    }

    /// Whether `text` can be written without quotes, anywhere (block or flow), and read back as
    /// the same text. Deliberately cautious: when in doubt, quote.
    static func isPlainSafe(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return false }
        if first.properties.isWhitespace || last.properties.isWhitespace { return false }
        if "-?:,[]{}#&*!|>'\"%@`\\.".unicodeScalars.contains(first) { return false }
        for scalar in scalars {
            if needsEscape(scalar) || ",[]{}#:\"".unicodeScalars.contains(scalar) { return false }
            if scalar.properties.isWhitespace && scalar != " " { return false }
        }
        // Text YAML would read as something else: numbers, booleans, null, dates.
        return Resolver.default.resolveTag(of: Node(text, Tag(.implicit), .plain)) == .str
    }

    static func isLiteralSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              !first.properties.isWhitespace, !last.properties.isWhitespace else { return false }
        return !text.unicodeScalars.contains { needsEscape($0) || ($0.properties.isWhitespace && $0 != " ") }
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        // Controls, line separators, the BOM, and U+FFFE/U+FFFF, which YAML readers refuse raw.
        case 0..<0x20, 0x7F, 0x80...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF, 0xD800...0xDFFF: return true
        default: return false
        }
    }

    /// `"..."` with only what YAML requires escaped; everything printable is written as is.
    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
