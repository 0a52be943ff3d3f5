import JournalCore
import TerminalUI

/// Where things go in the reader: shared by its reducer (how far it scrolls, the note box) and its view.
enum ReaderLayout {
    struct Line {
        var text: String
        var style: Style
    }

    static func width(size: Size) -> Int { min(size.width - 4, 100) }

    static func lines(entry: Entry, width: Int, names: [PartID: String], flowTitle: String?, titles: GeneratedTitles) -> [Line] {
        var lines: [Line] = []
        func add(_ text: String, _ style: Style) {
            for row in Paragraph.wrap(text, width: width) { lines.append(Line(text: row, style: style)) }
        }
        add(entry.headline(titles) + (entry.starred ? "  ★" : ""), .bold)
        var about = "\(entry.created.longDate), \(entry.created.timeString)"
        if let flowTitle { about += " · \(flowTitle)" }
        add(about, .dim)
        if !entry.parts.isEmpty { add("Parts: " + entry.parts.map { names[$0] ?? $0.rawValue }.joined(separator: " · "), .dim) }
        if !entry.tags.isEmpty { add("Tags: " + entry.tags.joined(separator: " · "), .dim) }
        lines.append(Line(text: "", style: .plain))
        if !entry.preamble.trimmingWhitespace().isEmpty {
            for paragraph in entry.preamble.trimmingWhitespace().components(separatedBy: "\n") { add(paragraph, .plain) }
            lines.append(Line(text: "", style: .plain))
        }
        for section in entry.sections {
            add(section.heading, .bold)
            for paragraph in section.text.components(separatedBy: "\n") { add(paragraph, .plain) }
            lines.append(Line(text: "", style: .plain))
        }
        return lines
    }

    static func maxScroll(entry: Entry, query: String, context: AppContext) -> Int {
        let all = lines(entry: entry, width: width(size: context.size), names: context.partNames, flowTitle: nil, titles: context.generatedTitles)
        return max(0, all.count - (context.size.height - 3))
    }

    static func noteArea(size: Size) -> Rect {
        let height = max(3, min(8, size.height / 3))
        return Rect(x: 3, y: size.height - 2 - height, width: max(10, size.width - 6), height: height)
    }
}
