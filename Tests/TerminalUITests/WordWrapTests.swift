import Testing
@testable import TerminalUI

/// The rows of `text` wrapped at `width`, as strings.
private func rows(_ text: String, _ width: Int) -> [String] {
    let line = Array(text)
    return WordWrap.layout(line, width: width).map { String(line[$0.range]) }
}

private func widths(_ text: String, _ width: Int) -> [Int] {
    WordWrap.layout(Array(text), width: width).map(\.width)
}

@Suite("Word wrap")
struct WordWrapTests {
    @Test func shortLineIsOneRow() {
        let layout = WordWrap.layout(Array("hello"), width: 10)
        #expect(layout == [VisualRow(line: 0, range: 0..<5, width: 5, isLast: true)])
    }

    @Test func emptyLineHasOneEmptyRowForTheCursor() {
        #expect(WordWrap.layout([], width: 10) == [VisualRow(line: 0, range: 0..<0, width: 0, isLast: true)])
        #expect(WordWrap.rowCount([], width: 10) == 1)
    }

    @Test func breaksAfterSpaces() {
        #expect(rows("the quick brown fox", 10) == ["the quick ", "brown fox"])
        #expect(rows("hello world", 8) == ["hello ", "world"])
        #expect(rows("hello world, this is wrapped", 10) == ["hello ", "world, ", "this is ", "wrapped"])
    }

    @Test func aWordMovesDownWithTheSpaceAfterIt() {
        // "say hello" fills 9 columns but its space would not fit: "hello " moves down whole,
        // so no space hangs past the edge.
        #expect(rows("say hello world", 9) == ["say ", "hello ", "world"])
    }

    @Test func runsOfSpacesLongerThanTheRowAreBroken() {
        #expect(rows("ab      cd", 4) == ["ab  ", "    ", "cd"])
    }

    @Test func longWordsAreHardBroken() {
        #expect(rows("abcdefghijkl", 5) == ["abcde", "fghij", "kl"])
        #expect(rows("hi abcdefghijk", 5) == ["hi ", "abcde", "fghij", "k"])
    }

    @Test func exactlyFullLastRowOpensAnEmptyRowForTheCursor() {
        let layout = WordWrap.layout(Array("hello"), width: 5)
        #expect(layout == [VisualRow(line: 0, range: 0..<5, width: 5, isLast: false),
                           VisualRow(line: 0, range: 5..<5, width: 0, isLast: true)])
        #expect(rows("hell", 5) == ["hell"])
        #expect(rows("hi abcdefghij", 5) == ["hi ", "abcde", "fghij", ""])
        #expect(rows("hello ", 6) == ["hello ", ""])
    }

    @Test func wideGlyphsMoveDownWholeLeavingAGap() {
        #expect(rows("你好你好", 5) == ["你好", "你好"])
        #expect(widths("你好你好", 5) == [4, 4])
        #expect(rows("你好你好", 4) == ["你好", "你好", ""])
        #expect(rows("你好你好", 3) == ["你", "好", "你", "好"])
        #expect(rows("ab你好", 3) == ["ab", "你", "好"])
        #expect(rows("hello 你好", 7) == ["hello ", "你好"])
    }

    @Test func ideographicSpaceIsABreak() {
        #expect(rows("你好\u{3000}世界", 7) == ["你好\u{3000}", "世界"])
    }

    @Test func emojiWithModifierIsOneCharacterNeverSplit() {
        let thumbs = "👍🏽"
        let width = CellWidth.of(Character(thumbs)) // 4: the sum of its scalars, as ncurses advances
        #expect(Array("ok \(thumbs)").count == 4)
        #expect(rows("ok \(thumbs)", 2 + width) == ["ok ", thumbs])
        #expect(rows("a\(thumbs)b", width) == ["a", thumbs, "b"])
        #expect(widths("a\(thumbs)b", width) == [1, width, 1])
    }

    @Test func combiningMarksStayWithTheirLetter() {
        let e = "e\u{301}" // one Character, one column
        #expect(rows("\(e)\(e)\(e)", 2) == ["\(e)\(e)", e])
        #expect(rows("caf\(e) ok", 4) == ["caf\(e)", " ok"])
    }

    @Test func zeroWidthCharactersNeverStartARowAlone() {
        // U+200B after a full row stays on that row.
        let layout = WordWrap.layout(Array("ab\u{200B}cd"), width: 2)
        #expect(layout.map(\.range) == [0..<3, 3..<5, 5..<5])
        // A stray mark at the start of a line stays with the character after it.
        #expect(rows("\u{301}abc", 1) == ["\u{301}a", "b", "c", ""])
        // After a space, it stays with the space when the next word moves down.
        #expect(rows("a \u{200B}bcd", 4) == ["a \u{200B}", "bcd"])
    }

    @Test func widthBelowTwoTerminates() {
        #expect(rows("ab c", 1) == ["a", "b", " ", "c", ""])
        #expect(rows("ab c", 0) == rows("ab c", 1))
        #expect(rows("ab c", -5) == rows("ab c", 1))
        // A glyph wider than the row sits alone on it (a renderer clips it).
        #expect(rows("a你b", 1) == ["a", "你", "b", ""])
        #expect(rows("你", 1) == ["你", ""])
        #expect(rows("", 0) == [""])
    }

    @Test func layoutOfSeveralLinesTagsEachRow() {
        let layout = WordWrap.layout(lines: [Array("one two"), [], Array("three")], width: 4)
        #expect(layout.map(\.line) == [0, 0, 1, 2, 2])
        #expect(layout.map(\.isLast) == [false, true, true, false, true])
    }

    @Test func stringWrapKeepsLineBreaks() {
        #expect(WordWrap.wrap("one two\n\nthree", width: 4) == ["one ", "two", "", "thre", "e"])
    }

    @Test func cursorColumnsAndIndicesInARow() {
        let line = Array("ab你好c")
        let layout = WordWrap.layout(line, width: 10)
        let row = layout[0]
        #expect((0...5).map { WordWrap.column(of: $0, in: row, of: line) } == [0, 1, 2, 4, 6, 7])
        // Aiming at the right half of a wide glyph lands on the glyph.
        #expect((0...8).map { WordWrap.index(atColumn: $0, in: row, of: line) } == [0, 1, 2, 2, 3, 3, 4, 5, 5])
    }

    @Test func indexAtColumnStopsBeforeTheNextRow() {
        let line = Array("hello world")
        let layout = WordWrap.layout(line, width: 6) // "hello " / "world"
        #expect(WordWrap.index(atColumn: 99, in: layout[0], of: line) == 5) // on the space, not past it
        #expect(WordWrap.index(atColumn: 99, in: layout[1], of: line) == 11) // the end-of-line slot
        #expect(WordWrap.rowIndex(containing: 5, in: layout) == 0)
        #expect(WordWrap.rowIndex(containing: 6, in: layout) == 1)
        #expect(WordWrap.rowIndex(containing: 11, in: layout) == 1)
    }

    @Test func fastWidthAgreesWithCellWidth() {
        let samples: [Character] = ["a", " ", "~", "\u{7F}", "\t", "\u{0}", "é", "e\u{301}", "你", "👍🏽", "\u{200B}",
                                    "\u{301}", "\u{3000}", "\u{85}", "🇺🇸", "❤️"]
        for character in samples {
            #expect(WordWrap.cellWidth(character) == CellWidth.of(character), "\(character.unicodeScalars.map(\.value))")
        }
        for value in 0..<0x80 {
            let character = Character(Unicode.Scalar(UInt8(value)))
            #expect(WordWrap.cellWidth(character) == CellWidth.of(character))
        }
    }

    /// The rules hold for many random lines and widths.
    @Test func invariantsOnRandomLines() {
        var random = SplitMix(seed: 7)
        let alphabet: [Character] = ["a", "b", "c", " ", " ", "你", "好", "👍🏽", "e\u{301}", "\u{200B}", "\u{3000}", "x"]
        for _ in 0..<2000 {
            let line = (0..<random.next(upTo: 40)).map { _ in alphabet[random.next(upTo: alphabet.count)] }
            let width = random.next(upTo: 14) - 1
            let limit = max(1, width)
            let layout = WordWrap.layout(line, width: width)
            #expect(WordWrap.rowCount(line, width: width) == layout.count)
            #expect(layout.first?.range.lowerBound == 0)
            #expect(layout.last?.range.upperBound == line.count)
            #expect(layout.last?.isLast == true)
            for (number, row) in layout.enumerated() {
                let columns = row.range.reduce(0) { $0 + CellWidth.of(line[$1]) }
                #expect(row.width == columns)
                if number + 1 < layout.count {
                    #expect(!row.isLast)
                    #expect(!row.range.isEmpty)
                    #expect(row.range.upperBound == layout[number + 1].range.lowerBound)
                    // Only a single glyph wider than the row may overflow it.
                    #expect(row.width <= limit || row.range.filter { CellWidth.of(line[$0]) > 0 }.count == 1)
                } else {
                    #expect(row.width + WordWrap.cursorSlotWidth <= limit) // the cursor slot fits
                }
                if number > 0, !row.range.isEmpty {
                    #expect(CellWidth.of(line[row.range.lowerBound]) > 0, "row starts with a zero-width character")
                }
            }
        }
    }
}

/// A small deterministic generator (no Foundation), for repeatable random tests.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(upTo bound: Int) -> Int {
        Int(next() % UInt64(max(1, bound)))
    }
}
