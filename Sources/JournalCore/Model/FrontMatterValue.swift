/// A YAML value from front matter that Haven does not interpret itself (a key the person or a
/// later version added). It is kept as written, so it survives every rewrite.
public indirect enum FrontMatterValue: Hashable, Sendable, Codable {
    /// A scalar; `quoted` remembers whether it was written in quotes, which decides how YAML
    /// reads it (`"42"` is text, `42` is a number).
    case scalar(String, quoted: Bool)
    /// `flow` remembers `[a, b]` / `{k: v}` on one line rather than one item per line.
    case list([FrontMatterValue], flow: Bool)
    case map([FrontMatterField], flow: Bool)

    public static func text(_ value: String) -> FrontMatterValue { .scalar(value, quoted: true) }
}

/// One key of a front-matter map, in file order.
public struct FrontMatterField: Hashable, Sendable, Codable {
    public var key: String
    public var value: FrontMatterValue

    public init(key: String, value: FrontMatterValue) {
        self.key = key
        self.value = value
    }
}
