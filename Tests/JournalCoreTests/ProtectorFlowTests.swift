import Testing
@testable import JournalCore

/// Transcripts for the protector flows in Prompts/: meet-protector (the 6 F's), polarization
/// (two parts pulling apart) and part-dialogue. Every branch is walked to a finished run, with
/// the steps shown, the entry and the part-record changes checked.
@Suite struct ProtectorFlowTests {
    static let library = FlowLibrary(sources: Fixtures.shippedSources)

    func ids(_ t: Transcript) -> [String] { t.shown.map { String($0.prefix { $0 != ":" }) } }
    func outcome(_ t: Transcript) -> FlowOutcome { t.engine.outcome(t.run, entryID: "e") }
    func changed(_ t: Transcript, _ id: PartID) -> Part? { outcome(t).changedParts.first { $0.id == id } }
    func sectionIDs(_ t: Transcript) -> [String] { outcome(t).entry.sections.map(\.stepID) }

    /// The value of a variable for a part, as a later flow (the exile gate) would see it.
    func resolve(_ path: [String], for id: PartID, in parts: [Part]) throws -> String {
        let engine = FlowEngine(library: Self.library, knownParts: parts)
        let run = try engine.start(flowID: "unblending", at: Fixtures.morning, focus: id)
        return engine.resolve(path, run: run).displayText
    }

    /// Already befriended, so the flows never offer to move its stage back.
    static let critic = Part(id: "critic", name: "the critic", role: .manager, stage: .befriended)

    @Test func myFlowsAreCleanListedAndTimed() {
        let mine = ["meet-protector", "polarization", "part-dialogue"]
        #expect(Self.library.problems.filter { p in mine.contains { p.position.file.contains($0) } }.map(\.description) == [])
        for id in mine {
            let flow = Self.library.flow(id)
            #expect(flow != nil, "\(id) should load")
            #expect(flow?.description.isEmpty == false && flow?.minutes != nil && flow?.listed == true)
        }
    }

    // MARK: Meet a protector

    /// From the start to the fears, with Self present at feel-toward and a calm distress rating.
    func meetToFears(_ t: inout Transcript) throws {
        try t.answer(.partNamed("The planner"), .text("tight shoulders"), .text("a woman with a clipboard"),
                     .text("about forty"), .text("Don't drop the ball"),
                     .text("Curious about it, I want to understand it"), .chooseSelf, .text("What do you need from me?"),
                     .text("It keeps me organised"), .text("Since school"), .text("Tired, honestly"),
                     .text("It wants me to be safe from shame"), .option(0), .text("That everything would fall apart"),
                     .number(4))
        #expect(t.currentStepID == "points-to")
    }

    @Test func meetAProtectorWhoseFearPointsToAYoungerPartAndWhoSaysYes() throws {
        var t = try Transcript(library: Self.library, flow: "meet-protector")
        try meetToFears(&t)
        try t.answer(.option(0), .partNamed("The little one"), .text("A break now and then"), .option(0), .option(0),
                     .text("I'll check in with you tomorrow morning"))
        #expect(t.run.isFinished)
        #expect(ids(t) == [
            "meet-protector.welcome", "meet-protector.which", "meet-protector.find", "meet-protector.focus",
            "meet-protector.image", "meet-protector.age", "meet-protector.words",
            "unblending.notice", "unblending.feel", "unblending.feel-sorting", "unblending.with-self", "unblending.closing",
            "meet-protector.job", "meet-protector.how-long", "meet-protector.job-feelings", "meet-protector.intent",
            "meet-protector.thanks", "meet-protector.befriended", "meet-protector.fears", "meet-protector.stirred", "meet-protector.points-to",
            "meet-protector.protected", "meet-protector.no-rush", "meet-protector.needs-first", "meet-protector.permission",
            "meet-protector.permission-yes", "meet-protector.role", "meet-protector.promise",
            "meet-protector.closing",
        ])
        #expect(t.shown.contains("meet-protector.find: Where do you notice The planner? It might be somewhere in your body, or an image, a voice or a thought."))
        #expect(t.shown.contains("meet-protector.protected: What would you like to call the younger part that The planner looks after?"))
        #expect(t.shown.contains("meet-protector.no-rush: Thank you; The little one can stay where it is for now. Before anyone visits it, The planner gets a say."))
        #expect(t.shown.contains("meet-protector.permission: Would The planner be willing to let you visit the part it looks after, on another day, with The planner close by the whole time?"))

        let result = outcome(t)
        #expect(result.entry.title == "What do you need from me?")
        #expect(result.entry.parts == ["the-planner", "the-little-one"])
        #expect(result.entry.distress == [DistressReading(stepID: "stirred", value: 4)])
        #expect(sectionIDs(t) == ["which", "find", "image", "age", "words", "unblending.feel", "unblending.feel-sorting", "unblending.with-self",
                                  "job", "how-long", "job-feelings", "intent", "befriended", "fears", "stirred", "points-to",
                                  "protected", "needs-first", "permission", "role", "promise"])
        // What it needs is asked before the permission question, and not asked twice.
        #expect(t.shown.contains("meet-protector.needs-first: Ask The planner: what would it need from you before it could feel safe letting you near The little one?"))
        #expect(result.changedParts.map(\.id) == ["the-planner", "the-little-one"])

        let planner = try #require(changed(t, "the-planner"))
        #expect(planner.bodyLocation == "tight shoulders")
        #expect(planner.apparentAge == "about forty")
        #expect(planner.notes == "2026-11-29: a woman with a clipboard\n\n2026-11-29: Don't drop the ball")
        #expect(planner.job == "It keeps me organised")
        #expect(planner.feelings == ["Tired, honestly"])
        #expect(planner.positiveIntent == "It wants me to be safe from shame")
        #expect(planner.fears == ["That everything would fall apart"])
        #expect(planner.protects == ["the-little-one"])
        // Given while the person felt open toward it, as they said: a yes that counts.
        #expect(planner.permissions == [PartPermission(date: Fixtures.morning, request: "visit the part it protects", answer: .yes,
                                                       about: "the-little-one", selfLed: true)])
        #expect(planner.role == .manager)
        #expect(planner.stage == .permission) // marked befriended, then its yes to a visit moves it on
        #expect(planner.promises == [PartPromise(made: Fixtures.morning, text: "I'll check in with you tomorrow morning")])
        #expect(planner.feelToward.map(\.chosen) == [.selfPresent])

        let littleOne = try #require(changed(t, "the-little-one"))
        #expect(littleOne.role == .unknown) // Haven never decides it is an exile
        #expect(littleOne.bodyLocation.isEmpty && littleOne.fears.isEmpty)
        // The gate of the exile flow now sees the protector's yes.
        #expect(try resolve(["part", "protectors_permission"], for: "the-little-one", in: result.changedParts) == "yes")
        #expect(try resolve(["part", "permission"], for: "the-planner", in: result.changedParts) == "yes")
    }

    @Test func notYetIsThankedAndNothingGoesFurther() throws {
        var t = try Transcript(library: Self.library, flow: "meet-protector")
        try meetToFears(&t)
        try t.answer(.option(0), .partNamed("The little one"), .skip, .option(1))
        #expect(ids(t).suffix(2) == ["meet-protector.permission-not-yet", "meet-protector.role"])
        #expect(t.shown.contains { $0.hasPrefix("meet-protector.permission-not-yet: That is a fair answer") && $0.contains("Nothing goes further today") })
        try t.answer(.option(4), .skip, .skip)
        // Its needs were skipped before the question, so they are asked at the end.
        #expect(ids(t).suffix(3) == ["meet-protector.needs", "meet-protector.promise", "meet-protector.closing"])
        #expect(t.run.isFinished)
        let result = outcome(t)
        let planner = try #require(changed(t, "the-planner"))
        #expect(planner.permissions.map(\.answer) == [.notYet])
        #expect(planner.stage == .befriended) // only a yes moves the stage to "permission"
        #expect(planner.role == .unknown) // "I'm not sure" keeps the role as it was
        #expect(planner.promises.isEmpty)
        #expect(try resolve(["part", "protectors_permission"], for: "the-little-one", in: result.changedParts) == "no")
    }

    @Test func noIsRespectedKindly() throws {
        var t = try Transcript(library: Self.library, flow: "meet-protector")
        try meetToFears(&t)
        try t.answer(.option(0), .partNamed("The little one"), .text("To set the pace"), .option(2))
        #expect(t.shown.last?.hasPrefix("meet-protector.role:") == true)
        #expect(t.shown.contains { $0.hasPrefix("meet-protector.permission-no: Thank The planner for its clear answer. Its no is respected") })
        try t.answer(.option(2), .skip)
        #expect(t.run.isFinished)
        #expect(!ids(t).contains("meet-protector.needs"))
        #expect(outcome(t).entry.sections.first { $0.stepID == "needs-first" }?.text == "To set the pace")
        let planner = try #require(changed(t, "the-planner"))
        #expect(planner.permissions == [PartPermission(date: Fixtures.morning, request: "visit the part it protects", answer: .no,
                                                       about: "the-little-one", selfLed: true)])
        #expect(planner.role == .selfLike)
        #expect(planner.protects == ["the-little-one"])
    }

    @Test func aSkippedPermissionRecordsNothingAndGoesOnToTheRole() throws {
        var t = try Transcript(library: Self.library, flow: "meet-protector")
        try meetToFears(&t)
        try t.answer(.option(0), .skip) // the younger part is not named: no permission is asked about nobody
        #expect(!ids(t).contains("meet-protector.no-rush"))
        #expect(!ids(t).contains("meet-protector.permission"))
        #expect(ids(t).last == "meet-protector.role")
        try t.answer(.skip, .skip, .skip)
        #expect(t.run.isFinished)
        let planner = try #require(changed(t, "the-planner"))
        #expect(planner.permissions.isEmpty && planner.protects.isEmpty)
        #expect(outcome(t).entry.parts == ["the-planner"])
    }

    @Test func aFearPointingToAnotherProtectorLinksThemAndMentionsThePolarizationFlow() throws {
        var t = try Transcript(library: Self.library, flow: "meet-protector")
        try meetToFears(&t)
        try t.answer(.option(1), .partNamed("The rebel"), .option(1), .text("Room to rest"), .skip)
        #expect(t.run.isFinished)
        #expect(ids(t).suffix(6) == ["meet-protector.opponent", "meet-protector.polarization-note", "meet-protector.role",
                                     "meet-protector.needs", "meet-protector.promise", "meet-protector.closing"])
        #expect(t.shown.contains { $0.hasPrefix("meet-protector.polarization-note:") && $0.contains("\"Two parts pulling apart\"") })
        #expect(Self.library.flow("polarization")?.title == "Two parts pulling apart")
        let planner = try #require(changed(t, "the-planner"))
        let rebel = try #require(changed(t, "the-rebel"))
        #expect(planner.polarizedWith == ["the-rebel"])
        #expect(rebel.polarizedWith == ["the-planner"])
        #expect(planner.role == .firefighter)
        #expect(planner.permissions.isEmpty)
        #expect(rebel.role == .unknown)

        var unnamed = try Transcript(library: Self.library, flow: "meet-protector")
        try meetToFears(&unnamed)
        try unnamed.answer(.option(1), .skip, .skip, .skip, .skip)
        #expect(ids(unnamed).suffix(6) == ["meet-protector.opponent", "meet-protector.polarization-note", "meet-protector.role",
                                           "meet-protector.needs", "meet-protector.promise", "meet-protector.closing"])
        #expect(unnamed.run.isFinished)
        #expect(try #require(changed(unnamed, "the-planner")).polarizedWith.isEmpty)
    }

    @Test func aFearPointingNowhereGoesStraightToTheRole() throws {
        var t = try Transcript(library: Self.library, flow: "meet-protector", parts: [Self.critic], focus: "critic")
        try t.advance()
        #expect(t.currentStepID == "find") // a part in focus is not asked for again
        try t.answer(.skip, .skip, .skip, .skip, .text("calm and open"), .chooseSelf, .skip, .text("Keeps me in line"), .skip, .skip,
                     .skip, .text("That I'd embarrass myself"), .number(2), .option(2))
        #expect(ids(t).suffix(2) == ["meet-protector.points-to", "meet-protector.role"])
        try t.answer(.option(4), .skip, .skip)
        #expect(t.run.isFinished)
        let critic = try #require(changed(t, "critic"))
        #expect(critic.role == .manager) // "I'm not sure" leaves the person's earlier choice alone
        #expect(!ids(t).contains("meet-protector.befriended")) // already further along: its stage is not offered
        #expect(critic.stage == .befriended)
        #expect(critic.job == "Keeps me in line")
        #expect(critic.fears == ["That I'd embarrass myself"])
        #expect(critic.protects.isEmpty && critic.polarizedWith.isEmpty && critic.permissions.isEmpty)
        #expect(outcome(t).entry.title == "That I'd embarrass myself")
    }

    @Test func highDistressAtTheFearsOffersGroundingThenGoesOn() throws {
        var t = try Transcript(library: Self.library, flow: "meet-protector", parts: [Self.critic], focus: "critic")
        try t.answer(.skip, .skip, .skip, .skip, .text("curious"), .chooseSelf, .skip, .skip, .skip, .skip, .skip,
                     .text("That I'd be abandoned"), .number(9))
        #expect(t.currentStepID == "offer-grounding")
        try t.answer(.option(0))
        #expect(t.currentStepID == "now")
        #expect(ids(t).contains("grounding.feet"))
        try t.answer(.number(5))
        #expect(t.currentStepID == "after-grounding")
        try t.answer(.option(0))
        #expect(t.currentStepID == "points-to")
        try t.answer(.option(2), .skip, .skip, .skip)
        #expect(t.run.isFinished)
        #expect(outcome(t).entry.distress == [DistressReading(stepID: "stirred", value: 9),
                                               DistressReading(stepID: "grounding.now", value: 5)])
    }

    @Test func highDistressCanKeepGoingOrStopWithAPromiseToReturn() throws {
        var keepGoing = try Transcript(library: Self.library, flow: "meet-protector", parts: [Self.critic], focus: "critic")
        try keepGoing.answer(.skip, .skip, .skip, .skip, .text("curious"), .chooseSelf, .skip, .skip, .skip, .skip, .skip, .skip,
                             .number(8), .option(1))
        #expect(keepGoing.currentStepID == "points-to")

        var stop = try Transcript(library: Self.library, flow: "meet-protector", parts: [Self.critic], focus: "critic")
        try stop.answer(.skip, .skip, .skip, .skip, .text("curious"), .chooseSelf, .skip, .skip, .skip, .skip, .skip, .skip,
                        .number(10), .option(2), .text("I'll sit with you again on Sunday"))
        #expect(ids(stop).suffix(6) == ["meet-protector.offer-grounding", "reach-out.reach", "reach-out.no-plan-yet", "meet-protector.stop-kindly",
                                        "meet-protector.stop-promise", "meet-protector.stopped"])
        #expect(stop.run.isFinished)
        #expect(try #require(changed(stop, "critic")).promises == [PartPromise(made: Fixtures.morning, text: "I'll sit with you again on Sunday")])

        var afterGrounding = try Transcript(library: Self.library, flow: "meet-protector", parts: [Self.critic], focus: "critic")
        try afterGrounding.answer(.skip, .skip, .skip, .skip, .text("curious"), .chooseSelf, .skip, .skip, .skip, .skip, .skip, .skip,
                                  .number(9), .option(0), .number(6))
        try afterGrounding.answer(.option(1), .skip)
        #expect(ids(afterGrounding).suffix(4) == ["meet-protector.after-grounding", "meet-protector.stop-kindly",
                                                  "meet-protector.stop-promise", "meet-protector.stopped"])
        #expect(afterGrounding.run.isFinished)

        // Still 8 or more after grounding: no offer to go on; stopping, with a promise if wished.
        var stillHigh = try Transcript(library: Self.library, flow: "meet-protector", parts: [Self.critic], focus: "critic")
        try stillHigh.answer(.skip, .skip, .skip, .skip, .text("curious"), .chooseSelf, .skip, .skip, .skip, .skip, .skip, .skip,
                             .number(9), .option(0), .number(9))
        #expect(ids(stillHigh).contains("reach-out.reach"))
        #expect(!ids(stillHigh).contains("meet-protector.after-grounding"))
        #expect(stillHigh.currentStepID == "stop-promise")
        try stillHigh.answer(.skip)
        #expect(stillHigh.run.isFinished)
    }

    @Test func whenSelfIsNotHereThePersonCanStopKindly() throws {
        var t = try Transcript(library: Self.library, flow: "meet-protector", parts: [Self.critic], focus: "critic")
        try t.answer(.skip, .skip, .skip, .skip,
                     .text("annoyed"), .chooseAnotherPart, .option(0), .text("still annoyed"), .chooseAnotherPart, .option(0),
                     .text("irritated"), .chooseAnotherPart, .option(0), .option(1), .skip)
        #expect(ids(t).suffix(3) == ["unblending.three-rounds", "unblending.pause-kindly", "unblending.pause-promise"])
        #expect(t.run.isFinished)
        let critic = try #require(changed(t, "critic"))
        #expect(critic.feelToward.map(\.chosen) == [.concernedPart, .concernedPart, .concernedPart])
        #expect(critic.job.isEmpty && critic.promises.isEmpty)
    }

    @Test func aFeelingLeftUnsureAsksBeforeGoingOn() throws {
        var t = try Transcript(library: Self.library, flow: "meet-protector", parts: [Self.critic], focus: "critic")
        try t.answer(.skip, .skip, .skip, .skip, .text("like a grey cloud"), .chooseUnsure, .option(0), .text("hmm"), .chooseUnsure,
                     .option(0), .text("hmm"), .chooseUnsure, .option(0))
        #expect(t.currentStepID == "still-unsure")
        try t.answer(.option(1), .skip)
        #expect(t.run.isFinished) // pausing kindly ends the session: nothing goes on without Self
        #expect(!ids(t).contains("meet-protector.job"))
    }

    /// A yes given while the person said another part was close is kept as such, and the exile
    /// gate asks for it again.
    @Test func aPermissionGivenWithoutSelfIsStoredAsSuchAndAskedAgain() throws {
        var t = try Transcript(library: Self.library, flow: "meet-protector", parts: [Self.critic], focus: "critic")
        try t.answer(.skip, .skip, .skip, .skip, .text("annoyed"), .chooseAnotherPart, .option(0), .text("curious now"),
                     .chooseAnotherPart, .option(0), .text("calm"), .chooseAnotherPart, .option(0))
        #expect(t.currentStepID == "three-rounds")
        // Turning toward the other part; it is the one asked, and it says yes without Self.
        try t.answer(.option(0), .partNamed("The guard"), .skip, .text("annoyed"), .chooseAnotherPart, .option(0),
                     .skip, .skip, .skip, .skip, .option(1), .skip, .number(2), .option(0), .partNamed("The small one"), .skip,
                     .option(0))
        let guardPart = try #require(changed(t, "the-guard"))
        #expect(guardPart.permissions.map(\.selfLed) == [false])
        #expect(try resolve(["part", "protectors_permission"], for: "the-small-one", in: outcome(t).changedParts) == "again")
        #expect(try resolve(["part", "guarded"], for: "the-small-one", in: outcome(t).changedParts) == "yes")
    }

    @Test func turningTowardThePartThatKeepsSteppingInGoesOnWithIt() throws {
        var t = try Transcript(library: Self.library, flow: "meet-protector", parts: [Self.critic], focus: "critic")
        try t.answer(.text("in my chest"), .skip, .skip, .skip,
                     .text("annoyed"), .chooseAnotherPart, .option(0), .text("still annoyed"), .chooseAnotherPart, .option(0),
                     .text("irritated"), .chooseAnotherPart, .option(0),
                     .option(0), .partNamed("The guard"), .text("It doesn't trust the critic"), .text("annoyed"), .chooseAnotherPart)
        // Asked afresh about the new part: without Self toward it, going on is a choice.
        #expect(t.shown.last == "meet-protector.room: Would you like to go on getting to know The guard, or stop here for today?")
        try t.answer(.option(0), .text("Keeps watch"))
        #expect(t.shown.contains("meet-protector.job: Let The guard tell you about itself. What job does it do for you?"))
        try t.answer(.skip, .skip, .skip, .option(1), .skip, .number(1), .option(2), .skip, .skip, .skip)
        #expect(ids(t).contains("meet-protector.befriended")) // The guard is newly met
        #expect(t.run.isFinished)
        #expect(try #require(changed(t, "critic")).bodyLocation == "in my chest")
        #expect(try #require(changed(t, "the-guard")).job == "Keeps watch")
        #expect(try #require(changed(t, "the-guard")).feelToward.map(\.chosen) == [.concernedPart])
        #expect(outcome(t).entry.parts == ["critic", "the-guard"])
    }

    // MARK: Two parts pulling apart

    /// Names both parts and visits each with Self present, up to the distress rating.
    func polarizationToStirred(_ t: inout Transcript, stirred: Int = 3) throws {
        try t.answer(.partNamed("The pusher"), .partNamed("The resting one"),
                     .text("a buzz in my chest"), .text("curious about it"), .chooseSelf, .skip,
                     .text("Keeps me working so I'm never caught out"), .text("That I'd lose everything"),
                     .option(0), .text("heavy legs"), .text("warm toward it"), .chooseSelf, .skip,
                     .text("Makes me stop before I break"), .text("That I'd burn out"),
                     .number(stirred))
    }

    @Test func polarizationHearsBothSidesAndTheirExchange() throws {
        var t = try Transcript(library: Self.library, flow: "polarization")
        try polarizationToStirred(&t)
        try t.answer(.text("For me to be OK"), .option(0), .option(0),
                     .text("The pusher: We'll fall behind.\nThe resting one: We're exhausted.\nMe: I hear you both."))
        #expect(t.run.isFinished)
        #expect(ids(t) == [
            "polarization.welcome", "polarization.first", "polarization.second", "polarization.first-turn",
            "polarization.first-find", "unblending.notice", "unblending.feel", "unblending.feel-sorting", "unblending.with-self", "unblending.closing",
            "polarization.first-job", "polarization.first-fear", "polarization.first-thanks", "polarization.second-turn",
            "polarization.second-find", "unblending.notice", "unblending.feel", "unblending.feel-sorting", "unblending.with-self", "unblending.closing",
            "polarization.second-job", "polarization.second-fear", "polarization.second-thanks", "polarization.stirred",
            "polarization.shared", "polarization.self-lead", "polarization.lead-yes", "polarization.exchange-offer",
            "polarization.exchange", "polarization.closing",
        ])
        #expect(t.shown.contains("polarization.second: And what would you call the part that pulls against The pusher?"))
        #expect(t.shown.contains("polarization.first-turn: Let's begin with The pusher, while The resting one waits nearby; its turn comes next."))
        #expect(t.shown.contains("polarization.first-fear: What is The pusher afraid would happen if The resting one got its way?"))
        #expect(t.shown.contains("polarization.second-fear: What is The resting one afraid would happen if The pusher got its way?"))
        #expect(t.shown.contains("unblending.feel: How do you feel toward The resting one right now?"))
        #expect(t.shown.contains { $0.hasPrefix("polarization.shared:") && $0.contains("what do The pusher and The resting one both want for you?") })

        let result = outcome(t)
        #expect(result.entry.title == "That I'd lose everything")
        #expect(result.entry.parts == ["the-pusher", "the-resting-one"])
        #expect(result.entry.distress == [DistressReading(stepID: "stirred", value: 3)])
        #expect(sectionIDs(t) == ["first", "second", "first-find", "unblending.feel", "unblending.feel-sorting", "first-job", "first-fear",
                                  "second-turn", "second-find", "unblending.feel", "unblending.feel-sorting", "second-job", "second-fear", "stirred",
                                  "shared", "self-lead", "exchange-offer", "exchange"])
        #expect(result.entry.sections.last?.text.contains("Me: I hear you both.") == true)

        let pusher = try #require(changed(t, "the-pusher"))
        let resting = try #require(changed(t, "the-resting-one"))
        #expect(pusher.polarizedWith == ["the-resting-one"])
        #expect(resting.polarizedWith == ["the-pusher"])
        #expect(pusher.bodyLocation == "a buzz in my chest")
        #expect(pusher.job == "Keeps me working so I'm never caught out")
        #expect(pusher.fears == ["That I'd lose everything"])
        #expect(pusher.feelToward.map(\.answer) == ["curious about it"])
        #expect(resting.bodyLocation == "heavy legs")
        #expect(resting.job == "Makes me stop before I break")
        #expect(resting.fears == ["That I'd burn out"])
        #expect(resting.feelToward.map(\.answer) == ["warm toward it"])
        // Letting the Self lead is not a permission to visit anyone: nothing is recorded as one.
        #expect(pusher.permissions.isEmpty && resting.permissions.isEmpty)
        #expect(pusher.role == .unknown && resting.role == .unknown)
    }

    @Test func polarizationNotYetAndNoAreRespectedAndTheExchangeIsOptional() throws {
        for (option, message) in [(1, "polarization.lead-not-yet"), (2, "polarization.lead-not-yet"), (3, "polarization.lead-no")] {
            var t = try Transcript(library: Self.library, flow: "polarization")
            try polarizationToStirred(&t)
            try t.answer(.skip, .option(option), .option(1))
            #expect(ids(t).suffix(4) == ["polarization.self-lead", message, "polarization.exchange-offer", "polarization.closing"])
            #expect(t.run.isFinished)
            #expect(!sectionIDs(t).contains("exchange"))
        }
        var skipped = try Transcript(library: Self.library, flow: "polarization")
        try polarizationToStirred(&skipped)
        try skipped.answer(.skip, .skip, .skip, .skip)
        #expect(ids(skipped).suffix(4) == ["polarization.self-lead", "polarization.exchange-offer", "polarization.exchange",
                                           "polarization.closing"])
        #expect(skipped.run.isFinished)
    }

    @Test func polarizationAsksKindlyForNamesAndCanStop() throws {
        var t = try Transcript(library: Self.library, flow: "polarization")
        try t.answer(.skip)
        #expect(t.currentStepID == "need-names")
        try t.answer(.option(0))
        #expect(t.currentStepID == "first")
        try t.answer(.partNamed("The pusher"), .skip)
        #expect(t.currentStepID == "need-names")
        try t.answer(.option(0))
        #expect(t.currentStepID == "second")
        try t.answer(.skip) // a third time: no more asking
        #expect(ids(t).suffix(2) == ["polarization.second", "polarization.stop-early"])
        #expect(t.run.isFinished)

        var stop = try Transcript(library: Self.library, flow: "polarization")
        try stop.answer(.partNamed("The pusher"), .skip, .option(1))
        #expect(ids(stop).suffix(2) == ["polarization.need-names", "polarization.stop-early"])
        #expect(stop.run.isFinished)
        #expect(outcome(stop).changedParts.map(\.id) == ["the-pusher"])

        var named = try Transcript(library: Self.library, flow: "polarization")
        try named.answer(.partNamed("The pusher"), .skip, .option(0), .partNamed("The brake"))
        #expect(named.currentStepID == "first-find")
        #expect(try #require(changed(named, "the-brake")).polarizedWith == ["the-pusher"])
    }

    @Test func skippingTheSecondTurnKeepsItsRecordUntouched() throws {
        var t = try Transcript(library: Self.library, flow: "polarization")
        try t.answer(.partNamed("The pusher"), .partNamed("The brake"), .skip, .text("curious"), .chooseSelf, .skip, .skip, .skip, .skip)
        // Only one side heard: no shared goal is asked for; the other side waits for another day.
        #expect(ids(t).suffix(2) == ["polarization.second-turn", "polarization.second-waits"])
        #expect(t.shown.last == "polarization.second-waits: Then The brake's side can wait for another day; it matters as much as The pusher's. You might let The brake know you will come back to hear it.")
        #expect(t.run.isFinished)
        let brake = try #require(changed(t, "the-brake"))
        #expect(brake.polarizedWith == ["the-pusher"])
        #expect(brake.feelToward.isEmpty && brake.job.isEmpty && brake.fears.isEmpty)
        #expect(try #require(changed(t, "the-pusher")).feelToward.count == 1)
    }

    @Test func polarizationOffersGroundingWhenStirredUp() throws {
        var ground = try Transcript(library: Self.library, flow: "polarization")
        try polarizationToStirred(&ground, stirred: 8)
        #expect(ground.currentStepID == "offer-grounding")
        try ground.answer(.option(0), .number(4), .option(0))
        #expect(ground.currentStepID == "shared")
        #expect(outcome(ground).entry.distress.map(\.value) == [8, 4])

        var keepGoing = try Transcript(library: Self.library, flow: "polarization")
        try polarizationToStirred(&keepGoing, stirred: 9)
        try keepGoing.answer(.option(1))
        #expect(keepGoing.currentStepID == "shared")

        var stop = try Transcript(library: Self.library, flow: "polarization")
        try polarizationToStirred(&stop, stirred: 10)
        try stop.answer(.option(2))
        #expect(ids(stop).suffix(4) == ["polarization.offer-grounding", "reach-out.reach", "reach-out.no-plan-yet", "polarization.stop-kindly"])
        #expect(stop.run.isFinished)

        var stopAfter = try Transcript(library: Self.library, flow: "polarization")
        try polarizationToStirred(&stopAfter, stirred: 9)
        try stopAfter.answer(.option(0), .number(3), .option(1))
        #expect(ids(stopAfter).suffix(2) == ["polarization.after-grounding", "polarization.stop-kindly"])
        #expect(stopAfter.run.isFinished)

        var stillHigh = try Transcript(library: Self.library, flow: "polarization")
        try polarizationToStirred(&stillHigh, stirred: 9)
        try stillHigh.answer(.option(0), .number(8))
        #expect(ids(stillHigh).suffix(3) == ["reach-out.reach", "reach-out.no-plan-yet", "polarization.stop-kindly"])
        #expect(stillHigh.run.isFinished)
    }

    @Test func polarizationCanStopWhenSelfIsNotHereWithEitherPart() throws {
        var first = try Transcript(library: Self.library, flow: "polarization")
        try first.answer(.partNamed("The pusher"), .partNamed("The brake"), .skip,
                         .text("I want it gone"), .chooseAnotherPart, .option(0), .text("still want it gone"), .chooseAnotherPart,
                         .option(0), .text("numb"), .chooseAnotherPart, .option(0), .option(1), .skip)
        #expect(ids(first).last == "unblending.pause-promise") // pausing kindly ends the session
        #expect(first.run.isFinished)

        var second = try Transcript(library: Self.library, flow: "polarization")
        try second.answer(.partNamed("The pusher"), .partNamed("The brake"), .skip, .text("curious"), .chooseSelf, .skip, .skip, .skip,
                          .option(0), .skip, .text("like a grey cloud"), .chooseAnotherPart, .option(3), .skip)
        // "Actually, I do feel open toward it" after all, then going on is a choice still asked
        // only when the last reading was not Self: here it was Self, so on to its job.
        #expect(second.currentStepID == "second-job")
        try second.answer(.skip, .skip, .skip, .skip, .skip, .skip, .skip)
        #expect(second.run.isFinished)

    }

    /// Making room turned toward a third part: polarization stops and asks, so what is said about
    /// the third part never goes on the record of the part whose turn it was.
    @Test func whenTheFocusMovesToAThirdPartPolarizationStopsAndAsks() throws {
        func toThirdPart() throws -> Transcript {
            var t = try Transcript(library: Self.library, flow: "polarization")
            try t.answer(.partNamed("The pusher"), .partNamed("The brake"), .skip,
                         .text("annoyed"), .chooseAnotherPart, .option(0), .text("annoyed"), .chooseAnotherPart, .option(0),
                         .text("annoyed"), .chooseAnotherPart, .option(0), .option(0), .partNamed("The critic"), .skip,
                         .text("curious"), .chooseSelf)
            #expect(t.shown.last == "polarization.first-focus-moved: It sounds like The critic needs your attention now. Would you like to stay with it for now, or go back to The pusher?")
            return t
        }
        var stay = try toThirdPart()
        try stay.answer(.option(0), .text("It wants me to slow down"), .skip)
        #expect(Array(ids(stay).suffix(2)) == ["polarization.stay-with-new", "polarization.stay-promise"])
        #expect(stay.run.isFinished)
        #expect(try #require(changed(stay, "the-pusher")).job.isEmpty)

        var back = try toThirdPart()
        try back.answer(.option(1))
        // Back with the first part: how you feel toward it is asked again, and its answers are its own.
        #expect(Array(ids(back).suffix(3)) == ["polarization.back-to-first", "unblending.notice", "unblending.feel"])
        #expect(back.shown.last == "unblending.feel: How do you feel toward The pusher right now?")
        try back.answer(.text("curious now"), .chooseSelf, .skip, .text("Keeps me going"))
        #expect(try #require(changed(back, "the-pusher")).job == "Keeps me going")
        #expect(try #require(changed(back, "the-critic")).job.isEmpty)
    }

    // MARK: A conversation with a part

    @Test func aConversationWhoseLessonsGoIntoThePartsRecord() throws {
        var t = try Transcript(library: Self.library, flow: "part-dialogue", parts: [Self.critic], focus: "critic")
        try t.answer(.text("Curious what it wants"), .chooseSelf, .skip,
                     .text("Me: What are you worried about?\nthe critic: That you'll be laughed at."),
                     .number(3), .text("It is scared, not mean"), .option(0),
                     .text("scared"), .text("If I'm not perfect, I'll be left out"), .text("It softened when I listened"))
        #expect(t.run.isFinished)
        #expect(ids(t) == [
            "unblending.notice", "unblending.feel", "unblending.feel-sorting", "unblending.with-self", "unblending.closing",
            "part-dialogue.ready", "part-dialogue.dialogue", "part-dialogue.stirred", "part-dialogue.learned",
            "part-dialogue.update-offer", "part-dialogue.rec-feelings", "part-dialogue.rec-beliefs", "part-dialogue.rec-notes",
            "part-dialogue.closing",
        ])
        let hint = try #require(Self.library.flow("part-dialogue")?.step("dialogue")?.hint)
        #expect(hint.contains("\"Me: What are you worried about?\" then \"{part}: That you will get hurt again.\""))
        let result = outcome(t)
        #expect(result.entry.title == "Me: What are you worried about?")
        #expect(result.entry.parts == ["critic"])
        #expect(sectionIDs(t) == ["unblending.feel", "unblending.feel-sorting", "dialogue", "stirred", "learned", "update-offer",
                                  "rec-feelings", "rec-beliefs", "rec-notes"])
        #expect(result.entry.sections.first { $0.stepID == "dialogue" }?.heading
                == "Start with what you would like to say to the critic, then write how it answers, and go on for as long as feels right.")
        let critic = try #require(changed(t, "critic"))
        #expect(critic.feelings == ["scared"])
        #expect(critic.beliefs == ["If I'm not perfect, I'll be left out"])
        #expect(critic.notes == "2026-11-29: It softened when I listened")
        #expect(critic.role == .manager)
    }

    @Test func aConversationKeptWithoutTouchingTheRecord() throws {
        for input in [AnswerInput.option(1), .skip] {
            var t = try Transcript(library: Self.library, flow: "part-dialogue")
            try t.advance()
            #expect(t.currentStepID == "which")
            try t.answer(.partNamed("The worrier"), .text("open"), .chooseSelf, .skip, .text("Me: Hi.\nThe worrier: Hi."), .skip,
                         .text("Nothing new today"), input)
            #expect(ids(t).suffix(2) == ["part-dialogue.update-offer", "part-dialogue.closing"])
            #expect(t.run.isFinished)
            let worrier = try #require(changed(t, "the-worrier"))
            #expect(worrier.feelings.isEmpty && worrier.beliefs.isEmpty && worrier.notes.isEmpty)
            #expect(worrier.feelToward.map(\.chosen) == [.selfPresent])
        }
    }

    @Test func aConversationThatStirsThingsUpOffersGrounding() throws {
        func started() throws -> Transcript {
            var t = try Transcript(library: Self.library, flow: "part-dialogue", parts: [Self.critic], focus: "critic")
            try t.answer(.text("curious"), .chooseSelf, .skip, .text("Me: ...\nthe critic: ..."), .number(9))
            #expect(t.currentStepID == "offer-grounding")
            return t
        }
        var ground = try started()
        try ground.answer(.option(0), .number(4), .option(0))
        #expect(ground.currentStepID == "learned")
        #expect(outcome(ground).entry.distress.map(\.stepID) == ["stirred", "grounding.now"])

        var keepGoing = try started()
        try keepGoing.answer(.option(1))
        #expect(keepGoing.currentStepID == "learned")

        var stop = try started()
        try stop.answer(.option(2))
        #expect(ids(stop).last == "part-dialogue.stop-kindly")
        #expect(stop.run.isFinished)

        var stopAfter = try started()
        try stopAfter.answer(.option(0), .number(7), .option(1))
        #expect(ids(stopAfter).suffix(2) == ["part-dialogue.after-grounding", "part-dialogue.stop-kindly"])
        #expect(stopAfter.run.isFinished)
        #expect(outcome(stopAfter).entry.sections.contains { $0.stepID == "dialogue" })

        var stillHigh = try started()
        try stillHigh.answer(.option(0), .number(8))
        #expect(ids(stillHigh).suffix(3) == ["reach-out.reach", "reach-out.no-plan-yet", "part-dialogue.stop-kindly"])
        #expect(stillHigh.run.isFinished)
    }

    @Test func aConversationCanWaitWhenSelfIsNotHere() throws {
        var t = try Transcript(library: Self.library, flow: "part-dialogue", parts: [Self.critic], focus: "critic")
        // Still blended after three rounds: unblending offers a kind pause, which ends the session.
        try t.answer(.text("I'm terrified"), .chooseBlended, .option(0), .text("I am terrified"), .chooseBlended, .option(0),
                     .text("I feel overwhelmed"), .chooseBlended, .option(0), .option(1), .text("Tomorrow evening"))
        #expect(ids(t).suffix(3) == ["unblending.still-close", "unblending.pause-kindly", "unblending.pause-promise"])
        #expect(t.run.isFinished)
        let critic = try #require(changed(t, "critic"))
        #expect(critic.feelToward.map(\.chosen) == [.targetBlended, .targetBlended, .targetBlended])
        #expect(critic.promises.map(\.text) == ["Tomorrow evening"])
    }
}
