import JournalCore
import TerminalUI

/// Where things go on the entries list, shared by `update` (to keep the selection in sight) and
/// the view.
enum BrowseLayout {
    /// The widths of a list row's columns after its date: the entry's words, the flow, the
    /// parts, with two blanks between (the flow column goes in a very narrow window).
    static func columns(width: Int) -> (headline: Int, flow: Int, parts: Int) {
        let parts = max(0, width / 4)
        let flow = width >= 48 ? min(22, max(14, width / 4)) : 0
        let headline = max(0, width - parts - (flow > 0 ? flow + 2 : 0) - 2)
        return (headline, flow, parts)
    }

    /// Rows above the list: the title row, the filters row when any are set, a blank row.
    static func headerRows(_ browse: BrowseState, app: HavenApp) -> Int {
        hasFilterLine(browse, app: app) ? 3 : 2
    }

    static func hasFilterLine(_ browse: BrowseState, app: HavenApp) -> Bool {
        !browse.activeFilters(partNames: app.partNames).isEmpty || !browse.query.isEmpty
    }

    /// Rows for entries and month headings (the notice row and help line stay free).
    static func listHeight(size: Size, browse: BrowseState, app: HavenApp) -> Int {
        max(1, size.height - headerRows(browse, app: app) - 2)
    }

    /// Rows from entry `start` to entry `end` included: the entries, plus a heading for the
    /// first one and for each new month.
    static func rows(from start: Int, through end: Int, results: [EntrySummary]) -> Int {
        guard start <= end, results.indices.contains(start) else { return 0 }
        var count = 0
        for index in start...min(end, results.count - 1) {
            if index == start || !sameMonth(results[index], results[index - 1]) { count += 1 }
            count += 1
        }
        return count
    }

    static func sameMonth(_ a: EntrySummary, _ b: EntrySummary) -> Bool {
        a.created.year == b.created.year && a.created.month == b.created.month
    }

    /// The first entry to draw so that `selected` is in sight, moving as little as possible.
    static func scroll(toShow selected: Int, from scroll: Int, results: [EntrySummary], height: Int) -> Int {
        guard !results.isEmpty else { return 0 }
        var start = min(max(0, scroll), results.count - 1)
        if selected < start { return selected }
        while start < selected && rows(from: start, through: selected, results: results) > height { start += 1 }
        return start
    }

    static func partChoices(journal: IndexedEntries?, names: [PartID: String], aliases: PartAliases = PartAliases([]))
        -> [(id: PartID, name: String)] {
        // A part merged into another is one choice, under the part it is now.
        var seen = Set<PartID>()
        for entry in journal?.entries ?? [] { seen.formUnion(entry.parts.map(aliases.resolve)) }
        seen.formUnion(names.keys.map(aliases.resolve))
        return seen.map { ($0, names[$0] ?? $0.rawValue) }.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    static func tagChoices(_ journal: IndexedEntries?) -> [String] {
        var seen: [String: String] = [:] // folded -> as first written
        for entry in journal?.entries ?? [] {
            for tag in entry.tags where seen[TextFolding.fold(tag)] == nil { seen[TextFolding.fold(tag)] = tag }
        }
        return seen.values.sorted { $0.lowercased() < $1.lowercased() }
    }

    static func flowChoices(_ journal: IndexedEntries?) -> [String] {
        Set((journal?.entries ?? []).compactMap(\.flow)).sorted()
    }
}

enum BrowseView {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    static func render(app: HavenApp, browse: BrowseState, into frame: inout Frame) {
        let theme = app.theme
        let area = frame.area.inset(horizontal: 2)
        let names = app.partNames
        let colours = Dictionary(app.state.home.parts.map { ($0.id, $0.colour.flatMap(Color.init(rawValue:))) },
                                 uniquingKeysWith: { first, _ in first })

        // Title, count, and the search box on the right.
        let total = app.state.journal?.entries.count ?? 0
        let title = browse.results.count == total ? "Entries · \(total)" : "Entries · \(browse.results.count) of \(total)"
        frame.buffer.put(title, x: area.x, y: 0, style: theme.title)
        let searchLabel = "Search: "
        let boxWidth = min(30, max(10, area.width / 3))
        let boxX = area.maxX - boxWidth
        frame.buffer.put(searchLabel, x: boxX - CellWidth.of(searchLabel), y: 0, style: theme.quiet)
        let shown = browse.query.truncatedFromStart(toWidth: boxWidth - 1)
        frame.buffer.put(shown, x: boxX, y: 0, style: browse.typingQuery ? theme.prompt : .plain)
        if browse.typingQuery {
            frame.cursor = Point(x: boxX + CellWidth.of(shown), y: 0)
        } else if browse.query.isEmpty {
            frame.buffer.put("/", x: boxX, y: 0, style: theme.quiet)
        }

        var y = 1
        if BrowseLayout.hasFilterLine(browse, app: app) {
            var words = browse.activeFilters(partNames: names)
            if !browse.query.isEmpty { words.insert("matching \"\(browse.query)\"", at: 0) }
            let line = "Showing: " + words.joined(separator: " · ") + "  (x clears)"
            frame.buffer.put(line.truncated(toWidth: area.width), x: area.x, y: y, style: theme.notice)
            y += 1
        }
        y += 1

        let height = BrowseLayout.listHeight(size: frame.size, browse: browse, app: app)
        let listBottom = y + height
        if browse.results.isEmpty {
            let message: String
            if app.state.journal == nil {
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
            let headline = entry.headline(app.generatedTitles).truncated(toWidth: columns.headline)
            putHighlighted(headline, terms: terms, x: x, y: y, base: selected ? theme.selected : .plain, into: &frame.buffer,
                           theme: theme)
            if let flow = entry.flow, columns.flow > 0 {
                let title = app.environment.library.flow(flow)?.title ?? flow
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
            FilterPanelView.render(panel, filter: browse.filter, names: names, tags: TagCount.of(app.state.journal?.entries ?? []),
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
                frame.cursor = Point(x: valueX + CellWidth.of(value), y: y)
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

/// One entry, laid out for reading: a header, then its writing, wrapped, with the search terms
/// marked.
enum ReaderView {
    struct Line {
        var text: String
        var style: Style
    }

    static func width(size: Size) -> Int { min(size.width - 4, 100) }

    static func lines(entry: Entry, width: Int, names: [PartID: String], flowTitle: String?, titles: GeneratedTitles) -> [Line] {
        var lines: [Line] = []
        func add(_ text: String, _ style: Style) {
            for row in Paragraph.wrap(text, width: width) { lines.append(Line(text: row, style: style)) }
        }
        add(entry.headline(titles) + (entry.starred ? "  ★" : ""), .bold)
        var about = "\(entry.created.longDate), \(entry.created.timeString)"
        if let flowTitle { about += " · \(flowTitle)" }
        add(about, .dim)
        if !entry.parts.isEmpty { add("Parts: " + entry.parts.map { names[$0] ?? $0.rawValue }.joined(separator: " · "), .dim) }
        if !entry.tags.isEmpty { add("Tags: " + entry.tags.joined(separator: " · "), .dim) }
        lines.append(Line(text: "", style: .plain))
        if !entry.preamble.trimmingWhitespace().isEmpty {
            for paragraph in entry.preamble.trimmingWhitespace().components(separatedBy: "\n") { add(paragraph, .plain) }
            lines.append(Line(text: "", style: .plain))
        }
        for section in entry.sections {
            add(section.heading, .bold)
            for paragraph in section.text.components(separatedBy: "\n") { add(paragraph, .plain) }
            lines.append(Line(text: "", style: .plain))
        }
        return lines
    }

    static func maxScroll(entry: Entry, query: String, app: HavenApp) -> Int {
        let all = lines(entry: entry, width: width(size: app.state.size), names: app.partNames, flowTitle: nil, titles: app.generatedTitles)
        return max(0, all.count - (app.state.size.height - 3))
    }

    static func noteArea(size: Size) -> Rect {
        let height = max(3, min(8, size.height / 3))
        return Rect(x: 3, y: size.height - 2 - height, width: max(10, size.width - 6), height: height)
    }

    static func render(app: HavenApp, browse: BrowseState, reader: ReaderState, into frame: inout Frame) {
        let theme = app.theme
        let size = frame.size
        let textWidth = width(size: size)
        let x = max(2, (size.width - textWidth) / 2)
        let flowTitle = reader.entry.entry.flow.map { app.environment.library.flow($0)?.title ?? $0 }
        let all = lines(entry: reader.entry.entry, width: textWidth, names: app.partNames, flowTitle: flowTitle, titles: app.generatedTitles)
        let position = "\(reader.index + 1) of \(browse.results.count)"
        frame.buffer.put(position, x: size.width - 2 - CellWidth.of(position), y: 0, style: theme.quiet)
        let top = 1
        let bottom = size.height - 2
        let terms = SearchQuery(browse.query).terms
        let scroll = min(reader.scroll, max(0, all.count - (bottom - top)))
        for (offset, line) in all.dropFirst(scroll).enumerated() {
            let y = top + offset
            guard y < bottom else { break }
            var style = line.style
            if style == .bold, app.environment.colour, offset + scroll == 0 { style = theme.title }
            BrowseView.putHighlighted(line.text, terms: terms, x: x, y: y, base: style, into: &frame.buffer, theme: theme)
        }
        if scroll + (bottom - top) < all.count {
            frame.buffer.put("↓ more", x: size.width - 8, y: bottom - 1, style: theme.quiet)
        }
        if let note = reader.note {
            let area = noteArea(size: size)
            let box = Rect(x: area.x - 1, y: area.y - 2, width: area.width + 2, height: area.height + 3)
            frame.buffer.fill(box)
            HelpView.drawBorder(box, into: &frame.buffer, style: theme.quiet)
            frame.buffer.put("A later note (dated today; Ctrl-D adds it)", x: area.x, y: area.y - 1, style: theme.prompt)
            frame.cursor = EditorBridge.render(note, in: Rect(x: area.x, y: area.y, width: area.width, height: area.height - 1),
                                               into: &frame.buffer, placeholder: "Write here…", theme: theme)
        } else if let rejected = reader.rejectedEdit {
            let text = rejected.fileChanged
                ? "The file changed outside Haven while you were editing, so nothing was changed. e saves yours over it (a copy of the file as it is goes to the trash first)."
                : "Your edit could not be read as an entry, so nothing was changed."
            let rows = Paragraph.wrap(text, width: size.width - 4)
            let y = size.height - 1 - max(1, app.noticeRows(width: size.width).count) - rows.count
            frame.buffer.fill(Rect(x: 0, y: y, width: size.width, height: rows.count))
            Paragraph.render(text, in: Rect(x: 2, y: y, width: size.width - 4, height: rows.count), into: &frame.buffer, style: theme.notice)
        }
    }
}

/// A month of days with writing, or a whole year as rows of days; the current run of days
/// with writing, said plainly (gaps are never counted against anyone).
enum CalendarView {
    static func daysWithWriting(_ journal: IndexedEntries?) -> [CalendarDay: Int] {
        var counts: [CalendarDay: Int] = [:]
        for entry in journal?.entries ?? [] { counts[entry.day, default: 0] += 1 }
        return counts
    }

    /// Consecutive days with writing, ending today (or yesterday, since today may be young).
    static func currentRun(days: [CalendarDay: Int], today: CalendarDay) -> Int {
        var day = days[today] != nil ? today : today.adding(days: -1)
        var run = 0
        while days[day] != nil {
            run += 1
            day = day.adding(days: -1)
        }
        return run
    }

    static func render(app: HavenApp, calendar: CalendarState, into frame: inout Frame) {
        let theme = app.theme
        let area = frame.area.inset(horizontal: 2)
        let days = daysWithWriting(app.state.journal)
        let today = CalendarDay(app.environment.clock.now())
        let selected = calendar.selectedDay
        var y = 0
        frame.buffer.put("Calendar", x: area.x, y: y, style: theme.title)
        y += 2
        if calendar.showsYear {
            frame.buffer.put("\(calendar.year)", x: area.x, y: y, style: theme.prompt)
            y += 1
            var ruler = Array(repeating: Character(" "), count: 33)
            for day in [1, 10, 20, 30] {
                for (offset, digit) in String(day).enumerated() { ruler[day - 1 + offset] = digit }
            }
            frame.buffer.put(String(ruler), x: area.x + 6, y: y, style: theme.quiet)
            y += 1
            for month in 1...12 where y < frame.size.height - 4 {
                frame.buffer.put(BrowseView.monthNames[month - 1].prefix(3) + "   ", x: area.x, y: y,
                                 style: month == calendar.month ? theme.prompt : theme.quiet)
                for day in 1...LocalDateTime.daysIn(month: month, year: calendar.year) {
                    let date = CalendarDay(year: calendar.year, month: month, day: day)
                    let mark = days[date] != nil ? "●" : "·"
                    var style: Style = days[date] != nil ? theme.accent : theme.quiet
                    if date == selected { style = theme.selected }
                    frame.buffer.put(mark, x: area.x + 5 + day, y: y, style: style)
                }
                y += 1
            }
            let written = days.keys.filter { $0.year == calendar.year }.count
            y += 1
            frame.buffer.put("Days with writing in \(calendar.year): \(written)", x: area.x, y: y, style: theme.quiet)
        } else {
            let title = "\(BrowseView.monthNames[calendar.month - 1]) \(calendar.year)"
            frame.buffer.put(title, x: area.x, y: y, style: theme.prompt)
            y += 1
            frame.buffer.put("Mo   Tu   We   Th   Fr   Sa   Su", x: area.x, y: y, style: theme.quiet)
            y += 1
            let first = CalendarDay(year: calendar.year, month: calendar.month, day: 1)
            let firstWeekday = LocalDateTime(year: first.year, month: first.month, day: 1, utcOffsetMinutes: 0).isoWeekday
            var column = firstWeekday - 1
            for day in 1...LocalDateTime.daysIn(month: calendar.month, year: calendar.year) {
                let date = CalendarDay(year: calendar.year, month: calendar.month, day: day)
                let count = days[date] ?? 0
                let label = (day < 10 ? " \(day)" : "\(day)") + (count > 0 ? "●" : " ")
                var style: Style = count > 0 ? theme.accent : .plain
                if date == today { style.underline = true }
                if date == selected { style = theme.selected }
                frame.buffer.put(label, x: area.x + column * 5, y: y, style: style)
                column += 1
                if column == 7 {
                    column = 0
                    y += 1
                }
            }
            y += 2
            let inMonth = days.keys.filter { $0.year == calendar.year && $0.month == calendar.month }.count
            frame.buffer.put("Days with writing this month: \(inMonth)", x: area.x, y: y, style: theme.quiet)
            y += 1
            let count = days[selected] ?? 0
            let line = count == 0 ? "\(selected): no entries" : "\(selected): \(count) \(count == 1 ? "entry" : "entries") (Enter to see)"
            frame.buffer.put(line, x: area.x, y: y)
        }
        let run = currentRun(days: days, today: today)
        if run >= 2, y + 2 < frame.size.height - 2 {
            frame.buffer.put("You have written \(run) days in a row.", x: area.x, y: y + 2, style: theme.quiet)
        }
    }
}

extension String {
    /// The end of the text that fits, for a field where typing happens at the end.
    func truncatedFromStart(toWidth width: Int) -> String {
        guard CellWidth.of(self) > width else { return self }
        var out = ""
        var used = 0
        for character in reversed() {
            let w = CellWidth.of(character)
            if used + w > max(0, width - 1) { break }
            out.insert(character, at: out.startIndex)
            used += w
        }
        return "…" + out
    }
}
