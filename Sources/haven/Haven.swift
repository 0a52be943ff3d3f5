import ArgumentParser
import Foundation
import HavenCLI

/// Options every command that reads the journal takes.
struct JournalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The journal folder (default: $HAVEN_HOME, else $XDG_DATA_HOME/haven, else ~/.local/share/haven).", valueName: "dir"))
    var journal: String?

    func context() throws -> HavenContext {
        do {
            return try HavenContext.live(journalOption: journal, environment: ProcessInfo.processInfo.environment,
                                         workingDirectory: FileManager.default.currentDirectoryPath, console: StandardConsole())
        } catch {
            FileHandle.standardError.write(Data((error.message + "\n").utf8))
            throw ExitCode(error.status)
        }
    }
}

extension JournalOptions {
    /// For commands that only read: a `--journal DIR` that is not there is a mistake worth
    /// saying, not an empty journal (commands that write create the folder).
    func readingContext() throws -> HavenContext {
        if let journal, !journal.isEmpty {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: (journal as NSString).expandingTildeInPath, isDirectory: &isFolder)
            guard exists, isFolder.boolValue else {
                let what = exists ? "is not a folder" : "does not exist"
                FileHandle.standardError.write(Data("haven: the journal '\(journal)' given with --journal \(what)\n".utf8))
                throw ExitCode(ExitStatus.noInput)
            }
        }
        return try context()
    }
}

func perform(_ body: () throws(CommandFailure) -> Int32) throws {
    let status: Int32
    do {
        status = try body()
    } catch {
        FileHandle.standardError.write(Data((error.message + "\n").utf8))
        throw ExitCode(error.status)
    }
    if status != 0 { throw ExitCode(status) }
}

@main
struct Haven: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "haven",
        abstract: "A private, plain-text journal for Internal Family Systems parts work.",
        discussion: """
            Haven walks you through guided flows one prompt at a time and keeps every entry as a \
            Markdown file you own. It is a journal, not therapy or a crisis service.

            With no command, Haven opens the full-screen app. Without a terminal, use 'haven write --plain'.
            Exit status: 0 ok, 64 usage error (or no terminal for the full-screen app), 65 bad data, 66 an input that is not there, 74 input/output error, 128+N stopped by signal N (the session is kept as a draft).
            """,
        version: HavenVersion.current,
        subcommands: [Open.self, Write.self, List.self, Search.self, Show.self, OnThisDay.self, Tags.self, Parts.self, Summary.self, Import.self, Prompts.self],
        defaultSubcommand: Open.self
    )

    /// `18:30`: a time of day written after a date.
    static func isClockTime(_ text: String) -> Bool {
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        return pieces.count == 2 && (1...2).contains(pieces[0].count) && pieces[1].count == 2
            && pieces.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// `OnThisDay` -> `on-this-day`, as ArgumentParser names a command from its type.
    static func kebab(_ name: String) -> String {
        var out = ""
        for character in name {
            if character.isUppercase, !out.isEmpty { out.append("-") }
            out.append(contentsOf: character.lowercased())
        }
        return out
    }

    /// Arguments as people type them, before ArgumentParser sees them: `-n1` is `-n 1`,
    /// `--date 2026-11-30 18:30` is one date with its time, and a first word that is no command
    /// is said to be one (rather than shown the usage of `open`).
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        arguments = arguments.flatMap { argument -> [String] in
            if argument.count > 2, argument.hasPrefix("-n"), Int(argument.dropFirst(2)) != nil { return ["-n", String(argument.dropFirst(2))] }
            return [argument]
        }
        if let date = arguments.firstIndex(of: "--date"), date + 2 < arguments.count, isClockTime(arguments[date + 2]) {
            arguments[date + 1] += " " + arguments[date + 2]
            arguments.remove(at: date + 2)
        }
        let topLevel = ["-h", "--help", "--version", "--journal", "--generate-completion-script", "--experimental-dump-help"]
        if let first = arguments.first, first.hasPrefix("-"), first != "-",
           !topLevel.contains(where: { first == $0 || first.hasPrefix($0 + "=") }) {
            FileHandle.standardError.write(Data("haven: unknown option '\(first)'\nSee 'haven --help' for the commands and their options.\n".utf8))
            Foundation.exit(ExitStatus.usage)
        }
        if let first = arguments.first, !first.hasPrefix("-") {
            let names = configuration.subcommands.map { $0.configuration.commandName ?? kebab(String(describing: $0)) }
            if !names.contains(first) && first != "help" {
                FileHandle.standardError.write(Data("""
                    haven: unknown command '\(first)'
                    The commands: \(names.joined(separator: ", ")). See 'haven --help'.

                    """.utf8))
                Foundation.exit(ExitStatus.usage)
            }
        }
        main(arguments)
    }
}

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the full-screen app (the default).",
        discussion: "The home screen: today's check-in, the other flows, your recent entries, and any unfinished session."
    )

    @OptionGroup var journal: JournalOptions

    func run() throws {
        let context = try journal.context()
        try perform { () throws(CommandFailure) in try FullScreen.run(context: context, flowID: nil) }
    }
}

struct Write: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an entry: a guided flow, or a few words saved at once.",
        discussion: """
            With TEXT ('haven write "Slept badly; the critic was loud #work"'), or '-' to read it \
            from standard input, the text is saved at once as a free entry: its #tags and @tags are \
            its tags, and the parts it names are linked to it. Otherwise a flow runs. Without \
            --plain, it opens in the full-screen app. --plain runs it line by line on \
            standard input and output instead: a long answer ends with a line holding a single '.', a \
            choice is answered by its number or its words, a scale by a number, a part by its name, and \
            an empty line skips. Lines :back, :skip, :ground, :finish and :help are commands. Your \
            answers are kept as a draft after every step; if input ends early, resume with --resume. \
            --date dates the entry in the past: today, yesterday or YYYY-MM-DD, and a time HH:MM.
            """
    )

    @Argument(help: ArgumentHelp("Text to save at once as a free entry; '-' reads it from standard input.", valueName: "text"))
    var text: [String] = []
    @Option(help: ArgumentHelp("When it happened: today, yesterday or YYYY-MM-DD, and a time HH:MM (never in the future).",
                               valueName: "date"))
    var date: String?

    @OptionGroup var journal: JournalOptions
    @Flag(help: "Run line by line without the full-screen app.") var plain = false
    @Option(help: ArgumentHelp("The flow to run (see 'haven prompts list').", valueName: "id")) var flow: String?
    @Option(help: ArgumentHelp("Resume an unfinished session: its id, or 'latest'.", valueName: "id"))
    var resume: String?

    mutating func validate() throws {
        if flow != nil && resume != nil {
            throw ValidationError("--flow and --resume cannot be used together: a resumed session continues its own flow")
        }
        if !text.isEmpty && (flow != nil || resume != nil || plain) {
            throw ValidationError("text to save at once is a free entry: it cannot go with --flow, --resume or --plain")
        }
        if text.first == "-" && text.count > 1 {
            throw ValidationError("'-' reads the text from standard input: give either '-' or the text, not both")
        }
        if date != nil && resume != nil {
            throw ValidationError("--date is for a new entry: a resumed session keeps its date (change it in the review, w)")
        }
    }

    func run() throws {
        let context = try journal.context()
        try perform { () throws(CommandFailure) in
            if !text.isEmpty {
                return try Commands.capture(text == ["-"] ? nil : text.joined(separator: " "), date: date, context: context)
            }
            if plain {
                return try Commands.write(.init(flowID: flow, resume: resume == "latest" ? "" : resume, date: date), context: context)
            }
            guard resume == nil else {
                throw CommandFailure("haven: --resume is for --plain; in the full-screen app, press r on the home screen",
                                     status: ExitStatus.usage)
            }
            return try FullScreen.run(context: context, flowID: flow ?? "daily-checkin",
                                      dated: date == nil ? nil : try Commands.moment(date, context: context))
        }
    }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one entry.",
        discussion: "ID may be the start of an id if only one entry matches. Without --json the entry is printed as it is stored (Markdown)."
    )

    @OptionGroup var journal: JournalOptions
    @Argument(help: "The entry's id (see 'haven list').") var id: String
    @Flag(help: "Print JSON instead of Markdown.") var json = false

    func run() throws {
        let context = try journal.readingContext()
        try perform { () throws(CommandFailure) in try Commands.show(id: id, json: json, context: context) }
    }
}

struct Prompts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List or check the guided flows.",
        subcommands: [PromptsList.self, PromptsCheck.self, PromptsFeel.self],
        defaultSubcommand: PromptsList.self
    )
}

struct PromptsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the flows: the shipped ones and your own (from $XDG_CONFIG_HOME/haven/prompts)."
    )

    @OptionGroup var journal: JournalOptions
    @Flag(help: "Print JSON instead of lines.") var json = false

    func run() throws {
        let context = try journal.context()
        try perform { () throws(CommandFailure) in Commands.promptsList(json: json, context: context) }
    }
}

struct PromptsFeel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feel",
        abstract: "Show what the feel-toward lexicon proposes for an answer, and which words it went by.",
        discussion: "For people who add their own words to the lexicon (docs/prompt-format.md). In a flow, Haven shows its proposal and the person confirms or changes it; this only shows the proposal. Reads the answer from standard input when ANSWER is -."
    )

    @OptionGroup var journal: JournalOptions
    @Flag(help: "Print JSON instead of lines.") var json = false
    @Argument(help: "An answer to \"How do you feel toward this part?\", in quotes.") var answer: String

    func run() throws {
        let context = try journal.context()
        var text = answer
        if answer == "-" { text = AnyIterator { readLine(strippingNewline: false) }.joined() }
        try perform { () throws(CommandFailure) in Commands.promptsFeel(text, json: json, context: context) }
    }
}

struct PromptsCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check prompt files and print each problem as file:line:column: message.",
        discussion: "PATH may be a prompt file (.yaml) or a folder of them. With no PATH, the shipped flows and your own are checked. Exits 65 when there is any problem."
    )

    @OptionGroup var journal: JournalOptions
    @Argument(help: "Prompt files or folders to check.") var paths: [String] = []

    func run() throws {
        let context = try journal.context()
        try perform { () throws(CommandFailure) in Commands.promptsCheck(paths: paths, context: context) }
    }
}
