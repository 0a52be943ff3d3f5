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
