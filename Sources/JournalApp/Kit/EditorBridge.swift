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

    /// Applies an editing key (TerminalUI's editor key map); false when the key is not one.
    /// `height` 1 makes a one-line field (Enter is then left to the screen's keys).
    @discardableResult
    static func handle(key: Key, state: inout TextEditorState, width: Int, height: Int) -> Bool {
        state.handle(key: key, width: width, height: height)
    }

    /// Draws the editor; returns the cursor's screen position.
    static func render(_ state: TextEditorState, in area: Rect, into buffer: inout Buffer, placeholder: String,
                       theme: Theme) -> Point? {
        var visible = state
        visible.ensureCursorVisible(width: area.width, height: area.height)
        return TextEditorView(placeholder: placeholder).render(visible, in: area, into: &buffer)
    }
}
