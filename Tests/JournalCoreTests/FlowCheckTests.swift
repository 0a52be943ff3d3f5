import Testing
@testable import JournalCore

/// `haven prompts check` rules: every problem has a file, line and column.
@Suite struct FlowCheckTests {
    func problems(_ text: String, with others: [PromptSource] = []) -> [String] {
        FlowLibrary(sources: others + [PromptSource(name: "f.yaml", text: text)]).problems
            .filter { $0.position.file == "f.yaml" }.map(\.description)
    }

    @Test func aGoodFlowHasNoProblems() {
        #expect(problems("""
            id: ok
            title: OK
            steps:
              - id: a
                type: text
                text: Hello {part}?
            """) == [])
    }

    @Test func yamlSyntaxErrorsHaveAPosition() {
        #expect(problems("id: x\ntitle: [oops\nsteps: []\n").first?.hasPrefix("f.yaml:3:") == true)
    }

    @Test func reportsEachKindOfMistakeWhereItIs() {
        let found = problems("""
            id: broken
            title: Broken
            colour: blue
            steps:
              - id: start
                type: txt
                text: Hi
              - id: ask
                type: text
                text: ""
              - id: ask
                type: choice
                text: Pick
              - id: jump
                type: text
                text: Go {nowhere}
                hnit: typo
                branches:
                  - if: missing >= 3
                    goto: nope
                  - if: ask ==
                    goto: end
              - id: sub
                type: call
                flow: no-such-flow
            """)
        #expect(found == [
            "f.yaml:3:1: unknown key 'colour' in a flow",
            "f.yaml:6:11: unknown step type 'txt' (did you mean 'text'?); known types: message, pause, text, long-text, choice, multi-choice, scale, part, self-check, feel-toward, call",
            "f.yaml:10:11: 'text' is empty (missing text)",
            "f.yaml:11:5: step 'ask' needs 'options' to choose from",
            "f.yaml:11:5: duplicate step id 'ask' (first used at line 8)",
            "f.yaml:17:5: unknown key 'hnit' in a step (did you mean 'hint'?)",
            "f.yaml:21:19: condition 'ask ==': the condition ends too soon",
        ])
    }

    @Test func flowLevelChecksFindUnknownTargetsVariablesAndFlows() {
        let found = problems("""
            id: refs
            title: Refs
            steps:
              - id: a
                type: text
                text: Hello {nobody} and {part.shoe_size}
                branches:
                  - if: missing >= 3
                    goto: nope
              - id: b
                type: call
                flow: no-such-flow
            """)
        #expect(found == [
            "f.yaml:4:5: unknown variable 'nobody' in the text of step 'a' (not a step id of this flow nor one of: answer, distress, feel, flow, part, safety, self, visits)",
            "f.yaml:4:5: unknown variable 'part.shoe_size' in the text of step 'a' (a part has: apparent_age, beliefs, body_location, colour, fears, feelings, guarded, id, is_new, job, name, new_role, permission, positive_intent, protectors_permission, protects, role, stage)",
            "f.yaml:8:9: unknown step 'nope' (steps in this flow: a, b)",
            "f.yaml:8:9: unknown variable 'missing' in a condition (not a step id of this flow nor one of: answer, distress, feel, flow, part, safety, self, visits)",
            "f.yaml:10:5: step 'b' calls unknown flow 'no-such-flow'",
        ])
    }

    @Test func unreachableStepsAndEndlessLoopsAreFound() {
        let found = problems("""
            id: loops
            title: Loops
            steps:
              - id: a
                type: text
                text: A
                next: b
              - id: orphan
                type: text
                text: Never shown
              - id: b
                type: text
                text: B
                branches:
                  - if: answer == again
                    goto: a
                  - if: answer == stuck
                    goto: c
                next: d
              - id: c
                type: text
                text: C
                next: c
              - id: d
                type: text
                text: D
            """)
        #expect(found == [
            "f.yaml:4:5: the loop a -> b has no 'max-visits' on any of its steps, so it could repeat for ever",
            "f.yaml:8:5: step 'orphan' can never be reached",
            "f.yaml:20:5: the loop c has no way out: none of its steps can reach the end",
        ])
    }

    @Test func aCappedLoopIsFine() {
        #expect(problems("""
            id: capped
            title: Capped
            steps:
              - id: a
                type: text
                text: A
                max-visits: 3
                after-max: end
              - id: b
                type: text
                text: B
                branches:
                  - if: answer == again
                    goto: a
            """) == [])
    }

    @Test func oneBrokenFileNeverStopsTheOthers() {
        let library = FlowLibrary(sources: [
            PromptSource(name: "good.yaml", text: "id: good\ntitle: Good\nsteps:\n  - id: a\n    type: text\n    text: A\n"),
            PromptSource(name: "bad.yaml", text: "id: [\n"),
            PromptSource(name: "worse.yaml", text: "\u{0}\u{1}garbage"),
        ])
        #expect(library.flow("good") != nil)
        #expect(Set(library.problems.map(\.position.file)) == ["bad.yaml", "worse.yaml"])
    }

    @Test func anOverrideThatFailsItsChecksLeavesTheEarlierFlowInPlace() {
        let library = FlowLibrary(sources: [
            PromptSource(name: "shipped.yaml", text: "id: x\ntitle: Shipped\nsteps:\n  - id: a\n    type: text\n    text: A\n"),
            PromptSource(name: "mine.yaml", text: "id: x\ntitle: Mine\nsteps:\n  - id: a\n    type: text\n    text: A {nobody}\n"),
        ])
        #expect(library.flow("x")?.title == "Shipped")
        #expect(library.problems.map(\.position.file) == ["mine.yaml"])
    }

    @Test func aLaterFileWithTheSameIdOverridesAndLexiconsAdd() {
        let library = FlowLibrary(sources: [
            PromptSource(name: "shipped.yaml", text: "id: x\ntitle: Shipped\nsteps:\n  - id: a\n    type: text\n    text: A\n"),
            PromptSource(name: "mine.yaml", text: "id: x\ntitle: Mine\nsteps:\n  - id: a\n    type: text\n    text: A\n"),
            PromptSource(name: "l1.yaml", text: "lexicon: feel-toward\nself: [curious]\n"),
            PromptSource(name: "l2.yaml", text: "lexicon: feel-toward\nself: [intrigued]\nconcerned: [meh]\n"),
        ])
        #expect(library.flow("x")?.title == "Mine")
        #expect(library.origins["x"] == "mine.yaml")
        #expect(library.lexicon.selfPresent == ["curious", "intrigued"])
        #expect(library.lexicon.concernedPart == ["meh"])
    }
}

@Suite struct FlowCallCheckTests {
    static func flow(_ id: String, calling other: String? = nil, extra: String = "") -> PromptSource {
        var text = "id: \(id)\ntitle: \(id)\nsteps:\n  - id: a\n    type: text\n    text: A\n"
        if let other { text += "  - id: c\n    type: call\n    flow: \(other)\n" }
        return PromptSource(name: "\(id).yaml", text: text + extra)
    }

    @Test func flowsThatCallEachOtherInACircleAreLeftOut() {
        let library = FlowLibrary(sources: [Self.flow("a", calling: "b"), Self.flow("b", calling: "a"), Self.flow("c", calling: "b")])
        #expect(library.flow("a") == nil && library.flow("b") == nil)
        #expect(library.problems.map(\.message).contains("flow 'a' calls itself through a -> b -> a"))
        // c calls a flow that was left out, so it goes too (and says why).
        #expect(library.flow("c") == nil)
        #expect(library.problems.contains { $0.position.file == "c.yaml" && $0.message.contains("calls unknown flow 'b'") })
    }

    @Test func aFlowCallingABrokenFlowIsLeftOutToo() {
        let broken = PromptSource(name: "y.yaml", text: "id: y\ntitle: Y\nsteps:\n  - id: a\n    type: text\n    text: A\n    next: nowhere\n")
        let library = FlowLibrary(sources: [Self.flow("x", calling: "y"), broken])
        #expect(library.flow("x") == nil && library.flow("y") == nil)
    }

    @Test func subFieldsOfVariablesAreChecked() {
        let text = """
            id: v
            title: V
            steps:
              - id: f
                type: feel-toward
                text: How?
              - id: s
                type: self-check
                text: Self?
                qualities: [calm]
              - id: t
                type: text
                text: "{f.sorted} {f.words} {s.calm} {f.colour} {s.courage} {t.x} {feel.nope} {distress} {distress.max}"
            """
        let problems = FlowLibrary(sources: [PromptSource(name: "v.yaml", text: text)]).problems.map(\.message)
        #expect(problems.count == 5)
        #expect(problems.contains { $0.contains("'distress.max'") && $0.contains("distress is a number") })
        #expect(problems.contains { $0.contains("'f.colour'") })
        #expect(problems.contains { $0.contains("'s.courage'") })
        #expect(problems.contains { $0.contains("'t.x'") && $0.contains("a text step has no parts") })
        #expect(problems.contains { $0.contains("'feel.nope'") })
    }

    @Test func afterMaxTargetsThatGoRoundEndTheFlowInsteadOfLooping() throws {
        let text = """
            id: chain
            title: Chain
            steps:
              - id: a
                type: text
                text: A
                max-visits: 1
                after-max: b
                branches:
                  - if: a == out
                    goto: end
                next: b
              - id: b
                type: text
                text: B
                max-visits: 1
                after-max: a
                next: a
            """
        let library = FlowLibrary(sources: [PromptSource(name: "chain.yaml", text: text)])
        #expect(library.problems.isEmpty)
        let engine = FlowEngine(library: library, knownParts: [])
        var run = try engine.start(flowID: "chain", at: LocalDateTime(year: 2026, month: 1, day: 1))
        try engine.answer(.text("x"), run: &run) // a -> b
        try engine.answer(.text("y"), run: &run) // b -> a (spent) -> b (spent) -> end
        #expect(run.isFinished)
    }
}

@Suite struct SafetyCheckTests {
    @Test func aDistressScaleMustLeadSomewhereWhenDistressIsHigh() {
        let bare = "id: d\ntitle: D\nsteps:\n  - id: how\n    type: scale\n    text: How stirred?\n    records: distress\n"
        let problems = FlowLibrary(sources: [PromptSource(name: "d.yaml", text: bare)]).problems.map(\.description)
        #expect(problems == ["d.yaml:4:5: the distress scale 'how' needs a branch for high distress (such as 'if: how >= 8' going to grounding)"])
        let safe = bare + "    branches:\n      - if: how >= 8\n        goto: ground\n  - id: ground\n    type: call\n    flow: grounding\n"
        #expect(FlowLibrary(sources: Fixtures.shippedSources + [PromptSource(name: "d.yaml", text: safe)]).problems
            .filter { $0.position.file == "d.yaml" }.isEmpty)
    }
}
