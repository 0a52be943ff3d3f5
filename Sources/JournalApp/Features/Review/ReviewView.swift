import JournalCore
import TerminalUI

enum ReviewView {
    static func render(context: AppContext, review: ReviewState, into frame: inout Frame) {
        let theme = context.theme
        let size = frame.size
        frame.buffer.put("Review your entry", x: 2, y: 0, style: theme.title)
        let note = size.width < 70 ? "c change · t tags · n title · w date" : "How it will be saved. c change · t tags · n title · w date · d discard"
        frame.buffer.put(note.truncated(toWidth: size.width - 4), x: 2, y: 1, style: theme.quiet)
        let area = ReviewLayout.area(size: size)
        let rows = ReviewLayout.rows(review.entryText, width: area.width)
        let top = ReviewLayout.top(of: review, rows: rows.map(\.section), height: area.height)
        for (offset, row) in rows.dropFirst(top).prefix(area.height).enumerated() {
            let style: Style = row.section == review.selected ? theme.selected : (row.isHeading ? theme.prompt : .plain)
            frame.buffer.put(row.text, x: area.x, y: area.y + offset, style: style, clip: area)
        }
        if rows.count > area.height {
            let position = "\(min(rows.count, top + area.height))/\(rows.count)"
            frame.buffer.put(position, x: size.width - 2 - position.count, y: 0, style: theme.quiet)
        }
        if let field = review.detail { ReviewDetailView.render(field, into: &frame, theme: theme) }
    }
}
