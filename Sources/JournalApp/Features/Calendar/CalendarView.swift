import JournalCore
import TerminalUI

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

    static func render(context: AppContext, calendar: CalendarState, into frame: inout Frame) {
        let theme = context.theme
        let area = frame.area.inset(horizontal: 2)
        let days = daysWithWriting(context.journal)
        let today = CalendarDay(context.environment.clock.now())
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
