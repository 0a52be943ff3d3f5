import JournalCore
import TerminalUI

/// What the parts list is told.
public enum PartsMsg: Hashable, Sendable {
    case partDeleted(PartDeleting.Trashed)
    /// A deleted part's record is back (its name).
    case partRestored(String)
}

/// The parts list: every part in the registry with its role, stage and how present it is;
/// sorted, filtered by role, with those put away, and undo of a delete.
enum PartsFeature {
    /// The parts shown, in the chosen order, with their activity.
    static func shownParts(_ list: PartsState, _ context: AppContext) -> [(part: Part, activity: PartActivity)] {
        let rows = context.home.parts.filter { (list.role == nil || $0.role == list.role) && (list.showArchived || !$0.archived) }
            .map { ($0, context.partActivity[$0.id] ?? PartActivity()) }
        switch list.order {
        case .name:
            return rows.sorted { TextFolding.fold($0.0.name) < TextFolding.fold($1.0.name) }
        case .recent:
            return rows.sorted { ($0.1.lastSeen?.secondsSinceEpoch ?? Int.min, TextFolding.fold($1.0.name))
                > ($1.1.lastSeen?.secondsSinceEpoch ?? Int.min, TextFolding.fold($0.0.name)) }
        case .entries:
            return rows.sorted { ($0.1.entryCount, TextFolding.fold($1.0.name)) > ($1.1.entryCount, TextFolding.fold($0.0.name)) }
        }
    }

    static func reduce(_ list: inout PartsState, _ key: Key, _ context: AppContext) -> [AppCommand] {
        let count = shownParts(list, context).count
        // A part merged or put away elsewhere leaves fewer rows: keep the pick on one.
        list.selection.clamp(count: count)
        switch PartsKeys.map.action(for: key) {
        case .up?: list.selection.move(by: -1, count: count)
        case .down?: list.selection.move(by: 1, count: count)
        case .pageUp?: list.selection.move(by: -10, count: count)
        case .pageDown?: list.selection.move(by: 10, count: count)
        case .order?:
            let all = PartsState.Order.allCases
            list.order = all[((all.firstIndex(of: list.order) ?? 0) + 1) % all.count]
        case .role?:
            // Step through the roles, then back to all.
            let roles: [PartRole?] = [nil] + PartRole.allCases.map(Optional.some)
            list.role = roles[((roles.firstIndex(of: list.role) ?? 0) + 1) % roles.count]
            list.selection = ListState()
        case .showArchived?:
            list.showArchived.toggle()
            list.selection = ListState()
        case .map?:
            return [.push(.partsMap(PartsMapState()))]
        case .open?:
            let rows = shownParts(list, context)
            guard rows.indices.contains(list.selected) else { return [] }
            return [.push(.part(PartPageState(id: rows[list.selected].part.id)))]
        case .back?:
            return [.pop, .run(.loadHome)]
        case .undo?:
            guard let trashed = list.lastDeleted else { return [.notice("Nothing to undo.")] }
            return [.run(.restorePart(trashed))]
        case .ground?, .help?, .quit?, nil: // grounding and quitting are the app's here: nothing is typed
            break
        }
        return []
    }

    static func receive(_ list: inout PartsState, _ msg: PartsMsg) -> [AppCommand] {
        switch msg {
        case .partDeleted(let trashed):
            list.lastDeleted = trashed
            return [.notice("\(trashed.name) moved to the trash. u brings it back."), .run(.loadHome)]
        case .partRestored(let name):
            list.lastDeleted = nil
            return [.notice("\(name) is back."), .run(.loadHome)]
        }
    }

    /// A message when no parts list is open: what it says is still said (undo is not offered).
    static func receiveAway(_ msg: PartsMsg) -> [AppCommand] {
        var away = PartsState()
        return receive(&away, msg)
    }
}
