import JournalApp
import JournalCore
import Testing
import TerminalUI

/// The entries browser by key messages: list, search as you type, filters, reader, star, later
/// notes, edits, delete and undo, calendar, on this day. Today is 2026-11-29 (AppHarness.morning).
@Suite struct BrowserTests {
    static func entry(_ id: String, _ date: (Int, Int, Int), hour: Int = 9, title: String, text: String = "", flow: String? = nil,
                      parts: [PartID] = [], tags: [String] = [], starred: Bool = false) -> Entry {
        Entry(id: EntryID(id), created: LocalDateTime(year: date.0, month: date.1, day: date.2, hour: hour, utcOffsetMinutes: 60),
              flow: flow, title: title, parts: parts, tags: tags, starred: starred,
              sections: [EntrySection(stepID: "arriving", heading: "How are you arriving today?", text: text)])
    }

    static func journal() throws -> InMemoryJournalStore {
        let store = InMemoryJournalStore()
        _ = try store.savePart(Part(id: "inner-critic", name: "Inner critic", role: .manager, colour: "yellow"), expecting: nil)
        _ = try store.savePart(Part(id: "little-one", name: "小さい子", role: .exile, colour: "cyan"), expecting: nil)
        let long = (1...40).map { "Line \($0) of a long morning, the critic quiet for once." }.joined(separator: "\n")
        for entry in [
            entry("20261128-081000-aaaa", (2026, 11, 28), hour: 8, title: "Café with the critic", text: "Un café calme. The critic spoke up.",
                  flow: "daily-checkin", parts: ["inner-critic"], tags: ["work"], starred: true),
            entry("20261115-203000-bbbb", (2026, 11, 15), hour: 20, title: "静かな夜 🌙", text: "A quiet night with the little one.",
                  flow: "unblending", parts: ["little-one"], tags: ["home"]),
            entry("20261002-070000-cccc", (2026, 10, 2), hour: 7, title: "Long morning", text: long, flow: "daily-checkin"),
            entry("20251129-090000-dddd", (2025, 11, 29), title: "A year ago today", text: "Rain, and tea.", tags: ["home"]),
            entry("20241129-090000-eeee", (2024, 11, 29), title: "Two years ago today", text: "Snow.", parts: ["inner-critic"]),
        ] { _ = try store.createEntry(entry) }
        return store
    }

    func harness(_ width: Int = 80, _ height: Int = 24) throws -> AppHarness {
        AppHarness(width: width, height: height, store: try Self.journal())
    }

    func browse(_ h: AppHarness) -> BrowseState? {
        switch h.app.state.screen {
        case .browse, .reader, .calendar: return h.app.state.navigation.browse
        default: return nil
        }
    }

    func shownIDs(_ h: AppHarness) -> [String] { browse(h)?.results.map(\.id.rawValue) ?? [] }

    var reader: (AppHarness) -> ReaderState? {
        { h in
            if case .reader(let reader) = h.app.state.screen { return reader }
            return nil
        }
    }

    @Test func theListIsNewestFirstGroupedByMonthWithPartsAndStars() throws {
        let h = try harness()
        h.type("l")
        #expect(shownIDs(h) == ["20261128-081000-aaaa", "20261115-203000-bbbb", "20261002-070000-cccc",
                                "20251129-090000-dddd", "20241129-090000-eeee"])
        let screen = h.screen
        #expect(screen.contains("November 2026"))
        #expect(screen.contains("October 2026"))
        #expect(screen.contains("▸ Sat 28  08:00  ★ Café with the critic"))
        #expect(screen.contains("Inner critic"))
        #expect(screen.contains("小さい子"))
        h.press(.down, .down)
        #expect(browse(h)?.selectedEntry?.id == "20261002-070000-cccc")
        h.press(.escape)
        #expect(h.app.state.screen == .home(HomeState()))
    }

    @Test func searchAsYouTypeIgnoresCaseAndAccents() throws {
        let h = try harness()
        h.type("l/")
        h.type("CAFE")
        #expect(shownIDs(h) == ["20261128-081000-aaaa"])
        #expect(h.screen.contains("Showing: matching \"CAFE\""))
        h.press(.backspace, .backspace, .backspace, .backspace)
        #expect(shownIDs(h).count == 5)
        h.type("quiet")
        #expect(shownIDs(h) == ["20261115-203000-bbbb", "20261002-070000-cccc"])
        h.press(.enter) // keeps the search; keys are list keys again
        #expect(browse(h)?.typingQuery == false)
        h.type("j")
        #expect(browse(h)?.selectedEntry?.id == "20261002-070000-cccc")
        h.type("x")
        #expect(browse(h)?.query == "")
        #expect(shownIDs(h).count == 5)
        // Esc while typing clears the search.
        h.type("/tea")
        #expect(shownIDs(h) == ["20251129-090000-dddd"])
        h.press(.escape)
        #expect(shownIDs(h).count == 5)
    }

    @Test func filtersCombineAndCanBeCancelledOrCleared() throws {
        let h = try harness()
        h.type("lf")
        #expect(h.screen.contains("Filters"))
        // Part: step to the first part (by name), then starred only.
        h.press(.down, .down, .right)
        #expect(browse(h)?.filter.parts == ["inner-critic"])
        #expect(shownIDs(h) == ["20261128-081000-aaaa", "20241129-090000-eeee"])
        h.press(.escape) // cancel: back as it was
        #expect(browse(h)?.filter == EntryFilter())
        #expect(shownIDs(h).count == 5)

        h.type("f")
        h.type("2026")        // From
        h.press(.down)
        h.type("2026-11")     // To
        h.press(.down, .down, .right, .down, .down, .right) // Tag: home (first in order); Starred: yes
        h.press(.enter)
        #expect(browse(h)?.filterPanel == nil)
        #expect(browse(h)?.filter.from == CalendarDay(year: 2026, month: 1, day: 1))
        #expect(browse(h)?.filter.to == CalendarDay(year: 2026, month: 11, day: 30))
        #expect(browse(h)?.filter.tag == "home")
        #expect(browse(h)?.filter.starredOnly == true)
        #expect(shownIDs(h).isEmpty)
        #expect(h.screen.contains("Nothing here with this search and these filters. x clears them."))
        #expect(h.screen.contains("Showing: 2026-01-01 to 2026-11-30 · tag: home · starred"))
        h.type("x")
        #expect(browse(h)?.filter == EntryFilter())
        #expect(shownIDs(h).count == 5)
    }

    @Test func aDateThatIsNotADateKeepsTheFormOpenAndSaysWhy() throws {
        let h = try harness()
        h.type("lf2026-02-30")
        h.press(.enter)
        #expect(browse(h)?.filterPanel?.problem == "'2026-02-30' is not a date: try 2026-11-29, 2026-11 or 2026.")
        #expect(h.screen.contains("is not a date"))
        h.press(.backspace, .backspace, .backspace)
        h.press(.enter)
        #expect(browse(h)?.filterPanel == nil)
        #expect(shownIDs(h) == ["20261128-081000-aaaa", "20261115-203000-bbbb", "20261002-070000-cccc"])
    }

    @Test func theReaderShowsTheEntryScrollsAndMovesToNextAndPrevious() throws {
        let h = try harness()
        h.type("l")
        h.press(.enter)
        #expect(reader(h)?.entry.entry.id == "20261128-081000-aaaa")
        let screen = h.screen
        #expect(screen.contains("Café with the critic  ★"))
        #expect(screen.contains("Saturday 28 November 2026, 08:00 · Daily check-in"))
        #expect(screen.contains("Parts: Inner critic"))
        #expect(screen.contains("How are you arriving today?"))
        #expect(screen.contains("1 of 5"))
        h.type("nn")
        #expect(reader(h)?.entry.entry.id == "20261002-070000-cccc")
        #expect(!h.screen.contains("Line 40 of a long morning"))
        h.press(.pageDown, .pageDown)
        #expect(h.screen.contains("Line 40 of a long morning"))
        h.type("p")
        #expect(reader(h)?.entry.entry.id == "20261115-203000-bbbb")
        h.type("ppp")
        #expect(reader(h)?.entry.entry.id == "20261128-081000-aaaa")
        #expect(h.app.state.notice == "This is the newest entry here.")
        h.press(.escape)
        #expect(browse(h)?.selected == 0)
    }

    @Test func starringWritesTheFileAndShowsInTheList() throws {
        let h = try harness()
        h.type("ljs") // the second entry
        let path = try #require(h.store.files.keys.first { $0.contains("20261115") })
        #expect(h.store.files[path]?.contains("starred: true") == true)
        #expect(browse(h)?.results[1].starred == true)
        h.press(.enter)
        h.type("s")
        #expect(h.store.files[path]?.contains("starred: true") == false)
        #expect(reader(h)?.entry.entry.starred == false)
    }

    @Test func aLaterNoteIsAppendedDatedAndCancellingAddsNothing() throws {
        let h = try harness()
        h.type("l")
        h.press(.enter)
        h.type("a")
        h.type("Reading this again, I feel kinder toward it.")
        h.press(.escape)
        #expect(h.app.state.notice == "No note was added.")
        let path = try #require(h.store.files.keys.first { $0.contains("20261128") })
        #expect(h.store.files[path]?.contains("A later note") == false)
        h.type("a")
        h.type("Reading this again, I feel kinder toward it.")
        h.press(.control("d"))
        let text = try #require(h.store.files[path])
        #expect(text.contains("## A later note, 2026-11-29 09:15 {#later-note}\n\nReading this again, I feel kinder toward it."))
        #expect(text.contains("Un café calme. The critic spoke up.")) // the rest untouched
        #expect(h.screen.contains("A later note, 2026-11-29 09:15"))
    }

    @Test func anEditIsCheckedAndABrokenOneIsNeverSaved() throws {
        let h = try harness()
        h.type("l")
        h.press(.enter)
        let path = try #require(h.store.files.keys.first { $0.contains("20261128") })
        let original = try #require(h.store.files[path])

        h.editorResult = .success(original.replacingOccurrences(of: "created: ", with: "created: nonsense "))
        h.type("e")
        #expect(h.editorInputs.last == original)
        #expect(h.store.files[path] == original)
        #expect(reader(h)?.rejectedEdit != nil)
        #expect(h.app.state.notice?.contains("The edit was not saved (line 3") == true)
        #expect(h.words.contains("so nothing was changed"))
        #expect(h.screen.contains("e edit again  Esc drop"))

        // Again: the editor gets the broken text back, not the original, so nothing typed is lost.
        let fixed = original.replacingOccurrences(of: "Un café calme.", with: "Un café très calme.")
        h.editorResult = .success(fixed)
        h.type("e")
        #expect(h.editorInputs.last?.contains("created: nonsense") == true)
        #expect(h.store.files[path] == fixed)
        #expect(reader(h)?.rejectedEdit == nil)
        #expect(h.screen.contains("Un café très calme."))

        // Dropping a broken edit leaves the entry as it was.
        h.editorResult = .success("not an entry at all")
        h.type("e")
        h.press(.escape)
        #expect(h.store.files[path] == fixed)
        #expect(h.app.state.notice == "The edit was dropped; the entry is as it was.")
    }

    // MARK: Keeping what was typed (review findings)

    @Test func anEditIsCheckedAgainstTheFileAsItWasWhenTheEditorOpened() throws {
        let h = try harness()
        h.type("l")
        h.press(.enter)
        let path = try #require(h.store.files.keys.first { $0.contains("20261128") })
        // Changed outside after the reader opened: the editor gets the file as it is now, and
        // saving is checked against that, so the edit is saved and the outside change was seen.
        let outside = try #require(h.store.files[path]).replacingOccurrences(of: "Un café calme.", with: "Changed by a sync.")
        h.store.writeOutside(path: path, text: outside)
        let edited = outside.replacingOccurrences(of: "Changed by a sync.", with: "Changed by a sync, then by me.")
        h.editorResult = .success(String(edited.dropLast())) // editors' final newline is taken off by the bridge
        h.type("e")
        #expect(h.editorInputs.last == outside)
        #expect(h.store.files[path] == edited) // saved, with its final newline kept
    }

    @Test func anEditThatCannotBeSavedIsKeptEvenWhenTheFileChangesMeanwhile() throws {
        let h = try harness()
        h.type("l")
        h.press(.enter)
        let path = try #require(h.store.files.keys.first { $0.contains("20261128") })
        let original = try #require(h.store.files[path])
        // The editor "runs" while something else rewrites the file.
        h.editorResult = .success(original.replacingOccurrences(of: "Un café calme.", with: "My edit."))
        let store = h.store
        let interfering = original.replacingOccurrences(of: "Un café calme.", with: "Their edit.")
        h.onEdit = { store.writeOutside(path: path, text: interfering) }
        h.type("e")
        #expect(h.store.files[path] == interfering) // nothing overwritten silently
        guard case .reader(let reader) = h.app.state.screen else { Issue.record("not in the reader"); return }
        #expect(reader.rejectedEdit?.text.contains("My edit.") == true)
        #expect(h.app.state.notice?.contains("changed outside Haven") == true)
        // Again: the person's text comes back, and now it is checked against the file as it is.
        h.onEdit = nil
        h.editorResult = .success(original.replacingOccurrences(of: "Un café calme.", with: "My edit, kept."))
        h.type("e")
        #expect(h.editorInputs.last?.contains("My edit.") == true)
        #expect(h.store.files[path]?.contains("My edit, kept.") == true)
        // The outside version written over is kept in the trash.
        #expect(h.store.trash["trash/" + path] == interfering)
        #expect(h.app.state.notice == "Saved over the outside change; the file as it was is kept in trash/\(path).")
    }

    @Test func anEditKeptWhileItsEntryWasDeletedElsewhereIsSavedAsTheEntryAgain() throws {
        let h = try harness()
        h.type("l")
        h.press(.enter)
        let path = try #require(h.store.files.keys.first { $0.contains("20261128") })
        let original = try #require(h.store.files[path])
        let store = h.store
        h.editorResult = .success(original.replacingOccurrences(of: "Un café calme.", with: "My edit."))
        h.onEdit = { store.writeOutside(path: path, text: original + "\nTheirs.\n") }
        h.type("e") // rejected: changed outside
        let stored = try #require(try store.loadEntries().entries.first { $0.path == path })
        _ = try store.trashEntry(stored.entry.id, expecting: stored.version) // another window deletes it
        h.onEdit = nil
        h.type("e")
        let kept = try #require(store.files.values.first { $0.contains("My edit.") })
        #expect(kept.contains("id: 20261128-081000-aaaa"))
        #expect(h.app.state.notice?.contains("your edit is saved as the entry again") == true)
    }

    @Test func aNoteWhoseEntryIsGoneIsKeptAsAnEntryOfItsOwn() throws {
        let h = try harness()
        h.type("l")
        h.press(.enter)
        let store = h.store
        let stored = try #require(try store.loadEntries().entries.first { $0.entry.id == "20261128-081000-aaaa" })
        _ = try store.trashEntry(stored.entry.id, expecting: stored.version) // deleted in another window
        h.type("a")
        h.type("A note with nowhere to go")
        h.press(.control("d"))
        guard case .reader(let reader) = h.app.state.screen else { Issue.record("not in the reader"); return }
        #expect(reader.note?.text == "A note with nowhere to go") // given back to try again
        h.app.handleSignal(15)
        let kept = try #require(store.files.values.first { $0.contains("A note with nowhere to go") })
        #expect(kept.contains("title: Kept from “Café with the critic”"))
    }

    @Test func leavingTheEditorWithoutChangesWritesNothing() throws {
        let h = try harness()
        h.type("l")
        h.press(.enter)
        let path = try #require(h.store.files.keys.first { $0.contains("20261128") })
        let original = try #require(h.store.files[path])
        h.editorResult = .success(String(original.dropLast())) // as the editor bridge hands it back
        let effectsBefore = h.effects.count
        h.type("e")
        #expect(h.store.files[path] == original)
        // Nothing was written, so the journal is not even read again.
        #expect(!h.effects.dropFirst(effectsBefore).contains { if case .loadEntries = $0 { true } else { false } })
        guard case .reader(let reader) = h.app.state.screen else { Issue.record("not in the reader"); return }
        #expect(reader.rejectedEdit == nil)
        #expect(reader.entry.version == ContentHash(of: original))
    }

    @Test func aNoteThatCannotBeSavedGoesBackIntoItsEditor() throws {
        let h = try harness()
        h.type("l")
        h.press(.enter)
        let path = try #require(h.store.files.keys.first { $0.contains("20261128") })
        h.type("a")
        h.type("Words I do not want to lose.")
        h.store.writeOutside(path: path, text: "broken outside\n")
        h.press(.control("d"))
        guard case .reader(let reader) = h.app.state.screen else { Issue.record("not in the reader"); return }
        #expect(reader.note?.text == "Words I do not want to lose.")
        #expect(h.app.state.notice?.contains("still here") == true)
        #expect(h.store.files[path] == "broken outside\n")
    }

    @Test func quittingWithANoteOrAnUnsavedEditAsksFirst() throws {
        let h = try harness()
        h.type("l")
        h.press(.enter)
        h.type("a")
        h.type("Half a thought")
        h.press(.control("q"))
        #expect(!h.app.isFinished)
        #expect(h.app.state.notice?.contains("Ctrl-Q again") == true)
        h.press(.control("q"))
        #expect(h.app.isFinished)

        let rejected = try harness()
        rejected.type("l")
        rejected.press(.enter)
        rejected.editorResult = .success("not an entry")
        rejected.type("e")
        rejected.press(.control("q"))
        #expect(!rejected.app.isFinished)
        rejected.press(.control("q"))
        #expect(rejected.app.isFinished)
    }

    @Test func aSignalKeepsANoteBeingWrittenAndAnUnsavedEdit() throws {
        let h = try harness()
        h.type("l")
        h.press(.enter)
        let path = try #require(h.store.files.keys.first { $0.contains("20261128") })
        h.type("a")
        h.type("Written when the terminal closed")
        h.app.handleSignal(15)
        #expect(h.store.files[path]?.contains("Written when the terminal closed") == true)

        let other = try harness()
        other.type("l")
        other.press(.enter)
        other.editorResult = .success("my long edit, not an entry")
        other.type("e")
        other.app.handleSignal(1)
        #expect(other.store.files[path]?.contains("my long edit, not an entry") == true)
        #expect(other.store.files[path]?.contains("An edit that was not saved") == true)
    }

    @Test func aNoteLeftBehindAGroundingBreakOrInATinyWindowIsKept() throws {
        func writingANote(_ text: String) throws -> (AppHarness, String) {
            let h = try harness()
            h.type("l")
            h.press(.enter)
            let path = try #require(h.store.files.keys.first { $0.contains("20261128") })
            h.type("a")
            h.type(text)
            return (h, path)
        }
        let (signalled, path) = try writingANote("Kept through a signal while grounding")
        signalled.press(.control("g"))
        signalled.app.handleSignal(1)
        #expect(signalled.store.files[path]?.contains("Kept through a signal while grounding") == true)

        let (quit, _) = try writingANote("Kept through a quit while grounding")
        quit.press(.control("g"), .control("q"))
        #expect(quit.app.isFinished)
        #expect(quit.store.files[path]?.contains("Kept through a quit while grounding") == true)

        let (small, _) = try writingANote("Kept in a tiny window")
        small.resize(20, 5)
        small.press(.control("q"))
        #expect(small.app.isFinished)
        #expect(small.store.files[path]?.contains("Kept in a tiny window") == true)

        let (dropped, _) = try writingANote("Dropped on purpose")
        dropped.press(.control("q"), .control("q"))
        #expect(dropped.app.isFinished)
        #expect(dropped.store.files[path]?.contains("Dropped on purpose") == false)
    }

    @Test func aSearchIsRedoneAfterTheJournalIsReadAgain() throws {
        let h = try harness()
        h.type("l/tea")
        h.press(.enter)
        #expect(shownIDs(h) == ["20251129-090000-dddd"])
        // Another entry starts to match, changed outside, and the journal is read again.
        let path = try #require(h.store.files.keys.first { $0.contains("20261115") })
        h.store.writeOutside(path: path, text: try #require(h.store.files[path]).replacingOccurrences(of: "A quiet night", with: "Green tea night"))
        for msg in h.app.perform(.loadEntries, terminal: h.terminal) { h.send(msg) }
        #expect(shownIDs(h) == ["20261115-203000-bbbb", "20251129-090000-dddd"])
    }

    @Test func anEntryGoneSinceTheListWasReadIsSaidAndTheListIsReadAgain() throws {
        let h = try harness()
        h.type("l")
        let path = try #require(h.store.files.keys.first { $0.contains("20261128") })
        h.store.writeOutside(path: path, text: "no longer an entry\n")
        h.press(.enter)
        #expect(h.app.state.notice?.hasPrefix("Could not open the entry") == true)
        #expect(!shownIDs(h).contains("20261128-081000-aaaa"))
        #expect(shownIDs(h).count == 4)
    }

    @Test func deleteMovesToTheTrashAndUndoPutsItBack() throws {
        let h = try harness()
        h.type("lj")
        h.press(.enter)
        let path = try #require(h.store.files.keys.first { $0.contains("20261115") })
        let text = try #require(h.store.files[path])
        h.type("d")
        #expect(h.store.files[path] == nil)
        #expect(h.store.trash["trash/" + path] == text)
        #expect(!shownIDs(h).contains("20261115-203000-bbbb"))
        #expect(h.app.state.notice == "Moved to the trash: 静かな夜 🌙. u puts it back.")
        h.type("u")
        #expect(h.store.files[path] == text)
        #expect(shownIDs(h).contains("20261115-203000-bbbb"))
        h.type("u")
        #expect(h.app.state.notice == "Nothing to undo.")
    }

    @Test func theCalendarMarksDaysWithWritingAndOpensADay() throws {
        let h = try harness()
        h.type("lc")
        guard case .calendar(let calendar) = h.app.state.screen else { Issue.record("no calendar"); return }
        #expect(calendar.selectedDay == CalendarDay(year: 2026, month: 11, day: 28)) // the selected entry's day
        #expect(h.screen.contains("November 2026"))
        #expect(h.screen.contains("28●"))
        #expect(h.screen.contains("Days with writing this month: 2"))
        h.press(.enter)
        #expect(shownIDs(h) == ["20261128-081000-aaaa"])
        h.type("c")
        h.press(.left) // the 27th: nothing written
        #expect(h.screen.contains("2026-11-27: no entries"))
        h.type("y")
        #expect(h.screen.contains("Days with writing in 2026: 3"))
        h.press(.escape)
        if case .browse = h.app.state.screen {} else { Issue.record("expected the list") }
    }

    @Test func onThisDayIsOfferedOnHomeAndShowsEarlierYears() throws {
        let h = try harness()
        #expect(h.screen.contains("On this day: 2 entries from earlier years. o to read."))
        h.type("o")
        #expect(shownIDs(h) == ["20251129-090000-dddd", "20241129-090000-eeee"])
        #expect(h.screen.contains("on this day in earlier years"))
        let quiet = AppHarness(store: InMemoryJournalStore())
        #expect(!quiet.screen.contains("On this day"))
    }

    @Test func groundingFromTheBrowserComesBackToTheSamePlace() throws {
        let h = try harness()
        h.type("l/quiet")
        h.press(.enter, .down)
        let before = try #require(browse(h))
        h.press(.control("g"))
        #expect(h.session?.run.rootFlowID == "grounding")
        for _ in 0..<5 where h.stepID != "now" { h.press(.enter) }
        #expect(h.stepID == "now")
        h.type("3")
        h.press(.enter, .enter) // the rating, then "thank you"
        #expect(h.screen.contains("Go back to where I was"))
        h.press(.enter)
        #expect(browse(h) == before)
        if case .browse = h.app.state.screen {} else { Issue.record("expected the list again") }
    }

    @Test func searchFromHomeStartsTyping() throws {
        let h = try harness()
        h.type("/")
        #expect(browse(h)?.typingQuery == true)
        h.type("snow")
        #expect(shownIDs(h) == ["20241129-090000-eeee"])
    }

    // MARK: Golden screens

    func check(_ h: AppHarness, _ name: String) {
        let size = h.app.state.size
        if let problem = Golden.check(h.screen, named: "\(name)-\(size.width)x\(size.height)", size: size) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    @Test(arguments: GoldenScreenTests.sizes) func goldenList(_ size: Size) throws {
        let h = try harness(size.width, size.height)
        h.type("l")
        check(h, "browse-list")
    }

    @Test(arguments: GoldenScreenTests.sizes) func goldenSearch(_ size: Size) throws {
        let h = try harness(size.width, size.height)
        h.type("l/cafe")
        check(h, "browse-search")
    }

    @Test(arguments: GoldenScreenTests.sizes) func goldenFilters(_ size: Size) throws {
        let h = try harness(size.width, size.height)
        h.type("lf2026")
        h.press(.down, .down, .right)
        check(h, "browse-filters")
        h.press(.enter)
        check(h, "browse-filtered")
    }

    @Test(arguments: GoldenScreenTests.sizes) func goldenReader(_ size: Size) throws {
        let h = try harness(size.width, size.height)
        h.type("l")
        h.press(.enter)
        check(h, "browse-reader")
    }

    @Test(arguments: GoldenScreenTests.sizes) func goldenCalendar(_ size: Size) throws {
        let h = try harness(size.width, size.height)
        h.type("lc")
        check(h, "calendar-month")
        h.type("y")
        check(h, "calendar-year")
    }

    @Test(arguments: GoldenScreenTests.sizes) func goldenOnThisDay(_ size: Size) throws {
        let h = try harness(size.width, size.height)
        check(h, "home-on-this-day")
        h.type("o")
        check(h, "browse-on-this-day")
    }
}
