import JournalCore
import TerminalUI

/// Keys: the key map of the screen on top turns a key into an action, and the screen's feature
/// gets both. What every screen shares (help, a window too small, grounding and quitting where
/// nothing is unsaved) is done here first.
extension HavenApp {
    /// The keymap in force: the help screen and help line are drawn from it.
    public var activeKeyMap: KeyMap<AppAction> {
        switch state.screen {
        case .welcome: return Keymaps.welcome
        case .home(let home): return home.confirmingDiscard ? Keymaps.confirmDiscard : Keymaps.home
        case .saved: return Keymaps.saved
        case .review(let review):
            if let leaving = review.session.leaving { return leaving.confirmingDiscard ? Keymaps.confirmDiscard : Keymaps.leaving }
            return review.detail == nil ? Keymaps.review : Keymaps.reviewDetail
        case .browse(let browse):
            if browse.filterPanel != nil { return Keymaps.filters }
            if browse.typingQuery { return Keymaps.browseSearching }
            if case .home? = state.navigation.underneath.first { return Keymaps.browse }
            return Keymaps.browse(backTo: "back")
        case .reader(let reader):
            if reader.note != nil { return Keymaps.note }
            return reader.rejectedEdit != nil ? Keymaps.rejectedEdit : Keymaps.reader
        case .calendar: return Keymaps.calendar
        case .parts: return Keymaps.parts
        case .part(let page):
            if page.form != nil { return Keymaps.partForm }
            if let merge = page.merge { return merge.confirming == nil ? Keymaps.partMerge : Keymaps.partMergeConfirm }
            if page.flowPicker != nil { return Keymaps.partFlowPicker }
            if page.confirmingDelete { return Keymaps.confirmDeletePart }
            return Keymaps.partPage
        case .selfEnergy: return Keymaps.selfEnergy
        case .partsMap: return Keymaps.partsMap
        case .session(let session):
            if let leaving = session.leaving { return leaving.confirmingDiscard ? Keymaps.confirmDiscard : Keymaps.leaving }
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
        case .part(let page): return page.form == nil && !page.confirmingDelete
        case .welcome, .home, .session, .review, .saved, .browse, .reader: return false
        }
    }

    /// Whether the window is big enough to draw in; below it keys do nothing unseen, but quitting.
    var isTooSmall: Bool {
        state.size.width < Self.minimumSize.width || state.size.height < Self.minimumSize.height
    }

    func handleKey(_ key: Key) -> [AppCommand] {
        if isTooSmall {
            guard key == .control("q") || key == .control("c") else { return [] }
            // Nothing can be asked in a window this small: a note being written is kept too.
            var commands: [AppCommand] = [.finish] + (currentDraft().map { [.run(.saveDraft($0))] } ?? [])
            if case .reader(let reader) = state.screen, ReaderFeature.holdsUnsavedText(reader) {
                commands.append(.run(.keepReaderText(reader)))
            }
            return commands
        }
        if state.showHelp {
            state.showHelp = false // any key closes the help screen
            return []
        }
        state.notice = nil
        let action = activeKeyMap.action(for: key)
        if action == .help { return [.showHelp] }
        // Screens that hold nothing unsaved ground and quit the same way; the others (a session,
        // a note, a form) handle both themselves, to keep or ask about what was typed.
        if holdsNothingUnsaved, action == .ground { return [.groundHere] }
        if holdsNothingUnsaved, action == .quit { return [.finish] }
        let context = self.context
        let navigation = state.navigation
        switch state.screen {
        case .welcome:
            let flow = action == .select ? state.pendingFlowID : nil
            if action == .select { state.pendingFlowID = nil }
            return WelcomeFeature.reduce(action, flowAsked: flow)
        case .home(var home):
            let commands = HomeFeature.reduce(&home, .key(key, action), context)
            state.navigation.top = .home(home)
            return commands
        case .session(var session):
            let commands = SessionFeature.reduce(&session, .key(key, action), context)
            state.navigation.top = .session(session)
            return commands
        case .review(var review):
            let commands = ReviewFeature.reduce(&review, key, action, context)
            state.navigation.top = .review(review)
            return commands
        case .saved:
            return SavedFeature.reduce(action)
        case .browse(var browse):
            let commands = BrowseFeature.reduce(&browse, key, action, context)
            state.navigation.top = .browse(browse)
            return commands
        case .reader(var reader):
            let commands = ReaderFeature.reduce(&reader, key, action, list: navigation.browse, context)
            state.navigation.top = .reader(reader)
            return commands
        case .calendar(var calendar):
            let commands = CalendarFeature.reduce(&calendar, action, list: navigation.browse, context)
            state.navigation.top = .calendar(calendar)
            return commands
        case .parts(var list):
            let commands = PartsFeature.reduce(&list, action, context)
            state.navigation.top = .parts(list)
            return commands
        case .part(var page):
            let commands = PartPageFeature.reduce(&page, key, action, context)
            state.navigation.top = .part(page)
            return commands
        case .selfEnergy(var view):
            let commands = SelfEnergyFeature.reduce(&view, action)
            state.navigation.top = .selfEnergy(view)
            return commands
        case .partsMap(var map):
            let commands = PartsMapFeature.reduce(&map, action, context)
            state.navigation.top = .partsMap(map)
            return commands
        }
    }
}
