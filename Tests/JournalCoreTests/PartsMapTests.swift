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

@Suite struct PartMergeTests {
    static let day = LocalDateTime(year: 2026, month: 11, day: 29, hour: 9, utcOffsetMinutes: 60)

    @Test func nothingEitherRecordHeldIsDropped() {
        let keep = Part(id: "critic", name: "The critic", formerNames: ["Judge"], role: .manager, stage: .noticed, bodyLocation: "jaw",
                        fears: ["failing"], protects: ["little", "pusher"],
                        promises: [PartPromise(made: Self.day, text: "Sunday")], colour: "yellow", notes: "Loud at work.")
        let other = Part(id: "pusher", name: "The pusher", role: .unknown, stage: .befriended, bodyLocation: "chest", job: "keeps me going",
                         fears: ["failing", "being lazy"], protects: ["critic", "little"], polarizedWith: ["numb"],
                         feelToward: [FeelTowardRecord(date: Self.day, answer: "curious", chosen: .selfPresent)], notes: "Up early.")
        var rated = other
        rated.trust = [TrustRecord(date: Self.day, rating: 3)]
        let merged = PartMerge.merge(rated, into: keep, on: Self.day)
        #expect(merged.trust == [TrustRecord(date: Self.day, rating: 3)]) // its trust ratings come along
        #expect(merged.id == "critic" && merged.name == "The critic")
        #expect(merged.formerNames == ["Judge", "The pusher"])
        #expect(merged.role == .manager)
        #expect(merged.stage == .befriended)           // the later stage
        #expect(merged.bodyLocation == "jaw")          // the kept one's own words first
        #expect(merged.job == "keeps me going")        // filled from the other
        #expect(merged.fears == ["failing", "being lazy"])
        #expect(merged.protects == ["little"])         // no part protects itself
        #expect(merged.polarizedWith == ["numb"])
        #expect(merged.promises.count == 1 && merged.feelToward.count == 1)
        #expect(merged.mergedFrom == ["pusher"])
        // Where both said something different, the other's words are kept in the notes.
        #expect(merged.notes == "Loud at work.\n\nMerged in from The pusher on 2026-11-29:\n\nIn the body: chest\n\nUp early.")
    }

    @Test func aliasesFollowChainsAndHideMergedParts() {
        func part(_ id: PartID, merged: [PartID]) -> Part {
            var part = Part(id: id, name: id.rawValue.uppercased())
            part.mergedFrom = merged
            return part
        }
        let a = part("a", merged: ["b"])
        let b = part("b", merged: ["c"])
        let c = part("c", merged: [])
        let aliases = PartAliases([a, b, c])
        #expect(aliases.resolve("c") == "a" && aliases.resolve("b") == "a" && aliases.resolve("x") == "x")
        #expect(aliases.standing([a, b, c]).map(\.id) == ["a"])
        #expect(aliases.ids(for: "a") == ["a", "b", "c"])
        let loop = PartAliases([part("p", merged: ["q"]), part("q", merged: ["p"])])
        #expect(["p", "q"].contains(loop.resolve("p"))) // a hand-made loop ends, it does not hang
    }
}
