import JournalCore
import TerminalUI

enum SavedView {
    static func render(saved: SavedState, into frame: inout Frame, theme: Theme) {
        let area = frame.area.splitBottom(1).rest.inset(horizontal: frame.size.width < 60 ? 2 : 4,
                                                        vertical: frame.size.height < 16 ? 1 : 2)
        var y = area.y
        y += Paragraph.render("Saved. Thank you for taking this time.", in: Rect(x: area.x, y: y, width: area.width, height: 2),
                              into: &frame.buffer, style: theme.accent) + 1
        frame.buffer.put("Your entry is in:", x: area.x, y: y)
        y += 1 + Paragraph.render(saved.path, in: Rect(x: area.x, y: y + 1, width: area.width, height: 3),
                                  into: &frame.buffer) + 1
        if !saved.parts.isEmpty, y < area.maxY {
            frame.buffer.put("Part records updated:", x: area.x, y: y)
            y += 1
            for line in saved.parts where y < area.maxY {
                y += Paragraph.render(line, in: Rect(x: area.x + 2, y: y, width: area.width - 2, height: min(3, area.maxY - y)),
                                      into: &frame.buffer, style: theme.quiet)
            }
            y += 1
        }
        for warning in saved.warnings where y < area.maxY {
            y += Paragraph.render("Not saved: \(warning)", in: Rect(x: area.x, y: y, width: area.width, height: 3),
                                  into: &frame.buffer, style: theme.notice)
        }
    }
}
