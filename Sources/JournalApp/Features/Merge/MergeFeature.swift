import JournalCore
import TerminalUI

/// Merging another part into the one whose page is open: pick it, see what will happen, Enter.
enum MergeFeature {
    /// The parts another part could be merged with: every standing part but this one, by name.
    static func candidates(for id: PartID, _ context: AppContext) -> [Part] {
        context.home.parts.filter { $0.id != id }.sorted { TextFolding.fold($0.name) < TextFolding.fold($1.name) }
    }

    static func reduce(_ open: inout PartMergeState?, _ key: Key, keep: PartID, _ context: AppContext) -> [AppCommand] {
        guard var merge = open else { return [] }
        let candidates = candidates(for: keep, context)
        switch (merge.confirming == nil ? MergeKeys.pick : MergeKeys.confirm).action(for: key) {
        case .pick?:
            if let other = merge.confirming {
                open = nil
                return [.run(.mergeParts(keep: keep, other: other))]
            }
            if candidates.indices.contains(merge.selected) { merge.confirming = candidates[merge.selected].id }
        case .back?:
            // From the question back to the list; from the list back to the page.
            guard merge.confirming != nil else {
                open = nil
                return []
            }
            merge.confirming = nil
        case .up?: merge.selection.move(by: -1, count: candidates.count)
        case .down?: merge.selection.move(by: 1, count: candidates.count)
        case .ground?, .help?, .quit?, nil: // grounding and quitting are the app's here: nothing is typed
            break
        }
        open = merge
        return []
    }
}
