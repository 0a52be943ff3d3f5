/// A day on the calendar, as the writer lived it: an entry written at 23:30 in Lisbon belongs to
/// that Lisbon day, wherever it is read.
public struct CalendarDay: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public init(_ moment: LocalDateTime) {
        self.init(year: moment.year, month: moment.month, day: moment.day)
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        LocalDateTime(year: year, month: month, day: day, utcOffsetMinutes: 0).dateString
    }

    /// Days since 1970-01-01, for stepping and for streaks.
    public var dayNumber: Int { LocalDateTime.daysFromCivil(year: year, month: month, day: day) }

    public init(dayNumber: Int) {
        let (year, month, day) = LocalDateTime.civilFromDays(dayNumber)
        self.init(year: year, month: month, day: day)
    }

    public func adding(days: Int) -> CalendarDay { CalendarDay(dayNumber: dayNumber + days) }

    /// The days a date the person typed stands for: `2026-11-29`, `2026-11` (the month), `2026`
    /// (the year), `today` or `yesterday`. Nil when it is none of these or not a real date.
    public static func range(_ text: String, today: CalendarDay) -> ClosedRange<CalendarDay>? {
        let trimmed = text.trimmingWhitespace().lowercased()
        switch trimmed {
        case "today": return today...today
        case "yesterday": return today.adding(days: -1)...today.adding(days: -1)
        default: break
        }
        let pieces = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(pieces.count), pieces[0].count == 4,
              pieces.dropFirst().allSatisfy({ $0.count == 2 }),
              pieces.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        let numbers = pieces.compactMap { Int($0) }
        let year = numbers[0]
        guard numbers.count > 1 else {
            return CalendarDay(year: year, month: 1, day: 1)...CalendarDay(year: year, month: 12, day: 31)
        }
        let month = numbers[1]
        guard (1...12).contains(month) else { return nil }
        let lastDay = LocalDateTime.daysIn(month: month, year: year)
        guard numbers.count > 2 else {
            return CalendarDay(year: year, month: month, day: 1)...CalendarDay(year: year, month: month, day: lastDay)
        }
        let day = numbers[2]
        guard (1...lastDay).contains(day) else { return nil }
        return CalendarDay(year: year, month: month, day: day)...CalendarDay(year: year, month: month, day: day)
    }
}
