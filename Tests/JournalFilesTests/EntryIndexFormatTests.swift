import Testing
import JournalCore
import JournalFiles

@Suite struct EntryIndexFormatTests {
    @Test func rowsSurviveARoundTripWhateverTheirText() throws {
        let awkward = "tab\there\nnew line \\ back\\slash \u{1F} unit, \u{7} bell, CJK 東京, emoji 🌧, e\u{301}"
        let summary = EntrySummary(id: EntryID("20261129-090000-k3f9"),
                                   created: LocalDateTime(year: 2026, month: 11, day: 29, hour: 9, utcOffsetMinutes: 60),
                                   flow: "daily-checkin", title: awkward, firstWords: awkward, parts: ["inner-critic", "little-one"],
                                   tags: [awkward, "work"], starred: true, selfEnergy: SelfEnergyReading([.calm: 6, .curiosity: 0]),
                                   distress: [DistressReading(stepID: "grounding.now", value: 9), DistressReading(stepID: "a=b", value: 1)],
                                   path: "entries/2026/11/a\tb.md") // a summary's path is its row's
        let rows = [
            IndexRow(path: "entries/2026/11/a\tb.md", stamp: FileStamp(modified: 1, changed: 2, size: 3, inode: 4),
                     content: .entry(summary, textOffset: 10, textLength: 20)),
            IndexRow(path: "entries/x.txt", stamp: FileStamp(modified: -1, changed: 0, size: 0, inode: 0),
                     content: .problem(line: nil, reason: "not a .md file")),
            IndexRow(path: "entries/b.md", stamp: FileStamp(modified: 5, changed: 5, size: 5, inode: 5),
                     content: .problem(line: 3, reason: awkward)),
        ]
        let text = EntryIndexFormat.render(rows)
        #expect(try #require(EntryIndexFormat.parse(text)) == rows)
        var noFlow = summary
        noFlow.flow = nil
        noFlow.parts = []
        noFlow.tags = []
        noFlow.path = "p.md"
        let plain = [IndexRow(path: "p.md", stamp: FileStamp(modified: 0, changed: 0, size: 0, inode: 0),
                              content: .entry(noFlow, textOffset: 0, textLength: 0))]
        #expect(EntryIndexFormat.parse(EntryIndexFormat.render(plain)) == plain)
    }

    @Test(arguments: ["", "haven-entry-index 3\n", "haven-entry-index 1\n", "haven-entry-index 2", "haven-entry-index 2\nnot a row\n",
                      "haven-entry-index 2\np\t1\t2\t3\t4\te\tid\n", "haven-entry-index 2\np\tx\t2\t3\t4\t!\t\tr\n"])
    func anythingElseIsNotAnIndex(_ text: String) {
        #expect(EntryIndexFormat.parse(text) == nil)
    }

    /// Numbers no index of ours would hold: read as "not an index" (rebuilt), never a crash.
    @Test(arguments: ["0\t-5", "9223372036854775807\t10", "99999999999999999999\t1", "-8\t4"])
    func garbledOffsetsAreNotAnIndex(_ offsetAndLength: String) {
        let row = "p.md\t1\t1\t1\t1\te\tid\t2026-01-01T09:00:00+01:00\t\tT\tT\t\t\t0\t\t\t" + offsetAndLength
        #expect(EntryIndexFormat.parse("haven-entry-index 2\n" + row + "\n") == nil)
        let good = "p.md\t1\t1\t1\t1\te\tid\t2026-01-01T09:00:00+01:00\t\tT\tT\t\t\t0\t\t\t0\t4"
        #expect(EntryIndexFormat.parse("haven-entry-index 2\n" + good + "\n")?.count == 1)
    }

    @Test func garbledStampsAreNotAnIndex() {
        for size in ["-9223372036854775808", "-9223372036854775809", "18446744073709551616", "1e5", "-"] {
            let row = "p.md\t1\t1\t\(size)\t1\t!\t\treason"
            #expect(EntryIndexFormat.parse("haven-entry-index 2\n" + row + "\n") == nil, "\(size)")
        }
    }

    @Test func anEmptyIndexIsAnIndex() {
        #expect(EntryIndexFormat.parse(EntryIndexFormat.render([])) == [])
    }

    /// Rows as Haven has written them since version 2 of the index, byte for byte: an index
    /// already on disk keeps loading (and is written back the same), so an upgrade costs no rebuild.
    @Test func anIndexWrittenBeforeStillLoads() throws {
        let written = "haven-entry-index 2\n"
            + "entries/2026/11/29/a.md\t1764403200000000000\t1764403200500000000\t812\t4242\te\t20261129-090000-k3f9"
            + "\t2026-11-29T09:00:00+01:00\tdaily-checkin\tA title\\twith a tab\tFirst words\tinner-critic\u{1F}little-one"
            + "\twork\u{1F}café\t1\tcalm=6\u{1F}curiosity=0\tgrounding.now=9\t120\t35\n"
            + "entries/2026/11/29/b.txt\t-1\t0\t0\t0\t!\t\tnot a .md file\n"
            + "entries/2026/11/30/c.md\t5\t6\t7\t8\t!\t3\ta reason\\nover two lines\n"
        let rows = try #require(EntryIndexFormat.parse(written))
        let summary = EntrySummary(id: EntryID("20261129-090000-k3f9"),
                                   created: LocalDateTime(year: 2026, month: 11, day: 29, hour: 9, utcOffsetMinutes: 60),
                                   flow: "daily-checkin", title: "A title\twith a tab", firstWords: "First words",
                                   parts: ["inner-critic", "little-one"], tags: ["work", "café"], starred: true,
                                   selfEnergy: SelfEnergyReading([.calm: 6, .curiosity: 0]),
                                   distress: [DistressReading(stepID: "grounding.now", value: 9)], path: "entries/2026/11/29/a.md")
        #expect(rows == [
            IndexRow(path: "entries/2026/11/29/a.md",
                     stamp: FileStamp(modified: 1_764_403_200_000_000_000, changed: 1_764_403_200_500_000_000, size: 812, inode: 4242),
                     content: .entry(summary, textOffset: 120, textLength: 35)),
            IndexRow(path: "entries/2026/11/29/b.txt", stamp: FileStamp(modified: -1, changed: 0, size: 0, inode: 0),
                     content: .problem(line: nil, reason: "not a .md file")),
            IndexRow(path: "entries/2026/11/30/c.md", stamp: FileStamp(modified: 5, changed: 6, size: 7, inode: 8),
                     content: .problem(line: 3, reason: "a reason\nover two lines")),
        ])
        #expect(EntryIndexFormat.render(rows) == written)

        // The same bytes as `list` reads them, behind the generation line.
        let file = Array(("generation 7\n" + written).utf8)
        let table = try #require(IndexRowTable(utf8: file, from: "generation 7\n".utf8.count))
        #expect((0..<table.count).map { table.row($0) } == rows)
        #expect((0..<table.count).map(table.isEntry) == [true, false, false])
        #expect(table.summary(ofRow: 0) == summary && table.summary(ofRow: 1) == nil)
        #expect(table.textSlice(ofRow: 0) == 120..<155)
        #expect(table.createdKey(0) == summary.created.secondsSinceEpoch)
        #expect(table.matches(0, path: Array("entries/".utf8), "2026/11/29/a.md", stamp: rows[0].stamp))
        #expect(!table.matches(0, path: Array("entries/".utf8), "2026/11/29/a.md", stamp: rows[2].stamp))
        #expect(table.pathPrecedes(0, 1) && !table.pathPrecedes(1, 0))
    }

    /// A header alone is an empty index; anything cut short is no index (rebuilt).
    @Test func theTableReadsWhatParseReads() throws {
        let empty = Array(EntryIndexFormat.render([]).utf8)
        #expect(try #require(IndexRowTable(utf8: empty, from: 0)).count == 0)
        #expect(IndexRowTable(utf8: Array(empty.dropLast()), from: 0) == nil)
        #expect(IndexRowTable(utf8: Array("haven-entry-index 1\n".utf8), from: 0) == nil)
        #expect(IndexRowTable(utf8: Array("haven-entry-index 2\np.md\t1\t1\t1\t1\t!\t\treason".utf8), from: 0) == nil)
        #expect(IndexRowTable(utf8: Array("haven-entry-index 2\np.md\t1\t1\t1\t1\t!\t\treason\n".utf8), from: 0)?.count == 1)
    }

    /// A carriage return before a newline is one Character in Swift; it is still escaped, so a
    /// title with Windows line ends never splits its row.
    @Test func aCarriageReturnAndNewlineStayInTheirField() throws {
        let summary = EntrySummary(id: EntryID("a"), created: LocalDateTime(year: 2026, month: 1, day: 1, utcOffsetMinutes: 0),
                                   flow: nil, title: "one\r\ntwo", firstWords: "", parts: [], tags: [], starred: false,
                                   selfEnergy: SelfEnergyReading(), distress: [], path: "p.md")
        let rows = [IndexRow(path: "p.md", stamp: FileStamp(modified: 0, changed: 0, size: 0, inode: 0),
                             content: .entry(summary, textOffset: 0, textLength: 0))]
        #expect(EntryIndexFormat.parse(EntryIndexFormat.render(rows)) == rows)
    }
}
