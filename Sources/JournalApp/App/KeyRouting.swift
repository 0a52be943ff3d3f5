import JournalCore
import TerminalUI

/// Keys: the key map of the screen on top turns a key into an action, and the screen's feature
/// gets both. What every screen shares (help, a window too small, grounding and quitting where
/// nothing is unsaved) is done here first.
extension HavenApp {
    /// The keys in force: the help screen and help line are drawn from them.
    public var activeKeys: ScreenKeys {
        switch state.screen {
        case .welcome: return ScreenKeys(WelcomeKeys.map)
        case .home(let home): return HomeKeys.keys(home)
        case .saved: return ScreenKeys(SavedKeys.map)
        case .review(let review): return ReviewKeys.keys(review)
        case .browse(let browse): return BrowseKeys.keys(browse, fromHome: browseIsFromHome)
        case .reader(let reader): return ReaderKeys.keys(reader)
        case .calendar: return ScreenKeys(CalendarKeys.map)
        case .parts: return ScreenKeys(PartsKeys.map)
        case .part(let page): return PartPageKeys.keys(page)
        case .selfEnergy: return ScreenKeys(SelfEnergyKeys.map)
        case .partsMap: return ScreenKeys(PartsMapKeys.map)
        case .session(let session): return SessionKeys.keys(session, engine)
        }
    }

    /// Whether the list on top was opened from the home screen (its Esc says "home").
    private var browseIsFromHome: Bool {
        if case .home? = state.navigation.underneath.first { return true }
        return false
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
            // ↑/↓ and the page keys scroll a list of keys taller than the window; any other key closes it.
            let most = HelpView.maxScroll(activeKeys, size: state.size)
            let page = HelpView.room(state.size)
            switch key {
            case .down: state.helpScroll = min(most, state.helpScroll + 1)
            case .pageDown: state.helpScroll = min(most, state.helpScroll + page)
            case .up: state.helpScroll = max(0, state.helpScroll - 1)
            case .pageUp: state.helpScroll = max(0, state.helpScroll - page)
            default: state.showHelp = false
            }
            return []
        }
        state.notice = nil
        let common = activeKeys.common(key)
        if common == .help { return [.showHelp] }
        // Screens that hold nothing unsaved ground and quit the same way; the others (a session,
        // a note, a form) handle both themselves, to keep or ask about what was typed.
        if holdsNothingUnsaved, common == .ground { return [.groundHere] }
        if holdsNothingUnsaved, common == .quit { return [.finish] }
        let context = self.context
        let navigation = state.navigation
        switch state.screen {
        case .welcome:
            let begins = WelcomeKeys.map.action(for: key) == .begin
            let flow = begins ? state.pendingFlowID : nil
            if begins { state.pendingFlowID = nil }
            return WelcomeFeature.reduce(key, flowAsked: flow)
        case .home(var home):
            let commands = HomeFeature.reduce(&home, .key(key), context)
            state.navigation.top = .home(home)
            return commands
        case .session(var session):
            let commands = SessionFeature.reduce(&session, .key(key), context)
            state.navigation.top = .session(session)
            return commands
        case .review(var review):
            let commands = ReviewFeature.reduce(&review, key, context)
            state.navigation.top = .review(review)
            return commands
        case .saved:
            return SavedFeature.reduce(key)
        case .browse(var browse):
            let commands = BrowseFeature.reduce(&browse, key, fromHome: browseIsFromHome, context)
            state.navigation.top = .browse(browse)
            return commands
        case .reader(var reader):
            let commands = ReaderFeature.reduce(&reader, key, list: navigation.browse, context)
            state.navigation.top = .reader(reader)
            return commands
        case .calendar(var calendar):
            let commands = CalendarFeature.reduce(&calendar, key, list: navigation.browse, context)
            state.navigation.top = .calendar(calendar)
            return commands
        case .parts(var list):
            let commands = PartsFeature.reduce(&list, key, context)
            state.navigation.top = .parts(list)
            return commands
        case .part(var page):
            let commands = PartPageFeature.reduce(&page, key, context)
            state.navigation.top = .part(page)
            return commands
        case .selfEnergy(var view):
            let commands = SelfEnergyFeature.reduce(&view, key)
            state.navigation.top = .selfEnergy(view)
            return commands
        case .partsMap(var map):
            let commands = PartsMapFeature.reduce(&map, key, context)
            state.navigation.top = .partsMap(map)
            return commands
        }
    }
}
