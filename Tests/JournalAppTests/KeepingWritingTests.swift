import JournalApp
import JournalCore
import Testing
import TerminalUI

/// Whatever path the person takes (finish early, ground, go back, quit, resume, change an answer),
/// what they wrote is kept.
@Suite struct KeepingWritingTests {
    func entryText(_ h: AppHarness) -> String { h.entryTexts.first ?? "" }

    @Test func saveAndFinishKeepsTheAnswerBeingTyped() {
        let h = AppHarness()
        h.press(.enter, .enter)
        h.type("typed, then Ctrl-S")
        h.press(.control("s"))
        #expect(h.screen.contains("typed, then Ctrl-S"))
        h.press(.enter)
        #expect(entryText(h).contains("typed, then Ctrl-S"))
    }

    @Test func quittingDuringAGroundingBreakKeepsTheInterruptedAnswerAndPlace() {
        let h = AppHarness()
        h.press(.enter, .enter)
        h.type("written before grounding")
        h.press(.control("g"), .enter) // into the grounding flow
        h.press(.control("q"))
        let again = AppHarness(store: h.store)
        again.press(.character("r"))
        #expect(again.stepID == "arriving")
        #expect(again.screen.contains("written before grounding"))
    }

    /// What a crash (kill -9) leaves is the last draft written: it must hold an answered step in
    /// the run only, never also as the next step's unfinished text.
    @Test func theDraftWrittenOnAnAnswerDoesNotCarryItIntoTheNextQuestion() throws {
        let h = AppHarness()
        h.press(.enter, .enter)
        h.type("It plans everything")
        h.press(.control("d"))
        let draft = try #require(h.store.loadDrafts().drafts.first)
        #expect(draft.pendingAnswer == nil)
        #expect(draft.run.answers.last?.value == .text("It plans everything"))
        let again = AppHarness(store: h.store) // as after kill -9: only the files are left
        again.press(.character("r"))
        #expect(again.stepID != "arriving")
        #expect(!again.screen.contains("It plans everything"))
    }

    @Test func textTypedBeforeAGroundingBreakIsWrittenAtOnce() throws {
        let h = AppHarness()
        h.press(.enter, .enter)
        h.type("typed before grounding")
        h.press(.control("g")) // nothing else: a kill now must not lose it
        let draft = try #require(h.store.loadDrafts().drafts.first)
        #expect(draft.pendingAnswer == "typed before grounding")
        #expect(draft.run.frames.map(\.flowID) == ["daily-checkin"])
    }

    @Test func savingADraftAsItIsKeepsItsUnfinishedAnswer() {
        let h = AppHarness()
        h.press(.enter, .enter)
        h.type("only typed, never submitted")
        h.press(.control("q"))
        let again = AppHarness(store: h.store)
        again.press(.character("s"), .enter)
        #expect(again.screen.contains("Saved."))
        #expect(entryText(again).contains("only typed, never submitted"))
    }

    @Test func goingBackKeepsWhatWasTypedOnTheStepLeft() {
        let h = AppHarness()
        h.press(.enter, .enter)
        h.type("first")
        h.press(.control("d"))
        h.type("5"); h.press(.enter)
        h.type("not submitted yet") // self-check step: digits only, so type into a text step instead
        h.press(.control("k"))      // skip the self-check
        h.type("Worrier"); h.press(.enter)
        h.type("half a thought")
        h.press(.escape)            // back from "What is Worrier doing"
        #expect(h.stepID == "around")
        h.press(.enter)             // the part again
        #expect(h.stepID == "part-doing")
        #expect(h.screen.contains("half a thought"))
    }

    @Test func answersBeyondAPauseAreOfferedAgainAfterGoingBack() {
        let h = AppHarness()
        h.press(.enter, .enter)
        h.type("arriving words")
        h.press(.control("d"))
        h.press(.control("b"))      // back to "arriving" (over nothing)
        h.press(.control("b"))      // back over the pause to the start
        #expect(h.stepID == "settle")
        h.press(.enter)             // the pause again
        #expect(h.screen.contains("arriving words"))
    }

    @Test func changingAnAnswerFromTheReviewKeepsTheLaterOnes() {
        let h = AppHarness()
        UpdateLoopTests.completeCheckIn(h)
        h.press(.down, .down)       // the Self check
        h.press(.character("c"))
        #expect(h.stepID == "self-energy")
        h.type("9")
        h.press(.control("s"))      // straight back to the review
        #expect(h.screen.contains("self_energy: {calm: 9, curiosity: 7, connectedness: 5}"))
        h.press(.enter)
        let text = entryText(h)
        #expect(text.contains("The worrier") && text.contains("Checking the stove") && text.contains("Thanks, sun"))
        #expect(text.contains("calm: 9"))
    }

    @Test func aLongAnswerCanBeReadWholeOnTheReview() {
        let h = AppHarness()
        h.press(.enter, .enter)
        let lines = (1...60).map { "line \($0) of a long answer" }
        h.send(.paste(lines.joined(separator: "\n")))
        h.press(.control("s"))
        var seen = Set<String>()
        for _ in 0..<10 {
            for line in lines where h.screen.contains(line + "\n") || h.screen.hasSuffix(line) { seen.insert(line) }
            h.press(.pageDown)
        }
        #expect(seen.count == 60)
    }

    @Test func aDraftSavedFromTheReviewResumesAtTheReview() {
        let h = AppHarness()
        UpdateLoopTests.completeCheckIn(h)
        h.press(.control("c"))
        let again = AppHarness(store: h.store)
        again.press(.character("r"))
        #expect(again.screen.contains("Review your entry"))
    }

    @Test func groundingFromTheReviewComesBackToIt() {
        let h = AppHarness()
        UpdateLoopTests.completeCheckIn(h)
        h.press(.control("g"))
        #expect(h.screen.contains("Let's set everything else down"))
        for _ in 0..<5 { h.press(.enter) }
        h.type("2"); h.press(.enter, .enter)
        #expect(h.screen.contains("Back to the review"))
        h.press(.enter)
        #expect(h.screen.contains("Review your entry"))
        h.press(.enter)
        #expect(entryText(h).contains("{step: grounding.now, value: 2}"))
        #expect(entryText(h).contains("Thanks, sun"))
    }

    @Test func groundingFromHomeGoesBackHomeAndSavesNothingUnasked() {
        let h = AppHarness()
        h.press(.control("g"))
        for _ in 0..<5 { h.press(.enter) }
        h.type("3"); h.press(.enter, .enter)
        #expect(h.screen.contains("Go back to where I was"))
        h.press(.enter)
        #expect(h.screen.contains("Begin today's check-in"))
        #expect(h.entryTexts.isEmpty)
        #expect(h.draftFiles.isEmpty)
    }

    @Test func anEmptyPartNameChoosesNoPartForThePerson() throws {
        let store = try GoldenScreenTests.journalWithHistory()
        let h = AppHarness(store: store)
        h.press(.enter, .enter, .control("k"))
        h.type("2"); h.press(.enter, .control("k"))
        #expect(h.stepID == "around")
        h.press(.enter)
        #expect(h.stepID == "around")
        #expect(h.screen.contains("pick a part with ↓"))
        h.press(.down, .enter)
        #expect(h.stepID == "part-doing")
    }

    @Test func keysDoNothingUnseenInATooSmallWindow() {
        let h = AppHarness()
        h.resize(30, 8)
        h.press(.enter, .enter, .character("x"))
        #expect(h.session == nil)
        h.resize(80, 24)
        #expect(h.screen.contains("Begin today's check-in"))
    }

    @Test func newPartsGetAColour() throws {
        let h = AppHarness()
        UpdateLoopTests.completeCheckIn(h)
        h.press(.enter)
        let part = try PartFormat.parse(try #require(h.store.files["parts/the-worrier.md"]))
        #expect(part.colour == "cyan")
    }
}

@Suite struct KeepingWritingMoreTests {
    @Test func goingBackTwiceStillOffersEverythingAgain() {
        let h = AppHarness()
        UpdateLoopTests.completeCheckIn(h)
        h.press(.character("c"))           // the first answer
        h.press(.control("b"))             // and once more back
        h.press(.control("s"))             // straight to the review
        let text = h.screen
        #expect(text.contains("Review your entry"))
        h.press(.enter)
        let saved = h.entryTexts.first ?? ""
        for words in ["Tired but here", "The worrier", "Checking the stove", "chest", "Thanks, sun"] {
            #expect(saved.contains(words), "lost \(words)")
        }
    }

    @Test func typedTextSurvivesBackAndBackAgain() {
        let h = AppHarness()
        h.press(.enter, .enter)
        h.type("first")
        h.press(.control("d"))
        h.type("5"); h.press(.enter, .control("k"))
        h.type("Worrier"); h.press(.enter)
        h.type("typed on part-doing")
        h.press(.control("b"), .control("b")) // back to the part, then to how caught up in one
        h.press(.control("k"), .enter)        // skipped again, then the part again, then part-doing
        #expect(h.stepID == "part-doing")
        #expect(h.screen.contains("typed on part-doing"))
    }

    @Test func finishingDuringAGroundingBreakKeepsTheInterruptedAnswer() {
        let h = AppHarness()
        h.press(.enter, .enter)
        h.type("words before grounding")
        h.press(.control("g"), .enter, .enter)
        h.press(.control("s"))
        #expect(h.screen.contains("words before grounding"))
    }

    @Test func goingBackOutOfGroundingGivesTheTextBack() {
        let h = AppHarness()
        h.press(.enter, .enter)
        h.type("words before grounding")
        h.press(.control("g"), .control("b"))
        #expect(h.stepID == "arriving")
        #expect(h.screen.contains("words before grounding"))
    }

    @Test func draftsWrittenDuringABreakCarryTheSetAsideText() throws {
        let h = AppHarness()
        h.press(.enter, .enter)
        h.type("set aside")
        h.press(.control("g"), .enter, .enter) // answers inside grounding write drafts
        let draft = try DraftFormat.parse(try #require(h.store.files[h.draftFiles.first ?? ""]))
        #expect(draft.pendingAnswer == "set aside")
        #expect(draft.run.frames.map(\.flowID) == ["daily-checkin"]) // resumes at the interrupted step
    }

    @Test func reachingTheReviewWritesADraft() throws {
        let h = AppHarness()
        h.press(.enter, .enter)
        h.type("only at the review")
        h.press(.control("s"))
        let draft = try DraftFormat.parse(try #require(h.store.files[h.draftFiles.first ?? ""]))
        #expect(draft.run.answers.map(\.value) == [.text("only at the review")])
    }

    @Test func aTypedNameFirstOffersTheMatchingPart() throws {
        let store = try GoldenScreenTests.journalWithHistory()
        let h = AppHarness(store: store)
        h.press(.enter, .enter, .control("k"))
        h.type("2"); h.press(.enter, .control("k"))
        h.type("Inner")
        h.press(.enter)
        #expect(h.session?.run.answers.last?.value == .part(.known("inner-critic")))
    }
}
