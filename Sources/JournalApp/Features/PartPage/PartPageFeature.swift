import JournalCore
import TerminalUI

/// One part's page: its record to read, and the ways to work with it: edit, rename, merge, put
/// away, delete, its entries, and a flow begun about it. The form and the merge are features of
/// their own, open over the page.
enum PartPageFeature {
    static func reduce(_ page: inout PartPageState, _ key: Key, _ context: AppContext) -> [AppCommand] {
        if page.form != nil { return PartFormFeature.reduce(&page.form, key, context) }
        if page.merge != nil { return MergeFeature.reduce(&page.merge, key, keep: page.id, context) }
        if page.flowPicker != nil { return reduceFlowPicker(&page, PartPageKeys.flowPicker.action(for: key), context) }
        if page.confirmingDelete { return answerDeleteQuestion(&page, QuestionKeys.deletePart.action(for: key)) }
        let pageRows = max(1, context.size.height - 4)
        let action = PartPageKeys.map.action(for: key)
        switch action {
        case .up?: page.scroll = max(0, page.scroll - 1)
        case .down?: page.scroll += 1
        case .pageUp?: page.scroll = max(0, page.scroll - pageRows)
        case .pageDown?: page.scroll += pageRows
        case .putAway?:
            guard let part = context.part(page.id) else { return [] }
            return [.run(.setPartArchived(part.id, !part.archived))]
        case .edit?, .rename?:
            guard let part = context.part(page.id) else { return [] }
            page.form = PartFormState(part: part, field: action == .rename ? .name : .role)
            return []
        case .delete?:
            return askToDelete(&page, context)
        case .merge?:
            page.merge = PartMergeState()
            return []
        case .spendTime?:
            guard !context.flowsAboutAPart.isEmpty else { return [.notice("None of your flows begins by asking which part it is about.")] }
            page.flowPicker = ListState()
            return []
        case .entries?:
            // Its entries, in the entries list (Esc there comes back here).
            var browse = BrowseState()
            browse.filter.parts = context.home.aliases.ids(for: page.id)
            return BrowseFeature.open(browse, context)
        case .back?:
            return [.pop]
        case .ground?, .help?, .quit?, nil: // grounding and quitting are the app's here: nothing is typed
            break
        }
        let lines = PartPageLayout.lines(context: context, id: page.id, width: PartPageLayout.width(context.size))
        page.scroll = min(page.scroll, max(0, lines.count - (context.size.height - 3)))
        return []
    }

    private static func reduceFlowPicker(_ page: inout PartPageState, _ action: FlowPickerAction?, _ context: AppContext) -> [AppCommand] {
        let flows = context.flowsAboutAPart
        var picker = page.flowPicker ?? ListState()
        picker.clamp(count: flows.count)
        let selected = picker.selected
        switch action {
        case .up?:
            picker.move(by: -1, count: flows.count)
            page.flowPicker = picker
        case .down?:
            picker.move(by: 1, count: flows.count)
            page.flowPicker = picker
        case .back?: page.flowPicker = nil
        case .begin?:
            guard flows.indices.contains(selected) else { return [] }
            return [.startFlow(flows[selected].id, about: page.id)]
        case .ground?, .help?, .quit?, nil: // grounding and quitting are the app's here: nothing is typed
            break
        }
        return []
    }

    /// `d`: a record made by mistake goes to the trash (asked once), only when no entry or other
    /// part names it; said before asking, from the entries read, and checked again against the files.
    private static func askToDelete(_ page: inout PartPageState, _ context: AppContext) -> [AppCommand] {
        guard let part = context.part(page.id) else { return [] }
        if let journal = context.journal,
           let reason = PartDeleting.reasonToKeep(part, parts: context.home.parts, entries: journal.entries) {
            return [.notice(reason.prefix(1).uppercased() + reason.dropFirst() + "; a puts it away instead.")]
        }
        page.confirmingDelete = true
        return []
    }

    private static func answerDeleteQuestion(_ page: inout PartPageState, _ action: QuestionAction?) -> [AppCommand] {
        switch action {
        case .yes?:
            page.confirmingDelete = false
            return [.run(.deletePart(page.id))]
        case .no?:
            page.confirmingDelete = false
            return [.notice("The part's record is kept.")]
        case .ground?:
            page.confirmingDelete = false
            return [.groundHere]
        case .quit?:
            return [.finish]
        case .help?, nil:
            return []
        }
    }
}
