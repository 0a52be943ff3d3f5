import JournalApp
import JournalCore
import Testing
import TerminalUI

/// A new part named only with digits or one character is more likely a slip: asked about once.
@Suite struct PartNameGuardTests {
    /// Today's check-in up to "Which part of you is most around today?".
    func atThePartStep() -> AppHarness {
        let h = AppHarness()
        h.press(.enter, .enter)
        h.type("Tired")
        h.press(.control("d"))
        h.type("3")
        h.press(.enter, .control("k"))
        #expect(h.stepID == "around")
        return h
    }

    @Test func aDigitIsAskedAboutOnceThenUsed() throws {
        let h = atThePartStep()
        h.type("4")
        h.press(.enter)
        #expect(h.stepID == "around")
        #expect(h.screen.contains("Is '4' the name of a part? Enter again to use it, or type another."))
        h.press(.enter)
        #expect(h.stepID == "part-doing")
        #expect(h.session?.run.answers.last?.value == .part(.new("4", name: "4")))
    }

    @Test func typingAnotherNameAfterTheQuestionUsesThat() {
        let h = atThePartStep()
        h.type("x")
        h.press(.enter)
        #expect(h.screen.contains("Is 'x' the name of a part?"))
        h.press(.backspace)
        h.type("The worrier")
        h.press(.enter)
        #expect(h.stepID == "part-doing")
        #expect(h.session?.run.answers.last?.value == .part(.new("the-worrier", name: "The worrier")))
    }

    @Test func ordinaryAndKnownNamesAreNotAsked() throws {
        let store = InMemoryJournalStore()
        _ = try store.savePart(Part(id: "x", name: "X"), expecting: nil) // a known part may be called anything
        let h = AppHarness(store: store)
        h.press(.enter, .enter)
        h.type("Tired")
        h.press(.control("d"))
        h.type("3")
        h.press(.enter, .control("k"))
        h.type("X")
        h.press(.enter)
        #expect(h.stepID == "part-doing")
        #expect(!PartNameCheck.isDoubtful("The worrier") && !PartNameCheck.isDoubtful("Ω2"))
        #expect(PartNameCheck.isDoubtful("42") && PartNameCheck.isDoubtful("?") && PartNameCheck.isDoubtful(" 7. "))
    }
}

/// `d` on a part's page: a record made by mistake goes to the trash, asked once, when nothing
/// names it; `u` in the parts list brings it back.
@Suite struct PartDeleteScreenTests {
    static func store() throws -> InMemoryJournalStore {
        let store = InMemoryJournalStore()
        _ = try store.savePart(Part(id: "4", name: "4"), expecting: nil)
        _ = try store.savePart(Part(id: "the-worrier", name: "The worrier"), expecting: nil)
        _ = try store.createEntry(Entry(id: "20261128-080000-aaaa", created: LocalDateTime(year: 2026, month: 11, day: 28, hour: 8),
                                        title: "Morning", parts: ["the-worrier"]))
        return store
    }

    @Test func anUnusedPartIsDeletedAfterAskingAndUndoBringsItBack() throws {
        let store = try Self.store()
        let h = AppHarness(store: store)
        h.type("p")
        h.press(.enter) // "4" comes first by name
        #expect(h.screen.contains("4"))
        h.type("d")
        #expect(h.words.contains("Delete 4? No entry names it. Its record goes to the trash folder; u in the parts list"))
        #expect(h.screen.contains("y delete  n keep it"))
        h.type("n")
        #expect(store.files["parts/4.md"] != nil)
        #expect(h.screen.contains("The part's record is kept."))
        h.type("d")
        h.type("y")
        guard case .parts = h.app.state.screen else { Issue.record("not the parts list"); return }
        #expect(store.files["parts/4.md"] == nil && store.trash["trash/parts/4.md"] != nil)
        #expect(h.screen.contains("4 moved to the trash. u brings it back."))
        #expect(!h.app.state.home.parts.contains { $0.id == "4" })
        h.type("u")
        #expect(store.files["parts/4.md"] != nil)
        #expect(h.screen.contains("4 is back."))
        #expect(h.app.state.home.parts.contains { $0.id == "4" })
    }

    @Test func aPartAnEntryNamesIsKeptWithWhy() throws {
        let store = try Self.store()
        let h = AppHarness(store: store)
        h.type("p")
        h.press(.down, .enter)
        h.type("d")
        #expect(h.words.contains("An entry names The worrier (2026-11-28 \"Morning\"), so its record stays; a puts it away instead."))
        #expect(store.files["parts/the-worrier.md"] != nil)
        if case .part(let page) = h.app.state.screen { #expect(!page.confirmingDelete) }
    }
}

/// The Self check: a digit rates the quality highlighted and stays there; "1" then "0" is 10.
@Suite struct SelfCheckKeysTests {
    func atTheSelfCheck() -> AppHarness {
        let h = AppHarness()
        h.press(.enter, .enter, .control("k"))
        h.type("3"); h.press(.enter)
        #expect(h.stepID == "self-energy")
        return h
    }

    func ratings(_ h: AppHarness) -> (selected: Int, ratings: [SelfQuality: Int])? {
        if case .selfCheck(let selected, let ratings, _)? = h.session?.input { return (selected, ratings) }
        return nil
    }

    @Test func aDigitRatesTheHighlightedQualityAndStays() {
        let h = atTheSelfCheck()
        h.type("7")
        #expect(ratings(h)?.selected == 0 && ratings(h)?.ratings == [.calm: 7])
        h.type("4") // a second digit changes the same quality
        #expect(ratings(h)?.selected == 0 && ratings(h)?.ratings == [.calm: 4])
        h.press(.down)
        #expect(ratings(h)?.selected == 1) // ↓ goes to the next one, skipping nothing
        h.type("1")
        h.type("0")
        #expect(ratings(h)?.ratings == [.calm: 4, .curiosity: 10])
        h.type("0") // after 10, a 0 is 0
        #expect(ratings(h)?.ratings == [.calm: 4, .curiosity: 0])
        h.press(.up); h.type("1"); h.press(.down); h.type("0") // 1 on one quality, 0 on another: no 10
        #expect(ratings(h)?.ratings == [.calm: 1, .curiosity: 0])
        #expect(h.screen.contains("←→ or 0-10 rate it (1 then 0 is 10)"))
    }
}
