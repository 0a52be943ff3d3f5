import Foundation
import JournalCore
import JournalFiles

/// `haven import jrnl PATH [--dry-run] [--json]` (docs/cli.md): a jrnl journal (a file, or a
/// folder journal of `YYYY/MM/DD.txt` files) becomes Haven entries, written in one batch, and a
/// summary of what was imported and skipped goes to stdout. Later importers (Day One...) sit beside it.
public enum ImportCommand {
    public struct Options {
        public var path: String
        /// Work everything out and report it, but write nothing.
        public var dryRun: Bool
        public var json: Bool

        public init(path: String, dryRun: Bool = false, json: Bool = false) {
            self.path = path
            self.dryRun = dryRun
            self.json = json
        }
    }

    /// `utcOffsetMinutes` gives the offset for a jrnl time (jrnl records none): the local time
    /// zone's for that date, unless a test says otherwise.
    public static func jrnl(_ options: Options, context: HavenContext, fileSystem: FileSystem = PosixFileSystem(),
                            utcOffsetMinutes: @escaping @Sendable (LocalDateTime) -> Int = { LocalTimeZone.utcOffsetMinutes(at: $0) })
        throws(CommandFailure) -> Int32 {
        let input = try JrnlInput.read(options.path, fileSystem: fileSystem)
        var plan = JrnlImporter(utcOffsetMinutes: utcOffsetMinutes).plan(input.sources)
        plan.skipped = input.skipped + plan.skipped
        guard plan.found.entries > 0 else { throw nothingToImport(options.path, input: input, plan: plan) }

        let report: ImportReport
        var failure: StoreError? = nil
        do {
            if options.dryRun {
                report = plan.report(existingIDs: Set(try context.store.loadEntries().entries.map(\.entry.id)))
            } else {
                let batch = try context.store.createEntries(plan.entries.map(\.entry))
                report = plan.report(after: batch)
                failure = batch.failure
                // Bring the index up to date now, from the entries in hand, so the first
                // `haven list` afterwards does not parse every new file (a cache: failing is fine).
                _ = try? context.summarySource.loadSummaries(knowing: batch.created)
            }
        } catch {
            throw context.fail(error)
        }

        let summary = ImportSummary(report: report, source: options.path, journal: context.locations.journal, dryRun: options.dryRun)
        context.console.write(options.json ? summary.json + "\n" : summary.text)
        if let failure {
            throw CommandFailure("haven: the import stopped: \(failure). \(report.notWritten.count) entries were not written; "
                                 + "run the same command again to add them (entries already imported are skipped).",
                                 status: failure.isIOError ? ExitStatus.ioError : ExitStatus.dataError)
        }
        return ExitStatus.ok
    }

    /// No jrnl entry at all: say what was there instead (exit 65, the data is not a journal).
    private static func nothingToImport(_ path: String, input: JrnlInput.Read, plan: ImportPlan) -> CommandFailure {
        var message: String
        if input.isFolder && input.sources.isEmpty {
            message = "haven: nothing to import: \(path) holds no jrnl day files (\(JrnlInput.dayFileShape))"
        } else if input.sources.allSatisfy(\.document.isEmpty) {
            message = "haven: nothing to import: \(path) is empty"
        } else {
            message = "haven: nothing to import: no line of \(path) starts a jrnl entry like '[2020-01-02 09:30] Title' "
                + "(jrnl's default time format, %Y-%m-%d %H:%M); nothing was written"
        }
        for skip in plan.skipped.prefix(ImportSummary.listLimit) { message += "\n  skipped \(skip)" }
        return CommandFailure(message, status: ExitStatus.dataError)
    }
}

/// The summary of an import, as text for people or JSON for scripts.
struct ImportSummary {
    /// Lines listed one by one in the text summary before "and N more".
    static let listLimit = 20

    let report: ImportReport
    let source: String
    let journal: String
    let dryRun: Bool

    var text: String {
        let found = report.plan.found
        var lines: [String] = []
        lines.append("Found \(count(found.entries, "jrnl entry", "jrnl entries")) in \(source): "
                     + "\(found.starred) starred, \(found.tagged) with tags.")
        let imported = count(report.imported.count, "entry", "entries")
        lines.append(dryRun ? "Would import \(imported) into \(journal) (dry run: nothing was written)."
                            : "Imported \(imported) into \(journal).")
        if !found.entriesByTag.isEmpty {
            let tags = found.tagsByUse
            let shown = tags.prefix(10).map { "\($0.tag) \($0.entries)" }.joined(separator: ", ")
            lines.append("Tags (entries): \(shown)\(tags.count > 10 ? ", and \(tags.count - 10) more" : "").")
        }
        let importedIDs = Set(report.imported.map(\.entry.id))
        for planned in report.plan.entries {
            guard let span = planned.leadingTextLines else { continue }
            let lineWords = span.count == 1 ? "line \(span.lowerBound)" : "lines \(span.lowerBound)-\(span.upperBound)"
            let what = "The text before the first entry of \(planned.origin.file) (\(lineWords))"
            if importedIDs.contains(planned.entry.id) {
                lines.append("\(what) \(dryRun ? "would be" : "was") kept as an entry of its own, dated with that entry: \(planned.entry.id).")
            } else {
                lines.append("\(what) is in the journal already, as \(planned.entry.id).")
            }
        }
        if !report.plan.keptAsText.isEmpty {
            lines.append("Kept as text of their entry (not a valid [YYYY-MM-DD HH:MM] header):")
            lines += listed(report.plan.keptAsText.map { "\($0.origin): \($0.text)" })
        }
        if !report.skipped.isEmpty {
            lines.append("Skipped \(report.skipped.count):")
            let already = report.alreadyInJournalCount
            if already > 0 { lines.append("  \(count(already, "entry", "entries")) already in the journal (imported before)") }
            lines += listed(report.skipped.filter { if case .alreadyInJournal = $0.reason { false } else { true } }.map(\.description))
        }
        if !report.notWritten.isEmpty {
            lines.append("Not written (the import stopped): \(count(report.notWritten.count, "entry", "entries")).")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func listed(_ items: [String]) -> [String] {
        var lines = items.prefix(Self.listLimit).map { "  " + $0 }
        if items.count > Self.listLimit { lines.append("  ... and \(items.count - Self.listLimit) more (--json lists them all)") }
        return lines
    }

    private func count(_ number: Int, _ one: String, _ many: String) -> String {
        "\(number) \(number == 1 ? one : many)"
    }

    // MARK: JSON

    private struct Found: Encodable {
        var entries, starred, tagged: Int
        var tags: [String: Int]
    }

    private struct Imported: Encodable {
        var id, from: String
        var textBeforeFirstEntry: Bool
        enum CodingKeys: String, CodingKey { case id, from, textBeforeFirstEntry = "text_before_first_entry" }
    }

    private struct Skipped: Encodable {
        var from, reason, message: String
        var id: String?
    }

    private struct Note: Encodable {
        var from, text: String
    }

    private struct Document: Encodable {
        var source, journal: String
        var dryRun: Bool
        var found: Found
        var imported: [Imported]
        var skipped: [Skipped]
        var keptAsText: [Note]
        var notWritten: Int
        enum CodingKeys: String, CodingKey {
            case source, journal, dryRun = "dry_run", found, imported, skipped, keptAsText = "kept_as_text", notWritten = "not_written"
        }
    }

    var json: String {
        let found = report.plan.found
        return EntryJSON.encode(Document(
            source: source, journal: journal, dryRun: dryRun,
            found: Found(entries: found.entries, starred: found.starred, tagged: found.tagged, tags: found.entriesByTag),
            imported: report.imported.map {
                Imported(id: $0.entry.id.rawValue, from: $0.origin.description, textBeforeFirstEntry: $0.leadingTextLines != nil)
            },
            skipped: report.skipped.map(Self.skipped),
            keptAsText: report.plan.keptAsText.map { Note(from: $0.origin.description, text: $0.text) },
            notWritten: report.notWritten.count))
    }

    private static func skipped(_ skip: ImportSkip) -> Skipped {
        let code: String
        var id: String? = nil
        switch skip.reason {
        case .alreadyInJournal(let existing):
            code = "already-in-journal"
            id = existing.rawValue
        case .repeated: code = "repeated"
        case .undatedText: code = "undated-text"
        case .unreadableFile: code = "unreadable-file"
        case .notAJournalFile: code = "not-a-journal-file"
        }
        return Skipped(from: skip.origin.description, reason: code, message: skip.description, id: id)
    }
}
