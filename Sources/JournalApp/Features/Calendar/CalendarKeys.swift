import TerminalUI

enum CalendarAction: ScreenAction {
    case listDay, previousDay, nextDay, weekBack, weekOn, previousMonth, nextMonth, switchView, back
    case ground, help, quit
}

enum CalendarKeys {
    static let map = KeyMap<CalendarAction>(title: "Calendar", [
        KeyBinding(.listDay, keys: [.enter], help: "the entries of that day", line: "day"),
        KeyBinding(.previousDay, keys: [.left, .character("h")], help: "previous day", showInHelpLine: false),
        KeyBinding(.nextDay, keys: [.right, .character("l")], help: "next day", showInHelpLine: false),
        KeyBinding(.weekBack, keys: [.up, .character("k")], help: "a week back", showInHelpLine: false),
        KeyBinding(.weekOn, keys: [.down, .character("j")], help: "a week on", showInHelpLine: false),
        KeyBinding(.previousMonth, keys: [.pageUp, .character("[")], help: "previous month (year in the year view)", showInHelpLine: false),
        KeyBinding(.nextMonth, keys: [.pageDown, .character("]")], help: "next month (year in the year view)", showInHelpLine: false),
        KeyBinding(.switchView, keys: [.character("y")], help: "month or whole year", line: "year"),
        CommonKeys.ground(),
        KeyBinding(.back, keys: [.escape], help: "back to the list", line: "list"),
        CommonKeys.help(),
        CommonKeys.quit(),
    ])
}
