import TerminalUI

enum SelfEnergyAction: ScreenAction {
    case switchSpan, back, ground, help, quit
}

enum SelfEnergyKeys {
    static let map = KeyMap<SelfEnergyAction>(title: "Self-energy over time", [
        KeyBinding(.switchSpan, keys: [.character("m")], help: "by week or by month", line: "week/month"),
        CommonKeys.ground(),
        KeyBinding(.back, keys: [.escape, .character("h")], help: "home", line: "home"),
        CommonKeys.help(),
        CommonKeys.quit(),
    ])
}
