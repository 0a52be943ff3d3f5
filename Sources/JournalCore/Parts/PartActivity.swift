/// How present a part is in the journal: how many entries involve it and when it last appeared.
public struct PartActivity: Hashable, Sendable {
    public var entryCount: Int
    public var lastSeen: LocalDateTime?

    public init(entryCount: Int = 0, lastSeen: LocalDateTime? = nil) {
        self.entryCount = entryCount
        self.lastSeen = lastSeen
    }

    /// Activity for every part named in the entries (ids, so a renamed part keeps its history).
    public static func of(_ entries: [EntrySummary], aliases: PartAliases? = nil) -> [PartID: PartActivity] {
        var activity: [PartID: PartActivity] = [:]
        for entry in entries {
            for id in Set(entry.parts.map { aliases?.resolve($0) ?? $0 }) {
                var current = activity[id, default: PartActivity()]
                current.entryCount += 1
                if current.lastSeen.map({ entry.created > $0 }) ?? true { current.lastSeen = entry.created }
                activity[id] = current
            }
        }
        return activity
    }
}

/// Finding parts by what the person types: the name, a former name or the id, with case and
/// accents not mattering.
public enum PartLookup {
    public static func matches(_ typed: String, in parts: [Part]) -> [Part] {
        let wanted = TextFolding.fold(typed.trimmingWhitespace())
        guard !wanted.isEmpty else { return [] }
        return parts.filter { part in
            // Ids merged into it find it too (entries and links written before the merge use them).
            ([part.name, part.id.rawValue] + part.formerNames + part.mergedFrom.map(\.rawValue))
                .contains { TextFolding.fold($0.trimmingWhitespace()) == wanted }
        }
    }
}
