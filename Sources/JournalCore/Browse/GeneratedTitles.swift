/// The titles flows gave entries before entries were titled in their own words ("Daily
/// check-in", "Making room with Inner critic"), so lists can pass over them and show the
/// person's words instead. Built from the flows, or from their files without parsing them.
public struct GeneratedTitles: Hashable, Sendable {
    /// Per flow id: its title, and its entry title's fixed text around the first `{...}`.
    private var byFlow: [String: (title: String, prefix: String?, suffix: String?)] = [:]

    public init() {}

    public init(flows: [(id: String, title: String, entryTitle: String?)]) {
        for flow in flows { add(id: flow.id, title: flow.title, entryTitle: flow.entryTitle) }
    }

    /// From prompt files' text: the top-level `id:`, `title:` and `entry-title:` lines only, so
    /// commands that list entries need not parse every flow.
    public init(scanning sources: [PromptSource]) {
        for source in sources {
            var id: String?, title: String?, entryTitle: String?
            for line in source.text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix(" ") {
                func value(_ key: String) -> String? {
                    guard line.hasPrefix(key + ":") else { return nil }
                    var text = line.dropFirst(key.count + 1).trimmingWhitespace()
                    if text.count >= 2, let first = text.first, (first == "\"" || first == "'"), text.last == first {
                        text = String(text.dropFirst().dropLast())
                    }
                    return text
                }
                id = id ?? value("id")
                title = title ?? value("title")
                entryTitle = entryTitle ?? value("entry-title")
            }
            if let id, let title { add(id: id, title: title, entryTitle: entryTitle) }
        }
    }

    private mutating func add(id: String, title: String, entryTitle: String?) {
        var prefix: String?, suffix: String?
        if let entryTitle, let open = entryTitle.firstIndex(of: "{"), let close = entryTitle.lastIndex(of: "}") {
            prefix = String(entryTitle[..<open])
            suffix = String(entryTitle[entryTitle.index(after: close)...])
        }
        byFlow[id] = (title, prefix, suffix)
    }

    /// The flow's own title, when it is known.
    public func title(of flow: String?) -> String? { flow.flatMap { byFlow[$0]?.title } }

    public func isGenerated(_ title: String, flow: String?) -> Bool {
        guard let flow, let known = byFlow[flow] else { return false }
        let trimmed = title.trimmingWhitespace()
        if trimmed == known.title { return true }
        if let prefix = known.prefix, let suffix = known.suffix, !prefix.isEmpty || !suffix.isEmpty {
            return trimmed.hasPrefix(prefix) && trimmed.hasSuffix(suffix) && trimmed.count > prefix.count + suffix.count
        }
        return false
    }

    public static func == (a: GeneratedTitles, b: GeneratedTitles) -> Bool {
        a.byFlow.keys == b.byFlow.keys && a.byFlow.allSatisfy { key, value in
            b.byFlow[key].map { $0 == value } ?? false
        }
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(byFlow.keys.sorted()) }
}
