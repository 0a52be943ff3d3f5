import JournalCore
import JournalFiles

extension Commands {
    /// The filters `list` and `search` share, as typed (docs/cli.md).
    public struct BrowseOptions: Sendable {
        public var from: String?
        public var to: String?
        public var on: String?
        public var part: String?
        public var tag: String?
        public var flow: String?
        public var starred: Bool
        public var limit: Int?
        public var json: Bool

        public init(from: String? = nil, to: String? = nil, on: String? = nil, part: String? = nil, tag: String? = nil,
                    flow: String? = nil, starred: Bool = false, limit: Int? = nil, json: Bool = false) {
            self.from = from
            self.to = to
            self.on = on
            self.part = part
            self.tag = tag
            self.flow = flow
            self.starred = starred
            self.limit = limit
            self.json = json
        }
    }

    // MARK: list, search, on-this-day

    public static func list(_ options: BrowseOptions, context: HavenContext) throws(CommandFailure) -> Int32 {
        let indexed = try context.summaries()
        let filter = try entryFilter(options, indexed: indexed, context: context)
        let found = indexed.matching(filter, limit: options.limit)
        if found.isEmpty && indexed.count == 0 && indexed.problems.isEmpty && context.console.outputIsTerminal && !options.json {
            context.console.line("No entries yet. Begin with: haven write --plain")
            return ExitStatus.ok
        }
        printEntries(found, options: options, context: context)
        return ExitStatus.ok
    }

    public static func search(_ query: String, _ options: BrowseOptions, context: HavenContext) throws(CommandFailure) -> Int32 {
        let parsed = SearchQuery(query)
        guard !parsed.isEmpty else {
            throw CommandFailure("haven: give a word or \"a phrase\" to search for", status: ExitStatus.usage)
        }
        let indexed = try context.summaries()
        let filter = try entryFilter(options, indexed: indexed, context: context)
        // With -n 0 nothing is printed, but the exit status still says whether anything matched
        // (as `grep -q` does), so at least one match is looked for.
        let found = indexed.matching(filter, query: parsed, limit: options.limit.map { max($0, 1) })
        if found.isEmpty && context.console.outputIsTerminal && !options.json {
            context.console.errorLine("haven: nothing found for \(query)")
        }
        printEntries(found, options: options, context: context) // at most -n of them
        // Like grep: 1 when nothing matched, so scripts can tell.
        return found.isEmpty ? 1 : ExitStatus.ok
    }

    /// `haven tags`: the tags in use, most used first, each with how many entries carry it.
    public static func tags(json: Bool, context: HavenContext) throws(CommandFailure) -> Int32 {
        let counts = TagCount.of(try context.summaries().entries)
        if json {
            struct Row: Encodable { var tag: String; var entries: Int }
            context.console.line(EntryJSON.encode(counts.map { Row(tag: $0.tag, entries: $0.entries) }))
            return ExitStatus.ok
        }
        if counts.isEmpty {
            if context.console.outputIsTerminal { context.console.line("No tags yet. Write #tag or @tag in an answer to tag an entry.") }
            return ExitStatus.ok
        }
        let width = String(counts.map(\.entries).max() ?? 0).count
        var text = ""
        for count in counts {
            let number = String(count.entries)
            text += String(repeating: " ", count: width - number.count) + number + "  " + count.tag + "\n"
        }
        context.console.write(text)
        return ExitStatus.ok
    }

    public static func onThisDay(json: Bool, context: HavenContext) throws(CommandFailure) -> Int32 {
        let indexed = try context.summaries()
        let today = CalendarDay(context.clock.now())
        let found = EntryFilter.onThisDay(indexed.entries, today: today)
        if json {
            context.console.line(EntryJSON.encode(found.map { EntryJSON($0, journal: context.locations.journal) }))
            return ExitStatus.ok
        }
        if found.isEmpty {
            if context.console.outputIsTerminal { context.console.line("Nothing from this day in earlier years.") }
            return ExitStatus.ok
        }
        for entry in found {
            let years = today.year - entry.created.year
            context.console.line("\(line(for: entry, titles: context.generatedTitles))  (\(years == 1 ? "a year" : "\(years) years") ago)")
        }
        return ExitStatus.ok
    }

    /// One entry on one line: id, date and time, a star, the entry in its own words, and the
    /// flow it was written with (once, after a " · ").
    static func line(for entry: EntrySummary, titles: GeneratedTitles) -> String {
        let star = entry.starred ? "*" : " "
        let flow = entry.flow.map { "  · " + (titles.title(of: $0) ?? $0) } ?? ""
        return "\(entry.id)  \(entry.created.dateString) \(entry.created.timeString) \(star) \(entry.headline(titles))\(flow)"
    }

    private static func printEntries(_ entries: [EntrySummary], options: BrowseOptions, context: HavenContext) {
        var entries = entries
        if let limit = options.limit { entries = Array(entries.prefix(max(0, limit))) }
        if options.json {
            context.console.line(EntryJSON.encode(entries.map { EntryJSON($0, journal: context.locations.journal) }))
            return
        }
        // One write for all the lines: a search can print thousands.
        var text = ""
        let titles = context.generatedTitles
        for entry in entries { text += line(for: entry, titles: titles) + "\n" }
        if !text.isEmpty { context.console.write(text) }
    }

    /// The typed options as a filter, or a usage error saying which one is wrong.
    static func entryFilter(_ options: BrowseOptions, indexed: IndexedEntries, context: HavenContext) throws(CommandFailure) -> EntryFilter {
        let today = CalendarDay(context.clock.now())
        func days(_ text: String, _ option: String) throws(CommandFailure) -> ClosedRange<CalendarDay> {
            guard let range = CalendarDay.range(text, today: today) else {
                throw CommandFailure("haven: \(option) '\(text)' is not a date (use YYYY-MM-DD, YYYY-MM, YYYY, today or yesterday)",
                                     status: ExitStatus.usage)
            }
            return range
        }
        var filter = EntryFilter(tag: options.tag, flow: options.flow, starredOnly: options.starred)
        if let on = options.on {
            if options.from != nil || options.to != nil {
                throw CommandFailure("haven: use --on, or --from and --to, not both", status: ExitStatus.usage)
            }
            let range = try days(on, "--on")
            filter.from = range.lowerBound
            filter.to = range.upperBound
        }
        if let from = options.from { filter.from = try days(from, "--from").lowerBound }
        if let to = options.to { filter.to = try days(to, "--to").upperBound }
        if let from = filter.from, let to = filter.to, from > to {
            throw CommandFailure("haven: --from \(from) comes after --to \(to)", status: ExitStatus.usage)
        }
        if let flow = options.flow, context.library.flow(flow) == nil, !indexed.entries.contains(where: { $0.flow == flow }) {
            throw CommandFailure("haven: there is no flow called '\(flow)' (see 'haven prompts list')", status: ExitStatus.usage)
        }
        if let name = options.part {
            filter.parts = try partIDs(named: name, indexed: indexed, context: context)
        }
        return filter
    }

    /// A part by its name, a former name or its id, folded (case and accents do not matter).
    static func partIDs(named name: String, indexed: IndexedEntries, context: HavenContext) throws(CommandFailure) -> Set<PartID> {
        var ids: Set<PartID> = []
        if let listing = try? context.store.loadParts() {
            let aliases = PartAliases(listing.parts.map(\.part))
            // By any name, a former name, its id or an id merged into it (PartMatcher).
            for part in PartMatcher.exact(name, in: aliases.standing(listing.parts.map(\.part))) {
                ids.formUnion(aliases.ids(for: part.id))
            }
        }
        // A part named in entries whose record is missing is still found by its id.
        let slug = PartID(name.slug)
        if indexed.entries.contains(where: { $0.parts.contains(slug) }) { ids.insert(slug) }
        guard !ids.isEmpty else {
            throw CommandFailure("haven: no part called '\(name)' in this journal", status: ExitStatus.usage)
        }
        return ids
    }
}
