import JournalCore
import TerminalUI

/// The entry's details in the review, each set in a one-line field over the bottom of the
/// screen: `t` its tags, `n` a title of the person's own, `w` when it happened (backdating).
public enum ReviewDetail: Hashable, Sendable {
    case tags, title, when

    var label: String {
        switch self {
        case .tags: return "Tags: "
        case .title: return "Title: "
        case .when: return "When: "
        }
    }

    var hint: String {
        switch self {
        case .tags: return "Separated by commas. A word written #like-this in an answer is a tag too."
        case .title: return "Left empty, the entry is titled with the first line of your writing."
        case .when: return "today, yesterday or YYYY-MM-DD, and a time HH:MM if you like; never in the future."
        }
    }
}

public struct ReviewDetailField: Hashable, Sendable {
    public var detail: ReviewDetail
    public var editor: TextEditorState
    /// Why the text typed could not be used (a date that is not one), shown under the field.
    public var problem: String?
}

/// The entry's details set from the review, each in a one-line field.
enum ReviewDetails {
    static func open(_ detail: ReviewDetail, _ review: inout ReviewState, _ context: AppContext) {
        let entry = context.engine.outcome(review.session.run, entryID: review.session.entryID).entry
        let text: String
        switch detail {
        case .tags: text = entry.tags.joined(separator: ", ")
        case .title: text = review.session.run.reviewed?.title ?? ""
        case .when: text = "\(entry.created.dateString) \(entry.created.timeString)"
        }
        review.detail = ReviewDetailField(detail: detail, editor: EditorBridge.make(text: text))
    }

    /// A key while a detail's field is open: Enter sets it, Esc leaves it as it was.
    static func reduce(_ review: inout ReviewState, _ key: Key, _ action: ReviewDetailAction?, _ context: AppContext) -> [AppCommand] {
        guard var field = review.detail else { return [] }
        let engine = context.engine
        let current = review
        switch action {
        case .cancel?:
            review.detail = nil
            return []
        case .set?:
            let text = EditorBridge.text(of: field.editor)
            var run = review.session.run
            switch field.detail {
            case .tags:
                // Tags written in the answers and not in the field are taken off; the others added.
                var bare = run
                bare.reviewed?.addedTags = []
                bare.reviewed?.removedTags = []
                let written = engine.outcome(bare, entryID: review.session.entryID).entry.tags
                let typed = EntryTags.parseList(text)
                var details = run.reviewed ?? ReviewedDetails()
                details.addedTags = typed.filter { tag in !written.contains { EntryTags.same($0, tag) } }
                details.removedTags = written.filter { tag in !typed.contains { EntryTags.same($0, tag) } }
                run.reviewed = details
            case .title:
                var details = run.reviewed ?? ReviewedDetails()
                let title = PartFieldText.oneLine(text)
                details.title = title.isEmpty ? nil : title
                run.reviewed = details
            case .when:
                switch EntryDate.parse(text, now: context.today()) {
                case .success(let moment): run.startedAt = moment
                case .failure(let problem):
                    field.problem = problem.description
                    review.detail = field
                    return []
                }
            }
            review.session.run = run
            review.detail = nil
            var commands: [AppCommand] = []
            if field.detail == .when, run.startedAt != current.session.run.startedAt {
                // The id tells when the entry happened, as a new one dated so would: the draft
                // moves to the new id (written first, then the old one put away).
                let old = review.session.entryID
                review.session.entryID = context.environment.ids.make(at: run.startedAt)
                commands.append(.run(.discardDraft(old, quietly: true)))
            }
            review.entryText = EntryFormat.render(engine.outcome(run, entryID: review.session.entryID).entry)
            return [.run(.saveDraft(SessionDrafts.draft(of: review.session, context)))] + commands
        case .ground?, .help?, .quit?, nil:
            let width = max(10, context.size.width - 4 - CellWidth.of(field.detail.label))
            _ = EditorBridge.handle(key: key, state: &field.editor, width: width, height: 1)
            field.problem = nil
            review.detail = field
            return []
        }
    }
}

enum ReviewDetailView {
    static func render(_ field: ReviewDetailField, into frame: inout Frame, theme: Theme) {
        let area = frame.area.inset(horizontal: 2)
        let problemRows = Paragraph.wrap(field.problem ?? field.detail.hint, width: area.width)
        let height = 3 + problemRows.count
        let top = max(1, area.maxY - 1 - height)
        frame.buffer.fill(Rect(x: area.x, y: top, width: area.width, height: height))
        frame.buffer.put(String(repeating: "─", count: area.width), x: area.x, y: top, style: theme.quiet)
        let labelWidth = frame.buffer.put(field.detail.label, x: area.x, y: top + 1, style: theme.prompt)
        let input = Rect(x: area.x + labelWidth, y: top + 1, width: max(1, area.width - labelWidth), height: 1)
        frame.cursor = EditorBridge.render(field.editor, in: input, into: &frame.buffer, placeholder: "", theme: theme)
        for (index, row) in problemRows.enumerated() {
            frame.buffer.put(row, x: area.x, y: top + 2 + index, style: field.problem == nil ? theme.quiet : theme.notice)
        }
    }
}
