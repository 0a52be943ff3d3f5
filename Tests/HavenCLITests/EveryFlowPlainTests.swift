import HavenCLI
import JournalCore
import Testing

/// Every listed flow can be walked to a saved entry line by line (`haven write --plain`): a
/// console that answers each prompt plainly, by what the prompt asks for.
@Suite struct EveryFlowPlainTests {
    /// Answers by looking at what was printed last.
    final class AnsweringConsole: Console {
        var output = ""
        var errors = ""
        var reads = 0
        let outputIsTerminal = false

        func write(_ text: String) { output += text }
        func writeError(_ text: String) { errors += text }

        func readLine() -> String? {
            reads += 1
            guard reads < 500 else { return nil }
            if output.hasSuffix("\n. ") { return "." }                         // end a long answer
            if output.hasSuffix(". ") && !output.hasSuffix("> ") { return "." }
            let tail = output.split(separator: "\n").suffix(12).joined(separator: "\n")
            if let last = output.split(separator: "\n").last, last.hasSuffix("> "), !last.hasPrefix(">"),
               last.count > 2 { return "6" }                                   // a Self-check quality
            if tail.contains("(a number from") { return "3" }
            if tail.contains("\n  1. ") || tail.hasPrefix("  1. ") { return "1" }
            return "a few words"
        }
    }

    @Test(arguments: HavenContext.shippedPromptSources.isEmpty ? [] :
            FlowLibrary(sources: HavenContext.shippedPromptSources).listedFlows.map(\.id))
    func runsToASavedEntry(_ flowID: String) throws {
        let haven = InProcessHaven()
        let console = AnsweringConsole()
        let context = HavenContext(locations: .init(journal: "/journal", userPrompts: "/prompts"), store: haven.store,
                                   clock: .fixed(TestClock.morning), ids: .counting(), console: console,
                                   promptSources: HavenContext.shippedPromptSources)
        let status = try Commands.write(.init(flowID: flowID), context: context)
        #expect(status == 0, "\(console.errors)")
        #expect(console.output.contains("Saved: /journal/entries/"), "\(flowID): \(console.output.suffix(400))")
        #expect(haven.entryFiles.count == 1)
    }
}
