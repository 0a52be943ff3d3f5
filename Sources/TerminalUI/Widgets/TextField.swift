/// A one-line text field: the text, a cursor in it, and the keys of a field (typing, moving by
/// character and to either end, deleting back and forward, a word back, to the start). A value
/// type, kept in the screen's state.
public struct TextFieldState: Hashable, Sendable {
    private var characters: [Character]
    /// Where the cursor is: 0 before the first character, `count` after the last.
    public private(set) var cursor: Int
    /// The most characters it takes (nil: any).
    public let maxLength: Int?

    /// A field holding `text`, with the cursor at its end.
    public init(text: String = "", maxLength: Int? = nil) {
        var characters = Array(text.filter { !$0.isNewline })
        if let maxLength { characters = Array(characters.prefix(maxLength)) }
        self.characters = characters
        cursor = characters.count
        self.maxLength = maxLength
    }

    public var text: String { String(characters) }

    /// Applies a key; false when it is not one of a field's (the screen's keys then decide).
    /// `accepts` says which typed characters the field takes (a date field: digits and letters).
    @discardableResult
    public mutating func handle(_ key: Key, accepts: (Character) -> Bool = { _ in true }) -> Bool {
        switch key {
        case .character(let character):
            guard accepts(character), !character.isNewline, maxLength.map({ characters.count < $0 }) ?? true else { return true }
            characters.insert(character, at: cursor)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end: cursor = characters.count
        case .control("u"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .control("w"):
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        return true
    }

    /// What to draw in `width` cells and where the cursor goes: the part around the cursor, with
    /// "…" where text is cut at the start.
    public func visible(width: Int) -> (text: String, cursorX: Int) {
        guard width > 0 else { return ("", 0) }
        let before = characters[..<cursor]
        let beforeWidth = before.reduce(0) { $0 + CellWidth.of($1) }
        if beforeWidth < width {
            // From the start: as much as fits after it.
            var shown = String(before)
            var used = beforeWidth
            for character in characters[cursor...] {
                let w = CellWidth.of(character)
                if used + w > width { break }
                shown.append(character)
                used += w
            }
            return (shown, beforeWidth)
        }
        // The cursor at the right edge, the start cut and marked.
        var shown = ""
        var used = 0
        for character in before.reversed() {
            let w = CellWidth.of(character)
            if used + w > max(0, width - 2) { break }
            shown.insert(character, at: shown.startIndex)
            used += w
        }
        return ("…" + shown, used + 1)
    }
}
