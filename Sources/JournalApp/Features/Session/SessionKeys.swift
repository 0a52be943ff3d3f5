import JournalCore
import TerminalUI

/// What keys do on a step of a session. Letters are left free for typing, so the session's own
/// keys are Ctrl and function keys; the arrows and Space move in the step's answer.
enum SessionAction: ScreenAction {
    case next, back, skip, finish, leave, openEditor
    case pageUp, pageDown
    case up, down, left, right, tick
    case ground, help, quit
}

/// The menu Ctrl-X opens over a session.
enum LeavingAction: ScreenAction {
    case choose, up, down, goOn, ground, help, quit
}

/// The choice after a grounding break.
enum ReturnOfferAction: ScreenAction {
    case choose, up, down, leave, ground, help, quit
}

enum SessionKeys {
    static func common(next continueKeys: [Key], questionMark: Bool = false) -> [KeyBinding<SessionAction>] {
        [
            KeyBinding(.next, keys: continueKeys, help: "continue: done with this answer", line: "next"),
            CommonKeys.ground(),
            KeyBinding(.back, keys: [.control("b"), .escape], help: "back to the previous step (your answers are kept)", line: "back"),
            KeyBinding(.skip, keys: [.control("k")], help: "skip this one: \"I don't know\" is an answer too", line: "skip"),
            KeyBinding(.finish, keys: [.control("s")], help: "save and finish: review the entry now", line: "finish"),
            questionMark ? CommonKeys.help() : CommonKeys.textHelp(),
            leave(),
            CommonKeys.quitTyping("quit (keeps a draft)"),
        ]
    }

    static func leave<A: Hashable & Sendable>(_ action: A) -> KeyBinding<A> {
        KeyBinding(action, keys: [.control("x")], help: "leave: keep it as a draft for later, or discard it", line: "leave")
    }

    static func leave() -> KeyBinding<SessionAction> { leave(SessionAction.leave) }

    /// PgUp/PgDn on a step too tall for the window (not while writing a long answer: there they
    /// move in the text).
    static let pageScroll: [KeyBinding<SessionAction>] = [
        KeyBinding(.pageUp, keys: [.pageUp], help: "scroll up, when the question does not fit the window", showInHelpLine: false),
        KeyBinding(.pageDown, keys: [.pageDown], help: "scroll down, when the question does not fit the window", showInHelpLine: false),
    ]

    static let longText = KeyMap(title: "Writing", common(next: [.control("d"), .function(10)]) + [
        KeyBinding(.pageUp, keys: [.pageUp], help: "page up; from the top of your text, the question", showInHelpLine: false),
        KeyBinding(.pageDown, keys: [.pageDown], help: "page down", showInHelpLine: false),
        KeyBinding(.openEditor, keys: [.control("e")], help: "open in $EDITOR"),
    ])

    static let shortText = KeyMap(title: "Answering", common(next: [.enter, .control("d")]) + pageScroll + [
        KeyBinding(.openEditor, keys: [.control("e")], help: "open in $EDITOR", showInHelpLine: false),
    ])

    static let message = KeyMap(title: "Reading", common(next: [.enter, .character(" "), .control("d")], questionMark: true) + pageScroll)

    static let choice = KeyMap(title: "Choosing", common(next: [.enter, .control("d")], questionMark: true) + pageScroll + [
        KeyBinding(.up, keys: [.up], help: "previous", showInHelpLine: false),
        KeyBinding(.down, keys: [.down], help: "next", showInHelpLine: false),
    ])

    /// A choice while typing one's own words: letters type, arrows still reach the options.
    static let choiceTyping = KeyMap(title: "Choosing", common(next: [.enter, .control("d")]) + pageScroll + [
        KeyBinding(.up, keys: [.up], help: "previous", showInHelpLine: false),
        KeyBinding(.down, keys: [.down], help: "next", showInHelpLine: false),
    ])

    static let multipleChoice = KeyMap(title: "Choosing several", common(next: [.enter, .control("d")]) + pageScroll + [
        KeyBinding(.tick, keys: [.character(" ")], help: "tick"),
        KeyBinding(.up, keys: [.up], help: "previous", showInHelpLine: false),
        KeyBinding(.down, keys: [.down], help: "next", showInHelpLine: false),
    ])

    static let scale = KeyMap(title: "Rating", common(next: [.enter, .control("d")], questionMark: true) + pageScroll + [
        KeyBinding(.left, keys: [.left, .down], help: "less", showInHelpLine: false),
        KeyBinding(.right, keys: [.right, .up], help: "more", showInHelpLine: false),
    ])

    static let selfCheck = KeyMap(title: "Self check", common(next: [.enter, .control("d")], questionMark: true) + pageScroll + [
        KeyBinding(.up, keys: [.up], help: "previous quality", showInHelpLine: false),
        KeyBinding(.down, keys: [.down, .tab], help: "next quality", showInHelpLine: false),
        KeyBinding(.left, keys: [.left], help: "less", showInHelpLine: false),
        KeyBinding(.right, keys: [.right], help: "more", showInHelpLine: false),
    ])

    static let leaving = KeyMap<LeavingAction>(title: "Leaving the session", [
        KeyBinding(.choose, keys: [.enter], help: "choose", line: "choose"),
        KeyBinding(.up, keys: [.up, .character("k")], help: "previous", showInHelpLine: false),
        KeyBinding(.down, keys: [.down, .character("j")], help: "next", showInHelpLine: false),
        KeyBinding(.goOn, keys: [.escape, .control("x")], help: "go on with the session", line: "go on"),
        CommonKeys.ground(),
        CommonKeys.help(),
        CommonKeys.quitTyping("quit (keeps a draft)"),
    ])

    static let returnOffer = KeyMap<ReturnOfferAction>(title: "After grounding", [
        KeyBinding(.choose, keys: [.enter], help: "choose"),
        KeyBinding(.up, keys: [.up], help: "previous", showInHelpLine: false),
        KeyBinding(.down, keys: [.down], help: "next", showInHelpLine: false),
        CommonKeys.ground(),
        CommonKeys.help(),
        leave(ReturnOfferAction.leave),
        CommonKeys.quitTyping("quit (keeps a draft)"),
    ])

    /// The keys of a step, by its kind and what is being typed.
    static func step(_ kind: FlowStepKind, input: StepInput) -> KeyMap<SessionAction> {
        switch kind {
        case .message, .pause, .call: return message
        case .longText: return longText
        case .shortText, .feelToward: return shortText
        case .choice:
            if case .choice(_, let other?) = input, !EditorBridge.text(of: other).isEmpty { return choiceTyping }
            return choice
        case .multipleChoice: return multipleChoice
        case .scale: return scale
        case .part: return choiceTyping // names are typed: '?' is a character here
        case .selfCheck: return selfCheck
        }
    }

    /// The step's keys, or those of the menu or offer open over it.
    static func keys(_ session: SessionState, _ engine: FlowEngine) -> ScreenKeys {
        if let leaving = session.leaving { return leaving.confirmingDiscard ? ScreenKeys(QuestionKeys.discard) : ScreenKeys(self.leaving) }
        if session.offer != nil { return ScreenKeys(returnOffer) }
        guard let step = engine.currentStep(session.run) else { return ScreenKeys(message) }
        let map = self.step(step.step.kind, input: session.input)
        return ScreenKeys(map, editing: map.bindings.contains { $0.action == .openEditor })
    }

    /// The step's own keys, as the session reads a key.
    static func stepMap(_ session: SessionState, _ engine: FlowEngine) -> KeyMap<SessionAction> {
        guard let step = engine.currentStep(session.run) else { return message }
        return self.step(step.step.kind, input: session.input)
    }
}
