/// The eight qualities of Self-energy in IFS (the "8 C's").
public enum SelfQuality: String, CaseIterable, Hashable, Sendable, Codable {
    case calm, curiosity, clarity, compassion, confidence, courage, creativity, connectedness

    /// The word shown to the person.
    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// How strongly each quality was felt, 0 to 10, for the qualities the person rated.
public struct SelfEnergyReading: Hashable, Sendable, Codable {
    public var ratings: [SelfQuality: Int]

    public init(_ ratings: [SelfQuality: Int] = [:]) {
        self.ratings = ratings
    }

    public var isEmpty: Bool { ratings.isEmpty }

    /// Ratings in the canonical order of the 8 C's.
    public var ordered: [(quality: SelfQuality, value: Int)] {
        SelfQuality.allCases.compactMap { quality in ratings[quality].map { (quality, $0) } }
    }

    /// Mean of the rated qualities, or nil when none was rated.
    public var average: Double? {
        guard !ratings.isEmpty else { return nil }
        return Double(ratings.values.reduce(0, +)) / Double(ratings.count)
    }
}
extension SelfQuality: CodingKeyRepresentable {}
