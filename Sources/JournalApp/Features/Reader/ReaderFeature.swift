import JournalCore
import TerminalUI

/// What the reader is told about its entry.
public enum ReaderMsg: Hashable, Sendable {
    /// The entry changed (starred, a note added, edited): shown, and the list reloads.
    case entryChanged(StoredEntry)
    /// An edit that could not be saved (not an entry, or the file changed, or the disk failed):
    /// kept to edit again.
    case entryEditRejected(RejectedEdit)
    /// A later note that could not be saved: given back to its editor.
    case noteFailed(EntryID, text: String, reason: String)
}

/// Reading one entry of the list's results: scroll, next and previous, star, a later note,
/// editing in $EDITOR (and trying again when that edit could not be saved), delete.
enum ReaderFeature {
    static func reduce(_ reader: inout ReaderState, _ key: Key, list: BrowseState?, _ context: AppContext) -> [AppCommand] {
        if let rejected = reader.rejectedEdit { return reduceRejectedEdit(&reader, rejected, ReaderKeys.rejectedEdit.action(for: key)) }
        if let note = reader.note { return reduceNote(&reader, note, key, ReaderKeys.note.action(for: key), context) }
        let action = ReaderKeys.map.action(for: key)
        let results = list?.results ?? []
        let page = max(1, context.size.height - 6)
        switch action {
        case .up?: reader.scroll = max(0, reader.scroll - 1)
        case .down?: reader.scroll += 1
        case .pageUp?: reader.scroll = max(0, reader.scroll - page)
        case .pageDown?: reader.scroll += page
        case .next?, .previous?:
            let index = reader.index + (action == .next ? 1 : -1)
            guard results.indices.contains(index) else {
                return [.notice(action == .next ? "This is the oldest entry here." : "This is the newest entry here.")]
            }
            return [.run(.openEntry(results[index].id, index: index))]
        case .star?:
            return [.run(.setStarred(reader.entry.entry.id, !reader.entry.entry.starred))]
        case .addNote?:
            reader.note = TextEditorState()
        case .edit?:
            return [.run(.editEntry(reader.entry, retry: nil))]
        case .delete?:
            return [.run(.trashEntry(reader.entry))]
        case .back?:
            guard var list else { return [.pop] }
            list.selected = min(reader.index, max(0, list.results.count - 1))
            return [.pop, .replace(.browse(BrowseFeature.refreshed(list, context)))]
        case .ground?: return [.groundHere]
        case .quit?: return [.finish]
        case .help?, nil: break
        }
        reader.scroll = min(reader.scroll, ReaderLayout.maxScroll(entry: reader.entry.entry, query: list?.query ?? "", context: context))
        return []
    }

    private static func reduceRejectedEdit(_ reader: inout ReaderState, _ rejected: RejectedEdit, _ action: RejectedEditAction?) -> [AppCommand] {
        switch action {
        case .editAgain?:
            reader.rejectedEdit = nil
            reader.quitAsked = false
            return [.run(.editEntry(reader.entry, retry: rejected))]
        case .drop?:
            reader.rejectedEdit = nil
            reader.quitAsked = false
            return [.notice("The edit was dropped; the entry is as it was.")]
        case .ground?:
            return [.groundHere]
        case .quit?:
            return quitUnlessAsked(&reader, unsaved: true,
                                   "Your edit is not saved. e edits it again, Esc drops it; Ctrl-Q again quits without it.")
        case .help?, nil:
            return []
        }
    }

    private static func reduceNote(_ reader: inout ReaderState, _ current: TextEditorState, _ key: Key, _ action: NoteAction?,
                                   _ context: AppContext) -> [AppCommand] {
        var note = current
        switch action {
        case .add?:
            let text = note.text.trimmingWhitespace()
            reader.note = nil
            reader.quitAsked = false
            reader.savingNote = text.isEmpty ? nil : text
            return text.isEmpty ? [] : [.run(.addNote(reader.entry.entry.id, text))]
        case .cancel?:
            reader.note = nil
            reader.quitAsked = false
            return [.notice("No note was added.")]
        case .ground?:
            return [.groundHere]
        case .quit?:
            return quitUnlessAsked(&reader, unsaved: !note.text.trimmingWhitespace().isEmpty,
                                   "Your note is not added yet. Ctrl-D adds it, Esc drops it; Ctrl-Q again quits without it.")
        case .help?, nil:
            let area = ReaderLayout.noteArea(size: context.size)
            EditorBridge.handle(key: key, state: &note, width: area.width, height: area.height)
            reader.note = note
            reader.quitAsked = false
            return []
        }
    }

    /// Ctrl-Q over text not yet saved asks first (a second Ctrl-Q quits without it).
    private static func quitUnlessAsked(_ reader: inout ReaderState, unsaved: Bool, _ question: String) -> [AppCommand] {
        if reader.quitAsked || !unsaved { return [.finish] }
        reader.quitAsked = true
        return [.notice(question)]
    }

    /// `reader` is nil when the entry's reader is no longer on screen: what the message says is
    /// still said.
    static func receive(_ reader: inout ReaderState?, _ msg: ReaderMsg) -> [AppCommand] {
        switch msg {
        case .entryChanged(let entry):
            if reader?.entry.entry.id == entry.entry.id {
                reader?.entry = entry
                reader?.savingNote = nil
            }
            return [.run(.loadEntries)]
        case .noteFailed(let id, let text, let reason):
            // The note goes back into its editor, so nothing typed is lost.
            if reader?.entry.entry.id == id {
                reader?.note = TextEditorState(text: text)
                reader?.savingNote = nil
            }
            return [.notice("The note was not added (\(reason)); it is still here to try again or copy.")]
        case .entryEditRejected(let rejected):
            if reader?.entry.entry.id == rejected.base.entry.id { reader?.rejectedEdit = rejected }
            return [.notice("The edit was not saved (\(rejected.reason)); your text is kept.")]
        }
    }

    /// Whether a reader holds text not yet saved: a note, a note being saved, an edit not saved.
    static func holdsUnsavedText(_ reader: ReaderState) -> Bool {
        let note = reader.note.map { !$0.text.trimmingWhitespace().isEmpty } ?? false
        return note || reader.savingNote != nil || reader.rejectedEdit != nil
    }
}
