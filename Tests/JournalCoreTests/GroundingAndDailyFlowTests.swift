import Testing
@testable import JournalCore

/// Transcripts for find-self, trailhead, follow-up and evening-review: every branch walked to a
/// finished run, with the entry and the part-record changes each makes.
@Suite struct GroundingAndDailyFlowTests {
    static let library = FlowLibrary(sources: Fixtures.shippedSources)

    func ids(_ t: Transcript) -> [String] { t.shown.map { String($0.prefix { $0 != ":" }) } }
    func outcome(_ t: Transcript) -> FlowOutcome { t.engine.outcome(t.run, entryID: "e") }
    func section(_ t: Transcript, _ stepID: String) -> String? {
        outcome(t).entry.sections.first { $0.stepID == stepID }?.text
    }

    let critic = Part(id: "critic", name: "the critic", role: .manager)
    let littleOne = Part(id: "little-one", name: "the little one", role: .exile, stage: .witnessed,
                         promises: [PartPromise(made: LocalDateTime(year: 2026, month: 11, day: 28, hour: 19, minute: 0,
                                                                    utcOffsetMinutes: 60),
                                                text: "I'll come back tomorrow")],
                         notes: "2026-11-28: Shared the memory of the classroom")

    @Test func theFlowsAreListedWithDescriptionsAndMinutes() {
        for id in ["find-self", "trailhead", "follow-up", "evening-review"] {
            let flow = Self.library.flow(id)
            #expect(flow != nil, "\(id) did not load")
            #expect(flow?.listed == true)
            #expect(flow?.description.isEmpty == false)
            #expect(flow?.minutes != nil)
        }
        let mine = Self.library.problems.filter { problem in
            ["find-self", "trailhead", "follow-up", "evening-review"].contains { problem.position.file.hasSuffix("\($0).yaml") }
        }
        #expect(mine.map(\.description) == [])
    }

    // MARK: Ground and find Self

    @Test func findSelfWithRoomGoesToTheSelfReading() throws {
        var t = try Transcript(library: Self.library, flow: "find-self")
        try t.answer(.text("tight shoulders, warm hands"), .number(3), .option(0),
                     .ratings([.calm: 6, .curiosity: 7, .compassion: 5]), .text("Curiosity, behind my eyes"))
        #expect(ids(t) == ["find-self.arrive", "find-self.breath", "find-self.body", "find-self.body-notice",
                           "find-self.stirred", "find-self.ask-room", "find-self.room", "find-self.self-energy",
                           "find-self.rest-in-it", "find-self.closing"])
        #expect(t.run.isFinished)
        let result = outcome(t)
        #expect(result.entry.title == "Curiosity, behind my eyes")
        #expect(result.entry.distress == [DistressReading(stepID: "stirred", value: 3)])
        #expect(result.entry.selfEnergy.ratings == [.calm: 6, .curiosity: 7, .compassion: 5])
        #expect(result.entry.sections.map(\.stepID) == ["body-notice", "stirred", "room", "self-energy", "rest-in-it"])
        #expect(section(t, "room") == "Quite a bit")
        #expect(result.entry.parts.isEmpty)
        #expect(result.changedParts.isEmpty)
    }

    @Test func findSelfWithALittleRoomAlsoGoesToTheSelfReading() throws {
        var t = try Transcript(library: Self.library, flow: "find-self")
        try t.answer(.skip, .number(5), .option(1))
        #expect(t.currentStepID == "self-energy")
        try t.answer(.skip, .skip)
        #expect(ids(t).last == "find-self.closing")
        #expect(t.run.isFinished)
        #expect(outcome(t).entry.selfEnergy.isEmpty)
    }

    @Test func findSelfWithNoRoomCanTurnTowardThePartFillingTheSpace() throws {
        var t = try Transcript(library: Self.library, flow: "find-self")
        try t.answer(.text("buzzing"), .number(6), .option(2))
        #expect(t.currentStepID == "no-room")
        try t.answer(.option(0), .partNamed("The busy one"))
        // The unblending sub-flow runs with the new part in focus (no "which part" question).
        #expect(t.currentStepID == "feel")
        #expect(t.shown.last == "unblending.feel: How do you feel toward The busy one right now?")
        try t.answer(.text("Curious what it is so busy about"), .chooseSelf, .text("What are you trying to get done?"))
        #expect(t.currentStepID == "self-energy")
        try t.answer(.ratings([.calm: 4, .clarity: 5]), .skip)
        #expect(ids(t) == ["find-self.arrive", "find-self.breath", "find-self.body", "find-self.body-notice",
                           "find-self.stirred", "find-self.ask-room", "find-self.room", "find-self.no-room",
                           "find-self.crowding-part", "unblending.notice", "unblending.feel", "unblending.feel-sorting", "unblending.with-self",
                           "unblending.closing", "find-self.self-energy", "find-self.rest-in-it", "find-self.closing"])
        #expect(t.run.isFinished)
        let result = outcome(t)
        #expect(result.entry.parts == ["the-busy-one"])
        #expect(result.entry.selfEnergy.ratings == [.calm: 4, .clarity: 5])
        #expect(section(t, "unblending.with-self") == "What are you trying to get done?")
        #expect(result.changedParts.map(\.id) == ["the-busy-one"])
        #expect(result.changedParts.first?.feelToward.map(\.chosen) == [.selfPresent])
        #expect(result.changedParts.first?.feelToward.first?.answer == "Curious what it is so busy about")
    }

    @Test func findSelfWithNoRoomAndNoNameLetsUnblendingAsk() throws {
        var t = try Transcript(library: Self.library, flow: "find-self")
        try t.answer(.skip, .skip, .option(2), .option(0), .skip)
        #expect(t.currentStepID == "which-part")
        try t.answer(.partNamed("The fog"), .text("I'm so tired, that's just me"), .chooseBlended, .option(0))
        #expect(ids(t).suffix(5) == ["unblending.feel", "unblending.feel-sorting", "unblending.give-space", "unblending.space-check",
                                     "unblending.feel"])
        try t.answer(.text("calm, a little warm toward it"), .chooseSelf, .skip)
        #expect(t.currentStepID == "self-energy")
        try t.answer(.skip, .skip)
        #expect(t.run.isFinished)
        #expect(outcome(t).changedParts.first?.feelToward.map(\.chosen) == [.targetBlended, .selfPresent])
    }

    @Test func findSelfWhenThePartWillNotMakeRoomCanStillCheckIn() throws {
        var t = try Transcript(library: Self.library, flow: "find-self")
        try t.answer(.skip, .number(6), .option(2), .option(0), .partNamed("The alarm"),
                     .text("annoyed"), .chooseAnotherPart, .option(1), .text("That I'll miss something"),
                     .text("irritated"), .chooseAnotherPart, .option(0), .text("still annoyed"), .chooseAnotherPart, .option(0))
        #expect(t.currentStepID == "three-rounds")
        try t.answer(.option(1), .skip) // pausing kindly ends the session, with a promise if wanted
        #expect(ids(t).suffix(2) == ["unblending.pause-kindly", "unblending.pause-promise"])
        #expect(t.run.isFinished)
        let result = outcome(t)
        #expect(result.entry.parts == ["the-alarm"])
        #expect(result.changedParts.first?.feelToward.map(\.chosen) == [.concernedPart, .concernedPart, .concernedPart])
    }

    @Test func findSelfWhenThePartWillNotMakeRoomCanCloseKindly() throws {
        var t = try Transcript(library: Self.library, flow: "find-self")
        try t.answer(.skip, .skip, .option(2), .option(0), .partNamed("The alarm"),
                     .text("I don't know"), .chooseAnotherPart, .option(0), .text("numb"), .chooseAnotherPart, .option(0),
                     .text("no idea"), .chooseAnotherPart, .option(0),
                     .option(0), .partNamed("The shield"), .text("It keeps me from feeling too much"), .text("tired"), .chooseUnsure)
        #expect(ids(t).suffix(4) == ["unblending.new-focus-feel", "unblending.new-focus-feel-sorting", "unblending.closing",
                                     "find-self.after-part"])
        try t.answer(.option(1))
        #expect(ids(t).last == "find-self.close-kindly")
        #expect(t.run.isFinished)
        let result = outcome(t)
        #expect(result.entry.parts == ["the-alarm", "the-shield"])
        #expect(section(t, "after-part") == "Close for today")
        #expect(result.entry.selfEnergy.isEmpty)
    }

    @Test func findSelfWithNoRoomCanCloseKindly() throws {
        var t = try Transcript(library: Self.library, flow: "find-self")
        try t.answer(.skip, .number(6), .option(2), .option(1))
        #expect(ids(t).suffix(3) == ["find-self.room", "find-self.no-room", "find-self.close-kindly"])
        #expect(t.run.isFinished)
        let result = outcome(t)
        #expect(section(t, "room") == "None at all - something is filling the space")
        #expect(section(t, "no-room") == "Close gently for today")
        #expect(result.entry.selfEnergy.isEmpty)
        #expect(result.changedParts.isEmpty)
    }

    @Test func findSelfHighDistressOffersGroundingThenGoesOn() throws {
        var t = try Transcript(library: Self.library, flow: "find-self")
        try t.answer(.skip, .number(9), .option(0))
        #expect(ids(t).contains("find-self.offer-grounding"))
        #expect(ids(t).contains("grounding.feet"))
        #expect(t.currentStepID == "now")
        try t.answer(.number(5), .option(0))
        #expect(t.currentStepID == "room")
        #expect(ids(t).suffix(3) == ["find-self.after-grounding", "find-self.ask-room", "find-self.room"])
        try t.answer(.option(0), .ratings([.calm: 5]), .skip)
        #expect(t.run.isFinished)
        #expect(outcome(t).entry.distress == [DistressReading(stepID: "stirred", value: 9),
                                              DistressReading(stepID: "grounding.now", value: 5)])
    }

    @Test func findSelfCanStopAfterGrounding() throws {
        var t = try Transcript(library: Self.library, flow: "find-self")
        try t.answer(.skip, .number(10), .option(0), .number(6), .option(1))
        #expect(ids(t).suffix(2) == ["find-self.after-grounding", "find-self.stopping"])
        #expect(t.run.isFinished)

        var stillHigh = try Transcript(library: Self.library, flow: "find-self")
        try stillHigh.answer(.skip, .number(10), .option(0), .number(9))
        #expect(ids(stillHigh).suffix(3) == ["reach-out.reach", "reach-out.no-plan-yet", "find-self.stopping"])
        #expect(stillHigh.run.isFinished)
        #expect(t.run.isFinished)
    }

    @Test func findSelfHighDistressCanKeepGoingOrStop() throws {
        var keepGoing = try Transcript(library: Self.library, flow: "find-self")
        try keepGoing.answer(.skip, .number(8), .option(1))
        #expect(keepGoing.currentStepID == "room")
        try keepGoing.answer(.option(1), .skip, .skip)
        #expect(keepGoing.run.isFinished)
        #expect(!ids(keepGoing).contains("grounding.look"))

        var stop = try Transcript(library: Self.library, flow: "find-self")
        try stop.answer(.skip, .number(8), .option(2))
        #expect(ids(stop).suffix(4) == ["find-self.offer-grounding", "reach-out.reach", "reach-out.no-plan-yet", "find-self.stopping"])
        #expect(stop.run.isFinished)
    }

    @Test func findSelfModerateDistressDoesNotInterrupt() throws {
        var t = try Transcript(library: Self.library, flow: "find-self")
        try t.answer(.skip, .number(7))
        #expect(t.currentStepID == "room")
    }

    // MARK: Trailhead capture

    @Test func trailheadCapturesTwoPartsAndFlagsItForLater() throws {
        var t = try Transcript(library: Self.library, flow: "trailhead")
        try t.answer(.text("My manager read my draft aloud in the meeting"), .options([0, 3], other: "a hot face"),
                     .text("shame, wanting to disappear"), .number(6), .partNamed("The hider"),
                     .partNamed("The critic"), .text("It wants to hide under the desk"), .option(1))
        #expect(t.shown.last == "trailhead.come-back: Would you like to come back to this later?")
        try t.answer(.option(0))
        #expect(ids(t) == ["trailhead.happened", "trailhead.came-up", "trailhead.came-up-words", "trailhead.strength",
                           "trailhead.which-part", "trailhead.another-part", "trailhead.u-turn", "trailhead.meet-now",
                           "trailhead.come-back", "trailhead.closing"])
        #expect(section(t, "u-turn") == "It wants to hide under the desk")
        #expect(t.shown.contains("trailhead.another-part: Was another part there too?"))
        #expect(t.run.isFinished)
        let result = outcome(t)
        #expect(result.entry.title == "My manager read my draft aloud in the meeting")
        #expect(result.entry.parts == ["the-hider", "the-critic"])
        #expect(result.entry.distress == [DistressReading(stepID: "strength", value: 6)])
        #expect(section(t, "came-up") == "- A feeling\n- An urge\n- a hot face")
        #expect(section(t, "come-back") == "Come back to this trailhead later")
        // The flag is a dated note on the part in focus; the second part is only named.
        #expect(result.changedParts.map(\.id) == ["the-hider", "the-critic"])
        #expect(result.changedParts[0].notes == "2026-11-29: Come back to this trailhead later")
        #expect(result.changedParts[1].notes == "")
        #expect(result.changedParts[1].protects.isEmpty && result.changedParts[0].protects.isEmpty)
    }

    @Test func trailheadWithAKnownPartAddsToItsNotes() throws {
        var t = try Transcript(library: Self.library, flow: "trailhead", parts: [littleOne])
        try t.answer(.text("A friend cancelled"), .options([1], other: nil), .skip, .number(4),
                     .partNamed("The little one"), .skip, .skip, .option(1))
        // A young part is not offered "get to know it now": its protectors come first.
        #expect(ids(t).suffix(4) == ["trailhead.another-part", "trailhead.u-turn", "trailhead.come-back", "trailhead.closing"])
        #expect(t.shown.contains("trailhead.another-part: Was another part there too?"))
        #expect(t.run.isFinished)
        let result = outcome(t)
        #expect(result.entry.parts == ["little-one"])
        #expect(result.changedParts.map(\.id) == ["little-one"])
        #expect(result.changedParts.first?.notes
                == "2026-11-28: Shared the memory of the classroom\n\n2026-11-29: Noted - no need to come back")
    }

    /// The U-turn: from the trigger to the part inside, then an offer to meet it now.
    @Test func trailheadTurnsTowardThePartAndCanMeetItNow() throws {
        var t = try Transcript(library: Self.library, flow: "trailhead")
        try t.answer(.text("A sharp email"), .skip, .number(5), .partNamed("The defender"), .skip,
                     .text("It wants to hit reply, fast"), .option(0))
        #expect(t.shown.contains("trailhead.u-turn: Now turn from what happened to what is happening inside. As you think of it, notice The defender in you. What is it feeling, or wanting?"))
        // Meeting it now opens "Meet a protector" with the part in focus: no "which part" question.
        #expect(ids(t).suffix(2) == ["meet-protector.welcome", "meet-protector.find"])
        #expect(t.shown.last == "meet-protector.find: Where do you notice The defender? It might be somewhere in your body, or an image, a voice or a thought.")
    }

    @Test func trailheadWithNothingPickedSkipsTheWordsStep() throws {
        var t = try Transcript(library: Self.library, flow: "trailhead")
        try t.answer(.text("A loud noise"), .skip)
        #expect(t.currentStepID == "strength")
        #expect(!ids(t).contains("trailhead.came-up-words"))
    }

    @Test func trailheadWithoutAPartGoesStraightToTheFlag() throws {
        var t = try Transcript(library: Self.library, flow: "trailhead")
        try t.answer(.text("Scrolled for an hour"), .options([3], other: nil), .text("to switch off"), .number(3), .skip)
        #expect(t.currentStepID == "come-back")
        #expect(!ids(t).contains("trailhead.another-part"))
        try t.answer(.option(0))
        #expect(t.run.isFinished)
        let result = outcome(t)
        #expect(result.entry.title == "Scrolled for an hour")
        #expect(section(t, "come-back") == "Come back to this trailhead later")
        #expect(result.entry.parts.isEmpty)
        #expect(result.changedParts.isEmpty)
    }

    @Test func trailheadSkippingTheFlagWritesNoNote() throws {
        var t = try Transcript(library: Self.library, flow: "trailhead", parts: [critic])
        try t.answer(.skip, .skip, .skip, .partNamed("the critic"), .skip, .skip, .skip, .skip)
        #expect(t.run.isFinished)
        let result = outcome(t)
        #expect(result.entry.parts == ["critic"])
        #expect(result.changedParts.isEmpty)
        #expect(section(t, "come-back") == nil)
    }

    @Test func trailheadHighIntensityOffersGroundingThenGoesOn() throws {
        var t = try Transcript(library: Self.library, flow: "trailhead")
        try t.answer(.text("An argument"), .options([0, 2], other: nil), .text("racing heart"), .number(9), .option(0))
        #expect(ids(t).contains("grounding.look"))
        #expect(t.currentStepID == "now")
        try t.answer(.number(4), .option(0))
        #expect(t.currentStepID == "which-part")
        try t.answer(.partNamed("The fighter"), .skip, .skip, .skip, .option(0))
        #expect(ids(t).suffix(7) == ["trailhead.after-grounding", "trailhead.which-part", "trailhead.another-part",
                                     "trailhead.u-turn", "trailhead.meet-now", "trailhead.come-back", "trailhead.closing"])
        #expect(t.run.isFinished)
        let result = outcome(t)
        #expect(result.entry.distress == [DistressReading(stepID: "strength", value: 9),
                                          DistressReading(stepID: "grounding.now", value: 4)])
        #expect(result.changedParts.first?.notes == "2026-11-29: Come back to this trailhead later")
    }

    @Test func trailheadHighIntensityCanKeepGoingOrStop() throws {
        var keepGoing = try Transcript(library: Self.library, flow: "trailhead")
        try keepGoing.answer(.skip, .skip, .number(8), .option(1))
        #expect(keepGoing.currentStepID == "which-part")
        try keepGoing.answer(.skip, .option(1))
        #expect(keepGoing.run.isFinished)

        var stop = try Transcript(library: Self.library, flow: "trailhead")
        try stop.answer(.text("Panic at the station"), .skip, .number(10), .option(2))
        #expect(ids(stop).suffix(4) == ["trailhead.offer-grounding", "reach-out.reach", "reach-out.no-plan-yet", "trailhead.stopping"])
        #expect(stop.run.isFinished)
        #expect(section(stop, "happened") == "Panic at the station")
    }

    @Test func trailheadCanStopAfterGrounding() throws {
        var t = try Transcript(library: Self.library, flow: "trailhead")
        try t.answer(.skip, .skip, .number(9), .option(0), .number(5), .option(1))
        #expect(ids(t).suffix(2) == ["trailhead.after-grounding", "trailhead.stopping"])
        #expect(t.run.isFinished)

        var stillHigh = try Transcript(library: Self.library, flow: "trailhead")
        try stillHigh.answer(.skip, .skip, .number(9), .option(0), .number(8))
        #expect(ids(stillHigh).suffix(3) == ["reach-out.reach", "reach-out.no-plan-yet", "trailhead.stopping"])
        #expect(stillHigh.run.isFinished)
        #expect(t.run.isFinished)
    }

    @Test func trailheadModerateIntensityDoesNotInterrupt() throws {
        var t = try Transcript(library: Self.library, flow: "trailhead")
        try t.answer(.skip, .skip, .number(7))
        #expect(t.currentStepID == "which-part")
    }

    // MARK: Follow-up

    @Test func followUpWithNoBacklashVisitsThePartAndMakesAPromise() throws {
        var t = try Transcript(library: Self.library, flow: "follow-up", parts: [critic, littleOne])
        try t.answer(.options([4], other: nil), .partNamed("the little one"), .text("Lighter. It wants to play."),
                     .text("Climb the big tree"), .option(0), .option(0), .text("I'll visit you on Sunday"), .option(1))
        #expect(t.shown.last == "follow-up.trust: How much does the little one seem to trust you right now?")
        try t.answer(.number(6))
        #expect(ids(t) == ["follow-up.arrive", "follow-up.backlash", "follow-up.visit", "follow-up.find-it",
                           "follow-up.how-doing", "follow-up.secure-base", "follow-up.promise-kept", "follow-up.offer-promise",
                           "follow-up.promise", "follow-up.stage", "follow-up.trust", "follow-up.closing"])
        #expect(t.shown.contains("follow-up.how-doing: How is the little one doing today?"))
        #expect(t.shown.contains("follow-up.secure-base: If the little one knew you had its back, what might it like to try?"))
        #expect(!ids(t).contains("follow-up.burden-back")) // only after an unburdening
        #expect(t.run.isFinished)
        let result = outcome(t)
        #expect(result.entry.title == "Lighter. It wants to play.")
        #expect(result.entry.parts == ["little-one"])
        #expect(result.entry.distress.isEmpty)
        #expect(section(t, "promise-kept") == "Yes, I kept it")
        #expect(result.changedParts.map(\.id) == ["little-one"])
        let part = try #require(result.changedParts.first)
        #expect(part.notes == "2026-11-28: Shared the memory of the classroom\n\n2026-11-29: Lighter. It wants to play.")
        #expect(part.promises.map(\.text) == ["I'll come back tomorrow", "I'll visit you on Sunday"])
        #expect(part.promises.last?.made == Fixtures.morning)
        #expect(part.promises.last?.kept == nil)
        #expect(part.promises.first?.kept == Fixtures.morning) // yesterday's promise, kept today
        #expect(part.stage == .befriended)
        #expect(part.trust == [TrustRecord(date: Fixtures.morning, rating: 6)])
    }

    @Test func followUpAsksTheProtectorsAboutANewRoleOnlyWhenTheyAreKnown() throws {
        let guardian = Part(id: "critic", name: "the critic", role: .manager, protects: ["little-one"])
        var t = try Transcript(library: Self.library, flow: "follow-up", parts: [guardian, littleOne])
        try t.answer(.skip, .part("little-one"), .text("Lighter."), .skip)
        #expect(t.shown.last == "follow-up.protectors-now: Now check in with the parts that look after the little one. "
                + "Seeing how it is today, would any of them like to do something different from here?")
        try t.answer(.text("The critic would like to rest on Sundays."), .skip, .option(1), .skip, .skip)
        #expect(t.run.isFinished)
        #expect(outcome(t).changedParts.first { $0.id == "little-one" }?.trust.isEmpty == true) // skipped: nothing recorded
        #expect(section(t, "protectors-now") == "The critic would like to rest on Sundays.")

        var unknown = try Transcript(library: Self.library, flow: "follow-up", parts: [critic, littleOne])
        try unknown.answer(.skip, .part("little-one"), .text("Lighter."), .skip)
        #expect(unknown.currentStepID == "promise-kept")
        #expect(!ids(unknown).contains("follow-up.protectors-now"))
    }

    @Test func followUpMeetsBacklashWithCuriosityThenVisits() throws {
        var t = try Transcript(library: Self.library, flow: "follow-up", parts: [critic, littleOne])
        try t.answer(.options([0, 1], other: nil), .number(5))
        #expect(ids(t).suffix(3) == ["follow-up.backlash-strength", "follow-up.backlash-curious", "follow-up.backlash-part"])
        try t.answer(.partNamed("the critic"), .text("That I'll fall apart at work"))
        #expect(t.shown.contains("follow-up.backlash-thanks: You might thank the critic for looking out for you, and let it know nothing has to go faster than feels safe."))
        #expect(t.currentStepID == "visit")
        try t.answer(.part("little-one"), .skip, .skip, .skip, .option(1))
        #expect(t.currentStepID == "stage")
        try t.answer(.option(5), .skip)
        #expect(ids(t).contains("follow-up.promise") == false)
        #expect(t.run.isFinished)
        let result = outcome(t)
        #expect(result.entry.title == "That I'll fall apart at work")
        #expect(result.entry.parts == ["critic", "little-one"])
        #expect(result.entry.distress == [DistressReading(stepID: "backlash-strength", value: 5)])
        #expect(section(t, "backlash") == "- A critical voice\n- Urges to numb out or get away")
        #expect(result.changedParts.map(\.id) == ["critic", "little-one"])
        #expect(result.changedParts[0].fears == ["That I'll fall apart at work"])
        #expect(result.changedParts[1].stage == .newRole)
        #expect(result.changedParts[1].promises.count == 1)
    }

    @Test func followUpBacklashInTheirOwnWordsAndAnUnnamedPart() throws {
        var t = try Transcript(library: Self.library, flow: "follow-up", parts: [littleOne])
        try t.answer(.options([], other: "Couldn't sleep, kept replaying it"), .number(3), .skip)
        #expect(t.currentStepID == "visit")
        #expect(!ids(t).contains("follow-up.backlash-fear"))
        try t.answer(.partNamed("the little one"), .text("Quiet"), .skip, .skip, .skip, .option(6), .number(0))
        #expect(!ids(t).contains("follow-up.promise")) // skipping the offer makes no promise
        #expect(t.run.isFinished)
        let part = try #require(outcome(t).changedParts.first)
        #expect(part.promises.count == 1)
        #expect(part.stage == .witnessed) // "I'm not sure" leaves the stage as it was
        #expect(part.notes.hasSuffix("2026-11-29: Quiet"))
        #expect(part.trust.map(\.rating) == [0]) // no trust yet is recorded too
    }

    /// In the weeks after an unburdening: has any of it come back? Met kindly, kept in its notes.
    @Test func followUpAfterAnUnburdeningAsksWhetherTheBurdenCameBack() throws {
        var lighter = littleOne
        lighter.stage = .unburdened
        var t = try Transcript(library: Self.library, flow: "follow-up", parts: [lighter])
        try t.answer(.skip, .part("little-one"), .text("Playful"), .option(1))
        #expect(Array(ids(t).suffix(3)) == ["follow-up.burden-back", "follow-up.burden-returns", "follow-up.secure-base"])
        let part = try #require(outcome(t).changedParts.first)
        #expect(part.notes.hasSuffix("2026-11-29: A little of it is back"))

        var still = try Transcript(library: Self.library, flow: "follow-up", parts: [lighter])
        try still.answer(.skip, .part("little-one"), .skip, .option(0))
        #expect(still.currentStepID == "secure-base")
        #expect(!ids(still).contains("follow-up.burden-returns"))
    }

    @Test func followUpSkippingBacklashAndTheVisitStillEndsKindly() throws {
        var t = try Transcript(library: Self.library, flow: "follow-up", parts: [littleOne])
        try t.answer(.skip, .skip)
        #expect(ids(t) == ["follow-up.arrive", "follow-up.backlash", "follow-up.visit", "follow-up.closing"])
        #expect(t.run.isFinished)
        let result = outcome(t)
        #expect(result.entry.title == "Follow-up")
        #expect(result.changedParts.isEmpty)
    }

    @Test func followUpNothingLikeThatWinsEvenWithOtherPicks() throws {
        var t = try Transcript(library: Self.library, flow: "follow-up")
        try t.answer(.options([3, 4], other: nil))
        #expect(t.currentStepID == "visit")
    }

    @Test func followUpHeavyBacklashOffersGroundingThenGoesOn() throws {
        var t = try Transcript(library: Self.library, flow: "follow-up", parts: [critic])
        try t.answer(.options([1], other: nil), .number(9), .option(0))
        #expect(ids(t).contains("grounding.breath"))
        #expect(t.currentStepID == "now")
        try t.answer(.number(5), .option(0))
        #expect(ids(t).suffix(3) == ["follow-up.after-grounding", "follow-up.backlash-curious", "follow-up.backlash-part"])
        try t.answer(.skip, .skip)
        #expect(t.run.isFinished)
        #expect(outcome(t).entry.distress == [DistressReading(stepID: "backlash-strength", value: 9),
                                              DistressReading(stepID: "grounding.now", value: 5)])
    }

    @Test func followUpHeavyBacklashCanKeepGoingOrStop() throws {
        var keepGoing = try Transcript(library: Self.library, flow: "follow-up")
        try keepGoing.answer(.options([0], other: nil), .number(8), .option(1))
        #expect(keepGoing.currentStepID == "backlash-part")
        #expect(ids(keepGoing).suffix(3) == ["follow-up.offer-grounding", "follow-up.backlash-curious", "follow-up.backlash-part"])

        var stop = try Transcript(library: Self.library, flow: "follow-up")
        try stop.answer(.options([0], other: nil), .number(10), .option(2))
        #expect(ids(stop).last == "follow-up.stopping")
        #expect(stop.run.isFinished)

        var stopAfterGrounding = try Transcript(library: Self.library, flow: "follow-up")
        try stopAfterGrounding.answer(.options([2], other: nil), .number(9), .option(0), .number(4), .option(1))
        #expect(ids(stopAfterGrounding).suffix(2) == ["follow-up.after-grounding", "follow-up.stopping"])
        #expect(stopAfterGrounding.run.isFinished)

        var stillHigh = try Transcript(library: Self.library, flow: "follow-up")
        try stillHigh.answer(.options([2], other: nil), .number(9), .option(0), .number(8))
        #expect(ids(stillHigh).suffix(3) == ["reach-out.reach", "reach-out.no-plan-yet", "follow-up.stopping"])
        #expect(stillHigh.run.isFinished)
        #expect(stopAfterGrounding.run.isFinished)
    }

    // MARK: Evening review

    @Test func eveningReviewWithAnActivePart() throws {
        var t = try Transcript(library: Self.library, flow: "evening-review", parts: [critic])
        try t.answer(.text("Laughing with my sister at lunch"), .partNamed("The critic"), .text("Checking every email twice"),
                     .text("You worked hard today. You can rest now."), .text("Ask for help with the report"))
        #expect(ids(t) == ["evening-review.settle", "evening-review.self-moment", "evening-review.active-part",
                           "evening-review.part-doing", "evening-review.kind-word", "evening-review.carry",
                           "evening-review.closing"])
        #expect(t.shown.contains("evening-review.kind-word: What is one kind word you would like to give the critic tonight?"))
        #expect(t.run.isFinished)
        let result = outcome(t)
        #expect(result.entry.title == "Laughing with my sister at lunch")
        #expect(result.entry.parts == ["critic"])
        #expect(section(t, "kind-word") == "You worked hard today. You can rest now.")
        #expect(section(t, "carry") == "Ask for help with the report")
        #expect(result.changedParts.map(\.notes) == ["2026-11-29: Checking every email twice"])
    }

    @Test func eveningReviewWithoutAPartGoesToTomorrow() throws {
        var t = try Transcript(library: Self.library, flow: "evening-review")
        try t.answer(.skip, .skip, .text("Set down the worry about money"))
        #expect(ids(t) == ["evening-review.settle", "evening-review.self-moment", "evening-review.active-part",
                           "evening-review.carry", "evening-review.closing"])
        #expect(t.run.isFinished)
        let result = outcome(t)
        #expect(result.entry.sections.map(\.stepID) == ["carry"])
        #expect(result.changedParts.isEmpty)
    }
}
