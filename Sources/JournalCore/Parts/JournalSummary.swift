/// A Markdown summary of a stretch of the journal that the person can bring to a therapist: the
/// parts that were active and what their records hold, permissions, promises, what was flagged
/// to come back to, and Self-energy and distress by week. Everything quoted is the person's own
/// words; the headings and counts are Haven's. It never interprets or labels.
public enum JournalSummary {
    /// `entries` are the full entries of the stretch (any order); `parts` the whole registry.
    public static func markdown(entries: [Entry], parts: [Part], from: CalendarDay?, to: CalendarDay?) -> String {
        let entries = entries.sorted { $0.created.secondsSinceEpoch < $1.created.secondsSinceEpoch }
        let byID = Dictionary(parts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let names = byID.mapValues(\.name)
        func name(_ id: PartID) -> String { names[id] ?? id.rawValue }
        func inRange(_ moment: LocalDateTime) -> Bool {
            let day = CalendarDay(moment)
            return (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true)
        }
        func quote(_ text: String) -> String {
            "“" + text.trimmingWhitespace().split(separator: "\n").joined(separator: " ") + "”"
        }

        var out: [String] = []
        let span: String
        switch (from, to) {
        case let (from?, to?): span = "\(from) to \(to)"
        case let (from?, nil): span = "from \(from)"
        case let (nil, to?): span = "up to \(to)"
        case (nil, nil):
            if let first = entries.first, let last = entries.last {
                span = "\(CalendarDay(first.created)) to \(CalendarDay(last.created))"
            } else {
                span = "all entries"
            }
        }
        out.append("# Haven summary, \(span)")
        out.append("")
        out.append("From \(entries.count) \(entries.count == 1 ? "entry" : "entries"). Quoted text is the writer's own words.")

        // Parts that were active, most present first.
        var counts: [PartID: Int] = [:]
        for entry in entries { for id in Set(entry.parts) { counts[id, default: 0] += 1 } }
        func count(_ id: PartID) -> Int { counts[id] ?? 0 }
        func entriesText(_ id: PartID) -> String { "In \(count(id)) \(count(id) == 1 ? "entry" : "entries")." }
        let active = counts.keys.sorted { count($0) != count($1) ? count($0) > count($1) : name($0) < name($1) }
        out.append("")
        out.append("## Parts that were active")
        if active.isEmpty { out.append(""); out.append("No part was named in these entries.") }
        for id in active {
            out.append("")
            guard let part = byID[id] else {
                out.append("### \(name(id))")
                out.append("")
                out.append(entriesText(id) + " (No record for this part.)")
                continue
            }
            let presented = PartPresentation(part, names: names)
            out.append("### \(part.name) (\(presented.roleAndStage.joined(separator: ", ")))")
            out.append("")
            out.append(entriesText(id))
            // The person's words are quoted, the names of parts are not.
            var facts = presented.filled(quoting: quote).map { "- \($0.fact.label): \($0.text)" }
            let feelings = part.feelToward.filter { inRange($0.date) }
            if !feelings.isEmpty {
                facts.append("- How the writer felt toward it:")
                for record in feelings {
                    // Only the writer's own reading is given; Haven's guess is never printed as a fact.
                    let words = record.answer.isEmpty ? "no words" : quote(record.answer)
                    let reading = record.chosen.map { " (\(PartPresentation.reading($0)), as the writer read it)" } ?? ""
                    facts.append("  - \(CalendarDay(record.date)): \(words)\(reading)")
                }
            }
            let trust = part.trust.filter { inRange($0.date) }
            if !trust.isEmpty {
                facts.append("- Its trust in the writer's Self, as rated (0-10): "
                             + trust.map { "\(CalendarDay($0.date)): \($0.rating)" }.joined(separator: "; "))
            }
            if !facts.isEmpty {
                out.append("")
                out += facts
            }
        }

        // Permissions and promises dated in the stretch.
        let permissions = parts.flatMap { part in part.permissions.filter { inRange($0.date) }.map { (part, $0) } }
            .sorted { $0.1.date.secondsSinceEpoch < $1.1.date.secondsSinceEpoch }
        if !permissions.isEmpty {
            out.append("")
            out.append("## Permissions")
            out.append("")
            for (part, permission) in permissions {
                let about = PartPresentation(part, names: names).about(permission).map { " (\($0))" } ?? ""
                out.append("- \(CalendarDay(permission.date)), \(part.name): \(PartPresentation.answer(permission.answer)), "
                           + "to \(permission.request)\(about)")
            }
        }
        let promises = parts.flatMap { part in part.promises.filter { inRange($0.made) || $0.kept.map(inRange) == true }.map { (part, $0) } }
            .sorted { $0.1.made.secondsSinceEpoch < $1.1.made.secondsSinceEpoch }
        if !promises.isEmpty {
            out.append("")
            out.append("## Promises to parts")
            out.append("")
            for (part, promise) in promises {
                out.append("- \(CalendarDay(promise.made)), to \(part.name): \(quote(promise.text)) (\(PartPresentation.promiseState(promise)))")
            }
        }

        // Moments flagged to come back to.
        let flagged = entries.filter { entry in
            entry.sections.contains { $0.stepID == "come-back" && $0.text.lowercased().hasPrefix("come back") }
        }
        if !flagged.isEmpty {
            out.append("")
            out.append("## Flagged to come back to")
            out.append("")
            for entry in flagged {
                let what = entry.sections.first { $0.stepID == "happened" }?.text ?? entry.headline
                out.append("- \(CalendarDay(entry.created)): \(quote(what))")
            }
        }

        // Deeper work with a young part and no follow-up written after it within these dates.
        let notFollowedUp = entries.filter { work in
            work.flow.map(FollowUpReminder.deeperFlows.contains) == true
                && !entries.contains { $0.flow == "follow-up" && $0.created.secondsSinceEpoch > work.created.secondsSinceEpoch }
        }
        if !notFollowedUp.isEmpty {
            out.append("")
            out.append("## Deeper work with no follow-up in these dates")
            out.append("")
            for entry in notFollowedUp.sorted(by: { $0.created.secondsSinceEpoch < $1.created.secondsSinceEpoch }) {
                let with = entry.parts.isEmpty ? "" : " with " + entry.parts.map(name).joined(separator: ", ")
                out.append("- \(CalendarDay(entry.created)): \(entry.flow ?? "")\(with)")
            }
        }

        // Self-energy and distress by ISO week (Monday).
        var weeks: [CalendarDay: (energy: [Double], distress: [Int])] = [:]
        for entry in entries {
            let day = CalendarDay(entry.created)
            let monday = day.adding(days: -(entry.created.isoWeekday - 1))
            if let average = entry.selfEnergy.average { weeks[monday, default: ([], [])].energy.append(average) }
            for reading in entry.distress { weeks[monday, default: ([], [])].distress.append(reading.value) }
        }
        if !weeks.isEmpty {
            out.append("")
            out.append("## Self-energy and distress by week")
            out.append("")
            out.append("| week of | Self-energy (average, 0-10) | distress (highest, 0-10) |")
            out.append("| --- | --- | --- |")
            for (week, values) in weeks.sorted(by: { $0.key < $1.key }) {
                var selfText = ""
                if !values.energy.isEmpty {
                    let mean: Double = values.energy.reduce(0, +) / Double(values.energy.count)
                    selfText = String((mean * 10).rounded() / 10)
                }
                let distressText = values.distress.max().map(String.init) ?? ""
                out.append("| \(week) | \(selfText) | \(distressText) |")
            }
        }
        out.append("")
        out.append("Haven is a journal, not a clinical record; this summary only gathers what was written.")
        return out.joined(separator: "\n") + "\n"
    }
}
