import JournalCore
import TerminalUI

enum PartsView {
    static func render(context: AppContext, list: PartsState, into frame: inout Frame) {
        let theme = context.theme
        let area = frame.area.inset(horizontal: 2)
        let rows = PartsFeature.shownParts(list, context)
        var list = list
        list.selection.clamp(count: rows.count)
        var title = "Parts · \(rows.count)"
        if let role = list.role { title += " · role: \(role.rawValue)" }
        if list.showArchived { title += " · with those put away" }
        TitleRow.render(title, right: "by \(list.order.rawValue)", in: area, into: &frame.buffer, theme: theme)
        guard !rows.isEmpty else {
            let message = context.home.parts.isEmpty
                ? "No parts yet. A part is added here when you name it in a flow."
                : "No part has this role. f shows the next role."
            Paragraph.render(message, in: Rect(x: area.x, y: 2, width: area.width, height: 3), into: &frame.buffer, style: theme.quiet)
            return
        }
        let top = 2
        let height = max(1, frame.size.height - top - 2)
        let first = list.selection.firstVisible(height: height)
        // Columns: marker, name, role and stage, then how present it is (up to 28 cells).
        let roleWidth = 22
        let nameWidth = min(28, max(10, area.width - 2 - 2 - roleWidth - 2 - 28))
        for (offset, row) in rows.enumerated().dropFirst(first).prefix(height) {
            let y = top + offset - first
            let selected = offset == list.selected
            var x = area.x
            x += frame.buffer.put(selected ? "▸ " : "  ", x: x, y: y)
            var nameStyle = theme.part(row.part.colour.flatMap(Color.init(rawValue:)))
            if selected { nameStyle.reverse = true }
            frame.buffer.put(row.part.name.truncated(toWidth: nameWidth), x: x, y: y, style: nameStyle)
            x += nameWidth + 2
            let role = row.part.role.rawValue + (row.part.stage.map { ", \($0.rawValue)" } ?? "") + (row.part.archived ? ", put away" : "")
            frame.buffer.put(role.truncated(toWidth: roleWidth), x: x, y: y, style: theme.quiet)
            x += roleWidth + 2
            let seen = row.activity.lastSeen.map { "last \($0.shortDate) \($0.year)" } ?? "no entries yet"
            let activity = row.activity.entryCount > 0 ? "\(row.activity.entryCount) \(row.activity.entryCount == 1 ? "entry" : "entries") · \(seen)" : seen
            let shown = activity.truncated(toWidth: max(0, area.maxX - x))
            frame.buffer.put(shown, x: max(x, area.maxX - CellWidth.of(shown)), y: y, style: theme.quiet)
        }
    }
}

