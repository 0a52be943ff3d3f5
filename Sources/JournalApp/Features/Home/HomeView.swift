import JournalCore
import TerminalUI

enum HomeView {
    static func greeting(hour: Int) -> String {
        switch hour {
        case 5..<12: return "Good morning."
        case 12..<18: return "Good afternoon."
        default: return "Good evening."
        }
    }

    static func render(context: AppContext, selected: Int, into frame: inout Frame) {
        let theme = context.theme
        let area = frame.area.splitBottom(2).rest.inset(horizontal: 2)
        let now = context.environment.clock.now()
        var y = 1
        frame.buffer.put("Haven", x: area.x, y: y, style: theme.title)
        let date = now.longDate
        frame.buffer.put(date, x: area.maxX - CellWidth.of(date), y: y, style: theme.quiet)
        y += 1
        frame.buffer.put(greeting(hour: now.hour), x: area.x, y: y)
        y += 2

        if let draft = context.home.draft {
            let when = draft.run.startedAt
            let flowTitle = context.environment.library.flow(draft.run.rootFlowID)?.title ?? draft.run.rootFlowID
            var text = "You have an unfinished session (\(flowTitle)) from \(when.shortDate) \(when.timeString): r resume, s save as it is, d discard."
            if context.home.otherDrafts > 0 {
                text += " (\(context.home.otherDrafts) more waiting after it.)"
            }
            if Paragraph.wrap(text, width: area.width).count > 2 {
                text = "Unfinished session, \(when.shortDate) \(when.timeString): r resume · s save · d discard"
            }
            y += Paragraph.render(text, in: Rect(x: area.x, y: y, width: area.width, height: 3), into: &frame.buffer,
                                  style: theme.notice) + 1
        }

        let onThisDay = context.home.onThisDay
        if onThisDay > 0 {
            // Offered, never pressed: one quiet line.
            let text = "On this day: \(onThisDay == 1 ? "an entry" : "\(onThisDay) entries") from earlier years. o to read."
            frame.buffer.put(text.truncated(toWidth: area.width), x: area.x, y: y, style: theme.accent)
            y += 2
        }
        // Promises made to parts and not yet kept: a reminder, never a count of failures.
        let open = context.home.parts.flatMap { part in part.promises.filter { $0.kept == nil }.map { (part.name, $0) } }
        if let newest = open.max(by: { $0.1.made.secondsSinceEpoch < $1.1.made.secondsSinceEpoch }), frame.size.height >= 20 {
            let more = open.count > 1 ? " (and \(open.count - 1) more; p shows your parts)" : ""
            let text = "A promise to \(newest.0): \"\(newest.1.text)\"\(more)"
            frame.buffer.put(text.truncated(toWidth: area.width), x: area.x, y: y, style: theme.quiet)
            y += 2
        }
        // The weeks after an unburdening: a visit offered each day, in one quiet line.
        if let after = context.home.afterUnburdening, frame.size.height >= 20 {
            let name = context.home.parts.first { $0.id == context.home.aliases.resolve(after.part) }?.name ?? after.part.rawValue
            let days = after.daysSince == 1 ? "yesterday" : "\(after.daysSince) days ago"
            var text = "\(name) set down what it carried \(days). A short visit today, if you like (f)."
            if CellWidth.of(text) > area.width { text = "A visit to \(name) today, if you like (f)." }
            frame.buffer.put(text.truncated(toWidth: area.width), x: area.x, y: y, style: theme.quiet)
            y += 2
        } else if let followUp = context.home.followUp, frame.size.height >= 20 {
            // Deeper work in the last days, not yet followed up: offered once, never pressed.
            let part = followUp.youngPart(among: context.home.parts, aliases: context.home.aliases)
            let with = part.map { "your time with \($0.name)" } ?? "your deeper work"
            var text = "After \(with) on \(followUp.created.shortDate): a follow-up visit, if you like (f)."
            if CellWidth.of(text) > area.width { text = "A follow-up visit, if you like (f)." }
            frame.buffer.put(text.truncated(toWidth: area.width), x: area.x, y: y, style: theme.quiet)
            y += 2
        }

        let flows = context.homeChoices
        let recent = context.home.recent
        // Keep room for a few recent entries below; the flows scroll in what is left, keeping
        // the chosen one in sight.
        let recentRows = recent.isEmpty ? 2 : 2 + min(recent.count, frame.size.height >= 30 ? 5 : 3)
        // When the flows do not all fit, their "↓ more" line takes a row of its own.
        let overflows = y + flows.count + 1 > area.maxY - recentRows
        let flowsBottom = max(y + 3, area.maxY - recentRows - (overflows ? 1 : 0))
        let roomForFlows = max(1, flowsBottom - y - 1) // the first flow has a blank row after it
        let firstFlow = max(0, selected - roomForFlows + 1)
        let hiddenBelow = max(0, flows.count - firstFlow - roomForFlows)
        for (index, flow) in flows.enumerated().dropFirst(firstFlow) where y < flowsBottom {
            let isSelected = index == selected
            let label = index == 0 && flow.id == "daily-checkin" ? "Begin today's check-in" : flow.title
            let minutes = flow.minutes.map { "\($0) min" } ?? ""
            let marker = isSelected ? "▸ " : "  "
            let style = isSelected ? theme.selected : (index == 0 ? theme.prompt : Style.plain)
            let labelWidth = min(30, area.width / 2)
            frame.buffer.put(marker, x: area.x, y: y)
            frame.buffer.put(label.truncated(toWidth: labelWidth), x: area.x + 2, y: y, style: style)
            let descriptionX = area.x + 2 + labelWidth + 2
            let minutesX = area.maxX - CellWidth.of(minutes)
            frame.buffer.put(flow.description.truncated(toWidth: max(0, minutesX - descriptionX - 2)), x: descriptionX, y: y,
                             style: theme.quiet)
            frame.buffer.put(minutes, x: minutesX, y: y, style: theme.quiet)
            y += index == 0 ? 2 : 1
        }
        if hiddenBelow > 0 {
            frame.buffer.put("  ↓ \(hiddenBelow) more", x: area.x, y: min(y, flowsBottom), style: theme.quiet)
            y = min(y, flowsBottom) + 1
        }

        if !recent.isEmpty, y + 2 < area.maxY {
            y += hiddenBelow > 0 ? 0 : 1 // the "more" line already parts the two lists
            frame.buffer.put("Recent entries", x: area.x, y: y, style: theme.prompt)
            y += 1
            for entry in recent where y < area.maxY {
                var x = area.x + 2
                x += frame.buffer.put("\(entry.created.shortDate) \(entry.created.timeString)  ", x: x, y: y, style: theme.quiet)
                x += frame.buffer.put(entry.title.truncated(toWidth: max(0, (area.maxX - x) / 2)), x: x, y: y)
                for part in entry.parts where x + 3 < area.maxX {
                    x += frame.buffer.put(" · ", x: x, y: y, style: theme.quiet)
                    x += frame.buffer.put(part.name.truncated(toWidth: area.maxX - x), x: x, y: y, style: theme.part(part.colour),
                                          clip: area)
                }
                y += 1
            }
        } else if recent.isEmpty, y + 1 < area.maxY {
            y += 1
            frame.buffer.put("Your entries will appear here.", x: area.x, y: y, style: theme.quiet)
        }
        if context.home.problemCount > 0, context.notice == nil {
            let note = "\(context.home.problemCount) file(s) in the journal could not be read; see 'haven list'."
            frame.buffer.put(note.truncated(toWidth: area.width), x: area.x, y: frame.size.height - 2, style: theme.quiet)
        }
    }
}
