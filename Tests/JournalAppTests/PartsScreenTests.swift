import JournalApp
import JournalCore
import Testing
import TerminalUI

/// The parts list and a part's page, by key messages and as golden screens.
@Suite struct PartsScreenTests {
    static let day = LocalDateTime(year: 2026, month: 11, day: 20, hour: 9, utcOffsetMinutes: 60)

    static func journal() throws -> InMemoryJournalStore {
        let store = try BrowserTests.journal() // Inner critic (2 entries, last 28 Nov), 小さい子 (1 entry)
        let critic = try #require(store.loadParts().parts.first { $0.part.id == "inner-critic" })
        var part = critic.part
        part.stage = .befriended
        part.formerNames = ["The Judge"]
        part.bodyLocation = "jaw and shoulders"
        part.earlierValues = [EarlierValue(field: .bodyLocation, value: "a knot in the stomach",
                                           until: LocalDateTime(year: 2026, month: 10, day: 2, hour: 9, utcOffsetMinutes: 60)),
                              EarlierValue(field: .bodyLocation, value: "jaw", until: day)]
        part.fears = ["that I will be rejected"]
        part.protects = ["little-one"]
        part.permissions = [PartPermission(date: day, request: PartPermission.visitRequest, answer: .notYet, about: "little-one")]
        part.promises = [PartPromise(made: day, text: "I'll sit with you on Sunday")]
        part.feelToward = [FeelTowardRecord(date: day, answer: "annoyed", chosen: .concernedPart),
                           FeelTowardRecord(date: day, answer: "curious", chosen: .selfPresent)]
        part.trust = [TrustRecord(date: LocalDateTime(year: 2026, month: 10, day: 2, hour: 9, utcOffsetMinutes: 60), rating: 2),
                      TrustRecord(date: day, rating: 6)]
        _ = try store.savePart(part, expecting: critic.version)
        _ = try store.savePart(Part(id: "the-numb-one", name: "the numb one", role: .firefighter), expecting: nil)
        return store
    }

    func parts(_ h: AppHarness) -> PartsState? {
        switch h.app.state.screen {
        case .parts, .part: return h.app.state.navigation.parts
        default: return nil
        }
    }

    @Test func theListOrdersAndFiltersAndOpensAPage() throws {
        let h = AppHarness(store: try Self.journal())
        h.type("p")
        let screen = h.screen
        #expect(screen.contains("Parts · 3"))
        #expect(screen.contains("▸ Inner critic"))
        #expect(screen.contains("manager, befriended"))
        #expect(screen.contains("2 entries · last 28 Nov 2026"))
        #expect(screen.contains("no entries yet"))
        h.type("s") // most recent first
        #expect(parts(h)?.order == .recent)
        h.type("s") // most entries first
        #expect(parts(h)?.order == .entries)
        h.type("f") // managers only
        #expect(parts(h)?.role == .manager)
        #expect(h.screen.contains("Parts · 1 · role: manager"))
        h.type("fffff") // round the other roles, back to all
        #expect(parts(h)?.role == nil)
        h.type("s")
        h.press(.enter)
        guard case .part(let page) = h.app.state.screen else { Issue.record("no part page"); return }
        #expect(page.id == "inner-critic")
        let text = h.screen
        #expect(text.contains("Once called: The Judge"))
        #expect(text.contains("In the body: jaw and shoulders"))
        #expect(text.contains("Protects: 小さい子"))
        #expect(text.contains("2026-11  ○●  1 of 2 open toward it"))
        #expect(text.contains("2026-11-20  annoyed  (another part was there)"))
        h.press(.pageDown)
        #expect(h.screen.contains("2026-11-20  I'll sit with you on Sunday  (open)"))
        #expect(h.screen.contains("2026-10-02  ██░░░░░░░░  2\n") || h.screen.contains("2026-10-02  ██░░░░░░░░  2 "))
        #expect(h.screen.contains("2026-11-20  ██████░░░░  6"))
        #expect(h.screen.contains("2026-11-20  not yet: visit the part it protects (小さい子)"))
        h.type("l")
        guard case .browse(let browse) = h.app.state.screen else { Issue.record("no entries list"); return }
        #expect(browse.filter.parts == ["inner-critic"])
        #expect(browse.results.map(\.id.rawValue) == ["20261128-081000-aaaa", "20241129-090000-eeee"])
    }

    @Test func partsPutAwayAreListedOnlyWhenAskedFor() throws {
        let store = try Self.journal()
        let numb = try #require(store.loadParts().parts.first { $0.part.id == "the-numb-one" })
        var part = numb.part
        part.archived = true
        _ = try store.savePart(part, expecting: numb.version)
        let h = AppHarness(store: store)
        h.type("p")
        #expect(h.screen.contains("Parts · 2"))
        #expect(!h.screen.contains("the numb one"))
        h.type("a")
        #expect(h.screen.contains("Parts · 3 · with those put away"))
        #expect(h.screen.contains("firefighter, put away"))
    }

    @Test func theMapShowsWhoProtectsWhomAndOpensAPickedPart() throws {
        let store = try Self.journal() // the critic protects 小さい子; the numb one is not linked
        let numb = try #require(store.loadParts().parts.first { $0.part.id == "the-numb-one" })
        var part = numb.part
        part.polarizedWith = ["inner-critic"]
        _ = try store.savePart(part, expecting: numb.version)
        let h = AppHarness(store: store)
        h.type("pm")
        let screen = h.screen
        #expect(screen.contains("Looks after\n    Inner critic  ─▶  小さい子"))
        #expect(screen.contains("Pulling against each other\n    Inner critic  ◀─▶  the numb one"))
        h.press(.down, .down) // Inner critic, 小さい子, the numb one
        h.press(.enter)
        guard case .part(let page) = h.app.state.screen else { Issue.record("no part page"); return }
        #expect(page.id == "the-numb-one")
    }

    @Test(arguments: GoldenScreenTests.sizes) func goldenMaps(_ size: Size) throws {
        // A system with a cycle (each protects the other) and a part with no relations.
        let store = InMemoryJournalStore()
        _ = try store.savePart(Part(id: "a-guard", name: "The guard", role: .manager, protects: ["b-runner"], colour: "yellow"), expecting: nil)
        _ = try store.savePart(Part(id: "b-runner", name: "The runner", role: .firefighter, protects: ["a-guard"],
                                    polarizedWith: ["a-guard"], colour: "red"), expecting: nil)
        _ = try store.savePart(Part(id: "c-small", name: "小さい子", role: .exile), expecting: nil)
        let h = AppHarness(width: size.width, height: size.height, store: store)
        h.type("pm")
        check(h, "parts-map")
        let empty = AppHarness(width: size.width, height: size.height)
        empty.type("pm")
        check(empty, "parts-map-empty")
    }

    @Test func anEmptyRegistrySaysHowPartsArrive() {
        let h = AppHarness()
        h.type("p")
        #expect(h.screen.contains("No parts yet. A part is added here when you name it in a flow."))
        h.press(.escape)
        #expect(h.app.state.screen == .home(HomeState()))
    }

    func check(_ h: AppHarness, _ name: String) {
        let size = h.app.state.size
        if let problem = Golden.check(h.screen, named: "\(name)-\(size.width)x\(size.height)", size: size) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    @Test(arguments: GoldenScreenTests.sizes) func goldenScreens(_ size: Size) throws {
        let h = AppHarness(width: size.width, height: size.height, store: try Self.journal())
        h.type("p")
        check(h, "parts-list")
        h.press(.enter)
        check(h, "part-page")
    }
}

@Suite struct OpenPromisesOnHomeTests {
    @Test func theNewestOpenPromiseIsRecalledGentlyOnHome() throws {
        let h = AppHarness(store: try PartsScreenTests.journal())
        #expect(h.screen.contains("A promise to Inner critic: \"I'll sit with you on Sunday\""))
        // Kept: nothing to recall.
        let store = try PartsScreenTests.journal()
        let stored = try #require(store.loadParts().parts.first { $0.part.id == "inner-critic" })
        var part = stored.part
        part.promises[0].kept = PartsScreenTests.day
        _ = try store.savePart(part, expecting: stored.version)
        #expect(!AppHarness(store: store).screen.contains("A promise to"))
    }
}

/// From a part's page, a flow about that part: its first question (which part?) is answered.
@Suite struct TimeWithAPartTests {
    func openPage(_ h: AppHarness, _ index: Int) {
        h.type("p")
        for _ in 0..<index { h.press(.down) }
        h.press(.enter)
    }

    func pickFlow(_ h: AppHarness, _ title: String) throws {
        h.type("w")
        let titles = h.app.flowsAboutAPart.map(\.title)
        let index = try #require(titles.firstIndex(of: title), "\(titles)")
        for _ in 0..<index { h.press(.down) }
        h.press(.enter)
    }

    @Test func theFlowsThatBeginWithAPartAreOffered() throws {
        let h = AppHarness(store: try PartsScreenTests.journal())
        openPage(h, 0) // Inner critic
        h.type("w")
        #expect(h.screen.contains("Spend time with Inner critic:"))
        let titles = h.app.flowsAboutAPart.map(\.title)
        #expect(titles.contains("Meet a protector") && titles.contains("Witnessing a young part") && titles.contains("Making room"))
        #expect(!titles.contains("Daily check-in") && !titles.contains("Trailhead capture"))
        if let problem = Golden.check(h.screen, named: "part-flow-picker-80x24", size: h.app.state.size) {
            Issue.record(Comment(rawValue: problem))
        }
        h.press(.escape)
        guard case .part(let page) = h.app.state.screen else { Issue.record("not back on the page"); return }
        #expect(page.flowPicker == nil)
    }

    @Test func aFlowBegunFromThePageIsAboutThatPart() throws {
        let h = AppHarness(store: try PartsScreenTests.journal())
        openPage(h, 0)
        try pickFlow(h, "Meet a protector")
        h.press(.enter) // the welcome
        #expect(h.stepID == "find")
        #expect(h.screen.contains("Where do you notice Inner critic?"))
    }

    /// Resuming a young part's work from its page goes through the same gate as from the list.
    @Test func witnessingFromThePageKeepsTheGate() throws {
        let h = AppHarness(store: try PartsScreenTests.journal())
        openPage(h, 2) // 小さい子, whose protector said not yet
        try pickFlow(h, "Witnessing a young part")
        #expect(h.session?.run.answers.first?.value == .part(.known("little-one")))
        #expect(h.screen.contains("Not every part that looks after 小さい子 has given its OK yet."))
        #expect(!h.draftFiles.isEmpty) // the answer given for the person is kept like any other
    }
}

@Suite struct FeelTowardChartTests {
    static func record(_ month: Int, _ day: Int, _ result: FeelTowardResult) -> FeelTowardRecord {
        FeelTowardRecord(date: LocalDateTime(year: 2026, month: month, day: day, hour: 9, utcOffsetMinutes: 0), answer: "x", chosen: result)
    }

    @Test func oneRowAMonthInTimeOrderWithHowManyOpenTowardIt() {
        let rows = FeelTowardChart.rows([
            Self.record(10, 2, .selfPresent), Self.record(9, 1, .concernedPart), Self.record(9, 20, .targetBlended),
            Self.record(10, 1, .unclear), Self.record(9, 5, .concernedPart),
        ])
        #expect(rows == ["2026-09  ○○◐  0 of 3 open toward it", "2026-10  ·●  1 of 2 open toward it"])
        #expect(FeelTowardChart.rows([]).isEmpty)
        let many = FeelTowardChart.rows((1...55).map { _ in Self.record(11, 1, .selfPresent) })
        #expect(many == ["2026-11  " + String(repeating: "●", count: 40) + "  55 of 55 open toward it"])
        // A record holding only Haven's old guess is shown as left open, never as how they felt.
        let guessed = FeelTowardRecord(date: LocalDateTime(year: 2026, month: 8, day: 1, hour: 9, utcOffsetMinutes: 0), answer: "x",
                                       chosen: nil, proposed: .selfPresent)
        #expect(FeelTowardChart.rows([guessed]) == ["2026-08  ·  0 of 1 open toward it"])
    }
}

@Suite struct MergedPartsInTheAppTests {
    @Test func aMergedPartIsOneChoiceAndItsEntriesFollowTheKeptPart() throws {
        let store = try BrowserTests.journal() // entries name inner-critic (2) and little-one (1)
        let critic = try #require(store.loadParts().parts.first { $0.part.id == "inner-critic" })
        var kept = critic.part
        kept.mergedFrom = ["little-one"] // as `haven parts merge` leaves it, before the old file goes
        _ = try store.savePart(kept, expecting: critic.version)
        let h = AppHarness(store: store)
        h.type("p")
        #expect(h.screen.contains("Parts · 1"))
        #expect(h.screen.contains("3 entries"))
        h.press(.escape)
        h.type("lf")
        h.press(.down, .down, .right)
        guard case .browse(let browse) = h.app.state.screen else { Issue.record("no list"); return }
        #expect(browse.filter.parts == ["inner-critic", "little-one"])
        #expect(browse.results.count == 3)
        #expect(h.screen.contains("Part           Inner critic\n") || h.screen.contains("Part           Inner critic "))
        h.press(.right) // the only choice, then back to any
        guard case .browse(let after) = h.app.state.screen else { Issue.record("no list"); return }
        #expect(after.filter.parts == nil)
    }
}

@Suite struct ArchiveFromThePartPageTests {
    @Test func aPutsThePartAwayAndBringsItBack() throws {
        let store = try PartsScreenTests.journal()
        let h = AppHarness(store: store)
        h.type("p")
        h.press(.down) // the numb one
        h.press(.enter)
        h.type("a")
        #expect(h.app.state.notice == "the numb one is put away; a in the parts list shows it again.")
        #expect(try store.loadParts().parts.first { $0.part.id == "the-numb-one" }?.part.archived == true)
        h.type("a")
        #expect(h.app.state.notice == "the numb one is back in the list.")
        #expect(store.files["parts/the-numb-one.md"]?.contains("archived") == false)
        h.press(.escape)
        #expect(h.screen.contains("Parts · 3"))
    }
}

/// Begun from a part's page, a flow still knows which part it was begun about, so a move of the
/// focus to another part is seen.
@Suite struct TimeWithAPartFocusTests {
    @Test func thanksBegunFromThePageStayWithThePart() throws {
        let h = AppHarness(store: try PartsScreenTests.journal())
        h.type("p")
        h.press(.enter) // Inner critic
        h.type("w")
        let index = try #require(h.app.flowsAboutAPart.firstIndex { $0.id == "protector-appreciation" })
        for _ in 0..<index { h.press(.down) }
        h.press(.enter)
        h.press(.enter) // the welcome
        #expect(h.session?.run.answers.first?.value == .part(.known("inner-critic")))
        for _ in 0..<3 {
            h.type("I want it gone"); h.press(.enter) // the feel-toward answer
            h.press(.enter)                           // its reading: another part, as proposed
            h.press(.enter)                           // it stepped back a little
        }
        #expect(h.stepID == "three-rounds")
        h.press(.enter)
        h.type("The worrier"); h.press(.enter)
        h.press(.control("d"))            // what it would like you to know: nothing written
        h.type("curious"); h.press(.enter, .enter)
        h.press(.enter) // making room's closing words
        #expect(h.stepID == "focus-moved")
    }
}
