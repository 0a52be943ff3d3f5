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

    /// Looks sixteen bytes at a time for two neighbouring bytes of the needle, one of them its
    /// rarest ("lighthouse" is found by its "gh"), and checks the whole needle only there. One
    /// entry is a few kilobytes, so nothing is set up per entry.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count, let base = haystack.baseAddress else { return false }
        let count = haystack.count
        // The pair (anchor, anchor + 1); a one-byte needle pairs with itself.
        let rare = rarestIndex(needle)
        let anchor = needle.count == 1 ? 0 : min(rare, needle.count - 2)
        let second = needle.count == 1 ? 0 : 1
        let first = SIMD16<UInt8>(repeating: needle[anchor])
        let next = SIMD16<UInt8>(repeating: needle[anchor + second])
        // Anchor positions that leave room for the whole needle around them.
        let lastPosition = count - needle.count + anchor
        return needle.withUnsafeBufferPointer { needleBytes in
            func matches(at position: Int) -> Bool {
                let start = position - anchor
                var j = 0
                while j < needleBytes.count && base[start + j] == needleBytes[j] { j += 1 }
                return j == needleBytes.count
            }
            var position = anchor
            while position + 16 + second <= count && position <= lastPosition {
                let here = UnsafeRawPointer(base + position).loadUnaligned(as: SIMD16<UInt8>.self)
                let after = UnsafeRawPointer(base + position + second).loadUnaligned(as: SIMD16<UInt8>.self)
                if any((here .== first) .& (after .== next)) {
                    for lane in 0..<16 where position + lane <= lastPosition {
                        if base[position + lane] == needleBytes[anchor], base[position + lane + second] == needleBytes[anchor + second],
                           matches(at: position + lane) { return true }
                    }
                }
                position += 16
            }
            while position <= lastPosition {
                if base[position] == needleBytes[anchor], matches(at: position) { return true }
                position += 1
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
