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
        #expect(step.text.contains("(you wrote \"annoyed\")"))
    }
}

/// From the hands-on test of the real app: nothing written is lost when a changed answer sends
/// the session another way, and the same words twice are two answers.
@Suite struct NothingWrittenIsLostTests {
    static let library = FlowLibrary(sources: Fixtures.shippedSources)
    static let critic = Part(id: "critic", name: "the critic")

    @Test func wordsOnAWayTheSessionNoLongerGoesAreKeptInTheEntry() throws {
        var t = try Transcript(library: Self.library, flow: "unblending", parts: [Self.critic], focus: "critic")
        try t.answer(.text("curious about it"), .chooseSelf, .text("What do you need?"))
        #expect(t.run.isFinished)
        // Change the reading from the review: the session now goes to giving space.
        t.engine.back(&t.run) // the closing words
        t.engine.back(&t.run) // with-self
        t.engine.back(&t.run) // the confirmation
        #expect(t.currentStepID == "feel-sorting")
        try t.engine.answer(.chooseBlended, run: &t.run)
        t.engine.replayUndone(&t.run)
        t.engine.finish(&t.run)
        let entry = t.engine.outcome(t.run, entryID: "e").entry
        let kept = try #require(entry.sections.first { $0.stepID == "unblending.with-self-earlier" || $0.stepID == "with-self-earlier" })
        #expect(kept.text == "What do you need?")
        #expect(kept.heading.hasSuffix("(written before an earlier answer was changed)"))
        // Saving twice keeps it once.
        #expect(t.engine.outcome(t.run, entryID: "e").entry.sections.filter { $0.text == "What do you need?" }.count == 1)
    }

    @Test func theSameWordsTwiceAreTwoAnswersAndASecondSaveAddsNone() throws {
        var t = try Transcript(library: Self.library, flow: "unblending", parts: [Self.critic], focus: "critic")
        try t.answer(.text("annoyed"), .chooseAnotherPart, .option(0), .text("annoyed"), .chooseAnotherPart, .option(0),
                     .text("annoyed"), .chooseAnotherPart, .option(1), .skip)
        let part = try #require(t.engine.outcome(t.run, entryID: "e").changedParts.first)
        #expect(part.feelToward.count == 3)
        let again = FlowEngine(library: Self.library, knownParts: [part]).outcome(t.run, entryID: "e")
        #expect(again.changedParts.first { $0.id == "critic" }?.feelToward.count ?? 3 == 3)
    }

    @Test func polarizationAsksForTwoDifferentParts() throws {
        var t = try Transcript(library: Self.library, flow: "polarization", parts: [Self.critic])
        try t.answer(.part("critic"), .part("critic"))
        #expect(t.shown.dropLast().last == "polarization.same-part: That is the critic again. This flow is for two different parts that pull against each other; you can name the other one next.")
        #expect(t.currentStepID == "second")
    }

    @Test func agendaWordsAndSwappedLettersAreHeard() {
        let sorter = FeelTowardSorter(lexicon: Self.library.lexicon)
        #expect(sorter.sort("calm but I want it to go").result == .concernedPart)
        #expect(sorter.sort("calm but I just want it to end").result == .concernedPart)
        #expect(sorter.sort("curiuos about it").result == .selfPresent)
    }
}
