import JournalCore
import TerminalUI

/// `d` on a part's page: a record made by mistake goes to the trash (asked once), only when no
/// entry or other part names it; `u` in the parts list brings it back.
extension HavenApp {
    func askToDeletePart(list: PartsState, page current: PartPageState) -> [AppEffect] {
        var page = current
        guard let part = state.home.parts.first(where: { $0.id == page.id }) else { return [] }
        // Said before asking, from the entries read; checked again against the files when done.
        if let journal = state.journal,
           let reason = PartDeleting.reasonToKeep(part, parts: state.home.parts, entries: journal.entries) {
            state.notice = reason.prefix(1).uppercased() + reason.dropFirst() + "; a puts it away instead."
            return []
        }
        page.confirmingDelete = true
        state.screen = .part(list, page)
        return []
    }

    func handleDeletePartQuestion(action: AppAction?, list: PartsState, page current: PartPageState) -> [AppEffect] {
        var page = current
        switch action {
        case .confirm:
            page.confirmingDelete = false
            state.screen = .part(list, page)
            return [.deletePart(page.id)]
        case .cancel:
            page.confirmingDelete = false
            state.notice = "The part's record is kept."
        case .ground:
            page.confirmingDelete = false
            state.screen = .part(list, page)
            return groundFromScreen()
        case .quit:
            state.finished = true
        default:
            break
        }
        state.screen = .part(list, page)
        return []
    }

    func undoPartDelete() -> [AppEffect] {
        guard let trashed = state.lastDeletedPart else {
            state.notice = "Nothing to undo."
            return []
        }
        return [.restorePart(trashed)]
    }

    func performPartDelete(_ effect: AppEffect, terminal: Terminal) -> [AppMsg]? {
        switch effect {
        case .deletePart(let id):
            do {
                let entries = try environment.summaries.loadSummaries().entries
                switch try PartDeleting.delete(id, store: environment.store, entries: entries) {
                case .deleted(let trashed): return [.partDeleted(trashed)]
                case .inUse(let reason): return [.storeFailed(reason.prefix(1).uppercased() + reason.dropFirst() + "; a puts it away instead.")]
                }
            } catch {
                return [.storeFailed("Could not delete the part: \(error)")]
            }
        case .restorePart(let trashed):
            do {
                let restored = try PartDeleting.restore(trashed, store: environment.store)
                return [.partRestored(restored.part.name)]
            } catch {
                return [.storeFailed("Could not bring \(trashed.name) back: \(error). Its record is in \(trashed.trashPath).")]
            }
        default:
            return nil
        }
    }

    func updatePartDelete(_ msg: AppMsg) -> [AppEffect]? {
        switch msg {
        case .partDeleted(let trashed):
            state.lastDeletedPart = trashed
            if case .part(let list, _) = state.screen { state.screen = .parts(list) }
            state.notice = "\(trashed.name) moved to the trash. u brings it back."
            return [.loadHome]
        case .partRestored(let name):
            state.lastDeletedPart = nil
            state.notice = "\(name) is back."
            return [.loadHome]
        default:
            return nil
        }
    }
}
