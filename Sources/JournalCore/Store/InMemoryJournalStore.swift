/// A store held in memory, for tests and previews. It follows the same contract as the file
/// store, including refusing to overwrite what changed since it was read.
public final class InMemoryJournalStore: JournalStore {
    /// Files by relative path, as the file store would write them.
    public private(set) var files: [String: String] = [:]
    public private(set) var trash: [String: String] = [:]

    public init() {}

    /// Puts a file in place as if written from outside Haven (by hand, by another program).
    public func writeOutside(path: String, text: String) {
        files[path] = text
    }

    public func loadEntries() throws(StoreError) -> EntryListing {
        var entries: [StoredEntry] = []
        var problems: [JournalProblem] = []
        for (path, text) in files where path.hasPrefix("entries/") {
            do {
                let entry = try EntryFormat.parse(text, fallbackID: EntryID(JournalLayout.stem(of: path)))
                entries.append(StoredEntry(entry: entry, path: path, version: ContentHash(of: text)))
            } catch {
                problems.append(JournalProblem(path: path, line: error.line, reason: error.reason))
            }
        }
        return EntryListing(entries: JournalLayout.newestFirst(entries), problems: problems.sorted { $0.path < $1.path })
    }

    public func loadEntry(_ id: EntryID) throws(StoreError) -> StoredEntry {
        guard let found = try loadEntries().entries.first(where: { $0.entry.id == id }) else { throw .entryNotFound(id) }
        return found
    }

    public func fileText(of entry: StoredEntry) throws(StoreError) -> String {
        guard let text = files[entry.path] else { throw .entryNotFound(entry.entry.id) }
        return text
    }

    public func createEntry(_ entry: Entry) throws(StoreError) -> StoredEntry {
        if try loadEntries().entries.contains(where: { $0.entry.id == entry.id }) {
            throw .alreadyExists("an entry with id \(entry.id)")
        }
        return writeNewEntry(entry)
    }

    public func createEntries(_ entries: [Entry]) throws(StoreError) -> EntryBatchResult {
        var taken = Set(try loadEntries().entries.map(\.entry.id))
        var result = EntryBatchResult()
        for entry in entries {
            guard taken.insert(entry.id).inserted else {
                result.skipped.append(entry.id)
                continue
            }
            result.created.append(writeNewEntry(entry))
        }
        return result
    }

    private func writeNewEntry(_ entry: Entry) -> StoredEntry {
        let text = EntryFormat.render(entry)
        let path = JournalLayout.freePath(for: entry) { files[$0] != nil }
        files[path] = text
        return StoredEntry(entry: entry, path: path, version: ContentHash(of: text))
    }

    public func updateEntry(_ entry: Entry, expecting version: ContentHash) throws(StoreError) -> StoredEntry {
        let current = try loadEntry(entry.id)
        guard let onDisk = files[current.path], ContentHash(of: onDisk) == version else { throw .changedOnDisk(current.path) }
        let text = EntryFormat.render(entry, keepingBodyOf: onDisk)
        files[current.path] = text
        return StoredEntry(entry: entry, path: current.path, version: ContentHash(of: text))
    }

    public func loadEntry(_ id: EntryID, at path: String) throws(StoreError) -> StoredEntry {
        guard let text = files[path], let entry = try? EntryFormat.parse(text, fallbackID: EntryID(JournalLayout.stem(of: path))),
              entry.id == id else { throw .entryNotFound(id) }
        return StoredEntry(entry: entry, path: path, version: ContentHash(of: text))
    }

    public func updateEntry(_ entry: Entry, replacing stored: StoredEntry) throws(StoreError) -> StoredEntry {
        guard entry.id == stored.entry.id else { throw .notAnEntry(line: nil, reason: "an entry keeps its id") }
        guard let onDisk = files[stored.path], ContentHash(of: onDisk) == stored.version else { throw .changedOnDisk(stored.path) }
        let text = EntryFormat.render(entry, keepingBodyOf: onDisk)
        files[stored.path] = text
        return StoredEntry(entry: entry, path: stored.path, version: ContentHash(of: text))
    }

    public func replaceEntryText(_ entry: StoredEntry, with text: String) throws(StoreError) -> StoredEntry {
        let edited = try Self.checkedEdit(text, of: entry)
        guard let onDisk = files[entry.path], ContentHash(of: onDisk) == entry.version else { throw .changedOnDisk(entry.path) }
        files[entry.path] = text
        return StoredEntry(entry: edited, path: entry.path, version: ContentHash(of: text))
    }

    public func rewriteGoneEntry(_ entry: StoredEntry, with text: String) throws(StoreError) -> StoredEntry {
        let edited = try Self.checkedEdit(text, of: entry)
        guard files[entry.path] == nil else { throw .alreadyExists(entry.path) }
        guard !(try loadEntries().entries.contains { $0.entry.id == edited.id }) else { throw .alreadyExists("an entry with id \(edited.id)") }
        files[entry.path] = text
        return StoredEntry(entry: edited, path: entry.path, version: ContentHash(of: text))
    }

    @discardableResult
    public func trashEntry(_ id: EntryID, expecting version: ContentHash) throws(StoreError) -> String {
        let current = try loadEntry(id)
        guard current.version == version else { throw .changedOnDisk(current.path) }
        return moveToTrash(current.path)
    }

    public func restoreEntry(fromTrash trashPath: String, to path: String) throws(StoreError) -> StoredEntry {
        guard files[path] == nil else { throw .alreadyExists(path) }
        guard let text = trash[trashPath] else { throw .io(path: trashPath, message: "is no longer in the trash") }
        let entry: Entry
        do {
            entry = try EntryFormat.parse(text, fallbackID: EntryID(JournalLayout.stem(of: path)))
        } catch {
            throw .unreadable(JournalProblem(path: trashPath, line: error.line, reason: error.reason))
        }
        trash[trashPath] = nil
        files[path] = text
        return StoredEntry(entry: entry, path: path, version: ContentHash(of: text))
    }

    public func loadParts() throws(StoreError) -> PartListing {
        var parts: [StoredPart] = []
        var problems: [JournalProblem] = []
        for (path, text) in files where path.hasPrefix("parts/") {
            do {
                let part = try PartFormat.parse(text, fallbackID: PartID(JournalLayout.stem(of: path)))
                parts.append(StoredPart(part: part, path: path, version: ContentHash(of: text)))
            } catch {
                problems.append(JournalProblem(path: path, line: error.line, reason: error.reason))
            }
        }
        return PartListing(parts: parts.sorted { $0.part.id < $1.part.id }, problems: problems.sorted { $0.path < $1.path })
    }

    public func savePart(_ part: Part, expecting version: ContentHash?) throws(StoreError) -> StoredPart {
        let existing = try loadParts().parts.first { $0.part.id == part.id }
        let path = existing?.path ?? JournalLayout.partPath(part.id)
        if let version {
            guard existing != nil else { throw .partNotFound(part.id) }
            guard let onDisk = files[path], ContentHash(of: onDisk) == version else { throw .changedOnDisk(path) }
        } else if existing != nil || files[path] != nil {
            throw .alreadyExists(path)
        }
        let text = PartFormat.render(part)
        files[path] = text
        return StoredPart(part: part, path: path, version: ContentHash(of: text))
    }

    @discardableResult
    public func trashPart(_ id: PartID, expecting version: ContentHash) throws(StoreError) -> String {
        guard let stored = try loadParts().parts.first(where: { $0.part.id == id }) else { throw .partNotFound(id) }
        guard stored.version == version else { throw .changedOnDisk(stored.path) }
        return moveToTrash(stored.path)
    }

    public func restorePart(fromTrash trashPath: String, to target: String) throws(StoreError) -> StoredPart {
        guard trashPath.hasPrefix("trash/parts/"), target.hasPrefix("parts/") else {
            throw .io(path: trashPath, message: "is not a part record in the trash")
        }
        guard let text = trash[trashPath] else { throw .io(path: trashPath, message: "is no longer in the trash") }
        let part: Part
        do {
            part = try PartFormat.parse(text, fallbackID: PartID(JournalLayout.stem(of: target)))
        } catch {
            throw .unreadable(JournalProblem(path: trashPath, line: error.line, reason: error.reason))
        }
        guard files[target] == nil, !(try loadParts().parts.contains { $0.part.id == part.id }) else { throw .alreadyExists(target) }
        trash[trashPath] = nil
        files[target] = text
        return StoredPart(part: part, path: target, version: ContentHash(of: text))
    }

    public func loadSafetyPlan() throws(StoreError) -> StoredSafetyPlan? {
        let path = SafetyPlanFormat.path
        guard let text = files[path] else { return nil }
        do {
            return StoredSafetyPlan(plan: try SafetyPlanFormat.parse(text), path: path, version: ContentHash(of: text))
        } catch {
            throw .unreadable(JournalProblem(path: path, line: error.line, reason: error.reason))
        }
    }

    public func saveSafetyPlan(_ plan: SafetyPlan, expecting version: ContentHash?) throws(StoreError) -> StoredSafetyPlan {
        let path = SafetyPlanFormat.path
        if let version {
            guard let onDisk = files[path], ContentHash(of: onDisk) == version else { throw .changedOnDisk(path) }
        } else if files[path] != nil {
            throw .alreadyExists(path)
        }
        let text = SafetyPlanFormat.render(plan)
        files[path] = text
        return StoredSafetyPlan(plan: plan, path: path, version: ContentHash(of: text))
    }

    public func saveDraft(_ draft: Draft) throws(StoreError) {
        files[JournalLayout.draftPath(draft.entryID)] = try DraftFormat.render(draft)
    }

    public func loadDrafts() throws(StoreError) -> DraftListing {
        var drafts: [Draft] = []
        var problems: [JournalProblem] = []
        for (path, text) in files where path.hasPrefix("drafts/") {
            do {
                drafts.append(try DraftFormat.parse(text))
            } catch {
                problems.append(JournalProblem(path: path, line: nil, reason: error.description))
            }
        }
        return DraftListing(drafts: drafts.sorted { ($0.savedAt.secondsSinceEpoch, $0.entryID) > ($1.savedAt.secondsSinceEpoch, $1.entryID) }, problems: problems)
    }

    @discardableResult
    public func discardDraft(_ id: EntryID) throws(StoreError) -> String {
        let path = JournalLayout.draftPath(id)
        guard files[path] != nil else { throw .entryNotFound(id) }
        return moveToTrash(path)
    }

    public func restoreDraft(fromTrash trashPath: String) throws(StoreError) -> Draft {
        guard trashPath.hasPrefix("trash/drafts/") else {
            throw .io(path: trashPath, message: "is not a draft in the trash")
        }
        guard let text = trash[trashPath] else { throw .io(path: trashPath, message: "is no longer in the trash") }
        let draft: Draft
        do {
            draft = try DraftFormat.parse(text)
        } catch {
            throw .unreadable(JournalProblem(path: trashPath, line: nil, reason: error.description))
        }
        let target = JournalLayout.draftPath(draft.entryID)
        guard files[target] == nil else { throw .alreadyExists(target) }
        trash[trashPath] = nil
        files[target] = text
        return draft
    }

    @discardableResult
    public func copyToTrash(_ path: String, expecting version: ContentHash) throws(StoreError) -> String {
        guard let text = files[path], ContentHash(of: text) == version else { throw .changedOnDisk(path) }
        var target = "trash/" + path
        var counter = 2
        while trash[target] != nil {
            target = "trash/" + JournalLayout.numbered(path, counter)
            counter += 1
        }
        trash[target] = text
        return target
    }

    @discardableResult
    private func moveToTrash(_ path: String) -> String {
        var target = "trash/" + path
        var counter = 2
        while trash[target] != nil {
            target = "trash/" + JournalLayout.numbered(path, counter)
            counter += 1
        }
        trash[target] = files.removeValue(forKey: path)
        return target
    }
}
