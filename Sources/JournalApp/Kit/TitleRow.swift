import JournalCore
import TerminalUI

/// A screen's title row: the title on the left, a quiet label on the right only when both fit.
enum TitleRow {
    static func render(_ title: String, right: String, in area: Rect, y: Int = 0, into buffer: inout Buffer, theme: Theme) {
        let rightWidth = CellWidth.of(right)
        buffer.put(title.truncated(toWidth: area.width), x: area.x, y: y, style: theme.title)
        if CellWidth.of(title) + 2 + rightWidth <= area.width {
            buffer.put(right, x: area.maxX - rightWidth, y: y, style: theme.quiet)
        }
    }
}
