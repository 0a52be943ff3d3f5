import TerminalUI

/// The app's use of the text editor widget: which keys edit text, and drawing it.
enum EditorBridge {
    static func make(text: String) -> TextEditorState {
        TextEditorState(text: text)
    }

    static func text(of state: TextEditorState) -> String { state.text }

    static func insert(_ text: String, into state: inout TextEditorState) {
        state.insert(text)
    }

    /// Applies an editing key; false when the key is not an editing key. `height` 1 makes a
    /// one-line field (Enter is then left to the keymap).
    @discardableResult
    static func handle(key: Key, state: inout TextEditorState, width: Int, height: Int) -> Bool {
        switch key {
        case .character(let character): state.insert(String(character))
        case .enter:
            guard height > 1 else { return false }
            state.insertNewline()
        case .tab: state.insert("    ")
        case .backspace: state.deleteBackward()
        case .delete: state.deleteForward()
        case .control("w"): state.deleteWordBackward()
        case .control("u"): state.deleteToLineStart()
        case .left: state.moveLeft()
        case .right: state.moveRight()
        case .controlLeft: state.moveWordLeft()
        case .controlRight: state.moveWordRight()
        case .up: state.moveUp(width: width)
        case .down: state.moveDown(width: width)
        case .home, .control("a"): state.moveToLineStart()
        case .end: state.moveToLineEnd()
        case .pageUp: state.pageUp(width: width, height: height)
        case .pageDown: state.pageDown(width: width, height: height)
        default: return false
        }
        state.ensureCursorVisible(width: width, height: height)
        return true
    }

    /// Draws the editor; returns the cursor's screen position.
    static func render(_ state: TextEditorState, in area: Rect, into buffer: inout Buffer, placeholder: String,
                       theme: Theme) -> Point? {
        var visible = state
        visible.ensureCursorVisible(width: area.width, height: area.height)
        return TextEditorView(placeholder: placeholder).render(visible, in: area, into: &buffer)
    }
}
