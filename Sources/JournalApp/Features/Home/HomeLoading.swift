import JournalCore
import TerminalUI

/// Reads what the home screen shows (and the entry summaries the other screens use, read once).
struct HomeLoading {
    let environment: AppEnvironment
    let generatedTitles: GeneratedTitles

    func load() -> [AppMsg] {
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
            let today = CalendarDay(environment.clock.now())
            home.onThisDay = EntryFilter.onThisDay(entries.entries, today: today).count
            if environment.library.flow("follow-up") != nil {
                home.followUp = FollowUpReminder.pending(in: entries.entries, today: today)
                home.afterUnburdening = UnburdeningFollowUp.pending(parts: home.parts, entries: entries.entries, today: today)
            }
            return [.homeLoaded(home), .entriesLoaded(entries)]
        } catch {
            return [.storeFailed("Could not read the journal: \(error)")]
        }
    }
}
