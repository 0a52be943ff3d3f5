import TerminalUI

enum ReviewAction: ScreenAction {
    case save, change, up, down, scrollUp, scrollDown, back, discard, leave
    case editTags, editTitle, editDate
    case ground, help, quit
}

/// A detail's field in the review: letters type.
enum ReviewDetailAction: ScreenAction {
    case set, cancel, ground, help, quit
}

enum ReviewKeys {
    static let map = KeyMap<ReviewAction>(title: "Review", [
        KeyBinding(.save, keys: [.enter, .control("s")], help: "save"),
        CommonKeys.ground(),
        KeyBinding(.change, keys: [.character("c")], help: "change the highlighted answer", line: "change"),
        KeyBinding(.up, keys: [.up], help: "previous answer", showInHelpLine: false),
        KeyBinding(.down, keys: [.down, .tab], help: "next answer", showInHelpLine: false),
        KeyBinding(.scrollUp, keys: [.pageUp], help: "scroll up", showInHelpLine: false),
        KeyBinding(.scrollDown, keys: [.pageDown, .character(" ")], help: "scroll down", showInHelpLine: false),
        KeyBinding(.back, keys: [.control("b"), .escape], help: "back"),
        KeyBinding(.discard, keys: [.character("d")], help: "discard this session (asks first; u on the home screen brings it back)",
                   showInHelpLine: false),
        KeyBinding(.editTags, keys: [.character("t")], help: "its tags: add or take off (#tag in an answer is one too)", line: "tags"),
        KeyBinding(.editTitle, keys: [.character("n")], help: "name it: a title of your own", showInHelpLine: false),
        KeyBinding(.editDate, keys: [.character("w")], help: "when it happened: date it in the past", showInHelpLine: false),
        CommonKeys.help(),
        SessionKeys.leave(ReviewAction.leave),
        CommonKeys.quitTyping("quit (keeps a draft)"),
    ])

    static let detail = KeyMap<ReviewDetailAction>(title: "Review: a detail", [
        KeyBinding(.set, keys: [.enter], help: "set it", line: "set"),
        KeyBinding(.cancel, keys: [.escape], help: "leave it as it was", line: "cancel"),
        CommonKeys.ground(),
        CommonKeys.textHelp(),
        CommonKeys.quitTyping("quit (keeps a draft)"),
    ])

    static func keys(_ review: ReviewState) -> ScreenKeys {
        if let leaving = review.session.leaving {
            return leaving.confirmingDiscard ? ScreenKeys(QuestionKeys.discard) : ScreenKeys(SessionKeys.leaving)
        }
        return review.detail == nil ? ScreenKeys(map) : ScreenKeys(detail)
    }
}
