import JournalCore
import TerminalUI


/// Picking the part to merge into this one, then the plain question before anything is written.
enum PartMergeView {
    static func render(context: AppContext, page: PartPageState, merge: PartMergeState, into frame: inout Frame) {
        let theme = context.theme
        let area = frame.area.inset(horizontal: 2)
        let names = Dictionary(context.home.parts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
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
        let candidates = MergeFeature.candidates(for: page.id, context)
        guard !candidates.isEmpty else {
            Paragraph.render("There is no other part to merge with.", in: Rect(x: area.x, y: 2, width: area.width, height: 2),
                             into: &frame.buffer, style: theme.quiet)
            return
        }
        frame.buffer.put("The one you pick is merged into \(name).".truncated(toWidth: area.width), x: area.x, y: 1, style: theme.quiet)
        let top = 3
        let height = max(1, frame.size.height - top - 2)
        let first = merge.selection.firstVisible(height: height)
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
