import JournalCore
import TerminalUI

/// How a step is laid out in the window: the prompt and hint wrapped whole, and, when they and
/// the answer do not all fit, which part of the tall page shows. Shared by the view and by
/// `update` (PgUp/PgDn scroll the page by hand).
struct SessionPage {
    /// The first row under the progress line (right under it in a short window).
    let top: Int
    let promptRows: [String]
    let hintRows: [String]
    /// The prompt, hint and a blank row.
    let header: Int
    /// Rows from `top` to above the answer's own notes.
    let viewport: Int
    let fits: Bool
    /// The answer's rows on the tall page (when it does not fit).
    let inputHeight: Int
    /// The rows of the answer (from its top) that must stay in sight.
    let focus: Range<Int>

    init(step: PresentedStep, session: SessionState, parts: [Part], size: Size) {
        let margin = SessionLayout.margin(size)
        let width = min(size.width - 2 * margin, SessionLayout.maxLineWidth)
        promptRows = Paragraph.wrap(step.text, width: width)
        hintRows = step.hint.isEmpty ? [] : Paragraph.wrap(step.hint, width: width)
        header = promptRows.count + hintRows.count + 1
        // Rows from under the progress line to above the row for notes about the answer; a short
        // window gives up the blank rows around them.
        let short = size.height < 16
        top = short ? 1 : 2
        viewport = max(1, size.height - 2 - (short ? 0 : 1) - top)
        let natural = Self.naturalInputHeight(step: step, session: session, parts: parts, width: width)
        fits = header + natural <= viewport
        // Cut, a long answer gets what is left under the question, three rows at least.
        inputHeight = step.step.kind == .longText ? max(3, min(natural, viewport - header)) : natural
        focus = Self.focusRows(step: step, session: session, parts: parts, width: width, inputHeight: inputHeight)
    }

    /// The tall page's height.
    var height: Int { header + inputHeight }

    /// The first row of the page shown: as near the top as keeps the focus in sight, or where
    /// the person scrolled to.
    func offset(scrolled: Int?) -> Int {
        let last = max(0, height - viewport)
        if let scrolled { return max(0, min(scrolled, last)) }
        var offset = 0
        if header + focus.upperBound > viewport { offset = header + focus.upperBound - viewport }
        if header + focus.lowerBound < offset { offset = header + focus.lowerBound }
        return max(0, min(offset, last))
    }

    /// The rows an answer needs to be seen whole (a long answer: enough to write in).
    static func naturalInputHeight(step: PresentedStep, session: SessionState, parts: [Part], width: Int) -> Int {
        switch (step.step.kind, session.input) {
        case (.pause, _): return 2
        case (.message, _), (.call, _): return 1
        case (.longText, _): return 6
        case (.shortText, _), (.feelToward, _): return 2
        case (.choice(let options, let allowsOther), _):
            return options.enumerated().reduce(0) { $0 + Paragraph.wrap("\($1.offset + 1). \($1.element)", width: width - 2).count }
                + (allowsOther ? 1 : 0)
        case (.multipleChoice(let options, let allowsOther), _):
            return options.enumerated().reduce(0) { $0 + Paragraph.wrap("[ ] \($1.offset + 1). \($1.element)", width: width - 2).count }
                + (allowsOther ? 1 : 0)
        case (.scale, _): return 6
        case (.part(let allowsNew), .part(let name, _)):
            return 2 + max(1, min(4, SessionLogic.partRows(EditorBridge.text(of: name), parts: parts, allowsNew: allowsNew).count))
        case (.part, _): return 3
        case (.selfCheck(let qualities), _):
            return qualities.count + 1 + Paragraph.wrap(SessionView.selfCheckHint, width: width).count
        }
    }

    /// Which rows of the answer (from its top) must stay in sight: the option or quality picked,
    /// the field being typed in.
    static func focusRows(step: PresentedStep, session: SessionState, parts: [Part], width: Int, inputHeight: Int) -> Range<Int> {
        func optionRows(_ labels: [String], selected: Int) -> Range<Int> {
            var row = 0
            for (index, label) in labels.enumerated() {
                let height = Paragraph.wrap(label, width: width - 2).count
                if index == selected { return row..<(row + height) }
                row += height
            }
            return row..<(row + 1) // the own-words row after the options
        }
        switch (step.step.kind, session.input) {
        case (.choice(let options, _), .choice(let selected, _)):
            return optionRows(options.enumerated().map { "\($0.offset + 1). \($0.element)" }, selected: selected)
        case (.multipleChoice(let options, _), .multipleChoice(let selected, _, _)):
            return optionRows(options.enumerated().map { "[ ] \($0.offset + 1). \($0.element)" }, selected: selected)
        case (.selfCheck, .selfCheck(let selected, _, _)):
            return selected..<(selected + 1)
        case (.scale, _):
            return 1..<2 // the numbers; the labels under them may be cut
        case (.part, .part(_, let selected)):
            return 0..<(selected < 0 ? 1 : min(inputHeight, 3 + selected))
        default:
            return 0..<inputHeight
        }
    }

}
