import Testing
@testable import JournalCore

/// Transcripts for the flows shipped in Prompts/: every branch walked to its end.
@Suite struct ShippedFlowTests {
    static let library = FlowLibrary(sources: Fixtures.shippedSources)

    func ids(_ t: Transcript) -> [String] { t.shown.map { String($0.prefix { $0 != ":" }) } }

    @Test func theShippedPromptsAreClean() {
        #expect(Self.library.problems.map(\.description) == [])
        #expect(Set(Self.library.flows.keys).isSuperset(of: ["daily-checkin", "unblending", "grounding"]))
        for flow in Self.library.listedFlows {
            #expect(!flow.description.isEmpty && flow.minutes != nil, "\(flow.id) needs a description and minutes")
        }
    }

    // MARK: Daily check-in

    @Test func dailyCheckInOnACalmDay() throws {
        var t = try Transcript(library: Self.library, flow: "daily-checkin")
        try t.answer(.text("Rested"), .number(3), .ratings([.calm: 6, .curiosity: 7]), .partNamed("The planner"),
                     .text("Making lists"), .text("behind the eyes"), .text("Wants everything ready early"), .text("Thanks, planner"))
        #expect(ids(t) == ["daily-checkin.settle", "daily-checkin.arriving", "daily-checkin.stirred", "daily-checkin.self-energy",
                           "daily-checkin.around", "daily-checkin.part-doing", "daily-checkin.part-body", "daily-checkin.new-part",
                           "daily-checkin.thanks", "daily-checkin.closing"])
        #expect(t.shown.contains("daily-checkin.new-part: It looks like The planner is new to your journal. What is your first impression of it, in a few words?"))
        #expect(t.shown.contains("daily-checkin.part-doing: What is The planner doing or wanting today?"))
        #expect(t.run.isFinished)
        let outcome = t.engine.outcome(t.run, entryID: "e")
        #expect(outcome.entry.parts == ["the-planner"])
        #expect(outcome.entry.distress == [DistressReading(stepID: "stirred", value: 3)])
        #expect(outcome.entry.selfEnergy.ratings == [.calm: 6, .curiosity: 7])
        #expect(outcome.changedParts.map(\.bodyLocation) == ["behind the eyes"])
        #expect(outcome.changedParts.first?.notes.hasSuffix("Wants everything ready early") == true)
    }

    @Test func dailyCheckInWithAKnownPartAsksNoFirstImpression() throws {
        let planner = Part(id: "the-planner", name: "The planner", role: .manager)
        var t = try Transcript(library: Self.library, flow: "daily-checkin", parts: [planner])
        try t.answer(.skip, .number(2), .skip, .part("the-planner"), .skip, .skip)
        #expect(t.currentStepID == "thanks")
        #expect(!ids(t).contains("daily-checkin.new-part"))
    }

    @Test func dailyCheckInWithNoPartAroundGoesStraightToThanks() throws {
        var t = try Transcript(library: Self.library, flow: "daily-checkin")
        try t.answer(.skip, .number(2), .skip, .skip, .text("thanks"))
        #expect(Array(ids(t).suffix(3)) == ["daily-checkin.around", "daily-checkin.thanks", "daily-checkin.closing"])
        #expect(t.engine.outcome(t.run, entryID: "e").changedParts.isEmpty)
    }

    @Test func highDistressOffersGroundingThenGoesOn() throws {
        var t = try Transcript(library: Self.library, flow: "daily-checkin")
        try t.answer(.text("Awful"), .number(9), .option(0))
        #expect(t.currentStepID == "now") // inside the grounding flow, after its pauses
        #expect(ids(t).contains("grounding.feet"))
        try t.answer(.number(5), .option(0))
        #expect(t.currentStepID == "self-energy")
        let distress = t.engine.outcome(t.run, entryID: "e").entry.distress
        #expect(distress == [DistressReading(stepID: "stirred", value: 9), DistressReading(stepID: "grounding.now", value: 5)])
    }

    @Test func stillOverwhelmedAfterGroundingPointsToSupport() throws {
        var t = try Transcript(library: Self.library, flow: "daily-checkin")
        try t.answer(.skip, .number(10), .option(0), .number(9))
        // Still 8 or more: the check-in stops there rather than asking whether to go on.
        #expect(ids(t).suffix(2) == ["grounding.reach-out", "daily-checkin.stopping"])
        #expect(t.run.isFinished)
        #expect(t.engine.outcome(t.run, entryID: "e").entry.distress.map(\.value) == [10, 9])

        var lower = try Transcript(library: Self.library, flow: "daily-checkin")
        try lower.answer(.skip, .number(10), .option(0), .number(6), .option(1))
        #expect(ids(lower).suffix(2) == ["daily-checkin.after-grounding", "daily-checkin.stopping"])
        #expect(lower.run.isFinished)

        // A skipped rating after grounding says nothing new, so the choice is offered.
        var skipped = try Transcript(library: Self.library, flow: "daily-checkin")
        try skipped.answer(.skip, .number(10), .option(0), .skip)
        #expect(skipped.currentStepID == "after-grounding")
    }

    @Test func highDistressCanKeepGoingOrStop() throws {
        var keepGoing = try Transcript(library: Self.library, flow: "daily-checkin")
        try keepGoing.answer(.skip, .number(8), .option(1))
        #expect(keepGoing.currentStepID == "self-energy")

        var stop = try Transcript(library: Self.library, flow: "daily-checkin")
        try stop.answer(.skip, .number(8), .option(2))
        #expect(ids(stop).last == "daily-checkin.stopping")
        #expect(stop.run.isFinished)
    }

    @Test func moderateDistressDoesNotInterrupt() throws {
        var t = try Transcript(library: Self.library, flow: "daily-checkin")
        try t.answer(.skip, .number(7))
        #expect(t.currentStepID == "self-energy")
    }

    // MARK: Unblending

    let critic = Part(id: "critic", name: "the critic", role: .manager)

    @Test func unblendingAsksWhichPartWhenNoneIsInFocus() throws {
        var t = try Transcript(library: Self.library, flow: "unblending")
        try t.advance()
        #expect(t.currentStepID == "which-part")
        try t.answer(.partNamed("The worrier"))
        #expect(t.currentStepID == "feel")
        #expect(t.shown.last == "unblending.feel: How do you feel toward The worrier right now?")
    }

    @Test func unblendingWithSelfPresentGoesToWriting() throws {
        var t = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try t.answer(.text("Curious about what it needs"), .text("What do you want me to know?"))
        #expect(ids(t) == ["unblending.notice", "unblending.feel", "unblending.with-self", "unblending.closing"])
        let outcome = t.engine.outcome(t.run, entryID: "e")
        #expect(outcome.entry.title == "Making room with the critic")
        #expect(outcome.changedParts.first?.feelToward.map(\.result) == [.selfPresent])
    }

    @Test func stillTooMuchAfterAskingForSpaceOffersGrounding() throws {
        var t = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try t.answer(.text("I'm overwhelmed"), .option(1))
        #expect(t.shown.contains { $0.hasPrefix("grounding.") })
    }

    @Test func aBlendedPartIsAskedForSpaceThenFeltTowardAgain() throws {
        var t = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try t.answer(.text("I'm overwhelmed"), .option(0), .text("calm now, and curious"), .skip)
        #expect(ids(t) == ["unblending.notice", "unblending.feel", "unblending.give-space", "unblending.space-check",
                           "unblending.feel", "unblending.with-self", "unblending.closing"])
        #expect(t.engine.outcome(t.run, entryID: "e").changedParts.first?.feelToward.map(\.result) == [.targetBlended, .selfPresent])
    }

    @Test func aConcernedPartIsInvitedToStepBackQuotingTheWords() throws {
        var t = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try t.answer(.text("Honestly annoyed"))
        #expect(t.shown.last == "unblending.step-back: It sounds like another part may be here too (you wrote: \"annoyed\"). Would it be willing to step back a little, just for now, so you can get to know the critic?")
        try t.answer(.option(0))
        #expect(t.currentStepID == "feel")
    }

    @Test func afterGroundingTryingAgainIsOfferedNotAssumed() throws {
        var again = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try again.answer(.text("I'm overwhelmed"), .option(1), .number(4))
        #expect(again.shown.last == "unblending.after-grounding: Would you like to try again with the critic, or pause here kindly?")
        try again.answer(.option(0))
        #expect(again.currentStepID == "feel")

        var pause = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try pause.answer(.text("I'm overwhelmed"), .option(1), .number(5), .option(1))
        #expect(Array(ids(pause).suffix(3)) == ["unblending.after-grounding", "unblending.pause-kindly", "unblending.pause-promise"])

        // Still 8 or more: trying again is not offered.
        var stillHigh = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try stillHigh.answer(.text("I'm overwhelmed"), .option(1), .number(9))
        #expect(Array(ids(stillHigh).suffix(3)) == ["grounding.reach-out", "unblending.pause-kindly", "unblending.pause-promise"])
    }

    @Test func anUnclearAnswerThatTurnsOutToBeAnotherPartIsNotQuotedBack() throws {
        var t = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try t.answer(.text("like a grey cloud"), .option(1))
        #expect(t.shown.last == "unblending.step-back-unclear: Would that other part be willing to step back a little, just for now, so you can get to know the critic?")
        try t.answer(.option(1), .text("That it will take over"))
        #expect(Array(ids(t).suffix(3)) == ["unblending.its-fear", "unblending.reassure", "unblending.feel"])
    }

    @Test func aConcernedPartThatStaysIsAskedWhatItFears() throws {
        var t = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try t.answer(.text("I want it gone"), .option(1), .text("That it will take over"))
        #expect(Array(ids(t).suffix(4)) == ["unblending.step-back", "unblending.its-fear", "unblending.reassure", "unblending.feel"])
    }

    @Test func anUnclearAnswerIsCheckedWithThePerson() throws {
        var t = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try t.answer(.text("like a grey cloud"))
        #expect(t.currentStepID == "unclear")
        try t.answer(.option(0))
        #expect(t.currentStepID == "with-self")
    }

    @Test func afterThreeRoundsThePersonCanTurnToTheOtherPart() throws {
        var t = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try t.answer(.text("annoyed"), .option(0), .text("still annoyed"), .option(0), .text("irritated"), .option(0))
        #expect(t.currentStepID == "three-rounds")
        try t.answer(.option(0), .partNamed("The guard"), .text("It wants to keep me safe"), .text("curious"))
        // The focus moved, so how you feel toward the new part is asked afresh.
        #expect(Array(ids(t).suffix(4)) == ["unblending.new-focus", "unblending.new-focus-hello", "unblending.new-focus-feel",
                                            "unblending.closing"])
        #expect(t.shown.contains("unblending.new-focus-feel: Now, how do you feel toward The guard?"))
        #expect(t.shown.contains("unblending.new-focus-hello: Let The guard know you have noticed it. What would it like you to know?"))
        let outcome = t.engine.outcome(t.run, entryID: "e")
        #expect(outcome.entry.parts == ["critic", "the-guard"])
        #expect(outcome.changedParts.map(\.id) == ["critic", "the-guard"])
        #expect(outcome.changedParts[0].feelToward.count == 3)
        #expect(outcome.changedParts[1].feelToward.map(\.result) == [.selfPresent])
    }

    @Test func afterThreeRoundsThePersonCanPauseKindly() throws {
        var t = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try t.answer(.text("I don't know"), .option(0), .text("no idea"), .option(0), .text("numb"), .option(0), .option(1),
                     .text("On Sunday"))
        #expect(Array(ids(t).suffix(2)) == ["unblending.pause-kindly", "unblending.pause-promise"])
        #expect(t.run.isFinished) // the whole session ends: no caller asks to go on
        #expect(t.engine.outcome(t.run, entryID: "e").changedParts.first?.promises.map(\.text) == ["On Sunday"])
    }
}

@Suite struct UnblendingStillCloseTests {
    @Test func whenThePartItselfStaysCloseThereIsNoOtherPartToTurnTo() throws {
        let library = FlowLibrary(sources: Fixtures.shippedSources)
        let critic = Part(id: "critic", name: "the critic")
        var t = try Transcript(library: library, flow: "unblending", parts: [critic], focus: "critic")
        try t.answer(.text("I'm overwhelmed"), .option(0), .text("I'm overwhelmed"), .option(0), .text("I'm overwhelmed"), .option(0))
        #expect(t.currentStepID == "still-close")
        #expect(!t.shown.contains { $0.contains("keeps stepping in") })
        try t.answer(.option(0))
        #expect(t.shown.contains { $0.hasPrefix("grounding.") })
    }
}
