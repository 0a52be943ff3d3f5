import JournalCore
import TerminalUI

/// A part's page as lines and its width: shared by its reducer (how far it scrolls) and its view.
enum PartPageLayout {
    static func width(_ size: Size) -> Int { min(size.width - 4, 100) }
    /// How many of its entries the page lists.
    static let timelineLength = 10

    static func lines(context: AppContext, id: PartID, width: Int) -> [(text: String, style: Style)] {
        guard let part = context.home.parts.first(where: { $0.id == id }) else {
            return [("This part is no longer in the registry.", .dim)]
        }
        let names = Dictionary(context.home.parts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let presented = PartPresentation(part, names: names)
        let activity = context.partActivity[id] ?? PartActivity()
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
        let ids = context.home.aliases.ids(for: id)
        let entries = (context.journal?.entries ?? []).filter { !ids.isDisjoint(with: $0.parts) } // already newest first
        if !entries.isEmpty {
            out.append(("", .plain))
            add("Its entries, newest first", .bold)
            for entry in entries.prefix(timelineLength) {
                add("\(entry.created.dateString)  \(entry.headline(context.generatedTitles))")
            }
            add(entries.count > timelineLength ? "l lists all \(entries.count), to read." : "l lists them, to read.", .dim)
        }
        return out
    }
}
