import Testing
@testable import JournalCore

@Suite struct SelfEnergyTrendTests {
    static func entry(_ month: Int, _ day: Int, _ ratings: [SelfQuality: Int], distress: [Int] = []) -> EntrySummary {
        EntrySummary(id: EntryID("e-\(month)-\(day)-\(ratings.count)"), created: LocalDateTime(year: 2026, month: month, day: day, hour: 9, utcOffsetMinutes: 60),
                     flow: "daily-checkin", title: "", firstWords: "", parts: [], tags: [], starred: false,
                     selfEnergy: SelfEnergyReading(ratings), distress: distress.map { DistressReading(stepID: "s", value: $0) }, path: "p")
    }

    static let today = CalendarDay(year: 2026, month: 11, day: 29) // a Sunday

    @Test func weeksRunMondayToSundayAndHoldMeansAndTheHighestDistress() {
        let entries = [
            Self.entry(11, 23, [.calm: 4, .curiosity: 6], distress: [3]),   // Monday
            Self.entry(11, 29, [.calm: 8], distress: [7, 2]),               // Sunday, same week
            Self.entry(11, 16, [.calm: 2]),                                 // the week before
        ]
        let trend = SelfEnergyTrend(entries: entries, span: .week, count: 3, today: Self.today)
        #expect(trend.buckets.map(\.start) == [CalendarDay(year: 2026, month: 11, day: 9), CalendarDay(year: 2026, month: 11, day: 16),
                                              CalendarDay(year: 2026, month: 11, day: 23)])
        #expect(trend.buckets[0].average == nil) // a week without ratings is a gap, not a zero
        #expect(trend.buckets[1].qualities[.calm] == 2)
        #expect(trend.buckets[2].qualities[.calm] == 6)      // (4 + 8) / 2
        #expect(trend.buckets[2].qualities[.curiosity] == 6)
        #expect(trend.buckets[2].average == 6.5)             // entry averages 5 and 8
        #expect(trend.buckets[2].highestDistress == 7)
        #expect(trend.most?.day == CalendarDay(year: 2026, month: 11, day: 29) && trend.most?.value == 8)
        #expect(trend.least?.day == CalendarDay(year: 2026, month: 11, day: 16) && trend.least?.value == 2)
    }

    @Test func monthsAndOldEntriesOutsideTheSpan() {
        let entries = [Self.entry(10, 31, [.calm: 5]), Self.entry(11, 1, [.calm: 9]), Self.entry(1, 1, [.calm: 1])]
        let trend = SelfEnergyTrend(entries: entries, span: .month, count: 2, today: Self.today)
        #expect(trend.buckets.map(\.start) == [CalendarDay(year: 2026, month: 10, day: 1), CalendarDay(year: 2026, month: 11, day: 1)])
        #expect(trend.buckets.map(\.average) == [5, 9])
        #expect(trend.least?.day == CalendarDay(year: 2026, month: 1, day: 1)) // extremes look at every day
        let yearTurn = SelfEnergyTrend(entries: [], span: .month, count: 3, today: CalendarDay(year: 2027, month: 1, day: 5))
        #expect(yearTurn.buckets.map(\.start.month) == [11, 12, 1])
        #expect(yearTurn.most == nil)
    }

    @Test func barsFromZeroToTen() {
        #expect(SelfEnergyTrend.bar(nil) == " ")
        #expect(SelfEnergyTrend.bar(0) == "▁")
        #expect(SelfEnergyTrend.bar(10) == "█")
        #expect(SelfEnergyTrend.bar(5) == "▅")
        #expect(SelfEnergyTrend.bar(-3) == "▁" && SelfEnergyTrend.bar(42) == "█")
    }
}
