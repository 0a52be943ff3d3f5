import JournalCore
import TerminalUI

/// What the entries list, its reader and its calendar are told about the journal.
public enum BrowseMsg: Hashable, Sendable {
    case entryOpened(StoredEntry, index: Int)
    /// An entry could not be opened (gone, or changed): say so and read the journal again.
    case entryOpenFailed(String)
    case entryTrashed(TrashedEntry)
    case entryRestored(StoredEntry)
}

/// The entries list: search as you type, filters, star, delete with undo, and the way into the
/// reader and the calendar, which work on the same results so moving between them keeps the
/// person's place.
enum BrowseFeature {
    /// Opens the list over the screen shown (results worked out from the journal as read).
    static func open(_ browse: BrowseState, _ context: AppContext) -> [AppCommand] {
        [.push(.browse(refreshed(browse, context)))] + (context.journal == nil ? [.run(.loadEntries)] : [])
    }

    /// The results for the browser's query and filter, keeping the selection on the same entry
    /// when it is still there.
    static func refreshed(_ browse: BrowseState, _ context: AppContext) -> BrowseState {
        var browse = browse
        let previous = browse.selectedEntry?.id
        if let journal = context.journal {
            // A longer query (same filter, same journal) can only match fewer: look among the last matches.
            var candidates: [Int]?
            if let last = browse.narrowing, !last.query.isEmpty, browse.query.hasPrefix(last.query), last.filter == browse.filter,
               last.entryCount == journal.entries.count, !browse.query.hasSuffix(" "), !browse.query.contains("\"") {
                candidates = last.indices
            }
            let indices = journal.matchingIndices(browse.filter, query: SearchQuery(browse.query), among: candidates)
            browse.results = indices.map { journal.entries[$0] }
            browse.narrowing = SearchNarrowing(query: browse.query, filter: browse.filter, entryCount: journal.entries.count,
                                               indices: indices)
        } else {
            browse.results = []
            browse.narrowing = nil
        }
        if let previous, let index = browse.results.firstIndex(where: { $0.id == previous }) {
            browse.selected = index
        } else {
            browse.selected = min(browse.selected, max(0, browse.results.count - 1))
        }
        browse.scroll = BrowseLayout.scroll(toShow: browse.selected, from: browse.scroll, results: browse.results,
                                            height: BrowseLayout.listHeight(size: context.size, browse: browse, context: context))
        return browse
    }

    /// `fromHome` when the list was opened from the home screen (for what Esc is called).
    static func reduce(_ browse: inout BrowseState, _ key: Key, fromHome: Bool, _ context: AppContext) -> [AppCommand] {
        if browse.filterPanel != nil { return FilterPanelFeature.reduce(&browse, key, context) }
        let page = max(1, BrowseLayout.listHeight(size: context.size, browse: browse, context: context) - 2)
        var commands: [AppCommand] = []
        switch BrowseKeys.actionMap(browse, fromHome: fromHome).action(for: key) {
        case .up?: browse.selected = max(0, browse.selected - 1)
        case .down?: browse.selected = min(max(0, browse.results.count - 1), browse.selected + 1)
        case .pageUp?: browse.selected = max(0, browse.selected - page)
        case .pageDown?: browse.selected = min(max(0, browse.results.count - 1), browse.selected + page)
        case .read?:
            if let entry = browse.selectedEntry { return [.run(.openEntry(entry.id, index: browse.selected))] }
        case .doneSearching?:
            browse.typingQuery = false
        case .search?: browse.typingQuery = true
        case .filters?: browse.filterPanel = FilterPanel(filter: browse.filter)
        case .clearFilters?:
            // Esc in the search box and x on the list alike: the search and every filter.
            browse.filter = EntryFilter()
            browse.query = ""
            browse.typingQuery = false
        case .star?:
            if let entry = browse.selectedEntry { return [.run(.setStarred(entry.id, !entry.starred))] }
        case .calendar?:
            let start = browse.selectedEntry.map(\.day) ?? CalendarDay(context.today())
            return [.push(.calendar(CalendarState(day: start)))]
        case .undo?:
            if let trashed = browse.lastTrashed { return [.run(.restoreEntry(trashed))] }
            commands.append(.notice("Nothing to undo."))
        case .back?:
            return [.pop, .run(.loadHome)]
        case .ground?: return [.groundHere]
        case .quit?: return [.finish]
        case .help?: break
        case nil:
            // Typing in the search box.
            guard browse.typingQuery else { break }
            guard browse.search.handle(key) else { return [] }
        }
        browse = refreshed(browse, context)
        return commands
    }

    /// The journal was read again: every list in the stack searches afresh (positions from before
    /// mean nothing now), and a reader keeps its entry's new place.
    static func journalReloaded(_ navigation: inout Navigation, _ context: AppContext) {
        var nearest: BrowseState?
        navigation.updateEach { screen in
            switch screen {
            case .browse(var browse):
                browse.narrowing = nil
                browse = refreshed(browse, context)
                nearest = browse
                screen = .browse(browse)
            case .reader(var reader):
                if let index = nearest?.results.firstIndex(where: { $0.id == reader.entry.entry.id }) { reader.index = index }
                screen = .reader(reader)
            case .welcome, .home, .session, .review, .saved, .calendar, .parts, .part, .selfEnergy, .partsMap:
                break // nothing on them comes from the list's results
            }
        }
    }

    /// The browser's messages, which may move between its screens.
    static func receive(_ msg: BrowseMsg, _ navigation: inout Navigation, _ context: AppContext) -> [AppCommand] {
        switch msg {
        case .entryOpened(let entry, let index):
            switch navigation.top {
            case .browse: navigation.push(.reader(ReaderState(entry: entry, index: index)))
            case .reader: navigation.replace(with: .reader(ReaderState(entry: entry, index: index)))
            case .welcome, .home, .session, .review, .saved, .calendar, .parts, .part, .selfEnergy, .partsMap:
                break // left the list meanwhile: the entry is not opened over another screen
            }
            return []
        case .entryOpenFailed(let message):
            return [.notice(message), .run(.loadEntries)]
        case .entryTrashed(let trashed):
            if case .reader = navigation.top { navigation.pop() }
            guard case .browse(var browse) = navigation.top else { return [.run(.loadEntries)] }
            browse.lastTrashed = trashed
            browse.results.removeAll { $0.id == trashed.id }
            navigation.replace(with: .browse(browse))
            return [.notice("Moved to the trash: \(trashed.headline). u puts it back."), .run(.loadEntries)]
        case .entryRestored(let entry):
            if case .browse(var browse) = navigation.top {
                browse.lastTrashed = nil
                navigation.replace(with: .browse(browse))
            }
            return [.notice("Put back: \(entry.entry.headline(context.generatedTitles))."), .run(.loadEntries)]
        }
    }
}
