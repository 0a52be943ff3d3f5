/// What a finished (or ended early) session produces: the entry, and the part records it changed.
public struct FlowOutcome: Hashable, Sendable {
    public var entry: Entry
    /// Only the parts this session created or changed, as they should now be saved.
    public var changedParts: [Part]
    /// The safety plan, when the session filled in some of it.
    public var safetyPlan: SafetyPlan?
}

/// The part records after applying a session's answers: parts named for the first time are
/// created; `updates:` steps fill fields of the part in focus; feel-toward answers are added to
/// its dated feel-toward history. Applying the same session twice changes nothing the second
/// time, so saving a draft again (after a crash or a failed part save) never duplicates.
struct PartChanges {
    var all: [Part]
    var changedIDs: [PartID]

    /// The stage an option names: the stage's own word anywhere in it ("We have befriended each
    /// other", "It gave permission for a visit", "new role"), so options can read naturally.
    static func stage(in text: String) -> PartStage? {
        let words = " " + text.lowercased().replacingAll("-", with: " ") + " "
        return PartStage.allCases.last { stage in words.contains(" " + stage.rawValue.replacingAll("-", with: " ")) }
    }

    /// A permission choice's words as an answer: "not yet" and "later" before "no", "yes" or
    /// "ok" for yes; anything else is taken as not yet (never as a yes).
    static func permissionAnswer(_ text: String) -> PermissionAnswer {
        let words = text.lowercased().split { !$0.isLetter && $0 != "'" }.map(String.init)
        let phrase = " " + words.joined(separator: " ") + " "
        for hesitant in [" not yet ", " later ", " not now ", " maybe ", " not sure ", " unsure ", " perhaps "]
        where phrase.contains(hesitant) {
            return .notYet
        }
        if words.contains("no") || words.contains("nope") { return .no }
        if words.contains("yes") || words.contains("ok") || words.contains("okay") { return .yes }
        return .notYet
    }

    /// Colours that read well on dark and light terminals, in the order parts get them.
    static let palette = ["cyan", "magenta", "yellow", "green", "blue", "red"]

    /// The person's reading of the feel-toward answer at `index`: the confirmation that follows
    /// it, or a "that's not it" correction after that, until the question is asked again (nil
    /// when they left it open or never got there).
    static func chosenReading(forQuestionAt index: Int, run: FlowRun, library: FlowLibrary) -> FeelTowardResult? {
        let question = run.answers[index]
        let confirmID = FeelTowardChoice.stepID(confirming: question.stepID)
        var chosen: FeelTowardResult?
        var confirmed = false
        for answer in run.answers[(index + 1)...] where answer.flowID == question.flowID {
            if answer.stepID == question.stepID { break }
            let isConfirmation = answer.stepID == confirmID && library.flow(answer.flowID)?.step(confirmID)?.confirms == question.stepID
            if isConfirmation {
                if confirmed { break }
                confirmed = true
                if case .choice(let words) = answer.value { chosen = FeelTowardChoice.reading(of: words) }
            } else if confirmed, library.flow(answer.flowID)?.step(answer.stepID)?.confirms != nil {
                break // another question's confirmation: this one's reading is settled
            } else if confirmed, let correction = FeelTowardChoice.reading(of: answer, library: library) {
                chosen = correction
            }
        }
        return chosen
    }

    /// Whether Self was there, as the person read it, when the answer at `index` was given: their
    /// latest reading in the session before it (nil when there was none).
    static func selfLed(before index: Int, run: FlowRun, library: FlowLibrary) -> Bool? {
        for answer in run.answers[..<index].reversed() {
            if let reading = FeelTowardChoice.reading(of: answer, library: library) { return reading == .selfPresent }
        }
        return nil
    }

    static func apply(run: FlowRun, to known: [Part], library: FlowLibrary) -> PartChanges {
        var parts = known
        var changed: [PartID] = []
        // How many times this session has given each feel-toward record so far: the same words
        // twice in one session are two answers, yet a second save of the session adds none.
        var feelingsGiven: [PartID: [FeelTowardRecord: Int]] = [:]
        var singleValues: [PartID: [(field: SingleValueField, value: String)]] = [:]
        func touch(_ id: PartID, _ change: (inout Part) -> Void) {
            guard let index = parts.firstIndex(where: { $0.id == id }) else { return }
            let before = parts[index]
            change(&parts[index])
            if parts[index] != before, !changed.contains(id) { changed.append(id) }
        }
        for (index, answer) in run.answers.enumerated() {
            if case .part(.new(let id, let name)) = answer.value, !parts.contains(where: { $0.id == id }) {
                // Each new part gets the next colour of a small palette; the person can change it.
                let colour = Self.palette[parts.count % Self.palette.count]
                parts.append(Part(id: id, name: name, created: run.startedAt, colour: colour))
                changed.append(id)
            }
            guard let focus = answer.focus else { continue }
            let step = library.flow(answer.flowID)?.step(answer.stepID)
            if let link = step?.links, case .part(let choice) = answer.value, choice.id != focus {
                // Both records know of the link (a rename never breaks it: ids are stable).
                let other = choice.id
                func add(_ id: PartID, to list: WritableKeyPath<Part, [PartID]>, of owner: PartID) {
                    touch(owner) { if !$0[keyPath: list].contains(id) { $0[keyPath: list].append(id) } }
                }
                switch link {
                case .protects: add(other, to: \.protects, of: focus)
                case .protectedBy: add(focus, to: \.protects, of: other)
                case .polarizedWith:
                    add(other, to: \.polarizedWith, of: focus)
                    add(focus, to: \.polarizedWith, of: other)
                case .allies:
                    add(other, to: \.allies, of: focus)
                    add(focus, to: \.allies, of: other)
                }
            }
            if case .feelToward? = step?.kind {
                // The person's words and their own reading of them; the guess is kept beside it.
                var text = "", proposed: FeelTowardResult?
                if case .feeling(let words, let sorting) = answer.value, !words.trimmingWhitespace().isEmpty {
                    text = words
                    proposed = sorting.result
                }
                let chosen = Self.chosenReading(forQuestionAt: index, run: run, library: library)
                if !text.isEmpty || chosen != nil {
                    let record = FeelTowardRecord(date: run.startedAt, answer: text, chosen: chosen, proposed: proposed)
                    let given = feelingsGiven[focus, default: [:]][record, default: 0] + 1
                    feelingsGiven[focus, default: [:]][record] = given
                    touch(focus) { part in
                        if part.feelToward.filter({ $0 == record }).count < given { part.feelToward.append(record) }
                    }
                }
            }
            guard let field = step?.updates else { continue }
            if field == .trust {
                if case .number(let rating) = answer.value {
                    let record = TrustRecord(date: run.startedAt, rating: rating)
                    touch(focus) { if !$0.trust.contains(record) { $0.trust.append(record) } }
                }
                continue
            }
            let text: String
            switch answer.value {
            case .text(let value), .choice(let value): text = value.trimmingWhitespace()
            case .choices(let values): text = values.joined(separator: ", ")
            case .feeling(let value, _): text = value.trimmingWhitespace()
            default: continue
            }
            guard !text.isEmpty else { continue }
            if let single = field.singleValue {
                // Kept for the end: a field given twice in one session takes its last value once.
                if single != .role || PartRole(rawValue: text.lowercased().replacingAll(" ", with: "-")) != nil {
                    let value = single == .role ? text.lowercased().replacingAll(" ", with: "-") : text
                    singleValues[focus, default: []].removeAll { $0.field == single }
                    singleValues[focus, default: []].append((single, value))
                }
                continue
            }
            touch(focus) { part in
                switch field {
                case .apparentAge, .bodyLocation, .job, .positiveIntent, .newRole, .role:
                    break // above
                case .feelings: if !part.feelings.contains(text) { part.feelings.append(text) }
                case .beliefs: if !part.beliefs.contains(text) { part.beliefs.append(text) }
                case .fears: if !part.fears.contains(text) { part.fears.append(text) }
                case .notes:
                    let dated = "\(run.startedAt.dateString): \(text)"
                    if !part.notes.contains(dated) {
                        part.notes = part.notes.isEmpty ? dated : part.notes + "\n\n" + dated
                    }
                case .stage:
                    if let stage = Self.stage(in: text) {
                        part.stage = stage
                        let reached = StageRecord(stage: stage, date: run.startedAt)
                        if !part.stagesReached.contains(reached) { part.stagesReached.append(reached) }
                    }
                case .permission:
                    let request = step?.request ?? answer.prompt
                    // The part the request is about: the latest answer of the step named by `about`.
                    let about = step?.about.flatMap { stepID -> PartID? in
                        guard case .part(let choice)? = run.answers.last(where: { $0.flowID == answer.flowID && $0.stepID == stepID })?.value
                        else { return nil }
                        return choice.id
                    }
                    let permission = PartPermission(date: run.startedAt, request: request, answer: Self.permissionAnswer(text),
                                                    about: about, selfLed: Self.selfLed(before: index, run: run, library: library))
                    guard !part.permissions.contains(permission) else { break }
                    part.permissions.append(permission)
                    // A new yes to a visit moves the stage on to "permission", never back from a later one.
                    if permission.answer == .yes, request == PartPermission.visitRequest,
                       [nil, .noticed, .befriended].contains(part.stage) {
                        part.stage = .permission
                    }
                case .promiseKept:
                    // The latest promise still open is kept today (once: a kept one stays kept).
                    if Self.permissionAnswer(text) == .yes,
                       let index = part.promises.lastIndex(where: { $0.kept == nil && $0.made != run.startedAt }) {
                        part.promises[index].kept = run.startedAt
                    }
                case .promise:
                    let promise = PartPromise(made: run.startedAt, text: text)
                    if !part.promises.contains(where: { $0.made == promise.made && $0.text == promise.text }) {
                        part.promises.append(promise)
                    }
                case .trust:
                    break // a number, recorded above
                }
            }
        }
        // A later flow never silently replaces what an earlier one recorded: the old value is
        // kept, dated, in the part's history.
        for (id, values) in singleValues {
            for (field, value) in values { touch(id) { $0.replace(field, with: value, on: run.startedAt) } }
        }
        return PartChanges(all: parts, changedIDs: changed)
    }
}

extension FlowEngine {
    /// The entry's tags: those written as #tag or @tag in its answers, with the ones added in the
    /// review, less the ones taken off there.
    static func tags(of run: FlowRun, sections: [EntrySection]) -> [String] {
        let written = sections.reduce([String]()) { EntryTags.merged($0, EntryTags.scan($1.text)) }
        let reviewed = run.reviewed ?? ReviewedDetails()
        return EntryTags.merged(written, reviewed.addedTags).filter { tag in
            !reviewed.removedTags.contains { EntryTags.same($0, tag) }
        }
    }

    /// A line as a title: whole up to 80 columns, else cut at a word with "…".
    static func titleLine(_ line: String) -> String {
        let trimmed = line.trimmingWhitespace()
        guard trimmed.count > 80 else { return trimmed }
        let cut = trimmed.prefix(79)
        let words = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return words.trimmingWhitespace() + "…"
    }

    /// The entry and part changes for a run, whether it finished or is being saved part-way.
    public func outcome(_ run: FlowRun, entryID: EntryID) -> FlowOutcome {
        let changes = PartChanges.apply(run: run, to: knownParts, library: library)
        var sections: [EntrySection] = []
        var partIDs: [PartID] = []
        var selfEnergy = SelfEnergyReading()
        var distress: [DistressReading] = []
        for answer in run.answers {
            let sectionID = answer.flowID == run.rootFlowID ? answer.stepID : "\(answer.flowID).\(answer.stepID)"
            let step = library.flow(answer.flowID)?.step(answer.stepID)
            if let focus = answer.focus, !partIDs.contains(focus) { partIDs.append(focus) }
            let text: String
            switch answer.value {
            case .skipped: continue
            case .text(let value), .choice(let value): text = value
            case .feeling(let value, _): text = value
            case .choices(let values): text = values.map { "- \($0)" }.joined(separator: "\n")
            case .number(let value):
                if case .scale(let min, let max, let low, let high, let recordsDistress)? = step?.kind {
                    if recordsDistress { distress.append(DistressReading(stepID: sectionID, value: value)) }
                    let ends = [(min, low), (max, high)].filter { !$0.1.isEmpty }.map { "\($0.0) = \($0.1)" }
                    text = "\(value) of \(max)" + (ends.isEmpty ? "" : " (\(ends.joined(separator: ", ")))")
                } else {
                    text = String(value)
                }
            case .part(let choice):
                if !partIDs.contains(choice.id) { partIDs.append(choice.id) }
                text = changes.all.first { $0.id == choice.id }?.name ?? choice.id.rawValue
            case .ratings(let ratings):
                selfEnergy.ratings.merge(ratings) { $1 }
                text = SelfEnergyReading(ratings).ordered.map { "- \($0.quality.label): \($0.value)" }.joined(separator: "\n")
            }
            sections.append(EntrySection(stepID: sectionID, heading: answer.prompt, text: text))
        }
        // Words written on a way the session no longer goes (an earlier answer was changed) are
        // kept at the end, marked, rather than lost.
        for answer in run.setAside ?? [] {
            let text: String
            switch answer.value {
            case .text(let value), .feeling(let value, _), .choice(let value): text = value
            default: continue
            }
            guard !sections.contains(where: { $0.text == text }) else { continue }
            let base = (answer.flowID == run.rootFlowID ? answer.stepID : "\(answer.flowID).\(answer.stepID)") + "-earlier"
            var id = base
            var number = 2
            while sections.contains(where: { $0.stepID == id }) { id = "\(base)-\(number)"; number += 1 }
            sections.append(EntrySection(stepID: id, heading: answer.prompt + " (written before an earlier answer was changed)",
                                         text: text))
        }
        // The entry is titled in the person's own words: the first line of its first piece of
        // writing (a long answer, else a short one, else the words of how they feel toward a
        // part); the flow's name is in `flow`, and lists show it in a column of its own. Lines of
        // the safety plan (names, numbers) never title an entry.
        var candidates: [(rank: Int, order: Int, text: String)] = []
        for answer in run.answers {
            guard let step = library.flow(answer.flowID)?.step(answer.stepID), step.keeps == nil else { continue }
            switch (step.kind, answer.value) {
            case (.longText, .text(let text)): candidates.append((0, candidates.count, text))
            case (.shortText, .text(let text)): candidates.append((1, candidates.count, text))
            case (.feelToward, .feeling(let text, _)): candidates.append((2, candidates.count, text))
            default: break
            }
        }
        var title = ""
        for candidate in candidates.sorted(by: { ($0.rank, $0.order) < ($1.rank, $1.order) }) {
            if let line = candidate.text.split(separator: "\n").first(where: { !$0.trimmingWhitespace().isEmpty }) {
                title = Self.titleLine(String(line))
                break
            }
        }
        if title.isEmpty, let template = library.flow(run.rootFlowID)?.entryTitle {
            // No words written: the flow's entry title, once its variables have values ("Making
            // room with Inner critic"); else the flow's own title.
            var complete = true
            let rendered = PromptTemplate.render(template) { path in
                let value: String
                if path == ["part"] || path == ["part", "name"] {
                    value = run.focus.flatMap { id in changes.all.first { $0.id == id }?.name } ?? ""
                } else {
                    value = resolve(path, run: run).displayText
                }
                if value.isEmpty { complete = false }
                return value
            }.trimmingWhitespace()
            if complete { title = rendered }
        }
        if title.isEmpty { title = library.flow(run.rootFlowID)?.title ?? run.rootFlowID }
        if let given = run.reviewed?.title?.trimmingWhitespace(), !given.isEmpty { title = given }
        let tags = Self.tags(of: run, sections: sections)
        let entry = Entry(id: entryID, created: run.startedAt, flow: run.rootFlowID, title: title, parts: partIDs, tags: tags,
                          selfEnergy: selfEnergy, distress: distress, sections: sections)
        let changedParts = changes.changedIDs.compactMap { id in changes.all.first { $0.id == id } }
        let plan = SafetyPlanChanges.apply(run: run, to: safetyPlan, library: library)
        return FlowOutcome(entry: entry, changedParts: changedParts, safetyPlan: plan == safetyPlan ? nil : plan)
    }
}

/// The safety plan after a session's `updates: safety_...` answers (the latest answer to each
/// line wins; a skipped or empty answer leaves the line as it was).
enum SafetyPlanChanges {
    static func apply(run: FlowRun, to plan: SafetyPlan, library: FlowLibrary) -> SafetyPlan {
        var plan = plan
        for answer in run.answers {
            guard let field = library.flow(answer.flowID)?.step(answer.stepID)?.keeps,
                  case .text(let text) = answer.value, !text.trimmingWhitespace().isEmpty else { continue }
            plan[field] = text.trimmingWhitespace()
        }
        return plan
    }
}
