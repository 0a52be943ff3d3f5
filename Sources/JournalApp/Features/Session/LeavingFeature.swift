import JournalCore
import TerminalUI

/// Leaving a session before its end: Ctrl-X in a session or the review, `d` in the review.
/// "Leave for now" keeps a draft; discarding asks once, moves the draft to the trash, and `u`
/// on the home screen brings it back.
enum LeavingFeature {
    /// Ctrl-X: the menu, unless nothing was written yet; then there is nothing to keep or ask about.
    static func begin(_ session: inout SessionState, _ context: AppContext) -> [AppCommand] {
        guard SessionDrafts.holdsWriting(SessionDrafts.draft(of: session, context)) else { return leaveForNow(session, context) }
        session.leaving = LeavingState()
        return []
    }

    /// A key while the menu or its question is open. Nil when the menu closed for a key the
    /// session handles itself (Ctrl-G grounds where the person is).
    static func reduce(_ session: inout SessionState, _ key: Key, _ context: AppContext) -> [AppCommand]? {
        guard var leaving = session.leaving else { return [] }
        if leaving.confirmingDiscard {
            switch QuestionKeys.discard.action(for: key) {
            case .yes?:
                session.leaving = nil
                return discard(session, context)
            case .no?:
                session.leaving = leaving.askedDirectly ? nil : LeavingState(selected: 1)
            case .quit?:
                return quitKeepingDraft(&session, context)
            case .ground?:
                session.leaving = nil
                return nil
            case .help?, nil:
                break
            }
            return []
        }
        switch SessionKeys.leaving.action(for: key) {
        case .up?:
            leaving.selected = max(0, leaving.selected - 1)
        case .down?:
            leaving.selected = min(LeavingState.choices.count - 1, leaving.selected + 1)
        case .choose?:
            switch leaving.selected {
            case 0:
                session.leaving = nil
                return leaveForNow(session, context)
            case 1:
                leaving.confirmingDiscard = true
            default:
                session.leaving = nil
                return []
            }
        case .goOn?:
            session.leaving = nil
            return []
        case .quit?:
            return quitKeepingDraft(&session, context)
        case .ground?:
            session.leaving = nil
            return nil
        case .help?, nil:
            break
        }
        session.leaving = leaving
        return []
    }

    /// Ctrl-Q from the menu or its question: the session is kept as a draft, as everywhere.
    private static func quitKeepingDraft(_ session: inout SessionState, _ context: AppContext) -> [AppCommand] {
        session.leaving = nil
        return [.finish, .run(.saveDraft(SessionDrafts.draft(of: session, context)))]
    }

    /// Back to where the session began from: home, or the screen a grounding moment began on.
    private static func leaveScreen(_ session: SessionState) -> AppCommand { session.groundingMoment ? .pop : .goHome }

    static func leaveForNow(_ session: SessionState, _ context: AppContext) -> [AppCommand] {
        let draft = SessionDrafts.draft(of: session, context)
        guard SessionDrafts.holdsWriting(draft) else {
            return [leaveScreen(session), .notice("Nothing was written yet, so nothing was kept."),
                    .run(.discardDraft(draft.entryID, quietly: true)), .run(.loadHome)]
        }
        return [leaveScreen(session), .notice("Kept as a draft, with what you typed: r on the home screen resumes it."),
                .run(.saveDraft(draft)), .run(.loadHome)]
    }

    private static func discard(_ session: SessionState, _ context: AppContext) -> [AppCommand] {
        let draft = SessionDrafts.draft(of: session, context)
        guard SessionDrafts.holdsWriting(draft) else {
            return [leaveScreen(session), .notice("Nothing was written yet, so there was nothing to discard."),
                    .run(.discardDraft(draft.entryID, quietly: true)), .run(.loadHome)]
        }
        return [leaveScreen(session), .run(.discardSession(draft))]
    }
}

/// The leaving menu and the one question before discarding, drawn over the bottom of a screen.
enum LeavingView {
    static func render(_ leaving: LeavingState, title: String, into frame: inout Frame, theme: Theme) {
        if leaving.confirmingDiscard {
            renderQuestion("Discard this session (\(title))? It goes to the trash folder; u on the home screen brings it back.",
                           into: &frame, theme: theme)
            return
        }
        let area = frame.area.inset(horizontal: 2)
        let choices = LeavingState.choices
        let height = choices.count + 3
        var top = max(1, area.maxY - 1 - height)
        frame.buffer.fill(Rect(x: area.x, y: top, width: area.width, height: height))
        frame.buffer.put(String(repeating: "─", count: area.width), x: area.x, y: top, style: theme.quiet)
        top += 1
        frame.buffer.put("Leave this session?".truncated(toWidth: area.width), x: area.x, y: top, style: theme.prompt)
        for (index, choice) in choices.enumerated() {
            let marker = index == leaving.selected ? "▸ " : "  "
            frame.buffer.put((marker + choice).truncated(toWidth: area.width), x: area.x, y: top + 1 + index,
                             style: index == leaving.selected ? theme.selected : .plain)
        }
        frame.cursor = nil
    }

    /// A yes-or-no question in a band above the help line; the keys are on the help line.
    static func renderQuestion(_ question: String, into frame: inout Frame, theme: Theme) {
        let area = frame.area.inset(horizontal: 2)
        let lines = Paragraph.wrap(question, width: area.width)
        let height = lines.count + 2
        let top = max(1, area.maxY - 1 - height)
        frame.buffer.fill(Rect(x: area.x, y: top, width: area.width, height: height))
        frame.buffer.put(String(repeating: "─", count: area.width), x: area.x, y: top, style: theme.quiet)
        for (index, line) in lines.enumerated() {
            frame.buffer.put(line, x: area.x, y: top + 1 + index, style: theme.notice)
        }
        frame.cursor = nil
    }
}
