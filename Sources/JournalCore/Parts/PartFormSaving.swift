/// Saving the fields changed in a part's form onto its record as it is on disk at that moment,
/// in one version-checked write: a field also changed outside Haven meanwhile stops it, and
/// saving over such a change keeps the file as it was in the trash first.
public struct PartFormSaving {
    let store: JournalStore
    let clock: Clock

    public init(store: JournalStore, clock: Clock) {
        self.store = store
        self.clock = clock
    }

    public enum Outcome: Hashable, Sendable {
        /// Written; `copy` is where the file as it was went, when it was knowingly written over.
        case saved(before: Part, after: Part, copy: String?)
        /// Not written, and why; with the record as it is now when it could be read, and whether
        /// it was because a field was also changed outside Haven.
        case rejected(String, fresh: Part?, conflicts: Bool)
    }

    /// Writes the changes; with `keepingReplaced` (asked again after a stop for an outside
    /// change), the file as it is goes to the trash first, so the words written over are kept.
    public func save(_ changes: PartFormChanges, keepingReplaced: Bool = false) -> Outcome {
        do {
            guard let (stored, standing) = try record(changes) else {
                return .rejected("This part is no longer in the registry; nothing was saved.", fresh: nil, conflicts: false)
            }
            let clashes = changes.conflicts(with: stored.part)
            guard clashes.isEmpty else {
                let names = clashes.map { $0.label.lowercased() }.joined(separator: ", ")
                return .rejected("Changed outside Haven meanwhile: \(names). Ctrl-S saves yours over it (the file as it is "
                                 + "goes to the trash first); Esc leaves yours.", fresh: stored.part, conflicts: true)
            }
            let edited: Part
            do {
                edited = try changes.applied(to: stored.part, among: standing, at: clock.now())
            } catch {
                return .rejected("Not saved: \(error).", fresh: stored.part, conflicts: false)
            }
            let copy = keepingReplaced ? try store.copyToTrash(stored.path, expecting: stored.version) : nil
            _ = try store.savePart(edited, expecting: stored.version)
            return .saved(before: stored.part, after: edited, copy: copy)
        } catch {
            return .rejected("Not saved: \(error). Your changes are still here.", fresh: nil, conflicts: false)
        }
    }

    /// Saves the changes with no one to ask (leaving on a signal or a quit): every field that
    /// can be set is; the rest is kept as text in the part's notes. Nil when saved, else why not.
    public func rescue(_ changes: PartFormChanges) -> String? {
        do {
            guard let (stored, standing) = try record(changes) else {
                return "\(changes.base.name) is no longer in the registry: the form's changes were not saved."
            }
            let part = changes.rescued(onto: stored.part, among: standing, at: clock.now())
            if part != stored.part { _ = try store.savePart(part, expecting: stored.version) }
            return nil
        } catch {
            return "The form's changes to \(changes.base.name) could not be saved: \(error)"
        }
    }

    /// The saved message: the new name, the old one when it is kept, the copy when one was made.
    public static func message(_ outcome: (before: Part, after: Part, copy: String?)) -> String {
        var message = "Saved \(outcome.after.name)."
        // A name changed only in case or accents is not kept as a former name.
        if outcome.before.name != outcome.after.name, outcome.after.formerNames.contains(outcome.before.name) {
            message += " Once called \(outcome.before.name): the old name still finds it."
        }
        if let copy = outcome.copy { message += " The file as it was is kept in \(copy)." }
        return message
    }

    /// The form's part as it is on disk now, with the parts standing on their own (for name
    /// clashes); nil when it is no longer in the registry.
    private func record(_ changes: PartFormChanges) throws(StoreError) -> (StoredPart, [Part])? {
        let listing = try store.loadParts()
        let parts = listing.parts.map(\.part)
        guard let stored = listing.parts.first(where: { $0.part.id == changes.base.id }) else { return nil }
        return (stored, PartAliases(parts).standing(parts))
    }
}
