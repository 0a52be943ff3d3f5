import Testing
@testable import JournalCore

/// The confirmation step under grounding, going back, skipped words and drafts from before it.
@Suite struct ConfirmationEdgeTests {
    static let library = FlowLibrary(sources: Fixtures.shippedSources)
    static let critic = Part(id: "critic", name: "the critic")

    @Test func groundingOnTheConfirmationComesBackToIt() throws {
        var t = try Transcript(library: Self.library, flow: "unblending", parts: [Self.critic], focus: "critic")
        try t.answer(.text("curious about it"))
        #expect(t.currentStepID == "feel-sorting")
        try t.engine.interrupt(with: "grounding", run: &t.run)
        try t.answer(.number(3))
        #expect(t.currentStepID == "feel-sorting")
        try t.answer(.chooseSelf)
        #expect(t.currentStepID == "with-self")
    }

    @Test func newWordsAfterGoingBackAreConfirmedAfresh() throws {
        var t = try Transcript(library: Self.library, flow: "unblending", parts: [Self.critic], focus: "critic")
        try t.answer(.text("curious about it"), .chooseSelf)
        #expect(t.currentStepID == "with-self")
        t.engine.back(&t.run)
        t.engine.back(&t.run)
        #expect(t.currentStepID == "feel")
        try t.engine.answer(.text("I want it gone, it needs to shut up"), run: &t.run)
        let step = try #require(t.engine.currentStep(t.run))
        #expect(step.step.id == "feel-sorting")
        #expect(step.previousAnswer == nil) // the reading of the old words is not offered for the new ones
        #expect(step.suggestedOption == FeelTowardChoice.option(for: .concernedPart))
        t.engine.replayUndone(&t.run)
        #expect(t.currentStepID == "feel-sorting") // and not replayed either
        // The same words again: the reading given for them is offered again.
        var same = try Transcript(library: Self.library, flow: "unblending", parts: [Self.critic], focus: "critic")
        try same.answer(.text("curious about it"), .chooseSelf)
        same.engine.back(&same.run)
        same.engine.back(&same.run)
        try same.engine.answer(.text("curious about it"), run: &same.run)
        #expect(same.engine.currentStep(same.run)?.previousAnswer == .choice("I do feel open toward it"))
    }

    @Test func aReadingChosenWithoutWordsIsTheStepsSorting() throws {
        let flow = PromptSource(name: "ft.yaml", text: """
            id: ft
            title: Feel
            steps:
              - id: who
                type: part
                text: Which part?
              - id: ft
                type: feel-toward
                text: How do you feel toward {part}?
              - id: said
                type: message
                text: "sorted={ft.sorted} feel={feel}"
            """)
        let library = FlowLibrary(sources: [flow])
        var t = try Transcript(library: library, flow: "ft")
        try t.answer(.partNamed("Critic"), .skip, .chooseSelf)
        #expect(t.shown.last == "ft.said: sorted=self feel=self")
    }

    @Test func aDraftFromBeforeConfirmationsStillQuotesItsWords() throws {
        let engine = FlowEngine(library: Self.library, knownParts: [Self.critic])
        var run = try engine.start(flowID: "unblending", at: Fixtures.morning, focus: "critic")
        // As the previous version saved it: the answer with its proposal, and the run at step-back.
        let sorting = engine.propose("annoyed at it")
        run.answers.append(RecordedAnswer(flowID: "unblending", stepID: "feel", prompt: "How do you feel toward the critic right now?",
                                          value: .feeling("annoyed at it", sorting), focus: "critic"))
        run.frames[run.frames.count - 1].stepID = "step-back"
        let step = try #require(engine.currentStep(run))
        #expect(step.text.contains("(you wrote: \"annoyed\")"))
    }
}
