import Yams

/// Reads and writes one part file, `parts/<id>.md` (docs/entry-format.md): the part's record as
/// YAML front matter and the person's free notes as the Markdown body.
public enum PartFormat {
    enum Key {
        static let id = "id", name = "name", formerNames = "former_names", role = "role", stage = "stage", created = "created",
                   apparentAge = "apparent_age", bodyLocation = "body_location", feelings = "feelings",
                   beliefs = "beliefs", job = "job", positiveIntent = "positive_intent", fears = "fears",
                   protects = "protects", polarizedWith = "polarized_with", allies = "allies",
                   permissions = "permissions", promises = "promises", feelToward = "feel_toward", trust = "trust_in_self",
                   stagesReached = "stages_reached", newRole = "new_role", earlierValues = "earlier_values", valueDates = "value_dates",
                   colour = "colour", archived = "archived", mergedFrom = "merged_from"
    }

    public static func render(_ part: Part) -> String {
        var fields: [(String, YAMLValue)] = [
            (Key.id, .text(part.id.rawValue)),
            (Key.name, .text(part.name)),
        ]
        func add(_ key: String, _ value: String) { if !value.isEmpty { fields.append((key, .text(value))) } }
        func add(_ key: String, list: [String]) { if !list.isEmpty { fields.append((key, .flowList(list.map { .text($0) }))) } }
        add(Key.formerNames, list: part.formerNames)
        fields.append((Key.role, .text(part.role.rawValue)))
        if let stage = part.stage { fields.append((Key.stage, .text(stage.rawValue))) }
        if let created = part.created { fields.append((Key.created, .moment(created))) }
        add(Key.apparentAge, part.apparentAge)
        add(Key.bodyLocation, part.bodyLocation)
        add(Key.feelings, list: part.feelings)
        add(Key.beliefs, list: part.beliefs)
        add(Key.job, part.job)
        add(Key.positiveIntent, part.positiveIntent)
        add(Key.newRole, part.newRole)
        add(Key.fears, list: part.fears)
        add(Key.protects, list: part.protects.map(\.rawValue))
        add(Key.polarizedWith, list: part.polarizedWith.map(\.rawValue))
        add(Key.allies, list: part.allies.map(\.rawValue))
        if !part.permissions.isEmpty {
            fields.append((Key.permissions, .blockList(part.permissions.map { permission in
                var pairs: [(String, YAMLValue)] = [("date", .moment(permission.date)), ("request", .text(permission.request)),
                                                    ("answer", .text(permission.answer.rawValue))]
                if let about = permission.about { pairs.append(("about", .text(about.rawValue))) }
                if let selfLed = permission.selfLed { pairs.append(("self_led", .flag(selfLed))) }
                return .flowMap(pairs)
            })))
        }
        if !part.promises.isEmpty {
            fields.append((Key.promises, .blockList(part.promises.map { promise in
                var pairs: [(String, YAMLValue)] = [("made", .moment(promise.made)), ("text", .text(promise.text))]
                if let kept = promise.kept { pairs.append(("kept", .moment(kept))) }
                return .flowMap(pairs)
            })))
        }
        if !part.feelToward.isEmpty {
            fields.append((Key.feelToward, .blockList(part.feelToward.map {
                var pairs: [(String, YAMLValue)] = [("date", .moment($0.date)), ("answer", .text($0.answer))]
                if let chosen = $0.chosen { pairs.append(("chosen", .text(chosen.rawValue))) }
                if let proposed = $0.proposed { pairs.append(("proposed", .text(proposed.rawValue))) }
                return .flowMap(pairs)
            })))
        }
        if !part.trust.isEmpty {
            fields.append((Key.trust, .blockList(part.trust.map {
                .flowMap([("date", .moment($0.date)), ("rating", .number($0.rating))])
            })))
        }
        if !part.stagesReached.isEmpty {
            fields.append((Key.stagesReached, .blockList(part.stagesReached.map {
                .flowMap([("stage", .text($0.stage.rawValue)), ("date", .moment($0.date))])
            })))
        }
        if !part.earlierValues.isEmpty {
            fields.append((Key.earlierValues, .blockList(part.earlierValues.map {
                .flowMap([("field", .text($0.field.rawValue)), ("value", .text($0.value)), ("until", .moment($0.until))])
            })))
        }
        if !part.valueDates.isEmpty {
            let dated = SingleValueField.allCases.compactMap { field in part.valueDates[field].map { (field.rawValue, YAMLValue.moment($0)) } }
            fields.append((Key.valueDates, .flowMap(dated)))
        }
        if let colour = part.colour { fields.append((Key.colour, .text(colour))) }
        if part.archived { fields.append((Key.archived, .flag(true))) } // written only when set
        add(Key.mergedFrom, list: part.mergedFrom.map(\.rawValue))
        for extra in part.extraFields { fields.append((extra.key, extra.value.yaml)) }
        let notes = EntryFormat.normalizeLineEnds(part.notes)
        return FrontMatterDocument.render(fields: fields, body: notes.isEmpty ? "" : notes + "\n")
    }

    public static func parse(_ text: String, fallbackID: PartID? = nil) throws(FormatError) -> Part {
        let document = try FrontMatterDocument.parse(text)
        var reader = FrontMatterReader(document)
        let id = try reader.string(Key.id).map { PartID($0) } ?? fallbackID
        guard let id, !id.rawValue.isEmpty else { throw FormatError(line: 2, reason: "missing 'id'") }
        guard let name = try reader.string(Key.name) else { throw FormatError(line: 2, reason: "missing 'name'") }

        var part = Part(id: id, name: name)
        part.formerNames = try reader.stringList(Key.formerNames)
        if let roleNode = reader.rawNode(Key.role) {
            guard case .scalar(let scalar) = roleNode, let role = PartRole(rawValue: scalar.string.lowercased()) else {
                let known = PartRole.allCases.map(\.rawValue).joined(separator: ", ")
                throw reader.error(roleNode, "'role' should be one of: \(known)")
            }
            part.role = role
        }
        if let stageNode = reader.rawNode(Key.stage) {
            guard case .scalar(let scalar) = stageNode, let stage = PartStage(rawValue: scalar.string.lowercased()) else {
                throw reader.error(stageNode, "'stage' should be one of: \(PartStage.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            part.stage = stage
        }
        part.created = try reader.dateTime(Key.created)
        part.apparentAge = try reader.string(Key.apparentAge) ?? ""
        part.bodyLocation = try reader.string(Key.bodyLocation) ?? ""
        part.feelings = try reader.stringList(Key.feelings)
        part.beliefs = try reader.stringList(Key.beliefs)
        part.job = try reader.string(Key.job) ?? ""
        part.positiveIntent = try reader.string(Key.positiveIntent) ?? ""
        part.fears = try reader.stringList(Key.fears)
        part.protects = try reader.stringList(Key.protects).map { PartID($0) }
        part.polarizedWith = try reader.stringList(Key.polarizedWith).map { PartID($0) }
        part.allies = try reader.stringList(Key.allies).map { PartID($0) }

        for (map, node) in try reader.records(Key.permissions) {
            guard let date = map["date"], case .scalar(let request)? = map["request"],
                  case .scalar(let answerText)? = map["answer"] else {
                throw reader.error(node, "each permission needs 'date', 'request' and 'answer'")
            }
            guard let answer = PermissionAnswer(rawValue: answerText.string.lowercased()) else {
                throw reader.error(node, "a permission's 'answer' should be yes, no or not-yet")
            }
            var about: PartID?
            if case .scalar(let aboutText)? = map["about"] { about = PartID(aboutText.string) }
            var selfLed: Bool?
            if let node = map["self_led"] {
                switch node.scalar?.string.lowercased() {
                case "yes", "true": selfLed = true
                case "no", "false": selfLed = false
                default: throw reader.error(node, "a permission's 'self_led' should be true or false")
                }
            }
            part.permissions.append(PartPermission(
                date: try FrontMatterReader.dateTime(date, key: "date", reader: reader), request: request.string, answer: answer,
                about: about, selfLed: selfLed))
        }
        for (map, node) in try reader.records(Key.promises) {
            guard let made = map["made"], case .scalar(let promiseText)? = map["text"] else {
                throw reader.error(node, "each promise needs 'made' and 'text'")
            }
            let kept = try map["kept"].map { (kept: Node) throws(FormatError) in
                try FrontMatterReader.dateTime(kept, key: "kept", reader: reader)
            }
            part.promises.append(PartPromise(
                made: try FrontMatterReader.dateTime(made, key: "made", reader: reader), text: promiseText.string, kept: kept))
        }
        for (map, node) in try reader.records(Key.feelToward) {
            guard let date = map["date"], case .scalar(let answer)? = map["answer"] else {
                throw reader.error(node, "each feel-toward record needs 'date' and 'answer'")
            }
            func reading(_ key: String) throws(FormatError) -> FeelTowardResult? {
                guard let value = map[key] else { return nil }
                guard case .scalar(let text) = value, let result = FeelTowardResult(rawValue: text.string) else {
                    let known = FeelTowardResult.allCases.map(\.rawValue).joined(separator: ", ")
                    throw reader.error(value, "'\(key)' should be one of: \(known)")
                }
                return result
            }
            // Records written before Haven asked hold only its guess, under 'sorted'.
            var proposed = try reading("proposed")
            if proposed == nil { proposed = try reading("sorted") }
            part.feelToward.append(FeelTowardRecord(
                date: try FrontMatterReader.dateTime(date, key: "date", reader: reader), answer: answer.string,
                chosen: try reading("chosen"), proposed: proposed))
        }
        for (map, node) in try reader.records(Key.trust) {
            guard let date = map["date"], case .scalar(let ratingText)? = map["rating"] else {
                throw reader.error(node, "each trust-in-Self record needs 'date' and 'rating'")
            }
            guard let rating = Int(ratingText.string), (0...10).contains(rating) else {
                throw reader.error(node, "a trust-in-Self 'rating' is a whole number from 0 to 10")
            }
            part.trust.append(TrustRecord(date: try FrontMatterReader.dateTime(date, key: "date", reader: reader), rating: rating))
        }
        for (map, node) in try reader.records(Key.stagesReached) {
            guard case .scalar(let stageText)? = map["stage"], let date = map["date"] else {
                throw reader.error(node, "each stage reached needs 'stage' and 'date'")
            }
            guard let stage = PartStage(rawValue: stageText.string.lowercased()) else {
                throw reader.error(node, "'stage' should be one of: \(PartStage.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            part.stagesReached.append(StageRecord(stage: stage, date: try FrontMatterReader.dateTime(date, key: "date", reader: reader)))
        }
        part.newRole = try reader.string(Key.newRole) ?? ""
        if let node = reader.rawNode(Key.valueDates) {
            guard case .mapping(let mapping) = node else { throw reader.error(node, "'value_dates' should be a map of field: date") }
            for (key, value) in mapping {
                guard let field = key.scalar.flatMap({ SingleValueField(rawValue: $0.string) }) else {
                    let known = SingleValueField.allCases.map(\.rawValue).joined(separator: ", ")
                    throw reader.error(key, "a key of 'value_dates' should be one of: \(known)")
                }
                part.valueDates[field] = try FrontMatterReader.dateTime(value, key: "value_dates", reader: reader)
            }
        }
        for (map, node) in try reader.records(Key.earlierValues) {
            guard case .scalar(let fieldText)? = map["field"], case .scalar(let value)? = map["value"], let until = map["until"] else {
                throw reader.error(node, "each earlier value needs 'field', 'value' and 'until'")
            }
            guard let field = SingleValueField(rawValue: fieldText.string) else {
                let known = SingleValueField.allCases.map(\.rawValue).joined(separator: ", ")
                throw reader.error(node, "an earlier value's 'field' should be one of: \(known)")
            }
            part.earlierValues.append(EarlierValue(field: field, value: value.string,
                                                   until: try FrontMatterReader.dateTime(until, key: "until", reader: reader)))
        }
        part.colour = try reader.string(Key.colour)
        part.archived = try reader.bool(Key.archived) ?? false
        part.mergedFrom = try reader.stringList(Key.mergedFrom).map { PartID($0) }
        part.extraFields = reader.extraFields
        var notes = document.body
        if notes.hasSuffix("\n") { notes.removeLast() }
        part.notes = notes
        return part
    }

}
