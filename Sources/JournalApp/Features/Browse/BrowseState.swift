import JournalCore
import TerminalUI

/// The entries browser: the list (with search and filters), the reader and the calendar all
/// work on the same results, so moving between them keeps the person's place.
public struct BrowseState: Hashable, Sendable {
    /// The search box.
    public var search = TextFieldState()
    /// What is typed in the search box; setting it puts the cursor at its end.
    public var query: String {
        get { search.text }
        set { search = TextFieldState(text: newValue) }
    }
    /// True while keys go into the search box.
    public var typingQuery = false
    public var filter = EntryFilter()
    /// Entries passing the filter and the query, newest first.
    public var results: [EntrySummary] = []
    public var selected = 0
    /// The first list row drawn (rows include month headings).
    public var scroll = 0
    /// Open over the list while filters are being chosen.
    public var filterPanel: FilterPanel?
    /// The last entry moved to the trash, for undo.
    public var lastTrashed: TrashedEntry?
    /// The last search's matches, so typing one more letter only looks among them.
    public var narrowing: SearchNarrowing?

    public init() {}

    public var selectedEntry: EntrySummary? { results.indices.contains(selected) ? results[selected] : nil }

    /// The filters in force, in words, for the line over the list.
    public func activeFilters(partNames: [PartID: String]) -> [String] {
        var words: [String] = []
        switch (filter.from, filter.to) {
        case let (from?, to?) where from == to: words.append("on \(from)")
        case let (from?, to?): words.append("\(from) to \(to)")
        case let (from?, nil): words.append("from \(from)")
        case let (nil, to?): words.append("up to \(to)")
        case (nil, nil): break
        }
        if let parts = filter.parts {
            let names = Set(parts.map { partNames[$0] ?? $0.rawValue }).sorted() // a merged part is one name
            words.append("part: " + names.joined(separator: " or "))
        }
        if let tag = filter.tag { words.append("tag: \(tag)") }
        if let flow = filter.flow { words.append("flow: \(flow)") }
        if filter.starredOnly { words.append("starred") }
        if filter.onThisDay != nil { words.append("on this day in earlier years") }
        return words
    }
}

/// A search's matches (positions in the loaded entries), for narrowing as the person types.
public struct SearchNarrowing: Hashable, Sendable {
    public var query: String
    public var filter: EntryFilter
    public var entryCount: Int
    public var indices: [Int]
}

/// An entry moved to the trash from the browser: where it went, so undo can put it back.
public struct TrashedEntry: Hashable, Sendable {
    public var id: EntryID
    public var headline: String
    public var originalPath: String
    public var trashPath: String

    public init(id: EntryID, headline: String, originalPath: String, trashPath: String) {
        self.id = id
        self.headline = headline
        self.originalPath = originalPath
        self.trashPath = trashPath
    }
}

/// The filter form: one row per filter. ←/→ step through the values found in the journal;
/// the date rows take typing.
public struct FilterPanel: Hashable, Sendable {
    public enum Row: Int, CaseIterable, Hashable, Sendable {
        case from, to, part, tag, flow, starred

        var label: String {
            switch self {
            case .from: return "From"
            case .to: return "To"
            case .part: return "Part"
            case .tag: return "Tag"
            case .flow: return "Flow"
            case .starred: return "Starred only"
            }
        }
    }

    public var row: Row = .from
    /// What is typed in the date rows (checked when the panel closes or the row changes).
    public var from: TextFieldState
    public var to: TextFieldState
    public var fromText: String { from.text }
    public var toText: String { to.text }
    /// A date that is not a date, said under the row.
    public var problem: String?
    /// The filter when the form opened, for cancelling.
    public var original: EntryFilter

    public init(filter: EntryFilter) {
        original = filter
        from = TextFieldState(text: filter.from?.description ?? "", maxLength: 10)
        to = TextFieldState(text: filter.to?.description ?? "", maxLength: 10)
    }
}

