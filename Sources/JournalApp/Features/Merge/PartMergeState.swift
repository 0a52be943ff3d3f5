import JournalCore
import TerminalUI

/// Choosing the part to merge into the one whose page is open, then saying yes to it.
public struct PartMergeState: Hashable, Sendable {
    public var selection = ListState()
    public var selected: Int { selection.selected }
    /// The picked part, once Enter was pressed: the question "merge it?" is on screen.
    public var confirming: PartID?

    public init() {}
}

