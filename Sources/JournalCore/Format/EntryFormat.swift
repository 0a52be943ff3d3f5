import Yams

/// Reads and writes one entry file (docs/entry-format.md): YAML front matter, then the body.
/// `parse(render(e)) == e` for every entry whose text uses `\n` line ends (the writer turns
/// `\r\n` and `\r` into `\n`).
public enum EntryFormat {
    enum Key {
        static let id = "id", created = "created", flow = "flow", title = "title", parts = "parts",
                   tags = "tags", starred = "starred", selfEnergy = "self_energy", distress = "distress"
    }

    public static func render(_ entry: Entry) -> String {
        let sections = entry.sections.map {
            EntrySection(stepID: $0.stepID, heading: normalizeLineEnds($0.heading), text: normalizeLineEnds($0.text))
        }
        let body = EntryBody.render(preamble: normalizeLineEnds(entry.preamble), sections: sections)
        return FrontMatterDocument.render(fields: frontMatter(entry), body: body)
    }

    /// The entry as text, keeping the body of `original` (its file as it is) exactly as written
    /// where the writing is unchanged, with only new sections (a later note) added after it: a
    /// star or a note never reformats what was written by hand. Falls back to `render` whenever
    /// the result would not read back as `entry`.
    public static func render(_ entry: Entry, keepingBodyOf original: String) -> String {
        guard let document = try? FrontMatterDocument.parse(original),
              let before = try? parse(original, fallbackID: entry.id),
              before.preamble == entry.preamble, entry.sections.starts(with: before.sections) else { return render(entry) }
        var body = document.body
        let added = entry.sections.dropFirst(before.sections.count).map {
            EntrySection(stepID: $0.stepID, heading: normalizeLineEnds($0.heading), text: normalizeLineEnds($0.text))
        }
        if !added.isEmpty {
            if !body.isEmpty { body += body.hasSuffix("\n") ? "\n" : "\n\n" }
            body += EntryBody.render(preamble: "", sections: added)
        }
        let text = FrontMatterDocument.render(fields: frontMatter(entry), body: body)
        guard (try? parse(text, fallbackID: entry.id)) == entry else { return render(entry) }
        return text
    }

    private static func frontMatter(_ entry: Entry) -> [(String, YAMLValue)] {
        var fields: [(String, YAMLValue)] = [
            (Key.id, .text(entry.id.rawValue)),
            (Key.created, .moment(entry.created)),
        ]
        if let flow = entry.flow { fields.append((Key.flow, .text(flow))) }
        fields.append((Key.title, .text(normalizeLineEnds(entry.title))))
        fields.append((Key.parts, .flowList(entry.parts.map { .text($0.rawValue) })))
        fields.append((Key.tags, .flowList(entry.tags.map { .text(normalizeLineEnds($0)) })))
        fields.append((Key.starred, .flag(entry.starred)))
        if !entry.selfEnergy.isEmpty {
            fields.append((Key.selfEnergy, .flowMap(entry.selfEnergy.ordered.map { ($0.quality.rawValue, .number($0.value)) })))
        }
        if !entry.distress.isEmpty {
            fields.append((Key.distress, .blockList(entry.distress.map { reading in
                .flowMap([("step", .text(reading.stepID)), ("value", .number(reading.value))])
            })))
        }
        for extra in entry.extraFields { fields.append((extra.key, extra.value.yaml)) }
        return fields
    }

    /// Parses an entry file. `fallbackID` (usually the file name without `.md`) is used when the
    /// front matter has no `id`, as in a file written by hand.
    public static func parse(_ text: String, fallbackID: EntryID? = nil) throws(FormatError) -> Entry {
        let document = try FrontMatterDocument.parse(text)
        var reader = FrontMatterReader(document)

        let id = try reader.string(Key.id).map { EntryID($0) } ?? fallbackID
        guard let id, !id.rawValue.isEmpty else {
            throw FormatError(line: 2, reason: "missing 'id'")
        }
        guard let created = try reader.dateTime(Key.created) else {
            throw FormatError(line: 2, reason: "missing 'created' (a date and time like 2026-11-29T21:03:12+01:00)")
        }
        let flow = try reader.string(Key.flow)
        let title = try reader.string(Key.title) ?? ""
        let parts = try reader.stringList(Key.parts).map { PartID($0) }
        let tags = try reader.stringList(Key.tags)
        let starred = try reader.bool(Key.starred) ?? false

        var selfEnergy = SelfEnergyReading()
        if let node = reader.rawNode(Key.selfEnergy) {
            guard case .mapping(let map) = node else {
                throw reader.error(node, "'\(Key.selfEnergy)' should map qualities to numbers, like {calm: 6}")
            }
            for (key, value) in map {
                guard let name = key.scalar?.string, let quality = SelfQuality(rawValue: name.lowercased()) else {
                    let known = SelfQuality.allCases.map(\.rawValue).joined(separator: ", ")
                    throw reader.error(key, "unknown Self quality '\(key.scalar?.string ?? "")' (known: \(known))")
                }
                selfEnergy.ratings[quality] = try FrontMatterReader.int(value, key: name, range: 0...10, reader: reader)
            }
        }
        var distress: [DistressReading] = []
        for (map, node) in try reader.records(Key.distress) {
            guard case .scalar(let step)? = map["step"], let value = map["value"] else {
                throw reader.error(node, "each distress reading needs 'step' and 'value'")
            }
            distress.append(DistressReading(
                stepID: step.string, value: try FrontMatterReader.int(value, key: "value", range: 0...10, reader: reader)))
        }

        let body = EntryBody.parse(document.body)
        return Entry(id: id, created: created, flow: flow, title: title, parts: parts, tags: tags,
                     starred: starred, selfEnergy: selfEnergy, distress: distress,
                     extraFields: reader.extraFields, preamble: body.preamble, sections: body.sections)
    }

    /// Whether a body line is an answered prompt's heading (`## prompt {#step-id}`).
    public static func isSectionHeading<S: StringProtocol>(_ line: S) -> Bool {
        EntryBody.structuralHeading(line) != nil
    }

    static func normalizeLineEnds(_ text: String) -> String {
        guard text.unicodeScalars.contains("\r") else { return text }
        return text.replacingAll("\r\n", with: "\n").replacingAll("\r", with: "\n")
    }
}
