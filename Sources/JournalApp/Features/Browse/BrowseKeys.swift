import TerminalUI

enum BrowseAction: ScreenAction {
    case read, up, down, pageUp, pageDown
    case search, filters, clearFilters, star, calendar, undo, back
    /// Done typing in the search box, keeping the search.
    case doneSearching
    case ground, help, quit
}

/// The filter form over the list.
enum FilterAction: ScreenAction {
    case apply, up, down, left, right, clearAll, cancel, ground, help, quit
}

enum BrowseKeys {
    /// The entries list; Esc goes back to where it was opened from (`backTo`, for the help line).
    static func map(backTo: String) -> KeyMap<BrowseAction> {
        KeyMap<BrowseAction>(title: "Entries", [
            KeyBinding(.read, keys: [.enter], help: "read the entry", line: "read"),
            KeyBinding(.up, keys: [.up, .character("k")], help: "previous", showInHelpLine: false),
            KeyBinding(.down, keys: [.down, .character("j")], help: "next", showInHelpLine: false),
            KeyBinding(.pageUp, keys: [.pageUp], help: "page up", showInHelpLine: false),
            KeyBinding(.pageDown, keys: [.pageDown, .character(" ")], help: "page down", showInHelpLine: false),
            KeyBinding(.search, keys: [.character("/")], help: "search as you type", line: "search"),
            KeyBinding(.filters, keys: [.character("f")], help: "filters: dates, part, tag, flow, starred", line: "filter"),
            KeyBinding(.clearFilters, keys: [.character("x")], help: "clear the search and every filter", showInHelpLine: false),
            KeyBinding(.star, keys: [.character("s")], help: "star or unstar", showInHelpLine: false),
            KeyBinding(.calendar, keys: [.character("c")], help: "calendar", showInHelpLine: false),
            KeyBinding(.undo, keys: [.character("u")], help: "undo the last delete", showInHelpLine: false),
            CommonKeys.ground(),
            KeyBinding(.back, keys: [.escape, .character("h")], help: backTo, line: backTo),
            CommonKeys.help(),
            CommonKeys.quit(),
        ])
    }

    /// While typing in the search box: letters type; arrows still move in the list.
    static let searching = KeyMap<BrowseAction>(title: "Searching", [
        KeyBinding(.doneSearching, keys: [.enter], help: "done: keep the search", line: "done"),
        KeyBinding(.clearFilters, keys: [.escape], help: "clear the search", line: "clear"),
        KeyBinding(.up, keys: [.up], help: "previous", showInHelpLine: false),
        KeyBinding(.down, keys: [.down], help: "next", showInHelpLine: false),
        CommonKeys.ground(),
        CommonKeys.textHelp(),
        CommonKeys.quitTyping(),
    ])

    static let filters = KeyMap<FilterAction>(title: "Filters", [
        KeyBinding(.apply, keys: [.enter], help: "apply", line: "apply"),
        KeyBinding(.up, keys: [.up], help: "previous filter", showInHelpLine: false),
        KeyBinding(.down, keys: [.down, .tab], help: "next filter", showInHelpLine: false),
        KeyBinding(.left, keys: [.left], help: "previous value", showInHelpLine: false),
        KeyBinding(.right, keys: [.right, .character(" ")], help: "next value", line: "change"),
        KeyBinding(.clearAll, keys: [.control("x")], help: "clear every filter", showInHelpLine: false),
        KeyBinding(.cancel, keys: [.escape], help: "close without changing", line: "cancel"),
        CommonKeys.ground(),
        CommonKeys.textHelp(),
        CommonKeys.quitTyping(),
    ])

    static let fromHome = map(backTo: "home")
    static let fromElsewhere = map(backTo: "back")

    /// The list's keys; `fromHome` when it was opened from the home screen (Esc says "home").
    static func actionMap(_ browse: BrowseState, fromHome: Bool) -> KeyMap<BrowseAction> {
        browse.typingQuery ? searching : fromHome ? self.fromHome : fromElsewhere
    }

    static func keys(_ browse: BrowseState, fromHome: Bool) -> ScreenKeys {
        browse.filterPanel != nil ? ScreenKeys(filters) : ScreenKeys(actionMap(browse, fromHome: fromHome))
    }
}
