import JournalCore
import TerminalUI

/// The entries browser's part of `update` and `perform`: the list with search and filters, the
/// reader, the calendar. Everything here changes state and returns effects; the store is only
/// touched in `performBrowse`.
extension HavenApp {
    // MARK: Opening

    /// Opens the list with this browser state (results recomputed from the loaded journal).
    func openBrowser(_ browse: BrowseState) -> [AppEffect] {
        state.screen = .browse(refreshed(browse))
        return state.journal == nil ? [.loadEntries] : []
    }

    /// The results for the browser's query and filter, keeping the selection on the same entry
    /// when it is still there.
    func refreshed(_ browse: BrowseState) -> BrowseState {
        var browse = browse
        let previous = browse.selectedEntry?.id
        if let journal = state.journal {
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
                                            height: BrowseLayout.listHeight(size: state.size, browse: browse, app: self))
        return browse
    }

    /// Part names by id, for showing filters and entries.
    var partNames: [PartID: String] {
        var names = Dictionary(state.home.parts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for (merged, target) in state.home.aliases.target { names[merged] = names[target] }
        return names
    }

    func handleHomeBrowse(_ action: AppAction?) -> [AppEffect] {
        var browse = BrowseState()
        switch action {
        case .browse: break
        case .search: browse.typingQuery = true
        case .onThisDay: browse.filter.onThisDay = CalendarDay(environment.clock.now())
        case .calendar:
            let effects = openBrowser(browse)
            state.screen = .calendar(refreshed(browse), CalendarState(day: CalendarDay(environment.clock.now())))
            return effects
        default: return []
        }
        return openBrowser(browse)
    }

    // MARK: The list

    func handleBrowse(key: Key, action: AppAction?, browse current: BrowseState) -> [AppEffect] {
        var browse = current
        if browse.filterPanel != nil { return handleFilterPanel(key: key, action: action, browse: browse) }
        let page = max(1, BrowseLayout.listHeight(size: state.size, browse: browse, app: self) - 2)
        if browse.typingQuery {
            switch action {
            case .select:
                browse.typingQuery = false
            case .clearFilters:
                browse.query = ""
                browse.typingQuery = false
            case .up, .down:
                break // handled below with the list keys
            case .ground, .help, .quit:
                break
            default:
                switch key {
                case .character(let character): browse.query.append(character)
                case .backspace: if !browse.query.isEmpty { browse.query.removeLast() }
                case .control("u"), .control("w"): browse.query = ""
                default: return []
                }
                state.screen = .browse(refreshed(browse))
                return []
            }
        }
        switch action {
        case .up: browse.selected = max(0, browse.selected - 1)
        case .down: browse.selected = min(max(0, browse.results.count - 1), browse.selected + 1)
        case .pageUp: browse.selected = max(0, browse.selected - page)
        case .pageDown: browse.selected = min(max(0, browse.results.count - 1), browse.selected + page)
        case .select:
            if !current.typingQuery, let entry = browse.selectedEntry {
                state.screen = .browse(browse)
                return [.openEntry(entry.id, index: browse.selected)]
            }
        case .search: browse.typingQuery = true
        case .filters: browse.filterPanel = FilterPanel(filter: browse.filter)
        case .clearFilters:
            browse.query = ""
            browse.typingQuery = false
            browse.filter = EntryFilter()
        case .star:
            if let entry = browse.selectedEntry { return [.setStarred(entry.id, !entry.starred)] }
        case .calendar:
            let start = browse.selectedEntry.map(\.day) ?? CalendarDay(environment.clock.now())
            state.screen = .calendar(browse, CalendarState(day: start))
            return []
        case .undo:
            if let trashed = browse.lastTrashed { return [.restoreEntry(trashed)] }
            state.notice = "Nothing to undo."
        case .back:
            state.screen = browse.returnTo ?? .home(selected: 0)
            return [.loadHome]
        case .ground: return groundFromScreen()
        case .quit: state.finished = true
        default: break
        }
        if !state.finished { state.screen = .browse(refreshed(browse)) }
        return []
    }


    /// The filter form: ←/→ step through the values the journal has; dates take typing.
    private func handleFilterPanel(key: Key, action: AppAction?, browse current: BrowseState) -> [AppEffect] {
        var browse = current
        guard var panel = browse.filterPanel else { return [] }
        panel.problem = nil
        let today = CalendarDay(environment.clock.now())
        let rows = FilterPanel.Row.allCases
        switch action {
        case .up: panel.row = rows[max(0, panel.row.rawValue - 1)]
        case .down: panel.row = rows[min(rows.count - 1, panel.row.rawValue + 1)]
        case .left, .right:
            let step = action == .left ? -1 : 1
            switch panel.row {
            case .part:
                let aliases = state.home.aliases
                let parts = BrowseLayout.partChoices(journal: state.journal, names: partNames, aliases: aliases)
                let current = browse.filter.parts.flatMap { ids in parts.first { ids.contains($0.id) }?.id }
                browse.filter.parts = cycle(parts.map(\.id), current: current, step: step).map { aliases.ids(for: $0) }
            case .tag:
                browse.filter.tag = cycle(BrowseLayout.tagChoices(state.journal), current: browse.filter.tag, step: step)
            case .flow:
                browse.filter.flow = cycle(BrowseLayout.flowChoices(state.journal), current: browse.filter.flow, step: step)
            case .starred:
                browse.filter.starredOnly.toggle()
            case .from, .to:
                break
            }
        case .clearFilters:
            browse.filter = EntryFilter()
            panel = FilterPanel(filter: browse.filter)
        case .back:
            state.screen = .browse(refreshed(BrowseState.keepingResultsOf(current, filter: panel.original)))
            return []
        case .select:
            // The typed dates are read now; a wrong one keeps the panel open and says why.
            for (row, text) in [(FilterPanel.Row.from, panel.fromText), (.to, panel.toText)] {
                let trimmed = text.trimmingWhitespace()
                if trimmed.isEmpty {
                    if row == .from { browse.filter.from = nil } else { browse.filter.to = nil }
                    continue
                }
                guard let range = CalendarDay.range(trimmed, today: today) else {
                    panel.row = row
                    panel.problem = "'\(trimmed)' is not a date: try 2026-11-29, 2026-11 or 2026."
                    browse.filterPanel = panel
                    state.screen = .browse(browse)
                    return []
                }
                if row == .from { browse.filter.from = range.lowerBound } else { browse.filter.to = range.upperBound }
            }
            if let from = browse.filter.from, let to = browse.filter.to, from > to {
                panel.problem = "The start comes after the end."
                browse.filterPanel = panel
                state.screen = .browse(browse)
                return []
            }
            browse.filterPanel = nil
            browse.selected = 0
            state.screen = .browse(refreshed(browse))
            return []
        case .ground: return groundFromScreen()
        case .quit:
            state.finished = true
            return []
        default:
            // Typing into a date row.
            guard panel.row == .from || panel.row == .to else { return [] }
            var text = panel.row == .from ? panel.fromText : panel.toText
            switch key {
            case .character(let character) where character.isNumber || character == "-" || character.isLetter:
                if text.count < 10 { text.append(character) }
            case .backspace: if !text.isEmpty { text.removeLast() }
            default: return []
            }
            if panel.row == .from { panel.fromText = text } else { panel.toText = text }
        }
        browse.filterPanel = panel
        state.screen = .browse(refreshed(browse))
        return []
    }

    /// The next value in a list, with nil ("any") before the first and after the last.
    private func cycle<T: Equatable>(_ values: [T], current: T?, step: Int) -> T? {
        guard !values.isEmpty else { return nil }
        let all: [T?] = [nil] + values.map(Optional.some)
        let index = all.firstIndex { $0 == current } ?? 0
        return all[(index + step + all.count) % all.count]
    }

    // MARK: The reader

    func handleReader(key: Key, action: AppAction?, browse: BrowseState, reader current: ReaderState) -> [AppEffect] {
        var reader = current
        if let rejected = reader.rejectedEdit {
            switch action {
            case .editEntry:
                reader.rejectedEdit = nil
                reader.quitAsked = false
                state.screen = .reader(browse, reader)
                return [.editEntry(reader.entry, retry: rejected)]
            case .back:
                reader.rejectedEdit = nil
                reader.quitAsked = false
                state.notice = "The edit was dropped; the entry is as it was."
            case .ground:
                state.screen = .reader(browse, reader)
                return groundFromScreen()
            case .quit:
                if quitUnlessAsked(&reader, unsaved: true,
                                   "Your edit is not saved. e edits it again, Esc drops it; Ctrl-Q again quits without it.") { return [] }
            default: break
            }
            state.screen = .reader(browse, reader)
            return []
        }
        if var note = reader.note {
            switch action {
            case .save:
                let text = note.text.trimmingWhitespace()
                reader.note = nil
                reader.quitAsked = false
                reader.savingNote = text.isEmpty ? nil : text
                state.screen = .reader(browse, reader)
                return text.isEmpty ? [] : [.addNote(reader.entry.entry.id, text)]
            case .back:
                reader.note = nil
                reader.quitAsked = false
                state.notice = "No note was added."
            case .ground:
                state.screen = .reader(browse, reader)
                return groundFromScreen()
            case .quit:
                if quitUnlessAsked(&reader, unsaved: !note.text.trimmingWhitespace().isEmpty,
                                   "Your note is not added yet. Ctrl-D adds it, Esc drops it; Ctrl-Q again quits without it.") { return [] }
            default:
                let area = ReaderView.noteArea(size: state.size)
                EditorBridge.handle(key: key, state: &note, width: area.width, height: area.height)
                reader.note = note
                reader.quitAsked = false
            }
            state.screen = .reader(browse, reader)
            return []
        }
        let page = max(1, state.size.height - 6)
        switch action {
        case .up: reader.scroll = max(0, reader.scroll - 1)
        case .down: reader.scroll += 1
        case .pageUp: reader.scroll = max(0, reader.scroll - page)
        case .pageDown: reader.scroll += page
        case .nextEntry, .previousEntry:
            let index = reader.index + (action == .nextEntry ? 1 : -1)
            guard browse.results.indices.contains(index) else {
                state.notice = action == .nextEntry ? "This is the oldest entry here." : "This is the newest entry here."
                return []
            }
            return [.openEntry(browse.results[index].id, index: index)]
        case .star:
            return [.setStarred(reader.entry.entry.id, !reader.entry.entry.starred)]
        case .addNote:
            reader.note = TextEditorState()
        case .editEntry:
            return [.editEntry(reader.entry, retry: nil)]
        case .deleteEntry:
            return [.trashEntry(reader.entry)]
        case .back:
            var list = browse
            list.selected = min(reader.index, max(0, list.results.count - 1))
            state.screen = .browse(refreshed(list))
            return []
        case .ground: return groundFromScreen()
        case .quit:
            state.finished = true
            return []
        default: break
        }
        reader.scroll = min(reader.scroll, ReaderView.maxScroll(entry: reader.entry.entry, query: browse.query, app: self))
        state.screen = .reader(browse, reader)
        return []
    }

    /// Ctrl-Q over text not yet saved asks first (a second Ctrl-Q quits without it); true when
    /// the app is to finish now.
    private func quitUnlessAsked(_ reader: inout ReaderState, unsaved: Bool, _ question: String) -> Bool {
        if reader.quitAsked || !unsaved {
            state.finished = true
            return true
        }
        reader.quitAsked = true
        state.notice = question
        return false
    }

    // MARK: The calendar

    func handleCalendar(action: AppAction?, browse: BrowseState, calendar current: CalendarState) -> [AppEffect] {
        var calendar = current
        switch action {
        case .left: calendar.move(days: -1)
        case .right: calendar.move(days: 1)
        case .up: calendar.showsYear ? calendar.move(months: -1) : calendar.move(days: -7)
        case .down: calendar.showsYear ? calendar.move(months: 1) : calendar.move(days: 7)
        case .pageUp: calendar.move(months: calendar.showsYear ? -12 : -1)
        case .pageDown: calendar.move(months: calendar.showsYear ? 12 : 1)
        case .switchView: calendar.showsYear.toggle()
        case .select:
            var list = browse
            let day = calendar.selectedDay
            list.filter = EntryFilter(from: day, to: day)
            list.query = ""
            list.selected = 0
            state.screen = .browse(refreshed(list))
            return []
        case .back:
            state.screen = .browse(refreshed(browse))
            return []
        default: break
        }
        state.screen = .calendar(browse, calendar)
        return []
    }

    // MARK: Messages

    /// The browser's messages; nil for any other message.
    func updateBrowse(_ msg: AppMsg) -> [AppEffect]? {
        switch msg {
        case .entriesLoaded(let journal):
            guard state.journal != journal else { return [] } // read again, unchanged: nothing moves
            state.journal = journal
            // Positions from before the reload mean nothing now: search afresh.
            func fresh(_ browse: BrowseState) -> BrowseState {
                var copy = browse
                copy.narrowing = nil
                return refreshed(copy)
            }
            switch state.screen {
            case .browse(let browse): state.screen = .browse(fresh(browse))
            case .reader(let browse, var reader):
                let list = fresh(browse)
                if let index = list.results.firstIndex(where: { $0.id == reader.entry.entry.id }) { reader.index = index }
                state.screen = .reader(list, reader)
            case .calendar(let browse, let calendar): state.screen = .calendar(fresh(browse), calendar)
            default: break
            }
            return []
        case .entryOpened(let entry, let index):
            guard let browse = currentBrowse else { return [] }
            state.screen = .reader(browse, ReaderState(entry: entry, index: index))
            return []
        case .entryOpenFailed(let message):
            state.notice = message
            return [.loadEntries]
        case .done(let message):
            state.notice = message
            return []
        case .entryChanged(let entry):
            switch state.screen {
            case .reader(let browse, var reader) where reader.entry.entry.id == entry.entry.id:
                reader.entry = entry
                reader.savingNote = nil
                state.screen = .reader(browse, reader)
            default: break
            }
            return [.loadEntries]
        case .noteFailed(let id, let text, let reason):
            // The note goes back into its editor, so nothing typed is lost.
            if case .reader(let browse, var reader) = state.screen, reader.entry.entry.id == id {
                reader.note = TextEditorState(text: text)
                reader.savingNote = nil
                state.screen = .reader(browse, reader)
            }
            state.notice = "The note was not added (\(reason)); it is still here to try again or copy."
            return []
        case .entryEditRejected(let rejected):
            if case .reader(let browse, var reader) = state.screen, reader.entry.entry.id == rejected.base.entry.id {
                reader.rejectedEdit = rejected
                state.screen = .reader(browse, reader)
            }
            state.notice = "The edit was not saved (\(rejected.reason)); your text is kept."
            return []
        case .entryTrashed(let trashed):
            guard var browse = currentBrowse else { return [.loadEntries] }
            browse.lastTrashed = trashed
            browse.results.removeAll { $0.id == trashed.id }
            state.screen = .browse(browse)
            state.notice = "Moved to the trash: \(trashed.headline). u puts it back."
            return [.loadEntries]
        case .entryRestored(let entry):
            if var browse = currentBrowse {
                browse.lastTrashed = nil
                state.screen = .browse(browse)
            }
            state.notice = "Put back: \(entry.entry.headline(generatedTitles))."
            return [.loadEntries]
        default:
            return nil
        }
    }

    /// The browser state behind the screen, whichever of its screens is showing.
    var currentBrowse: BrowseState? {
        switch state.screen {
        case .browse(let browse), .reader(let browse, _), .calendar(let browse, _): return browse
        default: return nil
        }
    }

    // MARK: Effects

    /// Runs the browser's effects; nil for any other effect.
    func performBrowse(_ effect: AppEffect, terminal: Terminal) -> [AppMsg]? {
        let store = environment.store
        switch effect {
        case .loadEntries:
            do {
                return [.entriesLoaded(try environment.summaries.loadSummaries())]
            } catch {
                return [.storeFailed("Could not read the journal: \(error)")]
            }
        case .openEntry(let id, let index):
            do {
                return [.entryOpened(try loadEntry(id), index: index)]
            } catch {
                return [.entryOpenFailed("Could not open the entry: \(error)")]
            }
        case .setStarred(let id, let starred):
            do {
                let stored = try loadEntry(id)
                var entry = stored.entry
                entry.starred = starred
                return [.entryChanged(try store.updateEntry(entry, replacing: stored))]
            } catch {
                return [.storeFailed("Could not change the entry: \(error)")]
            }
        case .addNote(let id, let text):
            do {
                return [.entryChanged(try appendNote(text, to: id, heading: nil))]
            } catch {
                return [.noteFailed(id, text: text, reason: "\(error)")]
            }
        case .editEntry(let shown, let retry):
            // What the editor opens and what a save is checked against are read together, now:
            // an edit is never checked against an older version than the one edited.
            var base: StoredEntry
            let original: String
            // A kept edit whose entry's file was deleted elsewhere meanwhile: saving writes it back.
            var gone = false
            // Saving writes over a version changed outside Haven: that version goes to the trash first.
            var overwriting = retry?.fileChanged == true
            do {
                let text = try store.fileText(of: shown)
                base = retry?.base ?? StoredEntry(entry: shown.entry, path: shown.path, version: ContentHash(of: text))
                original = retry?.text ?? text
            } catch {
                guard let retry else { return [.storeFailed("Could not open the entry: \(error)")] }
                guard case .entryNotFound = error else {
                    // There, but not readable now: nothing is written, and the edit is kept.
                    return [.entryEditRejected(retry), .storeFailed("Could not open the entry: \(error)")]
                }
                if let moved = try? store.loadEntry(shown.entry.id) {
                    // Moved elsewhere: saved where it is now, and if it also changed, over a copy in the trash.
                    base = moved
                    if moved.version != retry.base.version { overwriting = true }
                } else {
                    base = retry.base
                    gone = true
                }
                original = retry.text
            }
            terminal.suspend()
            let result = environment.editText(original)
            terminal.resume()
            switch result {
            case .failure(let failure):
                let message = failure.message + "; your entry is unchanged."
                if let retry { return [.entryEditRejected(retry), .editorFailed(message)] }
                return [.editorFailed(message)]
            case .success(var edited):
                // Editors end the file with a newline, which the editor bridge takes off (it is
                // made for single answers); an entry file keeps its own.
                if original.hasSuffix("\n"), !edited.hasSuffix("\n") { edited += "\n" }
                if retry == nil, edited == original { return [] } // nothing changed: nothing written
                do throws(StoreError) {
                    if gone {
                        return [.entryChanged(try store.rewriteGoneEntry(base, with: edited)),
                                .done("The entry's file had gone (deleted meanwhile); your edit is saved as the entry again.")]
                    }
                    // Written over a change made outside Haven, knowingly: that version goes to the
                    // trash first (only once the edit reads as an entry).
                    var copy: String?
                    if overwriting {
                        _ = try EntryEdit.checked(edited, of: base)
                        copy = try store.copyToTrash(base.path, expecting: base.version)
                    }
                    let saved = try store.replaceEntryText(base, with: edited)
                    return [.entryChanged(saved)] + (copy.map { [.done("Saved over the outside change; the file as it was is kept in \($0).")] } ?? [])
                } catch {
                    let reason: String
                    switch error {
                    case .notAnEntry(let line, let why): reason = (line.map { "line \($0): " } ?? "") + why
                    case .changedOnDisk: reason = "the file changed outside Haven while you were editing; e opens your text again, to save over it or copy from it"
                    default: reason = "\(error)"
                    }
                    // After a change outside, a second try is checked against the file as it is now.
                    var nextBase = base
                    var changed = false
                    if case .changedOnDisk = error {
                        changed = true
                        if let current = try? store.loadEntry(shown.entry.id, at: base.path) {
                            nextBase = current
                        } else if let text = try? store.fileText(of: base) {
                            // Changed outside into something that does not read as this entry: the
                            // next try is checked against those bytes (and copies them to the trash).
                            nextBase = StoredEntry(entry: base.entry, path: base.path, version: ContentHash(of: text))
                        }
                    }
                    return [.entryEditRejected(RejectedEdit(text: edited, base: nextBase, reason: reason, fileChanged: changed))]
                }
            }
        case .trashEntry(let stored):
            do {
                let trashPath = try store.trashEntry(stored.entry.id, expecting: stored.version)
                return [.entryTrashed(TrashedEntry(id: stored.entry.id, headline: stored.entry.headline(generatedTitles),
                                                   originalPath: stored.path, trashPath: trashPath))]
            } catch {
                return [.storeFailed("Could not move the entry to the trash: \(error)")]
            }
        case .setPartArchived(let id, let archived):
            do {
                guard let stored = try store.loadParts().parts.first(where: { $0.part.id == id }) else {
                    return [.storeFailed("That part is no longer in the registry.")]
                }
                var part = stored.part
                part.archived = archived
                _ = try store.savePart(part, expecting: stored.version)
                var messages = perform(.loadHome, terminal: terminal)
                messages.append(.done(archived ? "\(part.name) is put away; a in the parts list shows it again."
                                               : "\(part.name) is back in the list."))
                return messages
            } catch {
                return [.storeFailed("Could not change the part: \(error)")]
            }
        case .keepReaderText(let reader):
            keepReaderText(reader)
            return []
        case .restoreEntry(let trashed):
            do {
                return [.entryRestored(try store.restoreEntry(fromTrash: trashed.trashPath, to: trashed.originalPath))]
            } catch {
                return [.storeFailed("Could not put the entry back: \(error)")]
            }
        default:
            return nil
        }
    }

    /// Appends a dated later note (or, with `heading`, any text kept aside) to the entry, read
    /// fresh so nothing written meanwhile is overwritten.
    func appendNote(_ text: String, to id: EntryID, heading: String?) throws(StoreError) -> StoredEntry {
        let stored = try loadEntry(id)
        var entry = stored.entry
        let now = environment.clock.now()
        entry.sections.append(EntrySection(stepID: "later-note",
                                           heading: heading ?? "A later note, \(now.dateString) \(now.timeString)", text: text))
        return try environment.store.updateEntry(entry, replacing: stored)
    }

    /// Leaving on a signal: a note being written is added as it stands, and an edit that could
    /// not be saved is kept in the entry as a later note, so neither is lost.
    func keepBrowserTextOnSignal() {
        if let reader = pendingReader(includingScreen: true) { keepReaderText(reader) }
    }

    /// A reader holding text not yet saved (a note, a note being saved, an edit not saved):
    /// behind a grounding break, or also on screen.
    func pendingReader(includingScreen: Bool) -> ReaderState? {
        let screens = includingScreen ? [state.groundingOrigin, state.screen] : [state.groundingOrigin]
        for case .reader(_, let reader)? in screens {
            let note = reader.note.map { !$0.text.trimmingWhitespace().isEmpty } ?? false
            if note || reader.savingNote != nil || reader.rejectedEdit != nil { return reader }
        }
        return nil
    }

    /// Keeps a reader's unsaved text in its entry as later notes, read fresh so nothing written
    /// meanwhile is overwritten.
    func keepReaderText(_ reader: ReaderState) {
        let id = reader.entry.entry.id
        let headline = reader.entry.entry.headline(generatedTitles)
        if let note = reader.note?.text.trimmingWhitespace(), !note.isEmpty {
            keepNote(note, to: id, heading: nil, headline: headline)
        } else if let note = reader.savingNote {
            if (try? loadEntry(id))?.entry.sections.contains(where: { $0.text == note }) != true {
                keepNote(note, to: id, heading: nil, headline: headline)
            }
        }
        if let rejected = reader.rejectedEdit {
            let now = environment.clock.now()
            keepNote(rejected.text, to: id, heading: "An edit that was not saved (kept when Haven was stopped), \(now.dateString) \(now.timeString)",
                     headline: headline)
        }
    }

    /// Adds text to an entry as a later note; if the entry cannot take it (deleted or changed
    /// elsewhere meanwhile), the text becomes an entry of its own, so it is never lost.
    private func keepNote(_ text: String, to id: EntryID, heading: String?, headline: String) {
        if (try? appendNote(text, to: id, heading: heading)) != nil { return }
        let now = environment.clock.now()
        let kept = Entry(id: environment.ids.make(at: now), created: now, title: "Kept from “\(headline)”",
                         sections: [EntrySection(stepID: "later-note", heading: heading ?? "A later note, \(now.dateString) \(now.timeString)",
                                                 text: text)])
        _ = try? environment.store.createEntry(kept)
    }

    /// An entry by id, through the path the index knows (one file read), else by id.
    private func loadEntry(_ id: EntryID) throws(StoreError) -> StoredEntry {
        if let path = state.journal?.entries.first(where: { $0.id == id })?.path,
           let found = try? environment.store.loadEntry(id, at: path) {
            return found
        }
        return try environment.store.loadEntry(id)
    }
}

extension BrowseState {
    /// The browser as it was, with this filter (used when the filter form is cancelled).
    static func keepingResultsOf(_ browse: BrowseState, filter: EntryFilter) -> BrowseState {
        var copy = browse
        copy.filter = filter
        copy.filterPanel = nil
        return copy
    }
}
