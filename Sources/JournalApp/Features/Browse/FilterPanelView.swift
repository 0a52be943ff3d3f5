import JournalCore
import TerminalUI

enum FilterPanelView {
    static func render(_ panel: FilterPanel, filter: EntryFilter, names: [PartID: String], tags: [TagCount], into frame: inout Frame,
                       theme: Theme) {
        let rows = FilterPanel.Row.allCases
        let box = frame.area.centred(width: min(frame.size.width - 4, 60), height: min(frame.size.height - 2, rows.count + 6))
        frame.buffer.fill(box)
        HelpView.drawBorder(box, into: &frame.buffer, style: theme.quiet)
        let inner = box.inset(horizontal: 2, vertical: 1)
        frame.buffer.put("Filters", x: inner.x, y: inner.y, style: theme.title)
        for (offset, row) in rows.enumerated() {
            let y = inner.y + 2 + offset
            guard y < inner.maxY - 1 else { break }
            let selected = row == panel.row
            frame.buffer.put(selected ? "▸ " : "  ", x: inner.x, y: y)
            frame.buffer.put(row.label, x: inner.x + 2, y: y, style: selected ? theme.prompt : .plain)
            let value: String
            switch row {
            case .from: value = panel.fromText.isEmpty && !selected ? "any" : panel.fromText
            case .to: value = panel.toText.isEmpty && !selected ? "any" : panel.toText
            case .part: value = filter.parts.map { Set($0.map { names[$0] ?? $0.rawValue }).sorted().joined(separator: ", ") } ?? "any"
            case .tag: value = filter.tag ?? "any"
            case .flow: value = filter.flow ?? "any"
            case .starred: value = filter.starredOnly ? "yes" : "no"
            }
            let valueX = inner.x + 17
            frame.buffer.put(value.truncated(toWidth: max(0, inner.maxX - valueX)), x: valueX, y: y, style: selected ? theme.selected : .plain)
            if selected, row == .from || row == .to {
                let field = row == .from ? panel.from : panel.to
                frame.cursor = Point(x: valueX + field.visible(width: max(1, inner.maxX - valueX)).cursorX, y: y)
            }
        }
        var foot = panel.problem ?? (panel.row == .from || panel.row == .to ? "Type a date: 2026-11-29, 2026-11 or 2026." : "←/→ change · Enter applies")
        if panel.problem == nil, panel.row == .tag {
            // The tags in use, most used first, so the person sees what there is to pick.
            foot = tags.isEmpty ? "No tags yet: write #tag in an answer, or t in the review."
                : "In use: " + tags.map { "\($0.tag) (\($0.entries))" }.joined(separator: ", ")
        }
        frame.buffer.put(foot.truncated(toWidth: inner.width), x: inner.x, y: inner.maxY - 1,
                         style: panel.problem == nil ? theme.quiet : theme.notice)
    }
}
