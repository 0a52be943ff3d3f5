/// Where something being imported came from: a file as the person named it (or its path inside a
/// folder journal) and, when it is about one entry, the line.
public struct ImportOrigin: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?

    public init(file: String, line: Int? = nil) {
        self.file = file
        self.line = line
    }

    public var description: String { line.map { "\(file):\($0)" } ?? file }
}

/// An entry ready to be written, and where it came from.
public struct PlannedEntry: Hashable, Sendable {
    public var entry: Entry
    public var origin: ImportOrigin
    /// For writing that came before the first entry of its file (kept as an entry of its own),
    /// the lines it spans; nil for an entry proper.
    public var leadingTextLines: ClosedRange<Int>?

    public init(entry: Entry, origin: ImportOrigin, leadingTextLines: ClosedRange<Int>? = nil) {
        self.entry = entry
        self.origin = origin
        self.leadingTextLines = leadingTextLines
    }
}

/// Something not imported, and why.
public struct ImportSkip: Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// An entry with this id is in the journal already: imported before.
        case alreadyInJournal(EntryID)
        /// The same date and text as an earlier entry of this import (at that origin).
        case repeated(of: ImportOrigin)
        /// Writing in a file that has no dated entry to date it by.
        case undatedText
        /// A file of a folder journal that could not be read, and why.
        case unreadableFile(String)
        /// A file in a folder journal that is not one of its day files.
        case notAJournalFile(expected: String)
    }

    public var origin: ImportOrigin
    public var reason: Reason

    public init(origin: ImportOrigin, reason: Reason) {
        self.origin = origin
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .alreadyInJournal(let id): return "\(origin): already in the journal (\(id))"
        case .repeated(let first): return "\(origin): same date and text as \(first); imported once"
        case .undatedText: return "\(origin): text with no dated entry in its file to date it by"
        case .unreadableFile(let why): return "\(origin): \(why)"
        case .notAJournalFile(let expected): return "\(origin): not a journal file (\(expected))"
        }
    }
}

/// What a source holds, for the summary: entries (not counting text before the first one),
/// how many are starred or tagged, and how many entries carry each tag (lower-cased).
public struct ImportCounts: Hashable, Sendable {
    public var entries = 0
    public var starred = 0
    public var tagged = 0
    public var entriesByTag: [String: Int] = [:]

    public init() {}

    mutating func count(_ entry: Entry) {
        entries += 1
        if entry.starred { starred += 1 }
        if !entry.tags.isEmpty { tagged += 1 }
        for tag in Set(entry.tags.map { $0.lowercased() }) { entriesByTag[tag, default: 0] += 1 }
    }

    /// Tags with their counts, most used first (then by name).
    public var tagsByUse: [(tag: String, entries: Int)] {
        entriesByTag.map { (tag: $0.key, entries: $0.value) }
            .sorted { $0.entries != $1.entries ? $0.entries > $1.entries : $0.tag < $1.tag }
    }
}

/// Text that only looks like part of the format (a line like a header that is not one), kept as
/// text; the summary points it out.
public struct ImportNote: Hashable, Sendable {
    public var origin: ImportOrigin
    public var text: String

    public init(origin: ImportOrigin, text: String) {
        self.origin = origin
        self.text = text
    }
}

/// What an import will do, worked out before anything is written.
public struct ImportPlan: Sendable {
    /// `jrnl`: also the value of the entries' `imported_from` field.
    public var format: String
    public var entries: [PlannedEntry] = []
    public var skipped: [ImportSkip] = []
    public var keptAsText: [ImportNote] = []
    public var found = ImportCounts()

    public init(format: String) {
        self.format = format
    }

    /// What happened once the store wrote the batch.
    public func report(after batch: EntryBatchResult) -> ImportReport {
        report(created: Set(batch.created.map(\.entry.id)), alreadyInJournal: Set(batch.skipped))
    }

    /// What would happen, given the ids already in the journal (for a dry run).
    public func report(existingIDs: Set<EntryID>) -> ImportReport {
        report(created: Set(entries.map(\.entry.id)).subtracting(existingIDs), alreadyInJournal: existingIDs)
    }

    private func report(created: Set<EntryID>, alreadyInJournal: Set<EntryID>) -> ImportReport {
        var report = ImportReport(plan: self)
        report.skipped = skipped
        for planned in entries {
            if created.contains(planned.entry.id) {
                report.imported.append(planned)
            } else if alreadyInJournal.contains(planned.entry.id) {
                report.skipped.append(ImportSkip(origin: planned.origin, reason: .alreadyInJournal(planned.entry.id)))
            } else {
                report.notWritten.append(planned)
            }
        }
        return report
    }
}

/// The outcome of an import, for the summary the command prints.
public struct ImportReport: Sendable {
    public var plan: ImportPlan
    public var imported: [PlannedEntry] = []
    /// Everything not imported, with why (the plan's own skips, then entries already present).
    public var skipped: [ImportSkip] = []
    /// Entries not written because a write failed before their turn.
    public var notWritten: [PlannedEntry] = []

    public init(plan: ImportPlan) {
        self.plan = plan
    }

    public var alreadyInJournalCount: Int {
        skipped.count { if case .alreadyInJournal = $0.reason { true } else { false } }
    }
}
