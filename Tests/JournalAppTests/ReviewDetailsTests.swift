import JournalApp
import JournalCore
import Testing
import TerminalUI

/// The review sets an entry's details: its tags (written as #tag, or added and taken off with
/// `t`), a title of one's own (`n`) and when it happened (`w`).
@Suite struct ReviewDetailsTests {
    /// An evening review with tags in its first answer, at its review.
    func atTheReview() -> AppHarness {
        let h = AppHarness()
        h.begin("evening-review")
        h.press(.enter) // the pause
        h.type("A walk with @Sam #outside")
        h.press(.control("d"))
        h.press(.control("s"))
        guard case .review = h.app.state.screen else { Issue.record("not the review"); return h }
        return h
    }

    @Test func tagsWrittenInAnswersShowAndCanBeChanged() throws {
        let h = atTheReview()
        #expect(h.screen.contains("tags: [Sam, outside]"))
        h.type("t")
        #expect(h.screen.contains("Tags: Sam, outside"))
        h.press(.control("u"))
        h.type("Sam, family")
        h.press(.enter)
        #expect(h.screen.contains("tags: [Sam, family]"))
        h.type("t") // the field shows the tags as they are now
        #expect(h.screen.contains("Tags: Sam, family"))
        h.press(.escape)
        h.press(.enter) // save
        let entry = try EntryFormat.parse(try #require(h.entryTexts.first))
        #expect(entry.tags == ["Sam", "family"])
        #expect(entry.title == "A walk with @Sam #outside")
    }

    @Test func groundingFromADetailBeingTypedKeepsTheTyping() {
        let h = atTheReview()
        h.type("n")
        h.type("A walk at dusk")
        h.press(.control("g"))
        #expect(h.session?.run.frames.last?.flowID == "grounding")
        for _ in 0..<5 { h.press(.enter) }
        h.type("2"); h.press(.enter, .enter) // through the grounding (as KeepingWritingTests does)
        #expect(h.screen.contains("Back to the review"))
        h.press(.enter)
        guard case .review(let review) = h.app.state.screen else { Issue.record("not the review"); return }
        #expect(review.detail?.detail == .title)
        #expect(h.screen.contains("Title: A walk at dusk"))
        h.press(.enter)
        #expect(h.screen.contains("title: A walk at dusk"))
    }

    @Test func aTitleOfOnesOwnAndADateInThePast() throws {
        let h = atTheReview()
        h.type("n")
        h.type("Sunday, finally")
        h.press(.enter)
        #expect(h.screen.contains("title: \"Sunday, finally\""))
        h.type("w")
        #expect(h.screen.contains("When: 2026-11-29 09:15"))
        h.press(.control("u"))
        h.type("tomorrow")
        h.press(.enter)
        #expect(h.words.contains("'tomorrow' is not a date"))
        h.press(.control("u"))
        h.type("yesterday 18:30")
        h.press(.enter)
        #expect(h.screen.contains("created: 2026-11-28T18:30:00+01:00"))
        h.press(.enter)
        let path = try #require(h.store.files.keys.first { $0.hasPrefix("entries/") })
        #expect(path.hasPrefix("entries/2026/11/20261128-183000-"))
        let entry = try EntryFormat.parse(try #require(h.store.files[path]))
        #expect(entry.id.rawValue.hasPrefix("20261128-183000-")) // the id tells the date, as for --date
        #expect(h.draftFiles.isEmpty && h.store.trash.keys.contains { $0.hasPrefix("trash/drafts/") })
        #expect(entry.title == "Sunday, finally")
        #expect(entry.created == LocalDateTime(year: 2026, month: 11, day: 28, hour: 18, minute: 30, utcOffsetMinutes: 60))
    }

    @Test func theDetailsAreKeptInTheDraft() throws {
        let h = atTheReview()
        h.type("n")
        h.type("Kept")
        h.press(.enter)
        h.press(.control("q"))
        let again = AppHarness(store: h.store)
        again.type("r") // waiting at the review
        #expect(again.screen.contains("title: Kept"))
    }

    @Test func theTagFilterListsTheTagsInUse() throws {
        let h = atTheReview()
        h.press(.enter, .enter) // saved, home
        h.type("l")
        h.type("f")
        h.press(.down, .down, .down) // from, to, part, tag
        #expect(h.screen.contains("In use: outside (1), Sam (1)"))
    }
}

/// Free writing: a blank page, then, if the person likes, which parts were there.
@Suite struct FreeWritingTests {
    @Test func aBlankPageThenThePartsThatWereThere() throws {
        let h = AppHarness()
        #expect(h.app.homeChoices.contains { $0.id == "free-writing" })
        h.begin("free-writing")
        #expect(h.screen.contains("Write whatever is here."))
        h.type("The meeting, again. #work")
        h.press(.enter)
        h.type("And then the walk home.")
        h.press(.control("d"))
        #expect(h.screen.contains("Were any parts of you there as you wrote?"))
        h.press(.enter) // yes, name them
        h.type("The worrier"); h.press(.enter)
        h.press(.enter) // another one
        h.type("The planner"); h.press(.enter)
        h.press(.down, .enter) // that's all
        guard case .review = h.app.state.screen else { Issue.record("not the review: \(h.app.state.screen)"); return }
        h.press(.enter)
        let entry = try EntryFormat.parse(try #require(h.entryTexts.first))
        #expect(entry.title == "The meeting, again. #work" && entry.tags == ["work"])
        #expect(entry.parts == ["the-worrier", "the-planner"])
        #expect(h.store.files["parts/the-planner.md"] != nil)
    }

    @Test func noPartsIsAnAnswerToo() throws {
        let h = AppHarness()
        h.begin("free-writing")
        h.type("Just this.")
        h.press(.control("d"), .down, .enter)
        guard case .review = h.app.state.screen else { Issue.record("not the review"); return }
        h.press(.enter)
        let entry = try EntryFormat.parse(try #require(h.entryTexts.first))
        #expect(entry.parts.isEmpty && entry.flow == "free-writing")
    }

    @Test func aSessionBegunWithADateIsDatedSo() throws {
        let h = AppHarness()
        let yesterday = LocalDateTime(year: 2026, month: 11, day: 28, hour: 21, minute: 0, utcOffsetMinutes: 60)
        for effect in h.app.begin(flowID: "free-writing", at: yesterday) { _ = h.app.perform(effect, terminal: h.terminal) }
        h.type("Late")
        h.press(.control("d"), .down, .enter, .enter)
        let path = try #require(h.store.files.keys.first { $0.hasPrefix("entries/") })
        #expect(path.hasPrefix("entries/2026/11/20261128-210000-free-writing"))
    }
}
