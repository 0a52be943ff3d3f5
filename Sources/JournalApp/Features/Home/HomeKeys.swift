import TerminalUI

enum HomeAction: ScreenAction {
    case begin, up, down
    case resumeDraft, saveDraftAsIs, discardDraft, undo
    case entries, search, calendar, onThisDay, parts, selfEnergy, followUp
    case ground, help, quit
}

enum HomeKeys {
    static let map = KeyMap<HomeAction>(title: "Home", [
        KeyBinding(.begin, keys: [.enter], help: "begin"),
        KeyBinding(.up, keys: [.up, .character("k")], help: "previous", showInHelpLine: false),
        KeyBinding(.down, keys: [.down, .character("j")], help: "next", showInHelpLine: false),
        KeyBinding(.resumeDraft, keys: [.character("r")], help: "resume draft", showInHelpLine: false),
        KeyBinding(.saveDraftAsIs, keys: [.character("s")], help: "save draft as it is", showInHelpLine: false),
        KeyBinding(.discardDraft, keys: [.character("d")], help: "discard the unfinished session (asks first)", showInHelpLine: false),
        KeyBinding(.undo, keys: [.character("u")], help: "undo: bring back the session last discarded", showInHelpLine: false),
        KeyBinding(.entries, keys: [.character("l")], help: "your entries", line: "entries"),
        KeyBinding(.search, keys: [.character("/")], help: "search your entries", showInHelpLine: false),
        KeyBinding(.calendar, keys: [.character("c")], help: "calendar of the days you wrote", showInHelpLine: false),
        KeyBinding(.onThisDay, keys: [.character("o")], help: "on this day in earlier years", showInHelpLine: false),
        KeyBinding(.parts, keys: [.character("p")], help: "your parts", line: "parts"),
        KeyBinding(.selfEnergy, keys: [.character("e")], help: "Self-energy over time", showInHelpLine: false),
        KeyBinding(.followUp, keys: [.character("f")], help: "a follow-up visit after deeper work", showInHelpLine: false),
        CommonKeys.ground(),
        CommonKeys.help(),
        CommonKeys.quit(),
    ])

    static func keys(_ home: HomeState) -> ScreenKeys {
        home.confirmingDiscard ? ScreenKeys(QuestionKeys.discard) : ScreenKeys(map)
    }
}
