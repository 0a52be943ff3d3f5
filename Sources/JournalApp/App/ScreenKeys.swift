import TerminalUI

/// What every screen's keys can do besides its own actions: named the same in each feature's
/// action enum, so the app handles them alike (help everywhere; grounding and quitting where
/// nothing typed would be lost).
protocol ScreenAction: Hashable, Sendable {
    static var ground: Self { get }
    static var help: Self { get }
    static var quit: Self { get }
}

/// The bindings every screen shares, for any screen's action enum.
enum CommonKeys {
    static func ground<A: ScreenAction>() -> KeyBinding<A> {
        KeyBinding(.ground, keys: [.control("g"), .function(2)], help: "pause and ground, from any screen", line: "ground")
    }

    /// F1 or `?`, where letters do not type.
    static func help<A: ScreenAction>() -> KeyBinding<A> { KeyBinding(.help, keys: [.function(1), .character("?")], help: "help") }

    /// F1 alone, where letters type.
    static func textHelp<A: ScreenAction>() -> KeyBinding<A> { KeyBinding(.help, keys: [.function(1)], help: "help") }

    /// `q` too, where letters do not type.
    static func quit<A: ScreenAction>() -> KeyBinding<A> {
        KeyBinding(.quit, keys: [.character("q"), .control("q"), .control("c")], help: "quit")
    }

    /// Ctrl-Q and Ctrl-C only, off the help line; `help` says what happens to what is typed.
    static func quitTyping<A: ScreenAction>(_ help: String = "quit") -> KeyBinding<A> {
        KeyBinding(.quit, keys: [.control("q"), .control("c")], help: help, showInHelpLine: false)
    }
}

/// A screen's keys as the app sees them whatever the screen's action type: what the help screen
/// and the help line show, and which keys help, ground and quit.
public struct ScreenKeys: Sendable {
    public enum Common: Sendable { case help, ground, quit }

    public let title: String
    /// Every binding with all its keys, for the help screen.
    public let rows: [(keys: String, help: String)]
    /// The bindings shown on the help line.
    public let line: [(keys: String, help: String)]
    /// Whether the screen has a text editor (the help screen lists its keys too).
    public let editing: Bool
    private let common: [Key: Common]
    /// Every key the screen binds itself.
    private let bound: Set<Key>

    init<A: ScreenAction>(_ map: KeyMap<A>, editing: Bool = false) {
        title = map.title
        rows = map.helpRows
        line = map.helpLine
        self.editing = editing
        var common: [Key: Common] = [:]
        var seen = Set<Key>() // the first binding of a key is the one that counts, as in the key map
        for binding in map.bindings {
            let kind: Common? = binding.action == .help ? .help : binding.action == .ground ? .ground : binding.action == .quit ? .quit : nil
            for key in binding.keys where seen.insert(key).inserted {
                if let kind { common[key] = kind }
            }
        }
        self.common = common
        bound = seen
    }

    /// What the help screen lists: the screen's keys, then the text editor's that are left free.
    public var helpRows: [(keys: String, help: String)] {
        rows + (editing ? TextEditorKeys.helpRows(multiline: true, leavingOut: bound) : [])
    }

    /// What a key does of the shared actions (nil for the screen's own, or an unbound key).
    func common(_ key: Key) -> Common? { common[key] }
}
