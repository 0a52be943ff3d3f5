import JournalCore
import TerminalUI

/// The filter form over the list: ←/→ step through the values the journal has; dates take typing.
enum FilterPanelFeature {
    static func reduce(_ browse: inout BrowseState, _ key: Key, _ context: AppContext) -> [AppCommand] {
        guard var panel = browse.filterPanel else { return [] }
        panel.problem = nil
        let rows = FilterPanel.Row.allCases
        switch BrowseKeys.filters.action(for: key) {
        case .up?: panel.row = rows[max(0, panel.row.rawValue - 1)]
        case .down?: panel.row = rows[min(rows.count - 1, panel.row.rawValue + 1)]
        case .left?:
            step(-1, row: panel.row, &browse, context)
        case .right?:
            step(1, row: panel.row, &browse, context)
        case .clearAll?:
            browse.filter = EntryFilter()
            panel = FilterPanel(filter: browse.filter)
        case .cancel?:
            browse.filter = panel.original
            browse.filterPanel = nil
            browse = BrowseFeature.refreshed(browse, context)
            return []
        case .apply?:
            if let problem = apply(panel, to: &browse.filter, today: CalendarDay(context.today())) {
                panel.row = problem.row
                panel.problem = problem.message
                browse.filterPanel = panel
                return []
            }
            browse.filterPanel = nil
            browse.selected = 0
            browse = BrowseFeature.refreshed(browse, context)
            return []
        case .ground?: return [.groundHere]
        case .quit?: return [.finish]
        case .help?:
            return []
        case nil:
            // Typing into a date row: digits, letters and dashes ("2026-11", "today").
            let accepts: (Character) -> Bool = { $0.isNumber || $0 == "-" || $0.isLetter }
            switch panel.row {
            case .from: guard panel.from.handle(key, accepts: accepts) else { return [] }
            case .to: guard panel.to.handle(key, accepts: accepts) else { return [] }
            case .part, .tag, .flow, .starred: return []
            }
        }
        browse.filterPanel = panel
        browse = BrowseFeature.refreshed(browse, context)
        return []
    }

    /// ←/→ on a row with values to step through.
    private static func step(_ step: Int, row: FilterPanel.Row, _ browse: inout BrowseState, _ context: AppContext) {
        switch row {
        case .part:
            let aliases = context.home.aliases
            let parts = BrowseLayout.partChoices(journal: context.journal, names: context.partNames, aliases: aliases)
            let current = browse.filter.parts.flatMap { ids in parts.first { ids.contains($0.id) }?.id }
            browse.filter.parts = cycle(parts.map(\.id), current: current, step: step).map { aliases.ids(for: $0) }
        case .tag:
            browse.filter.tag = cycle(BrowseLayout.tagChoices(context.journal), current: browse.filter.tag, step: step)
        case .flow:
            browse.filter.flow = cycle(BrowseLayout.flowChoices(context.journal), current: browse.filter.flow, step: step)
        case .starred:
            browse.filter.starredOnly.toggle()
        case .from, .to:
            break
        }
    }

    /// The typed dates read into the filter; a wrong one is said, with its row.
    private static func apply(_ panel: FilterPanel, to filter: inout EntryFilter, today: CalendarDay)
        -> (row: FilterPanel.Row, message: String)? {
        for (row, text) in [(FilterPanel.Row.from, panel.fromText), (.to, panel.toText)] {
            let trimmed = text.trimmingWhitespace()
            if trimmed.isEmpty {
                if row == .from { filter.from = nil } else { filter.to = nil }
                continue
            }
            guard let range = CalendarDay.range(trimmed, today: today) else {
                return (row, "'\(trimmed)' is not a date: try 2026-11-29, 2026-11 or 2026.")
            }
            if row == .from { filter.from = range.lowerBound } else { filter.to = range.upperBound }
        }
        if let from = filter.from, let to = filter.to, from > to { return (panel.row, "The start comes after the end.") }
        return nil
    }

    /// The next value in a list, with nil ("any") before the first and after the last.
    private static func cycle<T: Equatable>(_ values: [T], current: T?, step: Int) -> T? {
        guard !values.isEmpty else { return nil }
        let all: [T?] = [nil] + values.map(Optional.some)
        let index = all.firstIndex { $0 == current } ?? 0
        return all[(index + step + all.count) % all.count]
    }
}
