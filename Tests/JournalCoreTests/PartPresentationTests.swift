import Testing
@testable import JournalCore

/// One way of writing a part's record (PartPresentation), for the page, `parts show` and the summary.
@Suite struct PartPresentationTests {
    static let day = LocalDateTime(year: 2026, month: 11, day: 20, hour: 9, utcOffsetMinutes: 60)
    static let names: [PartID: String] = ["little-one": "Éloïse", "critic": "Inner critic"]
    static let full = Part(id: "worrier", name: "The worrier", formerNames: ["The fretter", "Worry, Inc."], role: .manager,
                           stage: .newRole, apparentAge: "7", bodyLocation: "chest", feelings: ["tight", "restless, tired"],
                           beliefs: ["it must be ready"], job: "checking the stove", positiveIntent: "keeping me safe",
                           fears: ["a fire"], protects: ["little-one"], polarizedWith: ["critic", "gone-part"], allies: ["little-one"],
                           permissions: [PartPermission(date: day, request: "visit the part it protects", answer: .notYet, about: "little-one"),
                                         PartPermission(date: day, request: "rest", answer: .yes)],
                           promises: [PartPromise(made: day, text: "Sunday"), PartPromise(made: day, text: "Walk", kept: day)],
                           colour: "cyan")

    @Test func factsHaveOneLabelEachInOneOrder() {
        let presented = PartPresentation(Self.full, names: Self.names)
        let lines = presented.filled([.formerNames, .colour] + PartFact.described).map { "\($0.fact.label): \($0.text)" }
        #expect(lines == [
            "Once called: The fretter, Worry, Inc.",
            "Colour: cyan",
            "Apparent age: 7",
            "In the body: chest",
            "Feelings: tight; restless, tired",
            "Beliefs: it must be ready",
            "Its job: checking the stove",
            "What it hopes to do for you: keeping me safe",
            "Fears: a fire",
            "Protects: Éloïse",
            "Pulls against: Inner critic, gone-part", // a part with no record is shown by its id
            "Allies: Éloïse",
        ]) // nothing for the role it would like now: an empty fact is left out
        #expect(presented.roleAndStage == ["manager", "new-role"])
        #expect(PartPresentation(Part(id: "x", name: "X"), names: [:]).filled().isEmpty)
    }

    @Test func answersPromisesAndReadingsReadAsWords() {
        let presented = PartPresentation(Self.full, names: Self.names)
        #expect(Self.full.permissions.map(presented.permission) == ["not yet: visit the part it protects (Éloïse)", "yes: rest"])
        #expect(PermissionAnswer.allCases.map(PartPresentation.answer) == ["yes", "no", "not yet"])
        #expect(Self.full.promises.map(PartPresentation.promiseState) == ["open", "kept 2026-11-20"])
        #expect(PartPresentation.reading(.selfPresent) == "open toward it" && PartPresentation.reading(nil) == "left open")
    }

    /// Only the person's words are quoted (the summary's way), never the names of parts.
    @Test func quotingTouchesTheWordsNotTheNames() {
        let presented = PartPresentation(Self.full, names: Self.names)
        let quote: (String) -> String = { "“\($0)”" }
        #expect(presented.text(.feelings, quoting: quote) == "“tight”; “restless, tired”")
        #expect(presented.text(.protects, quoting: quote) == "Éloïse")
    }

    @Test func theSummaryWritesTheFactsAsThePresenterDoes() {
        let entry = Entry(id: "20261120-090000-aaaa", created: Self.day, title: "Day", parts: ["worrier"])
        let text = JournalSummary.markdown(entries: [entry], parts: [Self.full, Part(id: "little-one", name: "Éloïse"),
                                                                    Part(id: "critic", name: "Inner critic")], from: nil, to: nil)
        let expected = PartPresentation(Self.full, names: Self.names).filled(quoting: { "“\($0)”" })
            .map { "- \($0.fact.label): \($0.text)" }.joined(separator: "\n")
        #expect(text.contains("### The worrier (manager, new-role)\n\nIn 1 entry.\n\n" + expected + "\n"))
        #expect(text.contains("- Pulls against: Inner critic, gone-part\n"))
        #expect(text.contains("- 2026-11-20, The worrier: not yet, to visit the part it protects (Éloïse)\n"))
        #expect(text.contains("- 2026-11-20, to The worrier: “Sunday” (open)\n"))
    }
}
