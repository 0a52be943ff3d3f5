import JournalCore
import TerminalUI

/// The form's columns: shared by its reducer (the typing width) and its view.
enum PartFormLayout {
    static func labelWidth(_ size: Size) -> Int { min(28, max(12, (size.width - 4) * 2 / 5)) }
    static func valueWidth(_ size: Size) -> Int { max(8, size.width - 4 - 2 - labelWidth(size) - 1) }

    static func shown(_ field: PartFormField, _ text: String) -> String {
        switch field {
        case .stage where text.isEmpty: return "not marked"
        case .colour where text.isEmpty: return "the terminal's own"
        default: return text
        }
    }

    static func hint(_ field: PartFormField) -> String {
        switch field {
        case .name: return "The old name is kept as a former name, so old entries still find the part."
        case .role, .stage, .colour: return "←/→ change"
        case .feelings, .beliefs, .fears: return "Several? Separate them with ; (a semicolon)."
        case .notes: return "Enter starts a new line; Tab moves on."
        default: return "Tab or ↓ moves on; Ctrl-S saves every change at once."
        }
    }
}
