import CNcursesw
import Glibc
import TerminalUI

/// One result of `wget_wch`.
enum RawInput: Equatable {
    /// A character (`OK`): a code point, including controls such as 27 or 127.
    case character(UInt32)
    /// A function key (`KEY_CODE_YES`): KEY_LEFT, KEY_RESIZE, ...
    case key(Int32)
}

extension CursesTerminal {
    /// Longest single wait, so a signal that lands just before a read is seen soon anyway.
    static let waitSlice = 100
    /// How long the rest of an escape sequence may take to arrive (as ncurses' ESCDELAY).
    static let sequenceDelay = 25

    /// The next event, `.tick` after `timeoutMilliseconds` (a negative timeout waits until an
    /// event or a signal), and `.tick` at once when a stop signal is pending, so the loop can
    /// call `takePendingSignal()`. Waits in slices of at most 100 ms to bound signal latency.
    public func readEvent(timeoutMilliseconds: Int) -> InputEvent {
        guard phase == .running else { return .tick }
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(max(0, timeoutMilliseconds))
        while true {
            if SignalState.pending.load(ordering: .relaxed) != 0 { return .tick }
            let remaining = timeoutMilliseconds < 0
                ? Self.waitSlice
                : max(0, milliseconds(deadline - clock.now))
            let slice = min(remaining, Self.waitSlice)
            let started = clock.now
            if let raw = readRaw(timeoutMilliseconds: slice) {
                if let event = decode(raw) { return event }
            } else if slice > 0, milliseconds(clock.now - started) < slice / 2, inputHungUp() {
                // Returned early with nothing: the terminal went away (no SIGHUP came, or it is
                // ignored). Report it as a hang-up rather than spin.
                _ = SignalState.pending.compareExchange(expected: 0, desired: SIGHUP, ordering: .relaxed)
                return .tick
            }
            if timeoutMilliseconds >= 0, clock.now >= deadline { return .tick }
        }
    }

    // MARK: Reading

    /// The next raw input, or nil when `timeoutMilliseconds` passed (or a signal interrupted).
    func readRaw(timeoutMilliseconds: Int) -> RawInput? {
        if !pushedBack.isEmpty { return pushedBack.removeFirst() }
        guard let window else { return nil }
        let timeout = Int32(clamping: timeoutMilliseconds)
        if timeout != lastTimeout {
            wtimeout(window, timeout)
            lastTimeout = timeout
        }
        var value: wint_t = 0
        switch wget_wch(window, &value) {
        case OK: return .character(UInt32(value))
        case KEY_CODE_YES: return .key(Int32(bitPattern: UInt32(value)))
        default: return nil
        }
    }

    private func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    /// True when standard input reports a hang-up or error (the pane or window was closed).
    private func inputHungUp() -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) > 0 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    // MARK: Decoding

    /// The event for one raw input (reading more for escape sequences and graphemes), or nil
    /// for input that means nothing to the app.
    func decode(_ raw: RawInput) -> InputEvent? {
        switch raw {
        case .key(let code):
            if code == KEY_RESIZE {
                needsFullRedraw = true
                return .resize(size)
            }
            return Self.functionKey(code).map { .key($0) }
        case .character(let value):
            switch value {
            case 27: return decodeEscape()
            case 8, 127: return .key(.backspace)
            case 9: return .key(.tab)
            case 10, 13: return .key(.enter)
            case 1...26: return .key(.control(Character(Unicode.Scalar(UInt8(value) + 96))))
            default:
                guard Self.isPrintable(value), let scalar = Unicode.Scalar(value) else { return nil }
                return .key(.character(joinGrapheme(startingWith: scalar)))
            }
        }
    }

    static func isPrintable(_ value: UInt32) -> Bool {
        value >= 0x20 && !(0x7F..<0xA0).contains(value) && Unicode.Scalar(value) != nil
    }

    /// A base character and whatever arrived with it that belongs to the same grapheme
    /// (combining marks, variation selectors, ZWJ sequences, flag pairs) as one Character.
    private func joinGrapheme(startingWith first: Unicode.Scalar) -> Character {
        var text = String(first)
        for _ in 0..<32 {
            guard let next = readRaw(timeoutMilliseconds: 0) else { break }
            guard case .character(let value) = next, Self.isPrintable(value),
                  let scalar = Unicode.Scalar(value) else {
                pushedBack.insert(next, at: 0)
                break
            }
            var candidate = text
            candidate.unicodeScalars.append(scalar)
            guard candidate.count == 1 else {
                pushedBack.insert(next, at: 0)
                break
            }
            text = candidate
        }
        return Character(text)
    }

    /// ncurses has already waited ESCDELAY and matched the sequences terminfo knows; what is left
    /// is Esc alone, Alt plus a key, or a sequence terminfo does not list (bracketed paste).
    private func decodeEscape() -> InputEvent? {
        guard let next = readRaw(timeoutMilliseconds: 0) else { return .key(.escape) }
        switch next {
        case .key(let code):
            // Alt plus a function key.
            if code == KEY_LEFT { return .key(.controlLeft) }
            if code == KEY_RIGHT { return .key(.controlRight) }
            return decode(next)
        case .character(let value):
            switch value {
            case 27:
                pushedBack.insert(next, at: 0)
                return .key(.escape)
            case 0x5B: return decodeCSI() // "["
            case 0x4F: return decodeSS3() // "O"
            case 0x62: return .key(.controlLeft) // Alt-b, word left (readline)
            case 0x66: return .key(.controlRight) // Alt-f, word right
            default: return nil // other Alt combinations mean nothing here
            }
        }
    }

    /// ESC [ parameters intermediates final.
    private func decodeCSI() -> InputEvent? {
        var body = ""
        while body.count < 32 {
            guard let raw = readRaw(timeoutMilliseconds: Self.sequenceDelay) else { return nil }
            guard case .character(let value) = raw, (0x20...0x7E).contains(value),
                  let scalar = Unicode.Scalar(value) else {
                pushedBack.insert(raw, at: 0)
                return nil
            }
            body.unicodeScalars.append(scalar)
            if (0x40...0x7E).contains(value) { break }
        }
        if body == "200~" { return .paste(readPaste()) }
        return Self.csiKey(body).map { .key($0) }
    }

    /// Keys from CSI sequences, for terminals whose terminfo entry does not list them.
    static func csiKey(_ body: String) -> Key? {
        guard let final = body.last else { return nil }
        let parameters = body.dropLast().split(separator: ";", omittingEmptySubsequences: false)
            .map { Int($0) }
        let modifier = parameters.count > 1 ? (parameters[1] ?? 1) : 1
        // Modifier 3 is Alt, 5 Ctrl: on left/right both are word moves.
        let word = modifier == 3 || modifier == 5
        switch final {
        case "A": return .up
        case "B": return .down
        case "C": return word ? .controlRight : .right
        case "D": return word ? .controlLeft : .left
        case "H": return .home
        case "F": return .end
        case "Z": return .backTab
        case "~":
            switch parameters.first ?? nil {
            case 1, 7: return .home
            case 4, 8: return .end
            case 3: return .delete
            case 5: return .pageUp
            case 6: return .pageDown
            case let n? where (11...15).contains(n): return .function(n - 10)
            case let n? where (17...21).contains(n): return .function(n - 11)
            case 23: return .function(11)
            case 24: return .function(12)
            default: return nil
            }
        default: return nil
        }
    }

    /// ESC O final (application cursor keys, F1-F4).
    private func decodeSS3() -> InputEvent? {
        guard let raw = readRaw(timeoutMilliseconds: Self.sequenceDelay) else { return nil }
        guard case .character(let value) = raw else {
            pushedBack.insert(raw, at: 0)
            return nil
        }
        let key: Key?
        switch value {
        case 0x41: key = .up
        case 0x42: key = .down
        case 0x43: key = .right
        case 0x44: key = .left
        case 0x48: key = .home
        case 0x46: key = .end
        case 0x50...0x53: key = .function(Int(value) - 0x4F)
        default: key = nil
        }
        return key.map { .key($0) }
    }

    /// The text between ESC[200~ and ESC[201~. Line ends become "\n"; other control characters
    /// except tab are dropped; keys ncurses recognised inside the paste are dropped. If the end
    /// marker never comes (a pause of half a second), what arrived so far is the paste.
    private func readPaste() -> String {
        var scalars = String.UnicodeScalarView()
        var deferred: [RawInput] = []
        var afterCR = false
        func append(_ value: UInt32) {
            if value == 13 {
                scalars.append("\n")
                afterCR = true
                return
            }
            defer { afterCR = false }
            if value == 10 {
                if !afterCR { scalars.append("\n") }
                return
            }
            if value == 9 || Self.isPrintable(value), let scalar = Unicode.Scalar(value) {
                scalars.append(scalar)
            }
        }
        let endMarker: [UInt32] = Array("[201~".unicodeScalars.map(\.value))
        reading: while SignalState.pending.load(ordering: .relaxed) == 0 {
            guard let raw = readRaw(timeoutMilliseconds: 500) else { break }
            switch raw {
            case .key(let code):
                if code == KEY_RESIZE { deferred.append(raw) }
            case .character(27):
                var matched: [UInt32] = []
                while matched.count < endMarker.count,
                      let next = readRaw(timeoutMilliseconds: Self.sequenceDelay),
                      case .character(let value) = next {
                    matched.append(value)
                    if value != endMarker[matched.count - 1] { break }
                }
                if matched == endMarker { break reading }
                matched.forEach(append)
            case .character(let value):
                append(value)
            }
        }
        pushedBack.append(contentsOf: deferred)
        return String(scalars)
    }

    /// Keys ncurses decoded from terminfo.
    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP, KEY_SR: return .up // KEY_SR/KEY_SF: Shift-Up/Down in xterm-like entries
        case KEY_DOWN, KEY_SF: return .down
        case KEY_LEFT, KEY_SLEFT: return .left
        case KEY_RIGHT, KEY_SRIGHT: return .right
        case KEY_HOME, KEY_A1, KEY_SHOME: return .home
        case KEY_END, KEY_C1, KEY_SEND: return .end
        case KEY_PPAGE, KEY_A3, KEY_SPREVIOUS: return .pageUp
        case KEY_NPAGE, KEY_C3, KEY_SNEXT: return .pageDown
        case KEY_DC, KEY_SDC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case cc_key_f(1)...cc_key_f(12): return .function(Int(code - KEY_F0))
        default:
            // Extended terminfo keys, numbered past KEY_MAX by ncurses: a name and a modifier
            // digit (kLFT5 is Ctrl-Left; 2 Shift, 3 Alt, 4 Shift-Alt, 5 Ctrl, 6 Ctrl-Shift, ...).
            guard code > KEY_MAX, let name = keyname(code) else { return nil }
            return extendedKey(named: String(cString: name))
        }
    }

    static func extendedKey(named name: String) -> Key? {
        let base = name.prefix { !$0.isNumber }
        let modifier = Int(name.dropFirst(base.count)) ?? 1
        let word = modifier >= 3 // Alt or Ctrl with left/right: a word move
        switch base {
        case "kLFT": return word ? .controlLeft : .left
        case "kRIT": return word ? .controlRight : .right
        case "kUP": return .up
        case "kDN": return .down
        case "kHOM": return .home
        case "kEND": return .end
        case "kPRV": return .pageUp
        case "kNXT": return .pageDown
        case "kDC": return .delete
        case "kcbt": return .backTab // linux: kcbt2=\E[Z
        default: return nil
        }
    }
}
