import JournalCore

/// An unfinished session moved to the trash: where it went, so `u` can put it back.
public struct DiscardedDraft: Hashable, Sendable {
    public var entryID: EntryID
    public var trashPath: String
    /// The flow's title, to name it in messages.
    public var title: String

    public init(entryID: EntryID, trashPath: String, title: String) {
        self.entryID = entryID
        self.trashPath = trashPath
        self.title = title
    }
}

