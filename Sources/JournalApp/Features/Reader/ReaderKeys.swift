import TerminalUI

enum ReaderAction: ScreenAction {
    case up, down, pageUp, pageDown, next, previous, star, addNote, edit, delete, back
    case ground, help, quit
}

/// Writing a later note under the entry: letters type.
enum NoteAction: ScreenAction {
    case add, cancel, ground, help, quit
}

/// An edit that could not be saved, kept on screen.
enum RejectedEditAction: ScreenAction {
    case editAgain, drop, ground, help, quit
}

enum ReaderKeys {
    static let map = KeyMap<ReaderAction>(title: "Reading", [
        KeyBinding(.up, keys: [.up, .character("k")], help: "scroll up", showInHelpLine: false),
        KeyBinding(.down, keys: [.down, .character("j")], help: "scroll down", showInHelpLine: false),
        KeyBinding(.pageUp, keys: [.pageUp], help: "page up", showInHelpLine: false),
        KeyBinding(.pageDown, keys: [.pageDown, .character(" ")], help: "page down", showInHelpLine: false),
        KeyBinding(.next, keys: [.character("n"), .right], help: "next (older) entry", line: "next"),
        KeyBinding(.previous, keys: [.character("p"), .left], help: "previous (newer) entry", line: "prev"),
        KeyBinding(.star, keys: [.character("s")], help: "star or unstar", showInHelpLine: false),
        KeyBinding(.addNote, keys: [.character("a")], help: "add a later note (dated)", line: "note"),
        KeyBinding(.edit, keys: [.character("e")], help: "edit in $VISUAL/$EDITOR (checked before it is saved)", showInHelpLine: false),
        KeyBinding(.delete, keys: [.character("d")], help: "move to the trash (u in the list undoes)", showInHelpLine: false),
        CommonKeys.ground(),
        KeyBinding(.back, keys: [.escape, .character("h")], help: "back to the list", line: "list"),
        CommonKeys.help(),
        CommonKeys.quit(),
    ])

    static let note = KeyMap<NoteAction>(title: "A later note", [
        KeyBinding(.add, keys: [.control("d"), .function(10)], help: "add the note", line: "add"),
        KeyBinding(.cancel, keys: [.escape], help: "cancel (the note is dropped)", line: "cancel"),
        CommonKeys.ground(),
        CommonKeys.textHelp(),
        CommonKeys.quitTyping("quit (asks first when the note has text)"),
    ])

    static let rejectedEdit = KeyMap<RejectedEditAction>(title: "The edit could not be read", [
        KeyBinding(.editAgain, keys: [.character("e"), .enter], help: "edit it again", line: "edit again"),
        KeyBinding(.drop, keys: [.escape], help: "drop the edit (the entry stays as it was)", line: "drop"),
        CommonKeys.ground(),
        CommonKeys.help(),
        CommonKeys.quitTyping("quit (asks first: the edit is not saved)"),
    ])

    static func keys(_ reader: ReaderState) -> ScreenKeys {
        if reader.note != nil { return ScreenKeys(note) }
        return reader.rejectedEdit != nil ? ScreenKeys(rejectedEdit) : ScreenKeys(map)
    }
}
