/// A journal entry's stable identifier, e.g. `20261129-210312-k3f9`. It never changes, whatever
/// happens to the file name.
public struct EntryID: Hashable, Sendable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public var description: String { rawValue }
    public static func < (lhs: EntryID, rhs: EntryID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One answered prompt in an entry: the prompt as it was shown (the heading) and the answer
/// as it reads in the file. `stepID` ties it back to the flow step that asked (a step asked
/// twice, as in a loop, gives two sections with the same id).
public struct EntrySection: Hashable, Sendable, Codable {
    public var stepID: String
    public var heading: String
    public var text: String

    public init(stepID: String, heading: String, text: String) {
        self.stepID = stepID
        self.heading = heading
        self.text = text
    }
}

/// One journal entry: what is in one Markdown file under `entries/`.
public struct Entry: Hashable, Sendable, Codable {
    public var id: EntryID
    /// When the entry was begun, with the UTC offset of the place it was written.
    public var created: LocalDateTime
    /// The flow that produced it (`daily-checkin`), or nil for free writing and imports.
    public var flow: String?
    public var title: String
    /// Stable ids of the parts involved (see `PartID`).
    public var parts: [PartID]
    public var tags: [String]
    public var starred: Bool
    public var selfEnergy: SelfEnergyReading
    /// Distress ratings (0-10) by the step that asked, in the order they were given.
    public var distress: [DistressReading]
    /// Front-matter keys Haven does not know, in file order; written back unchanged.
    public var extraFields: [FrontMatterField]
    /// Writing before the first answered prompt (all of it, for a free or imported entry).
    public var preamble: String
    public var sections: [EntrySection]

    public init(id: EntryID, created: LocalDateTime, flow: String? = nil, title: String = "",
                parts: [PartID] = [], tags: [String] = [], starred: Bool = false,
                selfEnergy: SelfEnergyReading = SelfEnergyReading(), distress: [DistressReading] = [],
                extraFields: [FrontMatterField] = [], preamble: String = "", sections: [EntrySection] = []) {
        self.id = id
        self.created = created
        self.flow = flow
        self.title = title
        self.parts = parts
        self.tags = tags
        self.starred = starred
        self.selfEnergy = selfEnergy
        self.distress = distress
        self.extraFields = extraFields
        self.preamble = preamble
        self.sections = sections
    }

    /// A one-line summary: the title, else the first line of writing.
    public var headline: String {
        if !title.trimmingWhitespace().isEmpty { return title.trimmingWhitespace() }
        let allText = ([preamble] + sections.map(\.text)).joined(separator: "\n")
        for line in allText.split(separator: "\n") where !line.trimmingWhitespace().isEmpty {
            return String(line).trimmingWhitespace()
        }
        return "(untitled)"
    }
}

/// A distress rating (0 = settled, 10 = overwhelmed) and the step that asked for it.
public struct DistressReading: Hashable, Sendable, Codable {
    public var stepID: String
    public var value: Int

    public init(stepID: String, value: Int) {
        self.stepID = stepID
        self.value = value
    }
}
