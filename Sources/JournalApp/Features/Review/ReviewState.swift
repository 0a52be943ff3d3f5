import JournalCore
import TerminalUI

public struct ReviewState: Hashable, Sendable {
    public var session: SessionState
    public var entryText: String
    public var scroll = 0
    /// Which answer is picked for changing.
    public var selected = 0
    /// True after ↑/↓ (the view keeps the picked answer in sight); false after scrolling.
    public var followSelection = true
    /// A detail of the entry being set (tags, title, date), open over the bottom of the screen.
    public var detail: ReviewDetailField?
}

