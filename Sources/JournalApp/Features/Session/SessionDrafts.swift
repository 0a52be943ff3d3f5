import JournalCore

/// A session as the draft kept on disk.
enum SessionDrafts {
    /// The session as a draft, with the answer being typed. During a grounding break it is the
    /// session as it was at the interrupted step (the grounding answers kept), with the answer
    /// that was set aside, so a closed terminal loses nothing and resumes where the person was.
    static func draft(of session: SessionState, _ context: AppContext) -> Draft {
        draft(of: session, savedAt: context.today())
    }

    static func draft(of session: SessionState, savedAt: LocalDateTime) -> Draft {
        var run = session.run
        if let depth = session.groundingDepth, run.frames.count > depth {
            run.frames.removeSubrange(depth...)
        }
        // During a grounding break the unfinished answer is the one set aside, never the
        // grounding's own (its steps are not part of the draft).
        let unfinished = session.groundingDepth != nil ? session.pausedInput : (session.pausedInput ?? session.input)
        let pending = unfinished.flatMap(SessionLogic.editableText).flatMap { $0.isEmpty ? nil : $0 }
        return Draft(entryID: session.entryID, savedAt: savedAt, run: run, pendingAnswer: pending)
    }

    /// The session a screen holds (a step or the review), as a draft; nil for other screens.
    static func draft(of screen: Screen, savedAt: LocalDateTime) -> Draft? {
        switch screen {
        case .session(let session): return draft(of: session, savedAt: savedAt)
        case .review(let review): return draft(of: review.session, savedAt: savedAt)
        case .welcome, .home, .saved, .browse, .reader, .calendar, .parts, .part, .selfEnergy, .partsMap: return nil
        }
    }

    /// Whether anything in the session would be lost by dropping it: an answer, or words typed.
    static func holdsWriting(_ draft: Draft) -> Bool {
        !draft.run.answers.isEmpty || !(draft.pendingAnswer ?? "").trimmingWhitespace().isEmpty
    }
}
