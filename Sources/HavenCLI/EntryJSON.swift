import Foundation
import JournalCore

/// The JSON shape of an entry for `--json` (docs/cli.md). Stable keys, snake_case like the files.
struct EntryJSON: Encodable {
    struct Section: Encodable {
        var step: String
        var heading: String
        var text: String
    }

    struct Distress: Encodable {
        var step: String
        var value: Int
    }

    var id: String
    var created: String
    var flow: String?
    var title: String
    var parts: [String]
    var tags: [String]
    var starred: Bool
    var selfEnergy: [String: Int]
    var distress: [Distress]
    var path: String
    var preamble: String?
    var sections: [Section]?

    enum CodingKeys: String, CodingKey {
        case id, created, flow, title, parts, tags, starred, selfEnergy = "self_energy", distress, path, preamble, sections
    }

    init(_ stored: StoredEntry, journal: String, includeBody: Bool) {
        self.init(EntrySummary(stored), journal: journal)
        if includeBody {
            preamble = stored.entry.preamble
            sections = stored.entry.sections.map { Section(step: $0.stepID, heading: $0.heading, text: $0.text) }
        }
    }

    /// An entry from the index: everything but the body.
    init(_ summary: EntrySummary, journal: String) {
        id = summary.id.rawValue
        created = summary.created.iso8601
        flow = summary.flow
        title = summary.title
        parts = summary.parts.map(\.rawValue)
        tags = summary.tags
        starred = summary.starred
        selfEnergy = Dictionary(uniqueKeysWithValues: summary.selfEnergy.ordered.map { ($0.quality.rawValue, $0.value) })
        distress = summary.distress.map { Distress(step: $0.stepID, value: $0.value) }
        path = journal + "/" + summary.path
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and numbers cannot fail.
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "null"
    }
}
