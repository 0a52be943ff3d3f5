import JournalCore
import TerminalUI

/// One entry, laid out for reading: a header, then its writing, wrapped, with the search terms
/// marked.
enum ReaderView {
    static func render(context: AppContext, browse: BrowseState, reader: ReaderState, into frame: inout Frame) {
        let theme = context.theme
        let size = frame.size
        let textWidth = ReaderLayout.width(size: size)
        let x = max(2, (size.width - textWidth) / 2)
        let flowTitle = reader.entry.entry.flow.map { context.environment.library.flow($0)?.title ?? $0 }
        let all = ReaderLayout.lines(entry: reader.entry.entry, width: textWidth, names: context.partNames, flowTitle: flowTitle, titles: context.generatedTitles)
        let position = "\(reader.index + 1) of \(browse.results.count)"
        frame.buffer.put(position, x: size.width - 2 - CellWidth.of(position), y: 0, style: theme.quiet)
        let top = 1
        let bottom = size.height - 2
        let terms = SearchQuery(browse.query).terms
        let scroll = min(reader.scroll, max(0, all.count - (bottom - top)))
        for (offset, line) in all.dropFirst(scroll).enumerated() {
            let y = top + offset
            guard y < bottom else { break }
            var style = line.style
            if style == .bold, context.environment.colour, offset + scroll == 0 { style = theme.title }
            BrowseView.putHighlighted(line.text, terms: terms, x: x, y: y, base: style, into: &frame.buffer, theme: theme)
        }
        if scroll + (bottom - top) < all.count {
            frame.buffer.put("↓ more", x: size.width - 8, y: bottom - 1, style: theme.quiet)
        }
        if let note = reader.note {
            let area = ReaderLayout.noteArea(size: size)
            let box = Rect(x: area.x - 1, y: area.y - 2, width: area.width + 2, height: area.height + 3)
            frame.buffer.fill(box)
            HelpView.drawBorder(box, into: &frame.buffer, style: theme.quiet)
            frame.buffer.put("A later note (dated today; Ctrl-D adds it)", x: area.x, y: area.y - 1, style: theme.prompt)
            frame.cursor = EditorBridge.render(note, in: Rect(x: area.x, y: area.y, width: area.width, height: area.height - 1),
                                               into: &frame.buffer, placeholder: "Write here…", theme: theme)
        } else if let rejected = reader.rejectedEdit {
            let text = rejected.fileChanged
                ? "The file changed outside Haven while you were editing, so nothing was changed. e saves yours over it (a copy of the file as it is goes to the trash first)."
                : "Your edit could not be read as an entry, so nothing was changed."
            let rows = Paragraph.wrap(text, width: size.width - 4)
            let y = size.height - 1 - max(1, context.noticeRows(width: size.width).count) - rows.count
            frame.buffer.fill(Rect(x: 0, y: y, width: size.width, height: rows.count))
            Paragraph.render(text, in: Rect(x: 2, y: y, width: size.width - 4, height: rows.count), into: &frame.buffer, style: theme.notice)
        }
    }
}
