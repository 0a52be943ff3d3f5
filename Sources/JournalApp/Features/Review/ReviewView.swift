import JournalCore
import TerminalUI

enum ReviewView {
    static func area(size: Size) -> Rect { Rect(x: 2, y: 3, width: size.width - 4, height: size.height - 5) }

    /// The first row shown: the picked answer's heading in sight after ↑/↓, the scrolled
    /// position after PgUp/PgDn, never past the end.
    static func top(of review: ReviewState, rows sections: [Int?], height: Int) -> Int {
        let last = max(0, sections.count - height)
        guard review.followSelection else { return min(max(0, review.scroll), last) }
        let selectedRow = sections.firstIndex { $0 == review.selected } ?? 0
        var top = min(max(0, review.scroll), last)
        if selectedRow < top || selectedRow >= top + height { top = max(0, min(selectedRow - 2, last)) }
        return top
    }

    static func top(of review: ReviewState, size: Size) -> Int {
        let area = area(size: size)
        return top(of: review, rows: rows(review.entryText, width: area.width).map(\.section), height: area.height)
    }

    /// The entry wrapped to the width; each structural heading's first row carries its answer index.
    static func rows(_ text: String, width: Int) -> [(text: String, isHeading: Bool, section: Int?)] {
        var rows: [(text: String, isHeading: Bool, section: Int?)] = []
        var sectionIndex = -1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let isHeading = EntryFormat.isSectionHeading(line)
            if isHeading { sectionIndex += 1 }
            for (index, row) in Paragraph.wrap(String(line), width: width).enumerated() {
                rows.append((row, isHeading, isHeading && index == 0 ? sectionIndex : nil))
            }
        }
        return rows
    }

    static func render(context: AppContext, review: ReviewState, into frame: inout Frame) {
        let theme = context.theme
        let size = frame.size
        frame.buffer.put("Review your entry", x: 2, y: 0, style: theme.title)
        let note = size.width < 70 ? "c change · t tags · n title · w date" : "How it will be saved. c change · t tags · n title · w date · d discard"
        frame.buffer.put(note.truncated(toWidth: size.width - 4), x: 2, y: 1, style: theme.quiet)
        let area = area(size: size)
        let rows = rows(review.entryText, width: area.width)
        let top = top(of: review, rows: rows.map(\.section), height: area.height)
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
