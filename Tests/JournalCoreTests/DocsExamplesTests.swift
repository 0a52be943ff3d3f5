import Foundation
import Testing
@testable import JournalCore

/// The examples in docs/ are real: they parse, and the example flow passes the checker.
@Suite struct DocsExamplesTests {
    static let docs = Fixtures.promptsFolder.deletingLastPathComponent().appendingPathComponent("docs")

    /// The fenced blocks of a given language in a Markdown file.
    static func blocks(in file: String, language: String) throws -> [String] {
        let text = try String(contentsOf: docs.appendingPathComponent(file), encoding: .utf8)
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```\(language)" {
                current = []
            } else if current != nil, line == "```" {
                blocks.append(current!.joined(separator: "\n") + "\n")
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    @Test func theEntryAndPartExamplesParse() throws {
        let examples = try Self.blocks(in: "entry-format.md", language: "markdown")
        #expect(examples.count == 3)
        let entry = try EntryFormat.parse(examples[0])
        #expect(entry.sections.count == 3 && entry.extraFields.map(\.key) == ["weather"])
        #expect(EntryFormat.render(entry) == examples[0])
        let part = try PartFormat.parse(examples[1])
        #expect(part.beliefs == ["if I relax, we fail"] && part.permissions.first?.answer == .notYet)
        #expect(PartFormat.render(part) == examples[1])
        #expect(part.feelToward.first?.chosen == .concernedPart && part.permissions.first?.selfLed == true)
        let plan = try SafetyPlanFormat.parse(examples[2])
        #expect(plan.crisisLine == "116 123" && plan.notes.hasPrefix("A walk"))
        #expect(SafetyPlanFormat.render(plan) == examples[2])
    }

    @Test func theWorkedExampleInWritingPromptsPassesTheChecker() throws {
        let blocks = try Self.blocks(in: "writing-prompts.md", language: "yaml")
        let flow = try #require(blocks.first)
        let library = FlowLibrary(sources: Fixtures.shippedSources + [PromptSource(name: "work-moment.yaml", text: flow)])
        #expect(library.problems.filter { $0.position.file == "work-moment.yaml" }.map(\.description) == [])
        #expect(library.flow("work-moment")?.steps.map(\.id) == ["moment", "stirred", "who", "where", "feel", "wanted", "thanks", "ground"])
        // Still overwhelmed after grounding: the session ends there instead of going on.
        var stillHigh = try Transcript(library: library, flow: "work-moment")
        try stillHigh.answer(.skip, .number(9), .number(9))
        #expect(stillHigh.run.isFinished)
        var settled = try Transcript(library: library, flow: "work-moment")
        try settled.answer(.skip, .number(9), .number(3))
        #expect(settled.currentStepID == "who")
        // The branch snippet is a valid step list too, inside a flow.
        let snippet = "id: s\ntitle: S\nsteps:\n  - id: who\n    type: part\n    text: Which part?\n" + blocks[1]
        #expect(FlowLibrary(sources: [PromptSource(name: "s.yaml", text: snippet)]).problems.map(\.description) == [])
    }

    @Test func theExampleFlowPassesTheChecker() throws {
        let flows = try Self.blocks(in: "prompt-format.md", language: "yaml")
        #expect(flows.count == 1)
        let library = FlowLibrary(sources: Fixtures.shippedSources + [PromptSource(name: "evening.yaml", text: flows[0])])
        #expect(library.problems.map(\.description) == [])
        #expect(library.flow("evening")?.steps.count == 5)
    }
}
