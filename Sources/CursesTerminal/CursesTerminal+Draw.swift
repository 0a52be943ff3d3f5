import CNcursesw
import Glibc
import TerminalUI

struct ColorPairKey: Hashable {
    var foreground: Color
    var background: Color
}

extension CursesTerminal {
    /// Writes every cell of `frame` into ncurses' virtual screen, places the cursor and lets
    /// ncurses send the difference. Covered cells (text nil) are skipped and every cell is
    /// positioned explicitly, so a wide glyph never shifts what follows it.
    public func draw(_ frame: Frame) {
        guard phase == .running, let window else { return }
        let columns = Int(cc_cols()), rows = Int(cc_lines())
        _ = werase(window)
        var current: Style? = nil
        let width = min(frame.size.width, columns), height = min(frame.size.height, rows)
        for y in 0..<height {
            for x in 0..<width {
                let cell = frame.buffer[x, y]
                guard let text = cell.text else { continue }
                if cell.style == .plain, text == " " { continue } // what werase left
                // A glyph that does not fit (a frame larger than the screen) becomes a blank.
                let fits = x + CellWidth.of(text) <= columns
                let count = fillWideBuffer(fits ? text : " ")
                if current != cell.style {
                    apply(cell.style, to: window)
                    current = cell.style
                }
                _ = wideBuffer.withUnsafeBufferPointer { buffer in
                    mvwaddnwstr(window, Int32(y), Int32(x), buffer.baseAddress, Int32(count))
                }
            }
        }
        _ = wattr_set(window, CC_A_NORMAL, 0, nil)
        if let cursor = frame.cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < columns, cursor.y < rows {
            setCursorVisible(true)
            _ = wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            setCursorVisible(false)
        }
        if needsFullRedraw {
            _ = clearok(cc_curscr(), true)
            needsFullRedraw = false
        }
        _ = wnoutrefresh(window)
        _ = doupdate()
    }

    /// The cell's scalars as wchar_t, without control characters (ncurses would draw them as
    /// "^X", two columns the buffer does not know about), then a terminating 0. Returns how many
    /// scalars there are; a cell left empty is drawn as a space.
    private func fillWideBuffer(_ text: String) -> Int {
        wideBuffer.removeAll(keepingCapacity: true)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20 || (value >= 0x7F && value < 0xA0) { continue }
            wideBuffer.append(wchar_t(bitPattern: value))
        }
        if wideBuffer.isEmpty { wideBuffer.append(0x20) }
        wideBuffer.append(0)
        return wideBuffer.count - 1
    }

    private func apply(_ style: Style, to window: UnsafeMutablePointer<WINDOW>) {
        var attributes = CC_A_NORMAL
        if style.bold { attributes |= CC_A_BOLD }
        if style.dim { attributes |= CC_A_DIM }
        if style.reverse { attributes |= CC_A_REVERSE }
        if style.underline { attributes |= CC_A_UNDERLINE }
        let pair = colorEnabled ? colorPair(foreground: style.foreground, background: style.background) : 0
        _ = wattr_set(window, attributes, pair, nil)
    }

    /// A colour pair per (foreground, background), allocated on first use; pair 0 (the
    /// terminal's defaults) when both are `.default` or the terminal has no pairs left.
    private func colorPair(foreground: Color, background: Color) -> Int16 {
        if foreground == .default, background == .default { return 0 }
        let key = ColorPairKey(foreground: foreground, background: background)
        if let pair = colorPairs[key] { return pair }
        var pair: Int16 = 0
        if nextColorPair < min(cc_color_pairs(), Int32(Int16.max)),
           init_pair(Int16(nextColorPair), cursesColor(foreground, isBackground: false),
                     cursesColor(background, isBackground: true)) == OK {
            pair = Int16(nextColorPair)
            nextColorPair += 1
        }
        colorPairs[key] = pair
        return pair
    }

    private func cursesColor(_ color: Color, isBackground: Bool) -> Int16 {
        let value: Int32
        switch color {
        case .default:
            if defaultColorsAvailable { return -1 }
            value = isBackground ? COLOR_BLACK : COLOR_WHITE
        case .black: value = COLOR_BLACK
        case .red: value = COLOR_RED
        case .green: value = COLOR_GREEN
        case .yellow: value = COLOR_YELLOW
        case .blue: value = COLOR_BLUE
        case .magenta: value = COLOR_MAGENTA
        case .cyan: value = COLOR_CYAN
        case .white: value = COLOR_WHITE
        }
        return Int16(value)
    }

    private func setCursorVisible(_ visible: Bool) {
        guard cursorVisible != visible else { return }
        _ = curs_set(visible ? 1 : 0)
        cursorVisible = visible
    }
}
