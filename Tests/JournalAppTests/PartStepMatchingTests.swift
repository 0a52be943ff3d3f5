import JournalApp
import JournalCore
import Testing
import TerminalUI

/// The app's part step finds known parts as every other part lookup does (PartMatcher).
@Suite struct PartStepMatchingTests {
    /// The daily check-in up to "Which part of you is most around today?", with Éloïse known.
    static func atThePartStep() throws -> AppHarness {
        let store = InMemoryJournalStore()
        _ = try store.savePart(Part(id: "little-one", name: "Éloïse", formerNames: ["The small one"]), expecting: nil)
        _ = try store.savePart(Part(id: "worrier", name: "The worrier"), expecting: nil)
        let h = AppHarness(store: store)
        h.press(.enter)                 // Begin today's check-in
        h.press(.enter)                 // the opening pause
        h.type("Tired but here")
        h.press(.control("d"))
        h.type("4"); h.press(.enter)
        h.press(.enter)                 // the self-check, left as it is
        #expect(h.screen.contains("Which part of you is most around today?"))
        return h
    }

    @Test(arguments: ["eloise", "ELOÏSE", "the small one"])
    func anUnaccentedOrFormerNameOffersTheKnownPartAndNoNewOne(_ typed: String) throws {
        let h = try Self.atThePartStep()
        h.type(typed)
        #expect(h.screen.contains("Éloïse"))
        #expect(!h.screen.contains("New part"))
        h.press(.enter)
        #expect(h.screen.contains("What is Éloïse doing or wanting today?"))
    }

    @Test func aPieceOfANameOffersThePartsWithItThenANewOne() throws {
        let h = try Self.atThePartStep()
        h.type("wor")
        let screen = h.screen
        let known = try #require(screen.range(of: "The worrier"))
        let new = try #require(screen.range(of: "New part: wor"))
        #expect(known.lowerBound < new.lowerBound)
        #expect(!screen.contains("Éloïse"))
    }
}

/// A part's page names its facts as the presenter does (the same words as `parts show` and the summary).
@Suite struct PartPageWordingTests {
    @Test func thePageListsTheFactsInThePresentersWordsAndOrder() throws {
        let store = InMemoryJournalStore()
        let worrier = Part(id: "worrier", name: "The worrier", role: .manager, feelings: ["tight", "restless"], beliefs: ["it must be ready"],
                           fears: ["a fire"], protects: ["little-one"], polarizedWith: ["critic"], allies: ["little-one"],
                           permissions: [PartPermission(date: LocalDateTime(year: 2026, month: 11, day: 20, utcOffsetMinutes: 60),
                                                        request: "rest", answer: .notYet, about: "critic")])
        _ = try store.savePart(worrier, expecting: nil)
        _ = try store.savePart(Part(id: "little-one", name: "Éloïse"), expecting: nil)
        _ = try store.savePart(Part(id: "critic", name: "Inner critic"), expecting: nil)
        let h = AppHarness(width: 120, height: 40, store: store)
        h.type("p")
        while !h.screen.contains("▸ The worrier") { h.press(.down) }
        h.press(.enter)
        let presented = PartPresentation(worrier, names: ["little-one": "Éloïse", "critic": "Inner critic"])
        let lines = h.screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let facts = presented.filled().map { "\($0.fact.label): \($0.text)" }
        #expect(facts.last == "Allies: Éloïse")
        let shown = lines.filter { line in facts.contains(line) }
        #expect(shown == facts)
        #expect(lines.contains("Pulls against: Inner critic"))
        #expect(lines.contains("2026-11-20  not yet: rest (Inner critic)"))
    }
}
