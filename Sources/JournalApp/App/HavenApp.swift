import JournalCore
import TerminalUI

/// The full-screen app as an Elm-style program. `update` hands each message to the feature it is
/// for (the screen on top of the navigation stack, for keys) and applies the commands it returns;
/// `view` draws the screen on top; `perform` runs effects through the one effect runner.
public final class HavenApp: Program {
    public internal(set) var state: AppState
    let environment: AppEnvironment
    private(set) var engine: FlowEngine
    /// The titles flows gave entries, passed over in lists in favour of the person's words.
    let generatedTitles: GeneratedTitles
    private let runner: EffectRunner

    /// The smallest window the app draws in; below it, it says so instead.
    public static let minimumSize = Size(width: 40, height: 12)

    public init(environment: AppEnvironment, size: Size) {
        self.environment = environment
        engine = FlowEngine(library: environment.library, knownParts: [])
        generatedTitles = GeneratedTitles(flows: environment.library.flows.values.map { ($0.id, $0.title, $0.entryTitle) })
        runner = EffectRunner(environment: environment, generatedTitles: generatedTitles)
        state = AppState(size: size, screen: environment.welcomeSeen() ? .home(HomeState()) : .welcome)
        state.now = environment.monotonicMilliseconds()
        state.lastJournalRead = state.now // the start effects read it
    }

    /// What reducers and views read: built fresh, so it always matches the state.
    var context: AppContext {
        AppContext(environment: environment, engine: engine, home: state.home, journal: state.journal,
                   partActivity: state.partActivity ?? [:], size: state.size, now: state.now, generatedTitles: generatedTitles,
                   notice: state.notice)
    }

    /// Effects to run before the first frame.
    public var startEffects: [AppEffect] { [.loadHome] }

    /// Opens a flow straight away (`haven write --flow ID`), past the welcome and home screens;
    /// `at` dates it in the past (`--date`).
    public func begin(flowID: String, at moment: LocalDateTime? = nil) -> [AppEffect] {
        state.pendingDate = moment
        if case .welcome = state.screen {
            state.pendingFlowID = flowID // the welcome comes first, once
            return []
        }
        return apply([.startFlow(flowID, about: nil)])
    }

    public var isFinished: Bool { state.finished }

    /// The flows offered on the home screen: the daily check-in first.
    public var homeChoices: [Flow] { context.homeChoices }

    /// The listed flows that begin by asking which part they are about.
    public var flowsAboutAPart: [Flow] { context.flowsAboutAPart }

    // MARK: Program

    public func message(for event: InputEvent) -> AppMsg? {
        switch event {
        case .key(let key): return .key(key)
        case .paste(let text): return .paste(text)
        case .resize(let size): return .resize(size)
        case .tick: return .tick(environment.monotonicMilliseconds())
        }
    }

    public func update(_ msg: AppMsg) -> [AppEffect] {
        let wasFinished = state.finished
        let shownBefore = JournalRefresh.view(of: state.screen)
        var effects = apply(route(msg))
        // Another program may have written, imported or edited meanwhile: the journal is read
        // again whenever the home screen or the entries list comes up (each file is checked).
        let shown = JournalRefresh.view(of: state.screen)
        if shown != shownBefore, shown != nil {
            effects += JournalRefresh.effects(for: shown, alreadyAsked: effects)
            state.lastJournalRead = state.now
        }
        // Whichever way the app ends, unsaved typing in a part form, or in a reader left behind
        // a grounding break, is kept (a reader on screen asks about its note first).
        if !wasFinished, state.finished { effects += keepingWhatIsUnsaved() }
        workOutPartActivityIfShown()
        return effects
    }

    public func perform(_ effect: AppEffect, terminal: Terminal) -> [AppMsg] {
        runner.perform(effect, journal: state.journal, home: state.home, terminal: terminal)
    }

    /// Whether the last stop on a signal kept a session as a draft (for the message after it).
    public private(set) var keptDraftOnSignal = false

    public func handleSignal(_ signal: Int32) {
        // Leaving on a signal: everything unsaved is kept, synchronously, before anything else.
        let readers = state.navigation.screens.compactMap { screen -> ReaderState? in
            if case .reader(let reader) = screen, ReaderFeature.holdsUnsavedText(reader) { return reader }
            return nil
        }
        keptDraftOnSignal = runner.keepOnSignal(draft: currentDraft(), readers: readers, partForms: openPartForms(),
                                                journal: state.journal)
        state.finished = true
    }

    /// The session on screen (a step or the review), as a draft; nil when there is none.
    func currentDraft() -> Draft? { SessionDrafts.draft(of: state.screen, savedAt: environment.clock.now()) }

    // MARK: Messages

    private func route(_ msg: AppMsg) -> [AppCommand] {
        switch msg {
        case .key(let key):
            return handleKey(key)
        case .paste(let text):
            return updateTop(session: .paste(text))
        case .resize(let size):
            state.size = size
            return []
        case .tick(let now):
            state.now = now
            // And while one of them stays up, every few seconds.
            if let shown = JournalRefresh.view(of: state.screen), now - state.lastJournalRead >= JournalRefresh.intervalMilliseconds {
                state.lastJournalRead = now
                return .run(JournalRefresh.effects(for: shown, alreadyAsked: []))
            }
            return updateTop(session: .tick)
        case .homeLoaded(let home):
            guard home != state.home else { return [] } // read again, unchanged
            state.home = home
            engine = FlowEngine(library: environment.library, knownParts: home.parts, safetyPlan: home.safetyPlan)
            state.partActivity = nil // the aliases may have changed
            if case .home(var shown) = state.screen {
                shown.selection.clamp(count: context.homeChoices.count)
                state.navigation.top = .home(shown)
            }
            return []
        case .entriesLoaded(let journal):
            guard state.journal != journal else { return [] } // read again, unchanged: nothing moves
            state.journal = journal
            state.partActivity = nil
            let context = self.context // read before the stack is changed
            BrowseFeature.journalReloaded(&state.navigation, context)
            return []
        case .draftSaved:
            return []
        case .storeFailed(let message), .done(let message), .editorFailed(let message):
            return [.notice(message)]
        case .sessionSaved(let saved):
            return [.replace(.saved(saved)), .run(.loadHome)]
        case .nothingToSave:
            return [.goHome, .notice("Nothing was answered, so no entry was saved."), .run(.loadHome)]
        case .home(let msg):
            let context = self.context
            return state.navigation.updateNearest(HomeState.self) { HomeFeature.reduce(&$0, msg, context) } ?? []
        case .session(let msg):
            return updateTop(session: msg)
        case .browse(let msg):
            let context = self.context
            return BrowseFeature.receive(msg, &state.navigation, context)
        case .reader(let msg):
            var reader: ReaderState?
            if case .reader(let shown) = state.screen { reader = shown }
            let commands = ReaderFeature.receive(&reader, msg)
            if let reader { state.navigation.top = .reader(reader) }
            return commands
        case .parts(let msg):
            // Deleted from its page: back to where the page was opened from.
            if case .partDeleted = msg, case .part = state.screen { state.navigation.pop() }
            return state.navigation.updateNearest(PartsState.self) { PartsFeature.receive(&$0, msg) } ?? PartsFeature.receiveAway(msg)
        case .partForm(let msg):
            guard case .part(var page) = state.screen else { return PartFormFeature.receiveAway(msg) }
            let commands = PartFormFeature.receive(&page, msg)
            state.navigation.top = .part(page)
            return commands
        }
    }

    /// A session's message, when a session is on screen.
    private func updateTop(session msg: SessionMsg) -> [AppCommand] {
        guard case .session(var session) = state.screen else { return [] }
        let commands = SessionFeature.reduce(&session, msg, context)
        state.navigation.top = .session(session)
        return commands
    }

    // MARK: Commands

    func apply(_ commands: [AppCommand]) -> [AppEffect] {
        var effects: [AppEffect] = []
        for command in commands {
            switch command {
            case .run(let effect): effects.append(effect)
            case .push(let screen): state.navigation.push(screen)
            case .pop: state.navigation.pop()
            case .replace(let screen): state.navigation.replace(with: screen)
            case .goHome: goHome()
            case .notice(let text): state.notice = text
            case .finish: state.finished = true
            case .showHelp:
                state.showHelp = true
                state.helpScroll = 0
            case .startFlow(let flowID, let part):
                guard let session = newSession(flowID, about: part) else { break }
                goHome()
                state.navigation.push(.session(session))
                if !session.run.answers.isEmpty { effects.append(.saveDraft(SessionDrafts.draft(of: session, context))) }
            case .groundHere:
                guard var session = newSession("grounding", about: nil) else { break }
                session.groundingMoment = true
                state.navigation.push(.session(session))
            case .closeUnderneath:
                effects += keepingWhatIsUnsaved()
                let top = state.screen
                goHome()
                state.navigation.push(top)
            }
        }
        return effects
    }

    private func newSession(_ flowID: String, about part: PartID?) -> SessionState? {
        let moment = state.pendingDate ?? environment.clock.now()
        state.pendingDate = nil
        do {
            return try SessionFeature.start(flowID: flowID, about: part, at: moment, context)
        } catch {
            state.notice = "\(error)"
            return nil
        }
    }

    /// The home screen alone, its first choice picked (what it keeps for undo stays).
    private func goHome() {
        var home = HomeState()
        if case .home(let first) = state.navigation.screens[0] { home.lastDiscarded = first.lastDiscarded }
        state.navigation.reset(to: .home(home))
    }

    /// The parts screens show how present each part is: worked out when one of them comes up
    /// and the journal or the parts were read since, so start-up and reloads never pay for it.
    private func workOutPartActivityIfShown() {
        guard state.partActivity == nil else { return }
        switch state.screen {
        case .parts, .part, .partsMap:
            state.partActivity = PartActivity.of(state.journal?.entries ?? [], aliases: state.home.aliases)
        case .welcome, .home, .session, .review, .saved, .browse, .reader, .calendar, .selfEnergy:
            break
        }
    }

    /// The effects that keep what is typed and unsaved when the screens holding it go (the app
    /// ends, or they close under a grounding moment kept as an entry): every open part form is
    /// saved, and a reader's note or edit under the top screen is kept in its entry (a reader on
    /// top asks about it first).
    func keepingWhatIsUnsaved() -> [AppEffect] {
        var effects = openPartForms().map(AppEffect.rescuePartForm)
        for case .reader(let reader) in state.navigation.screens.dropLast() where ReaderFeature.holdsUnsavedText(reader) {
            effects.append(.keepReaderText(reader))
        }
        return effects
    }

    /// The changes of every part form left open in the stack.
    private func openPartForms() -> [PartFormChanges] {
        state.navigation.screens.compactMap { screen in
            if case .part(let page) = screen, let form = page.form, !form.changes.isEmpty { return form.changes }
            return nil
        }
    }
}
