/// Filters that combine (all must hold): a span of days, a part, a tag, a flow, starred only.
public struct EntryFilter: Hashable, Sendable {
    public var from: CalendarDay?
    public var to: CalendarDay?
    /// Part ids; an entry must involve one of them (a part's id and its former ids).
    public var parts: Set<PartID>?
    public var tag: String?
    public var flow: String?
    public var starredOnly: Bool
    /// "On this day": this day and month, in earlier years.
    public var onThisDay: CalendarDay?

    public init(from: CalendarDay? = nil, to: CalendarDay? = nil, parts: Set<PartID>? = nil, tag: String? = nil,
                flow: String? = nil, starredOnly: Bool = false, onThisDay: CalendarDay? = nil) {
        self.onThisDay = onThisDay
        self.from = from
        self.to = to
        self.parts = parts
        self.tag = tag
        self.flow = flow
        self.starredOnly = starredOnly
    }

    public var isEmpty: Bool { self == EntryFilter() }

    public func matches(_ entry: EntrySummary) -> Bool {
        if starredOnly && !entry.starred { return false }
        if let today = onThisDay, !Self.isOnThisDay(entry, today: today) { return false }
        if from != nil || to != nil {
            let day = entry.day
            if let from, day < from { return false }
            if let to, day > to { return false }
        }
        if let flow, entry.flow != flow { return false }
        if let tag {
            // Tags are compared folded, with or without the person's @ or #.
            let wanted = Self.normalisedTag(tag)
            guard entry.tags.contains(where: { Self.normalisedTag($0) == wanted }) else { return false }
        }
        if let parts, !entry.parts.contains(where: parts.contains) { return false }
        return true
    }

    static func normalisedTag(_ tag: String) -> String {
        var text = Substring(tag)
        while let first = text.first, first == "@" || first == "#" || first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        // Most tags are plain ASCII: lower-casing is all the folding they need, and far cheaper.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return TextFolding.fold(String(text))
    }

    /// Entries from this day and month in earlier years ("on this day"), newest first.
    public static func onThisDay(_ entries: [EntrySummary], today: CalendarDay) -> [EntrySummary] {
        entries.filter { isOnThisDay($0, today: today) }
    }

    static func isOnThisDay(_ entry: EntrySummary, today: CalendarDay) -> Bool {
        entry.created.month == today.month && entry.created.day == today.day && entry.created.year < today.year
    }
}
