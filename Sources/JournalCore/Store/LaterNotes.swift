/// Text added to an entry after it was written: a dated later note, or words kept aside when
/// Haven stops with them unsaved. If the entry cannot take it (deleted or changed elsewhere
/// meanwhile), the text becomes an entry of its own, so it is never lost.
public struct LaterNotes {
    let store: JournalStore
    let clock: Clock
    let ids: EntryIDGenerator

    public init(store: JournalStore, clock: Clock, ids: EntryIDGenerator) {
        self.store = store
        self.clock = clock
        self.ids = ids
    }

    /// Appends the note to the entry, read fresh (through `path` when known: one file read) so
    /// nothing written meanwhile is overwritten. `heading` names text kept aside; by default the
    /// note is headed with the moment it was added.
    public func append(_ text: String, to id: EntryID, at path: String? = nil, heading: String? = nil) throws(StoreError) -> StoredEntry {
        let stored = try load(id, at: path)
        var entry = stored.entry
        entry.sections.append(EntrySection(stepID: "later-note", heading: heading ?? defaultHeading(), text: text))
        return try store.updateEntry(entry, replacing: stored)
    }

    /// Keeps the text with its entry, or, when the entry cannot take it, as an entry of its own
    /// titled after the one it was meant for. False only when neither could be written.
    @discardableResult
    public func keep(_ text: String, to id: EntryID, at path: String? = nil, heading: String? = nil, headline: String) -> Bool {
        if (try? append(text, to: id, at: path, heading: heading)) != nil { return true }
        let now = clock.now()
        let kept = Entry(id: ids.make(at: now), created: now, title: "Kept from “\(headline)”",
                         sections: [EntrySection(stepID: "later-note", heading: heading ?? defaultHeading(), text: text)])
        return (try? store.createEntry(kept)) != nil
    }

    /// Whether the entry already holds this text (a note whose save may or may not have landed).
    public func holds(_ text: String, entry id: EntryID, at path: String? = nil) -> Bool {
        (try? load(id, at: path))?.entry.sections.contains { $0.text == text } == true
    }

    private func defaultHeading() -> String {
        let now = clock.now()
        return "A later note, \(now.dateString) \(now.timeString)"
    }

    private func load(_ id: EntryID, at path: String?) throws(StoreError) -> StoredEntry {
        if let path, let found = try? store.loadEntry(id, at: path) { return found }
        return try store.loadEntry(id)
    }
}
