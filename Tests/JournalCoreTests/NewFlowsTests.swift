import Testing
@testable import JournalCore

/// Transcripts for the safety plan, thanking a protector, and the story of growing up (earned
/// security): every branch walked to a finished run, with the entry, the part records and the
/// safety plan each leaves.
@Suite struct NewFlowsTests {
    static let library = FlowLibrary(sources: Fixtures.shippedSources)
    static let mine = ["safety-plan", "protector-appreciation", "earned-security"]

    func ids(_ t: Transcript) -> [String] { t.shown.map { String($0.prefix { $0 != ":" }) } }
    /// The steps shown from one flow, in order (the called flows' own steps left out).
    func ids(_ t: Transcript, of flow: String) -> [String] { ids(t).filter { $0.hasPrefix("\(flow).") } }
    func outcome(_ t: Transcript) -> FlowOutcome { t.engine.outcome(t.run, entryID: "e") }
    func section(_ t: Transcript, _ stepID: String) -> String? {
        outcome(t).entry.sections.first { $0.stepID == stepID }?.text
    }
    func part(_ t: Transcript, _ id: PartID) -> Part? { outcome(t).changedParts.first { $0.id == id } }
    /// What a step said when it was shown (the text with its variables filled in).
    func said(_ t: Transcript, _ id: String) -> String? {
        t.shown.first { $0.hasPrefix("\(id): ") }.map { String($0.dropFirst(id.count + 2)) }
    }

    /// A transcript whose session starts with `plan` as the person's safety plan.
    func transcript(_ flow: String, parts: [Part] = [], focus: PartID? = nil,
                    plan: SafetyPlan = SafetyPlan()) throws -> Transcript {
        var t = try Transcript(library: Self.library, flow: flow, parts: parts, focus: focus)
        t.engine = FlowEngine(library: Self.library, knownParts: parts, safetyPlan: plan)
        t.run = try t.engine.start(flowID: flow, at: Fixtures.morning, focus: focus)
        return t
    }

    static let plan = SafetyPlan(supportPerson: "Sam, text 07700 900123", crisisLine: "116 123")
    static let planLines = "Someone to reach: Sam, text 07700 900123\nCrisis line: 116 123"

    // MARK: The flows load

    @Test func theNewFlowsLoadWithNoProblemsAndAreListed() throws {
        let files = Self.mine.map { "Prompts/\($0).yaml" }
        #expect(Self.library.problems.filter { files.contains($0.position.file) }.map(\.description) == [])
        for id in Self.mine {
            let flow = try #require(Self.library.flow(id), "\(id) should load")
            #expect(flow.listed, "\(id) should be listed")
            #expect(!flow.description.isEmpty)
            #expect(flow.minutes != nil)
        }
        #expect(Self.library.flow("safety-plan")?.title == "Your safety plan")
        #expect(Self.library.flow("safety-plan")?.minutes == 4)
        #expect(Self.library.flow("protector-appreciation")?.minutes == 8)
        #expect(Self.library.flow("earned-security")?.minutes == 25)
    }

    @Test func noNewFlowLabelsThePersonWithAnAttachmentStyle() {
        let labels = ["anxious", "avoidant", "disorganized", "disorganised", "dismissive", "preoccupied",
                      "insecure", "securely", "attachment style", "your style", "you are a", "you're a"]
        for id in Self.mine {
            let text = Fixtures.shipped("\(id).yaml").text.lowercased()
            for label in labels {
                #expect(!text.contains(label), "\(id).yaml uses the words '\(label)'")
            }
        }
    }

    @Test func everyDistressScaleOfTheNewFlowsGroundsAtEight() throws {
        for id in Self.mine {
            let flow = try #require(Self.library.flow(id))
            for step in flow.steps {
                guard case .scale(_, _, _, _, true) = step.kind else { continue }
                let grounds = step.branches.contains { branch in
                    guard case .step(let target) = branch.target, let called = flow.step(target),
                          case .call("grounding") = called.kind else { return false }
                    return branch.condition.evaluate { $0 == [step.id] ? .number(8) : .none }
                }
                #expect(grounds, "\(id).\(step.id) should go to grounding at 8")
            }
        }
    }

    // MARK: Your safety plan

    @Test func aFirstPlanAsksEveryLineAndKeepsWhatIsWritten() throws {
        var t = try transcript("safety-plan")
        try t.answer(.text("Sam, text 07700 900123"), .skip, .text("116 123"))
        #expect(ids(t) == ["safety-plan.welcome", "safety-plan.support", "safety-plan.therapist", "safety-plan.crisis-note",
                           "safety-plan.crisis", "safety-plan.saved", "safety-plan.where-shown"])
        #expect(t.run.isFinished)
        #expect(said(t, "safety-plan.crisis-note")?.contains("does not know the crisis numbers where you live") == true)
        #expect(said(t, "safety-plan.crisis-note")?.contains("cannot call anyone") == true)
        #expect(said(t, "safety-plan.saved") == "Here is your plan now:\n\n" + Self.planLines)
        #expect(said(t, "safety-plan.where-shown")?.contains("grounding") == true)
        #expect(said(t, "safety-plan.where-shown")?.contains("deeper work") == true)
        let result = outcome(t)
        #expect(result.safetyPlan == Self.plan)
        #expect(result.entry.title == "Your safety plan")
        #expect(result.entry.sections.map(\.stepID) == ["support", "crisis"])
        #expect(result.changedParts.isEmpty)
    }

    @Test func aFirstPlanLeftEmptySaysSoKindly() throws {
        var t = try transcript("safety-plan")
        try t.answer(.skip, .skip, .skip)
        #expect(ids(t).suffix(2) == ["safety-plan.nothing-yet", "safety-plan.where-shown"])
        #expect(!ids(t).contains("safety-plan.saved"))
        #expect(t.run.isFinished)
        #expect(outcome(t).safetyPlan == nil)
    }

    @Test func aPlanIsShownFirstAndOnlyTheChosenLinesAreAskedAgain() throws {
        var t = try transcript("safety-plan", plan: Self.plan)
        try t.answer()
        #expect(said(t, "safety-plan.current") == "Here is your safety plan as it stands:\n\n" + Self.planLines)
        try t.answer(.options([1], other: nil), .text("Dr Lee, 020 7946 0000"))
        #expect(ids(t) == ["safety-plan.welcome", "safety-plan.current", "safety-plan.which-lines", "safety-plan.therapist",
                           "safety-plan.saved", "safety-plan.where-shown"])
        #expect(t.run.isFinished)
        var changed = Self.plan
        changed.therapist = "Dr Lee, 020 7946 0000"
        #expect(outcome(t).safetyPlan == changed)
        #expect(said(t, "safety-plan.saved")?.contains("Your therapist: Dr Lee, 020 7946 0000") == true)
    }

    @Test func twoChosenLinesAreAskedAndTheOtherIsLeftAlone() throws {
        var t = try transcript("safety-plan", plan: Self.plan)
        try t.answer(.options([0, 2], other: nil), .text("Jo, call 07700 900456"), .text("999"))
        #expect(ids(t, of: "safety-plan") == ["safety-plan.welcome", "safety-plan.current", "safety-plan.which-lines",
                                               "safety-plan.support", "safety-plan.crisis-note", "safety-plan.crisis",
                                               "safety-plan.saved", "safety-plan.where-shown"])
        #expect(t.run.isFinished)
        #expect(outcome(t).safetyPlan == SafetyPlan(supportPerson: "Jo, call 07700 900456", crisisLine: "999"))
    }

    @Test func skippingTheChoiceOrChoosingNoneKeepsThePlan() throws {
        for input in [AnswerInput.skip, .options([3], other: nil)] {
            var t = try transcript("safety-plan", plan: Self.plan)
            try t.answer(input)
            #expect(ids(t) == ["safety-plan.welcome", "safety-plan.current", "safety-plan.which-lines", "safety-plan.kept",
                               "safety-plan.where-shown"])
            #expect(t.run.isFinished)
            #expect(outcome(t).safetyPlan == nil)
        }
    }

    @Test func noneWithALineStillAsksThatLine() throws {
        var t = try transcript("safety-plan", plan: Self.plan)
        try t.answer(.options([2, 3], other: nil), .text("116 123, or 999"))
        #expect(ids(t).contains("safety-plan.crisis"))
        #expect(!ids(t).contains("safety-plan.kept"))
        #expect(outcome(t).safetyPlan?.crisisLine == "116 123, or 999")
    }

    @Test func aChosenLineLeftBlankStaysAsItWas() throws {
        var t = try transcript("safety-plan", plan: Self.plan)
        try t.answer(.options([0], other: nil), .skip)
        #expect(ids(t).suffix(3) == ["safety-plan.support", "safety-plan.saved", "safety-plan.where-shown"])
        #expect(t.run.isFinished)
        #expect(outcome(t).safetyPlan == nil)
        #expect(said(t, "safety-plan.saved") == "Here is your plan now:\n\n" + Self.planLines)
    }

    // MARK: Thanking a protector

    static let critic = Part(id: "critic", name: "the critic", role: .manager,
                             job: "Points out every mistake before anyone else can")
    static var settled: Part {
        var part = Part(id: "guard", name: "the guard", role: .manager, stage: .newRole)
        part.newRole = "keep watch from the porch"
        return part
    }
    /// The unblending flow with some Self here: the feel-toward answer, its confirmation, and a word to the part.
    static let openToward: [AnswerInput] = [.text("curious about it, and grateful"), .option(0), .text("I see how hard you work.")]

    @Test func thankingANewProtectorThatWouldLikeANewRole() throws {
        var t = try transcript("protector-appreciation")
        try t.answer(.partNamed("The planner"))
        try t.answer(Self.openToward[0], Self.openToward[1], Self.openToward[2])
        try t.answer(.text("It makes lists so nothing ever catches me out"), .text("Since I was about ten"),
                     .text("Thank you for all the lists, and for looking out for me."), .text("It seems surprised, a bit shy"),
                     .option(0), .text("Reminding me to rest on Sundays"), .option(0),
                     .text("I'll notice when you are working hard"))
        #expect(ids(t, of: "protector-appreciation") == [
            "protector-appreciation.welcome", "protector-appreciation.which", "protector-appreciation.done",
            "protector-appreciation.how-long", "protector-appreciation.thanks", "protector-appreciation.take-in",
            "protector-appreciation.takes-it", "protector-appreciation.new-job", "protector-appreciation.new-role",
            "protector-appreciation.new-role-stage", "protector-appreciation.promise", "protector-appreciation.closing",
        ])
        #expect(ids(t).contains("unblending.feel-sorting"))
        #expect(ids(t).contains("unblending.with-self"))
        #expect(t.run.isFinished)
        let result = outcome(t)
        #expect(result.entry.title == "I see how hard you work.")
        #expect(result.entry.parts == ["the-planner"])
        #expect(section(t, "thanks") == "Thank you for all the lists, and for looking out for me.")
        #expect(section(t, "takes-it") == "It seems surprised, a bit shy")
        let planner = try #require(part(t, "the-planner"))
        #expect(planner.job == "It makes lists so nothing ever catches me out")
        #expect(planner.newRole == "Reminding me to rest on Sundays")
        #expect(planner.stage == .newRole)
        #expect(planner.stagesReached == [StageRecord(stage: .newRole, date: Fixtures.morning)])
        #expect(planner.promises.map(\.text) == ["I'll notice when you are working hard"])
        #expect(planner.feelToward.map(\.chosen) == [.selfPresent])
        #expect(result.safetyPlan == nil)
    }

    @Test func startedOnAKnownPartItsJobIsShownBackAndNotYetIsRespected() throws {
        var t = try transcript("protector-appreciation", parts: [Self.critic], focus: "critic")
        try t.answer(Self.openToward[0], Self.openToward[1], Self.openToward[2])
        #expect(t.currentStepID == "done-more")
        #expect(t.shown.last == "protector-appreciation.done-more: Its record says the critic does this for you: \"Points out every mistake before anyone else can\". What else has it done for you?")
        try t.answer(.text("It got me through exams"), .text("Since school"), .text("Thank you, truly."), .skip, .option(1))
        #expect(ids(t, of: "protector-appreciation").suffix(3) == ["protector-appreciation.new-job", "protector-appreciation.not-yet",
                                                                   "protector-appreciation.promise"])
        try t.answer(.skip)
        #expect(!ids(t).contains("protector-appreciation.which"))
        #expect(!ids(t).contains("protector-appreciation.done"))
        #expect(!ids(t).contains("protector-appreciation.room"))
        #expect(!ids(t).contains("protector-appreciation.earlier-role"))
        #expect(ids(t).last == "protector-appreciation.closing")
        #expect(t.run.isFinished)
        let critic = try #require(part(t, "critic"))
        #expect(critic.job == "Points out every mistake before anyone else can")
        #expect(critic.notes == "2026-11-29: It got me through exams")
        #expect(critic.newRole.isEmpty)
        #expect(critic.stage == nil)
        #expect(critic.promises.isEmpty)
        #expect(outcome(t).entry.title == "I see how hard you work.")
    }

    @Test func aProtectorThatLikesItsJobKeepsIt() throws {
        var t = try transcript("protector-appreciation", parts: [Self.critic], focus: "critic")
        try t.answer(Self.openToward[0], Self.openToward[1], Self.openToward[2])
        try t.answer(.skip, .skip, .text("Thank you."), .skip, .option(2))
        #expect(ids(t).suffix(3) == ["protector-appreciation.new-job", "protector-appreciation.likes-its-job",
                                     "protector-appreciation.promise"])
        #expect(said(t, "protector-appreciation.likes-its-job")?.contains("the job is its own") == true)
        try t.answer(.text("I'll thank you again next week"))
        #expect(t.run.isFinished)
        let critic = try #require(part(t, "critic"))
        #expect(critic.newRole.isEmpty)
        #expect(critic.stage == nil)
        #expect(critic.promises.map(\.text) == ["I'll thank you again next week"])
    }

    @Test func aNewRoleCanBeWrittenWithoutMarkingTheStage() throws {
        var t = try transcript("protector-appreciation", parts: [Self.critic], focus: "critic")
        try t.answer(Self.openToward[0], Self.openToward[1], Self.openToward[2])
        try t.answer(.skip, .skip, .skip, .skip, .option(0), .text("Help me check the important things only"), .option(1), .skip)
        #expect(ids(t).contains("protector-appreciation.new-role-stage"))
        #expect(t.run.isFinished)
        let critic = try #require(part(t, "critic"))
        #expect(critic.newRole == "Help me check the important things only")
        #expect(critic.stage == nil)
        #expect(critic.stagesReached.isEmpty)
    }

    @Test func aSkippedNewRoleAsksNothingAboutTheStage() throws {
        var t = try transcript("protector-appreciation", parts: [Self.critic], focus: "critic")
        try t.answer(Self.openToward[0], Self.openToward[1], Self.openToward[2])
        try t.answer(.skip, .skip, .skip, .skip, .option(0), .skip)
        #expect(ids(t).suffix(2) == ["protector-appreciation.new-role", "protector-appreciation.promise"])
        try t.answer(.skip)
        #expect(t.run.isFinished)
        #expect(part(t, "critic")?.newRole.isEmpty ?? true)
        #expect(part(t, "critic")?.stage == nil)
    }

    @Test func aSkippedJobQuestionGoesStraightToThePromise() throws {
        var t = try transcript("protector-appreciation", parts: [Self.critic], focus: "critic")
        try t.answer(Self.openToward[0], Self.openToward[1], Self.openToward[2])
        try t.answer(.skip, .skip, .skip, .skip, .skip)
        #expect(ids(t).suffix(2) == ["protector-appreciation.new-job", "protector-appreciation.promise"])
        try t.answer(.skip)
        #expect(t.run.isFinished)
    }

    @Test func anEarlierNewRoleIsShownBackAndAReachedStageIsNotAskedAgain() throws {
        var t = try transcript("protector-appreciation", parts: [Self.settled], focus: "guard")
        try t.answer(Self.openToward[0], Self.openToward[1], Self.openToward[2])
        try t.answer(.text("It keeps an eye on who comes close"), .skip, .skip, .skip)
        #expect(t.shown.last == "protector-appreciation.new-job: Ask the guard: now that it has heard your thanks, would it like a different job or role from here on?")
        #expect(said(t, "protector-appreciation.earlier-role") == "Last time, the guard said it might like a different role: \"keep watch from the porch\".")
        try t.answer(.option(0), .text("Sit with me in the evenings"), .skip)
        #expect(!ids(t).contains("protector-appreciation.new-role-stage"))
        #expect(t.run.isFinished)
        let guardPart = try #require(part(t, "guard"))
        #expect(guardPart.job == "It keeps an eye on who comes close")
        #expect(guardPart.newRole == "Sit with me in the evenings")
        #expect(guardPart.stage == .newRole)
    }

    @Test func skippingThePartLetsMakingRoomAsk() throws {
        var t = try transcript("protector-appreciation")
        try t.answer(.skip)
        #expect(t.currentStepID == "which-part")
        try t.answer(.partNamed("The hurry"), Self.openToward[0], Self.openToward[1], Self.openToward[2])
        #expect(t.currentStepID == "done")
        #expect(t.shown.last == "protector-appreciation.done: What has The hurry been doing for you?")
    }

    /// Three rounds where another part stays close, then turning toward it and not feeling open yet.
    static let anotherPartStaysClose: [AnswerInput] = [
        .text("annoyed"), .option(2), .option(0),
        .text("still annoyed"), .option(2), .option(0),
        .text("irritated"), .option(2), .option(0),
        .option(0), .partNamed("The shield"), .text("It wants me to hurry up"), .text("tense"), .option(2),
    ]

    @Test func withoutOpennessTheFlowOffersToStopKindly() throws {
        var t = try transcript("protector-appreciation", parts: [Self.critic], focus: "critic")
        for input in Self.anotherPartStaysClose { try t.answer(input) }
        #expect(t.currentStepID == "room")
        #expect(t.shown.last == "protector-appreciation.room: Thanks land best from a calm, open place, and some part of you may still be close. Would you like to go on and thank The shield anyway, or stop here for today?")
        try t.answer(.option(1))
        #expect(ids(t).suffix(3) == ["protector-appreciation.room", "protector-appreciation.stop-kindly",
                                     "protector-appreciation.stop-promise"])
        try t.answer(.text("I'll come back on Sunday"))
        #expect(ids(t).last == "protector-appreciation.stopped")
        #expect(t.run.isFinished)
        #expect(!ids(t).contains("protector-appreciation.thanks"))
        let shield = try #require(part(t, "the-shield"))
        #expect(shield.promises.map(\.text) == ["I'll come back on Sunday"])
        #expect(shield.feelToward.map(\.chosen) == [.concernedPart])
        #expect(part(t, "critic")?.feelToward.map(\.chosen) == [.concernedPart, .concernedPart, .concernedPart])
    }

    @Test func withoutOpennessThePersonCanStillGoOn() throws {
        var t = try transcript("protector-appreciation", parts: [Self.critic], focus: "critic")
        for input in Self.anotherPartStaysClose { try t.answer(input) }
        try t.answer(.option(0))
        #expect(t.currentStepID == "done")
        try t.answer(.text("It pushes me on"), .skip, .text("Thank you for pushing."), .skip, .option(1), .skip)
        #expect(ids(t).last == "protector-appreciation.closing")
        #expect(t.run.isFinished)
        #expect(part(t, "the-shield")?.job == "It pushes me on")
    }

    @Test func pausingInMakingRoomEndsTheWholeSession() throws {
        var t = try transcript("protector-appreciation", parts: [Self.critic], focus: "critic")
        try t.answer(.text("annoyed"), .option(2), .option(0), .text("still annoyed"), .option(2), .option(0),
                     .text("irritated"), .option(2), .option(0), .option(1), .skip)
        #expect(ids(t).last == "unblending.pause-promise")
        #expect(t.run.isFinished)
        #expect(!ids(t).contains("protector-appreciation.room"))
    }

    // MARK: Your story of growing up

    /// Answers every step gently until `stop` is shown, then answers it with `answer`. Lines of the
    /// safety plan are skipped, so the plan stays as the test began it.
    func walk(_ t: inout Transcript, to stop: String, answer: AnswerInput? = nil) throws {
        try t.answer()
        while let step = t.engine.currentStep(t.run), step.step.id != stop {
            switch step.step.kind {
            case .choice: try t.answer(.option(0))
            case .scale: try t.answer(.number(2))
            case .shortText, .longText: try t.answer(step.step.keeps == nil ? .text("a few words") : .skip)
            default: try t.answer(.skip)
            }
        }
        if let answer { try t.answer(answer) }
    }

    static let stages = ["begin", "to-safe", "to-comfort", "to-explore", "to-hard", "to-parts", "to-now", "to-younger"]

    @Test func theWholeStoryWithAPlanOnFile() throws {
        var t = try transcript("earned-security", plan: Self.plan)
        try t.answer(.option(0), .option(0), .number(2))
        #expect(said(t, "earned-security.support-plan") == "Here is your safety plan:\n\n" + Self.planLines)
        try t.answer(.option(0), .option(0),
                     .text("Mum, and Nan at weekends"), .option(0),
                     .text("Nan's kitchen, the radio on"), .option(0),
                     .text("I cried in my room and nobody came"), .number(3), .option(0),
                     .text("Dad cheered at football"), .option(0),
                     .text("The shouting"), .option(0),
                     .text("The watcher still listens for doors"), .partNamed("The watcher"), .text("It learned to listen for moods"),
                     .option(0), .text("They were tired and scared too"), .number(2), .option(0),
                     .text("You did nothing wrong."))
        #expect(ids(t) == [
            "earned-security.welcome", "earned-security.companion", "earned-security.time", "earned-security.stirred-now",
            "earned-security.support-plan", "earned-security.support", "earned-security.begin", "earned-security.cared-for",
            "earned-security.to-safe", "earned-security.safe", "earned-security.to-comfort", "earned-security.comfort",
            "earned-security.mid-stirred", "earned-security.to-explore", "earned-security.explore", "earned-security.to-hard",
            "earned-security.hard", "earned-security.to-parts", "earned-security.parts-today", "earned-security.early-part",
            "earned-security.early-part-note", "earned-security.to-now", "earned-security.understand",
            "earned-security.end-stirred", "earned-security.to-younger", "earned-security.steady", "earned-security.younger-you",
            "earned-security.closing", "earned-security.after-care",
        ])
        #expect(t.run.isFinished)
        #expect(said(t, "earned-security.closing")?.contains("earned security") == true)
        #expect(said(t, "earned-security.closing")?.contains("any age, from the inside") == true)
        #expect(said(t, "earned-security.after-care")?.hasSuffix(Self.planLines) == true)
        let result = outcome(t)
        #expect(result.entry.title == "Mum, and Nan at weekends")
        #expect(result.entry.distress == [DistressReading(stepID: "stirred-now", value: 2),
                                          DistressReading(stepID: "mid-stirred", value: 3),
                                          DistressReading(stepID: "end-stirred", value: 2)])
        #expect(section(t, "younger-you") == "You did nothing wrong.")
        #expect(result.entry.parts == ["the-watcher"])
        let watcher = try #require(part(t, "the-watcher"))
        #expect(watcher.notes == "2026-11-29: It learned to listen for moods")
        #expect(watcher.role == .unknown) // the person chooses roles; this flow never sets one
        #expect(result.safetyPlan == nil)
    }

    @Test func withNoPlanTheSupportNamedGoesIntoThePlanAndIsShownAtTheClose() throws {
        var t = try transcript("earned-security")
        try t.answer(.option(0), .option(0), .number(1), .option(0))
        #expect(!ids(t).contains("earned-security.support-plan"))
        #expect(t.currentStepID == "support-who")
        try t.answer(.text("Sam, text 07700 900123"))
        try walk(&t, to: "none")
        #expect(ids(t).suffix(2) == ["earned-security.closing", "earned-security.after-care"])
        #expect(said(t, "earned-security.after-care")?.hasSuffix("Someone to reach: Sam, text 07700 900123") == true)
        #expect(!ids(t).contains("earned-security.early-part-note"))
        #expect(t.run.isFinished)
        #expect(outcome(t).safetyPlan == SafetyPlan(supportPerson: "Sam, text 07700 900123"))
    }

    @Test func withNoPlanAndNoNameTheCloseSuggestsReachingOut() throws {
        var t = try transcript("earned-security")
        try t.answer(.option(0), .option(0), .number(1), .option(0), .skip)
        try walk(&t, to: "none")
        #expect(ids(t).suffix(2) == ["earned-security.closing", "earned-security.after-care-no-plan"])
        #expect(t.run.isFinished)
        #expect(outcome(t).safetyPlan == nil)
    }

    @Test func aStoryForATherapistOrForAnotherDayEndsKindly() throws {
        var therapist = try transcript("earned-security")
        try therapist.answer(.option(1))
        #expect(ids(therapist) == ["earned-security.welcome", "earned-security.companion", "earned-security.with-therapist"])
        #expect(therapist.run.isFinished)

        var notToday = try transcript("earned-security")
        try notToday.answer(.option(2))
        #expect(ids(notToday).last == "earned-security.not-today")
        #expect(notToday.run.isFinished)
    }

    @Test func withoutTimeItWaits() throws {
        for input in [AnswerInput.option(1), .skip] {
            var t = try transcript("earned-security")
            try t.answer(.option(0), input)
            #expect(ids(t).suffix(2) == ["earned-security.time", "earned-security.no-time"])
            #expect(t.run.isFinished)
        }
    }

    @Test func sixOrMoreBeforeBeginningMeansNotToday() throws {
        var t = try transcript("earned-security")
        try t.answer(.option(0), .option(0), .number(6))
        #expect(ids(t).suffix(2) == ["earned-security.stirred-now", "earned-security.too-stirred"])
        #expect(t.run.isFinished)
        #expect(outcome(t).entry.distress == [DistressReading(stepID: "stirred-now", value: 6)])

        var seven = try transcript("earned-security")
        try seven.answer(.option(0), .option(0), .number(7))
        #expect(ids(seven).last == "earned-security.too-stirred")
    }

    @Test func eightOrMoreBeforeBeginningGroundsFirst() throws {
        // Still 8 or more after grounding: stop kindly.
        var still = try transcript("earned-security", plan: Self.plan)
        try still.answer(.option(0), .option(0), .number(9))
        #expect(ids(still).contains("grounding.feet"))
        #expect(still.currentStepID == "now")
        try still.answer(.number(9))
        #expect(ids(still).contains("reach-out.reach"))
        #expect(ids(still).suffix(3) == ["earned-security.still-a-lot", "earned-security.pause-here", "earned-security.pause-care"])
        #expect(said(still, "earned-security.pause-care")?.hasSuffix(Self.planLines) == true)
        #expect(still.run.isFinished)

        // Steadier but still 6 or 7: not today.
        var stirred = try transcript("earned-security")
        try stirred.answer(.option(0), .option(0), .number(8), .number(6))
        #expect(ids(stirred).suffix(2) == ["grounding.thank-you", "earned-security.too-stirred"])
        #expect(stirred.run.isFinished)

        // Steady again: the person chooses whether to go on today.
        var later = try transcript("earned-security")
        try later.answer(.option(0), .option(0), .number(8), .number(3), .option(1))
        #expect(ids(later).suffix(2) == ["earned-security.after-ground-start", "earned-security.not-today"])
        #expect(later.run.isFinished)

        var goOn = try transcript("earned-security")
        try goOn.answer(.option(0), .option(0), .number(8), .number(3), .option(0))
        #expect(goOn.currentStepID == "support")
        #expect(outcome(goOn).entry.distress == [DistressReading(stepID: "stirred-now", value: 8),
                                                 DistressReading(stepID: "grounding.now", value: 3)])
    }

    @Test func withNobodyToReachItWaitsOrOffersTheSafetyPlan() throws {
        var wait = try transcript("earned-security")
        try wait.answer(.option(0), .option(0), .number(2), .option(1), .option(1))
        #expect(ids(wait).suffix(3) == ["earned-security.support", "earned-security.no-support", "earned-security.not-today"])
        #expect(wait.run.isFinished)

        var skipped = try transcript("earned-security")
        try skipped.answer(.option(0), .option(0), .number(2), .skip)
        #expect(skipped.currentStepID == "no-support")

        // Writing a plan, then coming back to the question with the plan shown.
        var plan = try transcript("earned-security")
        try plan.answer(.option(0), .option(0), .number(2), .option(1), .option(0))
        #expect(plan.currentStepID == "support")
        #expect(plan.engine.currentStep(plan.run)?.flow.id == "safety-plan")
        try plan.answer(.text("Jo, call 07700 900456"), .skip, .text("116 123"))
        #expect(ids(plan).suffix(4) == ["safety-plan.saved", "safety-plan.where-shown", "earned-security.support-plan",
                                        "earned-security.support"])
        #expect(said(plan, "earned-security.support-plan") == "Here is your safety plan:\n\nSomeone to reach: Jo, call 07700 900456\nCrisis line: 116 123")
        try plan.answer(.option(0))
        #expect(plan.currentStepID == "begin") // the plan already names someone: no need to ask who
        #expect(outcome(plan).safetyPlan == SafetyPlan(supportPerson: "Jo, call 07700 900456", crisisLine: "116 123"))

        // Still nobody after writing the plan twice: another day.
        var twice = try transcript("earned-security")
        try twice.answer(.option(0), .option(0), .number(2), .option(1), .option(0), .skip, .skip, .skip,
                         .option(1), .option(0), .skip, .skip, .skip)
        #expect(ids(twice).filter { $0 == "earned-security.support" }.count == 2)
        #expect(ids(twice).last == "earned-security.not-today")
        #expect(twice.run.isFinished)
    }

    @Test func everyStageCanPauseAndEndsTheSessionKindly() throws {
        for stage in Self.stages {
            var t = try transcript("earned-security")
            try walk(&t, to: stage, answer: .option(1))
            #expect(ids(t).suffix(2) == ["earned-security.\(stage)", "earned-security.pause-here"], "pausing at \(stage)")
            #expect(said(t, "earned-security.pause-here")?.contains("saved") == true)
            #expect(t.run.isFinished, "pausing at \(stage) should end the session")
            #expect(section(t, stage) == "Pause here for today")
        }
        // With a plan, pausing shows it.
        var t = try transcript("earned-security", plan: Self.plan)
        try walk(&t, to: "to-hard", answer: .option(1))
        #expect(ids(t).suffix(2) == ["earned-security.pause-here", "earned-security.pause-care"])
        #expect(t.run.isFinished)
    }

    @Test func skippingAStageQuestionGoesOn() throws {
        var t = try transcript("earned-security")
        try walk(&t, to: "to-safe", answer: .skip)
        #expect(t.currentStepID == "safe")
    }

    @Test func highDistressInTheMiddleGroundsThenGoesOnOrStops() throws {
        var goOn = try transcript("earned-security")
        try walk(&goOn, to: "mid-stirred", answer: .number(9))
        #expect(goOn.currentStepID == "now")
        try goOn.answer(.number(4))
        #expect(goOn.currentStepID == "to-explore")
        #expect(ids(goOn).suffix(3) == ["grounding.now", "grounding.thank-you", "earned-security.to-explore"])

        var stop = try transcript("earned-security")
        try walk(&stop, to: "mid-stirred", answer: .number(8))
        try stop.answer(.number(8))
        #expect(ids(stop).contains("reach-out.reach"))
        #expect(ids(stop).suffix(2) == ["earned-security.still-a-lot", "earned-security.pause-here"])
        #expect(stop.run.isFinished)
        #expect(!ids(stop).contains("earned-security.explore"))
    }

    @Test func aMiddlingReadingInTheMiddleSlowsThingsDown() throws {
        var t = try transcript("earned-security")
        try walk(&t, to: "mid-stirred", answer: .number(6))
        #expect(ids(t).suffix(3) == ["earned-security.mid-stirred", "earned-security.mid-slow", "earned-security.to-explore"])
        #expect(t.currentStepID == "to-explore")
        #expect(!ids(t).contains("grounding.look"))
    }

    @Test func highDistressNearTheEndGroundsThenGoesOnOrStops() throws {
        var goOn = try transcript("earned-security")
        try walk(&goOn, to: "end-stirred", answer: .number(8))
        try goOn.answer(.number(2))
        #expect(goOn.currentStepID == "to-younger")
        try goOn.answer(.option(0), .text("You were brave."))
        #expect(ids(goOn).last == "earned-security.after-care-no-plan")
        #expect(goOn.run.isFinished)

        var stop = try transcript("earned-security")
        try walk(&stop, to: "end-stirred", answer: .number(10))
        try stop.answer(.number(9))
        #expect(ids(stop).suffix(2) == ["earned-security.still-a-lot", "earned-security.pause-here"])
        #expect(stop.run.isFinished)
        #expect(!ids(stop).contains("earned-security.younger-you"))
    }

    @Test func aModerateReadingNearTheEndDoesNotInterrupt() throws {
        var t = try transcript("earned-security")
        try walk(&t, to: "end-stirred", answer: .number(7))
        #expect(t.currentStepID == "to-younger")
    }
}
