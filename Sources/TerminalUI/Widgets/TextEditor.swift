/// A cursor position in a `TextEditorState`: a logical line and a character index in it
/// (0...line.count; `line.count` is the slot after the last character).
public struct TextPosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var index: Int

    public init(line: Int, index: Int) {
        self.line = line
        self.index = index
    }

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.index) < (rhs.line, rhs.index)
    }

    public var description: String { "\(line):\(index)" }
}

/// The state of a multi-line text editor: text, cursor and scroll. A value type, stored in the
/// feature's state; every edit and move is a pure mutating method, testable without rendering.
///
/// - Text is kept as logical lines of `Character`s (grapheme clusters, the unit of cursor moves
///   and of screen cells). Lines always hold exactly what `Array(String(line))` would: an edit
///   that puts a combining mark next to a letter merges the two, as a round trip through
///   `text` would.
/// - Input is normalised: `\r\n`, `\r` (and other Unicode line breaks) become line breaks, a tab
///   becomes `tabWidth` (4) spaces, other control characters are dropped.
/// - Moves that depend on the layout (up/down, page up/down, scrolling) take the wrap width, and
///   go by **visual** rows (see `WordWrap`). Up/down keep `preferredColumn`, the visual column
///   the cursor had when the vertical run started, so passing through a short line and back
///   returns to the same column.
/// - Home/End (`moveToLineStart`/`moveToLineEnd`) go to the start/end of the **logical** line,
///   like Ctrl-A/Ctrl-E.
/// - `scrollTop` is the first visible visual row; `ensureCursorVisible` keeps the cursor on
///   screen and is called after each edit or move (and on resize), before rendering.
public struct TextEditorState: Hashable, Sendable {
    /// Spaces a typed or pasted tab becomes.
    public static let tabWidth = 4

    /// The logical lines; never empty (an empty text is one empty line).
    public private(set) var lines: [[Character]]
    public private(set) var cursor: TextPosition
    /// The visual column kept across consecutive up/down moves; nil after any other edit or move.
    public private(set) var preferredColumn: Int?
    /// The first visible visual row.
    public var scrollTop: Int
    /// Bumped by every edit that changes the text (not by moves): a cheap change check.
    public private(set) var revision: Int

    /// An editor holding `text`, with the cursor at its end.
    public init(text: String = "") {
        lines = Self.split(text)
        cursor = TextPosition(line: 0, index: 0)
        preferredColumn = nil
        scrollTop = 0
        revision = 0
        cursor = endPosition
    }

    /// The text, lines joined with `\n`. Setting it replaces everything and puts the cursor at
    /// the end (call `ensureCursorVisible` afterwards to scroll there).
    public var text: String {
        get {
            var result = ""
            result.reserveCapacity(lines.reduce(lines.count) { $0 + $1.count })
            for (number, line) in lines.enumerated() {
                if number > 0 { result.append("\n") }
                result.append(contentsOf: line)
            }
            return result
        }
        set {
            lines = Self.split(newValue)
            cursor = endPosition
            preferredColumn = nil
            scrollTop = 0
            revision &+= 1
        }
    }

    public var isEmpty: Bool { lines.count == 1 && lines[0].isEmpty }

    /// The position after the last character.
    public var endPosition: TextPosition {
        TextPosition(line: lines.count - 1, index: lines[lines.count - 1].count)
    }

    /// Moves the cursor, clamped into the text.
    public mutating func setCursor(_ position: TextPosition) {
        cursor = clamped(position)
        preferredColumn = nil
    }

    // MARK: - Editing

    /// Inserts typed or pasted text at the cursor, in one step whatever its length (line breaks
    /// split lines; see the type's notes on normalisation). The cursor ends after it.
    public mutating func insert(_ string: String) {
        let pieces = Self.split(string)
        if pieces.count == 1, pieces[0].isEmpty { return }
        let line = cursor.line, index = cursor.index
        if pieces.count == 1 {
            lines[line].insert(contentsOf: pieces[0], at: index)
            cursor.index = index + pieces[0].count
        } else {
            let old = lines[line]
            var replacement = pieces
            replacement[0] = Array(old[..<index]) + pieces[0]
            let lastLength = pieces[pieces.count - 1].count
            replacement[pieces.count - 1].append(contentsOf: old[index...])
            lines.replaceSubrange(line...line, with: replacement)
            cursor = TextPosition(line: line + pieces.count - 1, index: lastLength)
        }
        // The inserted text may combine with its neighbours (a combining mark after a letter).
        mergeGraphemes(line: cursor.line, at: cursor.index)
        if mergeGraphemes(line: line, at: index), cursor.line == line { cursor.index -= 1 }
        edited()
    }

    /// Splits the line at the cursor; the cursor goes to the start of the new line.
    public mutating func insertNewline() {
        let line = cursor.line, index = cursor.index
        let rest = Array(lines[line][index...])
        lines[line].removeSubrange(index...)
        lines.insert(rest, at: line + 1)
        cursor = TextPosition(line: line + 1, index: 0)
        edited()
    }

    /// Backspace: deletes the character before the cursor; at a line's start, joins the line to
    /// the one above.
    public mutating func deleteBackward() {
        if cursor.index > 0 {
            deleteInLine(from: cursor.index - 1)
        } else if cursor.line > 0 {
            joinWithPrevious()
        }
    }

    /// Delete: deletes the character after the cursor; at a line's end, joins the next line to it.
    public mutating func deleteForward() {
        let line = cursor.line, index = cursor.index
        if index < lines[line].count {
            lines[line].remove(at: index)
            mergeGraphemes(line: line, at: index)
            edited()
        } else if line + 1 < lines.count {
            cursor = TextPosition(line: line + 1, index: 0)
            joinWithPrevious() // leaves the cursor at the join, where it was
        }
    }

    /// Ctrl-W / Alt-Backspace: deletes the spaces before the cursor, then the word before them
    /// (a word is a run of non-whitespace). At a line's start, joins the line to the one above.
    public mutating func deleteWordBackward() {
        guard cursor.index > 0 else {
            if cursor.line > 0 { joinWithPrevious() }
            return
        }
        let line = lines[cursor.line]
        var start = cursor.index
        while start > 0, line[start - 1].isWhitespace { start -= 1 }
        while start > 0, !line[start - 1].isWhitespace { start -= 1 }
        deleteInLine(from: start)
    }

    /// Ctrl-U: deletes from the start of the logical line to the cursor.
    public mutating func deleteToLineStart() {
        guard cursor.index > 0 else { return }
        deleteInLine(from: 0)
    }

    // MARK: - Moves that do not depend on the layout

    /// One character left; from a line's start, to the end of the line above.
    public mutating func moveLeft() {
        if cursor.index > 0 {
            cursor.index -= 1
        } else if cursor.line > 0 {
            cursor = TextPosition(line: cursor.line - 1, index: lines[cursor.line - 1].count)
        }
        preferredColumn = nil
    }

    /// One character right; from a line's end, to the start of the line below.
    public mutating func moveRight() {
        if cursor.index < lines[cursor.line].count {
            cursor.index += 1
        } else if cursor.line + 1 < lines.count {
            cursor = TextPosition(line: cursor.line + 1, index: 0)
        }
        preferredColumn = nil
    }

    /// To the start of the word before the cursor, crossing line breaks as whitespace.
    public mutating func moveWordLeft() {
        var position = cursor
        while true {
            if position.index == 0 {
                guard position.line > 0 else { break }
                position = TextPosition(line: position.line - 1, index: lines[position.line - 1].count)
            } else if lines[position.line][position.index - 1].isWhitespace {
                position.index -= 1
            } else {
                break
            }
        }
        let line = lines[position.line]
        while position.index > 0, !line[position.index - 1].isWhitespace { position.index -= 1 }
        cursor = position
        preferredColumn = nil
    }

    /// To the end of the word after the cursor, crossing line breaks as whitespace.
    public mutating func moveWordRight() {
        var position = cursor
        while true {
            if position.index == lines[position.line].count {
                guard position.line + 1 < lines.count else { break }
                position = TextPosition(line: position.line + 1, index: 0)
            } else if lines[position.line][position.index].isWhitespace {
                position.index += 1
            } else {
                break
            }
        }
        let line = lines[position.line]
        while position.index < line.count, !line[position.index].isWhitespace { position.index += 1 }
        cursor = position
        preferredColumn = nil
    }

    /// Home: the start of the logical line.
    public mutating func moveToLineStart() {
        cursor.index = 0
        preferredColumn = nil
    }

    /// End: the end of the logical line.
    public mutating func moveToLineEnd() {
        cursor.index = lines[cursor.line].count
        preferredColumn = nil
    }

    public mutating func moveToDocumentStart() {
        cursor = TextPosition(line: 0, index: 0)
        preferredColumn = nil
    }

    public mutating func moveToDocumentEnd() {
        cursor = endPosition
        preferredColumn = nil
    }

    // MARK: - Moves by visual row

    /// One visual row up, at the preferred column. From the first row, to the document start.
    public mutating func moveUp(width: Int) {
        var cache = LineRowsCache()
        moveVertically(by: -1, width: width, cache: &cache)
    }

    /// One visual row down, at the preferred column. From the last row, to the document end.
    public mutating func moveDown(width: Int) {
        var cache = LineRowsCache()
        moveVertically(by: 1, width: width, cache: &cache)
    }

    /// Up by a page (the view's height less one row, at least one), scrolling by as much.
    public mutating func pageUp(width: Int, height: Int) {
        let moved = movePage(by: -max(1, height - 1), width: width)
        scrollTop = max(0, scrollTop - moved)
        ensureCursorVisible(width: width, height: height)
    }

    /// Down by a page (the view's height less one row, at least one), scrolling by as much.
    public mutating func pageDown(width: Int, height: Int) {
        let moved = movePage(by: max(1, height - 1), width: width)
        scrollTop += moved
        ensureCursorVisible(width: width, height: height)
    }

    // MARK: - Layout queries and scrolling

    /// The cursor's place in the wrapped text: `y` is its visual row counted from the top of the
    /// document, `x` its column in that row.
    public func cursorVisualPosition(width: Int) -> Point {
        var row = 0
        for line in 0..<cursor.line { row += WordWrap.rowCount(lines[line], width: width) }
        let rows = WordWrap.layout(lines[cursor.line], width: width, lineIndex: cursor.line)
        let within = WordWrap.rowIndex(containing: cursor.index, in: rows)
        let column = WordWrap.column(of: cursor.index, in: rows[within], of: lines[cursor.line])
        return Point(x: column, y: row + within)
    }

    /// The number of visual rows of the whole text at `width`.
    public func visualRowCount(width: Int) -> Int {
        lines.reduce(0) { $0 + WordWrap.rowCount($1, width: width) }
    }

    /// Scrolls the least needed to show the cursor in a view of `width` x `height`, and so that
    /// the view is not left scrolled past the end of the text.
    public mutating func ensureCursorVisible(width: Int, height: Int) {
        let height = max(1, height)
        var row = 0, total = 0
        for (number, line) in lines.enumerated() {
            if number == cursor.line {
                let rows = WordWrap.layout(line, width: width, lineIndex: number)
                row = total + WordWrap.rowIndex(containing: cursor.index, in: rows)
                total += rows.count
            } else {
                total += WordWrap.rowCount(line, width: width)
            }
        }
        scrollTop = min(max(0, scrollTop), max(0, total - height))
        if row < scrollTop { scrollTop = row }
        if row >= scrollTop + height { scrollTop = row - height + 1 }
    }

    // MARK: - Private

    private mutating func edited() {
        preferredColumn = nil
        revision &+= 1
    }

    /// Deletes `from..<cursor.index` from the cursor's line and leaves the cursor at `from`.
    private mutating func deleteInLine(from start: Int) {
        let line = cursor.line
        lines[line].removeSubrange(start..<cursor.index)
        cursor.index = start
        mergeGraphemes(line: line, at: start)
        edited()
    }

    /// Appends the cursor's line to the one above; the cursor goes to the join.
    private mutating func joinWithPrevious() {
        let line = cursor.line
        let join = lines[line - 1].count
        let moved = lines.remove(at: line)
        lines[line - 1].append(contentsOf: moved)
        cursor = TextPosition(line: line - 1, index: join)
        mergeGraphemes(line: line - 1, at: join)
        edited()
    }

    /// Re-segments the two characters around `index` (a fresh neighbour may combine with them,
    /// as "e" and U+0301 make "é"). Returns true if they merged; a cursor at `index` is then
    /// just after the merged character, and one at a later index must move back by one.
    @discardableResult
    private mutating func mergeGraphemes(line: Int, at index: Int) -> Bool {
        guard index > 0, index < lines[line].count else { return false }
        let left = lines[line][index - 1], right = lines[line][index]
        // Only a mark, joiner or the like can combine; skip the common case of two plain letters.
        if left.isASCII, right.isASCII { return false }
        let joined = Array(String(left) + String(right))
        guard joined != [left, right] else { return false }
        lines[line].replaceSubrange((index - 1)...index, with: joined)
        return joined.count < 2
    }

    private func clamped(_ position: TextPosition) -> TextPosition {
        let line = min(max(0, position.line), lines.count - 1)
        return TextPosition(line: line, index: min(max(0, position.index), lines[line].count))
    }

    /// Moves `steps` visual rows (negative: up); returns how many rows it actually moved.
    private mutating func movePage(by steps: Int, width: Int) -> Int {
        var cache = LineRowsCache()
        var moved = 0
        for _ in 0..<abs(steps) {
            guard moveVertically(by: steps < 0 ? -1 : 1, width: width, cache: &cache) else { break }
            moved += 1
        }
        return moved
    }

    /// One visual row up (-1) or down (1) at the preferred column. Returns false if there was no
    /// row to go to (the cursor then goes to the document's start or end).
    @discardableResult
    private mutating func moveVertically(by direction: Int, width: Int, cache: inout LineRowsCache) -> Bool {
        let rows = cache.rows(of: cursor.line, in: lines, width: width)
        let current = WordWrap.rowIndex(containing: cursor.index, in: rows)
        let column = preferredColumn ?? WordWrap.column(of: cursor.index, in: rows[current], of: lines[cursor.line])
        let targetLine: Int, targetRow: VisualRow
        if direction < 0, current > 0 {
            (targetLine, targetRow) = (cursor.line, rows[current - 1])
        } else if direction > 0, current + 1 < rows.count {
            (targetLine, targetRow) = (cursor.line, rows[current + 1])
        } else if direction < 0, cursor.line > 0 {
            let above = cache.rows(of: cursor.line - 1, in: lines, width: width)
            (targetLine, targetRow) = (cursor.line - 1, above[above.count - 1])
        } else if direction > 0, cursor.line + 1 < lines.count {
            let below = cache.rows(of: cursor.line + 1, in: lines, width: width)
            (targetLine, targetRow) = (cursor.line + 1, below[0])
        } else {
            cursor = direction < 0 ? TextPosition(line: 0, index: 0) : endPosition
            preferredColumn = column
            return false
        }
        cursor = TextPosition(line: targetLine,
                              index: WordWrap.index(atColumn: column, in: targetRow, of: lines[targetLine]))
        preferredColumn = column
        return true
    }

    /// Splits input into normalised logical lines (never empty).
    static func split(_ text: String) -> [[Character]] {
        var result: [[Character]] = []
        var current = ""
        var needsResegmenting = false
        var line: [Character] = []
        func finish() {
            result.append(needsResegmenting ? Array(current) : line)
            current = ""
            line = []
            needsResegmenting = false
        }
        for character in text {
            let utf8 = character.utf8
            if utf8.count == 1, let byte = utf8.first, byte >= 0x20, byte < 0x7F {
                current.append(character) // the common case, without slower Character comparisons
                line.append(character)
            } else if character.isNewline {
                finish()
            } else if character == "\t" {
                current.append(String(repeating: " ", count: tabWidth))
                line.append(contentsOf: repeatElement(" ", count: tabWidth))
                needsResegmenting = true // a following mark may combine with the last space
            } else if isDroppedControl(character) {
                needsResegmenting = true // its neighbours may now combine
            } else {
                current.append(character)
                line.append(character)
            }
        }
        finish()
        return result
    }

    private static func isDroppedControl(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard let first = scalars.first, scalars.count == 1 else { return false }
        return first.value < 0x20 || (first.value >= 0x7F && first.value < 0xA0)
    }
}

/// The rows of a few lines, wrapped once for a run of vertical moves (a page).
private struct LineRowsCache {
    private var entries: [Int: [VisualRow]] = [:]

    mutating func rows(of line: Int, in lines: [[Character]], width: Int) -> [VisualRow] {
        if let rows = entries[line] { return rows }
        let rows = WordWrap.layout(lines[line], width: width, lineIndex: line)
        entries[line] = rows
        return rows
    }
}

/// Draws a `TextEditorState`: only its visible rows, wrapped by `WordWrap`, from `scrollTop`.
/// A value built each frame; the state it draws lives in the feature's state.
public struct TextEditorView: Hashable, Sendable {
    /// Shown, dimmed, when the text is empty.
    public var placeholder: String

    public init(placeholder: String = "") {
        self.placeholder = placeholder
    }

    /// Fills `area` with `style` and draws the visible rows. Returns where the cursor is on the
    /// screen, or nil if it is scrolled out of view (or the area is empty).
    @discardableResult
    public func render(_ state: TextEditorState, in area: Rect, into buffer: inout Buffer,
                       style: Style = .plain) -> Point? {
        let area = Self.intersection(area, buffer.area)
        guard !area.isEmpty else { return nil }
        let width = area.width
        let top = max(0, state.scrollTop)
        let bottom = top + area.height
        var drawn = 0 // rows of the area drawn so far

        if state.isEmpty, !placeholder.isEmpty {
            var dim = style
            dim.dim = true
            let lines = TextEditorState.split(placeholder)
            var rows = WordWrap.layout(lines: lines, width: width)
            if let last = rows.last, last.isLast, last.range.isEmpty, rows.count > 1 { rows.removeLast() }
            for visual in rows.dropFirst(top).prefix(area.height) {
                Self.draw(lines[visual.line][visual.range], row: area.y + drawn, in: area, into: &buffer,
                          style: dim, blanks: style)
                drawn += 1
            }
            Self.blank(rowsFrom: area.y + drawn, in: area, into: &buffer, style: style)
            return top == 0 ? Point(x: area.x, y: area.y) : nil
        }

        var cursor: Point?
        var row = 0 // the visual row of the current line's first row
        for (number, line) in state.lines.enumerated() {
            if row >= bottom { break }
            if row < top {
                let count = WordWrap.rowCount(line, width: width)
                if row + count <= top {
                    row += count
                    continue
                }
            }
            let rows = WordWrap.layout(line, width: width, lineIndex: number)
            for (offset, visual) in rows.enumerated() where row + offset >= top && row + offset < bottom {
                Self.draw(line[visual.range], row: area.y + row + offset - top, in: area, into: &buffer,
                          style: style, blanks: style)
                drawn += 1
            }
            if number == state.cursor.line {
                let within = WordWrap.rowIndex(containing: state.cursor.index, in: rows)
                let y = row + within
                if y >= top, y < bottom {
                    let column = WordWrap.column(of: state.cursor.index, in: rows[within], of: line)
                    cursor = Point(x: area.x + min(column, width - 1), y: area.y + y - top)
                }
            }
            row += rows.count
        }
        Self.blank(rowsFrom: area.y + drawn, in: area, into: &buffer, style: style)
        return cursor
    }

    /// Writes one row's characters from the area's left edge, then blanks to its right edge.
    /// (Cells are written directly: `Buffer.put` per row costs several times more, and a full
    /// screen of text must draw in well under a millisecond.) Zero-width characters take no
    /// cell; a glyph that does not fit is not drawn.
    private static func draw(_ characters: ArraySlice<Character>, row y: Int, in area: Rect, into buffer: inout Buffer,
                             style: Style, blanks: Style) {
        detachWideGlyphs(row: y, in: area, into: &buffer)
        var x = area.x
        for character in characters {
            let width = WordWrap.cellWidth(character)
            if width == 0 { continue }
            if x + width > area.maxX { break }
            buffer[x, y] = Cell(text: String(character), style: style)
            for covered in 1..<max(1, width) { buffer[x + covered, y] = Cell(text: nil, style: style) }
            x += width
        }
        while x < area.maxX {
            buffer[x, y] = Cell(text: " ", style: blanks)
            x += 1
        }
    }

    private static func blank(rowsFrom first: Int, in area: Rect, into buffer: inout Buffer, style: Style) {
        for y in max(first, area.y)..<max(first, area.maxY) {
            draw([], row: y, in: area, into: &buffer, style: style, blanks: style)
        }
    }

    /// Before a row of the area is overwritten: a wide glyph outside the area whose right half
    /// is inside it loses its left half, and cells outside covered by a glyph inside are
    /// blanked, so no half glyph remains on either side.
    private static func detachWideGlyphs(row y: Int, in area: Rect, into buffer: inout Buffer) {
        if area.x > 0, buffer[area.x, y].text == nil {
            var x = area.x - 1
            while x > 0, buffer[x, y].text == nil { x -= 1 }
            buffer[x, y] = Cell(text: " ", style: buffer[x, y].style)
            for covered in (x + 1)..<area.x { buffer[covered, y] = Cell(text: " ", style: buffer[covered, y].style) }
        }
        var x = area.maxX
        while x < buffer.size.width, buffer[x, y].text == nil {
            buffer[x, y] = Cell(text: " ", style: buffer[x, y].style)
            x += 1
        }
    }

    private static func intersection(_ a: Rect, _ b: Rect) -> Rect {
        let x = max(a.x, b.x), y = max(a.y, b.y)
        return Rect(x: x, y: y, width: min(a.maxX, b.maxX) - x, height: min(a.maxY, b.maxY) - y)
    }
}
