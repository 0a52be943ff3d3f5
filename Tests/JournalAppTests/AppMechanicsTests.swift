import JournalApp
import JournalCore
import Testing
import TerminalUI

/// How the app moves through a session, shown on two small flows written for the test (the
/// shipped flows have their own transcript tests): answering, back, skip, finishing early, a
/// grounding break and leaving, with the effects each asks for.
@Suite("App mechanics on small flows")
struct AppMechanicsTests {
    static let library = FlowLibrary(sources: [
        PromptSource(name: "two-questions.yaml", text: """
        id: two-questions
        title: Two questions
        description: A test flow.
        steps:
          - id: first
            type: text
            text: What is here?
          - id: second
            type: long-text
            text: And then?
        """),
        PromptSource(name: "grounding.yaml", text: """
        id: grounding
        title: Ground
        description: A test grounding.
        steps:
          - id: breathe
            type: message
            text: Breathe out slowly.
        """),
    ])

    static func isSaveDraft(_ effect: AppEffect) -> Bool { if case .saveDraft = effect { true } else { false } }
    static func isSaveSession(_ effect: AppEffect) -> Bool { if case .saveSession = effect { true } else { false } }

    @Test func theTestFlowsRead() {
        #expect(Self.library.problems.isEmpty, "\(Self.library.problems)")
        #expect(Self.library.flow("two-questions") != nil)
    }

    func started() -> AppHarness {
        let h = AppHarness(library: Self.library)
        h.begin("two-questions")
        #expect(h.app.state.notice == nil, "\(h.app.state.notice ?? "")")
        return h
    }

    @Test func eachAnswerIsKeptInTheDraftAndSavingAsksOnce() {
        let h = started()
        #expect(h.stepID == "first")
        h.expectEffects([Self.isSaveDraft], "an answer") {
            h.type("calm")
            h.press(.enter)
        }
        #expect(h.stepID == "second")
        h.type("more")
        // Ctrl-D answers the last step: the review, with the draft written on the way.
        h.expectEffects([Self.isSaveDraft, Self.isSaveDraft], "the last answer") { h.press(.control("d")) }
        guard case .review = h.app.state.screen else { Issue.record("not the review"); return }
        h.expectEffects([Self.isSaveSession, { if case .loadHome = $0 { true } else { false } }], "saving") { h.press(.enter) }
        #expect(h.screen.contains("Saved."))
        #expect(h.entryTexts.count == 1 && h.entryTexts[0].contains("calm") && h.entryTexts[0].contains("more"))
    }

    @Test func backOffersTheAnswerAgainAndSkipIsAnAnswer() {
        let h = started()
        h.type("calm")
        h.press(.enter)
        h.press(.control("b"))
        #expect(h.stepID == "first")
        guard case .text(let editor)? = h.session?.input else { Issue.record("no editor"); return }
        #expect(editor.text == "calm")
        h.press(.enter, .control("k")) // the second skipped
        guard case .review(let review) = h.app.state.screen else { Issue.record("not the review"); return }
        #expect(review.session.run.answers.map(\.stepID) == ["first", "second"])
    }

    @Test func aGroundingBreakIsAPushAndItsEndGoesBackToTheStep() {
        let h = started()
        h.type("half an ans")
        let depth = h.app.state.navigation.screens.count
        h.press(.control("g"))
        #expect(h.session?.run.frames.last?.flowID == "grounding")
        h.press(.enter) // the grounding's one message: then the offer
        #expect(h.screen.contains("Return to where I was"))
        h.press(.enter)
        #expect(h.stepID == "first")
        guard case .text(let editor)? = h.session?.input else { Issue.record("no editor"); return }
        #expect(editor.text == "half an ans")
        #expect(h.app.state.navigation.screens.count == depth)
    }

    @Test func groundingFromAScreenPopsBackToIt() {
        let h = AppHarness(library: Self.library)
        h.type("p") // the parts list
        guard case .parts = h.app.state.screen else { Issue.record("no parts list"); return }
        h.press(.control("g"))
        #expect(h.app.state.navigation.screens.count == 3) // home, parts, the grounding moment
        h.press(.enter, .enter) // through it, then "go back"
        guard case .parts = h.app.state.screen else { Issue.record("not back on the parts list"); return }
        #expect(h.draftFiles.isEmpty) // the moment's own draft is put away unasked
    }

    @Test func leavingKeepsADraftAndGoesHome() {
        let h = started()
        h.type("calm")
        h.press(.enter)
        h.press(.control("x"), .enter) // "Leave for now"
        guard case .home = h.app.state.screen else { Issue.record("not home"); return }
        #expect(h.app.state.navigation.screens.count == 1)
        #expect(h.draftFiles.count == 1)
    }
}

extension AppMechanicsTests {
    @Test func readingEditingAndDeletingAskForOneEffectEach() throws {
        let store = InMemoryJournalStore()
        _ = try store.createEntry(Entry(id: EntryID("20261128-210000-two-questions"), created: AppHarness.morning, flow: "two-questions",
                                        title: "An evening", sections: [EntrySection(stepID: "first", heading: "What is here?", text: "calm")]))
        let h = AppHarness(store: store, library: Self.library)
        h.type("l")
        h.expectEffects([{ if case .openEntry = $0 { true } else { false } }], "reading") { h.press(.enter) }
        h.editorResult = .success("not an entry at all")
        h.expectEffects([{ if case .editEntry(_, retry: nil) = $0 { true } else { false } }], "editing") { h.type("e") }
        #expect(h.screen.contains("The edit was not saved"))
        h.press(.escape) // the edit dropped
        h.expectEffects([{ if case .trashEntry = $0 { true } else { false } }, { if case .loadEntries = $0 { true } else { false } }],
                        "deleting") { h.type("d") }
        #expect(h.entryTexts.isEmpty)
        guard case .browse = h.app.state.screen else { Issue.record("not back on the list"); return }
    }
}

/// The real loop (`Runtime.run`) on the test terminal: events in, frames out.
@Suite("Runtime.run drives the app")
struct RuntimeRunTests {
    @Test func keysFromTheTerminalReachTheAppAndEachIsDrawn() {
        let store = InMemoryJournalStore()
        let h = AppHarness(store: store, library: AppMechanicsTests.library)
        h.begin("two-questions")
        let terminal = TestTerminal(size: Size(width: 80, height: 24),
                                    events: "calm".map { .key(.character($0)) } + [.key(.enter), .key(.control("q"))])
        let signal = Runtime.run(h.app, on: terminal, maxEvents: 20)
        #expect(signal == nil)
        #expect(h.app.isFinished)
        #expect(terminal.frames.count == 6) // the first frame, and one after each key but the quitting one
        #expect(terminal.frames.contains { $0.buffer.text.contains("And then?") })
        #expect(store.files.keys.contains { $0.hasPrefix("drafts/") }) // quitting kept the session
    }

    @Test func aSignalStopsTheLoopAndKeepsTheSession() {
        let store = InMemoryJournalStore()
        let h = AppHarness(store: store, library: AppMechanicsTests.library)
        let terminal = TestTerminal(size: Size(width: 80, height: 24), events: [.key(.enter), .key(.character("x"))])
        #expect(Runtime.run(h.app, on: terminal, maxEvents: 2) == nil) // two keys, then stop reading
        terminal.pendingSignal = 15
        #expect(Runtime.run(h.app, on: terminal) == 15)
        #expect(h.app.isFinished && h.app.keptDraftOnSignal)
        #expect(store.files.keys.contains { $0.hasPrefix("drafts/") })
    }
}
