import Foundation

/// Where a command reads lines and writes text. The real one uses stdin/stdout/stderr; tests
/// use a scripted one, so every command runs the same code in tests as in use.
public protocol Console: AnyObject {
    /// The next line of input without its line end, or nil at end of input.
    func readLine() -> String?
    func write(_ text: String)
    func writeError(_ text: String)
    /// Whether stdout is a terminal (decides colour and layout niceties).
    var outputIsTerminal: Bool { get }
}

public extension Console {
    func line(_ text: String = "") { write(text + "\n") }
    func errorLine(_ text: String) { writeError(text + "\n") }
}

public final class StandardConsole: Console {
    public init() {}

    public func readLine() -> String? {
        guard let line = Swift.readLine(strippingNewline: true) else { return nil }
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }

    public func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    public func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    public var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}

/// Scripted input and captured output, for tests.
public final class ScriptedConsole: Console {
    private var input: [String]
    public private(set) var output = ""
    public private(set) var errors = ""
    public var outputIsTerminal = false

    public init(input: [String] = []) {
        self.input = input
    }

    public func readLine() -> String? { input.isEmpty ? nil : input.removeFirst() }
    public func write(_ text: String) { output += text }
    public func writeError(_ text: String) { errors += text }
}

/// sysexits-style codes, so scripts can tell what went wrong.
public enum ExitStatus {
    public static let ok: Int32 = 0
    /// The command was used wrongly (unknown id, bad option).
    public static let usage: Int32 = 64
    /// The data was wrong (a prompt file with problems, an unreadable file).
    public static let dataError: Int32 = 65
    /// A file or folder to read does not exist or cannot be read (an import's source).
    public static let noInput: Int32 = 66
    /// Reading or writing the disk failed.
    public static let ioError: Int32 = 74
}

/// A failure that ends a command with a message and an exit status.
public struct CommandFailure: Error, CustomStringConvertible {
    public var message: String
    public var status: Int32

    public init(_ message: String, status: Int32) {
        self.message = message
        self.status = status
    }

    public var description: String { message }
}
