import CNcursesw
import Glibc
import TerminalUI

/// Why `start()` could not take the terminal.
public enum CursesTerminalError: Error, CustomStringConvertible, Equatable {
    case unavailable(String)

    public var description: String {
        switch self {
        case .unavailable(let reason): return reason
        }
    }
}

/// The real terminal, through ncursesw: the only code in Haven that touches ncurses.
///
/// One thread: ncurses is not thread-safe, so an instance is used only by the loop that created
/// it, and only one instance should be started at a time (signal state is process-wide).
///
/// - Locale: `start()` calls `setlocale(LC_ALL, "")`. If the resulting codeset is not UTF-8
///   (`LANG` unset, `LC_ALL=C`), ncurses would drop wide input and draw wide text blank, so
///   `LC_CTYPE` is switched to `C.UTF-8` (built into glibc) and `localeWarning` says so; the app
///   still runs, since Haven's files are UTF-8 and most terminals are too. Print the warning
///   after `stop()` if wanted.
/// - Signals: SIGINT, SIGTERM and SIGHUP are recorded, not fatal, from `start()` to `stop()`
///   (also while suspended); `takePendingSignal()` returns one once. A blocked `readEvent`
///   returns `.tick` at once when one arrives. Ctrl-C in raw mode is a key, `.control("c")`.
///   Crash signals restore the terminal, then take their previous course (Swift's backtrace).
/// - Input: Esc alone is `.escape`; Alt-b/Alt-f and Alt-arrows are word moves
///   (`.controlLeft`/`.controlRight`); other Alt combinations are ignored. Bracketed paste is
///   used when terminfo says the terminal has it (`BE`): a paste arrives as one `.paste`, with
///   line ends as "\n" and other control characters dropped.
public final class CursesTerminal: Terminal {
    enum Phase { case idle, running, suspended, stopped }

    let environment: [String: String]
    var phase = Phase.idle
    var screen: OpaquePointer?
    var window: UnsafeMutablePointer<WINDOW>?

    /// Set by `start()` when the locale was not UTF-8 (see the type's documentation).
    public private(set) var localeWarning: String?
    /// Colour is on: the terminal has colours and `NO_COLOR` is unset or empty.
    public private(set) var colorEnabled = false
    /// Bracketed paste was turned on (the terminal's terminfo entry has `BE`).
    public private(set) var bracketedPasteEnabled = false

    // Drawing state.
    var colorPairs: [ColorPairKey: Int16] = [:]
    var nextColorPair: Int32 = 1
    var defaultColorsAvailable = false
    var cursorVisible: Bool?
    var needsFullRedraw = true
    var wideBuffer: [wchar_t] = []

    // Input state: raw results read ahead (escape sequences, grapheme joining) and given back.
    var pushedBack: [RawInput] = []
    var lastTimeout: Int32 = .min

    /// `environment` decides `TERM` (for `newterm`) and `NO_COLOR`; pass the process environment.
    public init(environment: [String: String]) {
        self.environment = environment
    }

    deinit {
        stop()
    }

    // MARK: Can the full-screen app run here?

    /// A one-line reason why the full-screen app cannot run, or nil when it can. Checks that both
    /// standard input and output are terminals and that `TERM` names a terminfo entry that can
    /// address the cursor (looked up without printing or exiting). A locale that is not UTF-8
    /// is not a reason: `start()` works around it (see `localeWarning`).
    public static func unavailableReason(environment: [String: String], stdinIsTTY: Bool,
                                         stdoutIsTTY: Bool) -> String? {
        if !stdoutIsTTY { return "standard output is not a terminal" }
        if !stdinIsTTY { return "standard input is not a terminal" }
        guard let term = environment["TERM"], !term.isEmpty else {
            return "TERM is not set, so the terminal type is unknown"
        }
        if term == "dumb" {
            return "the terminal type is \"dumb\" (TERM=dumb), which cannot move the cursor"
        }
        switch cc_check_terminal(term) {
        case 1: return nil
        case -1: return "no terminfo database was found to look up TERM=\(term)"
        case -2: return "the terminal type \"\(term)\" (TERM) cannot move the cursor"
        default: return "the terminal type \"\(term)\" (TERM) is unknown to terminfo"
        }
    }

    // MARK: Terminal

    public var size: Size {
        if phase == .running || phase == .suspended {
            return Size(width: Int(cc_cols()), height: Int(cc_lines()))
        }
        var rows: Int32 = 0, cols: Int32 = 0
        if cc_window_size(STDOUT_FILENO, &rows, &cols) == 0 {
            return Size(width: Int(cols), height: Int(rows))
        }
        return Size(width: 80, height: 24)
    }

    public func start() throws {
        switch phase {
        case .running, .suspended: return
        case .stopped:
            // Started before: the SCREEN is still there, take the terminal again.
            SignalState.install()
            phase = .suspended
            resume()
            return
        case .idle: break
        }
        setUpLocale()
        guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else {
            throw CursesTerminalError.unavailable(
                Self.unavailableReason(environment: environment, stdinIsTTY: true, stdoutIsTTY: true)
                    ?? "the terminal type is unknown")
        }
        // Our handlers go in before newterm, so ncurses installs none of its own for these.
        SignalState.install()
        guard let screen = newterm(term, cc_stdout(), cc_stdin()) else {
            SignalState.restore()
            throw CursesTerminalError.unavailable("the terminal type \"\(term)\" (TERM) is unknown to terminfo")
        }
        self.screen = screen
        _ = set_term(screen)
        window = cc_stdscr()
        _ = raw()
        _ = noecho()
        _ = nonl()
        _ = keypad(window, true)
        _ = set_escdelay(25)
        setUpColors()
        if cc_has_string_capability("BE") != 0 {
            bracketedPasteEnabled = true
            setBracketedPaste(true)
        }
        phase = .running
        needsFullRedraw = true
        cursorVisible = nil
    }

    public func stop() {
        switch phase {
        case .idle, .stopped: return
        case .running:
            setBracketedPaste(false)
            _ = endwin()
        case .suspended:
            break // endwin already ran in suspend()
        }
        SignalState.restore()
        pushedBack.removeAll()
        phase = .stopped
    }

    public func suspend() {
        guard phase == .running else { return }
        setBracketedPaste(false)
        _ = def_prog_mode()
        _ = endwin()
        phase = .suspended
    }

    public func resume() {
        guard phase == .suspended else { return }
        _ = reset_prog_mode()
        if bracketedPasteEnabled { setBracketedPaste(true) }
        phase = .running
        needsFullRedraw = true
        cursorVisible = nil
    }

    public func takePendingSignal() -> Int32? {
        let signal = SignalState.pending.exchange(0, ordering: .relaxed)
        return signal == 0 ? nil : signal
    }

    // MARK: Setup helpers

    private func setUpLocale() {
        _ = setlocale(LC_ALL, "")
        if Self.codesetIsUTF8() { return }
        let found = String(cString: cc_codeset())
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
            if Self.codesetIsUTF8() {
                localeWarning = "the locale's character set is \(found), not UTF-8; "
                    + "Haven assumed a UTF-8 terminal (set LANG, e.g. LANG=C.UTF-8, to silence this)"
                return
            }
        }
        localeWarning = "the locale's character set is \(found), not UTF-8, and no UTF-8 locale "
            + "is available: text beyond ASCII will not show correctly"
    }

    private static func codesetIsUTF8() -> Bool {
        let codeset = String(cString: cc_codeset()).lowercased()
        return codeset == "utf-8" || codeset == "utf8"
    }

    private func setUpColors() {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        colorEnabled = false
        guard !noColor, has_colors(), start_color() == OK else { return }
        colorEnabled = true
        defaultColorsAvailable = use_default_colors() == OK
    }

    /// Turns bracketed paste on or off through ncurses' output (so it is ordered with it).
    func setBracketedPaste(_ on: Bool) {
        guard bracketedPasteEnabled else { return }
        _ = putp(on ? "\u{1b}[?2004h" : "\u{1b}[?2004l")
        _ = fflush(cc_stdout())
        SignalState.bracketedPasteOn.store(on, ordering: .relaxed)
    }
}
