/// What a save changed in one part's record, in words, for the save screen and `write --plain`:
/// the person sees which fields a flow wrote, and that a replaced value was kept.
public struct PartRecordChange: Hashable, Sendable {
    public var name: String
    public var isNew: Bool
    /// The fields changed, in the record's order ("in the body (the earlier value is kept)").
    public var fields: [String]

    public init(name: String, isNew: Bool, fields: [String]) {
        self.name = name
        self.isNew = isNew
        self.fields = fields
    }

    public init(from before: Part?, to after: Part) {
        name = after.name
        isNew = before == nil
        var fields: [String] = []
        let earlier = before ?? Part(id: after.id, name: after.name)
        if earlier.name != after.name { fields.append("name") }
        for field in SingleValueField.allCases where earlier.value(of: field) != after.value(of: field) {
            let label = field.label.prefix(1).lowercased() + field.label.dropFirst()
            fields.append(earlier.value(of: field).isEmpty ? label : "\(label) (the earlier value is kept)")
        }
        if earlier.stage != after.stage || earlier.stagesReached != after.stagesReached { fields.append("where it is in the work") }
        if earlier.feelings != after.feelings { fields.append("feelings") }
        if earlier.beliefs != after.beliefs { fields.append("beliefs") }
        if earlier.fears != after.fears { fields.append("fears") }
        if (earlier.protects, earlier.polarizedWith, earlier.allies) != (after.protects, after.polarizedWith, after.allies) {
            fields.append("links to other parts")
        }
        if earlier.feelToward != after.feelToward { fields.append("how you feel toward it") }
        if earlier.trust != after.trust { fields.append("its trust in you") }
        if earlier.permissions != after.permissions { fields.append("permissions") }
        if earlier.promises != after.promises { fields.append("promises") }
        if earlier.notes != after.notes { fields.append("notes") }
        self.fields = fields
    }

    /// One line: "The critic: its job (the earlier value is kept), how you feel toward it".
    public var line: String {
        let head = isNew ? "\(name) (new)" : name
        return fields.isEmpty ? head : "\(head): \(fields.joined(separator: ", "))"
    }
}
