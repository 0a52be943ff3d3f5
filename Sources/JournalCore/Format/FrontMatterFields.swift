import Yams

/// Reads the known keys of a front-matter mapping with clear errors, and keeps the rest.
struct FrontMatterReader {
    let mapping: Node.Mapping
    let firstLine: Int
    private(set) var consumed: Set<String> = []

    init(_ document: FrontMatterDocument) {
        mapping = document.mapping
        firstLine = document.firstYAMLLine
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
            return FrontMatterField(key: name, value: FrontMatterValue(value))
        }
    }
}

extension FrontMatterValue {
    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            self = .scalar(scalar.string, quoted: scalar.style != .plain && scalar.style != .any)
        case .sequence(let sequence):
            self = .list(sequence.map(FrontMatterValue.init))
        case .mapping(let mapping):
            self = .map(mapping.map { FrontMatterField(key: $0.key.scalar?.string ?? "", value: FrontMatterValue($0.value)) })
        case .alias:
            self = .scalar("", quoted: false) // aliases are not resolved by compose; keep an empty value
        }
    }

    var node: Node {
        switch self {
        case .scalar(let text, let quoted):
            return quoted ? Node.quoted(text) : Node(text, Tag(.implicit), .plain)
        case .list(let items):
            return .sequence(Node.Sequence(items.map(\.node)))
        case .map(let fields):
            return .mapping(Node.Mapping(fields.map { (Node($0.key), $0.value.node) }))
        }
    }
}

extension Node {
    /// Text that YAML will read back as exactly this text: plain when that is safe and
    /// unambiguous, double-quoted otherwise (`"42"`, `"true"`, `"a: b"`).
    static func text(_ value: String) -> Node {
        let plain = Node(value, Tag(.implicit), .plain)
        if value.isEmpty || Resolver.default.resolveTag(of: plain) != .str || value.contains("\n")
            || value.first?.isWhitespace == true || value.last?.isWhitespace == true {
            return quoted(value)
        }
        return Node(value, Tag(.str), .any)
    }

    static func quoted(_ value: String) -> Node {
        Node(value, Tag(.str), .doubleQuoted)
    }

    static func number(_ value: Int) -> Node {
        Node(String(value), Tag(.int), .plain)
    }

    static func flag(_ value: Bool) -> Node {
        Node(value ? "true" : "false", Tag(.bool), .plain)
    }

    static func flowList(_ items: [Node]) -> Node {
        .sequence(Node.Sequence(items, Tag(.seq), .flow))
    }

    static func blockList(_ items: [Node]) -> Node {
        .sequence(Node.Sequence(items, Tag(.seq), .block))
    }

    static func flowMap(_ pairs: [(String, Node)]) -> Node {
        .mapping(Node.Mapping(pairs.map { (Node($0.0), $0.1) }, Tag(.map), .flow))
    }

    static func blockMap(_ pairs: [(String, Node)]) -> Node {
        .mapping(Node.Mapping(pairs.map { (Node($0.0), $0.1) }, Tag(.map), .block))
    }
}
