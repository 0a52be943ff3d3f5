/// Deleting a part record the person made by mistake ("4", a typo): only while nothing refers
/// to it, and only to the trash, from where it can be put back.
public enum PartDeleting {
    /// A part record moved to the trash: where it was and where it went, for undo.
    public struct Trashed: Hashable, Sendable {
        public var id: PartID
        public var name: String
        public var path: String
        public var trashPath: String

        public init(id: PartID, name: String, path: String, trashPath: String) {
            self.id = id
            self.name = name
            self.path = path
            self.trashPath = trashPath
        }
    }

    public enum Outcome: Hashable, Sendable {
        case deleted(Trashed)
        /// Something still refers to the part: why, in words.
        case inUse(String)
    }

    /// Why the part cannot be deleted, naming what refers to it (the newest entry that names it,
    /// or the other part record that links to it), or nil.
    public static func reasonToKeep(_ part: Part, parts: [Part], entries: [EntrySummary]) -> String? {
        let ids = PartAliases(parts).ids(for: part.id)
        let naming = entries.filter { !ids.isDisjoint(with: $0.parts) }
        if let newest = naming.max(by: { $0.created.secondsSinceEpoch < $1.created.secondsSinceEpoch }) {
            let headline = newest.headline.count > 40 ? newest.headline.prefix(39) + "…" : Substring(newest.headline)
            let which = "\(newest.created.dateString) \"\(headline)\""
            let count = naming.count == 1 ? "an entry names \(part.name) (\(which))" : "\(naming.count) entries name \(part.name) (the newest: \(which))"
            return count + ", so its record stays"
        }
        let linking = parts.filter { other in
            other.id != part.id && !ids.isDisjoint(with: other.protects + other.polarizedWith + other.allies + other.mergedFrom)
        }
        if let first = linking.first {
            return "the record of \(first.name) links to \(part.name), so its record stays"
        }
        return nil
    }

    /// Moves the part's record to the trash if nothing refers to it, checked against the part
    /// files as they are now and the entries given.
    public static func delete(_ id: PartID, store: JournalStore, entries: [EntrySummary]) throws(StoreError) -> Outcome {
        let listing = try store.loadParts()
        guard let stored = listing.parts.first(where: { $0.part.id == id }) else { throw .partNotFound(id) }
        if let reason = reasonToKeep(stored.part, parts: listing.parts.map(\.part), entries: entries) { return .inUse(reason) }
        let trashPath = try store.trashPart(id, expecting: stored.version)
        return .deleted(Trashed(id: id, name: stored.part.name, path: stored.path, trashPath: trashPath))
    }

    /// Undo: the record back where it was.
    public static func restore(_ trashed: Trashed, store: JournalStore) throws(StoreError) -> StoredPart {
        try store.restorePart(fromTrash: trashed.trashPath, to: trashed.path)
    }
}
