/// The journal's entries as summaries plus their folded search text, ready to list, filter and
/// search. Newest first; each id once.
public struct IndexedEntries: Hashable, Sendable {
    public var entries: [EntrySummary]
    /// Files that could not be read as entries (reported each time, never rewritten).
    public var problems: [JournalProblem]
    /// The folded search text of all entries, one after another, and each entry's slice of it.
    private let text: [UInt8]
    private let slices: [Range<Int>]

    public init(entries: [EntrySummary], problems: [JournalProblem], text: [UInt8], slices: [Range<Int>]) {
        self.entries = entries
        self.problems = problems
        self.text = text
        self.slices = slices
    }

    /// The entries that pass the filter and, when the query has words, contain all of them.
    public func matching(_ filter: EntryFilter, query: SearchQuery = SearchQuery("")) -> [EntrySummary] {
        text.withUnsafeBufferPointer { all in
            entries.indices.compactMap { index in
                let entry = entries[index]
                guard filter.matches(entry) else { return nil }
                if query.isEmpty { return entry }
                let slice = slices[index]
                let haystack = UnsafeBufferPointer(rebasing: all[slice])
                return query.matches(foldedUTF8: haystack) ? entry : nil
            }
        }
    }
}

extension IndexedEntries {
    /// Built straight from a listing (no cache): for the in-memory store and small journals.
    public init(_ listing: EntryListing) {
        var text: [UInt8] = []
        var slices: [Range<Int>] = []
        for stored in listing.entries {
            let start = text.count
            text.append(contentsOf: EntrySummary.searchText(of: stored.entry).utf8)
            slices.append(start..<text.count)
        }
        self.init(entries: listing.entries.map(EntrySummary.init), problems: listing.problems, text: text, slices: slices)
    }
}

/// Where the entries list and search get their summaries: the on-disk index, or a store read
/// whole (tests, the in-memory store).
public protocol EntrySummarySource {
    func loadSummaries() throws(StoreError) -> IndexedEntries
}

public struct SummariesFromStore: EntrySummarySource {
    public let store: JournalStore

    public init(store: JournalStore) { self.store = store }

    public func loadSummaries() throws(StoreError) -> IndexedEntries {
        IndexedEntries(try store.loadEntries())
    }
}
