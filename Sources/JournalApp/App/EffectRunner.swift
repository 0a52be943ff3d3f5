import JournalCore
import TerminalUI

/// Runs the app's effects against the store, the editor and the state folder, and says what came
/// of each as messages. The only place the app touches the disk or hands the terminal over.
struct EffectRunner {
    let environment: AppEnvironment
    let generatedTitles: GeneratedTitles

    private var store: JournalStore { environment.store }

    /// `journal` and `home` are the app's latest readings (an entry's path, the draft's title).
    func perform(_ effect: AppEffect, journal: IndexedEntries?, home: HomeData, terminal: Terminal) -> [AppMsg] {
        switch effect {
        case .loadHome:
            return HomeLoading(environment: environment, generatedTitles: generatedTitles).load()
        case .saveDraft(let draft):
            do {
                try store.saveDraft(draft)
                return [.draftSaved]
            } catch {
                return [.storeFailed("Could not save the draft: \(error)")]
            }
        case .saveSession(let run, let entryID):
            return [saveSession(run, entryID: entryID)]
        case .discardDraft(let id, let quietly):
            do {
                let title = home.draft.map { environment.library.flow($0.run.rootFlowID)?.title ?? $0.run.rootFlowID } ?? "the session"
                let trashPath = try store.discardDraft(id)
                return quietly ? [] : [.home(.draftDiscarded(DiscardedDraft(entryID: id, trashPath: trashPath, title: title)))]
            } catch {
                // Haven's own drafts (a grounding moment's) may never have been written: nothing to say.
                return quietly ? [] : [.storeFailed("Could not move the draft: \(error)")]
            }
        case .discardSession(let draft):
            do {
                // What is on screen now goes to the trash, so undo gives back exactly this.
                try store.saveDraft(draft)
                let trashPath = try store.discardDraft(draft.entryID)
                return [.home(.draftDiscarded(DiscardedDraft(entryID: draft.entryID, trashPath: trashPath, title: flowTitle(draft.run))))]
            } catch {
                return [.storeFailed("Could not discard the session (\(error)); it is kept as a draft.")]
                    + HomeLoading(environment: environment, generatedTitles: generatedTitles).load()
            }
        case .restoreDraft(let discarded):
            do {
                return [.home(.draftRestored(try store.restoreDraft(fromTrash: discarded.trashPath)))]
            } catch {
                return [.storeFailed("Could not bring the session back: \(error). It is in \(discarded.trashPath).")]
            }
        case .openEditor(let text):
            terminal.suspend()
            let result = environment.editText(text)
            terminal.resume()
            switch result {
            case .success(let edited): return [.session(.editorReturned(edited))]
            case .failure(let failure): return [.editorFailed(failure.message + "; your answer is unchanged.")]
            }
        case .markWelcomeSeen:
            environment.markWelcomeSeen()
            return []
        case .loadEntries:
            do {
                return [.entriesLoaded(try environment.summaries.loadSummaries())]
            } catch {
                return [.storeFailed("Could not read the journal: \(error)")]
            }
        case .openEntry(let id, let index):
            do {
                return [.browse(.entryOpened(try loadEntry(id, journal: journal), index: index))]
            } catch {
                return [.browse(.entryOpenFailed("Could not open the entry: \(error)"))]
            }
        case .setStarred(let id, let starred):
            do {
                let stored = try loadEntry(id, journal: journal)
                var entry = stored.entry
                entry.starred = starred
                return [.reader(.entryChanged(try store.updateEntry(entry, replacing: stored)))]
            } catch {
                return [.storeFailed("Could not change the entry: \(error)")]
            }
        case .addNote(let id, let text):
            do {
                return [.reader(.entryChanged(try laterNotes.append(text, to: id, at: path(of: id, journal))))]
            } catch {
                return [.reader(.noteFailed(id, text: text, reason: "\(error)"))]
            }
        case .editEntry(let shown, let retry):
            return editEntry(shown, retry: retry, terminal: terminal)
        case .trashEntry(let stored):
            do {
                let trashPath = try store.trashEntry(stored.entry.id, expecting: stored.version)
                return [.browse(.entryTrashed(TrashedEntry(id: stored.entry.id, headline: stored.entry.headline(generatedTitles),
                                                           originalPath: stored.path, trashPath: trashPath)))]
            } catch {
                return [.storeFailed("Could not move the entry to the trash: \(error)")]
            }
        case .restoreEntry(let trashed):
            do {
                return [.browse(.entryRestored(try store.restoreEntry(fromTrash: trashed.trashPath, to: trashed.originalPath)))]
            } catch {
                return [.storeFailed("Could not put the entry back: \(error)")]
            }
        case .setPartArchived(let id, let archived):
            return setPartArchived(id, archived)
        case .savePart(let changes, let keepingReplaced):
            switch PartFormSaving(store: store, clock: environment.clock).save(changes, keepingReplaced: keepingReplaced) {
            case .rejected(let reason, let fresh, let conflicts):
                return [.partForm(.partFormRejected(reason, fresh: fresh, conflicts: conflicts))]
            case .saved(let before, let after, let copy):
                return homeLoaded() + [.partForm(.partSaved(after.id, PartFormSaving.message((before, after, copy))))]
            }
        case .keepReaderText(let reader):
            keepReaderText(reader, journal: journal)
            return []
        case .rescuePartForm(let changes):
            return PartFormSaving(store: store, clock: environment.clock).rescue(changes).map { [.storeFailed($0)] }
                ?? [.done("Your changes to \(changes.base.name) were saved.")]
        case .mergeParts(let keep, let other):
            return mergeParts(keep: keep, other: other)
        case .deletePart(let id):
            do {
                let entries = try environment.summaries.loadSummaries().entries
                switch try PartDeleting.delete(id, store: store, entries: entries) {
                case .deleted(let trashed): return [.parts(.partDeleted(trashed))]
                case .inUse(let reason): return [.storeFailed(reason.prefix(1).uppercased() + reason.dropFirst() + "; a puts it away instead.")]
                }
            } catch {
                return [.storeFailed("Could not delete the part: \(error)")]
            }
        case .restorePart(let trashed):
            do {
                return [.parts(.partRestored(try PartDeleting.restore(trashed, store: store).part.name))]
            } catch {
                return [.storeFailed("Could not bring \(trashed.name) back: \(error). Its record is in \(trashed.trashPath).")]
            }
        }
    }

    /// Leaving on a signal: everything typed and not yet saved is kept, synchronously.
    func keepOnSignal(draft: Draft?, readers: [ReaderState], partForms: [PartFormChanges], journal: IndexedEntries?) -> Bool {
        let keptDraft = draft.map { (try? store.saveDraft($0)) != nil } ?? false
        for reader in readers { keepReaderText(reader, journal: journal) }
        for changes in partForms { _ = PartFormSaving(store: store, clock: environment.clock).rescue(changes) }
        return keptDraft
    }

    // MARK: The pieces

    private var laterNotes: LaterNotes { LaterNotes(store: store, clock: environment.clock, ids: environment.ids) }

    private func flowTitle(_ run: FlowRun) -> String { environment.library.flow(run.rootFlowID)?.title ?? run.rootFlowID }

    private func homeLoaded() -> [AppMsg] { HomeLoading(environment: environment, generatedTitles: generatedTitles).load() }

    private func saveSession(_ run: FlowRun, entryID: EntryID) -> AppMsg {
        let saver = SessionSaver(store: store, library: environment.library)
        do {
            let saved = try saver.save(run, entryID: entryID)
            guard let entry = saved.entry else { return .nothingToSave }
            return .sessionSaved(SavedState(path: environment.journalPath + "/" + entry.path,
                                            parts: saved.changes.map(\.line), warnings: saved.partFailures))
        } catch {
            return .storeFailed("Could not save: \(error). Your answers are kept as a draft.")
        }
    }

    /// The entry's file in $VISUAL/$EDITOR, the terminal handed over meanwhile; what comes back
    /// is saved, or kept to try again (EntryEditing decides which).
    private func editEntry(_ shown: StoredEntry, retry: RejectedEdit?, terminal: Terminal) -> [AppMsg] {
        let editing = EntryEditing(store: store)
        let opened: EntryEditing.Opened
        switch editing.open(shown, retry: retry) {
        case .failed(let reason, let kept):
            return (kept.map { [AppMsg.reader(.entryEditRejected($0))] } ?? []) + [.storeFailed(reason)]
        case .opened(let what):
            opened = what
        }
        terminal.suspend()
        let result = environment.editText(opened.text)
        terminal.resume()
        switch result {
        case .failure(let failure):
            let message = failure.message + "; your entry is unchanged."
            return (retry.map { [AppMsg.reader(.entryEditRejected($0))] } ?? []) + [.editorFailed(message)]
        case .success(let edited):
            switch editing.save(edited, opened) {
            case .unchanged: return []
            case .saved(let entry, let note): return [.reader(.entryChanged(entry))] + (note.map { [AppMsg.done($0)] } ?? [])
            case .rejected(let rejected): return [.reader(.entryEditRejected(rejected))]
            }
        }
    }

    private func setPartArchived(_ id: PartID, _ archived: Bool) -> [AppMsg] {
        do {
            guard let stored = try store.loadParts().parts.first(where: { $0.part.id == id }) else {
                return [.storeFailed("That part is no longer in the registry.")]
            }
            var part = stored.part
            part.archived = archived
            _ = try store.savePart(part, expecting: stored.version)
            return homeLoaded() + [.done(archived ? "\(part.name) is put away; a in the parts list shows it again."
                                                  : "\(part.name) is back in the list.")]
        } catch {
            return [.storeFailed("Could not change the part: \(error)")]
        }
    }

    private func mergeParts(keep: PartID, other: PartID) -> [AppMsg] {
        do {
            let listing = try store.loadParts()
            guard let kept = listing.parts.first(where: { $0.part.id == keep }),
                  let merged = listing.parts.first(where: { $0.part.id == other }) else {
                return [.storeFailed("One of the two parts is no longer in the registry; nothing was merged.")]
            }
            let result = try PartMerging.merge(merged, into: kept, store: store, on: environment.clock.now())
            let leftover = result.leftover.map { " " + PartMerging.leftoverNote($0, name: merged.part.name) } ?? ""
            return homeLoaded() + [.done("Merged: \(merged.part.name) is part of \(kept.part.name) now, with its entries and history.\(leftover)")]
        } catch {
            return [.storeFailed("Could not merge the parts: \(error)")]
        }
    }

    /// Keeps a reader's unsaved text in its entry as later notes (or as an entry of its own when
    /// the entry cannot take them).
    private func keepReaderText(_ reader: ReaderState, journal: IndexedEntries?) {
        let id = reader.entry.entry.id
        let at = path(of: id, journal)
        let headline = reader.entry.entry.headline(generatedTitles)
        if let note = reader.note?.text.trimmingWhitespace(), !note.isEmpty {
            laterNotes.keep(note, to: id, at: at, headline: headline)
        } else if let note = reader.savingNote, !laterNotes.holds(note, entry: id, at: at) {
            laterNotes.keep(note, to: id, at: at, headline: headline)
        }
        if let rejected = reader.rejectedEdit {
            let now = environment.clock.now()
            laterNotes.keep(rejected.text, to: id, at: at,
                            heading: "An edit that was not saved (kept when Haven was stopped), \(now.dateString) \(now.timeString)",
                            headline: headline)
        }
    }

    private func path(of id: EntryID, _ journal: IndexedEntries?) -> String? {
        journal?.entries.first { $0.id == id }?.path
    }

    /// An entry by id, through the path the index knows (one file read), else by id.
    private func loadEntry(_ id: EntryID, journal: IndexedEntries?) throws(StoreError) -> StoredEntry {
        if let path = path(of: id, journal), let found = try? store.loadEntry(id, at: path) { return found }
        return try store.loadEntry(id)
    }
}
