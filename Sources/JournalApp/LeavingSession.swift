import JournalCore
import TerminalUI

/// Leaving a session before its end, and discarding an unfinished one: Ctrl-X in a session or
/// the review, `d` in the review and on the home screen. Discarding asks once, moves the draft
/// to the trash, and `u` on the home screen brings it back.
extension HavenApp {
    /// The session shown (a step or the review), if any.
    private var sessionOnScreen: SessionState? {
        switch state.screen {
        case .session(let session): return session
        case .review(let review): return review.session
        default: return nil
        }
    }

    /// Whether anything in the session would be lost by dropping it: an answer, or words typed.
    private func holdsWriting(_ draft: Draft) -> Bool {
        !draft.run.answers.isEmpty || !(draft.pendingAnswer ?? "").trimmingWhitespace().isEmpty
    }

    func flowTitle(_ run: FlowRun) -> String {
        environment.library.flow(run.rootFlowID)?.title ?? run.rootFlowID
    }

    /// Ctrl-X: the menu, unless nothing was written yet; then there is nothing to keep or ask about.
    func beginLeaving(_ session: SessionState) -> [AppEffect] {
        guard holdsWriting(draft(of: session)) else { return leaveForNow(session) }
        state.leaving = LeavingState()
        return []
    }

    func handleLeaving(_ action: AppAction?, leaving current: LeavingState) -> [AppEffect] {
        guard let session = sessionOnScreen else {
            state.leaving = nil
            return []
        }
        var leaving = current
        if leaving.confirmingDiscard {
            switch action {
            case .confirm:
                state.leaving = nil
                return discard(session)
            case .cancel:
                state.leaving = leaving.askedDirectly ? nil : LeavingState(selected: 1)
            case .quit:
                return quitKeepingDraft()
            case .ground:
                state.leaving = nil
                return groundFromLeaving()
            default:
                break
            }
            return []
        }
        switch action {
        case .up:
            leaving.selected = max(0, leaving.selected - 1)
        case .down:
            leaving.selected = min(LeavingState.choices.count - 1, leaving.selected + 1)
        case .select:
            switch leaving.selected {
            case 0:
                state.leaving = nil
                return leaveForNow(session)
            case 1:
                leaving.confirmingDiscard = true
            default:
                state.leaving = nil
                return []
            }
        case .cancel:
            state.leaving = nil
            return []
        case .quit:
            return quitKeepingDraft()
        case .ground:
            state.leaving = nil
            return groundFromLeaving()
        default:
            break
        }
        state.leaving = leaving
        return []
    }

    private func quitKeepingDraft() -> [AppEffect] {
        state.leaving = nil
        state.finished = true
        return currentDraft().map { [.saveDraft($0)] } ?? []
    }

    /// Grounding asked for from the menu: the menu closes and grounding begins where the person is.
    private func groundFromLeaving() -> [AppEffect] {
        update(.key(.control("g")))
    }

    /// Back to where the session began from (home, or the screen a grounding moment began on).
    private func leaveScreen() {
        state.screen = state.groundingOrigin ?? .home(selected: 0)
        state.groundingOrigin = nil
    }

    func leaveForNow(_ session: SessionState) -> [AppEffect] {
        let draft = self.draft(of: session)
        leaveScreen()
        guard holdsWriting(draft) else {
            state.notice = "Nothing was written yet, so nothing was kept."
            return [.discardDraft(draft.entryID, quietly: true), .loadHome]
        }
        state.notice = "Kept as a draft, with what you typed: r on the home screen resumes it."
        return [.saveDraft(draft), .loadHome]
    }

    private func discard(_ session: SessionState) -> [AppEffect] {
        let draft = self.draft(of: session)
        leaveScreen()
        guard holdsWriting(draft) else {
            state.notice = "Nothing was written yet, so there was nothing to discard."
            return [.discardDraft(draft.entryID, quietly: true), .loadHome]
        }
        return [.discardSession(draft)]
    }

    /// `d` on the home screen asks first; the answer comes here.
    func handleHomeDiscardQuestion(_ action: AppAction?) -> [AppEffect] {
        switch action {
        case .confirm:
            state.confirmingHomeDiscard = false
            guard let draft = state.home.draft else { return [] }
            return [.discardDraft(draft.entryID, quietly: false)]
        case .quit:
            state.confirmingHomeDiscard = false
            state.finished = true
        case .ground:
            state.confirmingHomeDiscard = false
            return groundFromScreen()
        case .cancel:
            state.confirmingHomeDiscard = false
            state.notice = "The unfinished session is kept."
        default:
            break
        }
        return []
    }

    /// `u` on the home screen.
    func undoDiscard() -> [AppEffect] {
        guard let discarded = state.lastDiscardedDraft else {
            state.notice = "Nothing to undo."
            return []
        }
        return [.restoreDraft(discarded)]
    }

    func performLeaving(_ effect: AppEffect) -> [AppMsg]? {
        let store = environment.store
        switch effect {
        case .discardDraft(let id, let quietly):
            do {
                let title = state.home.draft.map { flowTitle($0.run) } ?? "the session"
                let trashPath = try store.discardDraft(id)
                return quietly ? [] : [.draftDiscarded(DiscardedDraft(entryID: id, trashPath: trashPath, title: title))]
            } catch {
                // Haven's own drafts (a grounding moment's) may never have been written: nothing to say.
                return quietly ? [] : [.storeFailed("Could not move the draft: \(error)")]
            }
        case .discardSession(let draft):
            do {
                // What is on screen now goes to the trash, so undo gives back exactly this.
                try store.saveDraft(draft)
                let trashPath = try store.discardDraft(draft.entryID)
                return [.draftDiscarded(DiscardedDraft(entryID: draft.entryID, trashPath: trashPath, title: flowTitle(draft.run)))]
            } catch {
                return [.storeFailed("Could not discard the session (\(error)); it is kept as a draft.")] + loadHome()
            }
        case .restoreDraft(let discarded):
            do {
                return [.draftRestored(try store.restoreDraft(fromTrash: discarded.trashPath))]
            } catch {
                return [.storeFailed("Could not bring the session back: \(error). It is in \(discarded.trashPath).")]
            }
        default:
            return nil
        }
    }

    func updateLeaving(_ msg: AppMsg) -> [AppEffect]? {
        switch msg {
        case .draftDiscarded(let discarded):
            state.lastDiscardedDraft = discarded
            state.notice = "\(discarded.title) moved to the trash. u brings it back."
            return [.loadHome]
        case .draftRestored(let draft):
            state.lastDiscardedDraft = nil
            state.notice = "\(flowTitle(draft.run)) is back: r resumes it."
            return [.loadHome]
        default:
            return nil
        }
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
