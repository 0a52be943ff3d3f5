/// One screen row of a wrapped logical line: which of the line's characters it shows.
///
/// Rows always start at column 0 (there is no hanging indent), so a row is drawn by writing
/// `line[range]` from the left edge; `width` is the number of columns those characters take.
/// A row may be narrower than the wrap width: a wide glyph that did not fit moved down and left
/// a blank gap, or a word moved down whole.
public struct VisualRow: Hashable, Sendable {
    /// The logical line's index (0 when a single line is laid out).
    public var line: Int
    /// The characters of the logical line shown on this row.
    public var range: Range<Int>
    /// The columns those characters take.
    public var width: Int
    /// True for the line's last row, which also holds the cursor slot after the last character.
    public var isLast: Bool

    public init(line: Int, range: Range<Int>, width: Int, isLast: Bool) {
        self.line = line
        self.range = range
        self.width = width
        self.isLast = isLast
    }

    /// The cursor indices that belong to this row: on a line's last row, up to and including the
    /// end-of-line slot; on any other row, up to its last character (the index just after it
    /// belongs to the next row).
    public var cursorIndices: ClosedRange<Int> {
        range.lowerBound...(isLast ? range.upperBound : range.upperBound - 1)
    }
}

/// Word wrap for one logical line of characters (grapheme clusters), by terminal columns.
///
/// The rules, all pure and independent of the terminal:
/// - Rows break after a space (`" "` or the ideographic space): a word that does not fit moves
///   down whole, together with the space that follows it (a space never hangs past the edge, so
///   every character, and the cursor on it, is inside the row).
/// - A word longer than the row is hard-broken at the last character that fits.
/// - A wide glyph (`CellWidth.of == 2`) is never split: when it does not fit at the end of a row it
///   moves to the next one and the gap stays blank.
/// - A zero-width character (a control, a stray combining mark, U+200B) stays on the row of the
///   character before it, so only a line's first row can start with one (and never holds it
///   alone unless the line is nothing else).
/// - The cursor slot after the last character takes one column. **When a row is exactly full, the
///   slot opens a new, empty, visual row**: the cursor never sits at or past the right edge.
/// - A width below 1 is treated as 1. A glyph wider than the row is placed alone on its row (and
///   overflows it; a renderer clips it), so every row makes progress and wrapping always ends.
public enum WordWrap {
    /// Columns reserved after the last character of a line for the cursor.
    public static let cursorSlotWidth = 1

    /// The visual rows of one logical line at `width` columns. Never empty: an empty line has
    /// one empty row (holding the cursor slot).
    public static func layout(_ line: [Character], width: Int, lineIndex: Int = 0) -> [VisualRow] {
        var rows: [VisualRow] = []
        wrap(line, width: width) { range, columns, isLast in
            rows.append(VisualRow(line: lineIndex, range: range, width: columns, isLast: isLast))
        }
        return rows
    }

    /// The visual rows of several logical lines, in order, each tagged with its line index.
    public static func layout(lines: [[Character]], width: Int) -> [VisualRow] {
        var rows: [VisualRow] = []
        for (index, line) in lines.enumerated() {
            wrap(line, width: width) { range, columns, isLast in
                rows.append(VisualRow(line: index, range: range, width: columns, isLast: isLast))
            }
        }
        return rows
    }

    /// How many visual rows `layout` would return, without building them.
    public static func rowCount(_ line: [Character], width: Int) -> Int {
        var count = 0
        wrap(line, width: width) { _, _, _ in count += 1 }
        return count
    }

    /// The position in `rows` (the rows of one line) of the row holding cursor `index`.
    public static func rowIndex(containing index: Int, in rows: [VisualRow]) -> Int {
        // The last row starting at or before `index`; row starts strictly increase.
        var low = 0, high = rows.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if rows[mid].range.lowerBound <= index { low = mid } else { high = mid - 1 }
        }
        return max(0, low)
    }

    /// The column (from the row's left edge) where the cursor at `index` is drawn.
    public static func column(of index: Int, in row: VisualRow, of line: [Character]) -> Int {
        var column = 0
        var position = row.range.lowerBound
        let end = min(index, row.range.upperBound, line.count)
        while position < end {
            column += cellWidth(line[position])
            position += 1
        }
        return column
    }

    /// The cursor index on `row` nearest to `column` without passing it: the last index whose
    /// column is at or before `column` (a cursor aimed at the right half of a wide glyph lands on
    /// the glyph). Used by up/down moves to keep the visual column.
    public static func index(atColumn column: Int, in row: VisualRow, of line: [Character]) -> Int {
        let indices = row.cursorIndices
        var position = indices.lowerBound
        var at = 0
        while position < indices.upperBound, position < line.count {
            let next = at + cellWidth(line[position])
            if next > column { break }
            at = next
            position += 1
        }
        return position
    }

    /// Text wrapped into rows of at most `width` columns, by the rules above; each `\n` starts a
    /// new logical line. For read-only text (placeholders, paragraphs).
    public static func wrap(_ text: String, width: Int) -> [String] {
        var result: [String] = []
        for part in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = Array(part)
            var rows: [String] = []
            wrap(line, width: width) { range, _, _ in rows.append(String(line[range])) }
            // The editor keeps a cell for the cursor after the text; read-only text needs none, so
            // a line that fills its row exactly gets no empty row after it.
            if rows.count > 1, rows.last?.isEmpty == true { rows.removeLast() }
            result += rows
        }
        return result
    }

    /// `CellWidth.of(character)`, with a fast path for ASCII (comparing a `Character` or asking
    /// for its `asciiValue` costs ~30 ns; reading its one UTF-8 byte ~2 ns).
    @inline(__always)
    static func cellWidth(_ character: Character) -> Int {
        classify(character).width
    }

    /// The character's width, and whether a row may break after it: `" "` or the ideographic
    /// space U+3000.
    @inline(__always)
    static func classify(_ character: Character) -> (width: Int, isSpace: Bool) {
        let utf8 = character.utf8
        if utf8.count == 1 {
            let byte = utf8[utf8.startIndex]
            return (byte >= 0x20 && byte < 0x7F ? 1 : 0, byte == 0x20)
        }
        let width = CellWidth.of(character)
        return (width, width == 2 && character.unicodeScalars.first == "\u{3000}")
    }

    /// The wrap state machine: calls `emit(range, columns, isLast)` once per visual row.
    ///
    /// Each character is scanned at most twice (again only when its word moves down), so this
    /// is linear in the line's length.
    @inline(__always)
    static func wrap(_ line: [Character], width: Int, emit: (Range<Int>, Int, Bool) -> Void) {
        let limit = max(1, width)
        let count = line.count
        var rowStart = 0
        var column = 0
        var breakAt = -1 // index just after the row's last space: where a soft break may go
        var breakColumn = 0 // columns used up to `breakAt`
        var index = 0
        while index <= count {
            let (cellWidth, isSpace) = index == count ? (cursorSlotWidth, false) : classify(line[index])
            // Zero-width characters always join the current row; anything fits on an empty row.
            if cellWidth == 0 || column + cellWidth <= limit || column == 0 {
                column += cellWidth
                // A break goes after a space, and after zero-width characters that follow it.
                if isSpace || (cellWidth == 0 && breakAt == index) {
                    breakAt = index + 1
                    breakColumn = column
                }
                index += 1
                continue
            }
            if index < count, breakAt > rowStart {
                // Soft break after the last space: the current word moves down, rescanned.
                emit(rowStart..<breakAt, breakColumn, false)
                rowStart = breakAt
                index = breakAt
            } else {
                // Hard break before this character (or before the cursor slot).
                emit(rowStart..<index, column, false)
                rowStart = index
            }
            column = 0
            breakAt = -1
        }
        emit(rowStart..<count, column - cursorSlotWidth, true)
    }
}
