import TerminalUI

enum WelcomeAction: ScreenAction {
    case begin, ground, help, quit
}

enum WelcomeKeys {
    static let map = KeyMap<WelcomeAction>(title: "Welcome", [
        KeyBinding(.begin, keys: [.enter, .character(" ")], help: "begin"),
        CommonKeys.ground(),
        CommonKeys.help(),
        CommonKeys.quit(),
    ])
}
