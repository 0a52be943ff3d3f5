extension StringProtocol {
    /// Leading and trailing spaces, tabs and newlines removed (no Foundation needed).
    public func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

extension String {

    /// Lower-case ASCII letters and digits joined by single hyphens: `Inner Critic!` -> `inner-critic`,
    /// `Éloïse` -> `eloise`. Combining marks are dropped and common accented Latin letters folded
    /// to their base letter; anything else separates words. Empty when nothing usable is left.
    public var slug: String {
        var result = ""
        var pendingHyphen = false
        func append(_ text: String) {
            if pendingHyphen, !result.isEmpty { result.append("-") }
            pendingHyphen = false
            result += text
        }
        for scalar in lowercased().unicodeScalars {
            if let base = latinFolding[scalar] {
                append(base)
            } else if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                append(String(scalar))
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else {
                pendingHyphen = true
            }
        }
        return result
    }
}

/// Common precomposed Latin letters mapped to their base letters, enough for readable slugs.
private let latinFolding: [Unicode.Scalar: String] = {
    let table: [(String, String)] = [
        ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"),
        ("ĥħ", "h"), ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"),
        ("òóôõöøōŏő", "o"), ("ŕŗř", "r"), ("śŝşšș", "s"), ("ţťŧț", "t"), ("ùúûüũūŭůűų", "u"),
        ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"), ("ß", "ss"), ("æ", "ae"), ("œ", "oe"), ("þ", "th"),
        ("ð", "d"),
    ]
    var map: [Unicode.Scalar: String] = [:]
    for (letters, base) in table {
        for scalar in letters.unicodeScalars { map[scalar] = base }
    }
    return map
}()
