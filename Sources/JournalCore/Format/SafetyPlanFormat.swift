/// Reads and writes `safety-plan.md` (docs/entry-format.md): the plan's lines as front matter,
/// anything else the person wants to remember as the Markdown body.
public enum SafetyPlanFormat {
    public static let path = "safety-plan.md"

    enum Key {
        static let supportPerson = "support_person", therapist = "therapist", crisisLine = "crisis_line"
    }

    static func key(_ field: SafetyPlanField) -> String {
        switch field {
        case .supportPerson: return Key.supportPerson
        case .therapist: return Key.therapist
        case .crisisLine: return Key.crisisLine
        }
    }

    public static func render(_ plan: SafetyPlan) -> String {
        var fields: [(String, YAMLValue)] = SafetyPlanField.allCases.compactMap { field in
            plan[field].isEmpty ? nil : (key(field), .text(plan[field]))
        }
        for extra in plan.extraFields { fields.append((extra.key, extra.value.yaml)) }
        let notes = EntryFormat.normalizeLineEnds(plan.notes)
        return FrontMatterDocument.render(fields: fields, body: notes.isEmpty ? "" : notes + "\n")
    }

    public static func parse(_ text: String) throws(FormatError) -> SafetyPlan {
        let document = try FrontMatterDocument.parse(text)
        var reader = FrontMatterReader(document)
        var plan = SafetyPlan()
        for field in SafetyPlanField.allCases { plan[field] = try reader.string(key(field)) ?? "" }
        plan.extraFields = reader.extraFields
        var notes = document.body
        if notes.hasSuffix("\n") { notes.removeLast() }
        plan.notes = notes
        return plan
    }
}
