import Foundation
import Synchronization

/// The journal's entries as summaries plus their folded search text, ready to list, filter and
/// search. Newest first; each id once.
public struct IndexedEntries: Hashable, Sendable {
    /// The entries, newest first. Made on first use when they come from the index's rows (a
    /// plain `list` only ever makes the few it prints: see `entry(at:)`).
    public var entries: [EntrySummary] { storage.all }
    /// Files that could not be read as entries (reported each time, never rewritten).
    public var problems: [JournalProblem]
    private let storage: SummaryStorage
    /// The folded search text of all entries, one after another, and each entry's slice of it.
    private let text: SearchText
    private let slices: [Range<Int>]

    public init(entries: [EntrySummary], problems: [JournalProblem], text: SearchText, slices: [Range<Int>]) {
        storage = SummaryStorage(entries)
        self.problems = problems
        self.text = text
        self.slices = slices
    }

    public init(entries: [EntrySummary], problems: [JournalProblem], text: [UInt8], slices: [Range<Int>]) {
        self.init(entries: entries, problems: problems, text: SearchText(text), slices: slices)
    }

    /// Entries still as index rows: `order` lists the rows newest first, one per id.
    public init(rows: some EntrySummaryRows, order: [Int], problems: [JournalProblem], text: SearchText) {
        storage = SummaryStorage(rows: rows, order: order)
        self.problems = problems
        self.text = text
        slices = order.map { rows.textSlice(ofRow: $0) }
    }

    public var count: Int { storage.count }

    public func entry(at index: Int) -> EntrySummary { storage.summary(at: index) }

    /// Equal when they list the same entries and problems with the same search text.
    public static func == (lhs: IndexedEntries, rhs: IndexedEntries) -> Bool {
        guard lhs.entries == rhs.entries, lhs.problems == rhs.problems, lhs.slices.count == rhs.slices.count else { return false }
        return lhs.entries.indices.allSatisfy { index in
            lhs.text.withBytes { a in rhs.text.withBytes { b in
                lhs.slices[index].upperBound <= a.count && rhs.slices[index].upperBound <= b.count
                    && Array(a[lhs.slices[index]]) == Array(b[rhs.slices[index]])
            } }
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(entries)
        hasher.combine(problems)
    }

    /// The entries that pass the filter and, when the query has words, contain all of them.
    public func matching(_ filter: EntryFilter, query: SearchQuery = SearchQuery(""), limit: Int? = nil) -> [EntrySummary] {
        var indices = matchingIndices(filter, query: query)
        if let limit { indices = Array(indices.prefix(max(0, limit))) }
        return indices.map(entry(at:))
    }

    /// The same as positions in `entries`, looking only among `candidates` when given (a search
    /// that grew by a letter can only narrow the one before it).
    public func matchingIndices(_ filter: EntryFilter, query: SearchQuery, among candidates: [Int]? = nil) -> [Int] {
        let total = count
        let pool = candidates ?? Array(0..<total)
        let everything = filter.isEmpty
        if query.isEmpty { return everything ? pool : pool.filter { filter.matches(entry(at: $0)) } } // the text is not even read
        return text.withBytes { all -> [Int] in
            return pool.filter { index in
                guard index >= 0, index < total, everything || filter.matches(entry(at: index)) else { return false }
                let slice = slices[index]
                guard slice.lowerBound >= 0, slice.upperBound <= all.count else { return false }
                return query.matches(foldedUTF8: UnsafeBufferPointer(rebasing: all[slice]))
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

/// Entry summaries kept in a compact form until one is asked for, by row (the file index keeps
/// its rows as the bytes it read), each with where its folded search text is.
public protocol EntrySummaryRows: Sendable {
    /// Nil for a row that is not an entry's, or cannot be read.
    func summary(ofRow row: Int) -> EntrySummary?
    func textSlice(ofRow row: Int) -> Range<Int>
}

/// Where the entries list and search get their summaries: the on-disk index, or a store read
/// whole (tests, the in-memory store).
public protocol EntrySummarySource {
    func loadSummaries() throws(StoreError) -> IndexedEntries
    /// The same, told about entries just written (an import): their files need not be parsed
    /// again when they still hold exactly what was written.
    func loadSummaries(knowing written: [StoredEntry]) throws(StoreError) -> IndexedEntries
}

extension EntrySummarySource {
    public func loadSummaries(knowing written: [StoredEntry]) throws(StoreError) -> IndexedEntries {
        try loadSummaries()
    }
}

public struct SummariesFromStore: EntrySummarySource {
    public let store: JournalStore

    public init(store: JournalStore) { self.store = store }

    public func loadSummaries() throws(StoreError) -> IndexedEntries {
        IndexedEntries(try store.loadEntries())
    }
}

/// Bytes that nobody changes while they are held, shared between threads: a file mapped
/// read-only (the file store's `MappedFile`), released when the last holder lets go.
public protocol ReadOnlyBytes: Sendable {
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R
}

/// The folded search text behind an index: in memory, or read from the cache on the first
/// search (a plain `list` never reads it). Thread-safe; read at most once.
public final class SearchText: Sendable {
    /// What a load gives: bytes in memory, or bytes shared with their owner (a mapped file),
    /// each from `start` on.
    public enum Loaded: Sendable {
        case bytes([UInt8], start: Int)
        case shared(any ReadOnlyBytes, start: Int)
    }

    private let loaded: Mutex<Loaded?>
    private let load: @Sendable () -> Loaded

    public init(_ bytes: [UInt8]) {
        loaded = Mutex(.bytes(bytes, start: 0))
        load = { .bytes([], start: 0) }
    }

    public init(loading load: @escaping @Sendable () -> Loaded) {
        loaded = Mutex(nil)
        self.load = load
    }

    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let current = loaded.withLock { loaded -> Loaded in
            if let loaded { return loaded }
            let fresh = load()
            loaded = fresh
            return fresh
        }
        switch current {
        case .bytes(let bytes, let start):
            return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[min(start, $0.count)...])) }
        case .shared(let shared, let start):
            return shared.withBytes { body(UnsafeBufferPointer(rebasing: $0[min(start, $0.count)...])) }
        }
    }
}

/// Where `IndexedEntries` keeps its summaries: made already, or made from index rows when first
/// asked for (one at a time, or all at once for the app). Thread-safe.
final class SummaryStorage: Sendable {
    /// All the summaries, once made.
    private let made: Mutex<[EntrySummary]?>
    private let rows: (any EntrySummaryRows)?
    private let order: [Int]

    init(_ entries: [EntrySummary]) {
        made = Mutex(entries)
        rows = nil
        order = []
    }

    init(rows: some EntrySummaryRows, order: [Int]) {
        made = Mutex(nil)
        self.rows = rows
        self.order = order
    }

    var count: Int { rows == nil ? made.withLock { $0?.count ?? 0 } : order.count }

    var all: [EntrySummary] {
        made.withLock { made in
            if let made { return made }
            let everything = order.map(decode)
            made = everything
            return everything
        }
    }

    func summary(at index: Int) -> EntrySummary {
        // One row is made outside the lock: showing a few rows never waits on another thread.
        made.withLock { $0?[index] } ?? decode(order[index])
    }

    private func decode(_ row: Int) -> EntrySummary {
        if let summary = rows?.summary(ofRow: row) { return summary }
        // Rows were checked when the table was made; this cannot happen, but never crash.
        return EntrySummary(id: EntryID("unreadable-row-\(row)"), created: LocalDateTime(year: 1970, month: 1, day: 1, utcOffsetMinutes: 0),
                            flow: nil, title: "(unreadable index row)", firstWords: "", parts: [], tags: [], starred: false,
                            selfEnergy: SelfEnergyReading(), distress: [], path: "")
    }
}
