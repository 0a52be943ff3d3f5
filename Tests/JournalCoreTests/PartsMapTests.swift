import Testing
@testable import JournalCore

@Suite struct PartsMapTests {
    static func part(_ id: String, _ name: String, protects: [PartID] = [], polarized: [PartID] = [], allies: [PartID] = []) -> Part {
        Part(id: PartID(id), name: name, protects: protects, polarizedWith: polarized, allies: allies)
    }

    @Test func linksGroupedEachPairOnceAndUnlinkedPartsListed() {
        let map = PartsMap(parts: [
            Self.part("critic", "Critic", protects: ["little"], polarized: ["numb"]),
            Self.part("numb", "Numb one", protects: ["little"], polarized: ["critic"], allies: ["ghost", "numb"]),
            Self.part("little", "Little one"),
            Self.part("dreamer", "Dreamer"),
        ])
        #expect(map.protects.map { "\($0.from)>\($0.to)" } == ["critic>little", "numb>little"])
        #expect(map.polarized.map { "\($0.from)-\($0.to)" } == ["critic-numb"]) // written on both sides, listed once
        #expect(map.allied.isEmpty)                                              // unknown id and itself: ignored
        #expect(map.unlinked == ["dreamer"])
        #expect(map.order == ["critic", "little", "numb", "dreamer"])
    }

    @Test func aCycleIsShownAsItIsAndNothingLinkedIsFine() {
        let cycle = PartsMap(parts: [Self.part("a", "A", protects: ["b"]), Self.part("b", "B", protects: ["a"])])
        #expect(cycle.protects.map { "\($0.from)>\($0.to)" } == ["a>b", "b>a"])
        #expect(cycle.order == ["a", "b"])
        let alone = PartsMap(parts: [Self.part("a", "A"), Self.part("b", "B")])
        #expect(alone.protects.isEmpty && alone.unlinked == ["a", "b"])
        #expect(PartsMap(parts: []).order.isEmpty)
    }
}
