import JournalCore
import TerminalUI

enum HelpView {
    /// The rows of keys the box has room for in a window this size.
    static func room(_ size: Size) -> Int { max(1, size.height - 2 - 5) }

    /// How far the list of keys can scroll (0 when it fits).
    static func maxScroll(_ keys: ScreenKeys, size: Size) -> Int { max(0, keys.helpRows.count - room(size)) }

    /// Every key of the screen, with the text editor's own when the screen has one; a list taller
    /// than the window scrolls (`scroll` rows down).
    static func render(_ keys: ScreenKeys, scroll: Int, into frame: inout Frame, theme: Theme) {
        let all = keys.helpRows
        let first = min(scroll, maxScroll(keys, size: frame.size))
        let rows = Array(all.dropFirst(first).prefix(room(frame.size)))
        let height = min(frame.size.height - 2, rows.count + 5)
        let box = frame.area.centred(width: min(frame.size.width - 4, 76), height: height)
        frame.buffer.fill(box)
        drawBorder(box, into: &frame.buffer, style: theme.quiet)
        let inner = box.inset(horizontal: 2, vertical: 1)
        frame.buffer.put("Keys: \(keys.title)", x: inner.x, y: inner.y, style: theme.title)
        let keyWidth = min(22, all.map { CellWidth.of($0.keys) }.max() ?? 0)
        for (index, row) in rows.enumerated() where inner.y + 2 + index < inner.maxY - 1 {
            let y = inner.y + 2 + index
            frame.buffer.put(row.keys.truncated(toWidth: keyWidth), x: inner.x, y: y, style: theme.key)
            frame.buffer.put(row.help.truncated(toWidth: inner.width - keyWidth - 2), x: inner.x + keyWidth + 2, y: y)
        }
        let more = first + rows.count < all.count
        let foot = more ? "↓ more; any key but the arrows closes this." : first > 0 ? "↑ back up; any key but the arrows closes this." : "Any key closes this."
        frame.buffer.put(foot.truncated(toWidth: inner.width), x: inner.x, y: inner.maxY - 1, style: theme.quiet)
        frame.cursor = nil
    }

    static func drawBorder(_ rect: Rect, into buffer: inout Buffer, style: Style) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let horizontal = String(repeating: "─", count: rect.width - 2)
        buffer.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: style)
        buffer.put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: style)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            buffer.put("│", x: rect.x, y: y, style: style)
            buffer.put("│", x: rect.maxX - 1, y: y, style: style)
        }
    }
}
