import Foundation
import Synchronization

/// A file of the journal that could not be read: where, and why. It is left exactly as it is.
public struct JournalProblem: Hashable, Sendable, CustomStringConvertible {
    /// Path relative to the journal folder, e.g. `entries/2026/11/x.md`.
    public var path: String
    public var line: Int?
    public var reason: String

    public init(path: String, line: Int?, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    public var description: String {
        line.map { "\(path):\($0): \(reason)" } ?? "\(path): \(reason)"
    }
}

/// An entry as read from the store, with what is needed to write it back safely.
public struct StoredEntry: Hashable, Sendable {
    public var entry: Entry
    /// Path relative to the journal folder.
    public var path: String
    /// Hash of the file as read; an update is refused if the file no longer matches it.
    public var version: ContentHash

    public init(entry: Entry, path: String, version: ContentHash) {
        self.entry = entry
        self.path = path
        self.version = version
    }
}

public struct StoredPart: Hashable, Sendable {
    public var part: Part
    public var path: String
    public var version: ContentHash

    public init(part: Part, path: String, version: ContentHash) {
        self.part = part
        self.path = path
        self.version = version
    }
}

/// Every entry that could be read (newest first) and every file that could not.
public struct EntryListing: Sendable {
    public var entries: [StoredEntry]
    public var problems: [JournalProblem]

    public init(entries: [StoredEntry], problems: [JournalProblem]) {
        self.entries = entries
        self.problems = problems
    }
}

/// What `createEntries` did: the entries written, those left out because their id was already
/// taken, and the failure that stopped the batch early, if one did.
public struct EntryBatchResult: Sendable {
    public var created: [StoredEntry]
    /// Ids already in the journal, or given twice in the batch (only the first was written).
    public var skipped: [EntryID]
    /// A write that failed; the entries after it were not tried. Those written before it stay.
    public var failure: StoreError?

    public init(created: [StoredEntry] = [], skipped: [EntryID] = [], failure: StoreError? = nil) {
        self.created = created
        self.skipped = skipped
        self.failure = failure
    }
}

public struct PartListing: Sendable {
    public var parts: [StoredPart]
    public var problems: [JournalProblem]

    public init(parts: [StoredPart], problems: [JournalProblem]) {
        self.parts = parts
        self.problems = problems
    }
}

/// A guided session saved part-way, so it can be resumed after a crash or a closed terminal.
public struct Draft: Hashable, Sendable, Codable {
    /// The id the entry will have when the session is saved; also names the draft.
    public var entryID: EntryID
    public var savedAt: LocalDateTime
    public var run: FlowRun
    /// The answer being typed when the draft was saved (not yet given to the engine), so
    /// quitting or a closed terminal does not lose it.
    public var pendingAnswer: String?

    public init(entryID: EntryID, savedAt: LocalDateTime, run: FlowRun, pendingAnswer: String? = nil) {
        self.entryID = entryID
        self.savedAt = savedAt
        self.run = run
        self.pendingAnswer = pendingAnswer
    }
}

public struct DraftListing: Sendable {
    public var drafts: [Draft]
    public var problems: [JournalProblem]

    public init(drafts: [Draft], problems: [JournalProblem]) {
        self.drafts = drafts
        self.problems = problems
    }
}

public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    case entryNotFound(EntryID)
    case partNotFound(PartID)
    case alreadyExists(String)
    /// The file changed on disk since it was read: it is not overwritten.
    case changedOnDisk(String)
    case unreadable(JournalProblem)
    /// Text offered as an entry that cannot be read as one (an edit gone wrong): nothing was written.
    case notAnEntry(line: Int?, reason: String)
    case io(path: String, message: String)

    public var description: String {
        switch self {
        case .entryNotFound(let id): return "no entry with id '\(id)'"
        case .partNotFound(let id): return "no part with id '\(id)'"
        case .alreadyExists(let path): return "\(path) already exists; nothing was overwritten"
        case .changedOnDisk(let path):
            return "\(path) was changed outside Haven since it was read; it was not overwritten (your outside edit is kept). Reload and try again."
        case .unreadable(let problem): return "cannot read \(problem)"
        case .notAnEntry(let line, let reason): return (line.map { "line \($0): " } ?? "") + reason
        case .io(let path, let message): return "\(path): \(message)"
        }
    }

    /// True for failures of the disk rather than of the data.
    public var isIOError: Bool {
        if case .io = self { return true }
        return false
    }
}

/// Where entries, parts and drafts live. The file store and the in-memory store both pass the
/// same contract tests (Tests/JournalFilesTests/StoreContractTests.swift).
public protocol JournalStore: AnyObject {
    /// Every readable entry, newest first, and a problem for each file that could not be read.
    func loadEntries() throws(StoreError) -> EntryListing
    func loadEntry(_ id: EntryID) throws(StoreError) -> StoredEntry
    /// The entry's file exactly as it is on disk (comments and all), for showing it.
    func fileText(of entry: StoredEntry) throws(StoreError) -> String
    /// Writes a new entry; never replaces an existing file (two entries in one second get two files).
    func createEntry(_ entry: Entry) throws(StoreError) -> StoredEntry
    /// Writes many new entries, reading the journal once (not once per entry, as `createEntry`
    /// must), so importing thousands stays linear. An entry whose id is already in the journal is
    /// skipped, not written. Throws only if the journal cannot be read; a failed write ends the
    /// batch and is returned in `failure`.
    func createEntries(_ entries: [Entry]) throws(StoreError) -> EntryBatchResult
    /// Rewrites an entry, only if its file is still exactly as it was read (`version`).
    func updateEntry(_ entry: Entry, expecting version: ContentHash) throws(StoreError) -> StoredEntry
    /// One entry by its file (from the index), without reading the others. `entryNotFound`
    /// when the file is gone or holds another entry now.
    func loadEntry(_ id: EntryID, at path: String) throws(StoreError) -> StoredEntry
    /// Rewrites the entry in `stored`'s file, only if that file is still exactly as it was read.
    func updateEntry(_ entry: Entry, replacing stored: StoredEntry) throws(StoreError) -> StoredEntry
    /// Replaces the entry's file with text the person edited, only if that text reads as an
    /// entry with the same id and the file is still as it was read. The text is kept as written.
    func replaceEntryText(_ entry: StoredEntry, with text: String) throws(StoreError) -> StoredEntry
    /// Writes text the person edited back where the entry's file was, when that file has gone
    /// meanwhile (deleted elsewhere): only if it reads as the same entry, and only where no file
    /// is. The text is kept as written.
    func rewriteGoneEntry(_ entry: StoredEntry, with text: String) throws(StoreError) -> StoredEntry
    /// Moves the entry's file to `trash/`; nothing is ever erased. Returns where it went.
    @discardableResult
    func trashEntry(_ id: EntryID, expecting version: ContentHash) throws(StoreError) -> String
    /// Puts a trashed entry back where it was (undo); refuses if something took its place.
    func restoreEntry(fromTrash trashPath: String, to path: String) throws(StoreError) -> StoredEntry

    func loadParts() throws(StoreError) -> PartListing
    /// Saves a part: `version` nil means it must be new; otherwise the file must still match it.
    func savePart(_ part: Part, expecting version: ContentHash?) throws(StoreError) -> StoredPart
    /// Moves a part's file to `trash/` (after a merge, or deleted), only if it is still as it was
    /// read. Returns where it went.
    @discardableResult
    func trashPart(_ id: PartID, expecting version: ContentHash) throws(StoreError) -> String
    /// Puts a trashed part record back where it was (undo); refuses if a record took its place.
    func restorePart(fromTrash trashPath: String, to path: String) throws(StoreError) -> StoredPart
    /// Puts a copy of a file of the journal (`path`, relative), as it is, in `trash/`, before it
    /// is knowingly written over, so the words replaced are kept; only if it is still as it was
    /// read (`version`). Returns the copy's path.
    @discardableResult
    func copyToTrash(_ path: String, expecting version: ContentHash) throws(StoreError) -> String

    /// The person's safety plan (`safety-plan.md`); nil when there is none yet. A file that cannot
    /// be read as one throws `.unreadable` (it is never replaced by an empty plan).
    func loadSafetyPlan() throws(StoreError) -> StoredSafetyPlan?
    /// Writes the plan: a new file (`expecting` nil, refused if one appeared meanwhile) or a
    /// checked replacement of the version read.
    func saveSafetyPlan(_ plan: SafetyPlan, expecting version: ContentHash?) throws(StoreError) -> StoredSafetyPlan
    func saveDraft(_ draft: Draft) throws(StoreError)
    func loadDrafts() throws(StoreError) -> DraftListing
    /// Moves the draft to `trash/` (when it was saved as an entry, or the person discarded it).
    /// Returns where it went.
    @discardableResult
    func discardDraft(_ id: EntryID) throws(StoreError) -> String
    /// Puts a discarded draft back in `drafts/` (undo); refuses if a draft with its id is there.
    func restoreDraft(fromTrash trashPath: String) throws(StoreError) -> Draft
}

/// Makes entry ids: `<yyyymmdd-hhmmss>-<4 random letters or digits>`. Injected for tests.
public struct EntryIDGenerator: Sendable {
    public var suffix: @Sendable () -> String

    public init(suffix: @escaping @Sendable () -> String) {
        self.suffix = suffix
    }

    public func make(at moment: LocalDateTime) -> EntryID {
        EntryID("\(moment.compactStamp)-\(suffix())")
    }

    /// The characters of a suffix: lower-case letters and digits, without the look-alikes l, o, 0, 1.
    public static let suffixAlphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")

    /// Random suffixes from the system's generator.
    public static let random = EntryIDGenerator {
        String((0..<4).map { _ in suffixAlphabet.randomElement()! })
    }

    /// `0001`, `0002`, ... for tests.
    public static func counting() -> EntryIDGenerator {
        let counter = Counter()
        return EntryIDGenerator { counter.next() }
    }
}

/// A thread-safe counter for the test id generator (the generator must be Sendable).
private final class Counter: Sendable {
    private let value = Mutex(0)

    func next() -> String {
        let digits = String(value.withLock { value in
            value += 1
            return value
        })
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension JournalStore {
    /// The edited text as an entry, checked: it must read as an entry and keep its id.
    public static func checkedEdit(_ text: String, of entry: StoredEntry) throws(StoreError) -> Entry {
        try EntryEdit.checked(text, of: entry)
    }
}

/// An entry's text as the person edited it, checked before anything is written.
public enum EntryEdit {
    /// The edited text as an entry: it must read as an entry and keep its id (a file without an
    /// `id:` line takes the entry's).
    public static func checked(_ text: String, of entry: StoredEntry) throws(StoreError) -> Entry {
        let edited: Entry
        do {
            edited = try EntryFormat.parse(text, fallbackID: entry.entry.id)
        } catch {
            throw .notAnEntry(line: error.line, reason: error.reason)
        }
        guard edited.id == entry.entry.id else {
            throw .notAnEntry(line: nil, reason: "the id changed (\(entry.entry.id) to \(edited.id)); an entry keeps its id")
        }
        return edited
    }
}
