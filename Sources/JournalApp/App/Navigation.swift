/// Where the person is: a stack of screens, the one on top shown. Going somewhere pushes,
/// "back" pops, so no screen needs to remember where it came from; grounding from a screen is a
/// push and its end a pop.
public struct Navigation: Hashable, Sendable {
    public private(set) var screens: [Screen]

    public init(_ root: Screen) { screens = [root] }

    /// The screen shown.
    public var top: Screen {
        get { screens[screens.count - 1] }
        set { screens[screens.count - 1] = newValue }
    }

    public mutating func push(_ screen: Screen) { screens.append(screen) }

    /// Back to the screen under this one; the first screen always stays.
    public mutating func pop() {
        if screens.count > 1 { screens.removeLast() }
    }

    public mutating func replace(with screen: Screen) { top = screen }

    /// Everything closed but this one.
    public mutating func reset(to screen: Screen) { screens = [screen] }

    /// The screens under the top one, nearest first.
    public var underneath: [Screen] { screens.dropLast().reversed() }

    /// The entries list nearest the top (the one a reader or calendar was opened from).
    public var browse: BrowseState? {
        for case .browse(let browse) in screens.reversed() { return browse }
        return nil
    }

    /// The parts list nearest the top (the one a part's page was opened from).
    public var parts: PartsState? {
        for case .parts(let list) in screens.reversed() { return list }
        return nil
    }

    /// Changes every screen in the stack (when what they show was read again).
    public mutating func updateEach(_ change: (inout Screen) -> Void) {
        for index in screens.indices { change(&screens[index]) }
    }
}

/// A feature's state as one of the screens, to find it in the stack.
protocol ScreenState {
    init?(_ screen: Screen)
    var screen: Screen { get }
}

extension Navigation {
    /// Changes the nearest screen of this kind (from the top), if there is one.
    mutating func updateNearest<S: ScreenState, R>(_ kind: S.Type, _ change: (inout S) -> R) -> R? {
        for index in screens.indices.reversed() {
            guard var state = S(screens[index]) else { continue }
            let result = change(&state)
            screens[index] = state.screen
            return result
        }
        return nil
    }
}

extension HomeState: ScreenState {
    init?(_ screen: Screen) {
        guard case .home(let state) = screen else { return nil }
        self = state
    }

    var screen: Screen { .home(self) }
}

extension PartsState: ScreenState {
    init?(_ screen: Screen) {
        guard case .parts(let state) = screen else { return nil }
        self = state
    }

    var screen: Screen { .parts(self) }
}
