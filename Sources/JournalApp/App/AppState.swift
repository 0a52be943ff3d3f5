import JournalCore
import TerminalUI

/// The screens, each a feature's state. What a screen was opened from is the screen under it in
/// the navigation stack, never part of its state.
public enum Screen: Hashable, Sendable {
    case welcome
    case home(HomeState)
    case session(SessionState)
    case review(ReviewState)
    case saved(SavedState)
    case browse(BrowseState)
    case reader(ReaderState)
    case calendar(CalendarState)
    case parts(PartsState)
    case part(PartPageState)
    case selfEnergy(SelfEnergyState)
    /// The map of the system.
    case partsMap(PartsMapState)
}

public struct AppState: Hashable, Sendable {
    public var size: Size
    public var navigation: Navigation
    public var home = HomeData()
    public var showHelp = false
    /// How far the help screen's list of keys is scrolled, when it is taller than the window.
    public var helpScroll = 0
    /// A message for the person at the bottom of the screen (an error, "draft discarded").
    public var notice: String?
    /// Milliseconds of the monotonic clock at the last tick, for pauses.
    public var now = 0
    public var finished = false
    /// A flow asked for on the command line, started once the first-run welcome is read.
    public var pendingFlowID: String?
    /// The date asked for on the command line (`--date`), for that flow's session.
    public var pendingDate: LocalDateTime?
    /// The journal's entries as summaries, for the browser (loaded by `.loadEntries`).
    public var journal: IndexedEntries?
    /// How present each part is, worked out once per loaded journal and registry, when a parts
    /// screen first needs it (they read it on every key); nil until then, and after a reload.
    public var partActivity: [PartID: PartActivity]?
    /// When (monotonic milliseconds) the journal was last read for the home screen or the list.
    public var lastJournalRead = 0

    public init(size: Size, screen: Screen) {
        self.size = size
        navigation = Navigation(screen)
    }

    /// The screen shown.
    public var screen: Screen { navigation.top }
}
