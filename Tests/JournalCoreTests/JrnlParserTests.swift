import Foundation
import Testing
@testable import JournalCore

/// jrnl's plain-text format read into entries (Sources/JournalCore/Import).
@Suite struct JrnlParserTests {
    static func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> LocalDateTime {
        LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute)
    }

    @Test func entriesWithTitlesBodiesAndBlankLines() {
        let document = JrnlParser.parse("""
            [2020-01-02 09:30] A good day. It started slowly.
            Then the sun came out.

            A second paragraph.


            A third, after two blank lines.

            [2020-01-03 21:05] Short one
            """)
        #expect(document.entries == [
            JrnlEntry(wallClock: Self.at(2020, 1, 2, 9, 30), title: "A good day.",
                      body: "It started slowly.\nThen the sun came out.\n\nA second paragraph.\n\n\nA third, after two blank lines.",
                      starred: false, tags: [], line: 1),
            JrnlEntry(wallClock: Self.at(2020, 1, 3, 21, 5), title: "Short one", body: "", starred: false, tags: [], line: 9),
        ])
        #expect(document.textBeforeFirstEntry == nil)
        #expect(document.headerLookalikes.isEmpty)
    }

    @Test(arguments: [
        ("A good day. * Rest of paragraph", "A good day.", "Rest of paragraph", true),
        ("A good day. *", "A good day.", "", true),
        ("A good day *", "A good day", "", true),
        ("*", "", "", true),
        ("Is it? Yes. *", "Is it?", "Yes.", true),
        ("Wow! * More", "Wow!", "More", true),
        ("Quiet evening... *", "Quiet evening...", "", true),
        ("Title. *Emphasis* here", "Title.", "*Emphasis* here", false),
        ("Rating 5*", "Rating 5*", "", false),
        ("No sentence end here", "No sentence end here", "", false),
        ("Version 1.2 shipped. Finally", "Version 1.2 shipped.", "Finally", false),
        ("Ends with a dot.", "Ends with a dot.", "", false),
        ("", "", "", false),
    ])
    func titleStarAndRestOfTheLine(_ line: String, _ title: String, _ rest: String, _ starred: Bool) {
        let entry = JrnlParser.parse("[2020-01-02 09:30] \(line)\nnext line").entries[0]
        #expect(entry.title == title)
        #expect(entry.body == (rest.isEmpty ? "next line" : rest + "\nnext line"))
        #expect(entry.starred == starred)
    }

    @Test func tagsWithAtOrHashWithoutTheSymbolOnceEach() {
        let entry = JrnlParser.parse("""
            [2020-01-02 09:30] Talked to @Critic. Then #work.
            @inner-child was there, and @critic again (@not-a-tag-after-bracket is missed, as jrnl does).
            Mail me@example.com, see issue #1, a heading:
            # Notes
            @café @日記 and @self-. #multi_word, @@double
            """).entries[0]
        #expect(entry.tags == ["Critic", "work", "inner-child", "café", "日記", "self", "multi_word"])
        // The text is kept as written, tags and all.
        #expect(entry.title == "Talked to @Critic.")
        #expect(entry.body.hasPrefix("Then #work.\n@inner-child was there"))
    }

    @Test func textBeforeTheFirstEntryIsKeptWithItsLines() {
        let document = JrnlParser.parse("""

            My old journal, exported 2020.
              (indented note)

            [2020-01-02 09:30] First.
            """)
        #expect(document.textBeforeFirstEntry == JrnlLeadingText(text: "My old journal, exported 2020.\n  (indented note)", lines: 2...3))
        #expect(document.entries.map(\.line) == [5])
    }

    @Test func linesThatOnlyLookLikeHeadersStayInTheBody() {
        let document = JrnlParser.parse("""
            [2020-01-02 09:30] Real one.
            [2019-03-04] we met
            [not a date] x
            [2020-13-45 99:99] x
            [2021-02-29 10:00] not a leap year
            [2020-01-02 24:00] no such hour
            [2020-01-02 09:30]x no space
            [2020-1-02 09:30] one-digit month
             [2020-01-02 09:30] indented
            [2020-01-02 09:30:15] with seconds
            [２０２０-01-02 09:30] wide digits
            [2024-02-29 23:59] Leap day, real.
            """)
        #expect(document.entries.count == 2)
        #expect(document.entries[0].body == """
            [2019-03-04] we met
            [not a date] x
            [2020-13-45 99:99] x
            [2021-02-29 10:00] not a leap year
            [2020-01-02 24:00] no such hour
            [2020-01-02 09:30]x no space
            [2020-1-02 09:30] one-digit month
             [2020-01-02 09:30] indented
            [2020-01-02 09:30:15] with seconds
            [２０２０-01-02 09:30] wide digits
            """)
        #expect(document.entries[1].wallClock == Self.at(2024, 2, 29, 23, 59))
        #expect(document.headerLookalikes.map(\.line) == [2, 4, 5, 6, 7, 8, 9, 10])
        #expect(document.headerLookalikes.first == JrnlLine(line: 2, text: "[2019-03-04] we met"))
    }

    @Test func aHeaderWithNothingAfterIt() {
        let document = JrnlParser.parse("[2020-01-02 09:30]\nbody\n[2020-01-02 09:31] ")
        #expect(document.entries.map(\.title) == ["", ""])
        #expect(document.entries.map(\.body) == ["body", ""])
    }

    @Test func unicodeIsKeptAsItIs() {
        let text = """
            [2020-01-02 09:30] Café à Zürich. Señora Muñoz 🙂 @büro
            今日は静かな一日でした。🌧️ 🫂 e\u{301}motion
            내면의 아이가 울고 있었다. Ελπίδα και φόβος.
            """
        let entry = JrnlParser.parse(text).entries[0]
        #expect(entry.title == "Café à Zürich.")
        #expect(entry.body == "Señora Muñoz 🙂 @büro\n今日は静かな一日でした。🌧️ 🫂 e\u{301}motion\n내면의 아이가 울고 있었다. Ελπίδα και φόβος.")
        #expect(entry.tags == ["büro"])
    }

    @Test func crlfLineEndsAByteOrderMarkAndNoFinalNewline() {
        let unix = "[2020-01-02 09:30] One. *\nbody\n\nmore\n\n[2020-01-03 10:00] Two.\nlast line"
        let windows = "\u{FEFF}" + unix.replacingOccurrences(of: "\n", with: "\r\n")
        let oldMac = unix.replacingOccurrences(of: "\n", with: "\r") + "\r"
        let expected = JrnlParser.parse(unix)
        #expect(expected.entries.count == 2)
        #expect(expected.entries[0].starred)
        #expect(expected.entries[0].body == "body\n\nmore")
        #expect(expected.entries[1].body == "last line")
        #expect(JrnlParser.parse(windows) == expected)
        #expect(JrnlParser.parse(oldMac) == expected)
        #expect(JrnlParser.parse(unix + "\n") == expected)
        // A BOM with text before the first entry: the BOM is not part of that text.
        #expect(JrnlParser.parse("\u{FEFF}Intro\n" + unix).textBeforeFirstEntry?.text == "Intro")
    }

    @Test func emptyAndBlankTexts() {
        #expect(JrnlParser.parse("").isEmpty)
        #expect(JrnlParser.parse("\u{FEFF}").isEmpty)
        #expect(JrnlParser.parse("\n  \n\t\r\n").isEmpty)
        let onlyText = JrnlParser.parse("just some notes\nno dates")
        #expect(onlyText.entries.isEmpty)
        #expect(!onlyText.isEmpty)
        #expect(onlyText.textBeforeFirstEntry?.lines == 1...2)
    }

    /// A hand-made sample in the shape of the benchmark corpus (../shared/bench/gen_jrnl_corpus.py):
    /// titles ending `?`, `!` and `...`, ` *` for a star, `@tags` inside paragraphs, accents,
    /// CJK and emoji, paragraphs separated by blank lines, one blank line between entries.
    @Test func theCorpusShapedSample() throws {
        let url = Fixtures.testsFolder.appendingPathComponent("Fixtures/jrnl-sample.txt")
        let document = JrnlParser.parse(try String(contentsOf: url, encoding: .utf8))
        #expect(document.entries.count == 9)
        #expect(document.entries.filter(\.starred).map(\.title) == ["Quiet evening...", "Short one."])
        #expect(document.entries.filter { !$0.tags.isEmpty }.count == 5)
        #expect(document.entries.filter { $0.tags.contains("firefighter") }.count == 2)
        #expect(document.entries.map(\.title) == [
            "Morning with the critic again.", "Quiet evening...", "Why does this keep happening?",
            "A dream about the old house!", "Holiday and the family.", "Short one.",
            "Unblending practice with the therapist.", "Leap day walk in the rain.", "The year ends.",
        ])
        #expect(document.entries[2].tags == ["firefighter", "exile", "inner-child"])
        #expect(document.entries[2].body.hasSuffix("for a moment 🌧️.\n\nThe little one was cold. @inner-child"))
        #expect(document.entries[8].body == "Listening to the protector @protector, thanking it @manager for the long year @self.")
        #expect(document.textBeforeFirstEntry == nil)
        #expect(document.headerLookalikes.isEmpty)
    }
}
