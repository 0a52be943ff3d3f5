import JournalCore
import TerminalUI

extension HavenApp {
    var theme: Theme { Theme(colour: environment.colour) }

    public func view(into frame: inout Frame) {
        let size = frame.size
        guard size.width >= Self.minimumSize.width, size.height >= Self.minimumSize.height else {
            TooSmallView.render(size: size, into: &frame.buffer, theme: theme)
            return
        }
        switch state.screen {
        case .welcome:
            WelcomeView.render(journalPath: environment.journalPath, into: &frame, theme: theme)
        case .home(let selected):
            HomeView.render(app: self, selected: selected, into: &frame)
        case .session(let session):
            SessionView.render(app: self, session: session, into: &frame)
        case .review(let review):
            ReviewView.render(app: self, review: review, into: &frame)
        case .saved(let saved):
            SavedView.render(saved: saved, into: &frame, theme: theme)
        case .browse(let browse):
            BrowseView.render(app: self, browse: browse, into: &frame)
        case .reader(let browse, let reader):
            ReaderView.render(app: self, browse: browse, reader: reader, into: &frame)
        case .calendar(_, let calendar):
            CalendarView.render(app: self, calendar: calendar, into: &frame)
        case .parts(let list):
            PartsView.render(app: self, list: list, into: &frame)
        case .part(_, let page):
            if let form = page.form {
                PartFormView.render(app: self, page: page, form: form, into: &frame)
            } else if let merge = page.merge {
                PartMergeView.render(app: self, page: page, merge: merge, into: &frame)
            } else {
                PartPageView.render(app: self, page: page, into: &frame)
                if let picked = page.flowPicker { PartPageView.renderFlowPicker(app: self, page: page, selected: picked, into: &frame) }
                if page.confirmingDelete {
                    let name = state.home.parts.first { $0.id == page.id }?.name ?? page.id.rawValue
                    LeavingView.renderQuestion("Delete \(name)? No entry names it. Its record goes to the trash folder; "
                                               + "u in the parts list brings it back.", into: &frame, theme: theme)
                }
            }
        case .selfEnergy(let view):
            SelfEnergyView.render(app: self, view: view, into: &frame)
        case .partsMap(_, let selected):
            PartsMapView.render(app: self, selected: selected, into: &frame)
        }
        if let leaving = state.leaving, let run = currentDraft()?.run {
            LeavingView.render(leaving, title: flowTitle(run), into: &frame, theme: theme)
        }
        if state.confirmingHomeDiscard, let draft = state.home.draft {
            let when = draft.run.startedAt
            LeavingView.renderQuestion("Discard the unfinished session (\(flowTitle(draft.run)), \(when.shortDate) \(when.timeString))? "
                                       + "It goes to the trash folder; u brings it back.", into: &frame, theme: theme)
        }
        let bottom = frame.area.splitBottom(1).bottom
        if state.notice != nil {
            let rows = noticeRows(width: size.width)
            for (index, text) in rows.enumerated() {
                let row = Rect(x: 2, y: bottom.y - rows.count + index, width: size.width - 4, height: 1)
                frame.buffer.fill(row)
                frame.buffer.put(text, x: row.x, y: row.y, style: theme.notice, clip: row)
            }
        }
        frame.buffer.fill(bottom)
        HelpLine.render(activeKeyMap.helpLine, in: bottom.inset(horizontal: 2), into: &frame.buffer, keyStyle: theme.key,
                        textStyle: theme.quiet)
        if state.showHelp {
            HelpView.render(keyMap: activeKeyMap, editing: activeKeyMap.bindings.contains { $0.action == .openEditor },
                            into: &frame, theme: theme)
        }
    }
}

extension HavenApp {
    /// The notice as drawn: read whole, it wraps upward over the screen, up to three rows.
    func noticeRows(width: Int) -> [String] {
        guard let notice = state.notice else { return [] }
        let rows = Paragraph.wrap(notice, width: width - 4)
        guard rows.count > 3 else { return rows }
        return Array(rows.prefix(2)) + [rows[2...].joined(separator: " ").truncated(toWidth: width - 4)]
    }
}

/// A screen's title row: the title on the left, a quiet label on the right only when both fit.
enum TitleRow {
    static func render(_ title: String, right: String, in area: Rect, y: Int = 0, into buffer: inout Buffer, theme: Theme) {
        let rightWidth = CellWidth.of(right)
        buffer.put(title.truncated(toWidth: area.width), x: area.x, y: y, style: theme.title)
        if CellWidth.of(title) + 2 + rightWidth <= area.width {
            buffer.put(right, x: area.maxX - rightWidth, y: y, style: theme.quiet)
        }
    }
}

enum TooSmallView {
    static func render(size: Size, into buffer: inout Buffer, theme: Theme) {
        let lines = ["Haven needs a bigger window:", "at least \(HavenApp.minimumSize.width) × \(HavenApp.minimumSize.height).",
                     "Now: \(size.width) × \(size.height)."]
        for (index, line) in lines.enumerated() {
            let y = max(0, size.height / 2 - 1) + index
            buffer.put(line.truncated(toWidth: size.width), x: max(0, (size.width - CellWidth.of(line)) / 2), y: y)
        }
    }
}

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

enum HomeView {
    static func greeting(hour: Int) -> String {
        switch hour {
        case 5..<12: return "Good morning."
        case 12..<18: return "Good afternoon."
        default: return "Good evening."
        }
    }

    static func render(app: HavenApp, selected: Int, into frame: inout Frame) {
        let theme = app.theme
        let area = frame.area.splitBottom(2).rest.inset(horizontal: 2)
        let now = app.environment.clock.now()
        var y = 1
        frame.buffer.put("Haven", x: area.x, y: y, style: theme.title)
        let date = now.longDate
        frame.buffer.put(date, x: area.maxX - CellWidth.of(date), y: y, style: theme.quiet)
        y += 1
        frame.buffer.put(greeting(hour: now.hour), x: area.x, y: y)
        y += 2

        if let draft = app.state.home.draft {
            let when = draft.run.startedAt
            let flowTitle = app.environment.library.flow(draft.run.rootFlowID)?.title ?? draft.run.rootFlowID
            var text = "You have an unfinished session (\(flowTitle)) from \(when.shortDate) \(when.timeString): r resume, s save as it is, d discard."
            if app.state.home.otherDrafts > 0 {
                text += " (\(app.state.home.otherDrafts) more waiting after it.)"
            }
            if Paragraph.wrap(text, width: area.width).count > 2 {
                text = "Unfinished session, \(when.shortDate) \(when.timeString): r resume · s save · d discard"
            }
            y += Paragraph.render(text, in: Rect(x: area.x, y: y, width: area.width, height: 3), into: &frame.buffer,
                                  style: theme.notice) + 1
        }

        let onThisDay = app.state.home.onThisDay
        if onThisDay > 0 {
            // Offered, never pressed: one quiet line.
            let text = "On this day: \(onThisDay == 1 ? "an entry" : "\(onThisDay) entries") from earlier years. o to read."
            frame.buffer.put(text.truncated(toWidth: area.width), x: area.x, y: y, style: theme.accent)
            y += 2
        }
        // Promises made to parts and not yet kept: a reminder, never a count of failures.
        let open = app.state.home.parts.flatMap { part in part.promises.filter { $0.kept == nil }.map { (part.name, $0) } }
        if let newest = open.max(by: { $0.1.made.secondsSinceEpoch < $1.1.made.secondsSinceEpoch }), frame.size.height >= 20 {
            let more = open.count > 1 ? " (and \(open.count - 1) more; p shows your parts)" : ""
            let text = "A promise to \(newest.0): \"\(newest.1.text)\"\(more)"
            frame.buffer.put(text.truncated(toWidth: area.width), x: area.x, y: y, style: theme.quiet)
            y += 2
        }
        // The weeks after an unburdening: a visit offered each day, in one quiet line.
        if let after = app.state.home.afterUnburdening, frame.size.height >= 20 {
            let name = app.state.home.parts.first { $0.id == app.state.home.aliases.resolve(after.part) }?.name ?? after.part.rawValue
            let days = after.daysSince == 1 ? "yesterday" : "\(after.daysSince) days ago"
            var text = "\(name) set down what it carried \(days). A short visit today, if you like (f)."
            if CellWidth.of(text) > area.width { text = "A visit to \(name) today, if you like (f)." }
            frame.buffer.put(text.truncated(toWidth: area.width), x: area.x, y: y, style: theme.quiet)
            y += 2
        } else if let followUp = app.state.home.followUp, frame.size.height >= 20 {
            // Deeper work in the last days, not yet followed up: offered once, never pressed.
            let part = followUp.youngPart(among: app.state.home.parts, aliases: app.state.home.aliases)
            let with = part.map { "your time with \($0.name)" } ?? "your deeper work"
            var text = "After \(with) on \(followUp.created.shortDate): a follow-up visit, if you like (f)."
            if CellWidth.of(text) > area.width { text = "A follow-up visit, if you like (f)." }
            frame.buffer.put(text.truncated(toWidth: area.width), x: area.x, y: y, style: theme.quiet)
            y += 2
        }

        let flows = app.homeChoices
        let recent = app.state.home.recent
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
        if app.state.home.problemCount > 0, app.state.notice == nil {
            let note = "\(app.state.home.problemCount) file(s) in the journal could not be read; see 'haven list'."
            frame.buffer.put(note.truncated(toWidth: area.width), x: area.x, y: frame.size.height - 2, style: theme.quiet)
        }
    }
}

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

enum HelpView {
    static func render(keyMap: KeyMap<AppAction>, editing: Bool, into frame: inout Frame, theme: Theme) {
        var rows = keyMap.helpRows
        if editing { rows += Keymaps.editingHelp }
        let height = min(frame.size.height - 2, rows.count + 5)
        let box = frame.area.centred(width: min(frame.size.width - 4, 76), height: height)
        frame.buffer.fill(box)
        drawBorder(box, into: &frame.buffer, style: theme.quiet)
        let inner = box.inset(horizontal: 2, vertical: 1)
        frame.buffer.put("Keys: \(keyMap.title)", x: inner.x, y: inner.y, style: theme.title)
        let keyWidth = min(22, rows.map { CellWidth.of($0.keys) }.max() ?? 0)
        for (index, row) in rows.enumerated() where inner.y + 2 + index < inner.maxY - 1 {
            let y = inner.y + 2 + index
            frame.buffer.put(row.keys.truncated(toWidth: keyWidth), x: inner.x, y: y, style: theme.key)
            frame.buffer.put(row.help.truncated(toWidth: inner.width - keyWidth - 2), x: inner.x + keyWidth + 2, y: y)
        }
        frame.buffer.put("Any key closes this.", x: inner.x, y: inner.maxY - 1, style: theme.quiet)
        frame.cursor = nil
    }

    static func drawBorder(_ rect: Rect, into buffer: inout Buffer, style: Style) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let horizontal = String(repeating: "─", count: rect.width - 2)
        buffer.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: style)
        buffer.put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: style)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            buffer.put("│", x: rect.x, y: y, style: style)
            buffer.put("│", x: rect.maxX - 1, y: y, style: style)
        }
    }
}
