import JournalCore
import TerminalUI

/// A part's record being edited in place: one row per field. Only the fields the person
/// touches are written, in one atomic save onto the record as it is on disk by then.
public struct PartFormState: Hashable, Sendable {
    public var changes: PartFormChanges
    public var field: PartFormField
    /// The focused text field's editor (choice fields use none; their value is in `changes`).
    public var editor: TextEditorState
    /// Why the last save did not go through, or why a key did nothing.
    public var problem: String?
    /// Esc (or Ctrl-Q) was pressed once with changes unsaved: a second press leaves without them.
    public var leaveAsked = false
    public var quitAsked = false
    /// A save was stopped by a change outside Haven: the next one writes over it, keeping the
    /// file as it was in the trash.
    public var replacing = false

    public init(part: Part, field: PartFormField = .name) {
        changes = PartFormChanges(base: part)
        self.field = field
        editor = TextEditorState()
        focus(field)
    }

    /// Whether typing in the form's editor would keep `text` exactly (it turns tabs into spaces
    /// and drops control characters).
    public static func typingKeeps(_ text: String) -> Bool { TextEditorState(text: text).text == text }

    /// Moves to a field, its text in the editor with the cursor at the end.
    public mutating func focus(_ next: PartFormField) {
        field = next
        editor = TextEditorState(text: next.choices == nil ? changes.text(of: next) : "")
        editor.setCursor(editor.endPosition)
    }
}

/// Choosing the part to merge into the one whose page is open, then saying yes to it.
public struct PartMergeState: Hashable, Sendable {
    public var selected = 0
    /// The picked part, once Enter was pressed: the question "merge it?" is on screen.
    public var confirming: PartID?

    public init() {}
}

extension HavenApp {
    /// The parts another part could be merged with: every standing part but this one, by name.
    func mergeCandidates(for id: PartID) -> [Part] {
        state.home.parts.filter { $0.id != id }.sorted { TextFolding.fold($0.name) < TextFolding.fold($1.name) }
    }

    func handlePartForm(key: Key, action: AppAction?, list: PartsState, page current: PartPageState) -> [AppEffect] {
        var page = current
        guard var form = page.form else { return [] }
        let leaveWasAsked = form.leaveAsked, quitWasAsked = form.quitAsked
        form.leaveAsked = false
        form.quitAsked = false
        form.problem = nil
        let fields = PartFormField.allCases
        let index = fields.firstIndex(of: form.field) ?? 0
        func move(_ step: Int) { form.focus(fields[(index + step + fields.count) % fields.count]) }
        switch action {
        case .save:
            guard !form.changes.isEmpty else {
                page.form = nil
                state.notice = "Nothing was changed."
                state.screen = .part(list, page)
                return []
            }
            page.form = form
            state.screen = .part(list, page)
            return [.savePart(form.changes, keepingReplaced: form.replacing)]
        case .down: move(1)
        case .up: move(-1)
        case .back:
            if form.changes.isEmpty || leaveWasAsked {
                page.form = nil
                state.screen = .part(list, page)
                return []
            } else {
                form.leaveAsked = true
                form.problem = "Your changes are not saved: Ctrl-S saves them, Esc again leaves them."
                page.form = form
            }
        case .ground:
            page.form = form
            state.screen = .part(list, page)
            return groundFromScreen()
        case .quit:
            if form.changes.isEmpty || quitWasAsked {
                page.form = nil // quitting without them, as asked
                state.screen = .part(list, page)
                state.finished = true
                return []
            }
            form.quitAsked = true
            form.problem = "Your changes are not saved: Ctrl-S saves them, Ctrl-Q again quits without them."
            page.form = form
        default:
            if let choices = form.field.choices {
                switch key {
                case .left, .right, .character(" "):
                    let now = choices.firstIndex(of: form.changes.text(of: form.field)) ?? 0
                    let step = key == .left ? -1 : 1
                    form.changes.set(form.field, choices[(now + step + choices.count) % choices.count])
                case .down, .enter: move(1)
                case .up: move(-1)
                default: break
                }
            } else if !PartFormState.typingKeeps(form.changes.text(of: form.field)) {
                // Tabs or control characters the text editor would turn into spaces or drop: the
                // field is left exactly as written, to change in an editor.
                switch key {
                case .down where form.field != .notes, .enter where form.field != .notes: move(1)
                case .up where form.field != .notes: move(-1)
                default:
                    form.problem = "This field has tabs or control characters the form would change; "
                        + "to keep them, edit the part's file in your editor."
                }
            } else {
                let multiline = form.field == .notes
                switch key {
                case .down where !multiline, .enter where !multiline: move(1)
                case .up where !multiline: move(-1)
                default:
                    let width = PartFormView.valueWidth(state.size)
                    let revision = form.editor.revision
                    // Only an edit counts: moving the cursor through the notes never rewrites them.
                    if EditorBridge.handle(key: key, state: &form.editor, width: width, height: multiline ? 5 : 1),
                       form.editor.revision != revision {
                        form.changes.set(form.field, form.editor.text)
                    }
                }
            }
        }
        page.form = form
        state.screen = .part(list, page)
        return []
    }

    func handlePartMerge(action: AppAction?, list: PartsState, page current: PartPageState) -> [AppEffect] {
        var page = current
        guard var merge = page.merge else { return [] }
        let candidates = mergeCandidates(for: page.id)
        switch action {
        case .select:
            if let other = merge.confirming {
                page.merge = nil
                state.screen = .part(list, page)
                return [.mergeParts(keep: page.id, other: other)]
            }
            if candidates.indices.contains(merge.selected) { merge.confirming = candidates[merge.selected].id }
        case .back:
            // From the question back to the list; from the list back to the page.
            if merge.confirming != nil { merge.confirming = nil } else {
                page.merge = nil
                state.screen = .part(list, page)
                return []
            }
        case .up where merge.confirming == nil: merge.selected = max(0, merge.selected - 1)
        case .down where merge.confirming == nil: merge.selected = min(max(0, candidates.count - 1), merge.selected + 1)
        default: break
        }
        page.merge = merge
        state.screen = .part(list, page)
        return []
    }

    /// Saving a part form, or merging two parts; nil for any other effect.
    func performPartEdit(_ effect: AppEffect, terminal: Terminal) -> [AppMsg]? {
        switch effect {
        case .savePart(let changes, let keepingReplaced):
            switch savePartForm(changes, keepingReplaced: keepingReplaced) {
            case .rejected(let reason, let fresh, let conflicts):
                return [.partFormRejected(reason, fresh: fresh, conflicts: conflicts)]
            case .saved(let before, let after, let copy):
                var messages = perform(.loadHome, terminal: terminal)
                var message = "Saved \(after.name)."
                // A name changed only in case or accents is not kept as a former name.
                if before.name != after.name, after.formerNames.contains(before.name) {
                    message += " Once called \(before.name): the old name still finds it."
                }
                if let copy { message += " The file as it was is kept in \(copy)." }
                messages.append(.partSaved(after.id, message))
                return messages
            }
        case .rescuePartForm(let changes):
            return rescuePartForm(changes).map { [.storeFailed($0)] } ?? [.done("Your changes to \(changes.base.name) were saved.")]
        case .mergeParts(let keep, let other):
            do {
                let store = environment.store
                let listing = try store.loadParts()
                guard let kept = listing.parts.first(where: { $0.part.id == keep }),
                      let merged = listing.parts.first(where: { $0.part.id == other }) else {
                    return [.storeFailed("One of the two parts is no longer in the registry; nothing was merged.")]
                }
                let result = try PartMerging.merge(merged, into: kept, store: store, on: environment.clock.now())
                var messages = perform(.loadHome, terminal: terminal)
                let leftover = result.leftover.map { " " + PartMerging.leftoverNote($0, name: merged.part.name) } ?? ""
                messages.append(.done("Merged: \(merged.part.name) is part of \(kept.part.name) now, with its entries and history.\(leftover)"))
                return messages
            } catch {
                return [.storeFailed("Could not merge the parts: \(error)")]
            }
        default:
            return nil
        }
    }

    enum PartFormSave {
        /// Written; `copy` is where the file as it was went, when it was knowingly written over.
        case saved(before: Part, after: Part, copy: String?)
        /// Not written, and why; with the record as it is now when it could be read, and whether
        /// it was because a field was also changed outside Haven.
        case rejected(String, fresh: Part?, conflicts: Bool)
    }

    /// The form's part as it is on disk now, with the parts standing on their own (for name
    /// clashes); nil when it is no longer in the registry.
    private func formRecord(_ changes: PartFormChanges) throws(StoreError) -> (StoredPart, [Part])? {
        let listing = try environment.store.loadParts()
        let parts = listing.parts.map(\.part)
        guard let stored = listing.parts.first(where: { $0.part.id == changes.base.id }) else { return nil }
        return (stored, PartAliases(parts).standing(parts))
    }

    /// Writes a form's changes onto the record as it is on disk now, in one version-checked
    /// save; a field also changed outside Haven meanwhile stops it (the form keeps the changes).
    /// With `keepingReplaced` (asked again after such a stop), the file as it is goes to the
    /// trash first, so the words written over are kept.
    func savePartForm(_ changes: PartFormChanges, keepingReplaced: Bool = false) -> PartFormSave {
        let store = environment.store
        do {
            guard let (stored, standing) = try formRecord(changes) else {
                return .rejected("This part is no longer in the registry; nothing was saved.", fresh: nil, conflicts: false)
            }
            let clashes = changes.conflicts(with: stored.part)
            guard clashes.isEmpty else {
                let names = clashes.map { $0.label.lowercased() }.joined(separator: ", ")
                return .rejected("Changed outside Haven meanwhile: \(names). Ctrl-S saves yours over it (the file as it is "
                                 + "goes to the trash first); Esc leaves yours.", fresh: stored.part, conflicts: true)
            }
            let edited: Part
            do {
                edited = try changes.applied(to: stored.part, among: standing, at: environment.clock.now())
            } catch {
                return .rejected("Not saved: \(error).", fresh: stored.part, conflicts: false)
            }
            let copy = keepingReplaced ? try store.copyToTrash(stored.path, expecting: stored.version) : nil
            _ = try store.savePart(edited, expecting: stored.version)
            return .saved(before: stored.part, after: edited, copy: copy)
        } catch {
            return .rejected("Not saved: \(error). Your changes are still here.", fresh: nil, conflicts: false)
        }
    }

    /// The changes of a part form left open, on screen or behind a grounding break.
    func pendingPartForm() -> PartFormChanges? {
        for screen in [state.screen, state.groundingOrigin].compactMap({ $0 }) {
            if case .part(_, let page) = screen, let form = page.form, !form.changes.isEmpty { return form.changes }
        }
        return nil
    }

    /// Saves a form's changes with no one to ask (leaving on a signal or a quit): every field
    /// that can be set is; the rest is kept as text in the part's notes. Nil when saved.
    func rescuePartForm(_ changes: PartFormChanges) -> String? {
        let store = environment.store
        do {
            guard let (stored, standing) = try formRecord(changes) else {
                return "\(changes.base.name) is no longer in the registry: the form's changes were not saved."
            }
            let part = changes.rescued(onto: stored.part, among: standing, at: environment.clock.now())
            if part != stored.part { _ = try store.savePart(part, expecting: stored.version) }
            return nil
        } catch {
            return "The form's changes to \(changes.base.name) could not be saved: \(error)"
        }
    }

    /// Leaving on a signal with a part form changed: what was typed is saved (see
    /// `rescuePartForm`), so it is not lost.
    func keepPartFormOnSignal() {
        if let changes = pendingPartForm() { _ = rescuePartForm(changes) }
    }

    /// Messages about a part form; nil for any other message.
    func updatePartEdit(_ msg: AppMsg) -> [AppEffect]? {
        switch msg {
        case .partSaved(let id, let message):
            if case .part(let list, var page) = state.screen, page.id == id {
                page.form = nil
                state.screen = .part(list, page)
            }
            state.notice = message
            return []
        case .partFormRejected(let reason, let fresh, let conflicts):
            guard case .part(let list, var page) = state.screen, var form = page.form else {
                state.notice = reason
                return []
            }
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
            state.screen = .part(list, page)
            return []
        default:
            return nil
        }
    }
}

/// The part form: a row a field, the notes below in a box; the focused row takes typing.
enum PartFormView {
    static func labelWidth(_ size: Size) -> Int { min(28, max(12, (size.width - 4) * 2 / 5)) }
    static func valueWidth(_ size: Size) -> Int { max(8, size.width - 4 - 2 - labelWidth(size) - 1) }

    static func shown(_ field: PartFormField, _ text: String) -> String {
        switch field {
        case .stage where text.isEmpty: return "not marked"
        case .colour where text.isEmpty: return "the terminal's own"
        default: return text
        }
    }

    static func hint(_ field: PartFormField) -> String {
        switch field {
        case .name: return "The old name is kept as a former name, so old entries still find the part."
        case .role, .stage, .colour: return "←/→ change"
        case .feelings, .beliefs, .fears: return "Several? Separate them with ; (a semicolon)."
        case .notes: return "Enter starts a new line; Tab moves on."
        default: return "Tab or ↓ moves on; Ctrl-S saves every change at once."
        }
    }

    static func render(app: HavenApp, page: PartPageState, form: PartFormState, into frame: inout Frame) {
        let theme = app.theme
        let size = frame.size
        let area = frame.area.inset(horizontal: 2)
        let changed = form.changes.values.count
        let status = changed == 0 ? "no changes yet" : "\(changed) \(changed == 1 ? "change" : "changes") not saved"
        TitleRow.render("Editing: \(form.changes.base.name)", right: status, in: area, into: &frame.buffer, theme: theme)
        let fields = PartFormField.allCases
        let labelWidth = labelWidth(size)
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
                frame.buffer.put("‹ \(shown(field, text)) ›".truncated(toWidth: valueWidth), x: valueX, y: y, style: theme.selected)
            } else {
                let oneLine = text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init)?.tabsShownAsSpaces ?? ""
                let value = oneLine.isEmpty && field.choices == nil ? "—" : shown(field, oneLine)
                frame.buffer.put(value.truncated(toWidth: valueWidth), x: valueX, y: y, style: oneLine.isEmpty ? theme.quiet : .plain)
            }
        }
        let foot = form.problem ?? hint(form.field)
        Paragraph.render(foot, in: Rect(x: area.x, y: footY, width: area.width, height: 2), into: &frame.buffer,
                         style: form.problem == nil ? theme.quiet : theme.notice)
    }
}

/// Picking the part to merge into this one, then the plain question before anything is written.
enum PartMergeView {
    static func render(app: HavenApp, page: PartPageState, merge: PartMergeState, into frame: inout Frame) {
        let theme = app.theme
        let area = frame.area.inset(horizontal: 2)
        let names = Dictionary(app.state.home.parts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let name = names[page.id] ?? page.id.rawValue
        if let other = merge.confirming {
            let otherName = names[other] ?? other.rawValue
            frame.buffer.put("Merge \(otherName) into \(name)?".truncated(toWidth: area.width), x: area.x, y: 0, style: theme.title)
            let text = "\(name) keeps its name, and \(otherName) becomes one of its former names: its entries, links, "
                + "feel-toward history, trust ratings, permissions, promises and notes become \(name)'s. The file of \(otherName) goes to "
                + "the trash folder, so nothing is lost.\n\nEnter merges them. Esc goes back."
            Paragraph.render(text, in: Rect(x: area.x, y: 2, width: min(area.width, 76), height: max(1, frame.size.height - 5)),
                             into: &frame.buffer, style: .plain)
            return
        }
        frame.buffer.put("Which part is the same as \(name)?".truncated(toWidth: area.width), x: area.x, y: 0, style: theme.title)
        let candidates = app.mergeCandidates(for: page.id)
        guard !candidates.isEmpty else {
            Paragraph.render("There is no other part to merge with.", in: Rect(x: area.x, y: 2, width: area.width, height: 2),
                             into: &frame.buffer, style: theme.quiet)
            return
        }
        frame.buffer.put("The one you pick is merged into \(name).".truncated(toWidth: area.width), x: area.x, y: 1, style: theme.quiet)
        let top = 3
        let height = max(1, frame.size.height - top - 2)
        let first = min(max(0, merge.selected - height + 1), max(0, merge.selected))
        for (offset, part) in candidates.enumerated().dropFirst(first).prefix(height) {
            let y = top + offset - first
            let selected = offset == merge.selected
            frame.buffer.put(selected ? "▸ " : "  ", x: area.x, y: y)
            var style = theme.part(part.colour.flatMap(Color.init(rawValue:)))
            if selected { style.reverse = true }
            let x = area.x + 2 + frame.buffer.put(part.name.truncated(toWidth: max(1, area.width - 30)), x: area.x + 2, y: y, style: style)
            let about = part.role.rawValue + (part.stage.map { ", \($0.rawValue)" } ?? "") + (part.archived ? ", put away" : "")
            frame.buffer.put("  " + about, x: x, y: y, style: theme.quiet, clip: Rect(x: x, y: y, width: max(0, area.maxX - x), height: 1))
        }
    }
}
