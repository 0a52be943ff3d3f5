import Foundation
import Testing
@testable import JournalCore

/// A part's single-value fields keep their history: a later flow never silently replaces what
/// an earlier one recorded, and the save says which fields changed.
@Suite struct PartHistoryTests {
    static let library = FlowLibrary(sources: Fixtures.shippedSources)
    static let nextDay = LocalDateTime(year: 2026, month: 11, day: 30, hour: 19, minute: 0, utcOffsetMinutes: 60)

    /// A daily check-in about The worrier, saying where it is felt in the body.
    func checkIn(feltIn body: String, at moment: LocalDateTime, store: InMemoryJournalStore,
                 id: EntryID) throws -> SessionSaver.Saved {
        let engine = FlowEngine(library: Self.library, knownParts: try store.loadParts().parts.map(\.part))
        var run = try engine.start(flowID: "daily-checkin", at: moment)
        for input: AnswerInput in [.acknowledge, .text("Tired"), .number(3), .skip, .part("the-worrier"), .text("Checking the stove"),
                                   .text(body)] {
            try engine.answer(input, run: &run)
        }
        #expect(run.answers.last?.stepID == "part-body")
        return try SessionSaver(store: store, library: Self.library).save(run, entryID: id)
    }

    func worrier(_ store: InMemoryJournalStore) throws -> Part {
        try #require(store.loadParts().parts.first { $0.part.id == "the-worrier" }).part
    }

    @Test func aLaterFlowKeepsTheEarlierValueDatedAndSaysSo() throws {
        let store = InMemoryJournalStore()
        _ = try store.savePart(Part(id: "the-worrier", name: "The worrier", bodyLocation: "chest"), expecting: nil)

        let saved = try checkIn(feltIn: "throat", at: Fixtures.morning, store: store, id: "20261129-083000-aaaa")
        var part = try worrier(store)
        #expect(part.bodyLocation == "throat")
        #expect(part.earlierValues == [EarlierValue(field: .bodyLocation, value: "chest", until: Fixtures.morning)])
        #expect(saved.changes.map(\.line) == ["The worrier: in the body (the earlier value is kept)"])
        let file = try #require(store.files["parts/the-worrier.md"])
        #expect(file.contains("earlier_values:\n  - {field: body_location, value: chest, until: 2026-11-29T08:30:00+01:00}"))

        // The same value again is no change and no history.
        _ = try checkIn(feltIn: "throat", at: Self.nextDay, store: store, id: "20261130-190000-bbbb")
        #expect(try worrier(store).earlierValues.count == 1)

        // Back to the first: both earlier values kept, newest first on the page.
        _ = try checkIn(feltIn: "chest", at: LocalDateTime(year: 2026, month: 12, day: 1, hour: 8, utcOffsetMinutes: 60),
                        store: store, id: "20261201-080000-cccc")
        part = try worrier(store)
        #expect(part.bodyLocation == "chest")
        #expect(part.history(of: .bodyLocation).map(\.value) == ["throat", "chest"])
    }

    @Test func savingTheSameSessionAgainAddsNoHistory() throws {
        let store = InMemoryJournalStore()
        _ = try store.savePart(Part(id: "the-worrier", name: "The worrier", bodyLocation: "chest"), expecting: nil)
        let engine = FlowEngine(library: Self.library, knownParts: try store.loadParts().parts.map(\.part))
        var run = try engine.start(flowID: "daily-checkin", at: Fixtures.morning)
        for input: AnswerInput in [.acknowledge, .text("Tired"), .number(3), .skip, .part("the-worrier"), .text("Checking"), .text("belly")] {
            try engine.answer(input, run: &run)
        }
        let saver = SessionSaver(store: store, library: Self.library)
        _ = try saver.save(run, entryID: "20261129-083000-aaaa")
        let once = try worrier(store)
        let again = try saver.save(run, entryID: "20261129-083000-aaaa") // a retry after a failed part save
        #expect(try worrier(store) == once)
        #expect(again.changes.isEmpty)
        #expect(once.earlierValues.map(\.value) == ["chest"])
    }

    @Test func aFieldGivenTwiceInOneSessionTakesItsLastValueOnce() {
        var part = Part(id: "p", name: "P", job: "keeps me safe")
        part.replace(.job, with: "keeps me small", on: Fixtures.morning)
        part.replace(.job, with: "keeps me small", on: Self.nextDay)
        #expect(part.earlierValues == [EarlierValue(field: .job, value: "keeps me safe", until: Fixtures.morning)])
        part.replace(.role, with: "manager", on: Self.nextDay) // no role before: nothing to keep
        #expect(part.earlierValues.count == 1 && part.role == .manager)
    }

    @Test func earlierValuesReadBackAndABrokenOneIsReported() throws {
        var part = Part(id: "p", name: "P", bodyLocation: "throat")
        part.earlierValues = [EarlierValue(field: .bodyLocation, value: "chest: \"tight\"", until: Fixtures.morning),
                              EarlierValue(field: .role, value: "manager", until: Self.nextDay)]
        #expect(try PartFormat.parse(PartFormat.render(part)) == part)

        let broken = "---\nid: p\nname: P\nearlier_values:\n  - {field: shoe_size, value: 9, until: 2026-11-29T08:30:00+01:00}\n---\n"
        #expect(throws: FormatError.self) { try PartFormat.parse(broken) }
        do {
            _ = try PartFormat.parse(broken)
        } catch {
            #expect(error.reason.contains("an earlier value's 'field' should be one of: role, apparent_age, body_location"))
        }
    }

    @Test func theChangeLineNamesEveryKindOfChange() {
        let before = Part(id: "p", name: "The critic", role: .manager, job: "keeps me in line")
        var after = before
        after.replace(.job, with: "keeps me safe", on: Fixtures.morning)
        after.feelToward.append(FeelTowardRecord(date: Fixtures.morning, answer: "curious", chosen: .selfPresent))
        after.permissions.append(PartPermission(date: Fixtures.morning, request: "rest", answer: .yes))
        #expect(PartRecordChange(from: before, to: after).line
                == "The critic: its job (the earlier value is kept), how you feel toward it, permissions")
        let new = Part(id: "n", name: "The numb one", bodyLocation: "legs")
        #expect(PartRecordChange(from: nil, to: new).line == "The numb one (new): in the body")
    }
}

/// An entry dated in the past never replaces a value given later; its value joins the history
/// in its place, and the history reads newest first by date.
@Suite struct BackdatedPartHistoryTests {
    static func day(_ d: Int, _ month: Int = 12) -> LocalDateTime { LocalDateTime(year: 2026, month: month, day: d, hour: 9, utcOffsetMinutes: 60) }

    @Test func aBackdatedValueGoesIntoTheHistoryNotOverTheNewerOne() throws {
        var part = Part(id: "w", name: "The worrier")
        part.replace(.bodyLocation, with: "chest", on: Self.day(6))
        part.replace(.bodyLocation, with: "jaw", on: Self.day(6))      // the same day, later
        part.replace(.bodyLocation, with: "shoulders", on: Self.day(7))
        part.replace(.bodyLocation, with: "knees", on: Self.day(1, 11)) // an entry dated 1 November
        #expect(part.bodyLocation == "shoulders")
        #expect(part.history(of: .bodyLocation).map(\.value) == ["jaw", "chest", "knees"]) // newest first
        #expect(part.history(of: .bodyLocation).last?.until == Self.day(6)) // knees, until chest was given
        part.replace(.bodyLocation, with: "knees", on: Self.day(2, 11)) // the same again: nothing more
        #expect(part.earlierValues.count == 3)
        #expect(try PartFormat.parse(PartFormat.render(part)) == part) // value_dates read back
    }

    @Test func aValueWithNoKnownDateIsTakenAsOlder() {
        var part = Part(id: "w", name: "The worrier", bodyLocation: "chest") // written by hand, no date
        part.replace(.bodyLocation, with: "throat", on: Self.day(1, 11))
        #expect(part.bodyLocation == "throat" && part.valueDates[.bodyLocation] == Self.day(1, 11))
        part.replace(.bodyLocation, with: "belly", on: Self.day(1, 10)) // older than throat
        #expect(part.bodyLocation == "throat")
        #expect(Set(part.history(of: .bodyLocation).map(\.value)) == ["belly", "chest"])
        #expect(part.earlierValues.contains(EarlierValue(field: .bodyLocation, value: "belly", until: Self.day(1, 11))))
    }
}
