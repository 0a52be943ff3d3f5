import Testing
@testable import JournalCore

/// Tags as jrnl users write them, and dates as people type them.
@Suite struct EntryTagsTests {
    @Test func hashAndAtWordsAreTags() {
        #expect(EntryTags.scan("Lunch with @Sam, then #work-stress. #Work again (#home/garden)") == ["Sam", "work-stress", "Work", "home/garden"])
        #expect(EntryTags.scan("# A heading, #1 fan, mail a@b.org, C# code, ##, an anchor {#id}") == [])
        #expect(EntryTags.scan("#café et #Café") == ["café"]) // one tag, as first written
        #expect(EntryTags.parseList("#work, family  , @sam,work, Sleep Well") == ["work", "family", "sam", "Sleep Well"])
    }

    @Test func aSessionsTagsAreItsWrittenTagsWithTheReviewsChanges() throws {
        let library = FlowLibrary(sources: Fixtures.shippedSources)
        let engine = FlowEngine(library: library, knownParts: [])
        var run = try engine.start(flowID: "evening-review", at: Fixtures.morning)
        for input: AnswerInput in [.acknowledge, .text("A walk with @Sam #outside"), .skip] { try engine.answer(input, run: &run) }
        #expect(engine.outcome(run, entryID: "e").entry.tags == ["Sam", "outside"])
        run.reviewed = ReviewedDetails(addedTags: ["family"], removedTags: ["outside"])
        #expect(engine.outcome(run, entryID: "e").entry.tags == ["Sam", "family"])
        run.reviewed?.title = "Sunday"
        #expect(engine.outcome(run, entryID: "e").entry.title == "Sunday")
    }

    @Test func tagCountsAreMostUsedFirst() {
        func summary(_ tags: [String]) -> EntrySummary {
            EntrySummary(id: "e", created: Fixtures.morning, flow: nil, title: "", firstWords: "", parts: [], tags: tags, starred: false,
                         selfEnergy: SelfEnergyReading(), distress: [], path: "p")
        }
        let counts = TagCount.of([summary(["work", "Sam"]), summary(["Work"]), summary(["home", "work"])])
        #expect(counts == [TagCount(tag: "work", entries: 3), TagCount(tag: "home", entries: 1), TagCount(tag: "Sam", entries: 1)])
    }

    @Test func datesAsPeopleTypeThem() throws {
        let now = Fixtures.morning // 2026-11-29 08:30 +01:00
        #expect(try EntryDate.parse("yesterday", now: now).get()
                == LocalDateTime(year: 2026, month: 11, day: 28, hour: 8, minute: 30, utcOffsetMinutes: 60))
        #expect(try EntryDate.parse("2026-11-20 18:30", now: now).get()
                == LocalDateTime(year: 2026, month: 11, day: 20, hour: 18, minute: 30, utcOffsetMinutes: 60))
        #expect(try EntryDate.parse("today 07:05", now: now).get().hour == 7)
        #expect(try EntryDate.parse("yesterday 9:05", now: now).get().hour == 9)
        #expect(EntryDate.parse("tomorrow", now: now) == .failure(.notADate("tomorrow")))
        #expect(EntryDate.parse("2026-11-29 23:00", now: now) == .failure(.inTheFuture("2026-11-29 23:00")))
        #expect(EntryDate.parse("2026-11 ", now: now) == .failure(.notADate("2026-11 ")))
        #expect(EntryDate.parse("2026-11-20 7pm", now: now) == .failure(.notATime("7pm")))
    }
}
