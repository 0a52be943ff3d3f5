import JournalCore
import TerminalUI

/// The home screen: the flows to begin, the unfinished session, the recent entries.
public struct HomeState: Hashable, Sendable {
    /// The flow highlighted.
    public var selection = ListState()
    public var selected: Int { selection.selected }
    /// `d` was pressed: the unfinished session is discarded only once this is answered.
    public var confirmingDiscard = false
    /// The last unfinished session moved to the trash, for `u`.
    public var lastDiscarded: DiscardedDraft?

    public init(selected: Int = 0) { selection = ListState(selected: selected) }
}

public enum HomeMsg: Hashable, Sendable {
    case key(Key)
    case draftDiscarded(DiscardedDraft)
    case draftRestored(Draft)
}

enum HomeFeature {
    static func reduce(_ home: inout HomeState, _ msg: HomeMsg, _ context: AppContext) -> [AppCommand] {
        switch msg {
        case .key(let key):
            if home.confirmingDiscard { return answerDiscardQuestion(&home, QuestionKeys.discard.action(for: key), context) }
            return reduceKey(&home, HomeKeys.map.action(for: key), context)
        case .draftDiscarded(let discarded):
            home.lastDiscarded = discarded
            return [.notice("\(discarded.title) moved to the trash. u brings it back."), .run(.loadHome)]
        case .draftRestored(let draft):
            home.lastDiscarded = nil
            return [.notice("\(context.flowTitle(draft.run)) is back: r resumes it."), .run(.loadHome)]
        }
    }

    private static func reduceKey(_ home: inout HomeState, _ action: HomeAction?, _ context: AppContext) -> [AppCommand] {
        let choices = context.homeChoices
        switch action {
        case .up?:
            home.selection.move(by: -1, count: choices.count)
        case .down?:
            home.selection.move(by: 1, count: choices.count)
        case .begin?:
            guard choices.indices.contains(home.selected) else { return [] }
            return [.startFlow(choices[home.selected].id, about: nil)]
        case .ground?:
            return [.groundHere]
        case .resumeDraft?, .saveDraftAsIs?:
            return resume(asIs: action == .saveDraftAsIs, context)
        case .discardDraft?:
            guard context.home.draft != nil else { return [] }
            home.confirmingDiscard = true // asked once before anything moves
        case .undo?:
            guard let discarded = home.lastDiscarded else { return [.notice("Nothing to undo.")] }
            return [.run(.restoreDraft(discarded))]
        case .entries?:
            return BrowseFeature.open(BrowseState(), context)
        case .search?:
            var browse = BrowseState()
            browse.typingQuery = true
            return BrowseFeature.open(browse, context)
        case .onThisDay?:
            var browse = BrowseState()
            browse.filter.onThisDay = CalendarDay(context.today())
            return BrowseFeature.open(browse, context)
        case .calendar?:
            return BrowseFeature.open(BrowseState(), context) + [.push(.calendar(CalendarState(day: CalendarDay(context.today()))))]
        case .parts?:
            return [.push(.parts(PartsState()))] + (context.journal == nil ? [.run(.loadEntries)] : [])
        case .selfEnergy?:
            return [.push(.selfEnergy(SelfEnergyState()))] + (context.journal == nil ? [.run(.loadEntries)] : [])
        case .followUp?:
            guard context.library.flow("follow-up") != nil else { return [.notice("The follow-up flow is not in your prompt library.")] }
            return [.startFlow("follow-up", about: nil)]
        case .quit?:
            return [.finish]
        case .help?, nil:
            break
        }
        return []
    }

    /// `r` resumes the unfinished session where it was; `s` takes it to the review as it is.
    private static func resume(asIs: Bool, _ context: AppContext) -> [AppCommand] {
        guard let draft = context.home.draft else { return [] }
        guard context.library.flow(draft.run.rootFlowID) != nil else {
            return [.notice("The flow of that session ('\(draft.run.rootFlowID)') is not available; the draft is kept.")]
        }
        var session = SessionState(run: draft.run, entryID: draft.entryID)
        if draft.run.isFinished { return [.push(.session(session))] + SessionFeature.goToReview(session, context) } // it was waiting at the review
        SessionLogic.prepareInput(&session, engine: context.engine, now: context.now)
        if let pending = draft.pendingAnswer { session.input = SessionLogic.withEditedText(pending, input: session.input) }
        session.savedPending = draft.pendingAnswer
        if asIs { return [.push(.session(session))] + SessionFeature.finishNow(&session, context) } // the review comes before saving
        return [.push(.session(session))]
    }

    /// `d` asks first; the answer comes here.
    private static func answerDiscardQuestion(_ home: inout HomeState, _ action: QuestionAction?, _ context: AppContext) -> [AppCommand] {
        switch action {
        case .yes?:
            home.confirmingDiscard = false
            guard let draft = context.home.draft else { return [] }
            return [.run(.discardDraft(draft.entryID, quietly: false))]
        case .quit?:
            home.confirmingDiscard = false
            return [.finish]
        case .ground?:
            home.confirmingDiscard = false
            return [.groundHere]
        case .no?:
            home.confirmingDiscard = false
            return [.notice("The unfinished session is kept.")]
        case .help?, nil:
            return []
        }
    }
}
