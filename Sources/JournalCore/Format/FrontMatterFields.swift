import Yams

/// Reads the known keys of a front-matter mapping with clear errors, and keeps the rest.
struct FrontMatterReader {
    let mapping: Node.Mapping
    let firstLine: Int
    private(set) var consumed: Set<String> = []

    private let styleProbe: FlowStyleProbe

    init(_ document: FrontMatterDocument) {
        mapping = document.mapping
        firstLine = document.firstYAMLLine
        styleProbe = FlowStyleProbe(yaml: document.yaml)
    }

    private mutating func node(_ key: String) -> Node? {
        consumed.insert(key)
        guard let value = mapping[key] else { return nil }
        if case .scalar(let scalar) = value, scalar.style == .plain,
           ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
            return nil // `key:` with nothing after it counts as absent
        }
        return value
    }

    func error(_ node: Node, _ reason: String) -> FormatError {
        FormatError(node: node, firstLine: firstLine, reason: reason)
    }

    /// Where the key itself is, for "missing value" style errors.
    var startLine: Int { firstLine }

    mutating func string(_ key: String) throws(FormatError) -> String? {
        guard let value = node(key) else { return nil }
        guard case .scalar(let scalar) = value else {
            throw error(value, "'\(key)' should be text")
        }
        return scalar.string
    }

    mutating func stringList(_ key: String) throws(FormatError) -> [String] {
        guard let value = node(key) else { return [] }
        switch value {
        case .scalar(let scalar):
            return [scalar.string] // `tags: work` is read as a one-item list
        case .sequence(let sequence):
            return try sequence.map { item throws(FormatError) in
                guard case .scalar(let scalar) = item else {
                    throw error(item, "each item of '\(key)' should be text")
                }
                return scalar.string
            }
        default:
            throw error(value, "'\(key)' should be a list")
        }
    }

    mutating func bool(_ key: String) throws(FormatError) -> Bool? {
        guard let value = node(key) else { return nil }
        guard case .scalar(let scalar) = value else { throw error(value, "'\(key)' should be true or false") }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(value, "'\(key)' should be true or false, not '\(scalar.string)'")
        }
    }

    mutating func dateTime(_ key: String) throws(FormatError) -> LocalDateTime? {
        guard let value = node(key) else { return nil }
        return try Self.dateTime(value, key: key, reader: self)
    }

    static func dateTime(_ value: Node, key: String, reader: FrontMatterReader) throws(FormatError) -> LocalDateTime {
        guard case .scalar(let scalar) = value, let moment = LocalDateTime(iso8601: scalar.string) else {
            throw reader.error(value, "'\(key)' should be a date and time like 2026-11-29T21:03:12+01:00")
        }
        return moment
    }

    static func int(_ value: Node, key: String, range: ClosedRange<Int>, reader: FrontMatterReader) throws(FormatError) -> Int {
        guard case .scalar(let scalar) = value, let number = Int(scalar.string), range.contains(number) else {
            throw reader.error(value, "'\(key)' should be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// A list of maps (`- {date: ..., text: ...}`), each with its node for error positions.
    mutating func records(_ key: String) throws(FormatError) -> [(map: Node.Mapping, node: Node)] {
        guard let value = node(key) else { return [] }
        guard case .sequence(let sequence) = value else { throw error(value, "'\(key)' should be a list") }
        var result: [(Node.Mapping, Node)] = []
        for item in sequence {
            guard case .mapping(let map) = item else {
                throw error(item, "each item of '\(key)' should be a set of 'name: value' pairs")
            }
            result.append((map, item))
        }
        return result
    }

    mutating func rawNode(_ key: String) -> Node? { node(key) }

    /// Every key not read above, in file order.
    var extraFields: [FrontMatterField] {
        mapping.compactMap { key, value in
            guard let name = key.scalar?.string, !consumed.contains(name) else { return nil }
            return FrontMatterField(key: name, value: FrontMatterValue(value, probe: styleProbe))
        }
    }
}

/// Tells whether a collection was written in flow style (`[a, b]`, `{k: v}`) by looking at the
/// character where it starts.
struct FlowStyleProbe {
    private let lines: [[Unicode.Scalar]]

    init(yaml: String) {
        lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    }

    func isFlow(_ mark: Mark?) -> Bool {
        guard let mark, mark.line >= 1, mark.line <= lines.count else { return false }
        let line = lines[mark.line - 1]
        guard mark.column >= 1, mark.column <= line.count else { return false }
        return line[mark.column - 1] == "[" || line[mark.column - 1] == "{"
    }
}

extension FrontMatterValue {
    init(_ node: Node, probe: FlowStyleProbe) {
        switch node {
        case .scalar(let scalar):
            // Quoted text, or text tagged `!!str`, stays text when written back.
            let quoted = (scalar.style != .plain && scalar.style != .any) || scalar.tag.rawValue == Tag.Name.str.rawValue
            self = .scalar(scalar.string, quoted: quoted)
        case .sequence(let sequence):
            // An empty collection can only be written `[]` / `{}`, so it always counts as flow style.
            self = .list(sequence.map { FrontMatterValue($0, probe: probe) },
                         flow: sequence.isEmpty || probe.isFlow(sequence.mark))
        case .mapping(let mapping):
            self = .map(mapping.map { FrontMatterField(key: $0.key.scalar?.string ?? "", value: FrontMatterValue($0.value, probe: probe)) },
                        flow: mapping.isEmpty || probe.isFlow(mapping.mark))
        case .alias:
            self = .scalar("", quoted: false) // aliases are not resolved by compose; keep an empty value
        }
    }

    var yaml: YAMLValue {
        switch self {
        case .scalar(let text, let quoted):
            return quoted ? .quoted(text) : .literal(text)
        case .list(let items, let flow):
            return .list(items.map(\.yaml), flow: flow)
        case .map(let fields, let flow):
            return .map(fields.map { ($0.key, $0.value.yaml) }, flow: flow)
        }
    }
}
