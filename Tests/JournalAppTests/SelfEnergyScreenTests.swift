import JournalApp
import JournalCore
import Testing
import TerminalUI

/// Self-energy over time: no data, one point, a year of check-ins (today is 2026-11-29).
@Suite struct SelfEnergyScreenTests {
    static func store(weeks: Int) throws -> InMemoryJournalStore {
        let store = InMemoryJournalStore()
        var day = CalendarDay(year: 2026, month: 11, day: 28)
        for week in 0..<weeks {
            // An uneven line of ratings and distress, the same on every run.
            let calm = min(10, 2 + (weeks - week) % 5 + (weeks - week) / 8)
            let ratings: [SelfQuality: Int] = [.calm: 10 - calm, .curiosity: max(0, 9 - calm), .compassion: 5]
            _ = try store.createEntry(Entry(id: EntryID("\(day)-w\(week)"), created: LocalDateTime(year: day.year, month: day.month, day: day.day,
                                                                                                  hour: 9, utcOffsetMinutes: 60),
                                            flow: "daily-checkin", selfEnergy: SelfEnergyReading(ratings),
                                            distress: [DistressReading(stepID: "stirred", value: min(10, calm))]))
            day = day.adding(days: -7)
        }
        return store
    }

    func check(_ h: AppHarness, _ name: String) {
        let size = h.app.state.size
        if let problem = Golden.check(h.screen, named: "\(name)-\(size.width)x\(size.height)", size: size) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    @Test(arguments: GoldenScreenTests.sizes) func noDataOnePointAndAYear(_ size: Size) throws {
        let empty = AppHarness(width: size.width, height: size.height)
        empty.type("e")
        #expect(empty.screen.contains("No Self-energy ratings in this time yet."))
        check(empty, "self-energy-none")

        let one = AppHarness(width: size.width, height: size.height, store: try Self.store(weeks: 1))
        one.type("e")
        check(one, "self-energy-one")

        let year = AppHarness(width: size.width, height: size.height, store: try Self.store(weeks: 52))
        year.type("e")
        check(year, "self-energy-year")
        year.type("m")
        check(year, "self-energy-year-by-month")
    }

    @Test func theMostAndLeastDaysAreNamedAndEscGoesHome() throws {
        let h = AppHarness(store: try Self.store(weeks: 52))
        h.type("e")
        #expect(h.screen.contains("Most Self-energy:"))
        #expect(h.screen.contains("Calm"))
        #expect(h.screen.contains("Distress (most)"))
        h.press(.escape)
        #expect(h.app.state.screen == .home(HomeState()))
    }
}
