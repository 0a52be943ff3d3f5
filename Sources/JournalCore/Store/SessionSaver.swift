

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
        /// Nil when nothing was answered, so there was nothing to save.
        public var entry: StoredEntry?
        public var parts: [StoredPart]
        /// What changed in each part saved, in words, in the order of `parts`.
        public var changes: [PartRecordChange] = []
        /// Part files that could not be updated (changed during the save, unreadable), with why.
        /// The draft is kept then; saving it again is safe (part changes apply only once).
        public var partFailures: [String]
    }

    public func saveDraft(_ run: FlowRun, entryID: EntryID, at moment: LocalDateTime) throws(StoreError) {
        try store.saveDraft(Draft(entryID: entryID, savedAt: moment, run: run))
    }

    public func save(_ run: FlowRun, entryID: EntryID) throws(StoreError) -> Saved {
        let partListing = try store.loadParts()
        // The plan as it is now on disk; one that cannot be read is reported and never replaced.
        var storedPlan: StoredSafetyPlan?
        var planProblem: String?
        do {
            storedPlan = try store.loadSafetyPlan()
        } catch {
            planProblem = "\(error)"
        }
        let engine = FlowEngine(library: library, knownParts: partListing.parts.map(\.part),
                                safetyPlan: storedPlan?.plan ?? SafetyPlan())
        let outcome = engine.outcome(run, entryID: entryID)

        // Nothing answered (a session ended at once): no empty entry, and no draft to keep.
        if outcome.entry.sections.isEmpty && outcome.entry.preamble.isEmpty && outcome.changedParts.isEmpty
            && outcome.safetyPlan == nil {
            try? store.discardDraft(entryID)
            return Saved(entry: nil, parts: [], partFailures: [])
        }
        // The entry first: if this crashes half-way, the draft still holds everything.
        let storedEntry = try createEntry(outcome.entry)
        var savedParts: [StoredPart] = []
        var failures: [String] = []
        // A part this session touched whose file cannot be read right now: its changes cannot
        // be applied, so say so and keep the draft (never silently drop them).
        var touched: [PartID] = []
        for answer in run.answers {
            if let focus = answer.focus, !touched.contains(focus) { touched.append(focus) }
            if case .part(let choice) = answer.value, !touched.contains(choice.id) { touched.append(choice.id) }
        }
        for id in touched where !partListing.parts.contains(where: { $0.part.id == id }) {
            if let problem = partListing.problems.first(where: { JournalLayout.stem(of: $0.path) == id.rawValue }) {
                failures.append("part '\(id)': \(problem); its changes from this session are kept in the draft")
            }
        }
        var changes: [PartRecordChange] = []
        for part in outcome.changedParts {
            let before = partListing.parts.first { $0.part.id == part.id }
            do {
                savedParts.append(try store.savePart(part, expecting: before?.version))
                changes.append(PartRecordChange(from: before?.part, to: part))
            } catch {
                failures.append("part '\(part.name)': \(error)")
            }
        }
        if let plan = outcome.safetyPlan {
            if let planProblem {
                failures.append("the safety plan: \(planProblem); what you wrote for it is kept in the entry and the draft")
            } else {
                do {
                    _ = try store.saveSafetyPlan(plan, expecting: storedPlan?.version)
                } catch {
                    failures.append("the safety plan: \(error)")
                }
            }
        }
        if failures.isEmpty {
            try? store.discardDraft(entryID)
        }
        return Saved(entry: storedEntry, parts: savedParts, changes: changes, partFailures: failures)
    }

    /// Creates the entry. If its id is taken: by this very entry (saved before a crash, or an
    /// earlier save whose parts failed), that one is used; by different writing (the same draft
    /// finished in two terminals, or an id collision), this one gets a new id rather than being lost.
    private func createEntry(_ entry: Entry) throws(StoreError) -> StoredEntry {
        var candidate = entry
        for number in 2...1_000 {
            do {
                return try store.createEntry(candidate)
            } catch .alreadyExists {
                let existing = try store.loadEntry(candidate.id)
                if existing.entry == candidate { return existing }
                candidate.id = EntryID("\(entry.id.rawValue)-\(number)")
            }
        }
        throw .alreadyExists("an entry with id \(entry.id)")
    }
}
