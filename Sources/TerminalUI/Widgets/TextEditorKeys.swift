/// What the text editor does with keys: one key map, read both to handle a key and to list the
/// editor's keys on a help screen, so the two never disagree.
public enum TextEditorAction: Hashable, Sendable {
    case left, right, wordLeft, wordRight, up, down, lineStart, lineEnd, pageUp, pageDown
    case newline, tab, deleteBackward, deleteForward, deleteWord, deleteToLineStart
}

public enum TextEditorKeys {
    /// The editor's keys. A one-line field (`multiline` false) leaves Enter, ↑/↓ and the page keys
    /// to the screen it is on.
    public static func map(multiline: Bool) -> KeyMap<TextEditorAction> {
        let line = multiline ? "move by character and line" : "move by character"
        var bindings: [KeyBinding<TextEditorAction>] = [
            KeyBinding(.left, keys: [.left], help: line),
            KeyBinding(.right, keys: [.right], help: line),
        ]
        if multiline {
            bindings += [KeyBinding(.up, keys: [.up], help: line), KeyBinding(.down, keys: [.down], help: line)]
        }
        bindings += [
            KeyBinding(.wordLeft, keys: [.controlLeft], help: "move by word"),
            KeyBinding(.wordRight, keys: [.controlRight], help: "move by word"),
            KeyBinding(.lineStart, keys: [.home, .control("a")], help: "start and end of the line"),
            KeyBinding(.lineEnd, keys: [.end], help: "start and end of the line"),
        ]
        if multiline {
            bindings += [
                KeyBinding(.pageUp, keys: [.pageUp], help: "move by page"),
                KeyBinding(.pageDown, keys: [.pageDown], help: "move by page"),
            ]
        }
        bindings += [
            KeyBinding(.deleteBackward, keys: [.backspace], help: "delete the character before or under the cursor"),
            KeyBinding(.deleteForward, keys: [.delete], help: "delete the character before or under the cursor"),
            KeyBinding(.deleteWord, keys: [.control("w")], help: "delete the word before the cursor"),
            KeyBinding(.deleteToLineStart, keys: [.control("u")], help: "delete to the start of the line"),
            KeyBinding(.tab, keys: [.tab], help: "four spaces"),
        ]
        if multiline { bindings.append(KeyBinding(.newline, keys: [.enter], help: "a new line")) }
        return KeyMap(title: "Editing text", bindings)
    }

    static let multiline = map(multiline: true)
    static let singleLine = map(multiline: false)

    /// The editor's keys for a help screen: bindings that do the same kind of thing share a row
    /// ("←, →  move by character").
    /// Keys in `taken` (the screen's own) are left out: there they do what the screen says.
    public static func helpRows(multiline: Bool, leavingOut taken: Set<Key> = []) -> [(keys: String, help: String)] {
        var rows: [(keys: String, help: String)] = []
        for binding in map(multiline: multiline).bindings {
            let free = binding.keys.filter { !taken.contains($0) }
            guard !free.isEmpty else { continue }
            let keys = free.map(\.description).joined(separator: ", ")
            if let index = rows.firstIndex(where: { $0.help == binding.help }) {
                rows[index].keys += ", " + keys
            } else {
                rows.append((keys, binding.help))
            }
        }
        return rows
    }
}

extension TextEditorState {
    /// Applies a key: a character is typed, an editing key edits or moves, anything else is left
    /// alone (false). `height` 1 makes a one-line field.
    @discardableResult
    public mutating func handle(key: Key, width: Int, height: Int) -> Bool {
        if case .character(let character) = key {
            insert(String(character))
        } else if let action = (height > 1 ? TextEditorKeys.multiline : TextEditorKeys.singleLine).action(for: key) {
            apply(action, width: width, height: height)
        } else {
            return false
        }
        ensureCursorVisible(width: width, height: height)
        return true
    }

    public mutating func apply(_ action: TextEditorAction, width: Int, height: Int) {
        switch action {
        case .left: moveLeft()
        case .right: moveRight()
        case .wordLeft: moveWordLeft()
        case .wordRight: moveWordRight()
        case .up: moveUp(width: width)
        case .down: moveDown(width: width)
        case .lineStart: moveToLineStart()
        case .lineEnd: moveToLineEnd()
        case .pageUp: pageUp(width: width, height: height)
        case .pageDown: pageDown(width: width, height: height)
        case .newline: insertNewline()
        case .tab: insert("    ")
        case .deleteBackward: deleteBackward()
        case .deleteForward: deleteForward()
        case .deleteWord: deleteWordBackward()
        case .deleteToLineStart: deleteToLineStart()
        }
    }
}
