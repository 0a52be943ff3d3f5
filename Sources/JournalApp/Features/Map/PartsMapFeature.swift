import JournalCore
import TerminalUI

/// The map of the system: who protects whom, who pulls against whom; Enter opens a part's page.
enum PartsMapFeature {
    static func reduce(_ map: inout PartsMapState, _ key: Key, _ context: AppContext) -> [AppCommand] {
        let order = PartsMap(parts: context.home.parts.filter { !$0.archived }).order
        map.selection.clamp(count: order.count)
        switch PartsMapKeys.map.action(for: key) {
        case .up?: map.selection.move(by: -1, count: order.count)
        case .down?: map.selection.move(by: 1, count: order.count)
        case .open?:
            guard order.indices.contains(map.selected) else { return [] }
            return [.push(.part(PartPageState(id: order[map.selected])))]
        case .back?:
            return [.pop]
        case .ground?, .help?, .quit?, nil: // grounding and quitting are the app's here: nothing is typed
            break
        }
        return []
    }
}
