import JournalCore
import TerminalUI

/// The parts list: every part in the registry with its role, stage and how present it is.
public struct PartsState: Hashable, Sendable {
    public enum Order: String, CaseIterable, Hashable, Sendable {
        case name, recent, entries
    }

    public var order: Order = .name
    /// Only parts with this role (nil: all).
    public var role: PartRole?
    /// Whether parts put away (archived) are listed too.
    public var showArchived = false
    public var selected = 0
    public var scroll = 0

    public init() {}
}

/// One part's page: its record, read-only, scrolled.
public struct PartPageState: Hashable, Sendable {
    public var id: PartID
    public var scroll = 0
    /// The map's picked part when the page was opened from the map (Esc goes back there).
    public var fromMap: Int?
    /// Open while the record is being edited in place.
    public var form: PartFormState?
    /// Open while another part is being picked to merge into this one.
    public var merge: PartMergeState?
    /// Open while a flow is being chosen to begin about this part: the one highlighted.
    public var flowPicker: Int?
    /// `d` was pressed: the record is moved to the trash only once this is answered.
    public var confirmingDelete = false

    public init(id: PartID) { self.id = id }
}

extension HavenApp {
    /// The parts shown, in the chosen order, with their activity.
    func shownParts(_ list: PartsState) -> [(part: Part, activity: PartActivity)] {
        let activity = currentPartActivity()
        let rows = state.home.parts.filter { (list.role == nil || $0.role == list.role) && (list.showArchived || !$0.archived) }
            .map { ($0, activity[$0.id] ?? PartActivity()) }
        switch list.order {
        case .name:
            return rows.sorted { TextFolding.fold($0.0.name) < TextFolding.fold($1.0.name) }
        case .recent:
            return rows.sorted { ($0.1.lastSeen?.secondsSinceEpoch ?? Int.min, TextFolding.fold($1.0.name))
                > ($1.1.lastSeen?.secondsSinceEpoch ?? Int.min, TextFolding.fold($0.0.name)) }
        case .entries:
            return rows.sorted { ($0.1.entryCount, TextFolding.fold($1.0.name)) > ($1.1.entryCount, TextFolding.fold($0.0.name)) }
        }
    }

    /// Part activity for the loaded journal, worked out on first use after each load.
    func currentPartActivity() -> [PartID: PartActivity] {
        if let cached = state.partActivity { return cached }
        let activity = PartActivity.of(state.journal?.entries ?? [], aliases: state.home.aliases)
        state.partActivity = activity
        return activity
    }

    func handleParts(action: AppAction?, list current: PartsState) -> [AppEffect] {
        var list = current
        let count = shownParts(list).count
        // A part merged or put away elsewhere leaves fewer rows: keep the pick on one.
        list.selected = min(list.selected, max(0, count - 1))
        switch action {
        case .up: list.selected = max(0, list.selected - 1)
        case .down: list.selected = min(max(0, count - 1), list.selected + 1)
        case .pageUp: list.selected = max(0, list.selected - 10)
        case .pageDown: list.selected = min(max(0, count - 1), list.selected + 10)
        case .switchView:
            let all = PartsState.Order.allCases
            list.order = all[((all.firstIndex(of: list.order) ?? 0) + 1) % all.count]
        case .filters:
            // Step through the roles, then back to all.
            let roles: [PartRole?] = [nil] + PartRole.allCases.map(Optional.some)
            list.role = roles[((roles.firstIndex(of: list.role) ?? 0) + 1) % roles.count]
            list.selected = 0
        case .toggle:
            list.showArchived.toggle()
            list.selected = 0
        case .map:
            state.screen = .partsMap(list, selected: 0)
            return []
        case .select:
            let rows = shownParts(list)
            guard rows.indices.contains(list.selected) else { return [] }
            state.screen = .part(list, PartPageState(id: rows[list.selected].part.id))
            return []
        case .back:
            state.screen = .home(selected: 0)
            return [.loadHome]
        case .undo:
            state.screen = .parts(list)
            return undoPartDelete()
        default: break
        }
        state.screen = .parts(list)
        return []
    }

    func handlePartsMap(action: AppAction?, list: PartsState, selected current: Int) -> [AppEffect] {
        let order = PartsMap(parts: state.home.parts.filter { !$0.archived }).order
        var selected = min(current, max(0, order.count - 1))
        switch action {
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(max(0, order.count - 1), selected + 1)
        case .select:
            guard order.indices.contains(selected) else { return [] }
            var page = PartPageState(id: order[selected])
            page.fromMap = selected
            state.screen = .part(list, page)
            return []
        case .back:
            state.screen = .parts(list)
            return []
        default: break
        }
        state.screen = .partsMap(list, selected: selected)
        return []
    }

    /// The listed flows that begin by asking which part they are about, in the home's order.
    public var flowsAboutAPart: [Flow] { environment.library.listedFlows.filter(\.beginsWithAPart) }

    func handlePartFlowPicker(action: AppAction?, list: PartsState, page current: PartPageState) -> [AppEffect] {
        var page = current
        let flows = flowsAboutAPart
        let selected = min(page.flowPicker ?? 0, max(0, flows.count - 1))
        switch action {
        case .up: page.flowPicker = max(0, selected - 1)
        case .down: page.flowPicker = min(max(0, flows.count - 1), selected + 1)
        case .back: page.flowPicker = nil
        case .select:
            guard flows.indices.contains(selected) else { return [] }
            return startSession(flowID: flows[selected].id, about: page.id)
        default: break
        }
        state.screen = .part(list, page)
        return []
    }

    func handlePartPage(action: AppAction?, list: PartsState, page current: PartPageState) -> [AppEffect] {
        var page = current
        switch action {
        case .up: page.scroll = max(0, page.scroll - 1)
        case .down: page.scroll += 1
        case .pageUp: page.scroll = max(0, page.scroll - max(1, state.size.height - 4))
        case .pageDown: page.scroll += max(1, state.size.height - 4)
        case .toggle:
            guard let part = state.home.parts.first(where: { $0.id == page.id }) else { return [] }
            state.screen = .part(list, page)
            return [.setPartArchived(part.id, !part.archived)]
        case .editPart, .renamePart:
            guard let part = state.home.parts.first(where: { $0.id == page.id }) else { return [] }
            page.form = PartFormState(part: part, field: action == .renamePart ? .name : .role)
            state.screen = .part(list, page)
            return []
        case .deletePart:
            return askToDeletePart(list: list, page: page)
        case .mergePart:
            page.merge = PartMergeState()
            state.screen = .part(list, page)
            return []
        case .spendTime:
            guard !flowsAboutAPart.isEmpty else {
                state.notice = "None of your flows begins by asking which part it is about."
                return []
            }
            page.flowPicker = 0
            state.screen = .part(list, page)
            return []
        case .browse:
            // Its entries, in the entries list (Esc there comes back here).
            var browse = BrowseState()
            browse.filter.parts = state.home.aliases.ids(for: page.id)
            browse.returnTo = .part(list, page)
            return openBrowser(browse)
        case .back:
            state.screen = page.fromMap.map { .partsMap(list, selected: $0) } ?? .parts(list)
            return []
        default: break
        }
        let lines = PartPageView.lines(app: self, id: page.id, width: PartPageView.width(state.size))
        page.scroll = min(page.scroll, max(0, lines.count - (state.size.height - 3)))
        state.screen = .part(list, page)
        return []
    }
}

enum PartsView {
    static func render(app: HavenApp, list: PartsState, into frame: inout Frame) {
        let theme = app.theme
        let area = frame.area.inset(horizontal: 2)
        let rows = app.shownParts(list)
        var list = list
        list.selected = min(list.selected, max(0, rows.count - 1))
        var title = "Parts · \(rows.count)"
        if let role = list.role { title += " · role: \(role.rawValue)" }
        if list.showArchived { title += " · with those put away" }
        TitleRow.render(title, right: "by \(list.order.rawValue)", in: area, into: &frame.buffer, theme: theme)
        guard !rows.isEmpty else {
            let message = app.state.home.parts.isEmpty
                ? "No parts yet. A part is added here when you name it in a flow."
                : "No part has this role. f shows the next role."
            Paragraph.render(message, in: Rect(x: area.x, y: 2, width: area.width, height: 3), into: &frame.buffer, style: theme.quiet)
            return
        }
        let top = 2
        let height = max(1, frame.size.height - top - 2)
        let first = min(max(0, list.selected - height + 1), max(0, list.selected))
        // Columns: marker, name, role and stage, then how present it is (up to 28 cells).
        let roleWidth = 22
        let nameWidth = min(28, max(10, area.width - 2 - 2 - roleWidth - 2 - 28))
        for (offset, row) in rows.enumerated().dropFirst(first).prefix(height) {
            let y = top + offset - first
            let selected = offset == list.selected
            var x = area.x
            x += frame.buffer.put(selected ? "▸ " : "  ", x: x, y: y)
            var nameStyle = theme.part(row.part.colour.flatMap(Color.init(rawValue:)))
            if selected { nameStyle.reverse = true }
            frame.buffer.put(row.part.name.truncated(toWidth: nameWidth), x: x, y: y, style: nameStyle)
            x += nameWidth + 2
            let role = row.part.role.rawValue + (row.part.stage.map { ", \($0.rawValue)" } ?? "") + (row.part.archived ? ", put away" : "")
            frame.buffer.put(role.truncated(toWidth: roleWidth), x: x, y: y, style: theme.quiet)
            x += roleWidth + 2
            let seen = row.activity.lastSeen.map { "last \($0.shortDate) \($0.year)" } ?? "no entries yet"
            let activity = row.activity.entryCount > 0 ? "\(row.activity.entryCount) \(row.activity.entryCount == 1 ? "entry" : "entries") · \(seen)" : seen
            let shown = activity.truncated(toWidth: max(0, area.maxX - x))
            frame.buffer.put(shown, x: max(x, area.maxX - CellWidth.of(shown)), y: y, style: theme.quiet)
        }
    }
}

/// A part's record as lines to read: what the person wrote about it, nothing invented.
enum PartPageView {
    static func width(_ size: Size) -> Int { min(size.width - 4, 100) }
    /// How many of its entries the page lists.
    static let timelineLength = 10

    static func lines(app: HavenApp, id: PartID, width: Int) -> [(text: String, style: Style)] {
        guard let part = app.state.home.parts.first(where: { $0.id == id }) else {
            return [("This part is no longer in the registry.", .dim)]
        }
        let names = Dictionary(app.state.home.parts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let presented = PartPresentation(part, names: names)
        let activity = app.currentPartActivity()[id] ?? PartActivity()
        var out: [(String, Style)] = []
        func add(_ text: String, _ style: Style = .plain) {
            // A line that begins indented keeps its indent on the rows it wraps onto.
            let indent = String(text.prefix { $0 == " " })
            let rows = Paragraph.wrap(String(text.dropFirst(indent.count)), width: max(1, width - indent.count))
            for row in rows { out.append((indent + row, style)) }
        }
        func field(_ fact: PartFact) { if !presented.text(fact).isEmpty { add("\(fact.label): \(presented.text(fact))") } }
        add(part.name, .bold)
        var about = presented.roleAndStage.joined(separator: " · ")
        about += activity.entryCount == 0 ? " · no entries yet"
            : " · \(activity.entryCount) \(activity.entryCount == 1 ? "entry" : "entries"), last \(activity.lastSeen?.longDate ?? "")"
        add(about, .dim)
        if part.archived { add("Put away (a brings it back to the parts list); its record and entries are kept.", .dim) }
        if !part.formerNames.isEmpty { add("\(PartFact.formerNames.label): \(presented.text(.formerNames))", .dim) }
        if !part.history(of: .role).isEmpty {
            add("Role before: " + part.history(of: .role).map { "\($0.value) (until \($0.until.dateString))" }.joined(separator: "; "), .dim)
        }
        out.append(("", .plain))
        // A single-value field with what it held before, newest first: a later flow or edit
        // never makes what was once written about a part disappear.
        func single(_ field: SingleValueField) {
            let history = part.history(of: field)
            guard !part.value(of: field).isEmpty || !history.isEmpty else { return }
            add("\(field.label): \(part.value(of: field).isEmpty ? "(nothing now)" : part.value(of: field))")
            if !history.isEmpty {
                add("  before: " + history.map { "\($0.value) (until \($0.until.dateString))" }.joined(separator: "; "), .dim)
            }
        }
        single(.apparentAge)
        single(.bodyLocation)
        field(.feelings)
        field(.beliefs)
        single(.job)
        single(.positiveIntent)
        single(.newRole)
        field(.fears)
        field(.protects)
        field(.pullsAgainst)
        field(.allies)
        if !part.feelToward.isEmpty {
            out.append(("", .plain))
            add("How you have felt toward it, month by month", .bold)
            for row in FeelTowardChart.rows(part.feelToward) { out.append((row, .plain)) }
            add(FeelTowardChart.legend, .dim)
            out.append(("", .plain))
            add("In your words (the latest)", .bold)
            for record in part.feelToward.suffix(12) {
                add("\(record.date.dateString)  \(record.answer.isEmpty ? "(no words)" : record.answer)  (\(PartPresentation.reading(record.chosen)))")
            }
        }
        if !part.trust.isEmpty {
            out.append(("", .plain))
            add("How much it seems to trust you (Self), as you rated it", .bold)
            for row in TrustChart.rows(part.trust) { out.append((row, .plain)) }
        }
        if !part.permissions.isEmpty {
            out.append(("", .plain))
            add("Permissions", .bold)
            for permission in part.permissions {
                add("\(permission.date.dateString)  \(presented.permission(permission))")
            }
        }
        if !part.promises.isEmpty {
            out.append(("", .plain))
            add("Promises", .bold)
            for promise in part.promises {
                add("\(promise.made.dateString)  \(promise.text)  (\(PartPresentation.promiseState(promise)))")
            }
        }
        if !part.notes.trimmingWhitespace().isEmpty {
            out.append(("", .plain))
            add("Notes", .bold)
            for line in part.notes.trimmingWhitespace().components(separatedBy: "\n") { add(line) }
        }
        // The timeline: its latest entries (l lists them all, to read).
        let ids = app.state.home.aliases.ids(for: id)
        let entries = (app.state.journal?.entries ?? []).filter { !ids.isDisjoint(with: $0.parts) } // already newest first
        if !entries.isEmpty {
            out.append(("", .plain))
            add("Its entries, newest first", .bold)
            for entry in entries.prefix(timelineLength) {
                add("\(entry.created.dateString)  \(entry.headline(app.generatedTitles))")
            }
            add(entries.count > timelineLength ? "l lists all \(entries.count), to read." : "l lists them, to read.", .dim)
        }
        return out
    }

    /// The flows that can begin about this part, over the bottom of its page.
    static func renderFlowPicker(app: HavenApp, page: PartPageState, selected: Int, into frame: inout Frame) {
        let flows = app.flowsAboutAPart
        let name = app.state.home.parts.first { $0.id == page.id }?.name ?? page.id.rawValue
        let area = frame.area.inset(horizontal: 2)
        let height = min(flows.count + 4, max(5, area.height - 2))
        var top = max(1, area.maxY - 1 - height)
        frame.buffer.fill(Rect(x: area.x, y: top, width: area.width, height: height))
        frame.buffer.put(String(repeating: "─", count: area.width), x: area.x, y: top, style: app.theme.quiet)
        top += 1
        frame.buffer.put("Spend time with \(name):".truncated(toWidth: area.width), x: area.x, y: top, style: app.theme.prompt)
        let rows = height - 3
        let first = max(0, selected - rows + 1)
        for (offset, flow) in flows.enumerated().dropFirst(first).prefix(rows) {
            let marker = offset == selected ? "▸ " : "  "
            let minutes = flow.minutes.map { "  \($0) min" } ?? ""
            frame.buffer.put((marker + flow.title + minutes).truncated(toWidth: area.width), x: area.x, y: top + 2 + offset - first,
                             style: offset == selected ? app.theme.selected : .plain)
        }
    }

    static func render(app: HavenApp, page: PartPageState, into frame: inout Frame) {
        let size = frame.size
        let textWidth = width(size)
        let x = max(2, (size.width - textWidth) / 2)
        let all = lines(app: app, id: page.id, width: textWidth)
        let bottom = size.height - 2
        for (offset, line) in all.dropFirst(page.scroll).enumerated() where 1 + offset < bottom {
            frame.buffer.put(line.text, x: x, y: 1 + offset, style: line.style)
        }
        if page.scroll + (bottom - 1) < all.count {
            frame.buffer.put("↓ more", x: size.width - 8, y: bottom - 1, style: app.theme.quiet)
        }
    }
}

/// The feel-toward history as a text chart: one row a month, one mark an answer, in the order
/// given, so the drift from "another part" toward "Self" can be seen at a glance.
public enum FeelTowardChart {
    public static let legend = "as you said: ● open toward it  ◐ its own feeling  ○ another part  · unsure"

    /// The person's own reading; an answer they did not read themselves is left open (a guess of
    /// Haven's is not shown as how they felt).
    static func mark(_ chosen: FeelTowardResult?) -> Character {
        switch chosen {
        case .selfPresent?: return "●"
        case .targetBlended?: return "◐"
        case .concernedPart?: return "○"
        case .unclear?, nil: return "·"
        }
    }

    /// `2026-11  ○○●●  2 of 4 like Self`; at most 40 marks a month (the count says the rest).
    public static func rows(_ records: [FeelTowardRecord]) -> [String] {
        var months: [(key: String, marks: [FeelTowardResult?])] = []
        for record in records.sorted(by: { $0.date.secondsSinceEpoch < $1.date.secondsSinceEpoch }) {
            let key = String(record.date.dateString.prefix(7))
            if months.last?.key == key { months[months.count - 1].marks.append(record.chosen) } else { months.append((key, [record.chosen])) }
        }
        return months.map { month in
            let marks = String(month.marks.prefix(40).map(mark))
            let selfCount = month.marks.filter { $0 == .selfPresent }.count
            return "\(month.key)  \(marks)  \(selfCount) of \(month.marks.count) open toward it"
        }
    }
}

/// Trust in the Self as bars, one a rating in date order (the latest twelve), so growth shows.
public enum TrustChart {
    /// `2026-11-20  ██████░░░░  6`
    public static func rows(_ records: [TrustRecord]) -> [String] {
        records.sorted { $0.date.secondsSinceEpoch < $1.date.secondsSinceEpoch }.suffix(12).map { record in
            let filled = min(10, max(0, record.rating))
            return "\(record.date.dateString)  " + String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
                + "  \(record.rating)"
        }
    }
}

/// The map as text: one line a relationship, grouped, the picked part marked wherever it stands.
enum PartsMapView {
    static func lines(map: PartsMap, names: [PartID: String]) -> [(text: [(String, PartID?)], heading: Bool)] {
        var out: [(text: [(String, PartID?)], heading: Bool)] = []
        func section(_ title: String, _ links: [PartsMap.Link], _ arrow: String) {
            guard !links.isEmpty else { return }
            if !out.isEmpty { out.append(([], false)) }
            out.append(([(title, nil)], true))
            for link in links {
                out.append(([("  ", nil), (names[link.from] ?? link.from.rawValue, link.from), (arrow, nil),
                             (names[link.to] ?? link.to.rawValue, link.to)], false))
            }
        }
        section("Looks after", map.protects, "  ─▶  ")
        section("Pulling against each other", map.polarized, "  ◀─▶  ")
        section("Working together", map.allied, "  ──  ")
        if !map.unlinked.isEmpty {
            if !out.isEmpty { out.append(([], false)) }
            out.append(([("Not linked to another part yet", nil)], true))
            for id in map.unlinked { out.append(([("  ", nil), (names[id] ?? id.rawValue, id)], false)) }
        }
        return out
    }

    static func render(app: HavenApp, selected: Int, into frame: inout Frame) {
        let theme = app.theme
        let area = frame.area.inset(horizontal: 2)
        let parts = app.state.home.parts.filter { !$0.archived }
        let map = PartsMap(parts: parts)
        let order = map.order
        let picked = order.indices.contains(selected) ? order[selected] : nil
        TitleRow.render("The map of your parts", right: "from your part records", in: area, into: &frame.buffer, theme: theme)
        guard !parts.isEmpty else {
            Paragraph.render("No parts yet. As you get to know them, who protects whom and who pulls against whom is drawn here.",
                             in: Rect(x: area.x, y: 2, width: area.width, height: 3), into: &frame.buffer, style: theme.quiet)
            return
        }
        let names = Dictionary(parts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let colours = Dictionary(parts.map { ($0.id, $0.colour.flatMap(Color.init(rawValue:))) }, uniquingKeysWith: { first, _ in first })
        let all = lines(map: map, names: names)
        // Keep the picked part's first line in sight.
        let pickedLine = all.firstIndex { $0.text.contains { $0.1 == picked && picked != nil } } ?? 0
        let height = max(1, frame.size.height - 4)
        let top = max(0, pickedLine - height + 1)
        for (offset, line) in all.dropFirst(top).prefix(height).enumerated() {
            var x = area.x
            let y = 2 + offset
            for (text, id) in line.text {
                var style: Style = line.heading ? theme.prompt : (id == nil ? theme.quiet : theme.part(id.flatMap { colours[$0] ?? nil }))
                if let id, id == picked { style.reverse = true }
                x += frame.buffer.put(text.truncated(toWidth: max(0, area.maxX - x)), x: x, y: y, style: style)
            }
        }
    }
}
