import JournalApp
import JournalCore
import Testing
import TerminalUI

/// Lists are never stale: what another program writes, imports or edits shows on the home
/// screen and in the entries list when they come up, and within seconds while they are up.
@Suite struct FreshListsTests {
    static func entry(_ id: String, day: Int, title: String) -> Entry {
        Entry(id: EntryID(id), created: LocalDateTime(year: 2026, month: 11, day: day, hour: 8), title: title,
              sections: [EntrySection(stepID: "a", heading: "A", text: "words")])
    }

    @Test func anEntryWrittenElsewhereShowsOnHomeWithinSeconds() throws {
        let store = InMemoryJournalStore()
        let h = AppHarness(store: store)
        #expect(!h.screen.contains("From the other terminal"))
        _ = try store.createEntry(Self.entry("20261128-080000-aaaa", day: 28, title: "From the other terminal"))
        h.wait(milliseconds: 1_000)
        #expect(!h.screen.contains("From the other terminal")) // not read on every tick
        h.wait(milliseconds: 2_500)
        #expect(h.screen.contains("From the other terminal"))
    }

    @Test func theListIsReadAgainWhenItOpensAndWhileItIsUp() throws {
        let store = InMemoryJournalStore()
        _ = try store.createEntry(Self.entry("20261127-080000-aaaa", day: 27, title: "First"))
        let h = AppHarness(store: store)
        h.type("l")
        #expect(h.screen.contains("First"))
        h.press(.escape)
        // Imported meanwhile: opening the list again shows it at once.
        _ = try store.createEntries([Self.entry("20261126-080000-bbbb", day: 26, title: "Imported")])
        h.type("l")
        #expect(h.screen.contains("Imported"))
        // Edited in place while the list is up: within seconds.
        let stored = try store.loadEntry("20261127-080000-aaaa")
        var edited = stored.entry
        edited.title = "First, edited in nano"
        _ = try store.updateEntry(edited, expecting: stored.version)
        h.press(.down) // the selection is on the second entry now
        h.wait(milliseconds: 3_100)
        #expect(h.screen.contains("First, edited in nano"))
        if case .browse(let browse) = h.app.state.screen { #expect(browse.selected == 1) } // nothing moved
    }

    @Test func readingAgainWithNothingChangedChangesNothing() throws {
        let store = InMemoryJournalStore()
        _ = try store.createEntry(Self.entry("20261127-080000-aaaa", day: 27, title: "First"))
        let h = AppHarness(store: store)
        let before = h.app.state
        h.wait(milliseconds: 3_100)
        var after = h.app.state
        after.now = before.now
        after.lastJournalRead = before.lastJournalRead
        #expect(after == before)
    }
}
