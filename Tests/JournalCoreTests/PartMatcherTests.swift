import Testing
@testable import JournalCore

/// One way of finding a part by what is typed (PartMatcher), whoever asks.
@Suite struct PartMatcherTests {
    static let eloise = Part(id: "little-one", name: "Éloïse", formerNames: ["The small one"])
    static let critic = Part(id: "inner-critic", name: "Inner critic", formerNames: ["The Judge"])
    static let worrier = Part(id: "worrier", name: "The worrier")
    static let merged: Part = {
        var part = Part(id: "coach", name: "The coach")
        part.mergedFrom = ["pusher"]
        return part
    }()
    static let parts = [eloise, critic, worrier, merged]

    @Test(arguments: [("eloise", "little-one"), ("  ÉLOÏSE ", "little-one"), ("Eloïse", "little-one"), ("the small ONE", "little-one"),
                      ("little-one", "little-one"), ("the judge", "inner-critic"), ("pusher", "coach"), ("ｔｈｅ ｗｏｒｒｉｅｒ", "worrier")])
    func namesFormerNamesAndIdsFindThePartWhateverTheCaseAndAccents(_ typed: String, _ id: String) {
        #expect(PartMatcher.exact(typed, in: Self.parts).map(\.id) == [PartID(id)])
    }

    @Test func nothingOrAPieceOfANameIsNoExactMatch() {
        #expect(PartMatcher.exact("", in: Self.parts).isEmpty)
        #expect(PartMatcher.exact("   ", in: Self.parts).isEmpty)
        #expect(PartMatcher.exact("elo", in: Self.parts).isEmpty)
    }

    /// A part named so now comes before one once named so, before one with that id.
    @Test func theCurrentNameComesFirst() {
        let now = Part(id: "b", name: "Judge")
        let once = Part(id: "a", name: "Someone", formerNames: ["judge"])
        let byID = Part(id: "judge", name: "Other")
        #expect(PartMatcher.exact("judge", in: [byID, once, now]).map(\.id) == ["b", "a", "judge"])
    }

    @Test func suggestionsAreExactThenBeginningThenContaining() {
        let parts = [Part(id: "a", name: "Critic of critics"), Part(id: "b", name: "Inner critic"), Part(id: "c", name: "Critic"),
                     Part(id: "d", name: "Éloïse")]
        #expect(PartMatcher.suggestions("critic", in: parts).map(\.id) == ["c", "a", "b"])
        #expect(PartMatcher.suggestions("ELO", in: parts).map(\.id) == ["d"])
        #expect(PartMatcher.suggestions("judge", in: Self.parts).map(\.id) == ["inner-critic"]) // a former name
        // Nothing typed: every part, by name as folded ("Éloïse" among the e's).
        #expect(PartMatcher.suggestions("", in: parts + [Part(id: "e", name: "fear")]).map(\.id) == ["c", "a", "d", "e", "b"])
    }

    @Test func aTextMentionsPartsByWholeNamesInTheOrderTheyAppear() {
        #expect(PartMatcher.mentioned(in: "the JUDGE was loud, eloise hid", parts: Self.parts) == ["inner-critic", "little-one"])
        #expect(PartMatcher.mentioned(in: "a judgement call", parts: Self.parts).isEmpty)
    }

    /// The part step of a flow: "eloise" is the part called "Éloïse", not a new one.
    @Test func thePartStepPicksTheKnownPartForAnUnaccentedName() throws {
        let library = FlowLibrary(sources: [PromptSource(name: "which.yaml", text: """
            id: which
            title: Which part
            steps:
              - id: who
                type: part
                text: Which part?
              - id: said
                type: message
                text: "{part}"
            """)])
        for typed in ["eloise", "ELOISE", "the small one", "little-one"] {
            var t = try Transcript(library: library, flow: "which", parts: Self.parts)
            try t.answer(.partNamed(typed))
            #expect(t.run.answers.first?.value == .part(.known("little-one")), "\(typed)")
            #expect(t.shown.last == "which.said: Éloïse")
        }
        var other = try Transcript(library: library, flow: "which", parts: Self.parts)
        try other.answer(.partNamed("Élodie"))
        #expect(other.run.answers.first?.value == .part(.new("elodie", name: "Élodie")))
    }

    @Test func partsAnswerToTheirNamesTheSameWay() {
        #expect(Self.eloise.answers(to: "eloise"))
        #expect(Self.critic.answers(to: "THE JUDGE"))
        #expect(!Self.critic.answers(to: "critic"))
    }
}
