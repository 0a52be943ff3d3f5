import JournalCore
import TerminalUI

/// A part's record being edited in place: one row per field. Only the fields the person
/// touches are written, in one atomic save onto the record as it is on disk by then.
public struct PartFormState: Hashable, Sendable {
    public var changes: PartFormChanges
    public var field: PartFormField
    /// The focused text field's editor (choice fields use none; their value is in `changes`).
    public var editor: TextEditorState
    /// Why the last save did not go through, or why a key did nothing.
    public var problem: String?
    /// Esc (or Ctrl-Q) was pressed once with changes unsaved: a second press leaves without them.
    public var leaveAsked = false
    public var quitAsked = false
    /// A save was stopped by a change outside Haven: the next one writes over it, keeping the
    /// file as it was in the trash.
    public var replacing = false

    public init(part: Part, field: PartFormField = .name) {
        changes = PartFormChanges(base: part)
        self.field = field
        editor = TextEditorState()
        focus(field)
    }

    /// Whether typing in the form's editor would keep `text` exactly (it turns tabs into spaces
    /// and drops control characters).
    public static func typingKeeps(_ text: String) -> Bool { TextEditorState(text: text).text == text }

    /// Moves to a field, its text in the editor with the cursor at the end.
    public mutating func focus(_ next: PartFormField) {
        field = next
        editor = TextEditorState(text: next.choices == nil ? changes.text(of: next) : "")
        editor.setCursor(editor.endPosition)
    }
}

