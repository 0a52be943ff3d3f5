import Foundation
import HavenCLI
import JournalCore
import Testing

/// `list` with filters, `search` and `on-this-day`, in process on the in-memory store.
@Suite struct BrowseCommandTests {
    static func entry(_ id: String, _ date: (Int, Int, Int), title: String, text: String = "", flow: String? = nil,
                      parts: [PartID] = [], tags: [String] = [], starred: Bool = false) -> Entry {
        Entry(id: EntryID(id), created: LocalDateTime(year: date.0, month: date.1, day: date.2, hour: 9, utcOffsetMinutes: 60),
              flow: flow, title: title, parts: parts, tags: tags, starred: starred,
              sections: [EntrySection(stepID: "a", heading: "How do you feel toward it?", text: text)])
    }

    /// Today is 2026-11-29 (TestClock.morning).
    static func haven() throws -> InProcessHaven {
        let haven = InProcessHaven()
        for entry in [
            entry("20261129-090000-aaaa", (2026, 11, 29), title: "Morning pages", text: "Un café et du calme.", flow: "daily-checkin",
                  parts: ["inner-critic"], tags: ["work"], starred: true),
            entry("20261101-090000-bbbb", (2026, 11, 1), title: "Rain", text: "The critic was quiet today.", flow: "trailhead",
                  parts: ["little-one"], tags: ["home"]),
            entry("20251129-090000-cccc", (2025, 11, 29), title: "A year back", text: "東京 at night 🌧", tags: ["travel"]),
            entry("20231129-090000-dddd", (2023, 11, 29), title: "Long ago", text: "Cafe au lait with the Critic", parts: ["inner-critic"]),
        ] { _ = try haven.store.createEntry(entry) }
        _ = try haven.store.savePart(Part(id: "inner-critic", name: "Inner Critic", formerNames: ["The Judge"], role: .manager), expecting: nil)
        return haven
    }

    @Test func listShowsEachEntryInItsOwnWordsAndTheFlowOnce() throws {
        let haven = InProcessHaven()
        // An older entry titled with its flow's name: its first words show instead.
        _ = try haven.store.createEntry(Self.entry("20261128-090000-eeee", (2026, 11, 28), title: "Daily check-in",
                                                   text: "Slow start, rain on the window", flow: "daily-checkin"))
        _ = try haven.store.createEntry(Self.entry("20261127-090000-ffff", (2026, 11, 27), title: "Written in jrnl", text: "More"))
        let (context, console) = haven.context(input: [])
        _ = try Commands.list(.init(), context: context)
        #expect(console.output == """
            20261128-090000-eeee  2026-11-28 09:00   Slow start, rain on the window  · Daily check-in
            20261127-090000-ffff  2026-11-27 09:00   Written in jrnl

            """)
    }

    @Test func tagsAreListedWithCountsAndAPipedAnswersTagsAreKept() throws {
        let haven = try Self.haven()
        // Written with a flow: #tags in the answers become the entry's tags.
        let (_, _) = haven.write(.init(flowID: "evening-review"), input: ["A walk with @Sam #work", ".", ":finish"])
        let (context, console) = haven.context(input: [])
        #expect(try Commands.tags(json: false, context: context) == 0)
        #expect(console.output == "2  work\n1  home\n1  Sam\n1  travel\n")
        let (jsonContext, jsonConsole) = haven.context(input: [])
        _ = try Commands.tags(json: true, context: jsonContext)
        #expect(jsonConsole.output.contains("\"entries\" : 2,\n    \"tag\" : \"work\""))
        let (empty, emptyConsole) = InProcessHaven().context(input: [])
        #expect(try Commands.tags(json: false, context: empty) == 0)
        #expect(emptyConsole.output == "") // nothing printed into a pipe
    }

    func ids(_ console: ScriptedConsole) -> [String] {
        console.output.split(separator: "\n").map { String($0.prefix(20)) }
    }

    func list(_ options: Commands.BrowseOptions) throws -> (Int32, ScriptedConsole) {
        let (context, console) = try Self.haven().context(input: [])
        return (try Commands.list(options, context: context), console)
    }

    func search(_ query: String, _ options: Commands.BrowseOptions = .init()) throws -> (Int32, ScriptedConsole) {
        let (context, console) = try Self.haven().context(input: [])
        return (try Commands.search(query, options, context: context), console)
    }

    @Test func everyFilterNarrowsTheList() throws {
        #expect(ids(try list(.init()).1) == ["20261129-090000-aaaa", "20261101-090000-bbbb", "20251129-090000-cccc", "20231129-090000-dddd"])
        #expect(ids(try list(.init(from: "2026-11-02")).1) == ["20261129-090000-aaaa"])
        #expect(ids(try list(.init(to: "2025")).1) == ["20251129-090000-cccc", "20231129-090000-dddd"])
        #expect(ids(try list(.init(on: "2026-11")).1) == ["20261129-090000-aaaa", "20261101-090000-bbbb"])
        #expect(ids(try list(.init(on: "today")).1) == ["20261129-090000-aaaa"])
        #expect(ids(try list(.init(part: "inner critic")).1) == ["20261129-090000-aaaa", "20231129-090000-dddd"])
        #expect(ids(try list(.init(part: "the judge")).1) == ["20261129-090000-aaaa", "20231129-090000-dddd"]) // a former name
        #expect(ids(try list(.init(part: "  THE JÜDGE ")).1) == ["20261129-090000-aaaa", "20231129-090000-dddd"]) // as PartMatcher folds
        #expect(ids(try list(.init(part: "Little One")).1) == ["20261101-090000-bbbb"]) // no record: found by its id
        #expect(ids(try list(.init(tag: "@home")).1) == ["20261101-090000-bbbb"])
        #expect(ids(try list(.init(flow: "trailhead")).1) == ["20261101-090000-bbbb"])
        #expect(ids(try list(.init(starred: true)).1) == ["20261129-090000-aaaa"])
        #expect(ids(try list(.init(from: "2024", part: "inner-critic", limit: 5)).1) == ["20261129-090000-aaaa"])
        #expect(ids(try list(.init(limit: 2)).1).count == 2)
    }

    @Test(arguments: [
        (Commands.BrowseOptions(from: "2026-13-01"), "--from '2026-13-01' is not a date"),
        (Commands.BrowseOptions(to: "2026-12", on: "2026-11"), "use --on, or --from and --to, not both"),
        (Commands.BrowseOptions(from: "2026-11-02", to: "2026-11-01"), "--from 2026-11-02 comes after --to 2026-11-01"),
        (Commands.BrowseOptions(part: "nobody"), "no part called 'nobody'"),
        (Commands.BrowseOptions(flow: "no-such-flow"), "there is no flow called 'no-such-flow'"),
    ])
    func wrongFiltersSayWhatIsWrong(_ options: Commands.BrowseOptions, _ message: String) throws {
        let (context, _) = try Self.haven().context(input: [])
        do {
            _ = try Commands.list(options, context: context)
            Issue.record("expected a usage error")
        } catch {
            #expect(error.status == ExitStatus.usage)
            #expect(error.message.contains(message))
        }
    }

    @Test func searchIgnoresCaseAndAccentsAndOnlyLooksAtWhatWasWritten() throws {
        #expect(ids(try search("cafe").1) == ["20261129-090000-aaaa", "20231129-090000-dddd"])
        #expect(ids(try search("CAFÉ critic").1) == ["20261129-090000-aaaa", "20231129-090000-dddd"]) // the part id counts
        #expect(ids(try search("calme quiet").1).isEmpty)
        #expect(ids(try search("\"critic was quiet\"").1) == ["20261101-090000-bbbb"])
        #expect(ids(try search("東京").1) == ["20251129-090000-cccc"])
        #expect(ids(try search("travel").1) == ["20251129-090000-cccc"]) // tags are searched
        #expect(ids(try search("cafe", .init(from: "2026")).1) == ["20261129-090000-aaaa"])
        // Prompts are not the person's words: every entry has this heading.
        let (status, console) = try search("toward")
        #expect(status == 1)
        #expect(console.output.isEmpty)
    }

    @Test func searchWithNoneShownStillSaysWhetherAnythingMatched() throws {
        let (found, foundConsole) = try search("cafe", .init(limit: 0))
        #expect(found == 0)
        #expect(foundConsole.output.isEmpty)
        let (none, _) = try search("nowhere-at-all", .init(limit: 0))
        #expect(none == 1)
        #expect(ids(try search("cafe", .init(limit: 1)).1) == ["20261129-090000-aaaa"])
    }

    @Test func anEmptySearchIsAUsageError() throws {
        let (context, _) = try Self.haven().context(input: [])
        #expect(throws: CommandFailure.self) { try Commands.search("  ", .init(), context: context) }
    }

    @Test func jsonHasTheSameShapeAsBefore() throws {
        let (status, console) = try search("東京", .init(json: true))
        #expect(status == 0)
        let decoded = try JSONSerialization.jsonObject(with: Data(console.output.utf8)) as? [[String: Any]]
        let first = try #require(decoded?.first)
        #expect(first["id"] as? String == "20251129-090000-cccc")
        #expect(first["tags"] as? [String] == ["travel"])
        #expect(first["path"] as? String == "/journal/entries/2025/11/20251129-090000-entry.md")
        #expect(Set(first.keys) == ["id", "created", "flow", "title", "parts", "tags", "starred", "self_energy", "distress", "path"]
                || Set(first.keys) == ["id", "created", "title", "parts", "tags", "starred", "self_energy", "distress", "path"])
    }

    @Test func onThisDayShowsEarlierYearsWithHowLongAgo() throws {
        let (context, console) = try Self.haven().context(input: [])
        #expect(try Commands.onThisDay(json: false, context: context) == 0)
        #expect(console.output == """
            20251129-090000-cccc  2025-11-29 09:00   A year back  (a year ago)
            20231129-090000-dddd  2023-11-29 09:00   Long ago  (3 years ago)

            """)
        let empty = InProcessHaven()
        let (emptyContext, emptyConsole) = empty.context(input: [])
        #expect(try Commands.onThisDay(json: false, context: emptyContext) == 0)
        #expect(emptyConsole.output.isEmpty) // not a terminal: nothing to say
    }
}
