import JournalCore
import TerminalUI

/// Self-energy over time: the 8 C's and distress by week or by month.
public struct SelfEnergyState: Hashable, Sendable {
    public var span: SelfEnergyTrend.Span = .week

    public init() {}
}

/// Self-energy over time: `v` switches between weeks and months.
enum SelfEnergyFeature {
    static func reduce(_ view: inout SelfEnergyState, _ key: Key) -> [AppCommand] {
        switch SelfEnergyKeys.map.action(for: key) {
        case .switchSpan?: view.span = view.span == .week ? .month : .week
        case .back?: return [.pop, .run(.loadHome)]
        case .ground?, .help?, .quit?, nil: break // grounding and quitting are the app's here: nothing is typed
        }
        return []
    }
}

enum SelfEnergyView {
    static func render(context: AppContext, view: SelfEnergyState, into frame: inout Frame) {
        let theme = context.theme
        let area = frame.area.inset(horizontal: 2)
        let labelWidth = 16
        let columns = max(4, min(view.span == .week ? 52 : 24, area.width - labelWidth - 10))
        let today = CalendarDay(context.environment.clock.now())
        let trend = SelfEnergyTrend(entries: context.journal?.entries ?? [], span: view.span, count: columns, today: today)
        let spanName = view.span == .week ? "week" : "month"
        TitleRow.render("Self-energy over time · by \(spanName)", right: view.span == .week ? "m: by month" : "m: by week",
                        in: area, into: &frame.buffer, theme: theme)

        guard trend.buckets.contains(where: { $0.average != nil || $0.highestDistress != nil }) else {
            Paragraph.render("No Self-energy ratings in this time yet. The daily check-in asks for them, and so does \"Ground and find Self\".",
                             in: Rect(x: area.x, y: 2, width: area.width, height: 3), into: &frame.buffer, style: theme.quiet)
            return
        }
        var y = 2
        if let first = trend.buckets.first, let last = trend.buckets.last {
            let from = "\(first.start)"
            let to = "\(last.start)"
            frame.buffer.put(from, x: area.x + labelWidth, y: y, style: theme.quiet)
            frame.buffer.put(to, x: max(area.x + labelWidth + CellWidth.of(from) + 1, area.x + labelWidth + columns - CellWidth.of(to)), y: y,
                             style: theme.quiet)
            y += 1
        }
        func row(_ label: String, _ values: [Double?], latest: String, style: Style = .plain) {
            guard y < frame.size.height - 3 else { return }
            frame.buffer.put(label, x: area.x, y: y, style: style)
            frame.buffer.put(String(values.map(SelfEnergyTrend.bar)), x: area.x + labelWidth, y: y, style: theme.accent)
            frame.buffer.put(latest, x: area.x + labelWidth + columns + 2, y: y, style: theme.quiet)
            y += 1
        }
        func latest(_ values: [Double?]) -> String {
            values.last.flatMap { $0 }.map { String(format: "%.1f", $0) } ?? ""
        }
        let averages = trend.buckets.map(\.average)
        row("Self-energy", averages, latest: latest(averages), style: theme.prompt)
        for quality in SelfQuality.allCases {
            let values = trend.buckets.map { $0.qualities[quality] }
            guard values.contains(where: { $0 != nil }) else { continue }
            row(quality.label, values, latest: latest(values))
        }
        let distress = trend.buckets.map { $0.highestDistress.map(Double.init) }
        if distress.contains(where: { $0 != nil }) {
            row("Distress (most)", distress, latest: latest(distress), style: theme.quiet)
        }
        y += 1
        if let most = trend.most, let least = trend.least, y < frame.size.height - 2 {
            let text = String(format: "Most Self-energy: %@ (%.1f). Least: %@ (%.1f).", dayName(most.day), most.value, dayName(least.day), least.value)
            y += Paragraph.render(text, in: Rect(x: area.x, y: y, width: area.width, height: 2), into: &frame.buffer, style: theme.quiet)
        }
        if y < frame.size.height - 2 {
            Paragraph.render("Each bar is the mean of that \(spanName)'s ratings (0 to 10); a gap is a \(spanName) without any.",
                             in: Rect(x: area.x, y: y, width: area.width, height: max(0, frame.size.height - 2 - y)),
                             into: &frame.buffer, style: theme.quiet)
        }
    }

    static func dayName(_ day: CalendarDay) -> String {
        LocalDateTime(year: day.year, month: day.month, day: day.day, utcOffsetMinutes: 0).longDate
    }
}
