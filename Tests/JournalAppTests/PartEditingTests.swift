import JournalApp
import JournalCore
import Testing
import TerminalUI

/// Editing a part's record in place, renaming and merging from the app.
@Suite struct PartEditingTests {
    /// The parts list, then Inner critic's page (the first by name).
    func onCriticsPage(_ store: InMemoryJournalStore, width: Int = 80, height: Int = 24) -> AppHarness {
        let h = AppHarness(width: width, height: height, store: store)
        h.type("p")
        h.press(.enter)
        return h
    }

    func critic(_ store: InMemoryJournalStore) throws -> Part {
        try #require(store.loadParts().parts.first { $0.part.id == "inner-critic" }).part
    }

    /// The form open on Inner critic's apparent age, with `text` typed there.
    func typingTheAge(_ text: String, in store: InMemoryJournalStore) -> AppHarness {
        let h = onCriticsPage(store)
        h.type("e")
        h.press(.tab, .tab, .tab)
        h.type(text)
        return h
    }

    /// Another program writing Inner critic's file meanwhile.
    func editOutside(_ store: InMemoryJournalStore, _ change: (inout Part) -> Void) throws {
        let stored = try #require(store.loadParts().parts.first { $0.part.id == "inner-critic" })
        var part = stored.part
        change(&part)
        _ = try store.savePart(part, expecting: stored.version)
    }

    func form(_ h: AppHarness) -> PartFormState? {
        if case .part(let page) = h.app.state.screen { return page.form }
        return nil
    }

    @Test func theFormSavesOnlyTheFieldsTouchedInOneWrite() throws {
        let store = try PartsScreenTests.journal()
        let before = try critic(store)
        let h = onCriticsPage(store)
        h.type("e")
        #expect(form(h)?.field == .role)
        h.press(.right) // manager -> firefighter
        h.press(.tab)
        h.press(.right) // befriended -> permission
        h.press(.tab, .tab) // past the colour
        h.type("about seven")
        h.press(.down) // in the body: cleared and typed again
        h.press(.control("u"))
        h.type("jaw")
        h.press(.enter, .enter) // past the job, to what it hopes
        h.press(.backTab, .backTab) // back to the body, unchanged by moving
        h.press(.tab, .tab, .tab)
        #expect(form(h)?.field == .feelings)
        h.type("tired;  watchful ;")
        h.press(.tab, .tab, .tab)
        #expect(form(h)?.field == .notes)
        h.type("Line one")
        h.press(.enter) // a new line in the notes, not the next field
        h.type("Line two")
        #expect(h.screen.contains("6 changes not saved")) // role, stage, age, body, feelings, notes
        h.press(.control("s"))
        #expect(form(h) == nil)
        #expect(h.app.state.notice == "Saved Inner critic.")
        var expected = before
        expected.role = .firefighter
        expected.stage = .permission
        expected.apparentAge = "about seven"
        expected.bodyLocation = "jaw"
        expected.feelings = ["tired", "watchful"]
        expected.notes = before.notes + "Line one\nLine two"
        // What the edit replaced is kept, dated: the role it had and where it was felt.
        expected.earlierValues = before.earlierValues + [EarlierValue(field: .role, value: "manager", until: AppHarness.morning),
                                  EarlierValue(field: .bodyLocation, value: "jaw and shoulders", until: AppHarness.morning)]
        // Each value set in the edit is dated, so a backdated entry later cannot push it into the past.
        expected.valueDates = [.role: AppHarness.morning, .bodyLocation: AppHarness.morning, .apparentAge: AppHarness.morning]
        #expect(before.role == .manager && before.bodyLocation == "jaw and shoulders" && before.apparentAge.isEmpty)
        #expect(try critic(store) == expected)
        #expect(h.screen.contains("In the body: jaw"))
    }

    @Test func renamingKeepsTheOldNameAndTheEntries() throws {
        let store = try PartsScreenTests.journal()
        let h = onCriticsPage(store)
        h.type("r")
        #expect(form(h)?.field == .name)
        h.press(.control("u"))
        h.type("The coach")
        h.press(.control("s"))
        #expect(h.app.state.notice == "Saved The coach. Once called Inner critic: the old name still finds it.")
        let part = try critic(store)
        #expect(part.id == "inner-critic")
        #expect(part.name == "The coach")
        #expect(part.formerNames == ["The Judge", "Inner critic"])
        let screen = h.screen
        #expect(screen.contains("Once called: The Judge, Inner critic"))
        #expect(screen.contains("2 entries, last"))
        h.type("l")
        guard case .browse(let browse) = h.app.state.screen else { Issue.record("no list"); return }
        #expect(browse.results.count == 2)
    }

    @Test func aNameAnotherPartHasIsRefusedAndTheFormStays() throws {
        let store = try PartsScreenTests.journal()
        let before = store.files
        let h = onCriticsPage(store)
        h.type("r")
        h.press(.control("u"))
        h.type("THE NUMB ONE")
        h.press(.control("s"))
        #expect(form(h)?.problem?.contains("another part is already called that (the numb one)") == true)
        #expect(form(h)?.changes.text(of: .name) == "THE NUMB ONE")
        #expect(store.files == before)
        h.press(.control("u"))
        h.press(.control("s")) // an empty name
        #expect(form(h)?.problem?.contains("a part needs a name") == true)
        #expect(store.files == before)
    }

    @Test func aChangeMadeOutsideMeanwhileIsKeptAndNeverOverwrittenUnasked() throws {
        let store = try PartsScreenTests.journal()
        let h = onCriticsPage(store)
        h.type("e")
        h.press(.tab, .tab, .tab) // apparent age
        h.type("seven")
        // Meanwhile another program writes the part's file: its job (another field) and its age.
        try editOutside(store) {
            $0.job = "keeps me prepared"
        }
        h.press(.control("s"))
        #expect(form(h) == nil)
        #expect(try critic(store).job == "keeps me prepared") // the other field's outside edit stays
        #expect(try critic(store).apparentAge == "seven")

        h.type("e")
        h.press(.tab, .tab, .tab)
        h.press(.control("u"))
        h.type("eight")
        try editOutside(store) {
            $0.apparentAge = "nine, it says"
        }
        h.press(.control("s"))
        #expect(form(h)?.problem?.hasPrefix("Changed outside Haven meanwhile: apparent age.") == true)
        #expect(try critic(store).apparentAge == "nine, it says")
        h.press(.control("s")) // asked again: saved over it, the file as it was kept in the trash
        #expect(form(h) == nil)
        #expect(try critic(store).apparentAge == "eight")
        #expect(store.trash["trash/parts/inner-critic.md"]?.contains("apparent_age: \"nine, it says\"") == true
                || store.trash["trash/parts/inner-critic.md"]?.contains("apparent_age: nine, it says") == true)
        #expect(h.app.state.notice == "Saved Inner critic. The file as it was is kept in trash/parts/inner-critic.md.")
    }

    @Test func leavingWithChangesAsksFirst() throws {
        let store = try PartsScreenTests.journal()
        let before = store.files
        let h = onCriticsPage(store)
        h.type("e")
        h.press(.escape) // nothing changed: closes
        #expect(form(h) == nil)
        h.type("e")
        h.press(.right)
        h.press(.escape)
        #expect(form(h)?.problem == "Your changes are not saved: Ctrl-S saves them, Esc again leaves them.")
        h.press(.control("q"))
        #expect(!h.app.state.finished)
        #expect(form(h)?.quitAsked == true)
        h.press(.escape)
        h.press(.escape)
        #expect(form(h) == nil)
        #expect(store.files == before)
        h.type("e")
        h.press(.control("s")) // nothing changed: nothing written
        #expect(h.app.state.notice == "Nothing was changed.")
        #expect(store.files == before)
    }

    @Test func thePageListsItsEntriesAndTheListComesBackToIt() throws {
        let h = onCriticsPage(try PartsScreenTests.journal())
        h.press(.pageDown, .pageDown)
        let screen = h.screen
        #expect(screen.contains("Its entries, newest first"))
        #expect(screen.contains("2026-11-28  Café with the critic\n") || screen.contains("2026-11-28  Café with the critic "))
        #expect(screen.contains("2024-11-29  Two years ago today"))
        #expect(screen.contains("l lists them, to read."))
        h.type("l")
        #expect(h.screen.contains("Esc back"))
        h.press(.enter) // the reader
        guard case .reader = h.app.state.screen else { Issue.record("no reader"); return }
        h.press(.escape, .escape)
        guard case .part(let page) = h.app.state.screen else { Issue.record("not back on the part's page"); return }
        #expect(page.id == "inner-critic")
    }

    @Test func aSmallWindowScrollsTheFormToTheFieldBeingTyped() throws {
        let h = onCriticsPage(try PartsScreenTests.journal(), width: 40, height: 12)
        h.type("e")
        for _ in 0..<10 { h.press(.tab) } // to the notes
        h.type("written small")
        let screen = h.screen
        #expect(screen.contains("▸ Notes"))
        #expect(screen.contains("written small"))
        #expect(!screen.contains("Name "))
        h.press(.tab) // round to the name again
        #expect(h.screen.contains("▸ Name"))
    }

    @Test func movingThroughNotesWrittenElsewhereNeverRewritesThem() throws {
        let store = try PartsScreenTests.journal()
        try editOutside(store) {
            $0.notes = "Written in vim:\r\n\tindented with a tab\r\nand Windows line ends"
        }
        let before = store.files
        let h = onCriticsPage(store)
        h.type("e")
        for _ in 0..<10 { h.press(.tab) } // to the notes
        h.press(.up, .left, .home, .right, .down, .end)
        #expect(form(h)?.changes.isEmpty == true)
        #expect(h.screen.contains("    indented with a tab")) // shown as spaces, kept as a tab
        h.type("x") // typing would turn the tab into spaces: refused, the notes kept as written
        #expect(form(h)?.problem?.contains("tabs or control characters") == true)
        #expect(form(h)?.changes.isEmpty == true)
        h.press(.control("s"))
        #expect(h.app.state.notice == "Nothing was changed.")
        #expect(store.files == before)
    }

    @Test func aSignalKeepsWhatWasTypedInTheForm() throws {
        let store = try PartsScreenTests.journal()
        let h = typingTheAge("seven", in: store)
        h.app.handleSignal(15)
        #expect(try critic(store).apparentAge == "seven")
    }

    @Test func typingIsKeptWhicheverWayTheAppEnds() throws {
        // A signal during a grounding break begun in the form.
        let grounding = try PartsScreenTests.journal()
        let h = typingTheAge("seven", in: grounding)
        h.press(.control("g"))
        h.app.handleSignal(1)
        #expect(try critic(grounding).apparentAge == "seven")

        // Ctrl-Q in a window too small to draw in.
        let small = try PartsScreenTests.journal()
        let s = typingTheAge("eight", in: small)
        s.resize(20, 5)
        s.press(.control("q"))
        #expect(s.app.state.finished)
        #expect(try critic(small).apparentAge == "eight")

        // Quitting from the grounding break.
        let quitting = try PartsScreenTests.journal()
        let q = typingTheAge("nine", in: quitting)
        q.press(.control("g"), .control("q"))
        #expect(q.app.state.finished)
        #expect(try critic(quitting).apparentAge == "nine")

        // Ctrl-Q twice is quitting without them, as the form says.
        let dropped = try PartsScreenTests.journal()
        let before = dropped.files
        let d = onCriticsPage(dropped)
        d.type("e")
        d.press(.right, .control("q"), .control("q"))
        #expect(d.app.state.finished)
        #expect(dropped.files == before)
    }

    @Test func keepingTheGroundingAsAnEntrySavesTheFormLeftBehind() throws {
        let store = try PartsScreenTests.journal()
        let h = typingTheAge("seven", in: store)
        h.press(.control("g"))
        for _ in 0..<5 where h.stepID != "now" { h.press(.enter) }
        #expect(h.stepID == "now")
        h.type("3")
        h.press(.enter, .enter)
        #expect(h.screen.contains("Keep this as an entry"))
        h.press(.down, .enter)
        #expect(try critic(store).apparentAge == "seven")
        #expect(h.app.state.notice == "Your changes to Inner critic were saved.")
    }

    @Test func onASignalWhatCannotGoInItsFieldIsKeptInTheNotes() throws {
        let store = try PartsScreenTests.journal()
        let h = onCriticsPage(store)
        h.type("r")
        h.press(.control("u")) // the name left empty: not usable
        h.press(.tab, .tab, .tab, .tab)
        h.type("seven")
        // Meanwhile the age is written outside Haven too.
        try editOutside(store) {
            $0.apparentAge = "nine, written outside"
        }
        h.app.handleSignal(15)
        let part = try critic(store)
        #expect(part.name == "Inner critic")
        #expect(part.apparentAge == "nine, written outside")
        #expect(part.notes.hasSuffix("Typed in the part form on 2026-11-29 09:15 but not saved into its fields "
                                     + "(changed elsewhere meanwhile, or not usable as it was):\n\n- Apparent age: seven"))
    }

    @Test func afterAChangeOutsideTheFieldBeingTypedInShowsTheRecordAsItIsNow() throws {
        let store = try PartsScreenTests.journal()
        let h = onCriticsPage(store)
        h.type("e")
        h.press(.right) // role changed in the form
        h.press(.tab, .tab, .tab) // to the age, untouched
        try editOutside(store) {
            $0.role = .exile
            $0.apparentAge = "nine"
        }
        h.press(.control("s"))
        #expect(form(h)?.problem?.contains("meanwhile: role.") == true)
        #expect(form(h)?.editor.text == "nine")
        h.type("!")
        h.press(.control("s"))
        #expect(try critic(store).apparentAge == "nine!")
        #expect(try critic(store).role == .firefighter)
    }

    @Test func groundingFromTheFormComesBackToIt() throws {
        let h = onCriticsPage(try PartsScreenTests.journal())
        h.type("e")
        h.press(.tab, .tab, .tab)
        h.type("seven")
        h.press(.control("g"))
        #expect(h.session != nil)
        // The grounding moment is over the part's page, which its end goes back to.
        guard case .part? = h.app.state.navigation.underneath.first else { Issue.record("not over the page"); return }
    }

    @Test func mergingAsksThenMakesTwoPartsOne() throws {
        let store = try PartsScreenTests.journal()
        let h = onCriticsPage(store)
        h.type("M")
        #expect(h.screen.contains("Which part is the same as Inner critic?"))
        #expect(h.screen.contains("▸ the numb one"))
        h.press(.down) // 小さい子
        h.press(.up)
        h.press(.enter)
        #expect(h.screen.contains("Merge the numb one into Inner critic?"))
        h.press(.escape) // back to the list: nothing merged
        #expect(h.screen.contains("Which part is the same as Inner critic?"))
        #expect(store.files["parts/the-numb-one.md"] != nil)
        h.press(.enter, .enter)
        #expect(h.app.state.notice == "Merged: the numb one is part of Inner critic now, with its entries and history.")
        let kept = try critic(store)
        #expect(kept.mergedFrom == ["the-numb-one"])
        #expect(kept.formerNames.contains("the numb one"))
        #expect(store.files["parts/the-numb-one.md"] == nil)
        h.press(.escape)
        #expect(h.screen.contains("Parts · 2"))
        #expect(h.screen.contains("▸ ")) // the pick stays on a row that is there
    }

    @Test func linksToAMergedPartNameThePartItIsNow() throws {
        let store = try PartsScreenTests.journal()
        let small = try #require(store.loadParts().parts.first { $0.part.id == "little-one" })
        var linked = small.part
        linked.polarizedWith = ["the-numb-one"]
        _ = try store.savePart(linked, expecting: small.version)
        let h = onCriticsPage(store)
        h.type("M")
        h.press(.enter, .enter) // the numb one, merged into Inner critic
        h.press(.escape)
        h.type("m") // the map: the pull is drawn to Inner critic, once
        #expect(h.screen.contains("小さい子  ◀─▶  Inner critic") || h.screen.contains("Inner critic  ◀─▶  小さい子"))
        #expect(!h.screen.contains("the-numb-one"))
        h.press(.down)
        h.press(.enter) // a page opened from the map
        h.press(.escape)
        guard case .partsMap = h.app.state.screen else { Issue.record("Esc did not go back to the map"); return }
    }

    @Test func aNameChangedOnlyInCaseIsNotCalledAFormerName() throws {
        let store = try PartsScreenTests.journal()
        let h = onCriticsPage(store)
        h.type("r")
        h.press(.control("u"))
        h.type("inner Critic")
        h.press(.control("s"))
        #expect(h.app.state.notice == "Saved inner Critic.")
        #expect(try critic(store).formerNames == ["The Judge"])
    }

    @Test func comingBackFromGroundingSaysNothingAboutADraft() throws {
        let h = onCriticsPage(try PartsScreenTests.journal())
        h.type("e")
        h.press(.control("g"))
        for _ in 0..<5 where h.stepID != "now" { h.press(.enter) }
        h.type("3")
        h.press(.enter, .enter, .enter) // the rating, "thank you", then "go back"
        #expect(form(h) != nil)
        #expect(h.app.state.notice == nil)
    }

    @Test func escLeavesTheMergePickerWithNothingDone() throws {
        let store = try PartsScreenTests.journal()
        let before = store.files
        let h = onCriticsPage(store)
        h.type("M")
        h.press(.escape)
        guard case .part(let page) = h.app.state.screen else { Issue.record("no page"); return }
        #expect(page.merge == nil)
        #expect(store.files == before)
    }

    func check(_ h: AppHarness, _ name: String) {
        let size = h.app.state.size
        if let problem = Golden.check(h.screen, named: "\(name)-\(size.width)x\(size.height)", size: size) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    @Test(arguments: GoldenScreenTests.sizes) func goldenScreens(_ size: Size) throws {
        let store = try PartsScreenTests.journal()
        let h = onCriticsPage(store, width: size.width, height: size.height)
        h.type("e")
        h.press(.tab, .tab, .tab)
        h.type("about seven")
        check(h, "part-form")
        h.press(.escape, .escape)
        h.type("r")
        h.press(.control("u"))
        h.type("The coach")
        check(h, "part-rename")
        h.press(.control("s"))
        check(h, "part-renamed")
        h.type("M")
        check(h, "part-merge-pick")
        h.press(.enter)
        check(h, "part-merge-confirm")
        h.press(.enter)
        check(h, "part-merged")
    }
}

@Suite struct PartFormChangesTests {
    static let part = Part(id: "x", name: "X", role: .manager, feelings: ["a", "b"], notes: "kept\n")

    @Test func settingAFieldBackIsNoChange() {
        var changes = PartFormChanges(base: Self.part)
        changes.set(.feelings, "a; b")
        #expect(changes.isEmpty)
        changes.set(.role, "exile")
        #expect(changes.values == [.role: "exile"])
        changes.set(.role, "manager")
        #expect(changes.isEmpty)
    }

    @Test func textBecomesTheRecordsFields() throws {
        var changes = PartFormChanges(base: Self.part)
        changes.set(.stage, "unburdened")
        changes.set(.colour, "purple") // not a colour Haven shows: the terminal's own
        changes.set(.fears, " alone ;; ignored ")
        changes.set(.job, "line\nbreaks become spaces")
        let part = try changes.applied(to: Self.part, among: [Self.part], at: AppHarness.morning)
        #expect(part.stage == .unburdened)
        #expect(part.colour == nil)
        #expect(part.fears == ["alone", "ignored"])
        #expect(part.job == "line breaks become spaces")
        #expect(part.notes == "kept\n")
    }

    @Test func renamingToAFormerNameTakesItOffTheFormerNames() throws {
        var part = Self.part
        part.formerNames = ["Old"]
        let renamed = try PartRenaming.renamed(part, to: " old ", among: [part])
        #expect(renamed.name == "old")
        #expect(renamed.formerNames == ["X"])
        #expect(throws: PartNameProblem.empty) { try PartRenaming.renamed(part, to: " \n ", among: [part]) }
    }
}

/// Deeper work from the last days, not yet followed up, offered on the home screen.
@Suite struct FollowUpReminderTests {
    /// An entry of `flow`; deeper work reached its heart (witnessing, a letter about the past).
    static func summary(_ id: String, _ day: Int, flow: String?, parts: [PartID] = []) -> EntrySummary {
        let reached = flow.flatMap { FollowUpReminder.deeperWork[$0]?.first }.map { [DistressReading(stepID: $0, value: 3)] } ?? []
        return EntrySummary(id: EntryID(id), created: LocalDateTime(year: 2026, month: 11, day: day, hour: 20, utcOffsetMinutes: 60),
                            flow: flow, title: "", firstWords: "", parts: parts, tags: [], starred: false, selfEnergy: SelfEnergyReading(),
                            distress: reached, path: "")
    }

    @Test func aSessionThatStoppedAtTheGateAsksForNoFollowUp() {
        let gate = EntrySummary(id: "g", created: LocalDateTime(year: 2026, month: 11, day: 20, hour: 20, utcOffsetMinutes: 60),
                                flow: "witness-exile", title: "", firstWords: "", parts: ["little-one"], tags: [], starred: false,
                                selfEnergy: SelfEnergyReading(), distress: [DistressReading(stepID: "stirred-now", value: 3)], path: "")
        #expect(FollowUpReminder.pending(in: [gate], today: CalendarDay(year: 2026, month: 11, day: 21)) == nil)
    }

    @Test func offeredFromTheDayAfterForAWeekUntilAFollowUpIsWritten() {
        let work = Self.summary("w", 20, flow: "witness-exile", parts: ["guard", "little-one"])
        let day = { (d: Int) in CalendarDay(year: 2026, month: 11, day: d) }
        #expect(FollowUpReminder.pending(in: [work], today: day(20)) == nil) // the same day: not yet
        #expect(FollowUpReminder.pending(in: [work], today: day(21))?.entryID == "w")
        #expect(FollowUpReminder.pending(in: [work], today: day(27))?.entryID == "w")
        #expect(FollowUpReminder.pending(in: [work], today: day(28)) == nil) // a week on: let go
        let before = Self.summary("f0", 19, flow: "follow-up")
        let after = Self.summary("f1", 21, flow: "follow-up")
        #expect(FollowUpReminder.pending(in: [before, work], today: day(22))?.entryID == "w")
        #expect(FollowUpReminder.pending(in: [after, work], today: day(22)) == nil)
        let letter = Self.summary("l", 22, flow: "safe-haven-letter")
        #expect(FollowUpReminder.pending(in: [after, work, letter], today: day(23))?.entryID == "l") // newer work, not followed up
        #expect(FollowUpReminder.pending(in: [Self.summary("d", 21, flow: "daily-checkin")], today: day(22)) == nil)
        let parts = [Part(id: "guard", name: "Guard", role: .manager), Part(id: "little-one", name: "Little one", role: .exile)]
        let reminder = FollowUpReminder.pending(in: [work], today: day(21))
        #expect(reminder?.youngPart(among: parts, aliases: PartAliases(parts))?.name == "Little one")
    }

    @Test func afterAnUnburdeningAVisitIsOfferedEachDayForThreeWeeks() throws {
        let day = { (d: Int) in CalendarDay(year: 2026, month: 11, day: d) }
        var lighter = Part(id: "little-one", name: "Little one", role: .exile, stage: .unburdened)
        lighter.stagesReached = [StageRecord(stage: .unburdened, date: LocalDateTime(year: 2026, month: 11, day: 1, hour: 20, utcOffsetMinutes: 60))]
        #expect(UnburdeningFollowUp.pending(parts: [lighter], entries: [], today: day(1)) == nil) // not the same day
        #expect(UnburdeningFollowUp.pending(parts: [lighter], entries: [], today: day(2))?.daysSince == 1)
        #expect(UnburdeningFollowUp.pending(parts: [lighter], entries: [], today: day(22))?.daysSince == 21)
        #expect(UnburdeningFollowUp.pending(parts: [lighter], entries: [], today: day(23)) == nil) // three weeks on
        // A follow-up written today is enough for today; tomorrow it is offered again.
        let today = Self.summary("f", 10, flow: "follow-up", parts: ["little-one"])
        #expect(UnburdeningFollowUp.pending(parts: [lighter], entries: [today], today: day(10)) == nil)
        #expect(UnburdeningFollowUp.pending(parts: [lighter], entries: [today], today: day(11))?.part == "little-one")
        // A part never marked unburdened is not offered.
        #expect(UnburdeningFollowUp.pending(parts: [Part(id: "p", name: "P")], entries: [], today: day(2)) == nil)
    }

    @Test func homeOffersTheVisitAfterAnUnburdening() throws {
        let store = try PartsScreenTests.journal()
        let stored = try #require(store.loadParts().parts.first { $0.part.id == "little-one" })
        var part = stored.part
        part.stage = .unburdened
        part.stagesReached = [StageRecord(stage: .unburdened, date: LocalDateTime(year: 2026, month: 11, day: 26, hour: 20, utcOffsetMinutes: 60))]
        _ = try store.savePart(part, expecting: stored.version)
        #expect(AppHarness(store: store).screen.contains("A visit to 小さい子 today, if you like (f).")) // a narrow window
        let h = AppHarness(width: 120, height: 40, store: store)
        #expect(h.screen.contains("小さい子 set down what it carried 3 days ago. A short visit today, if you like (f)."))
        h.type("f")
        #expect(h.session?.run.rootFlowID == "follow-up")
    }

    @Test func homeOffersItGentlyAndFStartsTheFollowUp() throws {
        let store = try PartsScreenTests.journal()
        _ = try store.createEntry(Entry(id: "20261127-200000-wwww", created: LocalDateTime(year: 2026, month: 11, day: 27, hour: 20, utcOffsetMinutes: 60),
                                        flow: "witness-exile", title: "With the little one", parts: ["inner-critic", "little-one"],
                                        distress: [DistressReading(stepID: "witness-stirred", value: 4)]))
        let h = AppHarness(store: store)
        #expect(h.screen.contains("After your time with 小さい子 on 27 Nov: a follow-up visit, if you like (f)."))
        h.type("f")
        #expect(h.session?.run.rootFlowID == "follow-up")
        for size in GoldenScreenTests.sizes {
            let sized = AppHarness(width: size.width, height: size.height, store: store)
            if let problem = Golden.check(sized.screen, named: "home-follow-up-\(size.width)x\(size.height)", size: size) {
                Issue.record(Comment(rawValue: problem))
            }
        }
    }
}
