import Yams

/// What one prompt file holds: a flow, or words for the feel-toward lexicon.
public enum PromptFileContent: Hashable, Sendable {
    case flow(Flow)
    case lexicon(FeelTowardLexicon)
}

/// Reads prompt files (YAML, docs/prompt-format.md) into flows, collecting every problem with its
/// position instead of stopping at the first.
public struct PromptFileParser {
    public let fileName: String
    private(set) var problems: [PromptProblem] = []

    public static func parse(_ text: String, fileName: String) -> (content: PromptFileContent?, problems: [PromptProblem]) {
        var parser = PromptFileParser(fileName: fileName)
        let content = parser.parseFile(text)
        return (parser.problems.isEmpty ? content : nil, parser.problems)
    }

    init(fileName: String) {
        self.fileName = fileName
    }

    static let flowKeys: Set<String> = ["id", "title", "description", "minutes", "entry-title", "listed", "steps"]
    static let lexiconKeys: Set<String> = ["lexicon", "self", "blended", "concerned", "agenda", "body", "negations",
                                           "intensifiers"]
    static let stepKeys: Set<String> = [
        "id", "type", "text", "hint", "when", "next", "branches", "max-visits", "after-max", "updates", "options",
        "other", "min", "max", "low", "high", "records", "new", "qualities", "flow", "seconds", "request", "about", "focus", "links",
        "refocus",
    ]
    public static let stepTypes = ["message", "pause", "text", "long-text", "choice", "multi-choice", "scale",
                                   "part", "self-check", "feel-toward", "call"]

    private func position(_ node: Node?) -> SourcePosition {
        SourcePosition(file: fileName, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
    }

    private mutating func report(_ node: Node?, _ message: String) {
        problems.append(PromptProblem(position(node), message))
    }

    mutating func parseFile(_ text: String) -> PromptFileContent? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch let error as YamlError {
            let formatError = FormatError(yamlError: error, firstLine: 1)
            problems.append(PromptProblem(SourcePosition(file: fileName, line: formatError.line, column: formatError.column),
                                          formatError.reason.replacingAll("the front matter", with: "the file")))
            return nil
        } catch {
            problems.append(PromptProblem(SourcePosition(file: fileName, line: 1, column: 1), "the file is not valid YAML"))
            return nil
        }
        guard let root, case .mapping(let mapping) = root else {
            report(root, "a prompt file should be a set of 'key: value' lines, starting with 'id:' (a flow) or 'lexicon:'")
            return nil
        }
        if mapping["lexicon"] != nil {
            return parseLexicon(mapping).map(PromptFileContent.lexicon)
        }
        return parseFlow(mapping, root: root).map(PromptFileContent.flow)
    }

    private mutating func checkKeys(_ mapping: Node.Mapping, allowed: Set<String>, what: String) {
        for (key, _) in mapping {
            let name = key.scalar?.string ?? ""
            if !allowed.contains(name) {
                let suggestion = allowed.sorted().first { editDistance($0, name) <= 2 }.map { " (did you mean '\($0)'?)" } ?? ""
                report(key, "unknown key '\(name)' in \(what)\(suggestion)")
            }
        }
    }

    private mutating func string(_ mapping: Node.Mapping, _ key: String, required: Bool = false,
                                 in what: String, at owner: Node? = nil) -> String? {
        guard let node = mapping[key] else {
            if required { report(owner, "\(what) is missing '\(key)'") }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            report(node, "'\(key)' should be text")
            return nil
        }
        if required && scalar.string.trimmingWhitespace().isEmpty {
            report(node, "'\(key)' is empty (missing text)")
            return nil
        }
        return scalar.string
    }

    private mutating func int(_ mapping: Node.Mapping, _ key: String, range: ClosedRange<Int>) -> Int? {
        guard let node = mapping[key] else { return nil }
        guard case .scalar(let scalar) = node, let value = Int(scalar.string), range.contains(value) else {
            report(node, "'\(key)' should be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    private mutating func bool(_ mapping: Node.Mapping, _ key: String) -> Bool? {
        guard let node = mapping[key] else { return nil }
        switch node.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            report(node, "'\(key)' should be true or false")
            return nil
        }
    }

    private mutating func stringList(_ mapping: Node.Mapping, _ key: String) -> [String]? {
        guard let node = mapping[key] else { return nil }
        guard case .sequence(let sequence) = node else {
            report(node, "'\(key)' should be a list (lines starting with '- ')")
            return nil
        }
        var result: [String] = []
        for item in sequence {
            guard case .scalar(let scalar) = item, !scalar.string.trimmingWhitespace().isEmpty else {
                report(item, "each item of '\(key)' should be a piece of text")
                continue
            }
            result.append(scalar.string)
        }
        return result
    }

    private mutating func parseLexicon(_ mapping: Node.Mapping) -> FeelTowardLexicon? {
        checkKeys(mapping, allowed: Self.lexiconKeys, what: "a lexicon")
        if let kind = mapping["lexicon"], kind.scalar?.string != "feel-toward" {
            report(kind, "unknown lexicon '\(kind.scalar?.string ?? "")' (the one Haven reads is 'feel-toward')")
        }
        return FeelTowardLexicon(selfPresent: stringList(mapping, "self") ?? [],
                                 targetBlended: stringList(mapping, "blended") ?? [],
                                 concernedPart: stringList(mapping, "concerned") ?? [],
                                 agenda: stringList(mapping, "agenda") ?? [],
                                 body: stringList(mapping, "body") ?? [],
                                 negations: stringList(mapping, "negations") ?? [],
                                 intensifiers: stringList(mapping, "intensifiers") ?? [])
    }

    private mutating func parseFlow(_ mapping: Node.Mapping, root: Node) -> Flow? {
        checkKeys(mapping, allowed: Self.flowKeys, what: "a flow")
        let id = string(mapping, "id", required: true, in: "the flow", at: root)
        if let id, !EntryBody.isStepID(id) {
            report(mapping["id"], "the flow id '\(id)' should use only letters, digits, '-', '_' and '.'")
        }
        let title = string(mapping, "title", required: true, in: "the flow", at: root)
        let description = string(mapping, "description", in: "the flow") ?? ""
        let minutes = int(mapping, "minutes", range: 1...600)
        let entryTitle = string(mapping, "entry-title", in: "the flow")
        let listed = bool(mapping, "listed") ?? true
        var steps: [FlowStep] = []
        if let stepsNode = mapping["steps"] {
            if case .sequence(let sequence) = stepsNode {
                if sequence.isEmpty { report(stepsNode, "the flow has no steps") }
                for item in sequence {
                    guard let step = parseStep(item) else { continue }
                    if case .feelToward = step.kind { steps += FeelTowardChoice.steps(for: step) } else { steps.append(step) }
                }
            } else {
                report(stepsNode, "'steps' should be a list of steps, each starting with '- id:'")
            }
        } else {
            report(root, "the flow is missing 'steps'")
        }
        var seen: [String: SourcePosition] = [:]
        for step in steps {
            if let first = seen[step.id] {
                let kept = steps.first { $0.id == step.id && $0.confirms != nil }?.confirms
                problems.append(PromptProblem(step.position, kept.map { "the step id '\(step.id)' is kept for confirming how feel-toward step '\($0)' was read; choose another id" }
                    ?? "duplicate step id '\(step.id)' (first used at line \(first.line))"))
            } else {
                seen[step.id] = step.position
            }
        }
        guard let id, let title else { return nil }
        return Flow(id: id, title: title, description: description, minutes: minutes, entryTitle: entryTitle,
                    listed: listed, steps: steps, position: position(root))
    }

    private mutating func parseTarget(_ node: Node?) -> StepTarget? {
        guard let node else { return nil }
        guard let name = node.scalar?.string, !name.isEmpty else {
            report(node, "a step to go to should be a step id or 'end'")
            return nil
        }
        return StepTarget(name)
    }

    private mutating func parseStep(_ node: Node) -> FlowStep? {
        guard case .mapping(let mapping) = node else {
            report(node, "each step should be a set of 'key: value' lines starting with '- id:'")
            return nil
        }
        checkKeys(mapping, allowed: Self.stepKeys, what: "a step")
        guard let id = string(mapping, "id", required: true, in: "a step", at: node) else { return nil }
        if !EntryBody.isStepID(id) {
            report(mapping["id"], "the step id '\(id)' should start with a letter or digit and use only letters, digits, '-', '_' and '.'")
        }
        if StepTarget.reservedNames.contains(id) {
            report(mapping["id"], "'\(id)' is reserved for ending a flow; choose another step id")
        }
        guard let typeName = string(mapping, "type", required: true, in: "step '\(id)'", at: node) else { return nil }
        let kind: FlowStepKind
        switch typeName {
        case "message": kind = .message
        case "pause": kind = .pause(seconds: int(mapping, "seconds", range: 1...3_600))
        case "text": kind = .shortText
        case "long-text": kind = .longText
        case "choice", "multi-choice":
            let options = stringList(mapping, "options") ?? []
            if options.isEmpty { report(mapping["options"] ?? node, "step '\(id)' needs 'options' to choose from") }
            let other = bool(mapping, "other") ?? false
            kind = typeName == "choice" ? .choice(options: options, allowsOther: other)
                : .multipleChoice(options: options, allowsOther: other)
        case "scale":
            let min = int(mapping, "min", range: -100...100) ?? 0
            let max = int(mapping, "max", range: -100...100) ?? 10
            if min >= max { report(mapping["max"] ?? node, "step '\(id)': 'max' should be greater than 'min'") }
            var recordsDistress = false
            if let records = mapping["records"] {
                if records.scalar?.string == "distress" { recordsDistress = true } else {
                    report(records, "'records' can only be 'distress'")
                }
            }
            kind = .scale(min: min, max: max, lowLabel: string(mapping, "low", in: "a step") ?? "",
                          highLabel: string(mapping, "high", in: "a step") ?? "", recordsDistress: recordsDistress)
        case "part": kind = .part(allowsNew: bool(mapping, "new") ?? true)
        case "self-check":
            var qualities = SelfQuality.allCases
            if let list = stringList(mapping, "qualities") {
                qualities = []
                for name in list {
                    if let quality = SelfQuality(rawValue: name.lowercased()) { qualities.append(quality) } else {
                        report(mapping["qualities"], "unknown quality '\(name)' (the 8 C's: \(SelfQuality.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                }
            }
            kind = .selfCheck(qualities: qualities)
        case "feel-toward": kind = .feelToward
        case "call":
            guard let flowID = string(mapping, "flow", required: true, in: "step '\(id)'", at: node) else { return nil }
            kind = .call(flowID: flowID)
        default:
            let suggestion = Self.stepTypes.first { editDistance($0, typeName) <= 2 }.map { " (did you mean '\($0)'?)" } ?? ""
            report(mapping["type"], "unknown step type '\(typeName)'\(suggestion); known types: \(Self.stepTypes.joined(separator: ", "))")
            return nil
        }
        var text = ""
        if case .call = kind {
            text = string(mapping, "text", in: "a step") ?? ""
        } else {
            text = string(mapping, "text", required: true, in: "step '\(id)'", at: node) ?? ""
        }
        var branches: [Branch] = []
        if let branchesNode = mapping["branches"] {
            if case .sequence(let sequence) = branchesNode {
                for item in sequence {
                    guard case .mapping(let branchMap) = item else {
                        report(item, "each branch should have 'if:' and 'goto:'")
                        continue
                    }
                    checkKeys(branchMap, allowed: ["if", "goto"], what: "a branch")
                    guard let conditionText = string(branchMap, "if", required: true, in: "a branch", at: item),
                          let target = parseTarget(branchMap["goto"]) else {
                        if branchMap["goto"] == nil { report(item, "a branch is missing 'goto'") }
                        continue
                    }
                    do {
                        let condition = try ConditionParser.parse(conditionText)
                        branches.append(Branch(condition: condition, target: target, position: position(item)))
                    } catch {
                        let base = position(branchMap["if"])
                        problems.append(PromptProblem(
                            SourcePosition(file: fileName, line: base.line, column: base.column + error.column - 1),
                            "condition '\(conditionText)': \(error.message)"))
                    }
                }
            } else {
                report(branchesNode, "'branches' should be a list of '- if: ... goto: ...'")
            }
        }
        var when: Condition?
        if let whenNode = mapping["when"] {
            let conditionText = whenNode.scalar?.string ?? ""
            do {
                when = try ConditionParser.parse(conditionText)
            } catch {
                let base = position(whenNode)
                problems.append(PromptProblem(
                    SourcePosition(file: fileName, line: base.line, column: base.column + error.column - 1),
                    "condition '\(conditionText)': \(error.message)"))
            }
        }
        var updates: PartField?
        var keeps: SafetyPlanField?
        if let updatesNode = mapping["updates"] {
            let name = (updatesNode.scalar?.string ?? "").replacingAll("-", with: "_")
            updates = PartField(rawValue: name)
            keeps = SafetyPlanField(rawValue: name)
            if updates == nil && keeps == nil {
                let known = PartField.allCases.map(\.rawValue) + SafetyPlanField.allCases.map(\.rawValue)
                report(updatesNode, "unknown field '\(name)' (known: \(known.joined(separator: ", ")))")
            }
            if keeps != nil {
                switch kind {
                case .shortText, .longText: break
                default: report(updatesNode, "'updates: \(name)' needs a text or long-text step")
                }
            }
        }
        var links: PartLink?
        if let linksNode = mapping["links"] {
            let name = (linksNode.scalar?.string ?? "").replacingAll("-", with: "_")
            links = PartLink(rawValue: name)
            if links == nil {
                report(linksNode, "unknown link '\(name)' (known: \(PartLink.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            if case .part = kind {} else { report(linksNode, "'links' belongs on a part step") }
        }
        let changesFocus = bool(mapping, "focus") ?? true
        if mapping["focus"] != nil, case .part = kind {} else if mapping["focus"] != nil {
            report(mapping["focus"], "'focus' belongs on a part step")
        }
        if let updates {
            switch (updates, kind) {
            case (.permission, .choice), (.stage, .choice), (.role, .choice), (.promiseKept, .choice):
                break
            case (.permission, _), (.stage, _), (.role, _), (.promiseKept, _):
                report(mapping["updates"], "'updates: \(updates.rawValue)' needs a choice step")
            case (.promise, .shortText), (.promise, .longText):
                break
            case (.promise, _):
                report(mapping["updates"], "'updates: promise' needs a text or long-text step")
            case (.trust, .scale(0, 10, _, _, false)):
                break
            case (.trust, _):
                report(mapping["updates"], "'updates: trust' needs a scale from 0 to 10 (not one that records distress)")
            default:
                break
            }
        }
        var step = FlowStep(id: id, kind: kind, text: text, hint: string(mapping, "hint", in: "a step") ?? "",
                        when: when, next: parseTarget(mapping["next"]), branches: branches,
                        maxVisits: int(mapping, "max-visits", range: 1...100), afterMax: parseTarget(mapping["after-max"]),
                        updates: updates, position: position(node))
        step.request = string(mapping, "request", in: "a step")
        step.about = string(mapping, "about", in: "a step")
        step.changesFocus = changesFocus
        step.links = links
        step.keeps = keeps
        step.refocus = string(mapping, "refocus", in: "a step")
        return step
    }
}

/// Edit distance with swapped neighbours counting as one edit ("curiuos" is one from "curious"),
/// for "did you mean" hints on misspelt keys and types, and typos in feel-toward answers.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
            }
        }
    }
    return table[a.count][b.count]
}
