import Testing
@testable import JournalCore

@Suite struct TextFoldingTests {
    @Test(arguments: [
        ("cafe", "Café au lait", true),
        ("CAFÉ", "cafe", true),
        ("café", "Cafe\u{301}", true),            // decomposed accent in the text
        ("cafe\u{301}", "CAFÉ", true),            // decomposed in the query
        ("eloise", "Éloïse wrote", true),
        ("naive", "naïve", true),
        ("東京", "今日は東京へ", true),
        ("🌧", "a 🌧 day", true),
        ("cafe", "caffeine", false),
        ("tea", "café", false),
    ])
    func caseAndAccentsDoNotMatter(_ query: String, _ text: String, _ expected: Bool) {
        #expect(SearchQuery(query).matches(folded: TextFolding.fold(text)) == expected)
    }

    @Test func rangesPointAtWholeOriginalCharacters() {
        let text = "Le Café, le cafe\u{301} et LE CAFE"
        let found = TextFolding.ranges(of: "café", in: text).map { String(text[$0]) }
        #expect(found == ["Café", "cafe\u{301}", "CAFE"])
        #expect(TextFolding.ranges(of: "", in: text).isEmpty)
        #expect(TextFolding.ranges(of: "東京", in: "東京と東京").count == 2)
    }
}

@Suite struct SearchQueryTests {
    @Test func everyWordMustAppearInAnyOrder() {
        let query = SearchQuery("quiet critic")
        #expect(query.terms == ["quiet", "critic"])
        #expect(query.matches(folded: TextFolding.fold("The critic was quiet.")))
        #expect(!query.matches(folded: TextFolding.fold("The critic was loud.")))
    }

    @Test func aQuotedPhraseMustAppearAsWritten() {
        let query = SearchQuery("\"was quiet\" critic")
        #expect(query.terms == ["was quiet", "critic"])
        #expect(query.matches(folded: "the critic was quiet"))
        #expect(!query.matches(folded: "quiet was the critic"))
    }

    @Test func emptyOrBlankQueriesHaveNoTerms() {
        #expect(SearchQuery("").isEmpty)
        #expect(SearchQuery("   \"\"  ").isEmpty)
        #expect(SearchQuery("").matches(folded: "anything"))
    }

    /// The word-wide scan against the plain definition, on many texts and needles over a small
    /// alphabet (so matches, near misses and block edges are all common).
    @Test func theFastScanAgreesWithAPlainOne() {
        var generator = SeededRandom(seed: 7)
        let alphabet = Array("abgh é東".utf8)
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...70, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let needle = (0..<Int.random(in: 1...5, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let plain = text.count >= needle.count && (0...(text.count - needle.count)).contains { Array(text[$0..<$0 + needle.count]) == needle }
            let fast = text.withUnsafeBufferPointer { SearchQuery.contains($0, needle) }
            #expect(fast == plain, "\(text) \(needle)")
            if fast != plain { return }
        }
    }

    @Test func aNeedleLongerThanTheTextOrAtItsEdges() {
        #expect(SearchQuery("abc").matches(folded: "abc"))
        #expect(SearchQuery("bc").matches(folded: "abc"))
        #expect(!SearchQuery("abcd").matches(folded: "abc"))
        #expect(!SearchQuery("x").matches(folded: ""))
    }
}

@Suite struct CalendarDayTests {
    let today = CalendarDay(year: 2026, month: 11, day: 29)

    @Test func daysMonthsYearsAndWords() throws {
        let day = try #require(CalendarDay.range("2026-02-03", today: today))
        #expect(day.lowerBound == CalendarDay(year: 2026, month: 2, day: 3) && day.upperBound == day.lowerBound)
        let month = try #require(CalendarDay.range("2024-02", today: today))
        #expect(month.lowerBound.day == 1 && month.upperBound == CalendarDay(year: 2024, month: 2, day: 29))
        let year = try #require(CalendarDay.range("2025", today: today))
        #expect(year.lowerBound == CalendarDay(year: 2025, month: 1, day: 1) && year.upperBound == CalendarDay(year: 2025, month: 12, day: 31))
        #expect(CalendarDay.range("Today", today: today) == today...today)
        #expect(CalendarDay.range("yesterday", today: CalendarDay(year: 2026, month: 3, day: 1))?.lowerBound
                == CalendarDay(year: 2026, month: 2, day: 28))
    }

    @Test(arguments: ["2026-13", "2026-02-30", "2025-02-29", "26-01-01", "2026/01/01", "2026-1-1", "", "soon", "2026-01-01x", "٢٠٢٦"])
    func notADate(_ text: String) {
        #expect(CalendarDay.range(text, today: today) == nil)
    }

    @Test func stepsAcrossMonthsAndYears() {
        #expect(CalendarDay(year: 2026, month: 1, day: 1).adding(days: -1) == CalendarDay(year: 2025, month: 12, day: 31))
        #expect(CalendarDay(year: 2024, month: 2, day: 28).adding(days: 1) == CalendarDay(year: 2024, month: 2, day: 29))
    }
}

@Suite struct EntryFilterTests {
    static func summary(_ id: String, _ year: Int, _ month: Int, _ day: Int, hour: Int = 9, offset: Int = 60, flow: String? = nil,
                        parts: [PartID] = [], tags: [String] = [], starred: Bool = false) -> EntrySummary {
        EntrySummary(id: EntryID(id), created: LocalDateTime(year: year, month: month, day: day, hour: hour, utcOffsetMinutes: offset),
                     flow: flow, title: id, firstWords: id, parts: parts, tags: tags, starred: starred,
                     selfEnergy: SelfEnergyReading(), distress: [], path: "entries/\(id).md")
    }

    let entries = [
        summary("a", 2026, 11, 29, flow: "daily-checkin", parts: ["inner-critic"], tags: ["work"], starred: true),
        summary("b", 2026, 11, 1, flow: "trailhead", parts: ["little-one"], tags: ["Família"]),
        summary("c", 2025, 11, 29, hour: 23, offset: -300, tags: ["work"]),
        summary("d", 2024, 2, 29, parts: ["inner-critic", "little-one"]),
    ]

    func ids(_ filter: EntryFilter) -> [String] { entries.filter(filter.matches).map(\.id.rawValue) }

    @Test func eachFilterAlone() {
        #expect(ids(EntryFilter()) == ["a", "b", "c", "d"])
        #expect(ids(EntryFilter(from: CalendarDay(year: 2026, month: 1, day: 1))) == ["a", "b"])
        #expect(ids(EntryFilter(to: CalendarDay(year: 2025, month: 11, day: 29))) == ["c", "d"])
        #expect(ids(EntryFilter(parts: ["little-one"])) == ["b", "d"])
        #expect(ids(EntryFilter(tag: "@WORK")) == ["a", "c"])
        #expect(ids(EntryFilter(tag: "familia")) == ["b"])
        #expect(ids(EntryFilter(flow: "trailhead")) == ["b"])
        #expect(ids(EntryFilter(starredOnly: true)) == ["a"])
    }

    @Test func filtersCombine() {
        #expect(ids(EntryFilter(from: CalendarDay(year: 2025, month: 1, day: 1), tag: "work")) == ["a", "c"])
        #expect(ids(EntryFilter(parts: ["inner-critic"], starredOnly: true)) == ["a"])
        #expect(ids(EntryFilter(from: CalendarDay(year: 2026, month: 11, day: 2), to: CalendarDay(year: 2026, month: 11, day: 28))).isEmpty)
    }

    /// 23:00 at UTC-5 on the 29th is the 30th in UTC; the writer's day is what counts.
    @Test func theDayIsTheWritersDay() {
        let day = CalendarDay(year: 2025, month: 11, day: 29)
        #expect(ids(EntryFilter(from: day, to: day)) == ["c"])
    }

    @Test func onThisDayIsEarlierYearsOnly() {
        let found = EntryFilter.onThisDay(entries, today: CalendarDay(year: 2026, month: 11, day: 29)).map(\.id.rawValue)
        #expect(found == ["c"])
        #expect(EntryFilter.onThisDay(entries, today: CalendarDay(year: 2028, month: 2, day: 29)).map(\.id.rawValue) == ["d"])
    }
}
