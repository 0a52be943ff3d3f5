import ArgumentParser
import Foundation
import HavenCLI

/// The filters `list` and `search` share.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only entries from this day on (YYYY-MM-DD, YYYY-MM, YYYY, today, yesterday).", valueName: "date"))
    var from: String?
    @Option(help: ArgumentHelp("Only entries up to this day, included.", valueName: "date")) var to: String?
    @Option(help: ArgumentHelp("Only entries of this day, month (YYYY-MM) or year (YYYY).", valueName: "date")) var on: String?
    @Option(help: ArgumentHelp("Only entries that involve this part (its name, a former name, or its id).", valueName: "name"))
    var part: String?
    @Option(help: ArgumentHelp("Only entries with this tag (with or without @ or #).", valueName: "tag")) var tag: String?
    @Option(help: ArgumentHelp("Only entries written with this flow (see 'haven prompts list').", valueName: "id")) var flow: String?
    @Flag(help: "Only starred entries.") var starred = false
    @Option(name: .short, help: ArgumentHelp("Show at most this many entries.", valueName: "n")) var number: Int?
    @Flag(help: "Print JSON instead of lines.") var json = false

    func validate() throws {
        if let number, number < 0 { throw ValidationError("-n takes a number of entries, 0 or more") }
    }

    var options: Commands.BrowseOptions {
        Commands.BrowseOptions(from: from, to: to, on: on, part: part, tag: tag, flow: flow, starred: starred,
                               limit: number, json: json)
    }
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List entries, newest first.",
        discussion: """
            Each line: id, date, time, a star for starred entries, and the title (or first line). Filters \
            combine: 'haven list --from 2026-01 --part "the critic" --starred'. Files that cannot be \
            read are reported on stderr and left as they are.
            """
    )

    @OptionGroup var journal: JournalOptions
    @OptionGroup var filters: FilterOptions

    func run() throws {
        let context = try journal.readingContext()
        try perform { () throws(CommandFailure) in try Commands.list(filters.options, context: context) }
        finishNow()
    }
}

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find entries that contain words, newest first.",
        discussion: """
            Every word must appear somewhere in the entry (in any order); "a phrase in quotes" must \
            appear as written. Case and accents do not matter: 'cafe' finds 'Café'. Only your own \
            writing is searched (titles, answers, tags, part ids), not the prompts. The same filters \
            as 'haven list' narrow it down. Exit status 1 when nothing matched.
            """
    )

    @OptionGroup var journal: JournalOptions
    @Argument(help: "Words to look for; quote a phrase to keep it together.") var words: [String]
    @OptionGroup var filters: FilterOptions

    func run() throws {
        let context = try journal.readingContext()
        let query = words.map { $0.contains(" ") && !$0.contains("\"") ? "\"\($0)\"" : $0 }.joined(separator: " ")
        try perform { () throws(CommandFailure) in try Commands.search(query, filters.options, context: context) }
        finishNow()
    }
}

struct OnThisDay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "on-this-day",
        abstract: "Entries written on this day of the year in earlier years.",
        discussion: "Newest first, each with how long ago it was. Prints nothing (and exits 0) when there are none."
    )

    @OptionGroup var journal: JournalOptions
    @Flag(help: "Print JSON instead of lines.") var json = false

    func run() throws {
        let context = try journal.readingContext()
        try perform { () throws(CommandFailure) in try Commands.onThisDay(json: json, context: context) }
    }
}

struct Tags: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The tags in use, most used first, with how many entries carry each.",
        discussion: """
            An entry's tags are the words written with # or @ in its answers (#work, @sam), as jrnl \
            users write them, and those added in the review (t). 'haven list --tag work' lists \
            the entries with one.
            """
    )

    @OptionGroup var journal: JournalOptions
    @Flag(help: "Print JSON instead of lines.") var json = false

    func run() throws {
        let context = try journal.readingContext()
        try perform { () throws(CommandFailure) in try Commands.tags(json: json, context: context) }
    }
}

/// Everything is written (stdout is unbuffered here) and nothing is left to save: leave now,
/// instead of freeing tens of thousands of entry summaries one by one on the way out.
func finishNow() -> Never {
    exit(0)
}
