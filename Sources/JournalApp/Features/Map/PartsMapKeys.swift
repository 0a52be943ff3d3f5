import TerminalUI

enum PartsMapAction: ScreenAction {
    case open, up, down, back, ground, help, quit
}

enum PartsMapKeys {
    static let map = KeyMap<PartsMapAction>(title: "The map of your parts", [
        KeyBinding(.open, keys: [.enter], help: "open the picked part's page", line: "open"),
        KeyBinding(.up, keys: [.up, .character("k")], help: "previous part", showInHelpLine: false),
        KeyBinding(.down, keys: [.down, .character("j"), .tab], help: "next part", showInHelpLine: false),
        CommonKeys.ground(),
        KeyBinding(.back, keys: [.escape, .character("h")], help: "back to the parts", line: "parts"),
        CommonKeys.help(),
        CommonKeys.quit(),
    ])
}
