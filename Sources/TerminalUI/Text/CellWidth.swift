/// How many terminal columns text takes: the one width function of the UI.
///
/// It agrees with glibc's `wcwidth` under a UTF-8 locale (what ncurses uses to place
/// characters) because its table is generated from it (`scripts/gen-width-table.py`), but unlike
/// `wcwidth` it does not depend on the process locale, so tests and the app measure alike.
/// A grapheme's width is the sum of its scalars' widths, as ncurses would advance the cursor.
/// Known limit: emoji joined with ZWJ are counted per scalar, while terminals draw them narrower.
public enum CellWidth {
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if contains(WidthTable.zero, value) { return 0 }
        if contains(WidthTable.wide, value) { return 2 }
        if value < 0xA0 { return 0 } // C1 controls are never drawn
        return 1
    }

    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii < 0x7F ? 1 : 0 }
        var total = 0
        for scalar in character.unicodeScalars { total += of(scalar) }
        return total
    }

    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0, high = ranges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if value < ranges[mid].lowerBound {
                high = mid - 1
            } else if value > ranges[mid].upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}

extension StringProtocol {
    /// The text cut to at most `width` columns, never splitting a character; `…` marks a cut
    /// when `ellipsis` is true.
    public func truncated(toWidth width: Int, ellipsis: Bool = true) -> String {
        guard width > 0 else { return "" }
        if CellWidth.of(self) <= width { return String(self) }
        let limit = ellipsis ? width - 1 : width
        var used = 0
        var out = ""
        for character in self {
            let w = CellWidth.of(character)
            if used + w > limit { break }
            out.append(character)
            used += w
        }
        return ellipsis ? out + "…" : out
    }
}
