import JournalCore
import TerminalUI

/// A step's margins and answer area: shared by the session's reducer, its page layout and its view.
enum SessionLayout {
    /// The room an answer has, used by `update` for page moves in the editor.
    static func inputArea(size: Size) -> Size {
        Size(width: max(10, min(size.width - 2 * margin(size), maxLineWidth)), height: max(3, size.height - 12))
    }

    static let maxLineWidth = 100

    /// Side margins: roomy at the design size, narrower in a small window.
    static func margin(_ size: Size) -> Int { size.width < 60 ? 2 : 4 }
}
