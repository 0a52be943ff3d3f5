import TerminalUI

/// A yes-or-no question asked once before something moves (discard a session, delete a part).
enum QuestionAction: ScreenAction {
    case yes, no, ground, help, quit
}

enum QuestionKeys {
    /// "Discard this session?", in a session, the review or on the home screen.
    static let discard = KeyMap<QuestionAction>(title: "Discard?", [
        KeyBinding(.yes, keys: [.character("y"), .enter], help: "yes, discard it (u on the home screen brings it back)", line: "discard"),
        KeyBinding(.no, keys: [.character("n"), .escape], help: "no, keep it", line: "keep it"),
        CommonKeys.ground(),
        CommonKeys.help(),
        CommonKeys.quitTyping("quit (keeps a draft)"),
    ])

    static let deletePart = KeyMap<QuestionAction>(title: "Delete this part?", [
        KeyBinding(.yes, keys: [.character("y"), .enter], help: "yes, to the trash (u in the parts list brings it back)", line: "delete"),
        KeyBinding(.no, keys: [.character("n"), .escape], help: "no, keep it", line: "keep it"),
        CommonKeys.ground(),
        CommonKeys.help(),
        CommonKeys.quit(),
    ])
}
