import JournalCore
import TerminalUI

/// The whole window: the screen on top, the notice, the help line, and help over it all.
extension HavenApp {
    var theme: Theme { Theme(colour: environment.colour) }

    public func view(into frame: inout Frame) {
        let size = frame.size
        guard size.width >= Self.minimumSize.width, size.height >= Self.minimumSize.height else {
            TooSmallView.render(size: size, into: &frame.buffer, theme: theme)
            return
        }
        let context = self.context
        let theme = context.theme
        switch state.screen {
        case .welcome:
            WelcomeView.render(journalPath: environment.journalPath, into: &frame, theme: theme)
        case .home(let home):
            HomeView.render(context: context, selected: home.selected, into: &frame)
            if home.confirmingDiscard, let draft = state.home.draft {
                let when = draft.run.startedAt
                LeavingView.renderQuestion("Discard the unfinished session (\(context.flowTitle(draft.run)), \(when.shortDate) "
                                           + "\(when.timeString))? It goes to the trash folder; u brings it back.", into: &frame, theme: theme)
            }
        case .session(let session):
            SessionView.render(context: context, session: session, into: &frame)
            if let leaving = session.leaving { LeavingView.render(leaving, title: context.flowTitle(session.run), into: &frame, theme: theme) }
        case .review(let review):
            ReviewView.render(context: context, review: review, into: &frame)
            if let leaving = review.session.leaving {
                LeavingView.render(leaving, title: context.flowTitle(review.session.run), into: &frame, theme: theme)
            }
        case .saved(let saved):
            SavedView.render(saved: saved, into: &frame, theme: theme)
        case .browse(let browse):
            BrowseView.render(context: context, browse: browse, into: &frame)
        case .reader(let reader):
            ReaderView.render(context: context, browse: state.navigation.browse ?? BrowseState(), reader: reader, into: &frame)
        case .calendar(let calendar):
            CalendarView.render(context: context, calendar: calendar, into: &frame)
        case .parts(let list):
            PartsView.render(context: context, list: list, into: &frame)
        case .part(let page):
            PartPageView.render(context: context, page: page, into: &frame)
        case .selfEnergy(let view):
            SelfEnergyView.render(context: context, view: view, into: &frame)
        case .partsMap(let map):
            PartsMapView.render(context: context, selected: map.selected, into: &frame)
        }
        let bottom = frame.area.splitBottom(1).bottom
        if state.notice != nil {
            let rows = context.noticeRows(width: size.width)
            for (index, text) in rows.enumerated() {
                let row = Rect(x: 2, y: bottom.y - rows.count + index, width: size.width - 4, height: 1)
                frame.buffer.fill(row)
                frame.buffer.put(text, x: row.x, y: row.y, style: theme.notice, clip: row)
            }
        }
        frame.buffer.fill(bottom)
        let keys = activeKeys
        HelpLine.render(keys.line, in: bottom.inset(horizontal: 2), into: &frame.buffer, keyStyle: theme.key,
                        textStyle: theme.quiet)
        if state.showHelp {
            HelpView.render(keys, scroll: state.helpScroll, into: &frame, theme: theme)
        }
    }
}
