/// The only thing the UI needs from a terminal. `CursesTerminal` is the real one;
/// `TestTerminal` draws into memory and replays scripted events.
public protocol Terminal: AnyObject {
    var size: Size { get }
    func start() throws
    func stop()
    /// The next event, or `.tick` when `timeoutMilliseconds` pass without one.
    func readEvent(timeoutMilliseconds: Int) -> InputEvent
    func draw(_ frame: Frame)
    /// Gives the terminal back (to run an editor), then takes it again.
    func suspend()
    func resume()
    /// A signal asked the program to stop (SIGINT, SIGTERM, SIGHUP): its number, once.
    func takePendingSignal() -> Int32?
}

/// A terminal in memory, for tests: events come from a script, frames are kept.
public final class TestTerminal: Terminal {
    public private(set) var size: Size
    public private(set) var frames: [Frame] = []
    public var events: [InputEvent]
    public var pendingSignal: Int32?
    public private(set) var suspensions = 0
    public private(set) var started = false

    public init(size: Size, events: [InputEvent] = []) {
        self.size = size
        self.events = events
    }

    public func start() throws { started = true }
    public func stop() { started = false }

    public func readEvent(timeoutMilliseconds: Int) -> InputEvent {
        guard !events.isEmpty else { return .tick }
        let event = events.removeFirst()
        if case .resize(let newSize) = event { size = newSize }
        return event
    }

    public func draw(_ frame: Frame) { frames.append(frame) }
    public func suspend() { suspensions += 1 }
    public func resume() {}

    public func takePendingSignal() -> Int32? {
        defer { pendingSignal = nil }
        return pendingSignal
    }

    public var lastScreen: String { frames.last?.buffer.text ?? "" }
}
