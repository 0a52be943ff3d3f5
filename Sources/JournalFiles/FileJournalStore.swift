import JournalCore

/// The journal as a folder of plain-text files (docs/entry-format.md). Every write is atomic,
/// nothing is overwritten that changed since it was read, and nothing is ever erased: deleting
/// moves a file into `trash/`.
public final class FileJournalStore: JournalStore {
    public let root: String
    private let fileSystem: FileSystem

    /// `root` is the journal folder; it is created (mode 0700) on the first write, not before.
    public init(root: String, fileSystem: FileSystem = PosixFileSystem()) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        self.fileSystem = fileSystem
    }

    private func absolute(_ relative: String) -> String { root + "/" + relative }

    private func ioError(_ error: FileSystemError) -> StoreError {
        var path = error.path
        if path.hasPrefix(root + "/") { path.removeFirst(root.count + 1) }
        return .io(path: path, message: "cannot \(error.operation): \(error.reason)")
    }

    /// Reads a file as UTF-8 text, or says why it cannot be read.
    private func readText(_ relative: String) throws(StoreError) -> (text: String, version: ContentHash)? {
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.read(absolute(relative))
        } catch {
            if error.notFound { return nil }
            // One file Haven may not read (permissions, say) is reported, not fatal.
            throw .unreadable(JournalProblem(path: relative, line: nil, reason: "cannot be read: \(error.reason)"))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .unreadable(JournalProblem(path: relative, line: nil, reason: "the file is not UTF-8 text"))
        }
        return (text, ContentHash(of: bytes))
    }

    /// The files of a folder, and a problem for each thing in it that cannot be read.
    private func list(_ folder: String) throws(StoreError) -> (paths: [String], problems: [JournalProblem]) {
        do {
            let list = try fileSystem.listFiles(under: absolute(folder))
            return (list.files.map { folder + "/" + $0 },
                    list.unreadable.map { JournalProblem(path: folder + "/" + $0.path, line: nil, reason: $0.reason) })
        } catch {
            throw ioError(error)
        }
    }

    // MARK: Entries

    public func loadEntries() throws(StoreError) -> EntryListing {
        var entries: [StoredEntry] = []
        let listed = try list("entries")
        var problems = listed.problems
        for path in listed.paths {
            guard path.hasSuffix(".md") else {
                problems.append(JournalProblem(path: path, line: nil, reason: "not a .md file, so not read as an entry; left as it is"))
                continue
            }
            do {
                guard let (text, version) = try readText(path) else { continue } // removed meanwhile
                do {
                    let entry = try EntryFormat.parse(text, fallbackID: EntryID(JournalLayout.stem(of: path)))
                    entries.append(StoredEntry(entry: entry, path: path, version: version))
                } catch {
                    problems.append(JournalProblem(path: path, line: error.line, reason: error.reason))
                }
            } catch let error {
                if case .unreadable(let problem) = error { problems.append(problem) } else { throw error }
            }
        }
        entries = JournalLayout.newestFirst(entries)
        var seen: [EntryID: String] = [:]
        var unique: [StoredEntry] = []
        for stored in entries {
            if let first = seen[stored.entry.id] {
                problems.append(JournalProblem(path: stored.path, line: nil,
                                               reason: "has the same id as \(first) (\(stored.entry.id)); only that one is shown"))
            } else {
                seen[stored.entry.id] = stored.path
                unique.append(stored)
            }
        }
        return EntryListing(entries: unique, problems: problems.sorted { $0.path < $1.path })
    }

    public func loadEntry(_ id: EntryID) throws(StoreError) -> StoredEntry {
        // An id begins with the moment it was made (yyyymmdd-...), which is also where its file
        // usually lives: look in that month's folder first, so one entry does not cost reading
        // years of them. Anywhere else (moved, renamed, hand-made ids) is still found.
        let raw = Array(id.rawValue.utf8)
        if raw.count >= 8, raw[0..<8].allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            let folder = "entries/\(id.rawValue.prefix(4))/\(id.rawValue.dropFirst(4).prefix(2))"
            var matches: [StoredEntry] = []
            for path in (try? list(folder).paths) ?? [] where path.hasSuffix(".md") {
                if let found = try? loadEntry(id, at: path) { matches.append(found) }
            }
            // Exactly one there: that is it. None or several (a duplicate id): ask the whole journal.
            if matches.count == 1, let only = matches.first {
                return only
            }
        }
        guard let found = try loadEntries().entries.first(where: { $0.entry.id == id }) else { throw .entryNotFound(id) }
        return found
    }

    public func fileText(of entry: StoredEntry) throws(StoreError) -> String {
        guard let (text, _) = try readText(entry.path) else { throw .entryNotFound(entry.entry.id) }
        return text
    }

    public func createEntry(_ entry: Entry) throws(StoreError) -> StoredEntry {
        if try loadEntries().entries.contains(where: { $0.entry.id == entry.id }) {
            throw .alreadyExists("an entry with id \(entry.id)")
        }
        return try writeNewEntry(entry)
    }

    public func createEntries(_ entries: [Entry]) throws(StoreError) -> EntryBatchResult {
        var taken = Set(try loadEntries().entries.map(\.entry.id))
        var result = EntryBatchResult()
        for entry in entries {
            guard taken.insert(entry.id).inserted else {
                result.skipped.append(entry.id)
                continue
            }
            do {
                result.created.append(try writeNewEntry(entry))
            } catch {
                result.failure = error
                break
            }
        }
        return result
    }

    /// Writes the entry under the first free name; the caller has checked its id is new.
    private func writeNewEntry(_ entry: Entry) throws(StoreError) -> StoredEntry {
        let text = EntryFormat.render(entry)
        let bytes = Array(text.utf8)
        var number = 1
        while true {
            let path = JournalLayout.entryPath(for: entry, number: number)
            do {
                try fileSystem.createFolder(absolute(PosixFileSystem.folder(of: path)))
                try fileSystem.writeNew(absolute(path), bytes: bytes)
                return StoredEntry(entry: entry, path: path, version: ContentHash(of: bytes))
            } catch {
                // Another entry took this name (same second, same flow): use the next number.
                guard error.alreadyExists, number < 10_000 else { throw ioError(error) }
                number += 1
            }
        }
    }

    public func updateEntry(_ entry: Entry, expecting version: ContentHash) throws(StoreError) -> StoredEntry {
        let current = try loadEntry(entry.id)
        return StoredEntry(entry: entry, path: current.path,
                           version: try replaceChecked(current.path, text: try renderKeepingBody(entry, of: current), expecting: version))
    }

    /// The entry's new text, its body kept as written where the writing did not change.
    private func renderKeepingBody(_ entry: Entry, of stored: StoredEntry) throws(StoreError) -> String {
        guard let original = try readText(stored.path)?.text else { return EntryFormat.render(entry) }
        return EntryFormat.render(entry, keepingBodyOf: original)
    }

    public func loadEntry(_ id: EntryID, at path: String) throws(StoreError) -> StoredEntry {
        guard path.hasPrefix("entries/"), !path.contains(".."), let (text, version) = try readText(path),
              let entry = try? EntryFormat.parse(text, fallbackID: EntryID(JournalLayout.stem(of: path))),
              entry.id == id else { throw .entryNotFound(id) }
        return StoredEntry(entry: entry, path: path, version: version)
    }

    public func updateEntry(_ entry: Entry, replacing stored: StoredEntry) throws(StoreError) -> StoredEntry {
        guard entry.id == stored.entry.id else { throw .notAnEntry(line: nil, reason: "an entry keeps its id") }
        return StoredEntry(entry: entry, path: stored.path,
                           version: try replaceChecked(stored.path, text: try renderKeepingBody(entry, of: stored), expecting: stored.version))
    }

    public func replaceEntryText(_ entry: StoredEntry, with text: String) throws(StoreError) -> StoredEntry {
        let edited = try Self.checkedEdit(text, of: entry)
        return StoredEntry(entry: edited, path: entry.path, version: try replaceChecked(entry.path, text: text, expecting: entry.version))
    }

    public func rewriteGoneEntry(_ entry: StoredEntry, with text: String) throws(StoreError) -> StoredEntry {
        let edited = try Self.checkedEdit(text, of: entry)
        if try loadEntries().entries.contains(where: { $0.entry.id == edited.id }) {
            throw .alreadyExists("an entry with id \(edited.id)")
        }
        do {
            try fileSystem.createFolder(absolute(PosixFileSystem.folder(of: entry.path)))
            try fileSystem.writeNew(absolute(entry.path), bytes: Array(text.utf8))
        } catch {
            throw error.alreadyExists ? .alreadyExists(entry.path) : ioError(error)
        }
        return StoredEntry(entry: edited, path: entry.path, version: ContentHash(of: text))
    }

    @discardableResult
    public func trashEntry(_ id: EntryID, expecting version: ContentHash) throws(StoreError) -> String {
        let current = try loadEntry(id)
        guard let onDisk = try readText(current.path), onDisk.version == version else { throw .changedOnDisk(current.path) }
        return try moveToTrash(current.path)
    }

    public func restoreEntry(fromTrash trashPath: String, to path: String) throws(StoreError) -> StoredEntry {
        guard trashPath.hasPrefix("trash/entries/"), path.hasPrefix("entries/"), !trashPath.contains(".."), !path.contains("..") else {
            throw .io(path: trashPath, message: "is not an entry in the trash")
        }
        guard let (text, version) = try readText(trashPath) else { throw .io(path: trashPath, message: "is no longer in the trash") }
        let entry: Entry
        do {
            entry = try EntryFormat.parse(text, fallbackID: EntryID(JournalLayout.stem(of: path)))
        } catch {
            throw .unreadable(JournalProblem(path: trashPath, line: error.line, reason: error.reason))
        }
        do {
            try fileSystem.createFolder(absolute(PosixFileSystem.folder(of: path)))
            try fileSystem.move(absolute(trashPath), to: absolute(path)) // refuses to replace a file
        } catch {
            throw error.alreadyExists ? .alreadyExists(path) : ioError(error)
        }
        return StoredEntry(entry: entry, path: path, version: version)
    }

    // MARK: Parts

    public func loadParts() throws(StoreError) -> PartListing {
        var parts: [StoredPart] = []
        let listed = try list("parts")
        var problems = listed.problems
        for path in listed.paths {
            guard path.hasSuffix(".md") else {
                problems.append(JournalProblem(path: path, line: nil, reason: "not a .md file, so not read as a part; left as it is"))
                continue
            }
            do {
                guard let (text, version) = try readText(path) else { continue }
                do {
                    let part = try PartFormat.parse(text, fallbackID: PartID(JournalLayout.stem(of: path)))
                    parts.append(StoredPart(part: part, path: path, version: version))
                } catch {
                    problems.append(JournalProblem(path: path, line: error.line, reason: error.reason))
                }
            } catch let error {
                if case .unreadable(let problem) = error { problems.append(problem) } else { throw error }
            }
        }
        return PartListing(parts: parts.sorted { $0.part.id < $1.part.id }, problems: problems)
    }

    public func savePart(_ part: Part, expecting version: ContentHash?) throws(StoreError) -> StoredPart {
        let text = PartFormat.render(part)
        guard let version else {
            // The id may live in a file someone renamed by hand: never make a second one.
            if let existing = try loadParts().parts.first(where: { $0.part.id == part.id }) {
                throw .alreadyExists(existing.path)
            }
            let path = JournalLayout.partPath(part.id)
            do {
                try fileSystem.createFolder(absolute("parts"))
                try fileSystem.writeNew(absolute(path), bytes: Array(text.utf8))
            } catch {
                throw error.alreadyExists ? .alreadyExists(path) : ioError(error)
            }
            return StoredPart(part: part, path: path, version: ContentHash(of: text))
        }
        guard let existing = try loadParts().parts.first(where: { $0.part.id == part.id }) else {
            throw .partNotFound(part.id)
        }
        return StoredPart(part: part, path: existing.path, version: try replaceChecked(existing.path, text: text, expecting: version))
    }

    // MARK: Safety plan

    public func loadSafetyPlan() throws(StoreError) -> StoredSafetyPlan? {
        let path = SafetyPlanFormat.path
        guard let (text, version) = try readText(path) else { return nil }
        do {
            return StoredSafetyPlan(plan: try SafetyPlanFormat.parse(text), path: path, version: version)
        } catch {
            throw .unreadable(JournalProblem(path: path, line: error.line, reason: error.reason))
        }
    }

    public func saveSafetyPlan(_ plan: SafetyPlan, expecting version: ContentHash?) throws(StoreError) -> StoredSafetyPlan {
        let path = SafetyPlanFormat.path
        let text = SafetyPlanFormat.render(plan)
        guard let version else {
            do {
                try fileSystem.writeNew(absolute(path), bytes: Array(text.utf8))
            } catch {
                throw error.alreadyExists ? .alreadyExists(path) : ioError(error)
            }
            return StoredSafetyPlan(plan: plan, path: path, version: ContentHash(of: text))
        }
        return StoredSafetyPlan(plan: plan, path: path, version: try replaceChecked(path, text: text, expecting: version))
    }

    // MARK: Drafts

    @discardableResult
    public func trashPart(_ id: PartID, expecting version: ContentHash) throws(StoreError) -> String {
        guard let stored = try loadParts().parts.first(where: { $0.part.id == id }) else { throw .partNotFound(id) }
        guard let onDisk = try readText(stored.path), onDisk.version == version else { throw .changedOnDisk(stored.path) }
        return try moveToTrash(stored.path)
    }

    public func restorePart(fromTrash trashPath: String, to path: String) throws(StoreError) -> StoredPart {
        guard trashPath.hasPrefix("trash/parts/"), path.hasPrefix("parts/"), !trashPath.contains(".."), !path.contains("..") else {
            throw .io(path: trashPath, message: "is not a part record in the trash")
        }
        guard let (text, version) = try readText(trashPath) else { throw .io(path: trashPath, message: "is no longer in the trash") }
        let part: Part
        do {
            part = try PartFormat.parse(text, fallbackID: PartID(JournalLayout.stem(of: path)))
        } catch {
            throw .unreadable(JournalProblem(path: trashPath, line: error.line, reason: error.reason))
        }
        // Another record with the same id (made meanwhile under another file name) would make two.
        guard !(try loadParts().parts.contains { $0.part.id == part.id }) else { throw .alreadyExists(path) }
        do {
            try fileSystem.move(absolute(trashPath), to: absolute(path)) // refuses to replace a file
        } catch {
            throw error.alreadyExists ? .alreadyExists(path) : ioError(error)
        }
        return StoredPart(part: part, path: path, version: version)
    }

    @discardableResult
    public func copyToTrash(_ path: String, expecting version: ContentHash) throws(StoreError) -> String {
        guard let onDisk = try readText(path), onDisk.version == version else { throw .changedOnDisk(path) }
        var number = 1
        while true {
            let target = "trash/" + (number == 1 ? path : JournalLayout.numbered(path, number))
            do {
                try fileSystem.createFolder(absolute(PosixFileSystem.folder(of: target)))
                try fileSystem.writeNew(absolute(target), bytes: Array(onDisk.text.utf8))
                return target
            } catch {
                guard error.alreadyExists, number < 10_000 else { throw ioError(error) }
                number += 1
            }
        }
    }

    public func saveDraft(_ draft: Draft) throws(StoreError) {
        let path = JournalLayout.draftPath(draft.entryID)
        let bytes = Array(try DraftFormat.render(draft).utf8)
        do {
            try fileSystem.createFolder(absolute("drafts"))
            try fileSystem.replace(absolute(path), bytes: bytes)
        } catch {
            throw ioError(error)
        }
    }

    public func loadDrafts() throws(StoreError) -> DraftListing {
        var drafts: [Draft] = []
        let listed = try list("drafts")
        var problems = listed.problems
        for path in listed.paths where path.hasSuffix(".json") {
            do {
                guard let (text, _) = try readText(path) else { continue }
                do {
                    drafts.append(try DraftFormat.parse(text))
                } catch {
                    problems.append(JournalProblem(path: path, line: nil, reason: error.description))
                }
            } catch let error {
                if case .unreadable(let problem) = error { problems.append(problem) } else { throw error }
            }
        }
        return DraftListing(drafts: drafts.sorted { ($0.savedAt.secondsSinceEpoch, $0.entryID) > ($1.savedAt.secondsSinceEpoch, $1.entryID) }, problems: problems)
    }

    @discardableResult
    public func discardDraft(_ id: EntryID) throws(StoreError) -> String {
        let path = JournalLayout.draftPath(id)
        guard fileSystem.fileExists(absolute(path)) else { throw .entryNotFound(id) }
        return try moveToTrash(path)
    }

    public func restoreDraft(fromTrash trashPath: String) throws(StoreError) -> Draft {
        guard trashPath.hasPrefix("trash/drafts/"), !trashPath.contains("..") else {
            throw .io(path: trashPath, message: "is not a draft in the trash")
        }
        guard let (text, _) = try readText(trashPath) else { throw .io(path: trashPath, message: "is no longer in the trash") }
        let draft: Draft
        do {
            draft = try DraftFormat.parse(text)
        } catch {
            throw .unreadable(JournalProblem(path: trashPath, line: nil, reason: error.description))
        }
        let path = JournalLayout.draftPath(draft.entryID)
        do {
            try fileSystem.createFolder(absolute("drafts"))
            try fileSystem.move(absolute(trashPath), to: absolute(path)) // refuses to replace a file
        } catch {
            throw error.alreadyExists ? .alreadyExists(path) : ioError(error)
        }
        return draft
    }

    // MARK: Shared

    /// Replaces a file only if it still has the hash it had when read.
    private func replaceChecked(_ path: String, text: String, expecting version: ContentHash) throws(StoreError) -> ContentHash {
        guard let onDisk = try readText(path), onDisk.version == version else { throw .changedOnDisk(path) }
        let bytes = Array(text.utf8)
        do {
            try fileSystem.replace(absolute(path), bytes: bytes)
        } catch {
            throw ioError(error)
        }
        return ContentHash(of: bytes)
    }

    @discardableResult
    private func moveToTrash(_ path: String) throws(StoreError) -> String {
        var number = 1
        while true {
            let target = "trash/" + (number == 1 ? path : JournalLayout.numbered(path, number))
            do {
                try fileSystem.createFolder(absolute(PosixFileSystem.folder(of: target)))
                try fileSystem.move(absolute(path), to: absolute(target))
                return target
            } catch {
                guard error.alreadyExists, number < 10_000 else { throw ioError(error) }
                number += 1
            }
        }
    }
}
