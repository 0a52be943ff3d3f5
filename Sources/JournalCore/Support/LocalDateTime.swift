/// A wall-clock moment together with the UTC offset it was written in, e.g.
/// `2026-11-29T21:03:12+01:00`. Kept as fields (not a `Date`) so the core never asks the system
/// clock or time zone database anything, and so what the person saw is what the file says.
public struct LocalDateTime: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// Minutes east of UTC (+60 for UTC+01:00).
    public var utcOffsetMinutes: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                utcOffsetMinutes: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// Seconds since 1970-01-01T00:00:00Z: the instant, whatever the offset.
    public var secondsSinceEpoch: Int {
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        return days * 86_400 + hour * 3_600 + minute * 60 + second - utcOffsetMinutes * 60
    }

    /// The same instant seen at another offset.
    public static func from(secondsSinceEpoch: Int, utcOffsetMinutes: Int) -> LocalDateTime {
        let local = secondsSinceEpoch + utcOffsetMinutes * 60
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - days * 86_400
        let (year, month, day) = civilFromDays(days)
        return LocalDateTime(year: year, month: month, day: day, hour: secondOfDay / 3_600,
                             minute: secondOfDay % 3_600 / 60, second: secondOfDay % 60,
                             utcOffsetMinutes: utcOffsetMinutes)
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.secondsSinceEpoch, lhs.utcOffsetMinutes) < (rhs.secondsSinceEpoch, rhs.utcOffsetMinutes)
    }

    /// `2026-11-29T21:03:12+01:00` (RFC 3339; `Z` is never written so the offset is always explicit).
    public var iso8601: String {
        let sign = utcOffsetMinutes < 0 ? "-" : "+"
        let offset = abs(utcOffsetMinutes)
        return "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(hour)):\(pad(minute)):\(pad(second))"
            + "\(sign)\(pad(offset / 60)):\(pad(offset % 60))"
    }

    public var description: String { iso8601 }

    /// `2026-11-29`
    public var dateString: String { "\(pad(year, 4))-\(pad(month))-\(pad(day))" }

    /// `21:03`
    public var timeString: String { "\(pad(hour)):\(pad(minute))" }

    /// ISO day of the week: 1 for Monday to 7 for Sunday.
    public var isoWeekday: Int {
        let days = Self.daysFromCivil(year: year, month: month, day: day) // 1970-01-01 was a Thursday
        return ((days % 7) + 7 + 3) % 7 + 1
    }

    /// `Sunday 29 November 2026`
    public var longDate: String {
        let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        return "\(weekdays[isoWeekday - 1]) \(day) \(Self.monthNames[month - 1]) \(year)"
    }

    /// `29 Nov`
    public var shortDate: String { "\(day) \(Self.monthNames[month - 1].prefix(3))" }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    /// `20261129-210312`, used in file names.
    public var compactStamp: String {
        "\(pad(year, 4))\(pad(month))\(pad(day))-\(pad(hour))\(pad(minute))\(pad(second))"
    }

    /// Parses RFC 3339 / ISO 8601 with seconds optional and an offset or `Z`
    /// (`2026-11-29T21:03:12+01:00`, `2026-11-29 21:03Z`). A date alone means midnight UTC.
    public init?(iso8601 text: String) {
        let chars = Array(text.trimmingWhitespace())
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= chars.count else { return nil }
            var value = 0
            for char in chars[index..<index + digits] {
                guard let digit = char.wholeNumberValue, char.isASCII else { return nil }
                value = value * 10 + digit
            }
            index += digits
            return value
        }
        func expect(_ char: Character) -> Bool {
            guard index < chars.count, chars[index] == char else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"),
              let day = number(2) else { return nil }
        var hour = 0, minute = 0, second = 0, offset = 0
        if index < chars.count {
            guard chars[index] == "T" || chars[index] == " " || chars[index] == "t" else { return nil }
            index += 1
            guard let h = number(2), expect(":"), let m = number(2) else { return nil }
            hour = h
            minute = m
            if expect(":") {
                guard let s = number(2) else { return nil }
                second = s
                if expect(".") { // fractional seconds are accepted and dropped
                    while index < chars.count, chars[index].isASCII, chars[index].isNumber { index += 1 }
                }
            }
            if expect("Z") || expect("z") {
                offset = 0
            } else if index < chars.count, chars[index] == "+" || chars[index] == "-" {
                let negative = chars[index] == "-"
                index += 1
                guard let oh = number(2) else { return nil }
                _ = expect(":")
                guard let om = number(2) else { return nil }
                offset = (oh * 60 + om) * (negative ? -1 : 1)
            } else {
                return nil
            }
        }
        guard index == chars.count, (1...12).contains(month), day >= 1,
              day <= Self.daysIn(month: month, year: year), hour < 24, minute < 60, second < 61,
              abs(offset) < 24 * 60 else { return nil }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                  utcOffsetMinutes: offset)
    }

    /// Reads exactly what `iso8601` writes (`2026-11-29T21:03:12+01:00` or `...Z`), from bytes:
    /// the fast path for the entry index. Anything else is nil.
    public init?(iso8601Bytes b: UnsafeBufferPointer<UInt8>) {
        func digits(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for index in from..<from + count {
                let digit = Int(b[index]) - 48
                guard digit >= 0 && digit < 10 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard b.count == 20 || b.count == 25, b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58,
              let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2), let hour = digits(11, 2),
              let minute = digits(14, 2), let second = digits(17, 2), (1...12).contains(month), day >= 1,
              day <= Self.daysIn(month: month, year: year), hour < 24, minute < 60, second < 61 else { return nil }
        var offset = 0
        if b.count == 20 {
            guard b[19] == 90 else { return nil } // Z
        } else {
            guard b[19] == 43 || b[19] == 45, b[22] == 58, let oh = digits(20, 2), let om = digits(23, 2) else { return nil }
            offset = (oh * 60 + om) * (b[19] == 45 ? -1 : 1)
        }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute, second: second, utcOffsetMinutes: offset)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days-from-civil algorithm (proleptic Gregorian calendar).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}

private func pad(_ value: Int, _ width: Int = 2) -> String {
    let digits = String(abs(value))
    let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
    return value < 0 ? "-" + padded : padded
}

/// Where "now" comes from. Injected so tests are deterministic.
public struct Clock: Sendable {
    public var now: @Sendable () -> LocalDateTime

    public init(now: @escaping @Sendable () -> LocalDateTime) {
        self.now = now
    }

    /// A clock stopped at one moment.
    public static func fixed(_ moment: LocalDateTime) -> Clock {
        Clock { moment }
    }
}
