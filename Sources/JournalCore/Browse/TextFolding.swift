import Foundation

/// Makes text comparable for search: case and diacritics do not matter ("Café" and "cafe" fold to
/// the same), and composed and decomposed accents fold alike.
public enum TextFolding {
    public static func fold(_ text: String) -> String {
        // Plain ASCII has no accents or widths to fold: lower case is all of it, and much cheaper.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// Where the folded `needle` occurs in `text`, as ranges of the original text, for
    /// highlighting. Folds one character at a time so each match maps back to whole characters.
    public static func ranges(of needle: String, in text: String) -> [Range<String.Index>] {
        let foldedNeedle = Array(fold(needle))
        guard !foldedNeedle.isEmpty else { return [] }
        // Each folded character remembers the original character it came from.
        var folded: [Character] = []
        var origin: [String.Index] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            for character in fold(String(text[index])) {
                folded.append(character)
                origin.append(index)
            }
            index = next
        }
        var found: [Range<String.Index>] = []
        var start = 0
        while start + foldedNeedle.count <= folded.count {
            if folded[start] == foldedNeedle[0], Array(folded[start..<start + foldedNeedle.count]) == foldedNeedle {
                let last = origin[start + foldedNeedle.count - 1]
                found.append(origin[start]..<text.index(after: last))
                start += foldedNeedle.count
            } else {
                start += 1
            }
        }
        return found
    }
}
