

/// Turns a session into files: the entry, the part records it changed, and the draft put away.
/// Part changes are recomputed against the part files as they are at save time, so an edit made
/// to a part file during the session is kept and the session's changes are added to it.
public struct SessionSaver {
    public let store: JournalStore
    public let library: FlowLibrary

    public init(store: JournalStore, library: FlowLibrary) {
        self.store = store
        self.library = library
    }

    public struct Saved {
        public var entry: StoredEntry
        public var parts: [StoredPart]
        /// Part files that could not be updated (changed during the save, unreadable), with why.
        public var partFailures: [String]
    }

    public func saveDraft(_ run: FlowRun, entryID: EntryID, at moment: LocalDateTime) throws(StoreError) {
        try store.saveDraft(Draft(entryID: entryID, savedAt: moment, run: run))
    }

    public func save(_ run: FlowRun, entryID: EntryID) throws(StoreError) -> Saved {
        let partListing = try store.loadParts()
        let engine = FlowEngine(library: library, knownParts: partListing.parts.map(\.part))
        let outcome = engine.outcome(run, entryID: entryID)

        // The entry first: if this crashes half-way, the draft still holds everything.
        let storedEntry: StoredEntry
        do {
            storedEntry = try store.createEntry(outcome.entry)
        } catch .alreadyExists {
            storedEntry = try store.loadEntry(entryID) // saved before a crash; do not save twice
        }
        var savedParts: [StoredPart] = []
        var failures: [String] = []
        for part in outcome.changedParts {
            let version = partListing.parts.first { $0.part.id == part.id }?.version
            do {
                savedParts.append(try store.savePart(part, expecting: version))
            } catch {
                failures.append("part '\(part.name)': \(error)")
            }
        }
        if failures.isEmpty {
            try? store.discardDraft(entryID)
        }
        return Saved(entry: storedEntry, parts: savedParts, partFailures: failures)
    }
}
