import JournalCore
import TerminalUI

/// The map as text: one line a relationship, grouped, the picked part marked wherever it stands.
enum PartsMapView {
    static func lines(map: PartsMap, names: [PartID: String]) -> [(text: [(String, PartID?)], heading: Bool)] {
        var out: [(text: [(String, PartID?)], heading: Bool)] = []
        func section(_ title: String, _ links: [PartsMap.Link], _ arrow: String) {
            guard !links.isEmpty else { return }
            if !out.isEmpty { out.append(([], false)) }
            out.append(([(title, nil)], true))
            for link in links {
                out.append(([("  ", nil), (names[link.from] ?? link.from.rawValue, link.from), (arrow, nil),
                             (names[link.to] ?? link.to.rawValue, link.to)], false))
            }
        }
        section("Looks after", map.protects, "  ─▶  ")
        section("Pulling against each other", map.polarized, "  ◀─▶  ")
        section("Working together", map.allied, "  ──  ")
        if !map.unlinked.isEmpty {
            if !out.isEmpty { out.append(([], false)) }
            out.append(([("Not linked to another part yet", nil)], true))
            for id in map.unlinked { out.append(([("  ", nil), (names[id] ?? id.rawValue, id)], false)) }
        }
        return out
    }

    static func render(context: AppContext, selected: Int, into frame: inout Frame) {
        let theme = context.theme
        let area = frame.area.inset(horizontal: 2)
        let parts = context.home.parts.filter { !$0.archived }
        let map = PartsMap(parts: parts)
        let order = map.order
        let picked = order.indices.contains(selected) ? order[selected] : nil
        TitleRow.render("The map of your parts", right: "from your part records", in: area, into: &frame.buffer, theme: theme)
        guard !parts.isEmpty else {
            Paragraph.render("No parts yet. As you get to know them, who protects whom and who pulls against whom is drawn here.",
                             in: Rect(x: area.x, y: 2, width: area.width, height: 3), into: &frame.buffer, style: theme.quiet)
            return
        }
        let names = Dictionary(parts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let colours = Dictionary(parts.map { ($0.id, $0.colour.flatMap(Color.init(rawValue:))) }, uniquingKeysWith: { first, _ in first })
        let all = lines(map: map, names: names)
        // Keep the picked part's first line in sight.
        let pickedLine = all.firstIndex { $0.text.contains { $0.1 == picked && picked != nil } } ?? 0
        let height = max(1, frame.size.height - 4)
        let top = max(0, pickedLine - height + 1)
        for (offset, line) in all.dropFirst(top).prefix(height).enumerated() {
            var x = area.x
            let y = 2 + offset
            for (text, id) in line.text {
                var style: Style = line.heading ? theme.prompt : (id == nil ? theme.quiet : theme.part(id.flatMap { colours[$0] ?? nil }))
                if let id, id == picked { style.reverse = true }
                x += frame.buffer.put(text.truncated(toWidth: max(0, area.maxX - x)), x: x, y: y, style: style)
            }
        }
    }
}
