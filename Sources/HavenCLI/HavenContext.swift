import JournalCore
import JournalFiles
import ShippedPrompts

/// Everything a command needs from the outside world, injected: where the journal is, the
/// store, the clock, how ids are made, and the console.
public final class HavenContext {
    public let locations: HavenLocations
    public let store: JournalStore
    public let clock: Clock
    public let ids: EntryIDGenerator
    public let console: Console
    /// Prompt files in precedence order (shipped first, then the person's own).
    public let promptSources: [PromptSource]
    private let promptReadProblems: [PromptProblem]
    /// How entries are read for listing and search: the cached index for a journal on disk,
    /// else straight from the store.
    public let summarySource: EntrySummarySource

    public init(locations: HavenLocations, store: JournalStore, clock: Clock, ids: EntryIDGenerator,
                console: Console, promptSources: [PromptSource], promptReadProblems: [PromptProblem] = [],
                summarySource: EntrySummarySource? = nil) {
        self.summarySource = summarySource ?? SummariesFromStore(store: store)
        self.locations = locations
        self.store = store
        self.clock = clock
        self.ids = ids
        self.console = console
        self.promptSources = promptSources
        self.promptReadProblems = promptReadProblems
    }

    /// The real thing: the file store at the resolved journal folder, the system clock, the
    /// shipped prompts plus the person's prompt folder.
    public static func live(journalOption: String?, environment: [String: String], workingDirectory: String,
                            console: Console) throws(CommandFailure) -> HavenContext {
        let locations: HavenLocations
        do {
            locations = try HavenLocations.resolve(journalOption: journalOption, environment: environment,
                                                   workingDirectory: workingDirectory)
        } catch {
            throw CommandFailure(error.description, status: ExitStatus.usage)
        }
        let user = PromptFiles.read(locations.userPrompts)
        let index = EntryIndex(journalRoot: locations.journal,
                               cacheFolder: locations.cache.map { EntryIndex.cacheFolder(cacheHome: $0, journalRoot: locations.journal) })
        return HavenContext(locations: locations, store: FileJournalStore(root: locations.journal), clock: SystemClock.clock,
                            ids: .random, console: console, promptSources: shippedPromptSources + user.sources,
                            promptReadProblems: user.problems, summarySource: index)
    }

    /// The shipped prompt files, named as they are in the source tree.
    public static var shippedPromptSources: [PromptSource] {
        ShippedPrompts.files.map { PromptSource(name: "Prompts/\($0.name)", text: $0.text) }
    }

    /// The flows; problems in the person's own files are reported once on stderr and those files
    /// left out, so one broken flow never stops the others.
    public lazy var library: FlowLibrary = {
        let library = FlowLibrary(sources: promptSources)
        let problems = promptReadProblems + library.problems
        if !problems.isEmpty {
            console.errorLine("haven: some prompt files have problems and were left out (check them with 'haven prompts check'):")
            for problem in problems { console.errorLine("  \(problem)") }
        }
        return library
    }()

    /// The titles the flows give, read from the prompt files without parsing them (listing
    /// entries must not cost a parse of every flow).
    public lazy var generatedTitles = GeneratedTitles(scanning: promptSources)

    /// Reports unreadable journal files on stderr; they are left untouched.
    public func report(_ problems: [JournalProblem]) {
        for problem in problems {
            console.errorLine("haven: skipped \(problem)")
        }
    }

    /// The entries as summaries with their search text; unreadable files are reported on stderr.
    func summaries() throws(CommandFailure) -> IndexedEntries {
        do {
            let indexed = try summarySource.loadSummaries()
            report(indexed.problems)
            return indexed
        } catch {
            throw fail(error)
        }
    }

    func fail(_ error: StoreError) -> CommandFailure {
        CommandFailure("haven: \(error)", status: error.isIOError ? ExitStatus.ioError : ExitStatus.dataError)
    }
}
