import ArgumentParser
import HavenCLI

/// `haven import FORMAT ...`: one subcommand per journal format, so later importers fit beside jrnl.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bring entries from another journal app into Haven.",
        subcommands: [ImportJrnl.self]
    )
}

struct ImportJrnl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jrnl",
        abstract: "Import a jrnl plain-text journal (a file, or a folder journal of YYYY/MM/DD.txt files).",
        discussion: """
            Each entry, from a line '[YYYY-MM-DD HH:MM] Title.' to the next, becomes a Haven entry with its \
            date (at your time zone's offset for that date), title, text, @tags and star, marked \
            'imported_from: jrnl'. Importing the same journal again adds nothing twice: an imported \
            entry's id comes from its date and text, and ids already in the journal are skipped. Text \
            before the first entry is kept as an entry of its own. A summary of what was imported and \
            skipped goes to standard output.
            Exit status: 0 done (also when everything was already imported), 65 nothing to import \
            (an empty file, or no line starts an entry) or not UTF-8, 66 PATH missing or unreadable, \
            74 the journal could not be written (run again to add the rest).
            """
    )

    @OptionGroup var journal: JournalOptions
    @Argument(help: ArgumentHelp("The jrnl journal: a .txt file, or a folder journal.", valueName: "path")) var path: String
    @Flag(help: "Show what would be imported, without writing anything.") var dryRun = false
    @Flag(help: "Print the summary as JSON.") var json = false

    func run() throws {
        let context = try journal.context()
        try perform { () throws(CommandFailure) in
            try ImportCommand.jrnl(.init(path: path, dryRun: dryRun, json: json), context: context)
        }
    }
}
