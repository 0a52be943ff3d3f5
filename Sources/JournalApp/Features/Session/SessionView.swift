import JournalCore
import TerminalUI

enum SessionView {
    static func render(context: AppContext, session: SessionState, into frame: inout Frame) {
        let theme = context.theme
        let size = frame.size
        let margin = SessionLayout.margin(size)
        // On a very wide window, lines stay a comfortable length to read.
        let width = min(size.width - 2 * margin, SessionLayout.maxLineWidth)
        let content = Rect(x: margin, y: 0, width: width, height: size.height - 2)

        if let offer = session.offer {
            renderReturnOffer(offer, choice: session.returnChoice, in: content, into: &frame, theme: theme)
            return
        }
        guard let step = context.engine.currentStep(session.run) else { return }

        // A quiet progress line: where we are, in which flow, with which part.
        var progress = step.flow.title
        if let number = step.number, let count = step.count { progress += " · step \(number) of \(count)" }
        if let focus = step.focusName { progress += " · with \(focus)" }
        if step.depth > 0, let root = context.environment.library.flow(session.run.rootFlowID) { progress = "\(root.title) › " + progress }
        frame.buffer.put(progress.truncated(toWidth: size.width - 4), x: 2, y: 0, style: theme.quiet)

        let parts = context.engine.parts(run: session.run)
        let page = SessionPage(step: step, session: session, parts: parts, size: size)
        func drawHeader(into frame: inout Frame, at y: Int) -> Int {
            var row = y
            for line in page.promptRows { frame.buffer.put(line, x: content.x, y: row, style: theme.prompt); row += 1 }
            for line in page.hintRows { frame.buffer.put(line, x: content.x, y: row, style: theme.hint); row += 1 }
            return row + 1
        }

        if page.fits {
            // Everything fits: the answer takes the rest of the screen.
            let y = drawHeader(into: &frame, at: page.top)
            let inputArea = Rect(x: content.x, y: y, width: content.width, height: max(1, page.top + page.viewport - y))
            renderInput(step: step, session: session, parts: parts, now: context.now, in: inputArea, into: &frame, theme: theme)
        } else {
            // A small window: the prompt, its hint and the answer scroll together, keeping what is
            // being answered in sight (PgUp/PgDn scroll by hand); "…" in the margin marks a cut.
            var tall = Frame(size: Size(width: size.width, height: page.height))
            let y = drawHeader(into: &tall, at: 0)
            renderInput(step: step, session: session, parts: parts, now: context.now,
                        in: Rect(x: content.x, y: y, width: content.width, height: page.inputHeight), into: &tall, theme: theme)
            let offset = page.offset(scrolled: session.pageScroll)
            frame.buffer.copyRows(from: tall.buffer, rows: offset..<min(page.height, offset + page.viewport), toY: page.top)
            if let cursor = tall.cursor, cursor.y >= offset, cursor.y < offset + page.viewport {
                frame.cursor = Point(x: cursor.x, y: cursor.y - offset + page.top)
            } else {
                frame.cursor = nil
            }
            let mark = max(0, content.x - 2)
            if offset > 0 { frame.buffer.put("…", x: mark, y: page.top, style: theme.quiet) }
            if offset + page.viewport < page.height {
                frame.buffer.put("…", x: mark, y: page.top + page.viewport - 1, style: theme.quiet)
            }
        }
        if let hint = session.hint {
            // A note about the answer, read whole: it wraps upward, two rows at most.
            var rows = Paragraph.wrap(hint, width: content.width)
            if rows.count > 2 { rows = [rows[0], rows[1...].joined(separator: " ").truncated(toWidth: content.width)] }
            for (index, row) in rows.enumerated() {
                let y = size.height - 1 - rows.count + index
                frame.buffer.fill(Rect(x: content.x, y: y, width: content.width, height: 1))
                frame.buffer.put(row, x: content.x, y: y, style: theme.notice)
            }
        }
    }

    static func renderReturnOffer(_ offer: ReturnOffer, choice: Int, in area: Rect, into frame: inout Frame, theme: Theme) {
        var y = area.y + 2
        y += Paragraph.render("Welcome back. What would you like to do now?",
                              in: Rect(x: area.x, y: y, width: area.width, height: 3), into: &frame.buffer, style: theme.prompt) + 1
        for (index, label) in offer.choices.enumerated() {
            let selected = index == choice
            frame.buffer.put(selected ? "▸ " : "  ", x: area.x, y: y)
            frame.buffer.put(label, x: area.x + 2, y: y, style: selected ? theme.selected : .plain)
            y += 1
        }
    }

    static func renderInput(step: PresentedStep, session: SessionState, parts: [Part], now: Int, in area: Rect,
                            into frame: inout Frame, theme: Theme) {
        switch (step.step.kind, session.input) {
        case (.pause, .pause(let startedAt, let seconds)):
            let elapsed = max(0, now - startedAt) / 1000
            if let seconds, elapsed < seconds {
                let left = seconds - elapsed
                let dots = String(repeating: "●", count: min(20, left)) + String(repeating: "○", count: min(20, max(0, seconds - left)))
                frame.buffer.put(dots.truncated(toWidth: area.width), x: area.x, y: area.y, style: theme.quiet)
                frame.buffer.put("\(left) s · Enter when you are ready", x: area.x, y: area.y + 1, style: theme.quiet)
            } else {
                frame.buffer.put("Take the time you need. Enter when you are ready.", x: area.x, y: area.y, style: theme.quiet)
            }
        case (.message, _):
            frame.buffer.put("Enter to continue", x: area.x, y: area.y, style: theme.quiet)
        case (.longText, .text(let editor)):
            frame.cursor = EditorBridge.render(editor, in: area, into: &frame.buffer, placeholder: "Write here…", theme: theme)
        case (.shortText, .text(let editor)), (.feelToward, .text(let editor)):
            let box = Rect(x: area.x, y: area.y, width: area.width, height: min(4, area.height))
            frame.cursor = EditorBridge.render(editor, in: box, into: &frame.buffer, placeholder: "Type your answer…", theme: theme)
        case (.choice(let options, let allowsOther), .choice(let selected, let other)):
            var y = area.y
            for (index, option) in options.enumerated() where y < area.maxY {
                renderOption("\(index + 1). \(option)", selected: index == selected, at: &y, area: area, into: &frame, theme: theme)
            }
            if allowsOther, y < area.maxY {
                renderOwnWords(other, label: "Your own words: ", placeholder: "just start typing",
                               selected: selected == options.count, y: y, area: area, into: &frame, theme: theme)
            }
        case (.multipleChoice(let options, let allowsOther), .multipleChoice(let selected, let checked, let other)):
            var y = area.y
            for (index, option) in options.enumerated() where y < area.maxY {
                let box = checked.contains(index) ? "[x]" : "[ ]"
                renderOption("\(box) \(index + 1). \(option)", selected: index == selected, at: &y, area: area, into: &frame, theme: theme)
            }
            if allowsOther, y < area.maxY {
                renderOwnWords(other, label: "Also: ", placeholder: "your own words",
                               selected: selected == options.count, y: y, area: area, into: &frame, theme: theme)
            }
        case (.scale(let low, let high, let lowLabel, let highLabel, _), .scale(let value, _)):
            renderScale(low: low, high: high, lowLabel: lowLabel, highLabel: highLabel, value: value, in: area, into: &frame, theme: theme)
        case (.part, .part(let name, let selected)):
            let label = "Name: "
            frame.buffer.put(label, x: area.x, y: area.y, style: theme.quiet)
            let field = Rect(x: area.x + CellWidth.of(label), y: area.y, width: area.width - CellWidth.of(label), height: 1)
            frame.cursor = EditorBridge.render(name, in: field, into: &frame.buffer, placeholder: "type a name, or pick below",
                                               theme: theme)
            var y = area.y + 2
            var allowsNew = true
            if case .part(let allowed) = step.step.kind { allowsNew = allowed }
            let rows = SessionLogic.partRows(EditorBridge.text(of: name), parts: parts, allowsNew: allowsNew)
            let visible = max(1, area.maxY - y)
            let first = max(0, selected - visible + 1)
            for (index, row) in rows.enumerated().dropFirst(first) where y < area.maxY {
                let isSelected = index == selected
                frame.buffer.put(isSelected ? "▸ " : "  ", x: area.x, y: y)
                switch row {
                case .new(let newName):
                    frame.buffer.put("New part: \(newName)".truncated(toWidth: area.width - 2), x: area.x + 2, y: y,
                                     style: isSelected ? theme.selected : theme.accent)
                case .known(let part):
                    let style = isSelected ? theme.selected : theme.part(part.colour.flatMap(Color.init(rawValue:)))
                    let used = frame.buffer.put(part.name.truncated(toWidth: area.width - 4), x: area.x + 2, y: y, style: style)
                    if part.role != .unknown {
                        frame.buffer.put("  \(part.role.rawValue)", x: area.x + 2 + used, y: y, style: theme.quiet, clip: area)
                    }
                }
                y += 1
            }
            if rows.isEmpty {
                frame.buffer.put("Type a name for this part.", x: area.x, y: y, style: theme.quiet)
            }
        case (.selfCheck(let qualities), .selfCheck(let selected, let ratings, _)):
            let labelWidth = 16
            let spaced = area.width >= 2 + labelWidth + 20 + 4 // dots with gaps when there is room
            // In a small window the list scrolls to keep the chosen quality in sight.
            let first = max(0, min(selected - area.height + 1, qualities.count - area.height))
            for (row, quality) in qualities.enumerated().dropFirst(first).map({ $0 }).enumerated() where area.y + row < area.maxY {
                let (index, quality) = quality
                let y = area.y + row
                let isSelected = index == selected
                frame.buffer.put(isSelected ? "▸ " : "  ", x: area.x, y: y)
                frame.buffer.put(quality.label, x: area.x + 2, y: y, style: isSelected ? theme.selected : .plain)
                let value = ratings[quality]
                var x = area.x + 2 + labelWidth
                for point in 1...10 where x + 2 < area.maxX {
                    let mark = value.map { point <= $0 ? "●" : "○" } ?? "·"
                    x += frame.buffer.put(spaced ? mark + " " : mark, x: x, y: y, style: value == nil ? theme.quiet : .plain)
                }
                frame.buffer.put(value.map(String.init) ?? "–", x: x + 1, y: y, style: theme.prompt, clip: area)
            }
            if area.y + qualities.count + 1 < area.maxY {
                let y = area.y + qualities.count + 1
                Paragraph.render(selfCheckHint, in: Rect(x: area.x, y: y, width: area.width, height: area.maxY - y),
                                 into: &frame.buffer, style: theme.quiet)
            }
        default:
            break
        }
    }

    static let selfCheckHint = "↑↓ choose · ←→ or 0-10 rate it (1 then 0 is 10) · leave any unrated"

    /// The "in your own words" row under a choice's options: a one-line field.
    static func renderOwnWords(_ editor: TextEditorState?, label: String, placeholder: String, selected: Bool, y: Int,
                               area: Rect, into frame: inout Frame, theme: Theme) {
        frame.buffer.put(selected ? "▸ " : "  ", x: area.x, y: y)
        frame.buffer.put(label, x: area.x + 2, y: y, style: selected ? theme.selected : theme.quiet)
        let field = Rect(x: area.x + 2 + CellWidth.of(label), y: y, width: area.width - 2 - CellWidth.of(label), height: 1)
        let cursor = EditorBridge.render(editor ?? EditorBridge.make(text: ""), in: field, into: &frame.buffer,
                                         placeholder: placeholder, theme: theme)
        if selected { frame.cursor = cursor }
    }

    static func renderOption(_ text: String, selected: Bool, at y: inout Int, area: Rect, into frame: inout Frame, theme: Theme) {
        frame.buffer.put(selected ? "▸ " : "  ", x: area.x, y: y)
        let rows = Paragraph.wrap(text, width: area.width - 2)
        for row in rows where y < area.maxY {
            frame.buffer.put(row, x: area.x + 2, y: y, style: selected ? theme.selected : .plain)
            y += 1
        }
    }

    static func renderScale(low: Int, high: Int, lowLabel: String, highLabel: String, value: Int?, in area: Rect,
                            into frame: inout Frame, theme: Theme) {
        let count = high - low + 1
        let cell = max(3, min(6, area.width / max(1, count)))
        var x = area.x
        for number in low...high where x + cell <= area.maxX {
            let text = String(number)
            let padded = String(repeating: " ", count: max(0, (cell - text.count) / 2)) + text
            let label = padded + String(repeating: " ", count: max(0, cell - CellWidth.of(padded)))
            frame.buffer.put(label, x: x, y: area.y + 1, style: number == value ? theme.selected : theme.quiet)
            x += cell
        }
        let scaleWidth = min(area.width, cell * count)
        if !lowLabel.isEmpty {
            frame.buffer.put("\(low) = \(lowLabel)".truncated(toWidth: scaleWidth / 2), x: area.x, y: area.y + 3, style: theme.hint)
        }
        if !highLabel.isEmpty {
            let text = "\(highLabel) = \(high)".truncated(toWidth: scaleWidth / 2)
            frame.buffer.put(text, x: area.x + scaleWidth - CellWidth.of(text), y: area.y + 3, style: theme.hint)
        }
        frame.buffer.put(value.map { "Your answer: \($0)" } ?? "←→ or a number", x: area.x, y: min(area.y + 5, area.maxY - 1),
                         style: value == nil ? theme.quiet : theme.prompt, clip: area)
    }
}
