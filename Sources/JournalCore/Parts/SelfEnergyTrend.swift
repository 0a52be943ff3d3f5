/// Self-energy and distress over time, from the ratings in entries (docs/keys.md, "Self-energy
/// over time"): one bucket a week (Monday to Sunday) or a month, each holding the mean of every
/// rating of each quality given in it, the mean of the entries' own averages, and the highest
/// distress rating. Days are the writer's own days.
public struct SelfEnergyTrend: Hashable, Sendable {
    public enum Span: String, Hashable, Sendable {
        case week, month
    }

    public struct Bucket: Hashable, Sendable {
        /// The Monday of the week, or the first of the month.
        public var start: CalendarDay
        public var qualities: [SelfQuality: Double]
        public var average: Double?
        public var highestDistress: Int?
    }

    public var buckets: [Bucket]
    /// The days with the highest and lowest Self-energy (the mean of that day's entry averages).
    public var most: (day: CalendarDay, value: Double)?
    public var least: (day: CalendarDay, value: Double)?

    public static func == (lhs: SelfEnergyTrend, rhs: SelfEnergyTrend) -> Bool {
        lhs.buckets == rhs.buckets && lhs.most?.day == rhs.most?.day && lhs.least?.day == rhs.least?.day
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(buckets) }

    /// The last `count` buckets up to and including `today`'s, oldest first (empty buckets too,
    /// so gaps show as gaps).
    public init(entries: [EntrySummary], span: Span, count: Int, today: CalendarDay) {
        func start(of day: CalendarDay) -> CalendarDay {
            switch span {
            case .week:
                let weekday = LocalDateTime(year: day.year, month: day.month, day: day.day, utcOffsetMinutes: 0).isoWeekday
                return day.adding(days: -(weekday - 1))
            case .month:
                return CalendarDay(year: day.year, month: day.month, day: 1)
            }
        }
        func previous(_ bucket: CalendarDay) -> CalendarDay {
            switch span {
            case .week: return bucket.adding(days: -7)
            case .month:
                return bucket.month == 1 ? CalendarDay(year: bucket.year - 1, month: 12, day: 1)
                    : CalendarDay(year: bucket.year, month: bucket.month - 1, day: 1)
            }
        }
        var starts: [CalendarDay] = []
        var cursor = start(of: today)
        for _ in 0..<max(0, count) {
            starts.insert(cursor, at: 0)
            cursor = previous(cursor)
        }
        var sums: [CalendarDay: (qualities: [SelfQuality: (Int, Int)], averages: [Double], distress: Int?)] = [:]
        var days: [CalendarDay: [Double]] = [:]
        let first = starts.first ?? today
        for entry in entries {
            let day = entry.day
            if let average = entry.selfEnergy.average { days[day, default: []].append(average) }
            guard day >= first, day <= today else { continue }
            let key = start(of: day)
            var bucket = sums[key, default: ([:], [], nil)]
            for (quality, value) in entry.selfEnergy.ratings {
                let (total, n) = bucket.qualities[quality, default: (0, 0)]
                bucket.qualities[quality] = (total + value, n + 1)
            }
            if let average = entry.selfEnergy.average { bucket.averages.append(average) }
            if let highest = entry.distress.map(\.value).max() { bucket.distress = max(bucket.distress ?? 0, highest) }
            sums[key] = bucket
        }
        buckets = starts.map { start in
            let values = sums[start]
            return Bucket(start: start,
                          qualities: (values?.qualities ?? [:]).mapValues { Double($0.0) / Double($0.1) },
                          average: values.flatMap { $0.averages.isEmpty ? nil : $0.averages.reduce(0, +) / Double($0.averages.count) },
                          highestDistress: values?.distress)
        }
        let means = days.map { (day: $0.key, value: $0.value.reduce(0, +) / Double($0.value.count)) }
        // Ties go to the latest day.
        most = means.max { $0.value != $1.value ? $0.value < $1.value : $0.day < $1.day }
        least = means.min { $0.value != $1.value ? $0.value < $1.value : $0.day > $1.day }
    }

    /// A value from 0 to 10 as one of eight bars (▁ to █); a space for no value.
    public static func bar(_ value: Double?) -> Character {
        guard let value else { return " " }
        let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        let level = Int((min(10, max(0, value)) / 10 * 7).rounded())
        return bars[level]
    }
}
