/// One screen cell: a grapheme and its style. A wide grapheme fills its first cell; the cells it
/// covers hold `nil` text so nothing is drawn there.
public struct Cell: Hashable, Sendable {
    /// `nil` for a cell covered by the wide grapheme to its left.
    public var text: String?
    public var style: Style

    public static let blank = Cell(text: " ", style: .plain)

    public init(text: String?, style: Style) {
        self.text = text
        self.style = style
    }
}

/// What a frame draws into: a grid of cells, rebuilt from state every frame.
public struct Buffer: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: .blank, count: self.size.width * self.size.height)
    }

    public init(width: Int, height: Int) {
        self.init(size: Size(width: width, height: height))
    }

    public var area: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    /// Writes `text` from (x, y), clipped to `clip` (the whole buffer by default) and to `maxWidth`.
    /// Control characters are dropped; a wide character that would not fit is not drawn (the gap
    /// stays blank). Returns the number of columns used.
    @discardableResult
    public mutating func put<S: StringProtocol>(_ text: S, x: Int, y: Int, style: Style = .plain,
                                                maxWidth: Int? = nil, clip: Rect? = nil) -> Int {
        let bounds = clip ?? area
        guard y >= bounds.y, y < bounds.maxY, y < size.height, y >= 0 else { return 0 }
        let limit = min(bounds.maxX, size.width, maxWidth.map { x + $0 } ?? Int.max)
        var column = x
        for character in text {
            let width = CellWidth.of(character)
            // Controls and stray marks (a combining mark with no letter before it) take no cell.
            if width == 0 { continue }
            if column + width > limit { break }
            if column >= bounds.x {
                clearWide(at: column, y: y)
                self[column, y] = Cell(text: String(character), style: style)
                for covered in 1..<max(1, width) where column + covered < size.width {
                    clearWide(at: column + covered, y: y)
                    self[column + covered, y] = Cell(text: nil, style: style)
                }
            }
            column += width
        }
        return column - x
    }

    /// Copies whole rows of another buffer of the same width here, from row `toY` on (rows that
    /// would fall outside are left out): for drawing a tall page through a window.
    public mutating func copyRows(from other: Buffer, rows: Range<Int>, toY: Int) {
        guard other.size.width == size.width else { return }
        for (index, row) in rows.enumerated() where row >= 0 && row < other.size.height {
            let y = toY + index
            guard y >= 0, y < size.height else { continue }
            for x in 0..<size.width { self[x, y] = other[x, row] }
        }
    }

    /// Fills a rectangle with blanks of a style.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            for x in max(0, rect.x)..<min(size.width, rect.maxX) {
                self[x, y] = Cell(text: " ", style: style)
            }
        }
    }

    /// Overwriting part of a wide character blanks the rest of it, so no half glyph remains.
    private mutating func clearWide(at x: Int, y: Int) {
        guard x >= 0, x < size.width else { return }
        if self[x, y].text == nil {
            var left = x - 1
            while left >= 0, self[left, y].text == nil { left -= 1 }
            if left >= 0 { self[left, y] = Cell(text: " ", style: self[left, y].style) }
            var right = x
            while right < size.width, self[right, y].text == nil { self[right, y] = Cell(text: " ", style: self[right, y].style); right += 1 }
        } else if let text = self[x, y].text, CellWidth.of(text) > 1 {
            var right = x + 1
            while right < size.width, self[right, y].text == nil { self[right, y] = Cell(text: " ", style: self[right, y].style); right += 1 }
        }
    }

    /// The rows as text, each wide character once (its covered cells omitted), trailing spaces
    /// kept so every row is `width` columns: what a golden screen compares.
    public var lines: [String] {
        (0..<size.height).map { y in
            var line = ""
            for x in 0..<size.width { if let text = self[x, y].text { line += text } }
            return line
        }
    }

    /// The rows with trailing spaces removed, joined by newlines.
    public var text: String {
        lines.map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed.removeLast() }
            return String(trimmed)
        }.joined(separator: "\n")
    }
}

/// A buffer plus where the cursor should be (nil hides it): what `view` produces.
public struct Frame: Hashable, Sendable {
    public var buffer: Buffer
    public var cursor: Point?

    public init(size: Size) {
        buffer = Buffer(size: size)
        cursor = nil
    }

    public var size: Size { buffer.size }
    public var area: Rect { buffer.area }
}
