import JournalCore
import TerminalUI

/// The parts list: every part in the registry with its role, stage and how present it is.
public struct PartsState: Hashable, Sendable {
    public enum Order: String, CaseIterable, Hashable, Sendable {
        case name, recent, entries
    }

    public var order: Order = .name
    /// Only parts with this role (nil: all).
    public var role: PartRole?
    /// Whether parts put away (archived) are listed too.
    public var showArchived = false
    /// The part highlighted.
    public var selection = ListState()
    public var selected: Int { selection.selected }
    /// The last part record deleted (to the trash), for `u`.
    public var lastDeleted: PartDeleting.Trashed?

    public init() {}
}

/// The map of the system, with the part picked (its place in the map's order).
public struct PartsMapState: Hashable, Sendable {
    public var selection = ListState()
    public var selected: Int { selection.selected }

    public init(selected: Int = 0) { selection = ListState(selected: selected) }
}

/// One part's page: its record, read-only, scrolled.
public struct PartPageState: Hashable, Sendable {
    public var id: PartID
    public var scroll = 0
    /// Open while the record is being edited in place.
    public var form: PartFormState?
    /// Open while another part is being picked to merge into this one.
    public var merge: PartMergeState?
    /// Open while a flow is being chosen to begin about this part: the one highlighted.
    public var flowPicker: ListState?
    /// `d` was pressed: the record is moved to the trash only once this is answered.
    public var confirmingDelete = false

    public init(id: PartID) { self.id = id }
}

