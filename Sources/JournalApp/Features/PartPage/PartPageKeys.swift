import TerminalUI

enum PartPageAction: ScreenAction {
    case up, down, pageUp, pageDown, entries, edit, rename, merge, putAway, spendTime, delete, back
    case ground, help, quit
}

/// Choosing a flow to begin about the part whose page is open.
enum FlowPickerAction: ScreenAction {
    case up, down, begin, back, ground, help, quit
}

enum PartPageKeys {
    static let map = KeyMap<PartPageAction>(title: "A part", [
        KeyBinding(.up, keys: [.up, .character("k")], help: "scroll up", showInHelpLine: false),
        KeyBinding(.down, keys: [.down, .character("j")], help: "scroll down", showInHelpLine: false),
        KeyBinding(.pageUp, keys: [.pageUp], help: "page up", showInHelpLine: false),
        KeyBinding(.pageDown, keys: [.pageDown, .character(" ")], help: "page down", showInHelpLine: false),
        KeyBinding(.entries, keys: [.character("l")], help: "the entries that involve this part", line: "entries"),
        KeyBinding(.edit, keys: [.character("e")], help: "edit its record (a form; saved at once with Ctrl-S)", line: "edit"),
        KeyBinding(.rename, keys: [.character("r")], help: "rename it (the old name is kept as a former name)", showInHelpLine: false),
        KeyBinding(.merge, keys: [.character("M")], help: "merge another part into this one (asks first)", showInHelpLine: false),
        KeyBinding(.putAway, keys: [.character("a")], help: "put this part away (archive), or bring it back", showInHelpLine: false),
        KeyBinding(.spendTime, keys: [.character("w")], help: "spend time with it: a flow about this part", line: "time with it"),
        KeyBinding(.delete, keys: [.character("d")],
                   help: "delete it, when no entry or other part names it (asks first; u in the parts list undoes)",
                   showInHelpLine: false),
        CommonKeys.ground(),
        KeyBinding(.back, keys: [.escape, .character("h")], help: "back to the parts", line: "parts"),
        CommonKeys.help(),
        CommonKeys.quit(),
    ])

    static let flowPicker = KeyMap<FlowPickerAction>(title: "Time with a part", [
        KeyBinding(.up, keys: [.up, .character("k")], help: "previous flow", showInHelpLine: false),
        KeyBinding(.down, keys: [.down, .character("j")], help: "next flow", showInHelpLine: false),
        KeyBinding(.begin, keys: [.enter], help: "begin it, about this part", line: "begin"),
        KeyBinding(.back, keys: [.escape], help: "back to the part's page", line: "back"),
        CommonKeys.ground(),
        CommonKeys.help(),
        CommonKeys.quit(),
    ])

    /// The page's keys, or those of what is open over it.
    static func keys(_ page: PartPageState) -> ScreenKeys {
        if page.form != nil { return ScreenKeys(PartFormKeys.map) }
        if let merge = page.merge { return ScreenKeys(merge.confirming == nil ? MergeKeys.pick : MergeKeys.confirm) }
        if page.flowPicker != nil { return ScreenKeys(flowPicker) }
        if page.confirmingDelete { return ScreenKeys(QuestionKeys.deletePart) }
        return ScreenKeys(map)
    }
}
