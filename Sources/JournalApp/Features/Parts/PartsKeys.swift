import TerminalUI

enum PartsAction: ScreenAction {
    case open, up, down, pageUp, pageDown, order, role, showArchived, map, undo, back
    case ground, help, quit
}

enum PartsKeys {
    static let map = KeyMap<PartsAction>(title: "Parts", [
        KeyBinding(.open, keys: [.enter], help: "open the part's page", line: "open"),
        KeyBinding(.up, keys: [.up, .character("k")], help: "previous", showInHelpLine: false),
        KeyBinding(.down, keys: [.down, .character("j")], help: "next", showInHelpLine: false),
        KeyBinding(.pageUp, keys: [.pageUp], help: "page up", showInHelpLine: false),
        KeyBinding(.pageDown, keys: [.pageDown], help: "page down", showInHelpLine: false),
        KeyBinding(.order, keys: [.character("s")], help: "order: by name, most recent, most entries", line: "order"),
        KeyBinding(.role, keys: [.character("f")], help: "only one role (each press shows the next; then all)", line: "role"),
        KeyBinding(.showArchived, keys: [.character("a")], help: "also the parts you have put away (archived)", showInHelpLine: false),
        KeyBinding(.map, keys: [.character("m")], help: "the map: who protects whom, who pulls against whom", line: "map"),
        KeyBinding(.undo, keys: [.character("u")], help: "undo: bring back the part last deleted", showInHelpLine: false),
        CommonKeys.ground(),
        KeyBinding(.back, keys: [.escape, .character("h")], help: "home", line: "home"),
        CommonKeys.help(),
        CommonKeys.quit(),
    ])
}
