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
    public var headline: String { Self.headline(title: title, firstWords: firstWords) }

    /// The entry in its own words: a title the person gave, else the first line of their
    /// writing. A title a flow made (older entries were titled with the flow's name) is passed
    /// over; with no words at all, the flow's name.
    public func headline(_ titles: GeneratedTitles) -> String {
        Self.headline(title: title, firstWords: firstWords, flow: flow, titles: titles)
    }

    static func headline(title: String, firstWords: String, flow: String?, titles: GeneratedTitles) -> String {
        let trimmed = title.trimmingWhitespace()
        if !trimmed.isEmpty, !titles.isGenerated(trimmed, flow: flow) { return trimmed }
        if !firstWords.isEmpty { return firstWords }
        if !trimmed.isEmpty { return trimmed }
        return titles.title(of: flow) ?? "(untitled)"
    }

    static func headline(title: String, firstWords: String) -> String {
        if !title.trimmingWhitespace().isEmpty { return title.trimmingWhitespace() }
        return firstWords.isEmpty ? "(untitled)" : firstWords
    }

    /// The first line of the person's writing: the free text before any heading, else the first
    /// answer that reads as words (a rating such as "4 of 10 (...)" or a Self check's list of
    /// numbers is passed over); "" when there is none.
    public var firstWords: String {
        for text in [preamble] + sections.map(\.text) {
            guard let line = text.split(separator: "\n").first(where: { !$0.trimmingWhitespace().isEmpty }) else { continue }
            let trimmed = line.trimmingWhitespace()
            if Self.isRating(trimmed) || Self.isNumberList(text) { continue }
            return trimmed
        }
        return ""
    }

    /// "4 of 10" or "4 of 10 (0 = settled, 10 = overwhelmed)": how a scale's answer is written.
    static func isRating(_ line: String) -> Bool {
        let words = line.split(separator: " ", maxSplits: 3)
        guard words.count >= 3, Int(words[0]) != nil, words[1] == "of", Int(words[2]) != nil else { return false }
        return words.count == 3 || words[3].hasPrefix("(")
    }

    /// "- Calm: 6" on every line: how a Self check's answer is written.
    static func isNumberList(_ text: String) -> Bool {
        let lines = text.split(separator: "\n").filter { !$0.trimmingWhitespace().isEmpty }
        return !lines.isEmpty && lines.allSatisfy { line in
            guard line.hasPrefix("- "), let colon = line.lastIndex(of: ":") else { return false }
            return Int(line[line.index(after: colon)...].trimmingWhitespace()) != nil
        }
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
