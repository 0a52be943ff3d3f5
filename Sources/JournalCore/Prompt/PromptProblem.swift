/// One mistake in a prompt file, printed as `file:line:column: message`.
public struct PromptProblem: Hashable, Sendable, CustomStringConvertible, Error {
    public var position: SourcePosition
    public var message: String

    public init(_ position: SourcePosition, _ message: String) {
        self.position = position
        self.message = message
    }

    public var description: String { "\(position): \(message)" }
}
