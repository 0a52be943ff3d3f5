import JournalCore

/// A month (or a whole year) of days with writing.
public struct CalendarState: Hashable, Sendable {
    public var year: Int
    public var month: Int
    public var showsYear = false
    /// The highlighted day of the month (month view).
    public var day: Int

    public init(day: CalendarDay) {
        year = day.year
        month = day.month
        self.day = day.day
    }

    public var selectedDay: CalendarDay {
        CalendarDay(year: year, month: month, day: min(day, LocalDateTime.daysIn(month: month, year: year)))
    }

    /// Moves the highlighted day, crossing into other months as needed.
    public mutating func move(days: Int) {
        let moved = selectedDay.adding(days: days)
        year = moved.year
        month = moved.month
        day = moved.day
    }

    public mutating func move(months: Int) {
        let index = year * 12 + (month - 1) + months
        year = index / 12
        month = index % 12 + 1
        day = min(day, LocalDateTime.daysIn(month: month, year: year))
    }
}
