import JournalCore
import TerminalUI

enum BrowseView {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    static func render(context: AppContext, browse: BrowseState, into frame: inout Frame) {
        let theme = context.theme
        let area = frame.area.inset(horizontal: 2)
        let names = context.partNames
        let colours = Dictionary(context.home.parts.map { ($0.id, $0.colour.flatMap(Color.init(rawValue:))) },
                                 uniquingKeysWith: { first, _ in first })

        // Title, count, and the search box on the right.
        let total = context.journal?.entries.count ?? 0
        let title = browse.results.count == total ? "Entries · \(total)" : "Entries · \(browse.results.count) of \(total)"
        frame.buffer.put(title, x: area.x, y: 0, style: theme.title)
        let searchLabel = "Search: "
        let boxWidth = min(30, max(10, area.width / 3))
        let boxX = area.maxX - boxWidth
        frame.buffer.put(searchLabel, x: boxX - CellWidth.of(searchLabel), y: 0, style: theme.quiet)
        let field = browse.search.visible(width: boxWidth - 1)
        let shown = field.text
        frame.buffer.put(shown, x: boxX, y: 0, style: browse.typingQuery ? theme.prompt : .plain)
        if browse.typingQuery {
            frame.cursor = Point(x: boxX + field.cursorX, y: 0)
        } else if browse.query.isEmpty {
            frame.buffer.put("/", x: boxX, y: 0, style: theme.quiet)
        }

        var y = 1
        if BrowseLayout.hasFilterLine(browse, context: context) {
            var words = browse.activeFilters(partNames: names)
            if !browse.query.isEmpty { words.insert("matching \"\(browse.query)\"", at: 0) }
            let line = "Showing: " + words.joined(separator: " · ") + "  (x clears)"
            frame.buffer.put(line.truncated(toWidth: area.width), x: area.x, y: y, style: theme.notice)
            y += 1
        }
        y += 1

        let height = BrowseLayout.listHeight(size: frame.size, browse: browse, context: context)
        let listBottom = y + height
        if browse.results.isEmpty {
            let message: String
            if context.journal == nil {
                message = "Reading your journal…"
            } else if total == 0 {
                message = "No entries yet. Your first check-in will appear here."
            } else {
                message = "Nothing here with this search and these filters. x clears them."
            }
            Paragraph.render(message, in: Rect(x: area.x, y: y, width: area.width, height: 2), into: &frame.buffer, style: theme.quiet)
        }
        let terms = SearchQuery(browse.query).terms
        var index = BrowseLayout.scroll(toShow: browse.selected, from: browse.scroll, results: browse.results, height: height)
        let first = index
        while index < browse.results.count, y < listBottom {
            let entry = browse.results[index]
            if index == first || !BrowseLayout.sameMonth(entry, browse.results[index - 1]) {
                frame.buffer.put("\(monthNames[entry.created.month - 1]) \(entry.created.year)", x: area.x, y: y, style: theme.prompt)
                y += 1
                if y >= listBottom { break }
            }
            let selected = index == browse.selected
            var x = area.x
            x += frame.buffer.put(selected ? "▸ " : "  ", x: x, y: y)
            let weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][entry.created.isoWeekday - 1]
            let day = entry.created.day < 10 ? " \(entry.created.day)" : "\(entry.created.day)"
            x += frame.buffer.put("\(weekday) \(day)  \(entry.created.timeString)  ", x: x, y: y, style: theme.quiet)
            x += frame.buffer.put(entry.starred ? "★ " : "  ", x: x, y: y, style: theme.accent)
            // Three columns after the date: the entry's own words, the flow it was written with
            // (once), and its parts in their colours; each cut with "…" where it does not fit.
            let columns = BrowseLayout.columns(width: area.maxX - x)
            let headline = entry.headline(context.generatedTitles).truncated(toWidth: columns.headline)
            putHighlighted(headline, terms: terms, x: x, y: y, base: selected ? theme.selected : .plain, into: &frame.buffer,
                           theme: theme)
            if let flow = entry.flow, columns.flow > 0 {
                let title = context.environment.library.flow(flow)?.title ?? flow
                frame.buffer.put(title.truncated(toWidth: columns.flow), x: x + columns.headline + 2, y: y, style: theme.quiet)
            }
            var px = area.maxX - columns.parts
            for (offset, label) in entry.parts.map({ (names[$0] ?? $0.rawValue, colours[$0] ?? nil) }).enumerated() {
                let separator = offset > 0 ? " · " : ""
                let isLast = offset == entry.parts.count - 1
                // Room for this name, and for "…" after it when more follow.
                if px + CellWidth.of(separator + label.0) + (isLast ? 0 : 2) > area.maxX {
                    let room = area.maxX - px - CellWidth.of(separator)
                    if room >= 2 {
                        px += frame.buffer.put(separator, x: px, y: y, style: theme.quiet)
                        frame.buffer.put(label.0.truncated(toWidth: room), x: px, y: y, style: theme.part(label.1))
                    } else {
                        frame.buffer.put("…", x: min(px, area.maxX - 1), y: y, style: theme.quiet)
                    }
                    break
                }
                px += frame.buffer.put(separator, x: px, y: y, style: theme.quiet)
                px += frame.buffer.put(label.0, x: px, y: y, style: theme.part(label.1))
            }
            y += 1
            index += 1
        }
        if let panel = browse.filterPanel {
            FilterPanelView.render(panel, filter: browse.filter, names: names, tags: TagCount.of(context.journal?.entries ?? []),
                                   into: &frame, theme: theme)
        }
    }

    /// Text with the search terms marked (reverse video: readable without colour).
    static func putHighlighted(_ text: String, terms: [String], x: Int, y: Int, base: Style, into buffer: inout Buffer,
                               theme: Theme) {
        buffer.put(text, x: x, y: y, style: base)
        guard !terms.isEmpty else { return }
        var mark = base
        mark.reverse = !base.reverse
        mark.underline = true
        for term in terms {
            for range in TextFolding.ranges(of: term, in: text) {
                let column = x + CellWidth.of(text[..<range.lowerBound])
                buffer.put(text[range], x: column, y: y, style: mark)
            }
        }
    }
}
