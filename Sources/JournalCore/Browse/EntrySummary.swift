/// What the entries list, filters and search need of an entry, without its body: small enough to
/// keep for years of writing in the index (JournalFiles' EntryIndex).
public struct EntrySummary: Hashable, Sendable {
    public var id: EntryID
    public var created: LocalDateTime
    public var flow: String?
    public var title: String
    /// The first line of the person's writing (see `Entry.firstWords`).
    public var firstWords: String
    public var parts: [PartID]
    public var tags: [String]
    public var starred: Bool
    public var selfEnergy: SelfEnergyReading
    public var distress: [DistressReading]
    /// Path relative to the journal folder.
    public var path: String

    public init(id: EntryID, created: LocalDateTime, flow: String?, title: String, firstWords: String, parts: [PartID],
                tags: [String], starred: Bool, selfEnergy: SelfEnergyReading, distress: [DistressReading], path: String) {
        self.id = id
        self.created = created
        self.flow = flow
        self.title = title
        self.firstWords = firstWords
        self.parts = parts
        self.tags = tags
        self.starred = starred
        self.selfEnergy = selfEnergy
        self.distress = distress
        self.path = path
    }

    public init(_ stored: StoredEntry) {
        let entry = stored.entry
        self.init(id: entry.id, created: entry.created, flow: entry.flow, title: entry.title, firstWords: entry.firstWords,
                  parts: entry.parts, tags: entry.tags, starred: entry.starred, selfEnergy: entry.selfEnergy,
                  distress: entry.distress, path: stored.path)
    }

    public var day: CalendarDay { CalendarDay(created) }

    /// The title, else the first line of writing.
    public var headline: String { Entry.headline(title: title, firstWords: firstWords) }

    /// The entry in its own words (see `Entry.headline(_:)`).
    public func headline(_ titles: GeneratedTitles) -> String {
        Entry.headline(title: title, firstWords: firstWords, flow: flow, titles: titles)
    }

    /// What search looks through, folded: the person's own words (title, writing, answers, tags
    /// and the parts' ids), not the prompts, which every entry of a flow shares.
    public static func searchText(of entry: Entry) -> String {
        var pieces = [entry.title, entry.preamble]
        pieces += entry.sections.map(\.text)
        pieces += entry.tags
        pieces += entry.parts.map(\.rawValue)
        return TextFolding.fold(pieces.filter { !$0.isEmpty }.joined(separator: "\n"))
    }

    /// Newest first; the path breaks ties so the order never wobbles.
    public static func newestFirst(_ a: EntrySummary, _ b: EntrySummary) -> Bool {
        let (x, y) = (a.created.secondsSinceEpoch, b.created.secondsSinceEpoch)
        return x != y ? x > y : a.path > b.path
    }
}
