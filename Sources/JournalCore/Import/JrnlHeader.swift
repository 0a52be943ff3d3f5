/// The line that begins a jrnl entry, in jrnl's default time format (`%Y-%m-%d %H:%M`):
/// `[2020-01-02 09:30] ` followed by the title. A line is a header only if it matches that shape
/// exactly and the date and time are real ones; anything else is text of the entry it is in.
enum JrnlHeader {
    /// `[YYYY-MM-DD HH:MM]`
    static let length = 18

    /// The header's wall-clock time (jrnl records no UTC offset: the offset here is 0 and means
    /// nothing) and the text after `] `, or nil when the line is not a header.
    static func parse(_ line: Substring) -> (wallClock: LocalDateTime, rest: Substring)? {
        let utf8 = line.utf8
        guard utf8.count >= length, utf8.first == UInt8(ascii: "[") else { return nil }
        let bytes = Array(utf8.prefix(length + 1))
        // After `]` comes a space and the title, or nothing at all (an entry without a title).
        if bytes.count > length && bytes[length] != UInt8(ascii: " ") { return nil }
        guard bytes[5] == UInt8(ascii: "-"), bytes[8] == UInt8(ascii: "-"), bytes[11] == UInt8(ascii: " "),
              bytes[14] == UInt8(ascii: ":"), bytes[17] == UInt8(ascii: "]"),
              let year = number(bytes[1..<5]), let month = number(bytes[6..<8]), let day = number(bytes[9..<11]),
              let hour = number(bytes[12..<14]), let minute = number(bytes[15..<17]),
              year >= 1, (1...12).contains(month), day >= 1, day <= LocalDateTime.daysIn(month: month, year: year),
              hour < 24, minute < 60
        else { return nil }
        let restStart = line.utf8.index(line.utf8.startIndex, offsetBy: min(utf8.count, length + 1))
        let wallClock = LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute)
        return (wallClock, line[restStart...])
    }

    /// Whether a line that is not a header starts as if it meant to be one (`[` and a digit, maybe
    /// indented), so the import can say it was kept as text.
    static func looksLikeHeader(_ line: Substring) -> Bool {
        let start = line.utf8.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        var bytes = start.makeIterator()
        guard bytes.next() == UInt8(ascii: "["), let second = bytes.next() else { return false }
        return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(second)
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
