import Testing
@testable import JournalCore

@Suite struct ConditionTests {
    let values: [String: FlowValue] = [
        "distress": .number(8), "mood": .text("Bad"), "things": .list(["Tea", "Water"]), "empty": .none,
        "part.role": .text("exile"),
    ]

    func holds(_ text: String) throws -> Bool {
        try ConditionParser.parse(text).evaluate { values[$0.joined(separator: ".")] ?? .none }
    }

    @Test(arguments: [
        ("distress >= 8", true), ("distress > 8", false), ("distress < 9", true), ("distress <= 7", false),
        ("distress == 8", true), ("distress != 8", false), ("mood == bad", true), ("mood == 'Bad'", true),
        ("mood == \"Good\"", false), ("things contains tea", true), ("things == Water", true), ("things contains Milk", false),
        ("empty == skipped", true), ("mood == skipped", false), ("empty", false), ("mood", true),
        ("not mood == Good", true), ("distress >= 8 and mood == Good", false), ("distress >= 8 or mood == Good", true),
        ("not (distress >= 8 and mood == Bad)", false), ("part.role == exile", true), ("mood contains ad", true),
        ("distress = 8", true), ("empty > 3", false),
    ])
    func evaluates(_ text: String, _ expected: Bool) throws {
        #expect(try holds(text) == expected, "\(text)")
    }

    @Test(arguments: [
        ("", 1, "empty"), ("distress >=", 12, "ends too soon"), ("(distress > 3", 14, "')'"),
        ("distress > 3 mood", 14, "unexpected"), ("mood == 'open", 9, "quote"), ("distress ~ 3", 10, "unexpected character"),
        ("and mood", 1, "expected a value"),
    ])
    func syntaxErrorsPointAtTheirColumn(_ text: String, _ column: Int, _ messagePart: String) {
        #expect {
            try ConditionParser.parse(text)
        } throws: { error in
            guard let error = error as? ConditionSyntaxError else { return false }
            return error.column == column && error.message.contains(messagePart)
        }
    }
}

@Suite struct TemplateTests {
    @Test func fillsVariablesAndKeepsDoubledBraces() throws {
        let template = try PromptTemplate("How is {part} ({part.role})? {{not a variable}} {arriving}")
        #expect(template.variables.map(\.path) == [["part"], ["part", "role"], ["arriving"]])
        #expect(template.variables.map(\.column) == [8, 16, 49])
        #expect(template.render { $0.joined(separator: "+").uppercased() } == "How is PART (PART+ROLE)? {not a variable} ARRIVING")
    }

    @Test(arguments: ["An {unclosed one", "A } stray", "An { }", "{two words}"])
    func brokenTemplatesAreErrors(_ text: String) {
        #expect(throws: ConditionSyntaxError.self) { try PromptTemplate(text) }
        #expect(PromptTemplate.render(text) { _ in "x" } == text) // shown as written, never a crash
    }
}
