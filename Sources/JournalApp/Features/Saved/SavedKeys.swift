import TerminalUI

enum SavedAction: ScreenAction {
    case home, ground, help, quit
}

enum SavedKeys {
    static let map = KeyMap<SavedAction>(title: "Saved", [
        KeyBinding(.home, keys: [.enter, .character(" ")], help: "home"),
        CommonKeys.ground(),
        CommonKeys.help(),
        CommonKeys.quit(),
    ])
}
