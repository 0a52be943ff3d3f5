/// An Elm-style program: state, messages that change it, and effects as values.
///
/// `update` never does I/O: it returns effects, which the runtime hands to `perform`; their
/// results come back as messages. Tests call `update` and `view` directly, with no terminal
/// and no sleeps, and assert the returned effects.
public protocol Program: AnyObject {
    associatedtype State
    associatedtype Msg
    associatedtype Effect

    var state: State { get }
    /// Turns a terminal event into a message (key bindings are resolved here).
    func message(for event: InputEvent) -> Msg?
    func update(_ msg: Msg) -> [Effect]
    func view(into frame: inout Frame)
    /// Runs an effect (disk, editor, clock) and returns the messages it produced.
    func perform(_ effect: Effect, terminal: Terminal) -> [Msg]
    /// True once the program wants to stop.
    var isFinished: Bool { get }
    /// Called when a signal asks the program to stop: save what must not be lost.
    func handleSignal(_ signal: Int32)
}

/// The loop: read an event, update, run effects until none remain, draw. One thread; the
/// terminal is only touched from here.
public enum Runtime {
    /// Runs until the program finishes or a signal arrives; returns the signal, if any.
    @discardableResult
    public static func run<P: Program>(_ program: P, on terminal: Terminal, tickMilliseconds: Int = 250,
                                       maxEvents: Int? = nil) -> Int32? {
        var handled = 0
        draw(program, on: terminal)
        while !program.isFinished {
            if let signal = terminal.takePendingSignal() {
                program.handleSignal(signal)
                return signal
            }
            if let maxEvents, handled >= maxEvents { break }
            let event = terminal.readEvent(timeoutMilliseconds: tickMilliseconds)
            handled += 1
            if let msg = program.message(for: event) {
                dispatch(msg, to: program, terminal: terminal)
            }
            if !program.isFinished { draw(program, on: terminal) }
        }
        return nil
    }

    /// Feeds a message through `update`, then every effect's resulting messages, in order: the
    /// messages wait in a queue, so each update sees the state every earlier one left.
    /// `observe` sees each effect before it runs (tests record them).
    public static func dispatch<P: Program>(_ msg: P.Msg, to program: P, terminal: Terminal,
                                            observe: ((P.Effect) -> Void)? = nil) {
        var queue = [msg]
        var steps = 0
        while !queue.isEmpty, steps < 10_000 {
            steps += 1
            let next = queue.removeFirst()
            for effect in program.update(next) {
                observe?(effect)
                queue.append(contentsOf: program.perform(effect, terminal: terminal))
            }
        }
    }

    /// Runs effects (the program's first ones) and delivers what they produce.
    public static func run<P: Program>(_ effects: [P.Effect], of program: P, terminal: Terminal,
                                       observe: ((P.Effect) -> Void)? = nil) {
        for effect in effects {
            observe?(effect)
            for msg in program.perform(effect, terminal: terminal) { dispatch(msg, to: program, terminal: terminal, observe: observe) }
        }
    }

    public static func draw<P: Program>(_ program: P, on terminal: Terminal) {
        var frame = Frame(size: terminal.size)
        program.view(into: &frame)
        terminal.draw(frame)
    }
}
