import CNcursesw
import Glibc
import Synchronization

/// Process-wide signal state. Signal handlers are C function pointers and cannot capture, so what
/// they touch lives here. Everything is initialised by `prepare()` before a handler is installed
/// (a lazy global's first access is not async-signal-safe).
enum SignalState {
    /// The last stop signal (SIGINT, SIGTERM, SIGHUP) not yet taken, or 0.
    static let pending = Atomic<Int32>(0)
    /// Whether bracketed paste is on, so the crash and exit paths can turn it off.
    static let bracketedPasteOn = Atomic<Bool>(false)
    /// Dispositions before ours, indexed by signal number: restored by `stop()` and by the crash
    /// handler before it re-raises. Written only while no handler of ours is installed for that
    /// signal, read by the crash handler (the pattern from swift-ncurses-notes.md section 3).
    nonisolated(unsafe) static let previous: UnsafeMutablePointer<sigaction> = {
        let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: slotCount)
        actions.initialize(repeating: sigaction(), count: slotCount)
        return actions
    }()
    static let slotCount = 65

    static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    private static let installed = Atomic<Bool>(false)

    static func prepare() {
        _ = pending.load(ordering: .relaxed)
        _ = bracketedPasteOn.load(ordering: .relaxed)
        _ = previous
        _ = atExitRegistration
    }

    /// Records SIGINT/SIGTERM/SIGHUP instead of dying (no SA_RESTART, so a blocking read returns
    /// at once), and restores the terminal before a crash signal takes its usual course.
    /// A stop signal that is already ignored (nohup) stays ignored.
    static func install() {
        prepare()
        guard !installed.exchange(true, ordering: .relaxed) else { return }
        for signal in stopSignals {
            var action = sigaction()
            if cc_signal_is_ignored(signal) != 0 {
                action.__sigaction_handler.sa_handler = SIG_IGN
            } else {
                action.__sigaction_handler.sa_handler = { signal in
                    SignalState.pending.store(signal, ordering: .relaxed)
                }
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, previous + Int(signal))
        }
        for signal in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                guard signal > 0, signal < Int32(SignalState.slotCount) else { return }
                // Put back the previous action first (Swift's backtracer, or the default), so a
                // fault inside endwin cannot loop, then restore the terminal and re-raise: the
                // signal is delivered to the previous action when this handler returns.
                sigaction(signal, SignalState.previous + Int(signal), nil)
                SignalState.turnOffBracketedPaste()
                if !isendwin() { _ = endwin() }
                raise(signal)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(SA_ONSTACK)
            sigaction(signal, &action, previous + Int(signal))
        }
    }

    /// Puts back the dispositions found by `install()`.
    static func restore() {
        guard installed.exchange(false, ordering: .relaxed) else { return }
        for signal in stopSignals + crashSignals {
            sigaction(signal, previous + Int(signal), nil)
        }
    }

    /// Async-signal-safe: a plain write(2) of a static string.
    static func turnOffBracketedPaste() {
        guard bracketedPasteOn.exchange(false, ordering: .relaxed) else { return }
        let off: StaticString = "\u{1b}[?2004l"
        _ = write(STDOUT_FILENO, off.utf8Start, off.utf8CodeUnitCount)
    }

    /// If the process exits without `stop()`, the terminal is still given back. endwin runs
    /// only if it has not already: a second endwin would emit its sequences again (leaving the
    /// alternate screen twice restores the saved cursor, and the last lines printed get
    /// overwritten).
    private static let atExitRegistration: Void = {
        atexit {
            SignalState.turnOffBracketedPaste()
            if !isendwin() { _ = endwin() }
        }
    }()
}
