import Foundation
@testable import JournalCore

/// Reads test fixtures and the shipped Prompts/ folder from the source tree.
enum Fixtures {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let promptsFolder = testsFolder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Prompts")

    static func source(_ name: String) -> PromptSource {
        let url = testsFolder.appendingPathComponent("Fixtures").appendingPathComponent(name)
        return PromptSource(name: name, text: (try? String(contentsOf: url, encoding: .utf8)) ?? "")
    }

    static func shipped(_ name: String) -> PromptSource {
        let url = promptsFolder.appendingPathComponent(name)
        return PromptSource(name: "Prompts/\(name)", text: (try? String(contentsOf: url, encoding: .utf8)) ?? "")
    }

    static var shippedSources: [PromptSource] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: promptsFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map(shipped)
    }

    static var sinkLibrary: FlowLibrary {
        FlowLibrary(sources: [source("kitchen-sink.yaml"), source("mini-ground.yaml"), source("lexicon.yaml")])
    }

    static let morning = LocalDateTime(year: 2026, month: 11, day: 29, hour: 8, minute: 30, utcOffsetMinutes: 60)
}

/// Drives a flow with a list of answers, recording every step shown: the engine as a transcript.
/// Messages and pauses are acknowledged automatically, as the app does when the person continues.
struct Transcript {
    var engine: FlowEngine
    var run: FlowRun
    /// `flow.step: text` for every step shown, in order.
    var shown: [String] = []
    private var currentShown = false

    init(library: FlowLibrary, flow: String, parts: [Part] = [], focus: PartID? = nil) throws {
        engine = FlowEngine(library: library, knownParts: parts)
        run = try engine.start(flowID: flow, at: Fixtures.morning, focus: focus)
    }

    /// Shows steps, acknowledging messages, until one needs an answer (or the end).
    mutating func advance() throws {
        while let step = engine.currentStep(run) {
            if !currentShown {
                shown.append("\(step.flow.id).\(step.step.id): \(step.text)")
                currentShown = true
            }
            guard !step.step.kind.takesAnswer else { return }
            try engine.answer(.acknowledge, run: &run)
            currentShown = false
        }
    }

    mutating func answer(_ inputs: AnswerInput...) throws {
        try advance()
        for input in inputs {
            try engine.answer(input, run: &run)
            currentShown = false
            try advance()
        }
    }

    var currentStepID: String? { engine.currentStep(run)?.step.id }

    func entryText(id: EntryID = "20261129-083000-test") -> String {
        EntryFormat.render(engine.outcome(run, entryID: id).entry)
    }
}

extension AnswerInput {
    /// The person's own reading, given on the step that follows every feel-toward answer.
    static let chooseSelf = AnswerInput.option(FeelTowardChoice.option(for: .selfPresent))
    static let chooseBlended = AnswerInput.option(FeelTowardChoice.option(for: .targetBlended))
    static let chooseAnotherPart = AnswerInput.option(FeelTowardChoice.option(for: .concernedPart))
    static let chooseUnsure = AnswerInput.option(FeelTowardChoice.option(for: .unclear))
}
