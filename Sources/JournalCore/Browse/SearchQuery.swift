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

    /// Looks for the needle's rarest byte eight bytes at a time (a word-wide compare), then
    /// checks the whole needle around it. One entry is a few kilobytes, so nothing needs setting
    /// up per entry; the rare byte keeps false starts few ("lighthouse" is found by its "g").
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count, let base = haystack.baseAddress else { return false }
        let anchor = rarestIndex(needle)
        let target = needle[anchor]
        let count = haystack.count
        // Positions of the anchor byte that leave room for the needle around it.
        let firstPosition = anchor
        let lastPosition = count - needle.count + anchor
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let pattern = UInt64(target) &* ones
        return needle.withUnsafeBufferPointer { needleBytes in
            var i = firstPosition
            while i <= lastPosition {
                if i + 8 <= count {
                    // A zero byte in word ^ pattern is where the anchor byte is; the lowest flag is exact.
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) ^ pattern
                    let flags = (word &- ones) & ~word & highs
                    if flags == 0 {
                        i += 8
                        continue
                    }
                    i += flags.trailingZeroBitCount / 8
                    if i > lastPosition { return false }
                } else if base[i] != target {
                    i += 1
                    continue
                }
                let start = i - anchor
                var j = 0
                while j < needleBytes.count && base[start + j] == needleBytes[j] { j += 1 }
                if j == needleBytes.count { return true }
                i += 1
            }
            return false
        }
    }

    /// The needle byte least likely in ordinary text: any byte of a non-ASCII letter, else the
    /// letter that is rarest in English.
    static func rarestIndex(_ needle: [UInt8]) -> Int {
        let common = Array(" etaoinshrdlcumwfgypbvkjxqz".utf8)
        var best = 0
        var bestRank = -1
        for (index, byte) in needle.enumerated() {
            let rank = byte >= 0x80 ? 1_000 : (common.firstIndex(of: byte).map { $0 } ?? 500)
            if rank > bestRank {
                bestRank = rank
                best = index
            }
        }
        return best
    }
}
