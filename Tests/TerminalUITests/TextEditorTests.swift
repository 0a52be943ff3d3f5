import Testing
@testable import TerminalUI

private func at(_ line: Int, _ index: Int) -> TextPosition {
    TextPosition(line: line, index: index)
}

/// An editor holding `text` with the cursor at `cursor`.
private func editor(_ text: String, cursor: TextPosition? = nil) -> TextEditorState {
    var state = TextEditorState(text: text)
    if let cursor { state.setCursor(cursor) }
    return state
}

private func lineStrings(_ state: TextEditorState) -> [String] {
    state.lines.map { String($0) }
}

/// A long journal answer: `paragraphs` paragraphs of `wordsPerParagraph` words, with some CJK,
/// emoji and combining marks, separated by blank lines.
func longAnswer(paragraphs: Int = 50, wordsPerParagraph: Int = 100) -> String {
    let words = ["the", "morning", "was", "quiet", "and", "I", "noticed", "a", "feeling", "of", "tension", "in",
                 "my", "shoulders", "你好", "世界", "👍🏽", "cafe\u{301}", "naïve", "something", "else", "entirely"]
    var random = SplitMix(seed: 42)
    return (0..<paragraphs).map { _ in
        (0..<wordsPerParagraph).map { _ in words[random.next(upTo: words.count)] }.joined(separator: " ")
    }.joined(separator: "\n\n")
}

@Suite("Text editor state")
struct TextEditorStateTests {
    // MARK: Text in and out

    @Test func initPutsTheCursorAtTheEnd() {
        let state = TextEditorState(text: "one\ntwo")
        #expect(lineStrings(state) == ["one", "two"])
        #expect(state.cursor == at(1, 3))
        #expect(state.text == "one\ntwo")
        #expect(state.scrollTop == 0)
        #expect(state.preferredColumn == nil)
    }

    @Test func emptyTextIsOneEmptyLine() {
        let state = TextEditorState()
        #expect(state.lines == [[]])
        #expect(state.isEmpty)
        #expect(state.text == "")
        #expect(state.cursor == at(0, 0))
        #expect(TextEditorState(text: "\n").lines == [[], []])
    }

    @Test func lineBreaksTabsAndControlsAreNormalised() {
        let state = TextEditorState(text: "a\r\nb\rc\td\u{1B}[1me\u{7}")
        #expect(lineStrings(state) == ["a", "b", "c    d[1me"])
        #expect(state.text == "a\nb\nc    d[1me")
        #expect(TextEditorState.tabWidth == 4)
    }

    @Test func settingTextReplacesEverything() {
        var state = editor("old text", cursor: at(0, 2))
        state.scrollTop = 5
        let revision = state.revision
        state.text = "new\r\nlines here"
        #expect(lineStrings(state) == ["new", "lines here"])
        #expect(state.cursor == at(1, 10))
        #expect(state.scrollTop == 0)
        #expect(state.revision != revision)
    }

    @Test func graphemesAreCharacters() {
        let state = TextEditorState(text: "e\u{301}👍🏽你")
        #expect(state.lines[0].count == 3)
        #expect(state.cursor == at(0, 3))
    }

    // MARK: Inserting

    @Test func insertTypesAtTheCursor() {
        var state = editor("helo", cursor: at(0, 3))
        state.insert("l")
        #expect(state.text == "hello")
        #expect(state.cursor == at(0, 4))
        state.insert(", world")
        #expect(state.text == "hell, worldo")
        #expect(state.cursor == at(0, 11))
    }

    @Test func insertNothingChangesNothing() {
        var state = editor("abc", cursor: at(0, 1))
        let before = state
        state.insert("")
        state.insert("\u{1B}")
        #expect(state == before)
    }

    @Test func insertMultiLineTextSplitsTheLine() {
        var state = editor("hello world", cursor: at(0, 5))
        state.insert("X\nY\r\nZ")
        #expect(lineStrings(state) == ["helloX", "Y", "Z world"])
        #expect(state.cursor == at(2, 1))
    }

    @Test func insertEndingWithANewline() {
        var state = editor("ab", cursor: at(0, 1))
        state.insert("1\n")
        #expect(lineStrings(state) == ["a1", "b"])
        #expect(state.cursor == at(1, 0))
    }

    @Test func insertTabBecomesSpaces() {
        var state = editor("ab", cursor: at(0, 1))
        state.insert("\t")
        #expect(state.text == "a    b")
        #expect(state.cursor == at(0, 5))
    }

    @Test func insertedCombiningMarkJoinsTheLetterBeforeIt() {
        var state = editor("cafe", cursor: at(0, 4))
        state.insert("\u{301}")
        #expect(state.lines[0].count == 4)
        #expect(state.text == "cafe\u{301}")
        #expect(state.cursor == at(0, 4))
        // In the middle of a line too; the cursor stays after the combined character.
        var middle = editor("eX", cursor: at(0, 1))
        middle.insert("\u{301}")
        #expect(middle.lines[0] == ["e\u{301}", "X"])
        #expect(middle.cursor == at(0, 1))
    }

    @Test func insertNewlineSplitsTheLine() {
        var state = editor("abcd", cursor: at(0, 2))
        state.insertNewline()
        #expect(lineStrings(state) == ["ab", "cd"])
        #expect(state.cursor == at(1, 0))
        state.moveToDocumentEnd()
        state.insertNewline()
        #expect(lineStrings(state) == ["ab", "cd", ""])
        state.moveToDocumentStart()
        state.insertNewline()
        #expect(lineStrings(state) == ["", "ab", "cd", ""])
        #expect(state.cursor == at(1, 0))
    }

    @Test func editsBumpTheRevisionMovesDoNot() {
        var state = editor("abc")
        let start = state.revision
        state.moveLeft()
        state.moveToDocumentStart()
        #expect(state.revision == start)
        state.insert("x")
        #expect(state.revision != start)
    }

    // MARK: Deleting

    @Test func deleteBackwardRemovesOneCharacter() {
        var state = editor("ab你👍🏽", cursor: at(0, 4))
        state.deleteBackward()
        #expect(state.text == "ab你")
        state.deleteBackward()
        #expect(state.text == "ab")
        #expect(state.cursor == at(0, 2))
        var accent = editor("cafe\u{301}!", cursor: at(0, 4))
        accent.deleteBackward() // the whole "é", not just its accent
        #expect(accent.text == "caf!")
    }

    @Test func deleteBackwardAtLineStartJoinsLines() {
        var state = editor("one\ntwo", cursor: at(1, 0))
        state.deleteBackward()
        #expect(lineStrings(state) == ["onetwo"])
        #expect(state.cursor == at(0, 3))
        state.moveToDocumentStart()
        state.deleteBackward()
        #expect(state.text == "onetwo")
        #expect(state.cursor == at(0, 0))
    }

    @Test func deletingCanJoinAMarkToALetter() {
        var state = editor("e\n\u{301}x", cursor: at(1, 0))
        #expect(state.lines == [["e"], ["\u{301}", "x"]])
        state.deleteBackward()
        #expect(state.lines == [["e\u{301}", "x"]])
        #expect(state.cursor == at(0, 1))
    }

    @Test func deleteForwardRemovesTheNextCharacterOrJoins() {
        var state = editor("abc\ndef", cursor: at(0, 1))
        state.deleteForward()
        #expect(lineStrings(state) == ["ac", "def"])
        #expect(state.cursor == at(0, 1))
        state.moveToLineEnd()
        state.deleteForward()
        #expect(lineStrings(state) == ["acdef"])
        #expect(state.cursor == at(0, 2))
        state.moveToDocumentEnd()
        state.deleteForward()
        #expect(state.text == "acdef")
    }

    @Test func deleteWordBackwardDeletesSpacesThenTheWord() {
        var state = editor("hello big   world")
        state.deleteWordBackward()
        #expect(state.text == "hello big   ")
        state.deleteWordBackward()
        #expect(state.text == "hello ")
        state.deleteWordBackward()
        #expect(state.text == "")
        var middle = editor("one two three", cursor: at(0, 7))
        middle.deleteWordBackward()
        #expect(middle.text == "one  three")
        #expect(middle.cursor == at(0, 4))
    }

    @Test func deleteWordBackwardAtLineStartJoinsLines() {
        var state = editor("one\ntwo", cursor: at(1, 0))
        state.deleteWordBackward()
        #expect(state.text == "onetwo")
        #expect(state.cursor == at(0, 3))
    }

    @Test func deleteToLineStartDeletesBeforeTheCursor() {
        var state = editor("first\nabc def", cursor: at(1, 4))
        state.deleteToLineStart()
        #expect(lineStrings(state) == ["first", "def"])
        #expect(state.cursor == at(1, 0))
        state.deleteToLineStart()
        #expect(lineStrings(state) == ["first", "def"])
    }

    // MARK: Moving by character, word, line, document

    @Test func leftAndRightCrossLines() {
        var state = editor("ab\ncd", cursor: at(0, 1))
        state.moveRight()
        #expect(state.cursor == at(0, 2))
        state.moveRight()
        #expect(state.cursor == at(1, 0))
        state.moveLeft()
        #expect(state.cursor == at(0, 2))
        state.moveToDocumentStart()
        state.moveLeft()
        #expect(state.cursor == at(0, 0))
        state.moveToDocumentEnd()
        state.moveRight()
        #expect(state.cursor == at(1, 2))
    }

    @Test func wordMovesGoToWordEndsAndStarts() {
        var state = editor("one two\n  three", cursor: at(0, 0))
        state.moveWordRight()
        #expect(state.cursor == at(0, 3))
        state.moveWordRight()
        #expect(state.cursor == at(0, 7))
        state.moveWordRight()
        #expect(state.cursor == at(1, 7))
        state.moveWordRight()
        #expect(state.cursor == at(1, 7))
        state.moveWordLeft()
        #expect(state.cursor == at(1, 2))
        state.moveWordLeft()
        #expect(state.cursor == at(0, 4))
        state.moveWordLeft()
        #expect(state.cursor == at(0, 0))
        state.moveWordLeft()
        #expect(state.cursor == at(0, 0))
    }

    @Test func homeAndEndGoToTheLogicalLine() {
        // Even on a wrapped line, Home/End reach the logical line's start and end.
        var state = editor("first\nhello world again", cursor: at(1, 8))
        state.moveToLineStart()
        #expect(state.cursor == at(1, 0))
        state.moveToLineEnd()
        #expect(state.cursor == at(1, 17))
    }

    @Test func documentStartAndEnd() {
        var state = editor("a\nbc\ndef", cursor: at(1, 1))
        state.moveToDocumentStart()
        #expect(state.cursor == at(0, 0))
        state.moveToDocumentEnd()
        #expect(state.cursor == at(2, 3))
    }

    @Test func setCursorClamps() {
        var state = editor("ab\ncd")
        state.setCursor(at(9, 9))
        #expect(state.cursor == at(1, 2))
        state.setCursor(at(-1, -1))
        #expect(state.cursor == at(0, 0))
        state.setCursor(at(0, 9))
        #expect(state.cursor == at(0, 2))
    }

    // MARK: Moving by visual row

    @Test func upAndDownKeepThePreferredColumnAcrossAShortLine() {
        var state = editor("hello world foo\nhi\nanother line here", cursor: at(0, 10))
        state.moveDown(width: 80)
        #expect(state.cursor == at(1, 2))
        #expect(state.preferredColumn == 10)
        state.moveDown(width: 80)
        #expect(state.cursor == at(2, 10))
        state.moveUp(width: 80)
        #expect(state.cursor == at(1, 2))
        state.moveUp(width: 80)
        #expect(state.cursor == at(0, 10))
        // Any other move forgets it.
        state.moveLeft()
        #expect(state.preferredColumn == nil)
    }

    @Test func upAndDownKeepTheVisualColumnThroughWideCharacters() {
        // bubbles' TestVerticalNavigationKeepsCursorHorizontalPosition.
        var state = editor("你好你好\nHello world", cursor: at(0, 2)) // column 4
        state.moveDown(width: 80)
        #expect(state.cursor == at(1, 4))
        state.moveUp(width: 80)
        #expect(state.cursor == at(0, 2))
        // Column 3 is the right half of 好: up lands on it, and down goes back to column 3.
        state.setCursor(at(1, 3))
        state.moveUp(width: 80)
        #expect(state.cursor == at(0, 1))
        state.moveDown(width: 80)
        #expect(state.cursor == at(1, 3))
    }

    @Test func upAndDownMoveByVisualRowsInAWrappedLine() {
        // At width 5: "aaaa " / "bbbb " / "cccc"
        var state = editor("aaaa bbbb cccc", cursor: at(0, 2))
        state.moveDown(width: 5)
        #expect(state.cursor == at(0, 7))
        state.moveDown(width: 5)
        #expect(state.cursor == at(0, 12))
        state.moveDown(width: 5) // no row below: to the end, keeping the column
        #expect(state.cursor == at(0, 14))
        state.moveUp(width: 5)
        #expect(state.cursor == at(0, 7))
        // A long preferred column stops on the row's last character, not on the next row.
        state.setCursor(at(0, 14))
        state.moveUp(width: 5)
        #expect(state.cursor == at(0, 9))
    }

    @Test func upFromTheFirstRowGoesToTheStartAndBackDown() {
        var state = editor("abcdef\nxyz", cursor: at(0, 4))
        state.moveUp(width: 80)
        #expect(state.cursor == at(0, 0))
        state.moveDown(width: 80)
        #expect(state.cursor == at(1, 3))
        state.moveUp(width: 80)
        #expect(state.cursor == at(0, 4))
    }

    @Test func downReachesTheEmptyRowAfterAnExactlyFullLine() {
        var state = editor("hello\nab", cursor: at(0, 0))
        state.moveDown(width: 5) // "hello" / "" (the cursor slot) / "ab"
        #expect(state.cursor == at(0, 5))
        state.moveDown(width: 5)
        #expect(state.cursor == at(1, 0))
        state.moveUp(width: 5)
        state.moveUp(width: 5)
        #expect(state.cursor == at(0, 0))
    }

    @Test func pageDownAndUpMoveAndScrollByAPage() {
        let text = (0..<20).map { "line \($0)" }.joined(separator: "\n")
        var state = editor(text, cursor: at(0, 3))
        state.pageDown(width: 20, height: 5)
        #expect(state.cursor == at(4, 3))
        #expect(state.scrollTop == 4)
        state.pageDown(width: 20, height: 5)
        #expect(state.cursor == at(8, 3))
        #expect(state.scrollTop == 8)
        state.pageUp(width: 20, height: 5)
        #expect(state.cursor == at(4, 3))
        #expect(state.scrollTop == 4)
        for _ in 0..<10 { state.pageDown(width: 20, height: 5) }
        #expect(state.cursor == state.endPosition)
        #expect(state.scrollTop == 15)
        for _ in 0..<10 { state.pageUp(width: 20, height: 5) }
        #expect(state.cursor == at(0, 0))
        #expect(state.scrollTop == 0)
    }

    @Test func pageMovesGoByVisualRows() {
        // One logical line of 12 rows at width 5.
        let text = Array(repeating: "word", count: 12).joined(separator: " ")
        var state = editor(text, cursor: at(0, 1))
        state.pageDown(width: 5, height: 4)
        #expect(state.cursor == at(0, 16)) // 3 rows down, column 1
        #expect(state.cursorVisualPosition(width: 5) == Point(x: 1, y: 3))
    }

    // MARK: Scrolling

    @Test func scrollFollowsTheCursorDownAndUp() {
        var state = TextEditorState()
        for number in 0..<10 {
            if number > 0 { state.insertNewline() }
            state.insert("line \(number)")
            state.ensureCursorVisible(width: 20, height: 3)
        }
        #expect(state.scrollTop == 7)
        state.moveUp(width: 20)
        state.moveUp(width: 20)
        state.ensureCursorVisible(width: 20, height: 3)
        #expect(state.scrollTop == 7)
        state.moveUp(width: 20)
        state.ensureCursorVisible(width: 20, height: 3)
        #expect(state.scrollTop == 6)
        state.moveToDocumentStart()
        state.ensureCursorVisible(width: 20, height: 3)
        #expect(state.scrollTop == 0)
    }

    @Test func scrollCountsWrappedRows() {
        var state = editor("aaaa bbbb cccc dddd\nend") // 4 rows at width 5, then 1
        state.ensureCursorVisible(width: 5, height: 2)
        #expect(state.cursorVisualPosition(width: 5) == Point(x: 3, y: 4))
        #expect(state.visualRowCount(width: 5) == 5)
        #expect(state.scrollTop == 3)
    }

    @Test func scrollDoesNotStayPastTheEndAfterDeleting() {
        let text = (0..<10).map { "line \($0)" }.joined(separator: "\n")
        var state = editor(text)
        state.ensureCursorVisible(width: 20, height: 4)
        #expect(state.scrollTop == 6)
        state.text = "short\ntext"
        state.scrollTop = 6
        state.moveToDocumentStart()
        state.ensureCursorVisible(width: 20, height: 4)
        #expect(state.scrollTop == 0)
    }

    @Test func resizingReflowsAndKeepsTheCursorVisible() {
        var state = editor(Array(repeating: "word", count: 40).joined(separator: " "))
        state.ensureCursorVisible(width: 80, height: 3)
        #expect(state.scrollTop == 0)
        state.ensureCursorVisible(width: 10, height: 3)
        let row = state.cursorVisualPosition(width: 10).y
        #expect(row == 19)
        #expect(state.scrollTop == row - 2)
    }

    // MARK: Long texts

    @Test func pastingALongAnswerIsOneEdit() {
        let answer = longAnswer()
        var state = editor("Before. After.", cursor: at(0, 8))
        let revision = state.revision
        state.insert(answer)
        #expect(state.revision == revision &+ 1)
        #expect(state.text == "Before. " + answer + "After.")
        #expect(state.lines.count == 99)
        #expect(state.cursor.line == 98)
        #expect(String(state.lines[98][state.cursor.index...]) == "After.")
        // What it holds is what its text would give back.
        #expect(TextEditorState(text: state.text).lines == state.lines)
    }

    @Test func randomEditsKeepLinesAndCursorConsistent() {
        var random = SplitMix(seed: 3)
        var state = TextEditorState()
        let inputs = ["a", " ", "你", "👍🏽", "e", "\u{301}", "\u{200B}", "\n", "xy\nz", "\t", "\r\n"]
        for _ in 0..<3000 {
            switch random.next(upTo: 14) {
            case 0...4: state.insert(inputs[random.next(upTo: inputs.count)])
            case 5: state.deleteBackward()
            case 6: state.deleteForward()
            case 7: state.deleteWordBackward()
            case 8: state.moveLeft()
            case 9: state.moveRight()
            case 10: state.moveUp(width: 7)
            case 11: state.moveDown(width: 7)
            case 12: state.insertNewline()
            default: state.moveWordLeft()
            }
            #expect(state.cursor.line >= 0 && state.cursor.line < state.lines.count)
            #expect(state.cursor.index >= 0 && state.cursor.index <= state.lines[state.cursor.line].count)
        }
        #expect(TextEditorState(text: state.text).lines == state.lines)
        #expect(!state.text.contains("\t") && !state.text.contains("\r"))
    }

    /// Only a generous sanity bound (timing assertions flake): the real target, well under
    /// 5 ms per keystroke in a release build, is measured outside the tests.
    @Test func typingInALongAnswerIsFast() {
        var state = TextEditorState(text: longAnswer())
        let view = TextEditorView()
        let clock = ContinuousClock()
        var buffer = Buffer(width: 200, height: 60)
        let rounds = 10
        let elapsed = clock.measure {
            for _ in 0..<rounds {
                state.insert("x")
                state.ensureCursorVisible(width: 200, height: 60)
                buffer = Buffer(width: 200, height: 60)
                view.render(state, in: buffer.area, into: &buffer)
            }
        }
        #expect(elapsed / rounds < .milliseconds(50))
        #expect(buffer.text.hasSuffix("xxxxxxxxxx")) // the last row shows what was typed
    }
}

@Suite("Text editor view")
struct TextEditorViewTests {
    private func render(_ state: TextEditorState, width: Int, height: Int,
                        view: TextEditorView = TextEditorView()) -> (lines: [String], cursor: Point?) {
        var buffer = Buffer(width: width, height: height)
        let cursor = view.render(state, in: buffer.area, into: &buffer)
        return (buffer.lines, cursor)
    }

    @Test func wrapsIntoTheArea() {
        let (lines, cursor) = render(editor("hello world, this is wrapped"), width: 10, height: 4)
        #expect(lines == [
            "hello     ",
            "world,    ",
            "this is   ",
            "wrapped   ",
        ])
        #expect(cursor == Point(x: 7, y: 3))
    }

    @Test func emptyRowsBelowTheText() {
        let (lines, cursor) = render(editor("one\n\ntwo", cursor: at(1, 0)), width: 10, height: 4)
        #expect(lines == [
            "one       ",
            "          ",
            "two       ",
            "          ",
        ])
        #expect(cursor == Point(x: 0, y: 1))
    }

    @Test func wideCharactersAndTheirGap() {
        let (lines, cursor) = render(editor("你好你好"), width: 5, height: 2)
        #expect(lines == [
            "你好 ",
            "你好 ",
        ])
        #expect(cursor == Point(x: 4, y: 1))
    }

    @Test func emojiAndCombiningMarks() {
        let (lines, cursor) = render(editor("cafe\u{301} 👍🏽 ok"), width: 10, height: 2)
        #expect(lines == [
            "cafe\u{301} 👍🏽 ",
            "ok        ",
        ])
        #expect(cursor == Point(x: 2, y: 1))
    }

    @Test func cursorAfterAnExactlyFullRowIsOnTheNextRow() {
        let (lines, cursor) = render(editor("hello"), width: 5, height: 2)
        #expect(lines == ["hello", "     "])
        #expect(cursor == Point(x: 0, y: 1))
    }

    @Test func drawsFromScrollTop() {
        var state = editor("one\ntwo\nthree\nfour\nfive", cursor: at(3, 2))
        state.scrollTop = 2
        let (lines, cursor) = render(state, width: 6, height: 2)
        #expect(lines == ["three ", "four  "])
        #expect(cursor == Point(x: 2, y: 1))
    }

    @Test func cursorOutOfViewIsNil() {
        var state = editor("one\ntwo\nthree", cursor: at(0, 1))
        state.scrollTop = 1
        let (lines, cursor) = render(state, width: 6, height: 2)
        #expect(lines == ["two   ", "three "])
        #expect(cursor == nil)
    }

    @Test func scrollingWithTheCursorWhileTyping() {
        var state = TextEditorState()
        var buffer = Buffer(width: 8, height: 3)
        var cursor: Point?
        for word in ["alpha ", "beta ", "gamma ", "delta ", "epsilon"] {
            state.insert(word)
            state.ensureCursorVisible(width: 8, height: 3)
            cursor = TextEditorView().render(state, in: buffer.area, into: &buffer)
        }
        #expect(buffer.lines == [
            "gamma   ",
            "delta   ",
            "epsilon ",
        ])
        #expect(cursor == Point(x: 7, y: 2))
    }

    @Test func drawsOnlyInsideItsArea() {
        var buffer = Buffer(width: 10, height: 4)
        for y in 0..<4 { buffer.put(String(repeating: "#", count: 10), x: 0, y: y) }
        let state = editor("abc defgh")
        let cursor = TextEditorView().render(state, in: Rect(x: 2, y: 1, width: 5, height: 2), into: &buffer)
        #expect(buffer.lines == [
            "##########",
            "##abc  ###",
            "##defgh###",
            "##########",
        ])
        #expect(cursor == nil) // the cursor slot is on a third row, below the area
    }

    @Test func cursorIsOffsetByTheArea() {
        var buffer = Buffer(width: 10, height: 4)
        let cursor = TextEditorView().render(editor("ab\ncd", cursor: at(1, 1)), in: Rect(x: 3, y: 1, width: 5, height: 3),
                                             into: &buffer)
        #expect(cursor == Point(x: 4, y: 2))
        #expect(buffer.lines == ["          ", "   ab     ", "   cd     ", "          "])
    }

    @Test func wideGlyphsStraddlingTheAreaEdgesAreNotLeftHalfDrawn() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.put("你好你", x: 0, y: 0) // cells: 你 _ 好 _ 你 _
        TextEditorView().render(editor("ab"), in: Rect(x: 1, y: 0, width: 4, height: 1), into: &buffer)
        #expect(buffer.lines == [" ab   "])
        #expect(buffer[5, 0].text == " ")
    }

    @Test func usesTheGivenStyle() {
        var buffer = Buffer(width: 4, height: 2)
        TextEditorView().render(editor("ab"), in: buffer.area, into: &buffer, style: .bold)
        #expect(buffer[0, 0] == Cell(text: "a", style: .bold))
        #expect(buffer[3, 1] == Cell(text: " ", style: .bold))
    }

    @Test func placeholderWhenEmpty() {
        var buffer = Buffer(width: 10, height: 3)
        let view = TextEditorView(placeholder: "Write what comes up")
        let cursor = view.render(TextEditorState(), in: buffer.area, into: &buffer)
        #expect(buffer.lines == [
            "Write     ",
            "what      ",
            "comes up  ",
        ])
        #expect(buffer[0, 0].style.dim)
        #expect(!buffer[9, 2].style.dim)
        #expect(cursor == Point(x: 0, y: 0))
        // Not once there is text.
        var typed = Buffer(width: 10, height: 3)
        view.render(editor("x"), in: typed.area, into: &typed)
        #expect(typed.lines == ["x         ", "          ", "          "])
    }

    @Test func tinyAreasDoNotCrash() {
        let state = editor("你好 abc\n👍🏽")
        for (width, height) in [(1, 1), (1, 5), (2, 1), (3, 3)] {
            let (lines, cursor) = render(state, width: width, height: height)
            #expect(lines.count == height)
            if let cursor { #expect(cursor.x < width && cursor.y < height) }
        }
        var buffer = Buffer(width: 3, height: 3)
        #expect(TextEditorView().render(state, in: Rect(x: 0, y: 0, width: 0, height: 3), into: &buffer) == nil)
        #expect(TextEditorView().render(state, in: Rect(x: 5, y: 5, width: 3, height: 3), into: &buffer) == nil)
    }

    @Test func aLongAnswerRendersItsVisibleRows() {
        var state = TextEditorState(text: longAnswer())
        state.ensureCursorVisible(width: 80, height: 24)
        var buffer = Buffer(width: 80, height: 24)
        let cursor = TextEditorView().render(state, in: buffer.area, into: &buffer)
        let position = state.cursorVisualPosition(width: 80)
        #expect(cursor == Point(x: position.x, y: 23))
        #expect(state.scrollTop == state.visualRowCount(width: 80) - 24)
        // The last visible row is the end of the last paragraph.
        let lastRow = WordWrap.wrap(String(state.lines[state.lines.count - 1]), width: 80).last ?? ""
        #expect(buffer.lines[23].hasPrefix(lastRow))
    }
}
