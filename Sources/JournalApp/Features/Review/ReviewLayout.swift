import JournalCore
import TerminalUI

/// Where things go in the review: shared by its reducer (scrolling by page) and its view.
enum ReviewLayout {
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
}
