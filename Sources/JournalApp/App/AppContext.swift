import JournalCore
import TerminalUI

/// What reducers and views read besides their own feature's state: the environment, the
/// journal as last read, the window and the clocks. Read-only; built for each update and frame.
public struct AppContext {
    let environment: AppEnvironment
    let engine: FlowEngine
    let home: HomeData
    /// The journal's entries as summaries, once read.
    let journal: IndexedEntries?
    /// How present each part is in the journal (worked out when the journal or parts are read).
    let partActivity: [PartID: PartActivity]
    let size: Size
    /// Milliseconds of the monotonic clock at the last tick, for pauses and autosave.
    let now: Int
    /// The titles flows gave entries, passed over in lists in favour of the person's words.
    let generatedTitles: GeneratedTitles
    /// The message at the bottom of the screen, if any (screens leave room for it).
    let notice: String?

    var theme: Theme { Theme(colour: environment.colour) }
    var library: FlowLibrary { environment.library }
    /// The wall clock's reading.
    func today() -> LocalDateTime { environment.clock.now() }

    /// The flows offered on the home screen: the daily check-in first.
    var homeChoices: [Flow] {
        let listed = library.listedFlows
        return listed.filter { $0.id == "daily-checkin" } + listed.filter { $0.id != "daily-checkin" }
    }

    /// The listed flows that begin by asking which part they are about, in the home's order.
    var flowsAboutAPart: [Flow] { library.listedFlows.filter(\.beginsWithAPart) }

    /// Part names by id (a merged-away id by the name of the part it is now), for filters and entries.
    var partNames: [PartID: String] {
        var names = Dictionary(home.parts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for (merged, target) in home.aliases.target { names[merged] = names[target] }
        return names
    }

    func part(_ id: PartID) -> Part? { home.parts.first { $0.id == id } }

    func flowTitle(_ run: FlowRun) -> String { library.flow(run.rootFlowID)?.title ?? run.rootFlowID }

    /// The notice as drawn: read whole, it wraps upward over the screen, up to three rows.
    func noticeRows(width: Int) -> [String] {
        guard let notice else { return [] }
        let rows = Paragraph.wrap(notice, width: width - 4)
        guard rows.count > 3 else { return rows }
        return Array(rows.prefix(2)) + [rows[2...].joined(separator: " ").truncated(toWidth: width - 4)]
    }
}
