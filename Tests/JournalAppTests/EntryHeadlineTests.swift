import JournalApp
import JournalCore
import Testing
import TerminalUI

/// Entries tell themselves apart: the list shows each one in its own words, the flow once in its
/// column, and a part list too long for its column ends with "…".
@Suite struct EntryHeadlineTests {
    static func store() throws -> InMemoryJournalStore {
        let store = InMemoryJournalStore()
        for (id, name) in [("inner-critic", "Inner critic"), ("the-worrier", "The worrier"), ("little-one", "Little one"),
                           ("the-numb-one", "The numb one")] {
            _ = try store.savePart(Part(id: PartID(id), name: name), expecting: nil)
        }
        // Written before entries were titled in their own words: the flow's name as the title.
        _ = try store.createEntry(Entry(id: "20261127-080000-aaaa", created: LocalDateTime(year: 2026, month: 11, day: 27, hour: 8),
                                        flow: "daily-checkin", title: "Daily check-in", parts: ["the-worrier"],
                                        sections: [EntrySection(stepID: "arriving", heading: "How are you arriving today?",
                                                                text: "Slow start, rain on the window"),
                                                   EntrySection(stepID: "stirred", heading: "How stirred?", text: "4 of 10")]))
        _ = try store.createEntry(Entry(id: "20261126-080000-bbbb", created: LocalDateTime(year: 2026, month: 11, day: 26, hour: 8),
                                        flow: "unblending", title: "Making room with Inner critic",
                                        parts: ["inner-critic", "the-worrier", "little-one", "the-numb-one"],
                                        sections: [EntrySection(stepID: "stirred", heading: "How stirred?", text: "6 of 10 (0 = settled)"),
                                                   EntrySection(stepID: "check", heading: "Self?", text: "- Calm: 4\n- Curiosity: 6"),
                                                   EntrySection(stepID: "notice", heading: "What do you notice?", text: "It wants me to be ready")]))
        return store
    }

    @Test func theListShowsOwnWordsTheFlowOnceAndCutsLongPartLists() throws {
        let h = AppHarness(store: try Self.store())
        h.type("l")
        let rows = h.screen.split(separator: "\n").map(String.init)
        let first = try #require(rows.first { $0.contains("Fri 27") })
        #expect(first.contains("Slow start, rain on the"))
        #expect(first.components(separatedBy: "Daily check-in").count == 2) // the flow once
        let second = try #require(rows.first { $0.contains("Thu 26") })
        #expect(second.contains("It wants me to be ready")) // past the rating and the Self check
        #expect(!second.contains("Making room with"))
        #expect(second.contains("Making room"))
        #expect(second.hasSuffix("…")) // four parts do not fit their column
        #expect(second.contains("Inner critic"))
    }

    @Test func generatedTitlesAreKnownFromFlowFilesWithoutParsingThem() {
        let titles = GeneratedTitles(scanning: [PromptSource(name: "x.yaml", text: """
            # A flow
            id: visit
            title: "A visit"
            entry-title: A visit to {part} today
            steps:
              - id: a
                title: not this one
            """)])
        #expect(titles.title(of: "visit") == "A visit")
        #expect(titles.isGenerated("A visit", flow: "visit"))
        #expect(titles.isGenerated("A visit to the critic today", flow: "visit"))
        #expect(!titles.isGenerated("A visit to the sea", flow: "visit"))
        #expect(!titles.isGenerated("A visit", flow: "other"))
        // A title the person gave is theirs; with no words at all the flow's own name shows.
        let given = Entry(id: "e", created: AppHarness.morning, flow: "visit", title: "Sunday", sections: [
            EntrySection(stepID: "a", heading: "A", text: "words")])
        #expect(given.headline(titles) == "Sunday")
        let empty = Entry(id: "e", created: AppHarness.morning, flow: "visit", title: "")
        #expect(empty.headline(titles) == "A visit")
    }
}
