import JournalCore
import TerminalUI

/// What a session's screen is told.
public enum SessionMsg: Hashable, Sendable {
    case key(Key)
    case paste(String)
    /// The external editor came back with the answer's text.
    case editorReturned(String)
    /// A tick: the unfinished answer may be due to go into the draft.
    case tick
}

/// A guided session, one step at a time: answering, going back, skipping, grounding breaks
/// and the offer that ends them, finishing early, and the autosave of what is being typed.
enum SessionFeature {
    /// Every few seconds while an answer is being typed, the draft takes the unfinished text too,
    /// so even a killed terminal loses at most a few seconds of writing.
    static let autosaveMilliseconds = 5_000

    static func reduce(_ session: inout SessionState, _ msg: SessionMsg, _ context: AppContext) -> [AppCommand] {
        switch msg {
        case .key(let key):
            // The menu closes for Ctrl-G, which then grounds as on the step.
            if session.leaving != nil, let commands = LeavingFeature.reduce(&session, key, context) { return commands }
            if let offer = session.offer { return GroundingBreak.reduceOffer(offer, key, &session, context) }
            return reduceKey(key, SessionKeys.stepMap(session, context.engine).action(for: key), &session, context)
        case .paste(let text):
            session.input = SessionLogic.paste(text, into: session.input)
            return []
        case .editorReturned(let text):
            session.input = SessionLogic.withEditedText(text, input: session.input)
            return []
        case .tick:
            guard context.now - session.savedAt >= autosaveMilliseconds,
                  let pending = SessionLogic.editableText(session.input), pending != (session.savedPending ?? "") else { return [] }
            session.savedPending = pending
            session.savedAt = context.now
            return [.run(.saveDraft(SessionDrafts.draft(of: session, context)))]
        }
    }

    /// Begins a flow at `moment`; `about` a part (from its page), given as the answer to the
    /// flow's own "which part?" question when it comes, so the flow knows which part it began
    /// about (and a move of focus is seen).
    static func start(flowID: String, about part: PartID?, at moment: LocalDateTime, _ context: AppContext) throws -> SessionState {
        let run = try context.engine.start(flowID: flowID, at: moment)
        var session = SessionState(run: run, entryID: context.environment.ids.make(at: moment))
        session.aboutPart = part
        SessionLogic.prepareInput(&session, engine: context.engine, now: context.now)
        return session
    }

    private static func reduceKey(_ key: Key, _ action: SessionAction?, _ session: inout SessionState, _ context: AppContext) -> [AppCommand] {
        let engine = context.engine
        if action != .pageUp && action != .pageDown { session.pageScroll = nil } // back to following the answer
        switch action {
        case .pageUp?, .pageDown?:
            SessionPaging.page(key: key, up: action == .pageUp, &session, context)
            return []
        case .quit?:
            return [.finish, .run(.saveDraft(SessionDrafts.draft(of: session, context)))]
        case .ground?:
            if session.groundingDepth != nil || session.run.frames.contains(where: { $0.flowID == "grounding" }) {
                session.hint = "You are already grounding; take your time."
                return []
            }
            return GroundingBreak.begin(&session, context)
        case .back?:
            goBack(&session, context)
            return []
        case .skip?:
            return answer(.skip, &session, context)
        case .finish?:
            return finishNow(&session, context)
        case .leave?:
            return LeavingFeature.begin(&session, context)
        case .openEditor?:
            guard let text = SessionLogic.editableText(session.input) else { return [] }
            return [.run(.openEditor(text))]
        case .next?:
            guard let step = engine.currentStep(session.run) else { return goToReview(session, context) }
            switch SessionLogic.answerInput(for: step, input: session.input, engine: engine, run: session.run) {
            case .success(.partNamed(let name)) where PartNameCheck.isDoubtful(name) && session.askedAboutName != name:
                // More likely a slip than a part's name: asked once; Enter again uses it.
                session.askedAboutName = name
                session.hint = PartNameCheck.question(name, confirm: "Enter again")
                return []
            case .success(let input):
                session.askedAboutName = nil
                return answer(input, &session, context)
            case .failure(let error):
                session.hint = error.message
                return []
            }
        case .help?:
            return [] // the app opens the help screen
        case .up?, .down?, .left?, .right?, .tick?, nil:
            guard let step = engine.currentStep(session.run) else { return [] }
            let layout = SessionLayout.inputArea(size: context.size)
            let result = SessionLogic.edit(key: key, action: action, step: step, input: session.input,
                                           width: layout.width, height: layout.height, parts: engine.parts(run: session.run))
            session.input = result.input
            if result.submit { return reduceKey(.enter, .next, &session, context) }
            return []
        }
    }

    /// Back to the last thing answered; what was typed here is offered again on the way back.
    private static func goBack(_ session: inout SessionState, _ context: AppContext) {
        let engine = context.engine
        let pending = SessionLogic.pendingAnswer(session: session, engine: engine).flatMap { engine.valuePreview($0, run: session.run) }
        guard engine.back(&session.run, pending: pending) else {
            session.hint = "This is the first step."
            return
        }
        // Pass back over messages and pauses to the last thing answered.
        while let step = engine.currentStep(session.run), !step.step.kind.takesAnswer, engine.back(&session.run) {}
        var leftBreak = false
        if let depth = session.groundingDepth, session.run.frames.count <= depth {
            session.groundingDepth = nil
            leftBreak = true
        }
        SessionLogic.prepareInput(&session, engine: engine, now: context.now)
        if leftBreak, let paused = session.pausedInput { session.input = paused } // back where they were
        if leftBreak { session.pausedInput = nil }
    }

    /// "Save and finish": what is typed on this step counts, answers taken back with "back" are
    /// given again while their steps come round, then the review.
    static func finishNow(_ session: inout SessionState, _ context: AppContext) -> [AppCommand] {
        let engine = context.engine
        if let depth = session.groundingDepth {
            // Finishing in the middle of a grounding break: leave it, and the answer set aside
            // at the interrupted step counts.
            if session.run.frames.count > depth { session.run.frames.removeSubrange(depth...) }
            session.groundingDepth = nil
            if let paused = session.pausedInput { session.input = paused }
            session.pausedInput = nil
        }
        if let pending = SessionLogic.pendingAnswer(session: session, engine: engine) {
            try? engine.answer(pending, run: &session.run)
        }
        engine.replayUndone(&session.run)
        engine.finish(&session.run)
        return goToReview(session, context)
    }

    /// Gives the engine an answer; on success saves the draft and moves on.
    static func answer(_ input: AnswerInput, _ session: inout SessionState, _ context: AppContext) -> [AppCommand] {
        do {
            try context.engine.answer(input, run: &session.run)
        } catch {
            session.hint = error.message
            return []
        }
        session.hint = nil
        session.savedPending = nil
        session.savedAt = context.now
        // The answer is in the run now: the draft must not also carry its text as the unfinished
        // answer, or a resume after a crash would offer it to the next question.
        var answered = session
        answered.input = .none
        let draft = AppCommand.run(.saveDraft(SessionDrafts.draft(of: answered, context)))
        if let depth = session.groundingDepth, session.run.frames.count <= depth {
            // The grounding break is over: offer to go back, or to save.
            session.groundingDepth = nil
            session.offer = session.run.isFinished ? .backToReview : .backToStep
            session.returnChoice = 0
            return [draft]
        }
        if session.run.isFinished {
            if session.groundingMoment {
                session.offer = .backToScreen
                session.returnChoice = 0
                return [draft]
            }
            return [draft] + goToReview(session, context)
        }
        SessionLogic.prepareInput(&session, engine: context.engine, now: context.now)
        return [draft]
    }

    static func goToReview(_ current: SessionState, _ context: AppContext) -> [AppCommand] {
        var session = current
        let entry = context.engine.outcome(session.run, entryID: session.entryID).entry
        var review = ReviewState(session: session, entryText: EntryFormat.render(entry))
        review.detail = session.reviewDetail
        review.session.reviewDetail = nil
        session.reviewDetail = nil
        // What was just submitted on the way is now only in memory: keep it on disk too.
        return (session.run.endNote.map { [AppCommand.notice($0)] } ?? [])
            + [.replace(.review(review)), .run(.saveDraft(SessionDrafts.draft(of: session, context)))]
    }
}
