/// What the person typed into search: words that must all appear (in any order), or a phrase in
/// double quotes that must appear as written. Case and accents never matter.
public struct SearchQuery: Hashable, Sendable {
    /// Folded terms, each as UTF-8 bytes for a fast scan of the folded index text.
    public let terms: [String]
    private let termBytes: [[UInt8]]

    public init(_ text: String) {
        var terms: [String] = []
        var current = ""
        var inQuotes = false
        func flush() {
            let folded = TextFolding.fold(current.trimmingWhitespace())
            if !folded.isEmpty { terms.append(folded) }
            current = ""
        }
        for character in text {
            if character == "\"" {
                flush()
                inQuotes.toggle()
            } else if character.isWhitespace && !inQuotes {
                flush()
            } else {
                current.append(character)
            }
        }
        flush()
        self.terms = terms
        termBytes = terms.map { Array($0.utf8) }
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// True when every term occurs in `folded` (text already passed through `TextFolding.fold`).
    public func matches(folded: String) -> Bool {
        var copy = folded
        return copy.withUTF8 { matches(foldedUTF8: $0) }
    }

    public func matches(foldedUTF8 haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        termBytes.allSatisfy { Self.contains(haystack, $0) }
    }

    /// A plain scan: the folded text of one entry is a few kilobytes, so this beats anything
    /// cleverer that has to be set up first.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard needle.count <= haystack.count else { return false }
        let lastStart = haystack.count - needle.count
        var i = 0
        while i <= lastStart {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
