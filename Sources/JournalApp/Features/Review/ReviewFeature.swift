import JournalCore
import TerminalUI

/// The review before saving: the entry as it will be written, an answer picked to change, the
/// entry's details (tags, title, date), save, discard, or grounding over it.
enum ReviewFeature {
    static func reduce(_ review: inout ReviewState, _ key: Key, _ context: AppContext) -> [AppCommand] {
        if review.session.leaving != nil, let commands = LeavingFeature.reduce(&review.session, key, context) { return commands }
        if review.detail != nil {
            let action = ReviewKeys.detail.action(for: key)
            if action != .ground, action != .quit { return ReviewDetails.reduce(&review, key, action, context) }
        }
        let action = ReviewKeys.map.action(for: key)
        let engine = context.engine
        let answers = reviewableAnswers(review.session.run)
        let page = max(1, context.size.height - 6)
        switch action {
        case .editTags?: ReviewDetails.open(.tags, &review, context)
        case .editTitle?: ReviewDetails.open(.title, &review, context)
        case .editDate?: ReviewDetails.open(.when, &review, context)
        case .save?:
            return [.run(.saveSession(review.session.run, review.session.entryID))]
        case .up?:
            review.selected = max(0, review.selected - 1)
            review.followSelection = true
        case .down?:
            review.selected = min(max(0, answers.count - 1), review.selected + 1)
            review.followSelection = true
        case .scrollUp?:
            review.scroll = max(0, ReviewLayout.top(of: review, size: context.size) - page)
            review.followSelection = false
        case .scrollDown?:
            review.scroll = ReviewLayout.top(of: review, size: context.size) + page
            review.followSelection = false
        case .change?, .back?:
            // Go back through the session to the chosen answer (or the last step); the later
            // answers are offered again on the way forward.
            var session = review.session
            let target = action == .change && answers.indices.contains(review.selected) ? answers[review.selected].index : nil
            if engine.back(&session.run) {
                if let target {
                    while session.run.answers.count > target, engine.back(&session.run) {}
                }
                while let step = engine.currentStep(session.run), !step.step.kind.takesAnswer, engine.back(&session.run) {}
                SessionLogic.prepareInput(&session, engine: engine, now: context.now)
                return [.replace(.session(session))]
            }
        case .ground?:
            // Grounding runs on top of the finished session; its end offers the review again,
            // with a detail being typed still open.
            var session = review.session
            session.reviewDetail = review.detail
            let commands = GroundingBreak.begin(&session, context)
            return [.replace(.session(session))] + commands
        case .quit?:
            return [.finish, .run(.saveDraft(Draft(entryID: review.session.entryID, savedAt: context.today(), run: review.session.run)))]
        case .leave?:
            review.session.leaving = LeavingState()
        case .discard?:
            review.session.leaving = LeavingState(confirmingDiscard: true, askedDirectly: true)
        case .help?, nil:
            break
        }
        return []
    }

    /// Answers that can be changed from the review, with their index in the run.
    static func reviewableAnswers(_ run: FlowRun) -> [(index: Int, answer: RecordedAnswer)] {
        run.answers.enumerated().compactMap { index, answer in
            if case .skipped = answer.value { return nil }
            return (index, answer)
        }
    }
}
