import TerminalUI

enum MergeAction: ScreenAction {
    case pick, up, down, back, ground, help, quit
}

enum MergeKeys {
    static let pick = KeyMap<MergeAction>(title: "Merge parts", [
        KeyBinding(.pick, keys: [.enter], help: "this one is the same part", line: "pick"),
        KeyBinding(.up, keys: [.up, .character("k")], help: "previous", showInHelpLine: false),
        KeyBinding(.down, keys: [.down, .character("j")], help: "next", showInHelpLine: false),
        CommonKeys.ground(),
        KeyBinding(.back, keys: [.escape], help: "back to the part (nothing merged)", line: "cancel"),
        CommonKeys.help(),
        CommonKeys.quit(),
    ])

    static let confirm = KeyMap<MergeAction>(title: "Merge parts?", [
        KeyBinding(.pick, keys: [.enter], help: "merge them", line: "merge"),
        CommonKeys.ground(),
        KeyBinding(.back, keys: [.escape], help: "back to the list (nothing merged)", line: "back"),
        CommonKeys.help(),
        CommonKeys.quit(),
    ])
}
