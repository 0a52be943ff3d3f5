import ArgumentParser
import HavenCLI

struct Parts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Your parts: the registry, or one part's whole record.",
        subcommands: [PartsList.self, PartsShow.self, PartsRename.self, PartsColour.self, PartsArchive.self, PartsUnarchive.self, PartsMerge.self, PartsDelete.self],
        defaultSubcommand: PartsList.self
    )
}

struct PartsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List your parts by name: role, stage, how many entries involve each, when it last appeared.",
        discussion: "Files that cannot be read are reported on stderr and left as they are."
    )

    @OptionGroup var journal: JournalOptions
    @Option(help: ArgumentHelp("Only parts with this role (manager, firefighter, exile, self-like, unknown).", valueName: "role"))
    var role: String?
    @Flag(help: "Include the parts you have put away (archived).") var all = false
    @Flag(help: "Print JSON instead of lines.") var json = false

    func run() throws {
        let context = try journal.readingContext()
        try perform { () throws(CommandFailure) in try Commands.partsList(role: role, all: all, json: json, context: context) }
    }
}

struct PartsShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one part: every field of its record, how you have felt toward it, permissions, promises, and its entries.",
        discussion: "NAME may be the part's name, a former name or its id; case and accents do not matter."
    )

    @OptionGroup var journal: JournalOptions
    @Argument(help: "The part's name, a former name, or its id.") var name: String
    @Flag(help: "Print JSON instead of text.") var json = false

    func run() throws {
        let context = try journal.readingContext()
        try perform { () throws(CommandFailure) in try Commands.partsShow(name: name, json: json, context: context) }
    }
}

struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A Markdown summary to bring to a therapist: active parts, permissions, promises, follow-ups, Self-energy.",
        discussion: """
            Quotes only what you wrote (answers and part records); Haven adds headings and counts, \
            never interpretations. Dates as for 'haven list' (YYYY-MM-DD, YYYY-MM, YYYY, today, \
            yesterday). Save it with: haven summary --from 2026-11 > summary.md
            """
    )

    @OptionGroup var journal: JournalOptions
    @Option(help: ArgumentHelp("From this day on.", valueName: "date")) var from: String?
    @Option(help: ArgumentHelp("Up to this day, included.", valueName: "date")) var to: String?

    func run() throws {
        let context = try journal.readingContext()
        try perform { () throws(CommandFailure) in try Commands.summary(from: from, to: to, context: context) }
    }
}

struct PartsRename: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename",
        abstract: "Give a part a new name; the old one is kept as a former name.",
        discussion: """
            Entries name parts by their id, which never changes, so every old entry still shows the \
            part, and searching or filtering by the old name still finds it. The part's file is \
            rewritten in one atomic step, and only if nobody changed it since it was read.
            """
    )

    @OptionGroup var journal: JournalOptions
    @Argument(help: "The part's name now (or a former name, or its id).") var old: String
    @Argument(help: "The new name.") var new: String

    func run() throws {
        let context = try journal.readingContext()
        try perform { () throws(CommandFailure) in try Commands.partsRename(old, to: new, context: context) }
    }
}

struct PartsColour: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "colour",
        abstract: "Choose the colour a part's name is shown in.",
        discussion: "COLOUR is one of red, green, yellow, blue, magenta, cyan, white, or default (the terminal's own). Without colour (NO_COLOR, monochrome terminals) names are shown plainly.",
        aliases: ["color"]
    )

    @OptionGroup var journal: JournalOptions
    @Argument(help: "The part's name, a former name, or its id.") var name: String
    @Argument(help: "The colour.") var colour: String

    func run() throws {
        let context = try journal.readingContext()
        try perform { () throws(CommandFailure) in try Commands.partsColour(name, colour: colour, context: context) }
    }
}

struct PartsArchive: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Put a part away: it leaves the list (see it with 'haven parts --all'); its record and entries are kept."
    )

    @OptionGroup var journal: JournalOptions
    @Argument(help: "The part's name, a former name, or its id.") var name: String

    func run() throws {
        let context = try journal.readingContext()
        try perform { () throws(CommandFailure) in try Commands.partsArchive(name, archived: true, context: context) }
    }
}

struct PartsUnarchive: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unarchive",
        abstract: "Bring a part you put away back into the list."
    )

    @OptionGroup var journal: JournalOptions
    @Argument(help: "The part's name, a former name, or its id.") var name: String

    func run() throws {
        let context = try journal.readingContext()
        try perform { () throws(CommandFailure) in try Commands.partsArchive(name, archived: false, context: context) }
    }
}

struct PartsDelete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a part record made by mistake: only when no entry and no other part names it.",
        discussion: """
            The record is moved to the journal's trash folder, never erased. A part that entries \
            name is kept (put it away with 'haven parts archive' instead).
            """
    )

    @OptionGroup var journal: JournalOptions
    @Argument(help: "The part's name, a former name, or its id.") var name: String

    func run() throws {
        let context = try journal.readingContext()
        try perform { () throws(CommandFailure) in try Commands.partsDelete(name, context: context) }
    }
}

struct PartsMerge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Make two parts you realise are one into one: OTHER is merged into KEEP.",
        discussion: """
            KEEP keeps its id and name; OTHER's name becomes one of its former names, what OTHER's \
            record held is added (nothing is dropped), and every entry and link naming OTHER means \
            KEEP from then on (entries are not rewritten). OTHER's old file goes to the trash folder. \
            Killed part way, the journal is whole: either nothing changed, or the merge stands.
            """
    )

    @OptionGroup var journal: JournalOptions
    @Argument(help: "The part that stays (its name, a former name, or its id).") var keep: String
    @Argument(help: "The part merged into it.") var other: String

    func run() throws {
        let context = try journal.readingContext()
        try perform { () throws(CommandFailure) in try Commands.partsMerge(keep: keep, other: other, context: context) }
    }
}
