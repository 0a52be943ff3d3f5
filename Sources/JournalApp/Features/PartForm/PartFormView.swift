import JournalCore
import TerminalUI

/// The part form: a row a field, the notes below in a box; the focused row takes typing.
enum PartFormView {
    static func render(context: AppContext, page: PartPageState, form: PartFormState, into frame: inout Frame) {
        let theme = context.theme
        let size = frame.size
        let area = frame.area.inset(horizontal: 2)
        let changed = form.changes.values.count
        let status = changed == 0 ? "no changes yet" : "\(changed) \(changed == 1 ? "change" : "changes") not saved"
        TitleRow.render("Editing: \(form.changes.base.name)", right: status, in: area, into: &frame.buffer, theme: theme)
        let fields = PartFormField.allCases
        let labelWidth = PartFormLayout.labelWidth(size)
        let valueX = area.x + 2 + labelWidth + 1
        let valueWidth = max(1, area.maxX - valueX)
        let top = 2
        // The foot: a hint, or why a save did not go through, on up to two rows.
        let footY = size.height - 4
        let rowsAvailable = max(1, footY - 1 - top)
        // The notes get a box when everything fits with at least three rows for them.
        let notesBox = rowsAvailable - fields.count >= 3 ? rowsAvailable - fields.count : 0
        let oneLineRows = notesBox > 0 ? fields.count : rowsAvailable
        let focusIndex = fields.firstIndex(of: form.field) ?? 0
        let first = notesBox > 0 ? 0 : min(max(0, focusIndex - oneLineRows + 1), max(0, fields.count - oneLineRows))
        for (offset, field) in fields.enumerated().dropFirst(first).prefix(oneLineRows) {
            let y = top + offset - first
            let focused = field == form.field
            frame.buffer.put(focused ? "▸ " : "  ", x: area.x, y: y)
            let labelStyle = form.changes.values[field] != nil ? theme.accent : (focused ? theme.prompt : .plain)
            frame.buffer.put(field.label.truncated(toWidth: labelWidth), x: area.x + 2, y: y, style: labelStyle)
            let text = form.changes.text(of: field)
            if field == .notes, notesBox > 0 {
                let box = Rect(x: valueX, y: y, width: valueWidth, height: notesBox)
                if focused {
                    frame.cursor = EditorBridge.render(form.editor, in: box, into: &frame.buffer, placeholder: "", theme: theme)
                } else {
                    let rows = Paragraph.wrap(text.trimmingWhitespace(), width: valueWidth)
                    for (row, line) in rows.prefix(notesBox).enumerated() {
                        frame.buffer.put(line, x: valueX, y: y + row, style: theme.quiet)
                    }
                }
                continue
            }
            if focused, field.choices == nil {
                frame.cursor = EditorBridge.render(form.editor, in: Rect(x: valueX, y: y, width: valueWidth, height: 1),
                                                   into: &frame.buffer, placeholder: "", theme: theme)
            } else if focused {
                frame.buffer.put("‹ \(PartFormLayout.shown(field, text)) ›".truncated(toWidth: valueWidth), x: valueX, y: y, style: theme.selected)
            } else {
                let oneLine = text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init)?.tabsShownAsSpaces ?? ""
                let value = oneLine.isEmpty && field.choices == nil ? "—" : PartFormLayout.shown(field, oneLine)
                frame.buffer.put(value.truncated(toWidth: valueWidth), x: valueX, y: y, style: oneLine.isEmpty ? theme.quiet : .plain)
            }
        }
        let foot = form.problem ?? PartFormLayout.hint(form.field)
        Paragraph.render(foot, in: Rect(x: area.x, y: footY, width: area.width, height: 2), into: &frame.buffer,
                         style: form.problem == nil ? theme.quiet : theme.notice)
    }
}
