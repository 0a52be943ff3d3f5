import JournalCore
import TerminalUI

/// What an open part form is told about its save.
public enum PartFormMsg: Hashable, Sendable {
    /// Saved: close it and say so.
    case partSaved(PartID, String)
    /// Not saved: it stays open with the reason (and the record as it is now, when it was read).
    case partFormRejected(String, fresh: Part?, conflicts: Bool)
}

/// A part's record edited in place, a row a field: only the fields touched are written, in one
/// save onto the record as it is on disk by then. Leaving or quitting with changes asks once.
enum PartFormFeature {
    static func reduce(_ open: inout PartFormState?, _ key: Key, _ context: AppContext) -> [AppCommand] {
        guard var form = open else { return [] }
        let leaveWasAsked = form.leaveAsked, quitWasAsked = form.quitAsked
        form.leaveAsked = false
        form.quitAsked = false
        form.problem = nil
        let fields = PartFormField.allCases
        let index = fields.firstIndex(of: form.field) ?? 0
        func move(_ step: Int) { form.focus(fields[(index + step + fields.count) % fields.count]) }
        switch PartFormKeys.map.action(for: key) {
        case .save?:
            guard !form.changes.isEmpty else {
                open = nil
                return [.notice("Nothing was changed.")]
            }
            open = form
            return [.run(.savePart(form.changes, keepingReplaced: form.replacing))]
        case .nextField?: move(1)
        case .previousField?: move(-1)
        case .close?:
            if form.changes.isEmpty || leaveWasAsked {
                open = nil
                return []
            }
            form.leaveAsked = true
            form.problem = "Your changes are not saved: Ctrl-S saves them, Esc again leaves them."
        case .ground?:
            open = form
            return [.groundHere]
        case .quit?:
            if form.changes.isEmpty || quitWasAsked {
                open = nil // quitting without them, as asked
                return [.finish]
            }
            form.quitAsked = true
            form.problem = "Your changes are not saved: Ctrl-S saves them, Ctrl-Q again quits without them."
        case .previousChoice?, .nextChoice?, .help?, nil: // the arrows step a choice, or move in the text
            if let step = edit(&form, key, context) { move(step) }
        }
        open = form
        return []
    }

    /// A key in the focused field: a choice steps, text is typed (never a field the editor would
    /// change). The rows to move by, when the key moves to another field.
    private static func edit(_ form: inout PartFormState, _ key: Key, _ context: AppContext) -> Int? {
        if let choices = form.field.choices {
            switch key {
            case .left, .right, .character(" "):
                let now = choices.firstIndex(of: form.changes.text(of: form.field)) ?? 0
                let step = key == .left ? -1 : 1
                form.changes.set(form.field, choices[(now + step + choices.count) % choices.count])
            case .down, .enter: return 1
            case .up: return -1
            default: break
            }
        } else if !PartFormState.typingKeeps(form.changes.text(of: form.field)) {
            // Tabs or control characters the text editor would turn into spaces or drop: the
            // field is left exactly as written, to change in an editor.
            switch key {
            case .down where form.field != .notes, .enter where form.field != .notes: return 1
            case .up where form.field != .notes: return -1
            default:
                form.problem = "This field has tabs or control characters the form would change; "
                    + "to keep them, edit the part's file in your editor."
            }
        } else {
            let multiline = form.field == .notes
            switch key {
            case .down where !multiline, .enter where !multiline: return 1
            case .up where !multiline: return -1
            default:
                let width = PartFormLayout.valueWidth(context.size)
                let revision = form.editor.revision
                // Only an edit counts: moving the cursor through the notes never rewrites them.
                if EditorBridge.handle(key: key, state: &form.editor, width: width, height: multiline ? 5 : 1),
                   form.editor.revision != revision {
                    form.changes.set(form.field, form.editor.text)
                }
            }
        }
        return nil
    }

    /// A message when the form's page is no longer on screen: only what it says is left.
    static func receiveAway(_ msg: PartFormMsg) -> [AppCommand] {
        switch msg {
        case .partSaved(_, let message): return [.notice(message)]
        case .partFormRejected(let reason, _, _): return [.notice(reason)]
        }
    }

    static func receive(_ page: inout PartPageState, _ msg: PartFormMsg) -> [AppCommand] {
        switch msg {
        case .partSaved(let id, let message):
            if page.id == id { page.form = nil }
            return [.notice(message)]
        case .partFormRejected(let reason, let fresh, let conflicts):
            guard var form = page.form else { return [.notice(reason)] }
            if let fresh {
                // A second save goes onto the record as it is now; fields set back to what it
                // has drop out of the changes.
                var changes = PartFormChanges(base: fresh)
                for field in PartFormField.allCases where form.changes.values[field] != nil {
                    changes.set(field, form.changes.text(of: field))
                }
                form.changes = changes
                // The field being typed in shows the record as it is now, unless it holds typing.
                if changes.values[form.field] == nil { form.focus(form.field) }
            }
            form.problem = reason
            if conflicts { form.replacing = true }
            page.form = form
            return []
        }
    }
}
