import JournalCore
import TerminalUI

/// Where things go on the entries list, shared by `update` (to keep the selection in sight) and
/// the view.
enum BrowseLayout {
    /// The widths of a list row's columns after its date: the entry's words, the flow, the
    /// parts, with two blanks between (the flow column goes in a very narrow window).
    static func columns(width: Int) -> (headline: Int, flow: Int, parts: Int) {
        let parts = max(0, width / 4)
        let flow = width >= 48 ? min(22, max(14, width / 4)) : 0
        let headline = max(0, width - parts - (flow > 0 ? flow + 2 : 0) - 2)
        return (headline, flow, parts)
    }

    /// Rows above the list: the title row, the filters row when any are set, a blank row.
    static func headerRows(_ browse: BrowseState, context: AppContext) -> Int {
        hasFilterLine(browse, context: context) ? 3 : 2
    }

    static func hasFilterLine(_ browse: BrowseState, context: AppContext) -> Bool {
        !browse.activeFilters(partNames: context.partNames).isEmpty || !browse.query.isEmpty
    }

    /// Rows for entries and month headings (the notice row and help line stay free).
    static func listHeight(size: Size, browse: BrowseState, context: AppContext) -> Int {
        max(1, size.height - headerRows(browse, context: context) - 2)
    }

    /// Rows from entry `start` to entry `end` included: the entries, plus a heading for the
    /// first one and for each new month.
    static func rows(from start: Int, through end: Int, results: [EntrySummary]) -> Int {
        guard start <= end, results.indices.contains(start) else { return 0 }
        var count = 0
        for index in start...min(end, results.count - 1) {
            if index == start || !sameMonth(results[index], results[index - 1]) { count += 1 }
            count += 1
        }
        return count
    }

    static func sameMonth(_ a: EntrySummary, _ b: EntrySummary) -> Bool {
        a.created.year == b.created.year && a.created.month == b.created.month
    }

    /// The first entry to draw so that `selected` is in sight, moving as little as possible.
    static func scroll(toShow selected: Int, from scroll: Int, results: [EntrySummary], height: Int) -> Int {
        guard !results.isEmpty else { return 0 }
        var start = min(max(0, scroll), results.count - 1)
        if selected < start { return selected }
        while start < selected && rows(from: start, through: selected, results: results) > height { start += 1 }
        return start
    }

    static func partChoices(journal: IndexedEntries?, names: [PartID: String], aliases: PartAliases = PartAliases([]))
        -> [(id: PartID, name: String)] {
        // A part merged into another is one choice, under the part it is now.
        var seen = Set<PartID>()
        for entry in journal?.entries ?? [] { seen.formUnion(entry.parts.map(aliases.resolve)) }
        seen.formUnion(names.keys.map(aliases.resolve))
        return seen.map { ($0, names[$0] ?? $0.rawValue) }.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    static func tagChoices(_ journal: IndexedEntries?) -> [String] {
        var seen: [String: String] = [:] // folded -> as first written
        for entry in journal?.entries ?? [] {
            for tag in entry.tags where seen[TextFolding.fold(tag)] == nil { seen[TextFolding.fold(tag)] = tag }
        }
        return seen.values.sorted { $0.lowercased() < $1.lowercased() }
    }

    static func flowChoices(_ journal: IndexedEntries?) -> [String] {
        Set((journal?.entries ?? []).compactMap(\.flow)).sorted()
    }
}
