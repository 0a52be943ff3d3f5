import JournalCore
import TerminalUI

/// The calendar of days written, over the entries list: Enter lists the highlighted day's entries.
enum CalendarFeature {
    static func reduce(_ calendar: inout CalendarState, _ action: AppAction?, list: BrowseState?, _ context: AppContext) -> [AppCommand] {
        switch action {
        case .left: calendar.move(days: -1)
        case .right: calendar.move(days: 1)
        case .up: calendar.showsYear ? calendar.move(months: -1) : calendar.move(days: -7)
        case .down: calendar.showsYear ? calendar.move(months: 1) : calendar.move(days: 7)
        case .pageUp: calendar.move(months: calendar.showsYear ? -12 : -1)
        case .pageDown: calendar.move(months: calendar.showsYear ? 12 : 1)
        case .switchView: calendar.showsYear.toggle()
        case .select:
            var day = list ?? BrowseState()
            let picked = calendar.selectedDay
            day.filter = EntryFilter(from: picked, to: picked)
            day.query = ""
            day.selected = 0
            return [.pop, .replace(.browse(BrowseFeature.refreshed(day, context)))]
        case .back:
            return [.pop, .replace(.browse(BrowseFeature.refreshed(list ?? BrowseState(), context)))]
        default: break
        }
        return []
    }
}
