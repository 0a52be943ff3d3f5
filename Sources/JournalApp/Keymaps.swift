import TerminalUI

/// Everything a person can ask for with a key. The keymaps below are the only place keys are
/// decided; the help line and help screen are generated from them.
public enum AppAction: Hashable, Sendable {
    case up, down, left, right
    case select            // Enter on a list
    case continueStep      // done with this answer
    case back
    case skip
    case finish            // save and finish (to the review)
    case openEditor
    case ground
    case help
    case quit
    case resumeDraft, saveDraftAsIs, discardDraft
    case toggle            // Space in a multiple choice
    case change            // change the chosen answer (review)
    case save              // review: save the entry
    case scrollUp, scrollDown
    case browse, search, calendar, onThisDay   // home: open the browser in one of its ways
    case filters, clearFilters, star, undo
    case nextEntry, previousEntry, addNote, editEntry, deleteEntry
    case pageUp, pageDown
    case switchView                             // calendar: month or year; parts: the order
    case parts                                  // home: the parts list
    case selfEnergy                             // home: Self-energy over time
    case map                                    // parts: the map of the system
    case editPart, renamePart, mergePart        // a part's page
    case followUp                               // home: start the follow-up flow
    case spendTime                              // a part's page: begin a flow about this part
    case leave                                  // a session or the review: keep a draft, or discard
    case discard                                // the review: discard the session (asks once)
    case confirm, cancel                        // a yes-or-no question
    case editTags, editTitle, editDate          // the review: the entry's details
    case deletePart                             // a part's page: to the trash, when nothing names it
}

public enum Keymaps {
    static let ground = KeyBinding(AppAction.ground, keys: [.control("g"), .function(2)],
                                   help: "pause and ground, from any screen", line: "ground")
    static let help = KeyBinding(AppAction.help, keys: [.function(1), .character("?")], help: "help")
    static let textHelp = KeyBinding(AppAction.help, keys: [.function(1)], help: "help")
    static let quit = KeyBinding(AppAction.quit, keys: [.character("q"), .control("q"), .control("c")], help: "quit")

    public static let welcome = KeyMap<AppAction>(title: "Welcome", [
        KeyBinding(.select, keys: [.enter, .character(" ")], help: "begin"),
        ground,
        help,
        quit,
    ])

    public static let home = KeyMap(title: "Home", [
        KeyBinding(.select, keys: [.enter], help: "begin"),
        KeyBinding(.up, keys: [.up, .character("k")], help: "previous", showInHelpLine: false),
        KeyBinding(.down, keys: [.down, .character("j")], help: "next", showInHelpLine: false),
        KeyBinding(.resumeDraft, keys: [.character("r")], help: "resume draft", showInHelpLine: false),
        KeyBinding(.saveDraftAsIs, keys: [.character("s")], help: "save draft as it is", showInHelpLine: false),
        KeyBinding(.discardDraft, keys: [.character("d")], help: "discard the unfinished session (asks first)", showInHelpLine: false),
        KeyBinding(.undo, keys: [.character("u")], help: "undo: bring back the session last discarded", showInHelpLine: false),
        KeyBinding(.browse, keys: [.character("l")], help: "your entries", line: "entries"),
        KeyBinding(.search, keys: [.character("/")], help: "search your entries", showInHelpLine: false),
        KeyBinding(.calendar, keys: [.character("c")], help: "calendar of the days you wrote", showInHelpLine: false),
        KeyBinding(.onThisDay, keys: [.character("o")], help: "on this day in earlier years", showInHelpLine: false),
        KeyBinding(.parts, keys: [.character("p")], help: "your parts", line: "parts"),
        KeyBinding(.selfEnergy, keys: [.character("e")], help: "Self-energy over time", showInHelpLine: false),
        KeyBinding(.followUp, keys: [.character("f")], help: "a follow-up visit after deeper work", showInHelpLine: false),
        ground,
        help,
        quit,
    ])

    public static let browse = browse(backTo: "home")

    /// The entries list; Esc goes back to where it was opened from (`backTo`, for the help line).
    public static func browse(backTo: String) -> KeyMap<AppAction> { KeyMap<AppAction>(title: "Entries", [
        KeyBinding(.select, keys: [.enter], help: "read the entry", line: "read"),
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
        ground,
        KeyBinding(.back, keys: [.escape, .character("h")], help: backTo, line: backTo),
        help,
        quit,
    ]) }

    /// While typing in the search box: letters type; arrows still move in the list.
    public static let browseSearching = KeyMap<AppAction>(title: "Searching", [
        KeyBinding(.select, keys: [.enter], help: "done: keep the search", line: "done"),
        KeyBinding(.clearFilters, keys: [.escape], help: "clear the search", line: "clear"),
        KeyBinding(.up, keys: [.up], help: "previous", showInHelpLine: false),
        KeyBinding(.down, keys: [.down], help: "next", showInHelpLine: false),
        ground,
        textHelp,
        KeyBinding(.quit, keys: [.control("q"), .control("c")], help: "quit", showInHelpLine: false),
    ])

    public static let filters = KeyMap<AppAction>(title: "Filters", [
        KeyBinding(.select, keys: [.enter], help: "apply", line: "apply"),
        KeyBinding(.up, keys: [.up], help: "previous filter", showInHelpLine: false),
        KeyBinding(.down, keys: [.down, .tab], help: "next filter", showInHelpLine: false),
        KeyBinding(.left, keys: [.left], help: "previous value", showInHelpLine: false),
        KeyBinding(.right, keys: [.right, .character(" ")], help: "next value", line: "change"),
        KeyBinding(.clearFilters, keys: [.control("x")], help: "clear every filter", showInHelpLine: false),
        KeyBinding(.back, keys: [.escape], help: "close without changing", line: "cancel"),
        ground,
        textHelp,
        KeyBinding(.quit, keys: [.control("q"), .control("c")], help: "quit", showInHelpLine: false),
    ])

    public static let reader = KeyMap<AppAction>(title: "Reading", [
        KeyBinding(.up, keys: [.up, .character("k")], help: "scroll up", showInHelpLine: false),
        KeyBinding(.down, keys: [.down, .character("j")], help: "scroll down", showInHelpLine: false),
        KeyBinding(.pageUp, keys: [.pageUp], help: "page up", showInHelpLine: false),
        KeyBinding(.pageDown, keys: [.pageDown, .character(" ")], help: "page down", showInHelpLine: false),
        KeyBinding(.nextEntry, keys: [.character("n"), .right], help: "next (older) entry", line: "next"),
        KeyBinding(.previousEntry, keys: [.character("p"), .left], help: "previous (newer) entry", line: "prev"),
        KeyBinding(.star, keys: [.character("s")], help: "star or unstar", showInHelpLine: false),
        KeyBinding(.addNote, keys: [.character("a")], help: "add a later note (dated)", line: "note"),
        KeyBinding(.editEntry, keys: [.character("e")], help: "edit in $VISUAL/$EDITOR (checked before it is saved)", showInHelpLine: false),
        KeyBinding(.deleteEntry, keys: [.character("d")], help: "move to the trash (u in the list undoes)", showInHelpLine: false),
        ground,
        KeyBinding(.back, keys: [.escape, .character("h")], help: "back to the list", line: "list"),
        help,
        quit,
    ])

    public static let note = KeyMap<AppAction>(title: "A later note", [
        KeyBinding(.save, keys: [.control("d"), .function(10)], help: "add the note", line: "add"),
        KeyBinding(.back, keys: [.escape], help: "cancel (the note is dropped)", line: "cancel"),
        ground,
        textHelp,
        KeyBinding(.quit, keys: [.control("q"), .control("c")], help: "quit (asks first when the note has text)", showInHelpLine: false),
    ])

    public static let rejectedEdit = KeyMap<AppAction>(title: "The edit could not be read", [
        KeyBinding(.editEntry, keys: [.character("e"), .enter], help: "edit it again", line: "edit again"),
        KeyBinding(.back, keys: [.escape], help: "drop the edit (the entry stays as it was)", line: "drop"),
        ground,
        help,
        KeyBinding(.quit, keys: [.control("q"), .control("c")], help: "quit (asks first: the edit is not saved)", showInHelpLine: false),
    ])

    public static let calendar = KeyMap<AppAction>(title: "Calendar", [
        KeyBinding(.select, keys: [.enter], help: "the entries of that day", line: "day"),
        KeyBinding(.left, keys: [.left, .character("h")], help: "previous day", showInHelpLine: false),
        KeyBinding(.right, keys: [.right, .character("l")], help: "next day", showInHelpLine: false),
        KeyBinding(.up, keys: [.up, .character("k")], help: "a week back", showInHelpLine: false),
        KeyBinding(.down, keys: [.down, .character("j")], help: "a week on", showInHelpLine: false),
        KeyBinding(.pageUp, keys: [.pageUp, .character("[")], help: "previous month (year in the year view)", showInHelpLine: false),
        KeyBinding(.pageDown, keys: [.pageDown, .character("]")], help: "next month (year in the year view)", showInHelpLine: false),
        KeyBinding(.switchView, keys: [.character("y")], help: "month or whole year", line: "year"),
        ground,
        KeyBinding(.back, keys: [.escape], help: "back to the list", line: "list"),
        help,
        quit,
    ])

    /// Keys common to every step of a session. Letters are left free for typing, so these use
    /// Ctrl and function keys.
    static func sessionCommon(continueKeys: [Key], questionMark: Bool = false) -> [KeyBinding<AppAction>] {
        [
            KeyBinding(.continueStep, keys: continueKeys, help: "continue: done with this answer", line: "next"),
            ground,
            KeyBinding(.back, keys: [.control("b"), .escape], help: "back to the previous step (your answers are kept)", line: "back"),
            KeyBinding(.skip, keys: [.control("k")], help: "skip this one: \"I don't know\" is an answer too", line: "skip"),
            KeyBinding(.finish, keys: [.control("s")], help: "save and finish: review the entry now", line: "finish"),
            questionMark ? help : textHelp,
            leave,
            KeyBinding(.quit, keys: [.control("q"), .control("c")], help: "quit (keeps a draft)", showInHelpLine: false),
        ]
    }

    static let leave = KeyBinding(AppAction.leave, keys: [.control("x")], help: "leave: keep it as a draft for later, or discard it",
                                  line: "leave")

    /// The menu Ctrl-X opens in a session.
    public static let leaving = KeyMap<AppAction>(title: "Leaving the session", [
        KeyBinding(.select, keys: [.enter], help: "choose", line: "choose"),
        KeyBinding(.up, keys: [.up, .character("k")], help: "previous", showInHelpLine: false),
        KeyBinding(.down, keys: [.down, .character("j")], help: "next", showInHelpLine: false),
        KeyBinding(.cancel, keys: [.escape, .control("x")], help: "go on with the session", line: "go on"),
        ground,
        help,
        KeyBinding(.quit, keys: [.control("q"), .control("c")], help: "quit (keeps a draft)", showInHelpLine: false),
    ])

    /// "Discard this session?", asked once, in a session, the review or on the home screen.
    public static let confirmDiscard = KeyMap<AppAction>(title: "Discard?", [
        KeyBinding(.confirm, keys: [.character("y"), .enter], help: "yes, discard it (u on the home screen brings it back)", line: "discard"),
        KeyBinding(.cancel, keys: [.character("n"), .escape], help: "no, keep it", line: "keep it"),
        ground,
        help,
        KeyBinding(.quit, keys: [.control("q"), .control("c")], help: "quit (keeps a draft)", showInHelpLine: false),
    ])

    /// PgUp/PgDn on a step too tall for the window (not while writing a long answer: there they
    /// move in the text).
    static let pageScroll: [KeyBinding<AppAction>] = [
        KeyBinding(.pageUp, keys: [.pageUp], help: "scroll up, when the question does not fit the window", showInHelpLine: false),
        KeyBinding(.pageDown, keys: [.pageDown], help: "scroll down, when the question does not fit the window", showInHelpLine: false),
    ]

    public static let longText = KeyMap(title: "Writing", sessionCommon(continueKeys: [.control("d"), .function(10)]) + [
        KeyBinding(.pageUp, keys: [.pageUp], help: "page up; from the top of your text, the question above",
                   showInHelpLine: false),
        KeyBinding(.pageDown, keys: [.pageDown], help: "page down", showInHelpLine: false),
        KeyBinding(.openEditor, keys: [.control("e")], help: "open in $EDITOR"),
    ])

    public static let shortText = KeyMap(title: "Answering", sessionCommon(continueKeys: [.enter, .control("d")]) + pageScroll + [
        KeyBinding(.openEditor, keys: [.control("e")], help: "open in $EDITOR", showInHelpLine: false),
    ])

    public static let message = KeyMap(title: "Reading", sessionCommon(continueKeys: [.enter, .character(" "), .control("d")],
                                                                       questionMark: true) + pageScroll)

    public static let choice = KeyMap(title: "Choosing", sessionCommon(continueKeys: [.enter, .control("d")], questionMark: true) + pageScroll + [
        KeyBinding(.up, keys: [.up], help: "previous", showInHelpLine: false),
        KeyBinding(.down, keys: [.down], help: "next", showInHelpLine: false),
    ])

    /// A choice while typing one's own words: letters type, arrows still reach the options.
    public static let choiceTyping = KeyMap(title: "Choosing", sessionCommon(continueKeys: [.enter, .control("d")]) + pageScroll + [
        KeyBinding(.up, keys: [.up], help: "previous", showInHelpLine: false),
        KeyBinding(.down, keys: [.down], help: "next", showInHelpLine: false),
    ])

    public static let multipleChoice = KeyMap(title: "Choosing several", sessionCommon(continueKeys: [.enter, .control("d")]) + pageScroll + [
        KeyBinding(.toggle, keys: [.character(" ")], help: "tick"),
        KeyBinding(.up, keys: [.up], help: "previous", showInHelpLine: false),
        KeyBinding(.down, keys: [.down], help: "next", showInHelpLine: false),
    ])

    public static let scale = KeyMap(title: "Rating", sessionCommon(continueKeys: [.enter, .control("d")], questionMark: true) + pageScroll + [
        KeyBinding(.left, keys: [.left, .down], help: "less", showInHelpLine: false),
        KeyBinding(.right, keys: [.right, .up], help: "more", showInHelpLine: false),
    ])

    public static let selfCheck = KeyMap(title: "Self check", sessionCommon(continueKeys: [.enter, .control("d")], questionMark: true) + pageScroll + [
        KeyBinding(.up, keys: [.up], help: "previous quality", showInHelpLine: false),
        KeyBinding(.down, keys: [.down, .tab], help: "next quality", showInHelpLine: false),
        KeyBinding(.left, keys: [.left], help: "less", showInHelpLine: false),
        KeyBinding(.right, keys: [.right], help: "more", showInHelpLine: false),
    ])

    public static let returnOffer = KeyMap<AppAction>(title: "After grounding", [
        KeyBinding(.select, keys: [.enter], help: "choose"),
        KeyBinding(.up, keys: [.up], help: "previous", showInHelpLine: false),
        KeyBinding(.down, keys: [.down], help: "next", showInHelpLine: false),
        ground,
        help,
        leave,
        KeyBinding(.quit, keys: [.control("q"), .control("c")], help: "quit (keeps a draft)", showInHelpLine: false),
    ])

    public static let review = KeyMap(title: "Review", [
        KeyBinding(.save, keys: [.enter, .control("s")], help: "save"),
        ground,
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
        help,
        leave,
        KeyBinding(.quit, keys: [.control("q"), .control("c")], help: "quit (keeps a draft)", showInHelpLine: false),
    ])

    /// A detail's field in the review: letters type.
    public static let reviewDetail = KeyMap<AppAction>(title: "Review: a detail", [
        KeyBinding(.save, keys: [.enter], help: "set it", line: "set"),
        KeyBinding(.back, keys: [.escape], help: "leave it as it was", line: "cancel"),
        ground,
        textHelp,
        KeyBinding(.quit, keys: [.control("q"), .control("c")], help: "quit (keeps a draft)", showInHelpLine: false),
    ])

    public static let saved = KeyMap<AppAction>(title: "Saved", [
        KeyBinding(.select, keys: [.enter, .character(" ")], help: "home"),
        ground,
        help,
        quit,
    ])

    public static let parts = KeyMap<AppAction>(title: "Parts", [
        KeyBinding(.select, keys: [.enter], help: "open the part's page", line: "open"),
        KeyBinding(.up, keys: [.up, .character("k")], help: "previous", showInHelpLine: false),
        KeyBinding(.down, keys: [.down, .character("j")], help: "next", showInHelpLine: false),
        KeyBinding(.pageUp, keys: [.pageUp], help: "page up", showInHelpLine: false),
        KeyBinding(.pageDown, keys: [.pageDown], help: "page down", showInHelpLine: false),
        KeyBinding(.switchView, keys: [.character("s")], help: "order: by name, most recent, most entries", line: "order"),
        KeyBinding(.filters, keys: [.character("f")], help: "only one role (each press shows the next; then all)", line: "role"),
        KeyBinding(.toggle, keys: [.character("a")], help: "also the parts you have put away (archived)", showInHelpLine: false),
        KeyBinding(.map, keys: [.character("m")], help: "the map: who protects whom, who pulls against whom", line: "map"),
        KeyBinding(.undo, keys: [.character("u")], help: "undo: bring back the part last deleted", showInHelpLine: false),
        ground,
        KeyBinding(.back, keys: [.escape, .character("h")], help: "home", line: "home"),
        help,
        quit,
    ])

    public static let partsMap = KeyMap<AppAction>(title: "The map of your parts", [
        KeyBinding(.select, keys: [.enter], help: "open the picked part's page", line: "open"),
        KeyBinding(.up, keys: [.up, .character("k")], help: "previous part", showInHelpLine: false),
        KeyBinding(.down, keys: [.down, .character("j"), .tab], help: "next part", showInHelpLine: false),
        ground,
        KeyBinding(.back, keys: [.escape, .character("h")], help: "back to the parts", line: "parts"),
        help,
        quit,
    ])

    public static let selfEnergy = KeyMap<AppAction>(title: "Self-energy over time", [
        KeyBinding(.switchView, keys: [.character("m")], help: "by week or by month", line: "week/month"),
        ground,
        KeyBinding(.back, keys: [.escape, .character("h")], help: "home", line: "home"),
        help,
        quit,
    ])

    public static let partPage = KeyMap<AppAction>(title: "A part", [
        KeyBinding(.up, keys: [.up, .character("k")], help: "scroll up", showInHelpLine: false),
        KeyBinding(.down, keys: [.down, .character("j")], help: "scroll down", showInHelpLine: false),
        KeyBinding(.pageUp, keys: [.pageUp], help: "page up", showInHelpLine: false),
        KeyBinding(.pageDown, keys: [.pageDown, .character(" ")], help: "page down", showInHelpLine: false),
        KeyBinding(.browse, keys: [.character("l")], help: "the entries that involve this part", line: "entries"),
        KeyBinding(.editPart, keys: [.character("e")], help: "edit its record (a form; saved at once with Ctrl-S)", line: "edit"),
        KeyBinding(.renamePart, keys: [.character("r")], help: "rename it (the old name is kept as a former name)", showInHelpLine: false),
        KeyBinding(.mergePart, keys: [.character("M")], help: "merge another part into this one (asks first)", showInHelpLine: false),
        KeyBinding(.toggle, keys: [.character("a")], help: "put this part away (archive), or bring it back", showInHelpLine: false),
        KeyBinding(.spendTime, keys: [.character("w")], help: "spend time with it: a flow about this part", line: "time with it"),
        KeyBinding(.deletePart, keys: [.character("d")],
                   help: "delete it, when no entry or other part names it (asks first; u in the parts list undoes)",
                   showInHelpLine: false),
        ground,
        KeyBinding(.back, keys: [.escape, .character("h")], help: "back to the parts", line: "parts"),
        help,
        quit,
    ])

    /// Choosing a flow to begin about the part whose page is open.
    public static let partFlowPicker = KeyMap<AppAction>(title: "Time with a part", [
        KeyBinding(.up, keys: [.up, .character("k")], help: "previous flow", showInHelpLine: false),
        KeyBinding(.down, keys: [.down, .character("j")], help: "next flow", showInHelpLine: false),
        KeyBinding(.select, keys: [.enter], help: "begin it, about this part", line: "begin"),
        KeyBinding(.back, keys: [.escape], help: "back to the part's page", line: "back"),
        ground,
        help,
        quit,
    ])

    /// Editing a part's record: letters type, so the keys here are Ctrl, Tab and Esc.
    public static let partForm = KeyMap<AppAction>(title: "Editing a part", [
        KeyBinding(.save, keys: [.control("s")], help: "save every change at once", line: "save"),
        KeyBinding(.down, keys: [.tab], help: "next field (↓ and Enter too, but in the notes)", line: "next"),
        KeyBinding(.up, keys: [.backTab], help: "previous field (↑ too, but in the notes)", showInHelpLine: false),
        KeyBinding(.left, keys: [.left], help: "role, stage, colour: the previous choice (in text: the cursor left)", showInHelpLine: false),
        KeyBinding(.right, keys: [.right], help: "role, stage, colour: the next choice (in text: the cursor right)", showInHelpLine: false),
        KeyBinding(.back, keys: [.escape], help: "close (asks first when something is not saved)", line: "close"),
        ground,
        textHelp,
        KeyBinding(.quit, keys: [.control("q"), .control("c")], help: "quit (asks first when something is not saved)", showInHelpLine: false),
    ])

    public static let confirmDeletePart = KeyMap<AppAction>(title: "Delete this part?", [
        KeyBinding(.confirm, keys: [.character("y"), .enter], help: "yes, to the trash (u in the parts list brings it back)", line: "delete"),
        KeyBinding(.cancel, keys: [.character("n"), .escape], help: "no, keep it", line: "keep it"),
        ground,
        help,
        quit,
    ])

    public static let partMerge = KeyMap<AppAction>(title: "Merge parts", [
        KeyBinding(.select, keys: [.enter], help: "this one is the same part", line: "pick"),
        KeyBinding(.up, keys: [.up, .character("k")], help: "previous", showInHelpLine: false),
        KeyBinding(.down, keys: [.down, .character("j")], help: "next", showInHelpLine: false),
        ground,
        KeyBinding(.back, keys: [.escape], help: "back to the part (nothing merged)", line: "cancel"),
        help,
        quit,
    ])

    public static let partMergeConfirm = KeyMap<AppAction>(title: "Merge parts?", [
        KeyBinding(.select, keys: [.enter], help: "merge them", line: "merge"),
        ground,
        KeyBinding(.back, keys: [.escape], help: "back to the list (nothing merged)", line: "back"),
        help,
        quit,
    ])

    /// Editing keys of the text editor, for the help screen (they are handled by the editor).
    public static let editingHelp: [(keys: String, help: String)] = [
        ("←→↑↓", "move by character and line"),
        ("Ctrl-←, Ctrl-→", "move by word"),
        ("Home, End", "start and end of the line"),
        ("PgUp, PgDn", "move by page"),
        ("Ctrl-W", "delete the word before the cursor"),
        ("Ctrl-U", "delete to the start of the line"),
    ]
}
