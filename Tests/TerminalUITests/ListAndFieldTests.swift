import Testing
@testable import TerminalUI

@Suite("ListState: moves stay inside the list")
struct ListStateTests {
    @Test func movesStopAtTheEnds() {
        var list = ListState()
        list.move(by: -1, count: 5)
        #expect(list.selected == 0)
        list.move(by: 3, count: 5)
        #expect(list.selected == 3)
        list.move(by: 10, count: 5)
        #expect(list.selected == 4)
        list.move(by: 1, count: 0) // an empty list has only row 0
        #expect(list.selected == 0)
    }

    @Test func aShorterListPullsTheHighlightBackIn() {
        var list = ListState(selected: 7)
        list.clamp(count: 3)
        #expect(list.selected == 2)
    }

    @Test func theFirstRowDrawnKeepsTheHighlightOnTheBottomRow() {
        #expect(ListState(selected: 2).firstVisible(height: 5) == 0)
        #expect(ListState(selected: 9).firstVisible(height: 5) == 5)
        #expect(ListState(selected: 3).firstVisible(height: 0) == 3) // no room: the highlight alone
    }

    @Test func keepingInSightScrollsAsLittleAsItCan() {
        var list = ListState()
        list.move(by: 6, count: 20)
        list.keepInSight(height: 4)
        #expect(list.scroll == 3)
        list.move(by: -1, count: 20) // still in sight: nothing moves
        list.keepInSight(height: 4)
        #expect(list.scroll == 3)
        list.move(by: -5, count: 20)
        list.keepInSight(height: 4)
        #expect(list.scroll == 0)
    }
}

@Suite("TextFieldState: a one-line field")
struct TextFieldTests {
    @Test func typingGoesInAtTheCursor() {
        var field = TextFieldState(text: "parts")
        field.handle(.home)
        field.handle(.character("m"))
        field.handle(.character("y"))
        field.handle(.character(" "))
        #expect(field.text == "my parts")
        #expect(field.cursor == 3)
        field.handle(.end)
        field.handle(.backspace)
        #expect(field.text == "my part")
    }

    @Test func deletingForwardBackAWordAndToTheStart() {
        var field = TextFieldState(text: "the inner critic")
        field.handle(.control("w"))
        #expect(field.text == "the inner ")
        field.handle(.left)
        field.handle(.left)
        field.handle(.delete)
        #expect(field.text == "the inne ")
        field.handle(.control("u"))
        #expect(field.text == " ")
        #expect(field.cursor == 0)
        field.handle(.backspace) // nothing before the cursor: nothing happens
        #expect(field.text == " ")
    }

    @Test func aFieldTakesOnlyWhatItAcceptsAndNoMoreThanItsLength() {
        var field = TextFieldState(maxLength: 4)
        for character in "20x26-11" { field.handle(.character(character), accepts: { $0.isNumber || $0 == "-" }) }
        #expect(field.text == "2026")
        #expect(TextFieldState(text: "two\nlines").text == "twolines")
    }

    @Test func keysThatAreNotAFieldsAreLeftToTheScreen() {
        var field = TextFieldState(text: "a")
        for key in [Key.enter, .escape, .up] {
            let handled = field.handle(key)
            #expect(!handled, "\(key)")
        }
        #expect(field.text == "a")
    }

    @Test func aLongTextShowsTheCursorsEndMarkedWhereItIsCut() {
        let field = TextFieldState(text: "abcdefghij")
        let shown = field.visible(width: 6)
        #expect(shown.text == "…ghij")
        #expect(shown.cursorX == 5)
        var start = field
        start.handle(.home)
        #expect(start.visible(width: 6).text == "abcdef")
        #expect(start.visible(width: 6).cursorX == 0)
        let short = TextFieldState(text: "ab").visible(width: 6)
        #expect(short.text == "ab" && short.cursorX == 2)
    }
}

@Suite("TextEditorKeys: one key map handles keys and lists them")
struct TextEditorKeysTests {
    @Test func theHelpListsEveryKeyTheEditorHandles() {
        let rows = TextEditorKeys.helpRows(multiline: true)
        let keys = rows.map(\.keys).joined(separator: ", ")
        for key in ["Ctrl-A", "Delete", "Tab", "Backspace", "Ctrl-W", "Ctrl-U", "Home", "End", "PgUp", "Enter", "Ctrl-←"] {
            #expect(keys.contains(key), "help misses \(key)")
        }
        #expect(rows.contains { $0.keys == "←, →, ↑, ↓" && $0.help == "move by character and line" })
        #expect(TextEditorKeys.helpRows(multiline: false).contains { $0.keys == "←, →" && $0.help == "move by character" })
    }

    @Test func everyBindingDoesSomethingToTheText() {
        for binding in TextEditorKeys.map(multiline: true).bindings {
            for key in binding.keys {
                var editor = TextEditorState(text: "one two\nthree four")
                editor.setCursor(TextPosition(line: 1, index: 5))
                let before = editor
                let handled = editor.handle(key: key, width: 40, height: 5)
                #expect(handled, "\(key) not handled")
                #expect(editor != before, "\(key) changed nothing")
            }
        }
    }

    @Test func aOneLineFieldLeavesEnterAndTheVerticalKeysToTheScreen() {
        var editor = TextEditorState(text: "short")
        for key in [Key.enter, .up, .down, .pageUp, .pageDown] {
            let handled = editor.handle(key: key, width: 20, height: 1)
            #expect(!handled, "\(key)")
        }
        editor.handle(key: .tab, width: 20, height: 1)
        #expect(editor.text == "short    ")
        editor.handle(key: .control("a"), width: 20, height: 1)
        #expect(editor.cursor == TextPosition(line: 0, index: 0))
    }
}
