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
        try t.answer(.text("Rested"), .number(3), .ratings([.calm: 6, .curiosity: 7]),
                     .partNamed("The planner"), .text("Making lists"), .text("behind the eyes"), .text("Wants everything ready early"),
                     .option(1), .number(2), .text("Thanks, planner"))
        // Where in the body was asked about the part, so not asked again after how caught up.
        #expect(ids(t) == ["daily-checkin.settle", "daily-checkin.arriving", "daily-checkin.stirred", "daily-checkin.self-energy",
                           "daily-checkin.around", "daily-checkin.part-doing", "daily-checkin.part-body", "daily-checkin.new-part",
                           "daily-checkin.others", "daily-checkin.blended-now", "daily-checkin.thanks", "daily-checkin.closing"])
        #expect(t.shown.contains("daily-checkin.new-part: It looks like The planner is new to your journal. What is your first impression of it, in a few words?"))
        #expect(t.shown.contains("daily-checkin.part-doing: What is The planner doing or wanting today?"))
        #expect(t.run.isFinished)
        let outcome = t.engine.outcome(t.run, entryID: "e")
        #expect(outcome.entry.parts == ["the-planner"])
        #expect(outcome.entry.distress == [DistressReading(stepID: "stirred", value: 3)])
        #expect(outcome.entry.selfEnergy.ratings == [.calm: 6, .curiosity: 7])
        #expect(outcome.changedParts.map(\.bodyLocation) == ["behind the eyes"])
        #expect(outcome.changedParts.first?.notes.hasSuffix("Wants everything ready early") == true)
        #expect(outcome.entry.sections.first { $0.stepID == "blended-now" }?.text == "2 of 10 (0 = I can see my parts, 10 = a part has taken over)")
    }

    @Test func dailyCheckInHearsWhosHereWithSeveralParts() throws {
        let planner = Part(id: "the-planner", name: "The planner", role: .manager)
        var t = try Transcript(library: Self.library, flow: "daily-checkin", parts: [planner])
        try t.answer(.skip, .number(2), .skip, .part("the-planner"), .text("lists"), .skip,
                     .option(0), .partNamed("The sleepy one"), .text("wants a nap"),
                     .option(0), .partNamed("The critic"), .text("grumbling"),
                     .option(1), .number(0), .skip)
        // No body question when not caught up in a part at all.
        #expect(!ids(t).contains("daily-checkin.blended-body"))
        #expect(t.shown.contains("daily-checkin.also-doing: What is The sleepy one doing or wanting today?"))
        let outcome = t.engine.outcome(t.run, entryID: "e")
        #expect(outcome.entry.parts == ["the-planner", "the-sleepy-one", "the-critic"])
        #expect(Set(outcome.changedParts.map(\.id)) == ["the-sleepy-one", "the-critic"]) // new records, nothing else touched
        #expect(t.run.isFinished)
    }

    @Test func dailyCheckInWithAKnownPartAsksNoFirstImpression() throws {
        let planner = Part(id: "the-planner", name: "The planner", role: .manager)
        var t = try Transcript(library: Self.library, flow: "daily-checkin", parts: [planner])
        try t.answer(.skip, .number(2), .skip, .part("the-planner"), .skip, .skip)
        #expect(t.currentStepID == "others")
        #expect(!ids(t).contains("daily-checkin.new-part"))
    }

    @Test func dailyCheckInWithNoPartAroundAsksHowCaughtUpAndWhereInTheBody() throws {
        var t = try Transcript(library: Self.library, flow: "daily-checkin")
        try t.answer(.skip, .number(2), .skip, .skip, .number(4), .text("tight chest"), .text("thanks"))
        #expect(Array(ids(t).suffix(5)) == ["daily-checkin.around", "daily-checkin.blended-now", "daily-checkin.blended-body",
                                            "daily-checkin.thanks", "daily-checkin.closing"])
        #expect(!ids(t).contains("daily-checkin.others")) // nobody named: no "another part" question
        var settled = try Transcript(library: Self.library, flow: "daily-checkin")
        try settled.answer(.skip, .number(2), .skip, .skip, .number(0), .text("thanks"))
        #expect(!ids(settled).contains("daily-checkin.blended-body")) // not caught up: no body question
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
        #expect(ids(t).suffix(3) == ["reach-out.reach", "reach-out.no-plan-yet", "daily-checkin.stopping"])
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
        try t.answer(.text("Curious about what it needs"), .chooseSelf, .text("What do you want me to know?"))
        #expect(ids(t) == ["unblending.notice", "unblending.feel", "unblending.feel-sorting", "unblending.with-self", "unblending.closing"])
        let outcome = t.engine.outcome(t.run, entryID: "e")
        #expect(outcome.entry.title == "What do you want me to know?")
        #expect(outcome.changedParts.first?.feelToward == [FeelTowardRecord(date: Fixtures.morning, answer: "Curious about what it needs",
                                                                            chosen: .selfPresent, proposed: .selfPresent)])
        // The entry keeps what Haven proposed and what the person chose.
        let confirmed = try #require(outcome.entry.sections.first { $0.stepID == "feel-sorting" })
        #expect(confirmed.heading == "It sounds like there is some openness toward the critic here (\"Curious\"). Is that how it is?") // the words as written
        #expect(confirmed.text == "I do feel open toward it")
    }

    @Test func theProposalIsShownInOneLineWithTheWordsAndTheGuessHighlighted() throws {
        var t = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try t.answer(.text("I need it to calm down"))
        let step = try #require(t.engine.currentStep(t.run))
        #expect(step.text == "It sounds like another part may have feelings about the critic, or want something from it (\"need it to\", \"calm down\"). Is that how it is?")
        #expect(step.suggestedOption == FeelTowardChoice.option(for: .concernedPart))
        // Leaving the words out still asks; nothing is highlighted as Self.
        var blank = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try blank.answer(.skip)
        let open = try #require(blank.engine.currentStep(blank.run))
        #expect(open.text == "Which of these is closest to how you feel toward the critic right now?")
        #expect(open.suggestedOption == FeelTowardChoice.option(for: .unclear))
    }

    /// "I couldn't be more curious", read as Self and confirmed; and an agenda beside a Self word,
    /// which the person may still call open: their choice is what the flow goes by.
    @Test func thePersonsChoiceIsTheSortingNeverTheGuess() throws {
        var curious = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try curious.answer(.text("I couldn't be more curious"), .chooseSelf)
        #expect(curious.currentStepID == "with-self")

        var changed = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try changed.answer(.text("Calm, but I'd like it to leave"), .chooseSelf)
        #expect(changed.currentStepID == "with-self")
        let record = try #require(changed.engine.outcome(changed.run, entryID: "e").changedParts.first?.feelToward.first)
        #expect(record.chosen == .selfPresent && record.proposed == .concernedPart)

        // Proposed as Self, but the person says another part is here: asked to step back, with
        // none of the Self words quoted back as evidence of a part.
        var other = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try other.answer(.text("I couldn't be more curious"), .chooseAnotherPart)
        #expect(other.currentStepID == "step-back-unquoted")
        #expect(!other.shown.contains { $0.contains("you wrote") })
    }

    @Test func stillTooMuchAfterAskingForSpaceOffersGrounding() throws {
        var t = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try t.answer(.text("I'm overwhelmed"), .chooseBlended, .option(1))
        #expect(t.shown.contains { $0.hasPrefix("grounding.") })
    }

    @Test func aBlendedPartIsAskedForSpaceThenFeltTowardAgain() throws {
        var t = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try t.answer(.text("I'm overwhelmed"), .chooseBlended, .option(0), .text("calm now, and curious"), .chooseSelf, .skip)
        #expect(ids(t) == ["unblending.notice", "unblending.feel", "unblending.feel-sorting", "unblending.give-space",
                           "unblending.space-check", "unblending.feel", "unblending.feel-sorting", "unblending.with-self",
                           "unblending.closing"])
        #expect(t.engine.outcome(t.run, entryID: "e").changedParts.first?.feelToward.map(\.chosen) == [.targetBlended, .selfPresent])
    }

    @Test func everyStepOfTheLoopHasAThatsNotItWayOut() throws {
        // Asked for space, the person says it is another part after all, or that they are open.
        var spaceOther = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try spaceOther.answer(.text("I'm terrified"), .chooseBlended, .option(2))
        #expect(spaceOther.currentStepID == "step-back-unquoted")
        var spaceOpen = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try spaceOpen.answer(.text("I'm terrified"), .chooseBlended, .option(3))
        #expect(spaceOpen.currentStepID == "with-self")
        // Invited to step back, the person says it is the part's own feeling, or that they are open.
        var backBlended = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try backBlended.answer(.text("annoyed"), .chooseAnotherPart, .option(2))
        #expect(Array(ids(backBlended).suffix(2)) == ["unblending.give-space", "unblending.space-check"])
        var backOpen = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try backOpen.answer(.text("annoyed"), .chooseAnotherPart, .option(3))
        #expect(backOpen.currentStepID == "with-self")
        var unquotedOpen = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try unquotedOpen.answer(.text("like a grey cloud"), .chooseAnotherPart, .option(3))
        #expect(unquotedOpen.currentStepID == "with-self")
    }

    @Test func aConcernedPartIsInvitedToStepBackQuotingTheWords() throws {
        var t = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try t.answer(.text("Honestly annoyed"), .chooseAnotherPart)
        #expect(t.shown.last == "unblending.step-back: Another part seems to be here too (you wrote \"annoyed\"). Would it be willing to step back a little, just for now, so you can get to know the critic?")
        try t.answer(.option(0))
        #expect(t.currentStepID == "feel")
    }

    @Test func afterGroundingTryingAgainIsOfferedNotAssumed() throws {
        var again = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try again.answer(.text("I'm overwhelmed"), .chooseBlended, .option(1), .number(4))
        #expect(again.shown.last == "unblending.after-grounding: Would you like to try again with the critic, or pause here kindly?")
        try again.answer(.option(0))
        #expect(again.currentStepID == "feel")

        var pause = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try pause.answer(.text("I'm overwhelmed"), .chooseBlended, .option(1), .number(5), .option(1))
        #expect(Array(ids(pause).suffix(3)) == ["unblending.after-grounding", "unblending.pause-kindly", "unblending.pause-promise"])

        // Still 8 or more: trying again is not offered.
        var stillHigh = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try stillHigh.answer(.text("I'm overwhelmed"), .chooseBlended, .option(1), .number(9))
        #expect(Array(ids(stillHigh).suffix(4)) == ["reach-out.reach", "reach-out.no-plan-yet", "unblending.pause-kindly",
                                                    "unblending.pause-promise"])
    }

    @Test func anotherPartChosenWithoutWordsForItIsNotQuotedBack() throws {
        var t = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try t.answer(.text("like a grey cloud"), .chooseAnotherPart)
        #expect(t.shown.last == "unblending.step-back-unquoted: Would that other part be willing to step back a little, just for now, so you can get to know the critic?")
        try t.answer(.option(1), .text("That it will take over"))
        #expect(Array(ids(t).suffix(3)) == ["unblending.its-fear", "unblending.reassure", "unblending.feel"])
    }

    @Test func aConcernedPartThatStaysIsAskedWhatItFears() throws {
        var t = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try t.answer(.text("I want it gone"), .chooseAnotherPart, .option(1), .text("That it will take over"))
        #expect(Array(ids(t).suffix(4)) == ["unblending.step-back", "unblending.its-fear", "unblending.reassure", "unblending.feel"])
    }

    @Test func notSureSitsWithThePartAndAsksAgainOrPauses() throws {
        var t = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try t.answer(.text("like a grey cloud"), .chooseUnsure)
        #expect(t.currentStepID == "not-sure")
        try t.answer(.option(0))
        #expect(Array(ids(t).suffix(2)) == ["unblending.sit-with-it", "unblending.feel"])
        // Leaving the reading open is the same as not sure: nothing is acted on.
        var open = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try open.answer(.text("curious"), .skip, .option(1), .skip)
        #expect(Array(ids(open).suffix(3)) == ["unblending.not-sure", "unblending.pause-kindly", "unblending.pause-promise"])
        #expect(open.engine.outcome(open.run, entryID: "e").changedParts.first?.feelToward.first?.chosen == nil)
    }

    @Test func afterThreeRoundsThePersonCanTurnToTheOtherPart() throws {
        var t = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try t.answer(.text("annoyed"), .chooseAnotherPart, .option(0), .text("still annoyed"), .chooseAnotherPart, .option(0),
                     .text("irritated"), .chooseAnotherPart, .option(0))
        #expect(t.currentStepID == "three-rounds")
        try t.answer(.option(0), .partNamed("The guard"), .text("It wants to keep me safe"), .text("curious"), .chooseSelf)
        // The focus moved, so how you feel toward the new part is asked afresh.
        #expect(Array(ids(t).suffix(5)) == ["unblending.new-focus", "unblending.new-focus-hello", "unblending.new-focus-feel",
                                            "unblending.new-focus-feel-sorting", "unblending.closing"])
        #expect(t.shown.contains("unblending.new-focus-feel: Now, how do you feel toward The guard?"))
        #expect(t.shown.contains("unblending.new-focus-hello: Let The guard know you have noticed it. What would it like you to know?"))
        let outcome = t.engine.outcome(t.run, entryID: "e")
        #expect(outcome.entry.parts == ["critic", "the-guard"])
        #expect(outcome.changedParts.map(\.id) == ["critic", "the-guard"])
        #expect(outcome.changedParts[0].feelToward.count == 3)
        #expect(outcome.changedParts[1].feelToward.map(\.chosen) == [.selfPresent])
    }

    @Test func afterThreeRoundsThePersonCanPauseKindly() throws {
        var t = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try t.answer(.text("I don't know"), .chooseAnotherPart, .option(0), .text("no idea"), .chooseAnotherPart, .option(0),
                     .text("numb"), .chooseAnotherPart, .option(0), .option(1), .text("On Sunday"))
        #expect(Array(ids(t).suffix(2)) == ["unblending.pause-kindly", "unblending.pause-promise"])
        #expect(t.run.isFinished) // the whole session ends: no caller asks to go on
        #expect(t.engine.outcome(t.run, entryID: "e").changedParts.first?.promises.map(\.text) == ["On Sunday"])
    }

    /// Never reported another part: after three rounds of "not sure" nobody is named for them.
    @Test func threeRoundsOfNotSureNeverAskForAPartThatWasNotReported() throws {
        var t = try Transcript(library: Self.library, flow: "unblending", parts: [critic], focus: "critic")
        try t.answer(.text("hmm"), .chooseUnsure, .option(0), .text("hmm"), .chooseUnsure, .option(0), .text("hmm"), .chooseUnsure,
                     .option(0))
        #expect(t.currentStepID == "still-unsure")
        #expect(!t.shown.contains { $0.contains("keeps stepping in") })
        try t.answer(.option(1))
        #expect(Array(ids(t).suffix(2)) == ["unblending.pause-kindly", "unblending.pause-promise"])
    }

    /// A young part whose protectors have not said yes (none known is not a yes): the time with
    /// it stays with today.
    @Test func aGuardedYoungPartIsMetAboutTodayOnly() throws {
        let young = Part(id: "little-one", name: "the little one", role: .exile)
        var t = try Transcript(library: Self.library, flow: "unblending", parts: [young], focus: "little-one")
        try t.answer(.text("tender toward it"), .chooseSelf)
        #expect(t.currentStepID == "with-self-today")
        let guardedBy = Part(id: "guard", name: "the guard", protects: ["little-one"],
                             permissions: [PartPermission(date: Fixtures.morning, request: PartPermission.visitRequest, answer: .yes,
                                                          about: "little-one")])
        var open = try Transcript(library: Self.library, flow: "unblending", parts: [young, guardedBy], focus: "little-one")
        try open.answer(.text("tender toward it"), .chooseSelf)
        #expect(open.currentStepID == "with-self")
    }
}

@Suite struct UnblendingStillCloseTests {
    @Test func whenThePartItselfStaysCloseThereIsNoOtherPartToTurnTo() throws {
        let library = FlowLibrary(sources: Fixtures.shippedSources)
        let critic = Part(id: "critic", name: "the critic")
        var t = try Transcript(library: library, flow: "unblending", parts: [critic], focus: "critic")
        try t.answer(.text("I'm overwhelmed"), .chooseBlended, .option(0), .text("I'm overwhelmed"), .chooseBlended, .option(0),
                     .text("I'm overwhelmed"), .chooseBlended, .option(0))
        #expect(t.currentStepID == "still-close")
        #expect(!t.shown.contains { $0.contains("keeps stepping in") })
        try t.answer(.option(0))
        #expect(t.shown.contains { $0.hasPrefix("grounding.") })
    }
}
