import JournalCore

/// The feel-toward history as a text chart: one row a month, one mark an answer, in the order
/// given, so the drift from "another part" toward "Self" can be seen at a glance.
public enum FeelTowardChart {
    public static let legend = "as you said: ● open toward it  ◐ its own feeling  ○ another part  · unsure"

    /// The person's own reading; an answer they did not read themselves is left open (a guess of
    /// Haven's is not shown as how they felt).
    static func mark(_ chosen: FeelTowardResult?) -> Character {
        switch chosen {
        case .selfPresent?: return "●"
        case .targetBlended?: return "◐"
        case .concernedPart?: return "○"
        case .unclear?, nil: return "·"
        }
    }

    /// `2026-11  ○○●●  2 of 4 like Self`; at most 40 marks a month (the count says the rest).
    public static func rows(_ records: [FeelTowardRecord]) -> [String] {
        var months: [(key: String, marks: [FeelTowardResult?])] = []
        for record in records.sorted(by: { $0.date.secondsSinceEpoch < $1.date.secondsSinceEpoch }) {
            let key = String(record.date.dateString.prefix(7))
            if months.last?.key == key { months[months.count - 1].marks.append(record.chosen) } else { months.append((key, [record.chosen])) }
        }
        return months.map { month in
            let marks = String(month.marks.prefix(40).map(mark))
            let selfCount = month.marks.filter { $0 == .selfPresent }.count
            return "\(month.key)  \(marks)  \(selfCount) of \(month.marks.count) open toward it"
        }
    }
}

/// Trust in the Self as bars, one a rating in date order (the latest twelve), so growth shows.
public enum TrustChart {
    /// `2026-11-20  ██████░░░░  6`
    public static func rows(_ records: [TrustRecord]) -> [String] {
        records.sorted { $0.date.secondsSinceEpoch < $1.date.secondsSinceEpoch }.suffix(12).map { record in
            let filled = min(10, max(0, record.rating))
            return "\(record.date.dateString)  " + String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
                + "  \(record.rating)"
        }
    }
}

