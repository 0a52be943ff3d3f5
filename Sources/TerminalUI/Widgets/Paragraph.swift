/// Read-only text wrapped by the same rules as the editor (`WordWrap`), without the spaces
/// left at the end of each row.
public enum Paragraph {
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        return WordWrap.wrap(text.tabsShownAsSpaces, width: width).map { row in
            var trimmed = Substring(row)
            while trimmed.last == " " { trimmed.removeLast() }
            return String(trimmed)
        }
    }

    /// Draws wrapped text into `area`, returning the rows used.
    @discardableResult
    public static func render(_ text: String, in area: Rect, into buffer: inout Buffer, style: Style = .plain) -> Int {
        let rows = wrap(text, width: area.width)
        for (index, row) in rows.prefix(area.height).enumerated() {
            buffer.put(row, x: area.x, y: area.y + index, style: style, clip: area)
        }
        return min(rows.count, area.height)
    }
}

/// The help line: "Enter continue · Ctrl-B back · ...", as many items as fit.
public enum HelpLine {
    public static func render(_ items: [(keys: String, help: String)], in area: Rect, into buffer: inout Buffer,
                              keyStyle: Style = .bold, textStyle: Style = .dim) {
        var x = area.x
        for (index, item) in items.enumerated() {
            let separator = index == 0 ? "" : "  "
            let width = CellWidth.of(separator + item.keys + " " + item.help)
            if x + width > area.maxX { break }
            x += buffer.put(separator, x: x, y: area.y, style: textStyle, clip: area)
            x += buffer.put(item.keys, x: x, y: area.y, style: keyStyle, clip: area)
            x += buffer.put(" " + item.help, x: x, y: area.y, style: textStyle, clip: area)
        }
    }
}

extension String {
    /// The text with each tab as spaces, as the editor types one: a tab put in a cell would
    /// show as nothing.
    public var tabsShownAsSpaces: String {
        guard contains("\t") else { return self }
        return String(flatMap { $0 == "\t" ? Array(repeating: Character(" "), count: TextEditorState.tabWidth) : [$0] })
    }
}
