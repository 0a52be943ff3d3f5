import Foundation
import JournalCore

/// The system's time-zone rules, for times written without an offset (jrnl's).
public enum LocalTimeZone {
    /// The UTC offset, in minutes, that `zone` had at this wall-clock time (summer or winter time
    /// as it was on that date). A time skipped by a change of clocks gets the offset either side.
    public static func utcOffsetMinutes(at wallClock: LocalDateTime, in zone: TimeZone = .current) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: wallClock.year, month: wallClock.month, day: wallClock.day,
                                        hour: wallClock.hour, minute: wallClock.minute, second: wallClock.second)
        guard let date = calendar.date(from: components) else { return zone.secondsFromGMT() / 60 }
        return zone.secondsFromGMT(for: date) / 60
    }
}
