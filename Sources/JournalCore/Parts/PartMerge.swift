/// Parts merged into others: which id now means which part. Entries and links keep the ids they
/// were written with; they are read through this.
public struct PartAliases: Hashable, Sendable {
    /// Merged-away id -> the part it is now part of (followed to the end of a chain).
    public let target: [PartID: PartID]

    public init(_ parts: [Part]) {
        var direct: [PartID: PartID] = [:]
        for part in parts { for id in part.mergedFrom where id != part.id { direct[id] = part.id } }
        var resolved: [PartID: PartID] = [:]
        for id in direct.keys {
            var current = id
            var seen: Set<PartID> = [id]
            while let next = direct[current], seen.insert(next).inserted { current = next }
            resolved[id] = current
        }
        target = resolved
    }

    public func resolve(_ id: PartID) -> PartID { target[id] ?? id }

    /// The parts still standing on their own (a merged one whose file is still there is hidden).
    public func standing(_ parts: [Part]) -> [Part] { parts.filter { target[$0.id] == nil } }

    /// The parts with their links read through merges: a link to a merged-away part names the
    /// part it is now (once; never the part itself).
    public func resolvingLinks(_ parts: [Part]) -> [Part] {
        guard !target.isEmpty else { return parts }
        return parts.map { part in
            var part = part
            func resolved(_ ids: [PartID]) -> [PartID] {
                var seen: Set<PartID> = [part.id]
                return ids.map(resolve).filter { seen.insert($0).inserted }
            }
            part.protects = resolved(part.protects)
            part.polarizedWith = resolved(part.polarizedWith)
            part.allies = resolved(part.allies)
            return part
        }
    }

    /// An id and every id merged into it, for finding its entries.
    public func ids(for id: PartID) -> Set<PartID> {
        Set(target.filter { $0.value == id }.map(\.key)).union([id])
    }
}

/// Two records the person realises are one part, made into one: the first keeps its id and
/// name; what the second knew is added (lists joined without repeats, dated history merged in
/// order, notes appended under a dated line), and the second's id becomes one of its own.
public enum PartMerge {
    public static func merge(_ second: Part, into first: Part, on day: LocalDateTime) -> Part {
        var merged = first
        func join<T: Hashable>(_ a: [T], _ b: [T]) -> [T] {
            var seen = Set(a)
            return a + b.filter { seen.insert($0).inserted }
        }
        // Where both records say something different, the kept part's words stay in the field
        // and the other's are kept in the notes, so neither is lost.
        var differing: [String] = []
        func fill(_ mine: String, _ theirs: String, _ label: String) -> String {
            if !mine.isEmpty, !theirs.isEmpty, mine != theirs { differing.append("\(label): \(theirs)") }
            return mine.isEmpty ? theirs : mine
        }
        let ids: Set<PartID> = [first.id, second.id]
        merged.formerNames = join(first.formerNames, [second.name] + second.formerNames)
            .filter { TextFolding.fold($0) != TextFolding.fold(first.name) }
        if merged.role == .unknown { merged.role = second.role } else if second.role != .unknown, second.role != first.role {
            differing.append("Role: \(second.role.rawValue)")
        }
        if let theirs = second.stage, let mine = first.stage {
            let order = PartStage.allCases
            merged.stage = (order.firstIndex(of: theirs) ?? 0) > (order.firstIndex(of: mine) ?? 0) ? theirs : mine
        } else {
            merged.stage = first.stage ?? second.stage
        }
        if let a = first.created, let b = second.created { merged.created = a < b ? a : b } else { merged.created = first.created ?? second.created }
        merged.apparentAge = fill(first.apparentAge, second.apparentAge, PartFact.apparentAge.label)
        merged.bodyLocation = fill(first.bodyLocation, second.bodyLocation, PartFact.bodyLocation.label)
        merged.job = fill(first.job, second.job, PartFact.job.label)
        merged.positiveIntent = fill(first.positiveIntent, second.positiveIntent, PartFact.positiveIntent.label)
        merged.feelings = join(first.feelings, second.feelings)
        merged.beliefs = join(first.beliefs, second.beliefs)
        merged.fears = join(first.fears, second.fears)
        // Links between the two become nothing (a part does not protect itself).
        merged.protects = join(first.protects, second.protects).filter { !ids.contains($0) }
        merged.polarizedWith = join(first.polarizedWith, second.polarizedWith).filter { !ids.contains($0) }
        merged.allies = join(first.allies, second.allies).filter { !ids.contains($0) }
        merged.permissions = (first.permissions + second.permissions).sorted { $0.date.secondsSinceEpoch < $1.date.secondsSinceEpoch }
        merged.promises = (first.promises + second.promises).sorted { $0.made.secondsSinceEpoch < $1.made.secondsSinceEpoch }
        merged.feelToward = (first.feelToward + second.feelToward).sorted { $0.date.secondsSinceEpoch < $1.date.secondsSinceEpoch }
        merged.trust = (first.trust + second.trust).sorted { $0.date.secondsSinceEpoch < $1.date.secondsSinceEpoch }
        merged.stagesReached = join(first.stagesReached, second.stagesReached).sorted { $0.date.secondsSinceEpoch < $1.date.secondsSinceEpoch }
        merged.newRole = fill(first.newRole, second.newRole, PartFact.newRole.label)
        merged.valueDates = first.valueDates.merging(second.valueDates) { mine, _ in mine }
        merged.earlierValues = join(first.earlierValues, second.earlierValues).sorted { $0.until.secondsSinceEpoch < $1.until.secondsSinceEpoch }
        merged.colour = first.colour ?? second.colour
        merged.archived = first.archived && second.archived
        merged.mergedFrom = join(first.mergedFrom, [second.id] + second.mergedFrom).filter { $0 != first.id }
        merged.extraFields = first.extraFields + second.extraFields.filter { extra in !first.extraFields.contains { $0.key == extra.key } }
        let theirs = ([differing.joined(separator: "\n")] + [second.notes.trimmingWhitespace()]).filter { !$0.isEmpty }
        if !theirs.isEmpty {
            let line = "Merged in from \(second.name) on \(day.dateString):"
            let block = ([line] + theirs).joined(separator: "\n\n")
            merged.notes = first.notes.trimmingWhitespace().isEmpty ? block : first.notes + "\n\n" + block
        }
        return merged
    }
}
