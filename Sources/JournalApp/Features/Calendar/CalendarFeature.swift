import JournalCore
import TerminalUI

/// The calendar of days written, over the entries list: Enter lists the highlighted day's entries.
enum CalendarFeature {
    static func reduce(_ calendar: inout CalendarState, _ key: Key, list: BrowseState?, _ context: AppContext) -> [AppCommand] {
        switch CalendarKeys.map.action(for: key) {
        case .previousDay?: calendar.move(days: -1)
        case .nextDay?: calendar.move(days: 1)
        case .weekBack?: calendar.showsYear ? calendar.move(months: -1) : calendar.move(days: -7)
        case .weekOn?: calendar.showsYear ? calendar.move(months: 1) : calendar.move(days: 7)
        case .previousMonth?: calendar.move(months: calendar.showsYear ? -12 : -1)
        case .nextMonth?: calendar.move(months: calendar.showsYear ? 12 : 1)
        case .switchView?: calendar.showsYear.toggle()
        case .listDay?:
            var day = list ?? BrowseState()
            let picked = calendar.selectedDay
            day.filter = EntryFilter(from: picked, to: picked)
            day.query = ""
            day.selected = 0
            return [.pop, .replace(.browse(BrowseFeature.refreshed(day, context)))]
        case .back?:
            return [.pop, .replace(.browse(BrowseFeature.refreshed(list ?? BrowseState(), context)))]
        case .ground?, .help?, .quit?, nil: // grounding and quitting are the app's here: nothing is typed
            break
        }
        return []
    }
}
