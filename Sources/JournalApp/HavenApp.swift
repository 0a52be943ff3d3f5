import JournalCore
import TerminalUI

/// The full-screen app as an Elm-style program: `update` changes `state` and returns effects,
/// `view` draws the state, `perform` runs effects against the store and the editor.
public final class HavenApp: Program {
    public internal(set) var state: AppState
    let environment: AppEnvironment
    private(set) var engine: FlowEngine
    /// The titles flows gave entries, passed over in lists in favour of the person's words.
    let generatedTitles: GeneratedTitles

    /// The smallest window the app draws in; below it, it says so instead.
    public static let minimumSize = Size(width: 40, height: 12)

    public init(environment: AppEnvironment, size: Size) {
        self.environment = environment
        engine = FlowEngine(library: environment.library, knownParts: [])
        generatedTitles = GeneratedTitles(flows: environment.library.flows.values.map { ($0.id, $0.title, $0.entryTitle) })
        state = AppState(size: size, screen: environment.welcomeSeen() ? .home(selected: 0) : .welcome)
        state.now = environment.monotonicMilliseconds()
        state.lastJournalRead = state.now // the start effects read it
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
        return startSession(flowID: flowID)
    }

    public var isFinished: Bool { state.finished }

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
        var effects = route(msg)
        // Another program may have written, imported or edited meanwhile: the journal is read
        // again whenever the home screen or the entries list comes up (each file is checked).
        let shown = JournalRefresh.view(of: state.screen)
        if shown != shownBefore, shown != nil {
            effects += JournalRefresh.effects(for: shown, alreadyAsked: effects)
            state.lastJournalRead = state.now
        }
        // Whichever way the app ends, unsaved typing left behind a grounding break, or in a part
        // form, is kept (on screen, a reader's note is asked about first).
        if !wasFinished, state.finished {
            if let changes = pendingPartForm() { effects.append(.rescuePartForm(changes)) }
            if let reader = pendingReader(includingScreen: false) { effects.append(.keepReaderText(reader)) }
        }
        return effects
    }

    private func route(_ msg: AppMsg) -> [AppEffect] {
        if let effects = updateBrowse(msg) { return effects }
        if let effects = updatePartEdit(msg) { return effects }
        if let effects = updateLeaving(msg) { return effects }
        if let effects = updatePartDelete(msg) { return effects }
        switch msg {
        case .resize(let size):
            state.size = size
            return []
        case .tick(let now):
            state.now = now
            // And while one of them stays up, every few seconds.
            if let shown = JournalRefresh.view(of: state.screen), now - state.lastJournalRead >= JournalRefresh.intervalMilliseconds {
                state.lastJournalRead = now
                return JournalRefresh.effects(for: shown, alreadyAsked: [])
            }
            return autosave()
        case .homeLoaded(let home):
            guard home != state.home else { return [] } // read again, unchanged
            state.home = home
            state.partActivity = nil // the aliases may have changed
            engine = FlowEngine(library: environment.library, knownParts: home.parts, safetyPlan: home.safetyPlan)
            if case .home(let selected) = state.screen { state.screen = .home(selected: min(selected, homeChoices.count - 1)) }
            return []
        case .draftSaved:
            return []
        case .storeFailed(let message):
            state.notice = message
            return []
        case .sessionSaved(let saved):
            state.screen = .saved(saved)
            return [.loadHome]
        case .nothingToSave:
            state.screen = .home(selected: 0)
            state.notice = "Nothing was answered, so no entry was saved."
            return [.loadHome]
        case .editorReturned(let text):
            guard case .session(var session) = state.screen else { return [] }
            session.input = SessionLogic.withEditedText(text, input: session.input)
            state.screen = .session(session)
            return []
        case .editorFailed(let message):
            state.notice = message
            return []
        case .paste(let text):
            guard case .session(var session) = state.screen else { return [] }
            session.input = SessionLogic.paste(text, into: session.input)
            state.screen = .session(session)
            return []
        case .key(let key):
            return handle(key)
        default:
            return []
        }
    }

    /// Every few seconds while an answer is being typed, the draft takes the unfinished text too,
    /// so even a killed terminal loses at most a few seconds of writing.
    static let autosaveMilliseconds = 5_000

    private func autosave() -> [AppEffect] {
        guard case .session(var session) = state.screen, state.now - session.savedAt >= Self.autosaveMilliseconds,
              let pending = SessionLogic.editableText(session.input), pending != (session.savedPending ?? "") else { return [] }
        session.savedPending = pending
        session.savedAt = state.now
        state.screen = .session(session)
        return [.saveDraft(draft(of: session))]
    }

    /// The session as a draft, with the answer being typed. During a grounding break it is the
    /// session as it was at the interrupted step (the grounding answers kept), with the answer
    /// that was set aside, so a closed terminal loses nothing and resumes where the person was.
    func draft(of session: SessionState) -> Draft {
        var run = session.run
        if let depth = session.groundingDepth, run.frames.count > depth {
            run.frames.removeSubrange(depth...)
        }
        // During a grounding break the unfinished answer is the one set aside, never the
        // grounding's own (its steps are not part of the draft).
        let unfinished = session.groundingDepth != nil ? session.pausedInput : (session.pausedInput ?? session.input)
        let pending = unfinished.flatMap(SessionLogic.editableText).flatMap { $0.isEmpty ? nil : $0 }
        return Draft(entryID: session.entryID, savedAt: environment.clock.now(), run: run, pendingAnswer: pending)
    }

    /// Whether the last stop on a signal kept a session as a draft (for the message after it).
    public private(set) var keptDraftOnSignal = false

    public func handleSignal(_ signal: Int32) {
        // Leaving on a signal: keep the session as a draft, synchronously, before anything else.
        if let draft = currentDraft() {
            keptDraftOnSignal = (try? environment.store.saveDraft(draft)) != nil
        }
        keepBrowserTextOnSignal()
        keepPartFormOnSignal()
        state.finished = true
    }

    /// The session in progress, as a draft (nil when there is none).
    func currentDraft() -> Draft? {
        switch state.screen {
        case .session(let current): return draft(of: current)
        case .review(let review): return draft(of: review.session)
        default: return nil
        }
    }

    // MARK: Keys

    /// The keymap in force: the help screen and help line are drawn from it.
    public var activeKeyMap: KeyMap<AppAction> {
        if let leaving = state.leaving { return leaving.confirmingDiscard ? Keymaps.confirmDiscard : Keymaps.leaving }
        if state.confirmingHomeDiscard { return Keymaps.confirmDiscard }
        switch state.screen {
        case .welcome: return Keymaps.welcome
        case .home: return Keymaps.home
        case .saved: return Keymaps.saved
        case .review(let review): return review.detail == nil ? Keymaps.review : Keymaps.reviewDetail
        case .browse(let browse):
            if browse.filterPanel != nil { return Keymaps.filters }
            if browse.typingQuery { return Keymaps.browseSearching }
            return browse.returnTo == nil ? Keymaps.browse : Keymaps.browse(backTo: "back")
        case .reader(_, let reader):
            if reader.note != nil { return Keymaps.note }
            return reader.rejectedEdit != nil ? Keymaps.rejectedEdit : Keymaps.reader
        case .calendar: return Keymaps.calendar
        case .parts: return Keymaps.parts
        case .part(_, let page):
            if page.form != nil { return Keymaps.partForm }
            if let merge = page.merge { return merge.confirming == nil ? Keymaps.partMerge : Keymaps.partMergeConfirm }
            if page.flowPicker != nil { return Keymaps.partFlowPicker }
            if page.confirmingDelete { return Keymaps.confirmDeletePart }
            return Keymaps.partPage
        case .selfEnergy: return Keymaps.selfEnergy
        case .partsMap: return Keymaps.partsMap
        case .session(let session):
            if session.offer != nil { return Keymaps.returnOffer }
            guard let step = engine.currentStep(session.run) else { return Keymaps.message }
            return SessionLogic.keyMap(for: step.step.kind, input: session.input)
        }
    }

    /// Whether the screen shown holds nothing typed and not yet saved (so Ctrl-G and quitting need
    /// no care of their own there).
    var holdsNothingUnsaved: Bool {
        switch state.screen {
        case .parts, .partsMap, .selfEnergy, .calendar: return true
        case .part(_, let page): return page.form == nil && !page.confirmingDelete
        default: return false
        }
    }

    /// Whether the window is big enough to draw in; below it keys do nothing unseen, but quitting.
    var isTooSmall: Bool {
        state.size.width < Self.minimumSize.width || state.size.height < Self.minimumSize.height
    }

    private func handle(_ key: Key) -> [AppEffect] {
        if isTooSmall {
            guard key == .control("q") || key == .control("c") else { return [] }
            state.finished = true
            // Nothing can be asked in a window this small: a note being written is kept too.
            var effects: [AppEffect] = currentDraft().map { [.saveDraft($0)] } ?? []
            if case .reader(_, let reader) = state.screen, pendingReader(includingScreen: true) == reader {
                effects.append(.keepReaderText(reader))
            }
            return effects
        }
        if state.showHelp {
            state.showHelp = false // any key closes the help screen
            return []
        }
        state.notice = nil
        let action = activeKeyMap.action(for: key)
        if action == .help {
            state.showHelp = true
            return []
        }
        if let leaving = state.leaving { return handleLeaving(action, leaving: leaving) }
        if state.confirmingHomeDiscard { return handleHomeDiscardQuestion(action) }
        // Screens that hold nothing unsaved ground and quit the same way; the others (a session,
        // a note, a form) handle both themselves, to keep or ask about what was typed.
        if holdsNothingUnsaved, action == .ground { return groundFromScreen() }
        if holdsNothingUnsaved, action == .quit {
            state.finished = true
            return []
        }
        switch state.screen {
        case .welcome:
            switch action {
            case .select:
                state.screen = .home(selected: 0)
                if let flowID = state.pendingFlowID {
                    state.pendingFlowID = nil
                    return [.markWelcomeSeen] + startSession(flowID: flowID)
                }
                return [.markWelcomeSeen]
            case .ground:
                state.screen = .home(selected: 0)
                return [.markWelcomeSeen] + groundFromScreen()
            case .quit:
                state.finished = true
                return [.markWelcomeSeen]
            default:
                return []
            }
        case .home(let selected):
            return handleHome(action, selected: selected)
        case .session(let session):
            return handleSession(key: key, action: action, session: session)
        case .review(let review):
            return handleReview(key: key, action: action, review: review)
        case .browse(let browse):
            return handleBrowse(key: key, action: action, browse: browse)
        case .reader(let browse, let reader):
            return handleReader(key: key, action: action, browse: browse, reader: reader)
        case .calendar(let browse, let calendar):
            return handleCalendar(action: action, browse: browse, calendar: calendar)
        case .parts(let list):
            return handleParts(action: action, list: list)
        case .part(let list, let page):
            if page.form != nil { return handlePartForm(key: key, action: action, list: list, page: page) }
            if page.merge != nil { return handlePartMerge(action: action, list: list, page: page) }
            if page.flowPicker != nil { return handlePartFlowPicker(action: action, list: list, page: page) }
            if page.confirmingDelete { return handleDeletePartQuestion(action: action, list: list, page: page) }
            return handlePartPage(action: action, list: list, page: page)
        case .selfEnergy(let view):
            return handleSelfEnergy(action: action, view: view)
        case .partsMap(let list, let selected):
            return handlePartsMap(action: action, list: list, selected: selected)
        case .saved:
            switch action {
            case .select:
                state.screen = .home(selected: 0)
            case .ground:
                return groundFromScreen()
            case .quit:
                state.finished = true
            default:
                break
            }
            return []
        }
    }

    // MARK: Home

    /// The flows offered on the home screen: the daily check-in first.
    public var homeChoices: [Flow] {
        let listed = environment.library.listedFlows
        return listed.filter { $0.id == "daily-checkin" } + listed.filter { $0.id != "daily-checkin" }
    }

    private func handleHome(_ action: AppAction?, selected: Int) -> [AppEffect] {
        let count = homeChoices.count
        switch action {
        case .up:
            state.screen = .home(selected: max(0, selected - 1))
        case .down:
            state.screen = .home(selected: min(max(0, count - 1), selected + 1))
        case .select:
            guard homeChoices.indices.contains(selected) else { return [] }
            return startSession(flowID: homeChoices[selected].id)
        case .ground:
            return groundFromScreen()
        case .resumeDraft, .saveDraftAsIs:
            guard let draft = state.home.draft else { return [] }
            guard environment.library.flow(draft.run.rootFlowID) != nil else {
                state.notice = "The flow of that session ('\(draft.run.rootFlowID)') is not available; the draft is kept."
                return []
            }
            var session = SessionState(run: draft.run, entryID: draft.entryID)
            if draft.run.isFinished { return goToReview(session) } // it was waiting at the review
            SessionLogic.prepareInput(&session, engine: engine, now: state.now)
            if let pending = draft.pendingAnswer { session.input = SessionLogic.withEditedText(pending, input: session.input) }
            session.savedPending = draft.pendingAnswer
            if action == .saveDraftAsIs { return finishNow(&session) } // the review comes before saving
            state.screen = .session(session)
        case .discardDraft:
            guard state.home.draft != nil else { return [] }
            state.confirmingHomeDiscard = true // asked once before anything moves
        case .undo:
            return undoDiscard()
        case .browse, .search, .calendar, .onThisDay:
            return handleHomeBrowse(action)
        case .parts:
            state.screen = .parts(PartsState())
            return state.journal == nil ? [.loadEntries] : []
        case .selfEnergy:
            state.screen = .selfEnergy(SelfEnergyState())
            return state.journal == nil ? [.loadEntries] : []
        case .followUp:
            guard environment.library.flow("follow-up") != nil else {
                state.notice = "The follow-up flow is not in your prompt library."
                return []
            }
            return startSession(flowID: "follow-up")
        case .quit:
            state.finished = true
        default:
            break
        }
        return []
    }

    /// Ctrl-G outside a session: a grounding moment of its own, with a way back to this screen.
    func groundFromScreen() -> [AppEffect] {
        let origin = state.screen
        let effects = startSession(flowID: "grounding")
        if case .session = state.screen { state.groundingOrigin = origin }
        return effects
    }

    /// Begins a flow; `about` a part (from its page), with that part in focus and given as the
    /// answer to the flow's first question, which asks which part it is about.
    func startSession(flowID: String, about part: PartID? = nil) -> [AppEffect] {
        let now = state.pendingDate ?? environment.clock.now()
        state.pendingDate = nil
        do {
            let run = try engine.start(flowID: flowID, at: now)
            var session = SessionState(run: run, entryID: environment.ids.make(at: now))
            // The part is given as the answer to the flow's own "which part?" question when it
            // comes, so the flow knows which part it began about (and a move of focus is seen).
            session.aboutPart = part
            SessionLogic.prepareInput(&session, engine: engine, now: state.now)
            state.screen = .session(session)
            return session.run.answers.isEmpty ? [] : [.saveDraft(draft(of: session))]
        } catch {
            state.notice = "\(error)"
            return []
        }
    }

    // MARK: Session

    private func handleSession(key: Key, action: AppAction?, session current: SessionState) -> [AppEffect] {
        var session = current
        let effects = handleSession(key: key, action: action, session: &session)
        // Unless the key left the session (review, saved, home), keep its new state.
        if case .session = state.screen { state.screen = .session(session) }
        return effects
    }

    private func handleSession(key: Key, action: AppAction?, session: inout SessionState) -> [AppEffect] {
        if let offer = session.offer {
            return handleOffer(offer, action: action, key: key, session: &session)
        }
        if action != .pageUp && action != .pageDown { session.pageScroll = nil } // back to following the answer

        switch action {
        case .pageUp, .pageDown:
            guard let step = engine.currentStep(session.run) else { return [] }
            let page = SessionPage(step: step, session: session, parts: engine.parts(run: session.run), size: state.size)
            guard !page.fits else { return [] }
            if case .longText = step.step.kind, case .text(var editor) = session.input {
                // In a long answer the page keys move in the text, but PgUp with the cursor on the
                // first row shows the question above, and PgDn goes back down to the answer.
                let area = SessionView.inputArea(size: state.size)
                let atTop = editor.cursorVisualPosition(width: area.width).y == 0
                if !(action == .pageUp && atTop) && !(action == .pageDown && session.pageScroll != nil) {
                    session.pageScroll = nil
                    _ = EditorBridge.handle(key: key, state: &editor, width: area.width, height: page.inputHeight)
                    session.input = .text(editor)
                    return []
                }
                if action == .pageDown {
                    // Down a page at a time, back to following the answer once it is in sight.
                    let down = page.offset(scrolled: session.pageScroll) + max(1, page.viewport - 1)
                    session.pageScroll = down >= page.offset(scrolled: nil) ? nil : down
                    return []
                }
            }
            let move = max(1, page.viewport - 1) * (action == .pageUp ? -1 : 1)
            session.pageScroll = max(0, min(page.offset(scrolled: session.pageScroll) + move, page.height - page.viewport))
            return []
        case .quit:
            state.finished = true
            return [.saveDraft(draft(of: session))]
        case .ground:
            if session.groundingDepth != nil || session.run.frames.contains(where: { $0.flowID == "grounding" }) {
                session.hint = "You are already grounding; take your time."
                return []
            }
            return beginGroundingBreak(&session)
        case .back:
            // What was typed here is kept, to be offered again on the way back.
            let pending = SessionLogic.pendingAnswer(session: session, engine: engine)
                .flatMap { engine.valuePreview($0, run: session.run) }
            if engine.back(&session.run, pending: pending) {
                // Pass back over messages and pauses to the last thing answered.
                while let step = engine.currentStep(session.run), !step.step.kind.takesAnswer, engine.back(&session.run) {}
                var leftBreak = false
                if let depth = session.groundingDepth, session.run.frames.count <= depth {
                    session.groundingDepth = nil
                    leftBreak = true
                }
                SessionLogic.prepareInput(&session, engine: engine, now: state.now)
                if leftBreak, let paused = session.pausedInput { session.input = paused } // back where they were
                if leftBreak { session.pausedInput = nil }
            } else {
                session.hint = "This is the first step."
            }
            return []
        case .skip:
            return answer(.skip, session: &session)
        case .finish:
            return finishNow(&session)
        case .leave:
            return beginLeaving(session)
        case .openEditor:
            guard let text = SessionLogic.editableText(session.input) else { return [] }
            return [.openEditor(text)]
        case .continueStep:
            guard let step = engine.currentStep(session.run) else { return goToReview(session) }
            switch SessionLogic.answerInput(for: step, input: session.input, engine: engine, run: session.run) {
            case .success(.partNamed(let name)) where PartNameCheck.isDoubtful(name) && session.askedAboutName != name:
                // More likely a slip than a part's name: asked once; Enter again uses it.
                session.askedAboutName = name
                session.hint = PartNameCheck.question(name, confirm: "Enter again")
                return []
            case .success(let input):
                session.askedAboutName = nil
                return answer(input, session: &session)
            case .failure(let error):
                session.hint = error.message
                return []
            }
        default:
            guard let step = engine.currentStep(session.run) else { return [] }
            let layout = SessionView.inputArea(size: state.size)
            let result = SessionLogic.edit(key: key, action: action, step: step, input: session.input,
                                           width: layout.width, height: layout.height, parts: engine.parts(run: session.run))
            session.input = result.input
            if result.submit {
                return handleSession(key: .enter, action: .continueStep, session: &session)
            }
            return []
        }
    }

    /// "Save and finish": what is typed on this step counts, answers taken back with "back" are
    /// given again while their steps come round, then the review.
    private func finishNow(_ session: inout SessionState) -> [AppEffect] {
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
        return goToReview(session)
    }

    /// The grounding flow, from wherever the session is; the answer being typed is set aside.
    private func beginGroundingBreak(_ session: inout SessionState) -> [AppEffect] {
        do {
            let depth = session.run.frames.count
            let wasFinished = session.run.isFinished
            try engine.interrupt(with: "grounding", run: &session.run)
            session.groundingDepth = depth
            if session.pausedInput == nil && !wasFinished { session.pausedInput = session.input }
            SessionLogic.prepareInput(&session, engine: engine, now: state.now)
            // What was typed before the break is kept at once, not only after a grounding answer.
            return [.saveDraft(draft(of: session))]
        } catch {
            state.notice = "Grounding is not available: \(error)"
        }
        return []
    }

    private func handleOffer(_ offer: ReturnOffer, action: AppAction?, key: Key, session: inout SessionState) -> [AppEffect] {
        switch action {
        case .up, .down:
            session.returnChoice = 1 - session.returnChoice
        case .quit:
            state.finished = true
            return [.saveDraft(draft(of: session))]
        case .ground:
            session.offer = nil
            return beginGroundingBreak(&session)
        case .leave:
            return beginLeaving(session)
        case .select:
            session.offer = nil
            let choice = session.returnChoice
            switch (offer, choice) {
            case (.backToStep, 0):
                SessionLogic.prepareInput(&session, engine: engine, now: state.now)
                if let paused = session.pausedInput { session.input = paused }
                session.pausedInput = nil
            case (.backToStep, _):
                if let paused = session.pausedInput { session.input = paused }
                session.pausedInput = nil
                return finishNow(&session)
            case (.backToReview, 0):
                return goToReview(session)
            case (.backToReview, _):
                return [.saveSession(session.run, session.entryID)]
            case (.backToScreen, 0):
                state.screen = state.groundingOrigin ?? .home(selected: 0)
                state.groundingOrigin = nil
                // The grounding break's own draft: nothing the person left unfinished, so no word about it.
                return [.discardDraft(session.entryID, quietly: true)]
            case (.backToScreen, _):
                // Leaving the screen grounding began on: a part form left there is saved.
                var rescue = pendingPartForm().map { [AppEffect.rescuePartForm($0)] } ?? []
                if let reader = pendingReader(includingScreen: false) { rescue.append(.keepReaderText(reader)) }
                state.groundingOrigin = nil
                return rescue + goToReview(session)
            }
        default:
            break
        }
        return []
    }

    /// Gives the engine an answer; on success saves the draft and moves on.
    private func answer(_ input: AnswerInput, session: inout SessionState) -> [AppEffect] {
        do {
            try engine.answer(input, run: &session.run)
        } catch {
            session.hint = error.message
            return []
        }
        session.hint = nil
        session.savedPending = nil
        session.savedAt = state.now
        // The answer is in the run now: the draft must not also carry its text as the unfinished
        // answer, or a resume after a crash would offer it to the next question.
        var answered = session
        answered.input = .none
        let draft = AppEffect.saveDraft(self.draft(of: answered))
        if let depth = session.groundingDepth, session.run.frames.count <= depth {
            // The grounding break is over: offer to go back, or to save.
            session.groundingDepth = nil
            session.offer = session.run.isFinished ? .backToReview : .backToStep
            session.returnChoice = 0
            return [draft]
        }
        if session.run.isFinished {
            if state.groundingOrigin != nil {
                session.offer = .backToScreen
                session.returnChoice = 0
                return [draft]
            }
            return [draft] + goToReview(session)
        }
        SessionLogic.prepareInput(&session, engine: engine, now: state.now)
        return [draft]
    }

    private func goToReview(_ session: SessionState) -> [AppEffect] {
        if let note = session.run.endNote { state.notice = note }
        let entry = engine.outcome(session.run, entryID: session.entryID).entry
        state.screen = .review(ReviewState(session: session, entryText: EntryFormat.render(entry)))
        // What was just submitted on the way is now only in memory: keep it on disk too.
        return [.saveDraft(draft(of: session))]
    }

    // MARK: Review

    private func handleReview(key: Key, action: AppAction?, review current: ReviewState) -> [AppEffect] {
        var review = current
        if review.detail != nil, action != .ground, action != .quit {
            let effects = handleReviewDetail(key: key, action: action, review: &review)
            state.screen = .review(review)
            return effects
        }
        let answers = reviewableAnswers(review.session.run)
        switch action {
        case .editTags: openReviewDetail(.tags, review: &review)
        case .editTitle: openReviewDetail(.title, review: &review)
        case .editDate: openReviewDetail(.when, review: &review)
        case .save:
            return [.saveSession(review.session.run, review.session.entryID)]
        case .up:
            review.selected = max(0, review.selected - 1)
            review.followSelection = true
        case .down:
            review.selected = min(max(0, answers.count - 1), review.selected + 1)
            review.followSelection = true
        case .scrollUp:
            review.scroll = max(0, ReviewView.top(of: review, size: state.size) - max(1, state.size.height - 6))
            review.followSelection = false
        case .scrollDown:
            review.scroll = ReviewView.top(of: review, size: state.size) + max(1, state.size.height - 6)
            review.followSelection = false
        case .change, .back:
            // Go back through the session to the chosen answer (or the last step); the later
            // answers are offered again on the way forward.
            var session = review.session
            let target = action == .change && answers.indices.contains(review.selected) ? answers[review.selected].index : nil
            if engine.back(&session.run) {
                if let target {
                    while session.run.answers.count > target, engine.back(&session.run) {}
                }
                while let step = engine.currentStep(session.run), !step.step.kind.takesAnswer, engine.back(&session.run) {}
                SessionLogic.prepareInput(&session, engine: engine, now: state.now)
                state.screen = .session(session)
                return []
            }
        case .ground:
            // Grounding runs on top of the finished session; its end offers the review again.
            var session = review.session
            let effects = beginGroundingBreak(&session)
            state.screen = .session(session)
            return effects
        case .quit:
            state.finished = true
            return [.saveDraft(Draft(entryID: review.session.entryID, savedAt: environment.clock.now(), run: review.session.run))]
        case .leave:
            state.leaving = LeavingState()
        case .discard:
            state.leaving = LeavingState(confirmingDiscard: true, askedDirectly: true)
        default:
            break
        }
        state.screen = .review(review)
        return []
    }

    /// Answers that can be changed from the review, with their index in the run.
    func reviewableAnswers(_ run: FlowRun) -> [(index: Int, answer: RecordedAnswer)] {
        run.answers.enumerated().compactMap { index, answer in
            if case .skipped = answer.value { return nil }
            return (index, answer)
        }
    }

    // MARK: Effects

    public func perform(_ effect: AppEffect, terminal: Terminal) -> [AppMsg] {
        if let messages = performBrowse(effect, terminal: terminal) { return messages }
        if let messages = performPartEdit(effect, terminal: terminal) { return messages }
        if let messages = performLeaving(effect) { return messages }
        if let messages = performPartDelete(effect, terminal: terminal) { return messages }
        let store = environment.store
        switch effect {
        case .loadHome:
            return loadHome()
        case .saveDraft(let draft):
            do {
                try store.saveDraft(draft)
                return [.draftSaved]
            } catch {
                return [.storeFailed("Could not save the draft: \(error)")]
            }
        case .saveSession(let run, let entryID):
            return [saveSession(run, entryID: entryID)]
        case .openEditor(let text):
            terminal.suspend()
            let result = environment.editText(text)
            terminal.resume()
            switch result {
            case .success(let edited): return [.editorReturned(edited)]
            case .failure(let failure): return [.editorFailed(failure.message + "; your answer is unchanged.")]
            }
        case .markWelcomeSeen:
            environment.markWelcomeSeen()
            return []
        default:
            return []
        }
    }

    /// The home screen's data, and the entry summaries the browser will use (read once).
    func loadHome() -> [AppMsg] {
        do {
            let entries = try environment.summaries.loadSummaries()
            let parts = try environment.store.loadParts()
            let drafts = try environment.store.loadDrafts()
            let allParts = parts.parts.map(\.part)
            let aliases = PartAliases(allParts)
            let byID = Dictionary(allParts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let recent = entries.entries.prefix(5).map { summary in
                RecentEntry(id: summary.id, created: summary.created, title: summary.headline(generatedTitles),
                             parts: summary.parts.map { id in
                                 let part = byID[aliases.resolve(id)]
                                 return PartLabel(name: part?.name ?? id.rawValue, colour: part?.colour.flatMap(Color.init(rawValue:)))
                             })
            }
            // A part merged into another is read through it everywhere; only standing parts are listed.
            var home = HomeData(recent: Array(recent), draft: drafts.drafts.first, parts: aliases.resolvingLinks(aliases.standing(allParts)),
                                problemCount: entries.problems.count + parts.problems.count + drafts.problems.count)
            home.otherDrafts = max(0, drafts.drafts.count - 1)
            // A plan that cannot be read is left alone (never shown as empty and rewritten).
            if let plan = try? environment.store.loadSafetyPlan() { home.safetyPlan = plan.plan }
            home.aliases = aliases
            home.onThisDay = EntryFilter.onThisDay(entries.entries, today: CalendarDay(environment.clock.now())).count
            if environment.library.flow("follow-up") != nil {
                let today = CalendarDay(environment.clock.now())
                home.followUp = FollowUpReminder.pending(in: entries.entries, today: today)
                home.afterUnburdening = UnburdeningFollowUp.pending(parts: home.parts, entries: entries.entries, today: today)
            }
            return [.homeLoaded(home), .entriesLoaded(entries)]
        } catch {
            return [.storeFailed("Could not read the journal: \(error)")]
        }
    }

    private func saveSession(_ run: FlowRun, entryID: EntryID) -> AppMsg {
        let saver = SessionSaver(store: environment.store, library: environment.library)
        do {
            let saved = try saver.save(run, entryID: entryID)
            guard let entry = saved.entry else { return .nothingToSave }
            return .sessionSaved(SavedState(path: environment.journalPath + "/" + entry.path,
                                            parts: saved.changes.map(\.line), warnings: saved.partFailures))
        } catch {
            return .storeFailed("Could not save: \(error). Your answers are kept as a draft.")
        }
    }
}
