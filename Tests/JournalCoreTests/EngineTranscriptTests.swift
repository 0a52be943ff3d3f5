import Foundation
import Testing
@testable import JournalCore

@Suite struct EngineTranscriptTests {
    @Test func theFixtureFlowsAreClean() {
        let library = Fixtures.sinkLibrary
        #expect(library.problems.map(\.description) == [])
        #expect(library.flow("sink") != nil)
        #expect(library.listedFlows.map(\.id) == ["sink"]) // mini-ground is not listed
    }

    /// Every step kind once, on the straight path, to a saved entry.
    @Test func everyStepKindToAnEntry() throws {
        var t = try Transcript(library: Fixtures.sinkLibrary, flow: "sink")
        try t.answer(.text("Sam"), .text("It was a long day.\n## Not a heading {#x}\nStill going."),
                     .other("Tired"), .options([0, 2], other: "Juice"), .number(3), .partNamed("The Critic"),
                     .text("shoulders"), .ratings([.calm: 4, .curiosity: 6]), .text("I'm curious about it"), .chooseSelf)
        #expect(t.shown == [
            "sink.hello: Hello.", "sink.breathe: Breathe.", "sink.name: Your name?", "sink.story: Tell me, Sam.",
            "sink.mood: Pick one", "sink.things: Which?", "sink.distress: How stirred?", "sink.who: Which part?",
            "sink.where: Where is The Critic?", "sink.check: Self?", "sink.feel: How do you feel toward The Critic?",
            "sink.feel-sorting: It sounds like there is some openness toward The Critic here (\"curious\"). Is that how it is?",
            "sink.done: Done with Tea, Water, Juice.",
        ])
        #expect(t.run.isFinished)
        #expect(t.entryText() == """
            ---
            id: 20261129-083000-test
            created: 2026-11-29T08:30:00+01:00
            flow: sink
            title: It was a long day.
            parts: [the-critic]
            tags: []
            starred: false
            self_energy: {calm: 4, curiosity: 6}
            distress:
              - {step: distress, value: 3}
            ---

            ## Your name? {#name}

            Sam

            ## Tell me, Sam. {#story}

            It was a long day.
            \\## Not a heading {#x}
            Still going.

            ## Pick one {#mood}

            Tired

            ## Which? {#things}

            - Tea
            - Water
            - Juice

            ## How stirred? {#distress}

            3 of 10 (0 = settled, 10 = overwhelmed)

            ## Which part? {#who}

            The Critic

            ## Where is The Critic? {#where}

            shoulders

            ## Self? {#check}

            - Calm: 4
            - Curiosity: 6

            ## How do you feel toward The Critic? {#feel}

            I'm curious about it

            ## It sounds like there is some openness toward The Critic here ("curious"). Is that how it is? {#feel-sorting}

            I do feel open toward it

            """)
        let outcome = t.engine.outcome(t.run, entryID: "e")
        let part = try #require(outcome.changedParts.first)
        #expect(outcome.changedParts.count == 1)
        #expect(part.id == "the-critic" && part.name == "The Critic" && part.bodyLocation == "shoulders")
        #expect(part.created == Fixtures.morning)
        #expect(part.feelToward == [FeelTowardRecord(date: Fixtures.morning, answer: "I'm curious about it", chosen: .selfPresent,
                                                     proposed: .selfPresent)])
    }

    @Test func branchByChoiceSkipsAhead() throws {
        var t = try Transcript(library: Fixtures.sinkLibrary, flow: "sink")
        try t.answer(.skip, .skip, .option(1))
        #expect(t.currentStepID == "distress")
    }

    @Test func branchByScaleThresholdCallsASubFlowAndComesBack() throws {
        var t = try Transcript(library: Fixtures.sinkLibrary, flow: "sink")
        try t.answer(.skip, .skip, .option(1), .number(8))
        #expect(t.currentStepID == "again")
        #expect(t.engine.currentStep(t.run)?.depth == 1)
        try t.answer(.number(5))
        #expect(t.currentStepID == "who")
        #expect(Array(t.shown.suffix(3)) == ["mini-ground.feet: Feel your feet.", "mini-ground.again: Now?", "sink.who: Which part?"])
        let entry = t.engine.outcome(t.run, entryID: "e").entry
        #expect(entry.distress == [DistressReading(stepID: "distress", value: 8), DistressReading(stepID: "mini-ground.again", value: 5)])
        #expect(entry.sections.map(\.stepID) == ["mood", "distress", "mini-ground.again"])
    }

    @Test func finishFromASubFlowEndsTheWholeSession() throws {
        var t = try Transcript(library: Fixtures.sinkLibrary, flow: "sink")
        try t.answer(.skip, .skip, .option(1), .number(9), .number(10))
        #expect(t.shown.last == "mini-ground.stop-all: Let's stop here.")
        #expect(t.run.isFinished)
    }

    @Test func whenConditionOnThePartRecordShowsOrPassesSteps() throws {
        let exile = Part(id: "little-one", name: "Little one", role: .exile)
        var t = try Transcript(library: Fixtures.sinkLibrary, flow: "sink", parts: [exile])
        try t.answer(.skip, .skip, .option(0), .skip, .skip, .partNamed("little one"))
        // Known part: the `where` step (only for new parts) is passed by; the exile note is shown.
        #expect(Array(t.shown.suffix(3)) == ["sink.who: Which part?", "sink.exile-check: Little one is an exile; we go gently.", "sink.check: Self?"])
    }

    @Test func feelTowardSortingBranchesIntoALoopThatStopsAtItsCap() throws {
        var t = try Transcript(library: Fixtures.sinkLibrary, flow: "sink")
        try t.answer(.skip, .skip, .option(0), .skip, .skip, .partNamed("Critic"), .skip, .skip,
                     .text("honestly I'm annoyed by it"), .chooseAnotherPart)
        #expect(t.shown.last == "sink.loop: Round 1. Will the \"annoyed\" part step back?")
        try t.answer(.text("no"))
        #expect(t.shown.last == "sink.loop: Round 2. Will the \"annoyed\" part step back?")
        try t.answer(.text("no")) // a third round would pass max-visits: go to after-max instead
        #expect(t.shown.last == "sink.done: Done with .")
        #expect(t.run.isFinished)
        let part = try #require(t.engine.outcome(t.run, entryID: "e").changedParts.first)
        #expect(part.feelToward.map(\.chosen) == [.concernedPart])
    }

    @Test func backReturnsToThePreviousStepAndOffersTheAnswerAgain() throws {
        var t = try Transcript(library: Fixtures.sinkLibrary, flow: "sink")
        try t.answer(.text("Sam"), .text("story"))
        #expect(t.currentStepID == "mood")
        #expect(t.engine.back(&t.run))
        #expect(t.currentStepID == "story")
        #expect(t.engine.currentStep(t.run)?.previousAnswer == .text("story"))
        #expect(t.run.answers.count == 1)
        try t.answer(.text("a new story"))
        #expect(t.engine.outcome(t.run, entryID: "e").entry.sections.map(\.text) == ["Sam", "a new story"])
    }

    @Test func skippingEverythingStillMakesAValidEntry() throws {
        var t = try Transcript(library: Fixtures.sinkLibrary, flow: "sink")
        for _ in 0..<20 where !t.run.isFinished { try t.answer(.skip) }
        #expect(t.run.isFinished)
        let entry = t.engine.outcome(t.run, entryID: "e").entry
        #expect(entry.sections.isEmpty)
        #expect(entry.title == "Kitchen sink") // no part: the plain flow title
        #expect(try EntryFormat.parse(EntryFormat.render(entry)) == entry)
    }

    @Test func groundingFromAnywhereReturnsToTheSameStep() throws {
        var t = try Transcript(library: Fixtures.sinkLibrary, flow: "sink")
        try t.answer(.text("Sam"))
        try t.engine.interrupt(with: "mini-ground", run: &t.run)
        try t.answer(.number(4))
        #expect(t.currentStepID == "story")
        #expect(t.engine.currentStep(t.run)?.depth == 0)
    }

    @Test func finishingEarlyKeepsWhatWasAnswered() throws {
        var t = try Transcript(library: Fixtures.sinkLibrary, flow: "sink")
        try t.answer(.text("Sam"))
        t.engine.finish(&t.run)
        #expect(t.run.isFinished)
        #expect(t.engine.outcome(t.run, entryID: "e").entry.sections.map(\.text) == ["Sam"])
    }

    @Test func answersThatDoNotFitAreRefusedWithAHint() throws {
        var t = try Transcript(library: Fixtures.sinkLibrary, flow: "sink")
        try t.answer(.skip, .skip)
        #expect(throws: AnswerError(message: "choose a number from 1 to 2")) { try t.engine.answer(.option(5), run: &t.run) }
        #expect(throws: AnswerError.self) { try t.engine.answer(.number(3), run: &t.run) }
        try t.answer(.option(0), .skip)
        #expect(throws: AnswerError(message: "give a number from 0 to 10")) { try t.engine.answer(.number(11), run: &t.run) }
        #expect(t.currentStepID == "distress") // nothing moved
    }

    @Test func aDraftResumesExactly() throws {
        var t = try Transcript(library: Fixtures.sinkLibrary, flow: "sink")
        try t.answer(.text("Sam"), .text("story"), .option(1), .number(8))
        let json = try JSONEncoder().encode(Draft(entryID: "d1", savedAt: Fixtures.morning, run: t.run))
        let restored = try JSONDecoder().decode(Draft.self, from: json)
        #expect(restored.run == t.run)

        var resumed = t
        resumed.run = restored.run
        try t.answer(.number(2), .partNamed("Critic"), .text("jaw"), .skip, .text("curious"))
        try resumed.answer(.number(2), .partNamed("Critic"), .text("jaw"), .skip, .text("curious"))
        #expect(resumed.shown == t.shown)
        #expect(resumed.entryText() == t.entryText())
    }

    @Test func anUnknownFlowCannotStart() {
        #expect(throws: FlowEngineError.unknownFlow("nope")) {
            _ = try FlowEngine(library: Fixtures.sinkLibrary, knownParts: []).start(flowID: "nope", at: Fixtures.morning)
        }
    }
}

/// What flows write into part records: links between parts, permissions, promises, stages.
@Suite struct PartRecordUpdateTests {
    static let library = FlowLibrary(sources: [PromptSource(name: "records.yaml", text: """
        id: records
        title: Records
        steps:
          - id: protector
            type: part
            text: Which protector?
          - id: protected
            type: part
            text: Who does {part} protect?
            focus: false
            links: protects
          - id: rival
            type: part
            text: Who pulls the other way?
            focus: false
            links: polarized_with
          - id: ask
            type: choice
            text: May we visit {protected}?
            options: [Yes, Not yet, No]
            updates: permission
            request: visit the part it protects
            about: protected
          - id: promise
            type: text
            text: What do you promise {part}?
            updates: promise
          - id: stage
            type: choice
            text: Where are you with {part}?
            options: [noticed, befriended, permission]
            updates: stage
          - id: gate
            type: message
            text: "{protected} may be visited."
            when: part.permission == yes
        """)])

    @Test func linksPermissionsPromisesAndStagesAreRecordedOnce() throws {
        var t = try Transcript(library: Self.library, flow: "records")
        try t.answer(.partNamed("Guard"), .partNamed("Little one"), .partNamed("Rebel"), .option(0),
                     .text("to come back on Sunday"), .option(1))
        #expect(t.shown.last == "records.gate: Little one may be visited.")
        #expect(t.run.focus == "guard") // naming other parts kept the focus
        let parts = Dictionary(uniqueKeysWithValues: t.engine.parts(run: t.run).map { ($0.id, $0) })
        let guardPart = try #require(parts["guard"])
        #expect(guardPart.protects == ["little-one"])
        #expect(guardPart.polarizedWith == ["rebel"])
        #expect(parts["rebel"]?.polarizedWith == ["guard"])
        #expect(guardPart.permissions == [PartPermission(date: Fixtures.morning, request: "visit the part it protects", answer: .yes,
                                                         about: "little-one")])
        #expect(guardPart.promises == [PartPromise(made: Fixtures.morning, text: "to come back on Sunday")])
        #expect(guardPart.stage == .befriended)
        #expect(try PartFormat.parse(PartFormat.render(guardPart)) == guardPart)
        // The little one's protectors have all said yes.
        #expect(t.engine.resolve(["part", "protectors_permission"], run: {
            var run = t.run
            run.focus = "little-one"
            return run
        }()) == .text("yes"))
        // Applying the same answers again (a draft saved twice) changes nothing more.
        let again = PartChanges.apply(run: t.run, to: t.engine.parts(run: t.run), library: Self.library)
        #expect(again.changedIDs.isEmpty)
    }

    @Test func aYesAboutOneYoungPartDoesNotOpenTheWayToAnother() throws {
        let protector = Part(id: "guard", name: "Guard", protects: ["a", "b"], permissions: [
            PartPermission(date: Fixtures.morning, request: "visit the part it protects", answer: .no, about: "a"),
            PartPermission(date: Fixtures.morning, request: "visit the part it protects", answer: .yes, about: "b"),
        ])
        let engine = FlowEngine(library: Self.library, knownParts: [protector, Part(id: "a", name: "A"), Part(id: "b", name: "B")])
        var run = try engine.start(flowID: "records", at: Fixtures.morning)
        run.focus = "a"
        #expect(engine.resolve(["part", "protectors_permission"], run: run) == .text("no"))
        run.focus = "b"
        #expect(engine.resolve(["part", "protectors_permission"], run: run) == .text("yes"))
    }

    @Test func aNewPartNeverTakesTheIdOfAPartMergedAway() throws {
        var kept = Part(id: "critic", name: "Critic")
        kept.mergedFrom = ["the-numb-one"]
        var t = try Transcript(library: Self.library, flow: "records", parts: [kept])
        try t.answer(.partNamed("The numb one"))
        #expect(t.run.focus == "the-numb-one-2") // not read as the critic through the merge
    }

    @Test func aProtectorOfAMergedAwayPartStillGuardsTheMergedPart() throws {
        // "b" was merged into "a" after the guard was linked to "b": the guard's "no" still counts.
        var kept = Part(id: "a", name: "A")
        kept.mergedFrom = ["b"]
        let saysNo = Part(id: "guard", name: "Guard", protects: ["b"], permissions: [
            PartPermission(date: Fixtures.morning, request: PartPermission.visitRequest, answer: .no, about: "b"),
        ])
        let engine = FlowEngine(library: Self.library, knownParts: [saysNo, kept])
        var run = try engine.start(flowID: "records", at: Fixtures.morning)
        run.focus = "a"
        #expect(engine.resolve(["part", "protectors_permission"], run: run) == .text("no"))
        var saysYes = saysNo
        saysYes.permissions[0].answer = .yes
        // A leftover file of the merged part (killed before it went to the trash) is not a protector.
        let leftover = Part(id: "b", name: "B", protects: ["a"])
        let after = FlowEngine(library: Self.library, knownParts: [saysYes, kept, leftover])
        var again = try after.start(flowID: "records", at: Fixtures.morning)
        again.focus = "a"
        #expect(after.resolve(["part", "protectors_permission"], run: again) == .text("yes"))
    }

    @Test(arguments: [("Yes, go ahead", PermissionAnswer.yes), ("Not yet", .notYet), ("No", .no), ("Maybe later", .notYet),
                      ("OK", .yes), ("I'm not sure", .notYet)])
    func permissionWordsAreReadCarefully(_ text: String, _ answer: PermissionAnswer) {
        #expect(PartChanges.permissionAnswer(text) == answer)
    }

    @Test func updatesThatNeedAChoiceAreChecked() {
        let text = "id: u\ntitle: U\nsteps:\n  - id: a\n    type: text\n    text: A\n    updates: permission\n  - id: b\n    type: text\n    text: B\n    links: protects\n"
        let problems = FlowLibrary(sources: [PromptSource(name: "u.yaml", text: text)]).problems.map(\.message)
        #expect(problems.contains("'updates: permission' needs a choice step"))
        let trust = "id: t\ntitle: T\nsteps:\n  - id: a\n    type: text\n    text: A\n    updates: trust\n"
            + "  - id: b\n    type: scale\n    text: B\n    min: 1\n    max: 5\n    updates: trust\n"
            + "  - id: c\n    type: scale\n    text: C\n    updates: trust\n"
        let trustProblems = FlowLibrary(sources: [PromptSource(name: "t.yaml", text: trust)]).problems
        #expect(trustProblems.filter { $0.message.contains("'updates: trust' needs a scale from 0 to 10") }.map(\.position.line) == [7, 13])
        #expect(problems.contains("'links' belongs on a part step"))
    }
}

@Suite struct PromiseKeptTests {
    @Test func aYesMarksTheLatestOpenPromiseKeptOnce() throws {
        let library = FlowLibrary(sources: [PromptSource(name: "kept.yaml", text: """
            id: kept
            title: Kept
            steps:
              - id: who
                type: part
                text: Which part?
              - id: kept
                type: choice
                text: Did you keep your promise to {part}?
                options: [Yes, I kept it, Not yet]
                updates: promise_kept
            """)])
        let earlier = LocalDateTime(year: 2026, month: 11, day: 20)
        let part = Part(id: "critic", name: "Critic", promises: [PartPromise(made: earlier, text: "walk on Sunday"),
                                                                   PartPromise(made: earlier, text: "rest more")])
        var t = try Transcript(library: library, flow: "kept", parts: [part])
        try t.answer(.partNamed("Critic"), .option(0))
        let changes = t.engine.outcome(t.run, entryID: "e").changedParts
        #expect(changes.first?.promises.map(\.kept) == [nil, Fixtures.morning])
        var not = try Transcript(library: library, flow: "kept", parts: [part])
        try not.answer(.partNamed("Critic"), .option(1))
        #expect(not.engine.outcome(not.run, entryID: "e").changedParts.isEmpty)
    }
}

@Suite struct StageWordsTests {
    @Test(arguments: [("We have befriended each other", PartStage.befriended), ("It has found a new role", .newRole),
                      ("It is unburdened, lighter now", .unburdened), ("new-role", .newRole), ("noticed", .noticed)])
    func anOptionNamesItsStageInItsOwnWords(_ text: String, _ stage: PartStage) {
        #expect(PartChanges.stage(in: text) == stage)
    }

    @Test func anOptionWithoutAStageWordChangesNothing() {
        #expect(PartChanges.stage(in: "I'm not sure") == nil)
    }
}
