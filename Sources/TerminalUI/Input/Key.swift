/// A key press, after the backend has decoded the terminal's bytes.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character (including space).
    case character(Character)
    /// Ctrl plus a letter, lower-case: `.control("s")`.
    case control(Character)
    case enter, tab, backTab, backspace, delete, escape
    case up, down, left, right, home, end, pageUp, pageDown
    /// Ctrl with an arrow (word moves) where the terminal reports it.
    case controlLeft, controlRight
    case function(Int)

    /// How the key is named in help text.
    public var description: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "Ctrl-" + String(c).uppercased()
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .escape: return "Esc"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .controlLeft: return "Ctrl-←"
        case .controlRight: return "Ctrl-→"
        case .function(let n): return "F\(n)"
        }
    }
}

/// What the terminal delivers to the loop.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// Text pasted in one go (a bracketed paste), delivered whole so a long paste is one edit.
    case paste(String)
    case resize(Size)
    /// Nothing happened before the read timed out: lets timers (a pause's countdown) move on.
    case tick
}

/// One action's keys and its help text. Keymaps are data, so the help line and the help
/// screen are generated from the same bindings the update function uses, and cannot drift.
public struct KeyBinding<Action: Hashable & Sendable>: Hashable, Sendable {
    public var action: Action
    public var keys: [Key]
    /// What the action does, for the help screen.
    public var help: String
    /// A shorter label for the help line, where room is scarce (defaults to `help`).
    public var lineHelp: String
    public var showInHelpLine: Bool

    public init(_ action: Action, keys: [Key], help: String, line: String? = nil, showInHelpLine: Bool = true) {
        self.action = action
        self.keys = keys
        self.help = help
        self.lineHelp = line ?? help
        self.showInHelpLine = showInHelpLine
    }
}

public struct KeyMap<Action: Hashable & Sendable>: Hashable, Sendable {
    public var title: String
    public var bindings: [KeyBinding<Action>]

    public init(title: String, _ bindings: [KeyBinding<Action>]) {
        self.title = title
        self.bindings = bindings
    }

    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// "Enter continue · Ctrl-B back · ?  help", from the bindings shown in the help line.
    public var helpLine: [(keys: String, help: String)] {
        bindings.filter(\.showInHelpLine).map { ($0.keys.first.map(\.description) ?? "", $0.lineHelp) }
    }

    /// Every binding with all its keys, for the help screen.
    public var helpRows: [(keys: String, help: String)] {
        bindings.map { ($0.keys.map(\.description).joined(separator: ", "), $0.help) }
    }
}
