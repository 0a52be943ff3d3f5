/// The system of parts as relationships, from the records' links: which parts protect which,
/// which pull against each other, which are allied, and which are not linked to any yet. Each
/// pair is listed once; a link recorded on only one side still counts.
public struct PartsMap: Hashable, Sendable {
    public struct Link: Hashable, Sendable {
        public var from: PartID
        public var to: PartID
    }

    public var protects: [Link]
    public var polarized: [Link]
    public var allied: [Link]
    public var unlinked: [PartID]

    public init(parts: [Part]) {
        let known = Set(parts.map(\.id))
        let byName = parts.sorted { TextFolding.fold($0.name) < TextFolding.fold($1.name) }
        func name(_ id: PartID) -> String { parts.first { $0.id == id }.map { TextFolding.fold($0.name) } ?? id.rawValue }
        var protects: [Link] = []
        var polarized: [Link] = []
        var allied: [Link] = []
        var seenPairs = Set<[PartID]>()
        for part in byName {
            for target in part.protects where target != part.id && known.contains(target) {
                protects.append(Link(from: part.id, to: target))
            }
            for (list, kind) in [(part.polarizedWith, 0), (part.allies, 1)] {
                for other in list where other != part.id && known.contains(other) {
                    let pair = [part.id, other].sorted()
                    guard seenPairs.insert(pair + [PartID(kind == 0 ? "p" : "a")]).inserted else { continue }
                    let link = Link(from: pair[0], to: pair[1])
                    if kind == 0 { polarized.append(link) } else { allied.append(link) }
                }
            }
        }
        let linked = Set((protects + polarized + allied).flatMap { [$0.from, $0.to] })
        self.protects = protects.sorted { (name($0.from), name($0.to)) < (name($1.from), name($1.to)) }
        self.polarized = polarized
        self.allied = allied
        unlinked = byName.map(\.id).filter { !linked.contains($0) }
    }

    /// The parts in the order the map shows them (each once), for moving through it.
    public var order: [PartID] {
        var seen = Set<PartID>()
        var out: [PartID] = []
        for id in (protects + polarized + allied).flatMap({ [$0.from, $0.to] }) + unlinked where seen.insert(id).inserted {
            out.append(id)
        }
        return out
    }
}
