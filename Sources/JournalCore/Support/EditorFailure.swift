/// Why the person's external editor ($VISUAL/$EDITOR) gave no text back, in words to show them.
/// In the core because both the app (which asks for the editor) and the CLI (which runs it)
/// speak of it, and the CLI does not depend on the app.
public struct EditorFailure: Error, Hashable, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}
