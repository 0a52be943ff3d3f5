import JournalCore
import TerminalUI

enum WelcomeView {
    /// The short version, for a small window: every point of the long one, in fewer words.
    static func compact(journalPath: String) -> [String] {
        [
            "A private journal for parts work. One question at a time; skipping is always fine.",
            "Not therapy or a crisis service: if you might be in danger, call your local emergency number.",
            "Ctrl-G on any screen: pause and ground.",
            "Your files: \(journalPath)",
        ]
    }

    static func render(journalPath: String, into frame: inout Frame, theme: Theme) {
        let area = frame.area.splitBottom(1).rest.centred(width: 68, height: frame.size.height - 2).inset(horizontal: 2)
        var y = area.y + (frame.size.height < 20 ? 0 : 1)
        frame.buffer.put("Welcome to Haven", x: area.x, y: y, style: theme.title)
        y += frame.size.height < 20 ? 1 : 2
        var paragraphs = [
            "Haven is a private journal for parts work: a quiet place to get to know the parts of you - the worried one, the critic, the one who wants to hide - and to meet them with curiosity.",
            "It asks one question at a time. You can skip any of them; \"I don't know\" is always a fine answer.",
            "Haven is not therapy and not a crisis service. If you might be in danger, call your local emergency number or a crisis line.",
            "Whenever things feel like too much, press Ctrl-G on any screen to pause and ground.",
            "Your writing stays on this machine, as plain text files in:\n\(journalPath)",
        ]
        let rowsNeeded = paragraphs.reduce(0) { $0 + Paragraph.wrap($1, width: area.width).count + 1 } + 1
        let isCompact = rowsNeeded > area.maxY - y
        if isCompact { paragraphs = compact(journalPath: journalPath) }
        for paragraph in paragraphs {
            let used = Paragraph.render(paragraph, in: Rect(x: area.x, y: y, width: area.width, height: area.maxY - y),
                                        into: &frame.buffer)
            y += used + (isCompact ? 0 : 1)
            if y >= area.maxY { break }
        }
        if y < area.maxY { frame.buffer.put("Press Enter to begin.", x: area.x, y: y, style: theme.accent) }
    }
}
