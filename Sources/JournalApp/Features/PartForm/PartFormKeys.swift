import TerminalUI

/// Editing a part's record: letters type, so the form's keys are Ctrl, Tab and Esc.
enum PartFormAction: ScreenAction {
    case save, nextField, previousField, previousChoice, nextChoice, close, ground, help, quit
}

enum PartFormKeys {
    static let map = KeyMap<PartFormAction>(title: "Editing a part", [
        KeyBinding(.save, keys: [.control("s")], help: "save every change at once", line: "save"),
        KeyBinding(.nextField, keys: [.tab], help: "next field (↓ and Enter too, but in the notes)", line: "next"),
        KeyBinding(.previousField, keys: [.backTab], help: "previous field (↑ too, but in the notes)", showInHelpLine: false),
        KeyBinding(.previousChoice, keys: [.left], help: "role, stage, colour: the previous choice (in text: the cursor left)",
                   showInHelpLine: false),
        KeyBinding(.nextChoice, keys: [.right], help: "role, stage, colour: the next choice (in text: the cursor right)",
                   showInHelpLine: false),
        KeyBinding(.close, keys: [.escape], help: "close (asks first when something is not saved)", line: "close"),
        CommonKeys.ground(),
        CommonKeys.textHelp(),
        CommonKeys.quitTyping("quit (asks first when something is not saved)"),
    ])
}
