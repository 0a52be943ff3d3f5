/// Why a file could not be read, and where: `line` and `column` are 1-based positions in the
/// whole file (not just its front matter).
public struct FormatError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var reason: String

    public init(line: Int, column: Int = 1, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String { "line \(line): \(reason)" }
}
