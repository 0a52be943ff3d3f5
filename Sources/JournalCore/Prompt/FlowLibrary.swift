/// A prompt file's name and text, from wherever it came (shipped, the user's folder, a test).
public struct PromptSource: Hashable, Sendable {
    /// Shown in problems, e.g. `Prompts/daily-checkin.yaml` or the user's path.
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}

/// Every flow and the feel-toward lexicon, loaded from prompt files in order of precedence:
/// a later source with the same flow id replaces an earlier one (the user's files override the
/// shipped ones); lexicon files add to each other. A file with problems is left out and its
/// problems reported; it never stops the other files from loading.
public struct FlowLibrary: Sendable {
    public private(set) var flows: [String: Flow] = [:]
    public private(set) var lexicon = FeelTowardLexicon()
    public private(set) var problems: [PromptProblem] = []
    /// Where each flow came from, for `prompts list`.
    public private(set) var origins: [String: String] = [:]

    public init(sources: [PromptSource]) {
        // Every readable version of each flow id, in precedence order.
        var candidates: [String: [(flow: Flow, origin: String)]] = [:]
        for source in sources {
            let (content, fileProblems) = PromptFileParser.parse(source.text, fileName: source.name)
            problems += fileProblems
            switch content {
            case .flow(let flow):
                candidates[flow.id, default: []].append((flow, source.name))
            case .lexicon(let words):
                lexicon = lexicon.merged(with: words)
            case nil:
                break
            }
        }
        // Flow-level checks need the whole library (calls to other flows). A version that fails
        // them is left out, and the one it would have replaced (say, the shipped flow) stays.
        // Leaving one out can break a flow that calls it, so repeat until nothing changes.
        var choice = candidates.mapValues { $0.count - 1 } // index of the version in use
        var flowProblems: [String: [PromptProblem]] = [:]
        var changed = true
        while changed {
            changed = false
            let accepted = choice.compactMapValues { index in index >= 0 ? index : nil }
            let library = Dictionary(uniqueKeysWithValues: accepted.map { ($0.key, candidates[$0.key]![$0.value].flow) })
            let cycles = FlowChecker.callCycles(library)
            for id in choice.keys.sorted() {
                guard let index = choice[id], index >= 0 else { continue }
                let flow = candidates[id]![index].flow
                var found = FlowChecker.check(flow, library: library)
                if let cycle = cycles[id] {
                    found.append(PromptProblem(flow.position, "flow '\(id)' calls itself through \(cycle.joined(separator: " -> "))"))
                }
                if !found.isEmpty {
                    flowProblems[candidates[id]![index].origin + "#" + id] = found
                    choice[id] = index - 1
                    changed = true
                }
            }
        }
        for found in flowProblems.values { problems += found }
        for (id, index) in choice where index >= 0 {
            flows[id] = candidates[id]![index].flow
            origins[id] = candidates[id]![index].origin
        }
        problems.sort { ($0.position.file, $0.position.line, $0.position.column) < ($1.position.file, $1.position.line, $1.position.column) }
    }

    /// Flows a person can start, in a stable order (by title).
    public var listedFlows: [Flow] {
        flows.values.filter(\.listed).sorted { ($0.title, $0.id) < ($1.title, $1.id) }
    }

    public func flow(_ id: String) -> Flow? { flows[id] }
}

/// Checks a parsed flow as a whole: where its steps go, what they refer to, and whether every
/// loop has a way out.
public enum FlowChecker {
    /// Variables every flow may use besides its step ids (docs/prompt-format.md, "Variables").
    public static let builtInVariables: Set<String> = ["answer", "part", "feel", "visits", "self", "flow", "distress", "safety"]
    public static let partVariables: Set<String> = [
        "name", "id", "role", "is_new", "apparent_age", "body_location", "job", "positive_intent",
        "feelings", "beliefs", "fears", "colour", "permission", "protects", "stage", "protectors_permission", "guarded", "new_role",
    ]

    /// For each flow that can reach itself through `call` steps, the chain of flows that does it.
    public static func callCycles(_ library: [String: Flow]) -> [String: [String]] {
        func calls(_ id: String) -> [String] {
            library[id]?.steps.compactMap { step in
                if case .call(let called) = step.kind, library[called] != nil { return called }
                return nil
            } ?? []
        }
        var cycles: [String: [String]] = [:]
        for start in library.keys.sorted() {
            // Breadth-first from the flows `start` calls, remembering how each was reached.
            var previous: [String: String] = [:]
            var queue = calls(start).map { (start, $0) }
            var seen = Set<String>()
            while !queue.isEmpty {
                let (from, id) = queue.removeFirst()
                guard seen.insert(id).inserted else { continue }
                previous[id] = from
                if id == start {
                    var chain = [start]
                    var node = from
                    while node != start, let before = previous[node] { chain.insert(node, at: 1); node = before }
                    cycles[start] = chain + [start]
                    break
                }
                queue += calls(id).map { (id, $0) }
            }
        }
        return cycles
    }

    public static func check(_ flow: Flow, library: [String: Flow]) -> [PromptProblem] {
        var problems: [PromptProblem] = []
        let ids = Set(flow.steps.map(\.id))

        func checkTarget(_ target: StepTarget?, at position: SourcePosition) {
            if case .step(let id)? = target, !ids.contains(id) {
                problems.append(PromptProblem(position, "unknown step '\(id)' (steps in this flow: \(flow.steps.map(\.id).joined(separator: ", ")))"))
            }
        }
        func checkVariable(_ path: [String], at position: SourcePosition, in what: String) {
            guard let root = path.first else { return }
            if builtInVariables.contains(root) {
                if root == "feel", path.count > 1, !["sorted", "words", "proposed"].contains(path[1]) || path.count > 2 {
                    problems.append(PromptProblem(position, "unknown variable '\(path.joined(separator: "."))' in \(what) (feel has: sorted, words, proposed)"))
                }
                if root == "part", path.count > 1, !partVariables.contains(path[1]) {
                    problems.append(PromptProblem(position, "unknown variable '\(path.joined(separator: "."))' in \(what) (a part has: \(partVariables.sorted().joined(separator: ", ")))"))
                }
                if root == "self", path.count > 1, path[1] != "average", SelfQuality(rawValue: path[1]) == nil {
                    problems.append(PromptProblem(position, "unknown variable '\(path.joined(separator: "."))' in \(what)"))
                }
                if root == "safety", path.count > 1, !SafetyPlanField.allCases.map(\.variable).contains(path[1]) || path.count > 2 {
                    let known = SafetyPlanField.allCases.map(\.variable).joined(separator: ", ")
                    problems.append(PromptProblem(position, "unknown variable '\(path.joined(separator: "."))' in \(what) (safety has: \(known))"))
                }
                if root == "distress", path.count > 1 {
                    problems.append(PromptProblem(position, "unknown variable '\(path.joined(separator: "."))' in \(what) (distress is a number)"))
                }
                return
            }
            guard let step = flow.step(root) else {
                problems.append(PromptProblem(position, "unknown variable '\(path.joined(separator: "."))' in \(what) (not a step id of this flow nor one of: \(builtInVariables.sorted().joined(separator: ", ")))"))
                return
            }
            guard path.count > 1 else { return }
            let allowed: [String]
            switch step.kind {
            case .feelToward: allowed = ["sorted", "words", "proposed"]
            case .selfCheck(let qualities): allowed = qualities.map(\.rawValue) + ["rated"]
            default: allowed = []
            }
            if path.count > 2 || !allowed.contains(path[1]) {
                let hint = allowed.isEmpty ? "a \(step.kind.typeName) step has no parts" : "it has: \(allowed.joined(separator: ", "))"
                problems.append(PromptProblem(position, "unknown variable '\(path.joined(separator: "."))' in \(what) (\(hint))"))
            }
        }

        for step in flow.steps {
            checkTarget(step.next, at: step.position)
            checkTarget(step.afterMax, at: step.position)
            if step.afterMax != nil && step.maxVisits == nil {
                problems.append(PromptProblem(step.position, "step '\(step.id)' has 'after-max' but no 'max-visits'"))
            }
            for path in step.when?.variables ?? [] {
                checkVariable(path, at: step.position, in: "the 'when' of step '\(step.id)'")
            }
            for branch in step.branches {
                checkTarget(branch.target, at: branch.position)
                for path in branch.condition.variables {
                    checkVariable(path, at: branch.position, in: "a condition")
                }
            }
            for (label, text) in [("text", step.text), ("hint", step.hint)] where !text.isEmpty {
                do {
                    let template = try PromptTemplate(text)
                    for variable in template.variables {
                        checkVariable(variable.path, at: step.position, in: "the \(label) of step '\(step.id)'")
                    }
                } catch {
                    problems.append(PromptProblem(step.position, "the \(label) of step '\(step.id)': \(error.message)"))
                }
            }
            if case .choice(let options, _) = step.kind, step.confirms == nil {
                // "Actually, ..." options change the person's reading only in the exact words.
                let corrections = FeelTowardResult.allCases.map(FeelTowardChoice.correction(to:))
                for option in options where option.hasPrefix("Actually, ") && !corrections.contains(option) {
                    problems.append(PromptProblem(step.position, "option '\(option)' of step '\(step.id)' starts like a change of reading but is not one; use one of: \(corrections.joined(separator: "; "))"))
                }
            }
            if let refocus = step.refocus {
                if case .part? = flow.step(refocus)?.kind {} else {
                    problems.append(PromptProblem(step.position, "'refocus: \(refocus)' should name a part step of this flow"))
                }
            }
            if let about = step.about {
                if case .part? = flow.step(about)?.kind {} else {
                    problems.append(PromptProblem(step.position, "'about: \(about)' should name a part step of this flow"))
                }
            }
            if case .scale(_, _, _, _, true) = step.kind,
               !step.branches.contains(where: { branch in branch.condition.variables.contains { [step.id, "answer"].contains($0.first ?? "") } }) {
                // Safety: a distress rating of 8 or more must lead somewhere kinder (docs/writing-prompts.md).
                problems.append(PromptProblem(step.position, "the distress scale '\(step.id)' needs a branch for high distress (such as 'if: \(step.id) >= 8' going to grounding)"))
            }
            if case .call(let flowID) = step.kind {
                if library[flowID] == nil {
                    problems.append(PromptProblem(step.position, "step '\(step.id)' calls unknown flow '\(flowID)'"))
                } else if flowID == flow.id {
                    problems.append(PromptProblem(step.position, "step '\(step.id)' calls its own flow"))
                }
            }
        }
        if let entryTitle = flow.entryTitle {
            do {
                let template = try PromptTemplate(entryTitle)
                for variable in template.variables { checkVariable(variable.path, at: flow.position, in: "entry-title") }
            } catch {
                problems.append(PromptProblem(flow.position, "entry-title: \(error.message)"))
            }
        }
        guard problems.isEmpty, !flow.steps.isEmpty else { return problems }
        return problems + checkGraph(flow)
    }

    /// Unreachable steps, and loops with no way out: every step must be able to reach the end,
    /// and every cycle must pass a step with `max-visits` (so it cannot go round for ever).
    static func checkGraph(_ flow: Flow) -> [PromptProblem] {
        var problems: [PromptProblem] = []
        let index = Dictionary(uniqueKeysWithValues: flow.steps.enumerated().map { ($1.id, $0) })
        let endNode = flow.steps.count
        func successors(_ i: Int) -> [Int] {
            let step = flow.steps[i]
            var targets: [StepTarget] = step.branches.map(\.target)
            targets.append(step.next ?? (i + 1 < flow.steps.count ? .step(flow.steps[i + 1].id) : .end))
            if let afterMax = step.afterMax { targets.append(afterMax) }
            if step.maxVisits != nil && step.afterMax == nil { targets.append(.end) }
            return targets.map { target in
                switch target {
                case .end, .finish: return endNode
                case .step(let id): return index[id] ?? endNode
                }
            }
        }
        let edges = (0..<flow.steps.count).map(successors)

        // Reachable from the first step.
        var reachable = Set<Int>([0])
        var stack = [0]
        while let node = stack.popLast() {
            for next in edges[node] where next != endNode && reachable.insert(next).inserted { stack.append(next) }
        }
        for (i, step) in flow.steps.enumerated() where !reachable.contains(i) {
            problems.append(PromptProblem(step.position, "step '\(step.id)' can never be reached"))
        }

        // Steps that can reach the end (reverse search from the end node).
        var reachesEnd = Set<Int>([endNode])
        var changed = true
        while changed {
            changed = false
            for i in 0..<flow.steps.count where !reachesEnd.contains(i) && edges[i].contains(where: reachesEnd.contains) {
                reachesEnd.insert(i)
                changed = true
            }
        }

        // Each loop must have a way out, and a cap so it cannot go round for ever while its
        // conditions keep holding.
        for cycle in stronglyConnectedComponents(edges: edges, count: flow.steps.count) {
            let isCycle = cycle.count > 1 || edges[cycle[0]].contains(cycle[0])
            guard isCycle, cycle.contains(where: reachable.contains) else { continue }
            let first = cycle.min()!
            let names = cycle.sorted().map { flow.steps[$0].id }.joined(separator: " -> ")
            if !cycle.contains(where: reachesEnd.contains) {
                problems.append(PromptProblem(flow.steps[first].position,
                    "the loop \(names) has no way out: none of its steps can reach the end"))
            } else if !cycle.contains(where: { flow.steps[$0].maxVisits != nil }) {
                problems.append(PromptProblem(flow.steps[first].position,
                    "the loop \(names) has no 'max-visits' on any of its steps, so it could repeat for ever"))
            }
        }
        problems.sort { ($0.position.line, $0.position.column) < ($1.position.line, $1.position.column) }
        return problems
    }

    /// Tarjan's algorithm (recursive: flows have tens of steps, not thousands).
    private static func stronglyConnectedComponents(edges: [[Int]], count: Int) -> [[Int]] {
        var index = 0
        var indices = [Int?](repeating: nil, count: count)
        var lowLinks = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var components: [[Int]] = []
        func connect(_ v: Int) {
            indices[v] = index
            lowLinks[v] = index
            index += 1
            stack.append(v)
            onStack[v] = true
            for w in edges[v] where w < count {
                if indices[w] == nil {
                    connect(w)
                    lowLinks[v] = min(lowLinks[v], lowLinks[w])
                } else if onStack[w] {
                    lowLinks[v] = min(lowLinks[v], indices[w]!)
                }
            }
            if lowLinks[v] == indices[v] {
                var component: [Int] = []
                while let w = stack.popLast() {
                    onStack[w] = false
                    component.append(w)
                    if w == v { break }
                }
                components.append(component)
            }
        }
        for v in 0..<count where indices[v] == nil { connect(v) }
        return components
    }
}
