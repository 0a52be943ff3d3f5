import JournalCore
import TerminalUI

/// A part's record as lines to read: what the person wrote about it, nothing invented.
enum PartPageView {
    /// The flows that can begin about this part, over the bottom of its page.
    static func renderFlowPicker(context: AppContext, page: PartPageState, selected: Int, into frame: inout Frame) {
        let flows = context.flowsAboutAPart
        let name = context.home.parts.first { $0.id == page.id }?.name ?? page.id.rawValue
        let area = frame.area.inset(horizontal: 2)
        let height = min(flows.count + 4, max(5, area.height - 2))
        var top = max(1, area.maxY - 1 - height)
        frame.buffer.fill(Rect(x: area.x, y: top, width: area.width, height: height))
        frame.buffer.put(String(repeating: "─", count: area.width), x: area.x, y: top, style: context.theme.quiet)
        top += 1
        frame.buffer.put("Spend time with \(name):".truncated(toWidth: area.width), x: area.x, y: top, style: context.theme.prompt)
        let rows = height - 3
        let first = max(0, selected - rows + 1)
        for (offset, flow) in flows.enumerated().dropFirst(first).prefix(rows) {
            let marker = offset == selected ? "▸ " : "  "
            let minutes = flow.minutes.map { "  \($0) min" } ?? ""
            frame.buffer.put((marker + flow.title + minutes).truncated(toWidth: area.width), x: area.x, y: top + 2 + offset - first,
                             style: offset == selected ? context.theme.selected : .plain)
        }
    }

    /// The page, or the form or merge open over it, with the flow picker or the delete question.
    static func render(context: AppContext, page: PartPageState, into frame: inout Frame) {
        if let form = page.form { return PartFormView.render(context: context, page: page, form: form, into: &frame) }
        if let merge = page.merge { return PartMergeView.render(context: context, page: page, merge: merge, into: &frame) }
        renderRecord(context: context, page: page, into: &frame)
        if let picker = page.flowPicker { renderFlowPicker(context: context, page: page, selected: picker.selected, into: &frame) }
        if page.confirmingDelete {
            let name = context.part(page.id)?.name ?? page.id.rawValue
            LeavingView.renderQuestion("Delete \(name)? No entry names it. Its record goes to the trash folder; "
                                       + "u in the parts list brings it back.", into: &frame, theme: context.theme)
        }
    }

    static func renderRecord(context: AppContext, page: PartPageState, into frame: inout Frame) {
        let size = frame.size
        let textWidth = PartPageLayout.width(size)
        let x = max(2, (size.width - textWidth) / 2)
        let all = PartPageLayout.lines(context: context, id: page.id, width: textWidth)
        let bottom = size.height - 2
        for (offset, line) in all.dropFirst(page.scroll).enumerated() where 1 + offset < bottom {
            frame.buffer.put(line.text, x: x, y: 1 + offset, style: line.style)
        }
        if page.scroll + (bottom - 1) < all.count {
            frame.buffer.put("↓ more", x: size.width - 8, y: bottom - 1, style: context.theme.quiet)
        }
    }
}

