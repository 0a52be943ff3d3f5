import JournalCore
import TerminalUI

/// Ctrl-G inside a session: the grounding flow runs on top of it, the answer being typed set
/// aside; when it ends, the offer to go back or to save.
enum GroundingBreak {
    static func begin(_ session: inout SessionState, _ context: AppContext) -> [AppCommand] {
        do {
            let depth = session.run.frames.count
            let wasFinished = session.run.isFinished
            try context.engine.interrupt(with: "grounding", run: &session.run)
            session.groundingDepth = depth
            if session.pausedInput == nil && !wasFinished { session.pausedInput = session.input }
            SessionLogic.prepareInput(&session, engine: context.engine, now: context.now)
            // What was typed before the break is kept at once, not only after a grounding answer.
            return [.run(.saveDraft(SessionDrafts.draft(of: session, context)))]
        } catch {
            return [.notice("Grounding is not available: \(error)")]
        }
    }

    static func reduceOffer(_ offer: ReturnOffer, _ key: Key, _ session: inout SessionState,
                            _ context: AppContext) -> [AppCommand] {
        switch SessionKeys.returnOffer.action(for: key) {
        case .up?, .down?:
            session.returnChoice = 1 - session.returnChoice
        case .quit?:
            return [.finish, .run(.saveDraft(SessionDrafts.draft(of: session, context)))]
        case .ground?:
            session.offer = nil
            return begin(&session, context)
        case .leave?:
            return LeavingFeature.begin(&session, context)
        case .choose?:
            session.offer = nil
            switch (offer, session.returnChoice) {
            case (.backToStep, 0):
                SessionLogic.prepareInput(&session, engine: context.engine, now: context.now)
                if let paused = session.pausedInput { session.input = paused }
                session.pausedInput = nil
            case (.backToStep, _):
                if let paused = session.pausedInput { session.input = paused }
                session.pausedInput = nil
                return SessionFeature.finishNow(&session, context)
            case (.backToReview, 0):
                return SessionFeature.goToReview(session, context)
            case (.backToReview, _):
                return [.run(.saveSession(session.run, session.entryID))]
            case (.backToScreen, 0):
                // The grounding moment's own draft: nothing the person left unfinished, so no word about it.
                return [.pop, .run(.discardDraft(session.entryID, quietly: true))]
            case (.backToScreen, _):
                // Kept as an entry: the screens it began over close (what they hold unsaved is kept).
                session.groundingMoment = false
                return [.closeUnderneath] + SessionFeature.goToReview(session, context)
            }
        case .help?, nil:
            break
        }
        return []
    }
}
