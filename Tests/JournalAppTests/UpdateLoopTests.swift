import JournalApp
import JournalCore
import Testing
import TerminalUI

/// The app driven by key messages: state, screens and effects, with no terminal and no sleeps.
@Suite struct UpdateLoopTests {
    /// Keys for a calm daily check-in, from the home screen to the review.
    static func completeCheckIn(_ h: AppHarness) {
        h.press(.enter)                 // Begin today's check-in
        h.press(.enter)                 // the opening pause
        h.type("Tired but here")
        h.press(.control("d"))          // done with the long answer
        h.type("4"); h.press(.enter)    // stirred
        h.type("6"); h.press(.down); h.type("7"); h.press(.down, .down); h.type("5"); h.press(.enter) // calm 6, curiosity 7, connectedness 5
        h.type("The worrier"); h.press(.enter)
        h.type("Checking the stove"); h.press(.control("d"))
        h.type("chest"); h.press(.enter)
        h.press(.enter)                 // a first impression of the new part: skipped
        h.type("2")                     // no other part is here: a digit chooses and goes on
        h.type("2"); h.press(.enter)    // how caught up in a part
        h.type("Thanks, sun"); h.press(.enter)
        h.press(.enter)                 // closing message
    }

    @Test func theFirstRunWelcomeIsShownOnceThenHome() {
        let h = AppHarness(welcomeSeen: false)
        #expect(h.screen.contains("Welcome to Haven"))
        #expect(h.screen.contains("not therapy and not a crisis service"))
        #expect(h.screen.contains("Ctrl-G"))
        h.press(.enter)
        #expect(h.effects.contains(.markWelcomeSeen))
        #expect(h.screen.contains("Begin today's check-in"))
    }

    @Test func aDailyCheckInWithKeysIsSavedAfterTheReview() throws {
        let h = AppHarness()
        Self.completeCheckIn(h)
        guard case .review = h.app.state.screen else {
            Issue.record("expected the review screen, got \(h.app.state.screen)")
            return
        }
        #expect(h.screen.contains("Review your entry"))
        #expect(h.screen.contains("## How are you arriving today? {#arriving}"))
        #expect(h.draftFiles == ["drafts/20261129-091500-0001.json"]) // saved after every answer
        let draftSaves = h.effects.filter { if case .saveDraft = $0 { return true } else { return false } }
        #expect(draftSaves.count == 13) // one after every step (12), and one on reaching the review
        h.press(.enter) // save
        #expect(h.screen.contains("Saved. Thank you for taking this time."))
        #expect(h.screen.contains("~/.local/share/haven/entries/2026/11/20261129-091500-daily-checkin.md"))
        let text = try #require(h.entryTexts.first)
        #expect(text.contains("self_energy: {calm: 6, curiosity: 7, connectedness: 5}"))
        #expect(text.contains("## Which part of you is most around today? {#around}\n\nThe worrier\n"))
        #expect(text.contains("## Where do you notice The worrier in your body, if anywhere? {#part-body}\n\nchest\n"))
        #expect(h.draftFiles.isEmpty)
        #expect(h.store.files["parts/the-worrier.md"] != nil)
        h.press(.enter)
        #expect(h.screen.contains("Recent entries"))
        #expect(h.screen.contains("Tired but here · The worrier")) // its own words, not the flow's name
    }

    @Test func backKeepsTheAnswerAndSkipMovesOn() {
        let h = AppHarness()
        h.press(.enter, .enter)
        h.type("First words")
        h.press(.control("d"))
        #expect(h.stepID == "stirred")
        h.press(.control("b"))
        #expect(h.stepID == "arriving")
        #expect(h.screen.contains("First words"))
        h.press(.control("k")) // skip: "I don't know"
        #expect(h.stepID == "stirred")
        #expect(h.session?.run.answers.last?.value == .skipped)
    }

    @Test func anAnswerThatDoesNotFitGetsAGentleHint() {
        let h = AppHarness()
        h.press(.enter, .enter, .control("k"))
        #expect(h.stepID == "stirred")
        h.press(.enter)
        #expect(h.stepID == "stirred")
        #expect(h.screen.contains("choose a number with the arrows or digits, or Ctrl-K to skip"))
        h.press(.right, .right, .enter) // from the middle: 6
        #expect(h.session?.run.answers.last?.value == .number(6))
    }

    @Test func theGroundingKeyPausesAndOffersAWayBack() {
        let h = AppHarness()
        h.press(.enter, .enter)
        h.type("half a thought")
        h.press(.control("g"))
        #expect(h.screen.contains("Let's set everything else down for a moment."))
        #expect(h.screen.contains("Daily check-in › Ground and steady"))
        h.press(.enter, .enter, .enter, .enter, .enter) // message, three pauses, message
        h.type("3"); h.press(.enter)
        h.press(.enter) // thank-you message
        #expect(h.screen.contains("Welcome back."))
        h.press(.enter) // return to where I was
        #expect(h.stepID == "arriving")
        #expect(h.screen.contains("half a thought"))
    }

    @Test func afterGroundingThePersonCanSaveAndClose() {
        let h = AppHarness()
        h.press(.enter, .enter)
        h.type("enough for today")
        h.press(.control("d"))
        h.press(.control("g"))
        for _ in 0..<5 { h.press(.enter) }
        h.type("2"); h.press(.enter, .enter)
        h.press(.down, .enter) // save what I have and close for now: the review first
        #expect(h.screen.contains("Review your entry"))
        h.press(.enter)
        #expect(h.screen.contains("Saved."))
        #expect(h.entryTexts.first?.contains("enough for today") == true)
        #expect(h.entryTexts.first?.contains("{step: grounding.now, value: 2}") == true)
    }

    @Test func highDistressInTheFlowOffersGrounding() {
        let h = AppHarness()
        h.press(.enter, .enter, .control("k"))
        h.type("9"); h.press(.enter)
        #expect(h.screen.contains("Would you like to take a minute to"))
        h.type("1") // a digit chooses and continues
        #expect(h.screen.contains("Let's set everything else down"))
    }

    @Test func changingAnAnswerFromTheReview() throws {
        let h = AppHarness()
        Self.completeCheckIn(h)
        h.press(.character("c")) // the first answer is highlighted
        #expect(h.stepID == "arriving")
        #expect(h.screen.contains("Tired but here"))
        h.press(.control("u"))
        h.type("Rested, actually")
        h.press(.control("d"))
        // Later answers are offered again on the way forward.
        #expect(h.stepID == "stirred")
        #expect(h.screen.contains("Your answer: 4"))
        h.press(.control("s")) // save & finish from here
        #expect(h.screen.contains("Review your entry"))
        h.press(.enter)
        let text = try #require(h.entryTexts.first)
        #expect(text.contains("Rested, actually"))
        #expect(!text.contains("Tired but here"))
    }

    @Test func resizingMidAnswerKeepsTheTextAndTheCursor() {
        let h = AppHarness()
        h.press(.enter, .enter)
        h.type("A long answer that will wrap differently at another width, with 中文 and 😀 too.")
        let before = h.session?.input
        h.resize(50, 16)
        #expect(h.session?.input == before)
        #expect(h.screen.contains("中文 and 😀"))
        h.resize(30, 10)
        #expect(h.screen.contains("Haven needs a bigger window"))
        h.resize(100, 30)
        #expect(h.session?.input == before)
        #expect(h.frame.cursor != nil)
    }

    @Test func quittingMidSessionKeepsADraftThatResumes() throws {
        let h = AppHarness()
        h.press(.enter, .enter)
        h.type("Tired")
        h.press(.control("d"))
        h.type("5")
        h.press(.control("c"))
        #expect(h.app.isFinished)
        #expect(h.draftFiles.count == 1)

        let again = AppHarness(store: h.store)
        #expect(again.screen.contains("You have an unfinished session (Daily check-in) from 29 Nov 09:15"))
        again.press(.character("r"))
        #expect(again.stepID == "stirred")
        #expect(again.session?.run.answers.map(\.value) == [.text("Tired")])
        again.type("5"); again.press(.enter)
        #expect(again.stepID == "self-energy")
    }

    @Test func aDraftCanBeSavedAsItIsOrDiscarded() {
        let h = AppHarness()
        h.press(.enter, .enter)
        h.type("Just this")
        h.press(.control("d"), .control("q"))

        let save = AppHarness(store: h.store)
        save.press(.character("s"))
        #expect(save.screen.contains("Review your entry")) // saving always shows the entry first
        save.press(.enter)
        #expect(save.screen.contains("Saved."))
        #expect(save.entryTexts.first?.contains("Just this") == true)

        let other = AppHarness()
        other.press(.enter, .enter)
        other.type("Not this")
        other.press(.control("d"), .control("q"))
        let discard = AppHarness(store: other.store)
        discard.press(.character("d"), .character("y")) // asked once
        #expect(discard.screen.contains("moved to the trash. u brings it back."))
        #expect(discard.draftFiles.isEmpty)
        #expect(discard.store.trash.keys.contains { $0.hasPrefix("trash/drafts/") })
        #expect(!discard.screen.contains("You have an unfinished session"))
    }

    @Test func aSignalSavesTheDraft() {
        let h = AppHarness()
        h.press(.enter, .enter)
        h.type("mid-sentence")
        h.app.handleSignal(15)
        #expect(h.app.isFinished)
        #expect(h.draftFiles.count == 1)
    }

    @Test func theHelpScreenComesFromTheKeymap() {
        let h = AppHarness()
        h.press(.enter, .enter)
        h.press(.function(1))
        #expect(h.app.state.showHelp)
        // Taller than 80x24: ↓ scrolls it, and every key shows on the way down, the editor's too.
        var seen = h.screen
        #expect(seen.contains("↓ more"))
        for _ in 0..<20 {
            h.press(.down)
            seen += h.screen
        }
        #expect(h.app.state.showHelp)
        #expect(h.screen.contains("↑ back up"))
        for row in h.app.activeKeys.helpRows {
            #expect(seen.contains(row.help), "help screen misses \(row.help)")
        }
        for key in ["Ctrl-A", "Delete", "Tab", "Ctrl-W"] { #expect(seen.contains(key), "help misses \(key)") }
        h.press(.character("x"))
        #expect(!h.app.state.showHelp)
        guard case .text(let editor)? = h.session?.input else {
            Issue.record("no editor")
            return
        }
        #expect(editor.text == "") // the key only closed the help screen
    }

    @Test func theEditorKeyRunsTheExternalEditor() {
        let h = AppHarness()
        h.press(.enter, .enter)
        h.type("draft")
        h.editorResult = .success("rewritten in vim")
        h.press(.control("e"))
        #expect(h.terminal.suspensions == 1)
        #expect(h.screen.contains("rewritten in vim"))
        h.editorResult = .failure(EditorFailure("The editor 'nano' stopped with status 1"))
        h.press(.control("e"))
        #expect(h.screen.contains("rewritten in vim"))
        #expect(h.screen.contains("stopped with status 1"))
    }

    @Test func aLongPasteIsOneEdit() {
        let h = AppHarness()
        h.press(.enter, .enter)
        let pasted = (1...300).map { "Line \($0) of a long paste with 日本語." }.joined(separator: "\n")
        h.send(.paste(pasted))
        guard case .text(let editor)? = h.session?.input else {
            Issue.record("no editor")
            return
        }
        #expect(editor.text == pasted)
        #expect(h.screen.contains("Line 300 of a long paste"))
    }

    @Test func aPauseCountsDownGentlyAndCanBeSkipped() {
        let h = AppHarness()
        h.press(.enter)
        #expect(h.screen.contains("15 s · Enter when you are ready"))
        h.wait(milliseconds: 5_000)
        #expect(h.screen.contains("10 s · Enter when you are ready"))
        h.wait(milliseconds: 11_000)
        #expect(h.screen.contains("Take the time you need. Enter when you are ready."))
        #expect(h.stepID == "settle") // never moves on by itself
        h.press(.enter)
        #expect(h.stepID == "arriving")
    }
}

@Suite struct FirstRunTests {
    @Test func aFlowAskedForOnTheCommandLineStartsAfterTheWelcome() {
        let h = AppHarness(welcomeSeen: false)
        _ = h.app.begin(flowID: "unblending")
        #expect(h.screen.contains("Welcome to Haven"))
        h.press(.enter)
        #expect(h.session?.run.rootFlowID == "unblending")
        #expect(h.screen.contains("Which part would you like to spend a few minutes with?"))
    }
}

@Suite struct GroundingAgainTests {
    @Test func groundingAgainFromTheOfferStillGivesTheAnswerBack() {
        let h = AppHarness()
        h.press(.enter, .enter)
        h.type("kept through two breaks")
        h.press(.control("g"))
        for _ in 0..<5 { h.press(.enter) }
        h.type("6"); h.press(.enter, .enter)
        #expect(h.screen.contains("Welcome back."))
        #expect(h.screen.contains("Ctrl-G ground"))
        h.press(.control("g")) // once more
        #expect(h.screen.contains("Let's set everything else down"))
        for _ in 0..<5 { h.press(.enter) }
        h.type("3"); h.press(.enter, .enter)
        h.press(.enter) // return to where I was
        #expect(h.stepID == "arriving")
        #expect(h.screen.contains("kept through two breaks"))
    }
}

@Suite struct SeveralChoicesTypingTests {
    /// On "what came up in you?", words typed anywhere go to the person's own words.
    @Test func lettersTypedOnATickBoxGoToTheirOwnWords() {
        let flow = PromptSource(name: "m.yaml", text: """
            id: m
            title: Several
            steps:
              - id: came-up
                type: multi-choice
                text: What came up in you?
                options: [A feeling, A thought]
                other: true
            """)
        let h = AppHarness(library: FlowLibrary(sources: [flow]))
        h.press(.enter)
        h.type("1")
        h.type("shame")
        h.press(.enter)
        #expect(h.session?.run.answers.last?.value == .choices(["A feeling", "shame"]) || h.screen.contains("shame"))
        guard case .review(let review) = h.app.state.screen else { Issue.record("expected the review"); return }
        #expect(review.entryText.contains("- A feeling\n- shame"))
    }
}
