import Foundation
import HavenCLI
import JournalCore
import Testing

/// `haven parts` and `haven parts show`, in process on the in-memory store.
@Suite struct PartsCommandTests {
    static let day = LocalDateTime(year: 2026, month: 11, day: 20, hour: 9, utcOffsetMinutes: 60)

    static func haven() throws -> InProcessHaven {
        let haven = InProcessHaven()
        var critic = Part(
            id: "inner-critic", name: "Inner Critic", formerNames: ["The Judge"], role: .manager, stage: .befriended,
            bodyLocation: "jaw", fears: ["that I will fail"], protects: ["little-one"],
            permissions: [PartPermission(date: day, request: PartPermission.visitRequest, answer: .notYet, about: "little-one")],
            promises: [PartPromise(made: day, text: "Back on Sunday")],
            feelToward: [FeelTowardRecord(date: day, answer: "curious", chosen: .selfPresent)], colour: "yellow")
        critic.trust = [TrustRecord(date: day, rating: 5)]
        _ = try haven.store.savePart(critic, expecting: nil)
        _ = try haven.store.savePart(Part(id: "little-one", name: "Éloïse", role: .exile), expecting: nil)
        _ = try haven.store.savePart(Part(id: "the-numb-one", name: "the numb one", role: .firefighter), expecting: nil)
        for (id, day, parts) in [("20261101-090000-aaaa", 1, ["inner-critic"]), ("20261120-090000-bbbb", 20, ["inner-critic", "little-one"])] {
            _ = try haven.store.createEntry(Entry(id: EntryID(id), created: LocalDateTime(year: 2026, month: 11, day: day, hour: 9, utcOffsetMinutes: 60),
                                                  title: "Day \(day)", parts: parts.map { PartID($0) }))
        }
        return haven
    }

    @Test func deleteMovesAnUnusedRecordToTheTrashAndKeepsOneInUse() throws {
        let haven = try Self.haven()
        // The numb one: no entry names it, and no other record links to it.
        let (context, console) = haven.context(input: [])
        #expect(try Commands.partsDelete("the numb one", context: context) == 0)
        #expect(console.output == "the numb one is deleted: its record was moved to trash/parts/the-numb-one.md "
                + "(move it back to parts/the-numb-one.md to undo).\n")
        #expect(haven.store.files["parts/the-numb-one.md"] == nil && haven.store.trash["trash/parts/the-numb-one.md"] != nil)

        // Éloïse is named by an entry (and protected by the critic): kept, with why.
        let (again, _) = haven.context(input: [])
        do {
            _ = try Commands.partsDelete("eloise", context: again)
            Issue.record("deleted a part in use")
        } catch {
            #expect(error.status == 65)
            #expect(error.message == "haven: an entry names Éloïse (2026-11-20 \"Day 20\"), so its record stays; 'haven parts archive' puts it away instead")
        }
        #expect(haven.store.files["parts/little-one.md"] != nil)
    }

    @Test func aRecordOnlyLinkedToByAnotherPartIsKept() throws {
        let store = InMemoryJournalStore()
        _ = try store.savePart(Part(id: "critic", name: "Critic", protects: ["young"]), expecting: nil)
        _ = try store.savePart(Part(id: "young", name: "Young one"), expecting: nil)
        #expect(try PartDeleting.delete("young", store: store, entries: [])
                == .inUse("the record of Critic links to Young one, so its record stays"))
        guard case .deleted(let trashed) = try PartDeleting.delete("critic", store: store, entries: []) else {
            Issue.record("not deleted"); return
        }
        #expect(try PartDeleting.restore(trashed, store: store).part.name == "Critic")
        #expect(try store.loadParts().parts.count == 2)
    }

    @Test func theRegistryByNameWithRoleStageAndActivity() throws {
        let (context, console) = try Self.haven().context(input: [])
        #expect(try Commands.partsList(role: nil, json: false, context: context) == 0)
        #expect(console.output == """
            Éloïse  (exile)  1 entry, last 2026-11-20
            Inner Critic  (manager, befriended)  2 entries, last 2026-11-20
            the numb one  (firefighter)  0 entries, not in an entry yet

            """)
        let (byRole, roleConsole) = try Self.haven().context(input: [])
        _ = try Commands.partsList(role: "Firefighter", json: false, context: byRole)
        #expect(roleConsole.output == "the numb one  (firefighter)  0 entries, not in an entry yet\n")
        let (wrong, _) = try Self.haven().context(input: [])
        #expect(throws: CommandFailure.self) { try Commands.partsList(role: "critic", json: false, context: wrong) }
    }

    @Test func jsonListsEveryPartWithItsActivity() throws {
        let (context, console) = try Self.haven().context(input: [])
        _ = try Commands.partsList(role: nil, json: true, context: context)
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(console.output.utf8)) as? [[String: Any]])
        #expect(decoded.map { $0["id"] as? String } == ["little-one", "inner-critic", "the-numb-one"])
        #expect(decoded[1]["entry_count"] as? Int == 2)
        #expect(decoded[1]["last_seen"] as? String == "2026-11-20T09:00:00+01:00")
        #expect(decoded[1]["former_names"] as? [String] == ["The Judge"])
        #expect(decoded[1]["entries"] == nil)
    }

    /// `parts show` writes a record's facts as the presenter does, all of them, in its order.
    @Test func showWritesEveryFactAsThePresenterDoes() throws {
        let haven = try Self.haven()
        var worrier = Part(id: "worrier", name: "The worrier", formerNames: ["The fretter"], role: .manager, stage: .newRole,
                           apparentAge: "7", bodyLocation: "chest", feelings: ["tight", "restless"], beliefs: ["it must be ready"],
                           job: "checking", positiveIntent: "safety", fears: ["a fire"], protects: ["little-one"],
                           polarizedWith: ["inner-critic"], allies: ["the-numb-one"], colour: "cyan")
        worrier.newRole = "resting"
        _ = try haven.store.savePart(worrier, expecting: nil)
        let (context, console) = haven.context(input: [])
        _ = try Commands.partsShow(name: "the worrier", json: false, context: context)
        let presented = PartPresentation(worrier, names: ["little-one": "Éloïse", "inner-critic": "Inner Critic", "the-numb-one": "the numb one"])
        let facts = presented.filled([.formerNames, .colour] + PartFact.described).map { "\($0.fact.label): \($0.text)" }
        #expect(facts.count == 13)
        #expect(console.output.hasPrefix("The worrier  (manager, new-role)  id: worrier\n" + facts.joined(separator: "\n") + "\n"))
        #expect(console.output.contains("Pulls against: Inner Critic\n"))
    }

    @Test func showFindsAPartByAnyOfItsNamesAndShowsEverything() throws {
        for typed in ["inner critic", "THE JUDGE", "inner-critic"] {
            let (context, console) = try Self.haven().context(input: [])
            #expect(try Commands.partsShow(name: typed, json: false, context: context) == 0)
            #expect(console.output.hasPrefix("Inner Critic  (manager, befriended)  id: inner-critic\n"))
        }
        let (context, console) = try Self.haven().context(input: [])
        _ = try Commands.partsShow(name: "eloise", json: false, context: context)
        #expect(console.output.hasPrefix("Éloïse  (exile)  id: little-one"))
        let (critic, criticConsole) = try Self.haven().context(input: [])
        _ = try Commands.partsShow(name: "inner critic", json: false, context: critic)
        let text = criticConsole.output
        #expect(text.contains("Once called: The Judge"))
        #expect(text.contains("In the body: jaw"))
        #expect(text.contains("Protects: Éloïse"))
        #expect(text.contains("  2026-11-20  curious  (open toward it)"))
        #expect(text.contains("  2026-11-20  not yet: visit the part it protects (Éloïse)"))
        #expect(text.contains("  2026-11-20  Back on Sunday  (open)"))
        #expect(text.contains("Its trust in you (Self), 0 to 10:\n  2026-11-20  5\n"))
        #expect(text.contains("Entries (2), newest first:\n  20261120-090000-bbbb  2026-11-20 09:00   Day 20\n  20261101-090000-aaaa"))
    }

    @Test func showAsJSONHasTheRecordAndItsEntries() throws {
        let (context, console) = try Self.haven().context(input: [])
        _ = try Commands.partsShow(name: "inner critic", json: true, context: context)
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(console.output.utf8)) as? [String: Any])
        #expect(decoded["protects"] as? [String] == ["little-one"])
        #expect((decoded["entries"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["20261120-090000-bbbb", "20261101-090000-aaaa"])
        #expect((decoded["promises"] as? [[String: Any]])?.first?["kept"] == nil)
        #expect((decoded["feel_toward"] as? [[String: Any]])?.first?["chosen"] as? String == "self")
        #expect((decoded["trust_in_self"] as? [[String: Any]])?.first?["rating"] as? Int == 5)
    }

    /// A record from before Haven asked holds only its guess: the summary quotes the words and
    /// never gives the guess as how the writer felt.
    @Test func theSummaryNeverPrintsAGuessAsAFact() throws {
        let haven = InProcessHaven()
        let day = LocalDateTime(year: 2026, month: 11, day: 20, hour: 9, utcOffsetMinutes: 60)
        var part = Part(id: "critic", name: "Critic")
        part.feelToward = [FeelTowardRecord(date: day, answer: "annoyed", chosen: nil, proposed: .concernedPart)]
        _ = try haven.store.savePart(part, expecting: nil)
        _ = try haven.store.createEntry(Entry(id: "20261120-090000-aaaa", created: day, title: "Day", parts: ["critic"]))
        let (context, console) = try haven.context(input: [])
        _ = try Commands.summary(from: "2026-11", to: "2026-11", context: context)
        #expect(console.output.contains("  - 2026-11-20: “annoyed”\n"))
        #expect(!console.output.contains("another part"))
    }

    @Test func anUnknownOrAmbiguousNameIsAUsageError() throws {
        let (context, _) = try Self.haven().context(input: [])
        do {
            _ = try Commands.partsShow(name: "nobody", json: false, context: context)
            Issue.record("expected a usage error")
        } catch {
            #expect(error.status == ExitStatus.usage)
            #expect(error.message == "haven: no part called 'nobody' (see 'haven parts')")
        }
        let haven = try Self.haven()
        _ = try haven.store.savePart(Part(id: "judge-2", name: "the judge", role: .manager), expecting: nil)
        let (ambiguous, _) = haven.context(input: [])
        do {
            _ = try Commands.partsShow(name: "The Judge", json: false, context: ambiguous)
            Issue.record("expected a usage error")
        } catch {
            #expect(error.message.contains("could be"))
            #expect(error.message.contains("judge-2"))
        }
    }

    @Test func anEmptyRegistrySaysSoOnlyToAPerson() throws {
        let haven = InProcessHaven()
        let (context, console) = haven.context(input: [])
        #expect(try Commands.partsList(role: nil, json: false, context: context) == 0)
        #expect(console.output.isEmpty) // not a terminal: nothing to say
    }
}

/// `haven summary`: what a person brings to a therapist, in their own words.
@Suite struct SummaryCommandTests {
    static func haven() throws -> InProcessHaven {
        let haven = try PartsCommandTests.haven()
        let day = LocalDateTime(year: 2026, month: 11, day: 24, hour: 20, utcOffsetMinutes: 60)
        _ = try haven.store.createEntry(Entry(
            id: "20261124-200000-cccc", created: day, flow: "trailhead", title: "", parts: ["the-numb-one"],
            selfEnergy: SelfEnergyReading([.calm: 4, .curiosity: 6]), distress: [DistressReading(stepID: "strength", value: 7)],
            sections: [EntrySection(stepID: "happened", heading: "What happened?", text: "A hard call with my sister."),
                       EntrySection(stepID: "come-back", heading: "Would you like to come back to this later?",
                                    text: "Come back to this trailhead later")]))
        _ = try haven.store.createEntry(Entry(id: "20251001-090000-dddd", created: LocalDateTime(year: 2025, month: 10, day: 1, hour: 9, utcOffsetMinutes: 60),
                                              title: "Long before", parts: ["little-one"]))
        return haven
    }

    @Test func gathersPartsPermissionsPromisesFollowUpsAndWeeks() throws {
        let (context, console) = try Self.haven().context(input: [])
        #expect(try Commands.summary(from: "2026-11", to: "2026-11", context: context) == 0)
        let text = console.output
        #expect(text.hasPrefix("# Haven summary, 2026-11-01 to 2026-11-30\n\nFrom 3 entries. Quoted text is the writer's own words.\n"))
        // Most present first; the record's own words in quotes; feel-toward in the stretch.
        #expect(text.contains("### Inner Critic (manager, befriended)\n\nIn 2 entries.\n\n- In the body: “jaw”\n- Fears: “that I will fail”\n- Protects: Éloïse"))
        #expect(text.contains("  - 2026-11-20: “curious” (open toward it, as the writer read it)"))
        #expect(text.contains("- Its trust in the writer's Self, as rated (0-10): 2026-11-20: 5"))
        #expect(text.range(of: "### Inner Critic")!.lowerBound < text.range(of: "### Éloïse")!.lowerBound)
        #expect(text.contains("- 2026-11-20, Inner Critic: not yet, to visit the part it protects (Éloïse)"))
        #expect(text.contains("- 2026-11-20, to Inner Critic: “Back on Sunday” (open)"))
        #expect(text.contains("## Flagged to come back to\n\n- 2026-11-24: “A hard call with my sister.”"))
        #expect(text.contains("| 2026-11-23 | 5.0 | 7 |")) // the week of Monday 23 November
        #expect(!text.contains("Long before")) // outside the stretch
    }

    @Test func deeperWorkWithoutAFollowUpIsListedUntilOneIsWritten() throws {
        let haven = try Self.haven()
        let at = { (day: Int) in LocalDateTime(year: 2026, month: 11, day: day, hour: 19, utcOffsetMinutes: 60) }
        _ = try haven.store.createEntry(Entry(id: "20261125-190000-wwww", created: at(25), flow: "witness-exile",
                                              title: "", parts: ["inner-critic", "little-one"]))
        let (context, console) = try haven.context(input: [])
        _ = try Commands.summary(from: "2026-11", to: "2026-11", context: context)
        #expect(console.output.contains("## Deeper work with no follow-up in these dates\n\n- 2026-11-25: witness-exile with Inner Critic, Éloïse\n"))
        _ = try haven.store.createEntry(Entry(id: "20261126-190000-ffff", created: at(26), flow: "follow-up", title: "", parts: ["little-one"]))
        let (later, laterConsole) = try haven.context(input: [])
        _ = try Commands.summary(from: "2026-11", to: "2026-11", context: later)
        #expect(!laterConsole.output.contains("Deeper work with no follow-up"))
    }

    @Test func aStretchWithNothingInItSaysSo() throws {
        let (context, console) = try Self.haven().context(input: [])
        _ = try Commands.summary(from: "2020", to: "2020", context: context)
        #expect(console.output.contains("From 0 entries."))
        #expect(console.output.contains("No part was named in these entries."))
        let (bad, _) = try Self.haven().context(input: [])
        #expect(throws: CommandFailure.self) { try Commands.summary(from: "someday", to: nil, context: bad) }
    }
}

/// `haven parts rename`: a new name, the old one kept, entries untouched.
@Suite struct PartsRenameTests {
    @Test func theOldNameIsKeptAndStillFindsThePartAndItsEntries() throws {
        let haven = try PartsCommandTests.haven()
        let entriesBefore = haven.entryFiles
        let (context, console) = haven.context(input: [])
        #expect(try Commands.partsRename("inner critic", to: "The Perfectionist", context: context) == 0)
        #expect(console.output == "Renamed Inner Critic to The Perfectionist (id inner-critic unchanged; the old name still finds it).\n")
        let part = try #require(try haven.store.loadParts().parts.first { $0.part.id == "inner-critic" }?.part)
        #expect(part.name == "The Perfectionist")
        #expect(part.formerNames == ["The Judge", "Inner Critic"])
        #expect(part.fears == ["that I will fail"]) // the rest of the record as it was
        #expect(haven.entryFiles == entriesBefore)  // entries name parts by id: nothing to rewrite
        let (list, listConsole) = haven.context(input: [])
        _ = try Commands.list(.init(part: "inner critic"), context: list)
        #expect(listConsole.output.split(separator: "\n").count == 2)
        // Back to an old name: it is the name again, not a former one.
        let (back, _) = haven.context(input: [])
        _ = try Commands.partsRename("the perfectionist", to: "Inner Critic", context: back)
        let again = try #require(try haven.store.loadParts().parts.first { $0.part.id == "inner-critic" }?.part)
        #expect(again.name == "Inner Critic" && again.formerNames == ["The Judge", "The Perfectionist"])
    }

    @Test(arguments: [("nobody", "X", "no part called 'nobody'"), ("inner critic", "Éloïse", "another part is already called"),
                      ("inner critic", "  ", "a part needs a name")])
    func refusesWhatWouldConfuse(_ old: String, _ new: String, _ message: String) throws {
        let haven = try PartsCommandTests.haven()
        let before = haven.store.files
        let (context, _) = haven.context(input: [])
        do {
            _ = try Commands.partsRename(old, to: new, context: context)
            Issue.record("expected a usage error")
        } catch {
            #expect(error.status == ExitStatus.usage)
            #expect(error.message.contains(message))
        }
        #expect(haven.store.files == before)
    }

    /// Killed at any moment, a rename leaves the old record or the new one, never a broken file.
    @Test func aKillAtAnyMomentLeavesTheOldOrTheNewRecord() throws {
        let scratch = try Scratch()
        let parts = scratch.journal + "/parts"
        try FileManager.default.createDirectory(atPath: parts, withIntermediateDirectories: true)
        let original = PartFormat.render(Part(id: "the-critic", name: "The Critic", role: .manager, fears: ["failing"]))
        try original.write(toFile: parts + "/the-critic.md", atomically: true, encoding: .utf8)
        let env = scratch.environment.merging(["HAVEN_HOME": scratch.journal]) { $1 }
        for attempt in 0..<12 {
            let name = attempt % 2 == 0 ? "The Judge" : "The Critic"
            let process = Process()
            process.executableURL = HavenProcess.binary
            process.arguments = ["parts", "rename", "the-critic", name]
            process.environment = env
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(attempt * 2_500)) // from at once to 27.5 ms in
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let text = try String(contentsOfFile: parts + "/the-critic.md", encoding: .utf8)
            let part = try PartFormat.parse(text)
            #expect(["The Critic", "The Judge"].contains(part.name))
            #expect(part.fears == ["failing"])
        }
        let visible = try FileManager.default.contentsOfDirectory(atPath: parts).filter { !$0.hasPrefix(".") }
        #expect(visible == ["the-critic.md"])
        // And when it is left to finish, it finishes.
        let done = try HavenProcess.run(["parts", "rename", "the-critic", "The Inner Judge"], environment: env)
        #expect(done.status == 0)
        #expect(try PartFormat.parse(String(contentsOfFile: parts + "/the-critic.md", encoding: .utf8)).name == "The Inner Judge")
    }
}

@Suite struct PartsColourTests {
    @Test func aColourIsChosenOrResetAndAnythingElseRefused() throws {
        let haven = try PartsCommandTests.haven()
        let (context, console) = haven.context(input: [])
        #expect(try Commands.partsColour("eloise", colour: "Magenta", context: context) == 0)
        #expect(console.output == "Éloïse is shown in magenta now.\n")
        #expect(try haven.store.loadParts().parts.first { $0.part.id == "little-one" }?.part.colour == "magenta")
        let (reset, _) = haven.context(input: [])
        _ = try Commands.partsColour("little-one", colour: "default", context: reset)
        #expect(try haven.store.loadParts().parts.first { $0.part.id == "little-one" }?.part.colour == nil)
        let before = haven.store.files
        let (wrong, _) = haven.context(input: [])
        #expect(throws: CommandFailure.self) { try Commands.partsColour("eloise", colour: "chartreuse", context: wrong) }
        #expect(throws: CommandFailure.self) { try Commands.partsColour("nobody", colour: "red", context: wrong) }
        #expect(haven.store.files == before)
    }
}

@Suite struct PartsArchiveTests {
    @Test func aPartPutAwayLeavesTheListButKeepsItsRecordAndEntries() throws {
        let haven = try PartsCommandTests.haven()
        let entries = haven.entryFiles
        let (context, console) = haven.context(input: [])
        #expect(try Commands.partsArchive("the numb one", archived: true, context: context) == 0)
        #expect(console.output.hasPrefix("the numb one is put away"))
        let file = try #require(haven.store.files["parts/the-numb-one.md"])
        #expect(file.contains("archived: true"))
        let (list, listConsole) = haven.context(input: [])
        _ = try Commands.partsList(role: nil, json: false, context: list)
        #expect(!listConsole.output.contains("the numb one"))
        let (all, allConsole) = haven.context(input: [])
        _ = try Commands.partsList(role: nil, all: true, json: false, context: all)
        #expect(allConsole.output.contains("the numb one  (firefighter, archived)"))
        let (show, showConsole) = haven.context(input: [])
        _ = try Commands.partsShow(name: "the numb one", json: false, context: show)
        #expect(showConsole.output.hasPrefix("the numb one  (firefighter, archived)"))
        #expect(haven.entryFiles == entries)
        // Back again: the flag is gone from the file.
        let (back, _) = haven.context(input: [])
        _ = try Commands.partsArchive("the-numb-one", archived: false, context: back)
        #expect(haven.store.files["parts/the-numb-one.md"]?.contains("archived") == false)
    }
}

@Suite struct PartsMergeTests {
    @Test func theOtherPartsEntriesAndNameNowFindTheKeptOne() throws {
        let haven = try PartsCommandTests.haven() // Inner Critic (2 entries), Éloïse (1 entry, shared), the numb one (none)
        _ = try haven.store.createEntry(Entry(id: "20261125-090000-nnnn", created: LocalDateTime(year: 2026, month: 11, day: 25, hour: 9, utcOffsetMinutes: 60),
                                              title: "Numb evening", parts: ["the-numb-one"]))
        let entries = haven.entryFiles
        let (context, console) = haven.context(input: [])
        #expect(try Commands.partsMerge(keep: "inner critic", other: "the numb one", context: context) == 0)
        #expect(console.output.hasPrefix("Merged the numb one into Inner Critic"))
        #expect(haven.store.files["parts/the-numb-one.md"] == nil)
        #expect(haven.store.trash["trash/parts/the-numb-one.md"] != nil)
        #expect(haven.entryFiles == entries) // entries keep the ids they were written with
        let (list, listConsole) = haven.context(input: [])
        _ = try Commands.partsList(role: nil, json: false, context: list)
        #expect(listConsole.output.contains("Inner Critic  (manager, befriended)  3 entries, last 2026-11-25"))
        #expect(!listConsole.output.contains("the numb one"))
        let (filtered, filteredConsole) = haven.context(input: [])
        _ = try Commands.list(.init(part: "the numb one"), context: filtered) // the old name, now a former name
        #expect(filteredConsole.output.split(separator: "\n").count == 3)
        let (byID, byIDConsole) = haven.context(input: []) // the merged-away id finds the kept part too
        _ = try Commands.list(.init(part: "the-numb-one"), context: byID)
        #expect(byIDConsole.output.split(separator: "\n").count == 3)
        let (show, showConsole) = haven.context(input: [])
        #expect(try Commands.partsShow(name: "the-numb-one", json: false, context: show) == 0)
        #expect(showConsole.output.hasPrefix("Inner Critic  (manager, befriended)"))
        let (same, _) = haven.context(input: [])
        #expect(throws: CommandFailure.self) { try Commands.partsMerge(keep: "inner critic", other: "the judge", context: same) }
    }

    /// Killed at any moment, a merge leaves both parts as they were, or the merge (the old file
    /// perhaps still there, read as merged): never two halves.
    @Test func aKillAtAnyMomentLeavesAWholeJournal() throws {
        for attempt in 0..<8 {
            let scratch = try Scratch()
            let parts = scratch.journal + "/parts"
            try FileManager.default.createDirectory(atPath: parts, withIntermediateDirectories: true)
            try PartFormat.render(Part(id: "critic", name: "Critic", fears: ["failing"])).write(toFile: parts + "/critic.md", atomically: true, encoding: .utf8)
            try PartFormat.render(Part(id: "pusher", name: "Pusher", fears: ["lazy"])).write(toFile: parts + "/pusher.md", atomically: true, encoding: .utf8)
            let env = scratch.environment.merging(["HAVEN_HOME": scratch.journal]) { $1 }
            let process = Process()
            process.executableURL = HavenProcess.binary
            process.arguments = ["parts", "merge", "critic", "pusher"]
            process.environment = env
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(attempt * 4_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let critic = try PartFormat.parse(String(contentsOfFile: parts + "/critic.md", encoding: .utf8))
            let listed = try HavenProcess.run(["parts"], environment: env).stdout
            if critic.mergedFrom == ["pusher"] {
                #expect(critic.fears == ["failing", "lazy"])
                #expect(!listed.contains("Pusher"))
            } else {
                #expect(critic.fears == ["failing"])
                #expect(FileManager.default.fileExists(atPath: parts + "/pusher.md"))
                #expect(listed.contains("Pusher") && listed.contains("Critic"))
            }
        }
    }
}
