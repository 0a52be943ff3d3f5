import JournalCore
import JournalFiles

/// The commands, terminal-free: each takes a context and returns an exit status. The executable
/// only parses arguments and calls these.
public enum Commands {
    // MARK: write

    public struct WriteOptions {
        public var flowID: String?
        /// Resume a draft: an entry id, or "" for the most recent draft.
        public var resume: String?
        /// When the entry happened, as typed (`yesterday`, `2026-11-30 18:30`); nil for now.
        public var date: String?

        public init(flowID: String? = nil, resume: String? = nil, date: String? = nil) {
            self.flowID = flowID
            self.resume = resume
            self.date = date
        }
    }

    /// The moment `--date` names, or now; a date that is not one is a usage error.
    public static func moment(_ date: String?, context: HavenContext) throws(CommandFailure) -> LocalDateTime {
        let now = context.clock.now()
        guard let date else { return now }
        switch EntryDate.parse(date, now: now) {
        case .success(let moment): return moment
        case .failure(let problem): throw CommandFailure("haven: --date: \(problem)", status: ExitStatus.usage)
        }
    }

    /// `haven write "text"` and `haven write -`: the text saved at once as a free entry, with its
    /// #tags and the parts it names. `text` nil reads it all from standard input.
    public static func capture(_ text: String?, date: String?, context: HavenContext) throws(CommandFailure) -> Int32 {
        let moment = try Self.moment(date, context: context)
        var body = text ?? ""
        if text == nil {
            var lines: [String] = []
            while let line = context.console.readLine() { lines.append(line) }
            body = lines.joined(separator: "\n")
        }
        guard !body.trimmingWhitespace().isEmpty else {
            throw CommandFailure("haven: nothing to save: the text is empty", status: ExitStatus.dataError)
        }
        let store = context.store
        do throws(StoreError) {
            let parts = try store.loadParts()
            context.report(parts.problems)
            let standing = PartAliases(parts.parts.map(\.part)).standing(parts.parts.map(\.part))
            var entry = QuickCapture.entry(body, id: context.ids.make(at: moment), at: moment, parts: standing)
            for attempt in 1...5 {
                do throws(StoreError) {
                    let stored = try store.createEntry(entry)
                    context.console.line("Saved: \(context.locations.journal)/\(stored.path)")
                    return ExitStatus.ok
                } catch .alreadyExists where attempt < 5 {
                    entry.id = context.ids.make(at: moment) // two in one second with the same letters: another id
                }
            }
            throw StoreError.alreadyExists("an entry with id \(entry.id)")
        } catch {
            throw context.fail(error)
        }
    }

    public static func write(_ options: WriteOptions, context: HavenContext) throws(CommandFailure) -> Int32 {
        let store = context.store
        let library = context.library
        let parts: PartListing
        let drafts: DraftListing
        do {
            parts = try store.loadParts()
            drafts = try store.loadDrafts()
        } catch {
            throw context.fail(error)
        }
        context.report(parts.problems + drafts.problems)
        var plan = SafetyPlan()
        do {
            plan = try store.loadSafetyPlan()?.plan ?? SafetyPlan()
        } catch {
            context.console.errorLine("haven: \(error); the safety plan is left as it is")
        }
        let engine = FlowEngine(library: library, knownParts: parts.parts.map(\.part), safetyPlan: plan)

        var session: PlainSession
        if let resume = options.resume {
            let draft = resume.isEmpty ? drafts.drafts.first : drafts.drafts.first { $0.entryID.rawValue == resume }
            guard let draft else {
                let message = resume.isEmpty ? "there is no unfinished session to resume" : "there is no draft '\(resume)'"
                throw CommandFailure("haven: \(message) (drafts are in \(context.locations.journal)/drafts)", status: ExitStatus.usage)
            }
            guard library.flow(draft.run.rootFlowID) != nil else {
                throw CommandFailure("haven: the draft's flow '\(draft.run.rootFlowID)' is not available; the draft is kept as it is",
                                     status: ExitStatus.dataError)
            }
            context.console.line("Resuming the session from \(draft.run.startedAt.dateString) \(draft.run.startedAt.timeString).")
            session = PlainSession(context: context, engine: engine, run: draft.run, entryID: draft.entryID,
                                   pendingAnswer: draft.pendingAnswer)
        } else {
            let flowID = options.flowID ?? "daily-checkin"
            let now = try Self.moment(options.date, context: context)
            let run: FlowRun
            do {
                run = try engine.start(flowID: flowID, at: now)
            } catch {
                throw CommandFailure("haven: \(error)", status: ExitStatus.usage)
            }
            if let waiting = drafts.drafts.first {
                context.console.errorLine("haven: note: an unfinished session from \(waiting.run.startedAt.dateString) \(waiting.run.startedAt.timeString) is waiting; resume it with 'haven write --plain --resume latest'")
            }
            session = PlainSession(context: context, engine: engine, run: run, entryID: context.ids.make(at: now))
        }
        switch try session.start() {
        case .savedWithProblems: return ExitStatus.dataError
        case .saved, .draftKept, .nothingToSave: return ExitStatus.ok
        }
    }

    // MARK: show

    public static func show(id: String, json: Bool, context: HavenContext) throws(CommandFailure) -> Int32 {
        // The index says where each entry is, so only that one file is read.
        let indexed = try context.summaries()
        let exact = indexed.entries.filter { $0.id.rawValue == id }
        let found = exact.isEmpty ? indexed.entries.filter { $0.id.rawValue.hasPrefix(id) } : exact
        guard !found.isEmpty, !id.isEmpty else {
            throw CommandFailure("haven: no entry with id '\(id)' (see 'haven list')", status: ExitStatus.usage)
        }
        guard found.count == 1, let summary = found.first else {
            let ids = found.prefix(5).map(\.id.rawValue).joined(separator: ", ")
            throw CommandFailure("haven: '\(id)' matches \(found.count) entries (\(ids)); give more of the id", status: ExitStatus.usage)
        }
        do {
            let stored = try context.store.loadEntry(summary.id, at: summary.path)
            if json {
                context.console.line(EntryJSON.encode(EntryJSON(stored, journal: context.locations.journal, includeBody: true)))
            } else {
                context.console.write(try context.store.fileText(of: stored))
            }
        } catch {
            throw context.fail(error)
        }
        return ExitStatus.ok
    }

    // MARK: prompts

    public static func promptsList(json: Bool, context: HavenContext) -> Int32 {
        let library = context.library
        let flows = library.listedFlows + library.flows.values.filter { !$0.listed }.sorted { $0.id < $1.id }
        if json {
            struct FlowJSON: Encodable {
                var id, title, description, source: String
                var minutes: Int?
                var listed: Bool
            }
            context.console.line(EntryJSON.encode(flows.map {
                FlowJSON(id: $0.id, title: $0.title, description: $0.description, source: library.origins[$0.id] ?? "",
                         minutes: $0.minutes, listed: $0.listed)
            }))
            return ExitStatus.ok
        }
        let width = flows.map(\.id.count).max() ?? 0
        let minutesWidth = flows.map { ($0.minutes.map { "\($0) min" } ?? "-").count }.max() ?? 0
        for flow in flows {
            let minutes = flow.minutes.map { "\($0) min" } ?? "-"
            let padded = flow.id + String(repeating: " ", count: width - flow.id.count)
            let paddedMinutes = String(repeating: " ", count: minutesWidth - minutes.count) + minutes
            context.console.line("\(padded)  \(paddedMinutes)  \(flow.title): \(flow.description)")
        }
        return ExitStatus.ok
    }

    /// What the lexicon proposes for an answer, with the words it matched (`haven prompts feel`).
    public static func promptsFeel(_ answer: String, json: Bool, context: HavenContext) -> Int32 {
        let sorting = FlowEngine(library: context.library, knownParts: []).propose(answer)
        if json {
            struct CueJSON: Encodable {
                var words: String; var list: String; var negated: Bool; var countsToward: String?
                enum CodingKeys: String, CodingKey { case words, list, negated, countsToward = "counts_toward" }
            }
            struct FeelJSON: Encodable {
                var answer: String
                var proposed: String
                var bodyOnly: Bool
                var cues: [CueJSON]
                enum CodingKeys: String, CodingKey { case answer, proposed, bodyOnly = "body_only", cues }
            }
            context.console.line(EntryJSON.encode(FeelJSON(
                answer: answer, proposed: sorting.result.rawValue, bodyOnly: sorting.isBodyOnly,
                cues: sorting.cues.map { CueJSON(words: $0.words, list: $0.sign.rawValue, negated: $0.negated,
                                                 countsToward: $0.countsToward?.rawValue) })))
            return ExitStatus.ok
        }
        let console = context.console
        let reading: String
        switch sorting.result {
        case .selfPresent: reading = "some Self here (self)"
        case .targetBlended: reading = "the part's own feeling has filled you (blended)"
        case .concernedPart: reading = "another part has feelings about it, or wants something (concerned-part)"
        case .unclear: reading = sorting.isBodyOnly ? "where it is felt, not a feeling toward it (unclear)" : "nothing it can tell (unclear)"
        }
        console.line("Proposes: \(reading)")
        if sorting.cues.isEmpty {
            console.line("Matched: no words of the lexicon")
        } else {
            console.line("Matched:")
            for cue in sorting.cues {
                let counts = cue.countsToward.map { "counts toward \($0.rawValue)" } ?? "counts for nothing"
                let negated = cue.negated ? ", negated" : ""
                console.line("  \"\(cue.words)\"  \(cue.sign.rawValue) list (\(cue.sign.meaning))\(negated); \(counts)")
            }
        }
        console.line("In a flow the person confirms or changes this; Haven only proposes.")
        return ExitStatus.ok
    }

    /// Checks prompt files. With no paths: the shipped prompts and the person's own folder.
    public static func promptsCheck(paths: [String], context: HavenContext) -> Int32 {
        var checked: [PromptSource] = []
        var problems: [PromptProblem] = []
        if paths.isEmpty {
            checked = context.promptSources
        } else {
            for path in paths {
                let read = PromptFiles.read(path)
                checked += read.sources
                problems += read.problems
                if read.sources.isEmpty && read.problems.isEmpty {
                    problems.append(PromptProblem(SourcePosition(file: path, line: 1, column: 1), "no prompt files (*.yaml) here"))
                }
            }
        }
        // Checked files may call shipped flows (such as grounding), so those are loaded first.
        let checkedNames = Set(checked.map(\.name))
        let base = paths.isEmpty ? [] : HavenContext.shippedPromptSources
        let library = FlowLibrary(sources: base + checked)
        problems += library.problems.filter { checkedNames.contains($0.position.file) }

        // Two checked files with one flow id is a mistake; a person's file overriding a shipped
        // flow (same id) is not.
        let shippedNames = Set(HavenContext.shippedPromptSources.map(\.name))
        var firstFileForID: [String: String] = [:]
        for source in checked where !(paths.isEmpty && shippedNames.contains(source.name)) {
            guard case .flow(let flow)? = PromptFileParser.parse(source.text, fileName: source.name).content else { continue }
            if let other = firstFileForID[flow.id] {
                problems.append(PromptProblem(flow.position, "duplicate flow id '\(flow.id)' (also in \(other))"))
            } else {
                firstFileForID[flow.id] = source.name
            }
        }
        for problem in problems { context.console.line(problem.description) }
        let files = Set(problems.map(\.position.file)).count
        if problems.isEmpty {
            context.console.errorLine("\(checked.count) prompt file\(checked.count == 1 ? "" : "s") checked: no problems")
            return ExitStatus.ok
        }
        context.console.errorLine("\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")")
        return ExitStatus.dataError
    }
}
