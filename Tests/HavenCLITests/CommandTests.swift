import HavenCLI
import JournalCore
import Testing

/// The other commands, in process.
@Suite struct CommandTests {
    @Test func listShowsNewestFirstWithStarsAndReportsBrokenFiles() throws {
        let haven = InProcessHaven()
        let older = Entry(id: "20260101-090000-aaaa", created: LocalDateTime(year: 2026, month: 1, day: 1, hour: 9),
                          title: "", starred: true, preamble: "\nFirst line of writing\nmore")
        let newer = Entry(id: "20260102-090000-bbbb", created: LocalDateTime(year: 2026, month: 1, day: 2, hour: 9), title: "Newer")
        _ = try haven.store.createEntry(older)
        _ = try haven.store.createEntry(newer)
        haven.store.writeOutside(path: "entries/2026/01/broken.md", text: "no front matter")
        let (context, console) = haven.context(input: [])
        #expect(try Commands.list(.init(), context: context) == 0)
        #expect(console.output == """
            20260102-090000-bbbb  2026-01-02 09:00   Newer
            20260101-090000-aaaa  2026-01-01 09:00 * First line of writing

            """)
        #expect(console.errors == "haven: skipped entries/2026/01/broken.md:1: expected front matter starting with a line '---'\n")

        let (limited, limitedConsole) = haven.context(input: [])
        _ = try Commands.list(.init(limit: 1), context: limited)
        #expect(limitedConsole.output.split(separator: "\n").count == 1)
    }

    @Test func showNeedsAUniqueId() throws {
        let haven = InProcessHaven()
        for suffix in ["aaaa", "aabb"] {
            _ = try haven.store.createEntry(Entry(id: EntryID("20260101-090000-\(suffix)"), created: LocalDateTime(year: 2026, month: 1, day: 1)))
        }
        let (context, _) = haven.context(input: [])
        #expect(throws: CommandFailure.self) { try Commands.show(id: "20260101-090000-aa", json: false, context: context) }
        #expect(try Commands.show(id: "20260101-090000-aab", json: false, context: context) == 0)
    }

    @Test func promptsCheckFindsDuplicateFlowIdsAcrossFiles() throws {
        let scratch = try Scratch()
        let flow = "id: twin\ntitle: Twin\nsteps:\n  - id: a\n    type: text\n    text: A\n"
        try flow.write(toFile: scratch.path + "/one.yaml", atomically: true, encoding: .utf8)
        try flow.write(toFile: scratch.path + "/two.yaml", atomically: true, encoding: .utf8)
        let (context, console) = InProcessHaven().context(input: [])
        #expect(Commands.promptsCheck(paths: [scratch.path], context: context) == 65)
        #expect(console.output == "\(scratch.path)/two.yaml:1:1: duplicate flow id 'twin' (also in \(scratch.path)/one.yaml)\n")
    }

    @Test func promptsListShowsMinutesTitlesAndDescriptions() {
        let (context, console) = InProcessHaven().context(input: [])
        #expect(Commands.promptsList(json: false, context: context) == 0)
        let lines = console.output.split(separator: "\n")
        #expect(lines.first { $0.hasPrefix("daily-checkin ") }?.contains("2 min  Daily check-in: ") == true)
        #expect(Set(lines.map { String($0.prefix { $0 != " " }) }).isSuperset(of: ["daily-checkin", "grounding", "unblending"]))
        #expect(lines.allSatisfy { $0.contains(" min  ") }) // every shipped flow says how long it takes
    }
}

@Suite struct ShowAsStoredTests {
    @Test func showPrintsTheFileExactlyAsItIs() throws {
        let haven = InProcessHaven()
        let text = "---\n# my own comment\nid: 20260101-090000-cccc\ncreated: 2026-01-01T09:00:00+00:00\nmood: !!str 7\n---\n\nHand-written.\n"
        haven.store.writeOutside(path: "entries/2026/01/mine.md", text: text)
        let (context, console) = haven.context(input: [])
        #expect(try Commands.show(id: "20260101-090000-cccc", json: false, context: context) == 0)
        #expect(console.output == text)
    }
}
