import JournalCore

/// Choosing the part to merge into the one whose page is open, then saying yes to it.
public struct PartMergeState: Hashable, Sendable {
    public var selected = 0
    /// The picked part, once Enter was pressed: the question "merge it?" is on screen.
    public var confirming: PartID?

    public init() {}
}

