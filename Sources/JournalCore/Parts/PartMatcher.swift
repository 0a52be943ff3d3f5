/// Finding parts by what the person types, one way everywhere: the part step of a flow (app and
/// plain mode), `parts show` and the other part commands, `list --part`, and the parts a quick
/// entry names. A part answers to its name, its former names, its id and the ids merged into it;
/// case, accents, width and spaces around do not matter ("eloise" is "Éloïse").
public enum PartMatcher {
    /// A name as it is compared.
    public static func key(_ name: String) -> String {
        TextFolding.fold(name.trimmingWhitespace())
    }

    /// The parts that `typed` names exactly, best first: those it is the name of, then those it
    /// was once the name of, then those whose id (or an id merged into it) it is. Usually one.
    public static func exact(_ typed: String, in parts: [Part]) -> [Part] {
        let wanted = key(typed)
        guard !wanted.isEmpty else { return [] }
        var byName: [Part] = []
        var byFormerName: [Part] = []
        var byID: [Part] = []
        for part in parts {
            if key(part.name) == wanted {
                byName.append(part)
            } else if part.formerNames.contains(where: { key($0) == wanted }) {
                byFormerName.append(part)
            } else if ([part.id] + part.mergedFrom).contains(where: { key($0.rawValue) == wanted }) {
                // Ids merged into it find it too (entries and links written before the merge use them).
                byID.append(part)
            }
        }
        return byName + byFormerName + byID
    }

    /// Whether `typed` names this part exactly.
    public static func names(_ part: Part, _ typed: String) -> Bool {
        !exact(typed, in: [part]).isEmpty
    }

    /// What to offer while the person types a part's name: the parts it names exactly, then
    /// those with a name (or former name) beginning with it, then those with one containing it
    /// ("critic" finds "Inner critic"), each group by name. Nothing typed offers every part.
    public static func suggestions(_ typed: String, in parts: [Part]) -> [Part] {
        let wanted = key(typed)
        let sorted = parts.map { (part: $0, name: key($0.name)) }.sorted { $0.name < $1.name }.map(\.part)
        guard !wanted.isEmpty else { return sorted }
        let exactly = Set(exact(typed, in: parts).map(\.id))
        var beginning: [Part] = []
        var containing: [Part] = []
        for part in sorted where !exactly.contains(part.id) {
            let names = ([part.name] + part.formerNames).map(key)
            if names.contains(where: { $0.hasPrefix(wanted) }) {
                beginning.append(part)
            } else if names.contains(where: { $0.contains(wanted) }) {
                containing.append(part)
            }
        }
        return sorted.filter { exactly.contains($0.id) } + beginning + containing
    }

    /// The parts whose name or a former name the text holds as whole words, in the order they
    /// first appear. A name that is only digits or one character ("4", "x") is never looked for:
    /// ordinary words would link it.
    public static func mentioned(in text: String, parts: [Part]) -> [PartID] {
        let folded = Array(TextFolding.fold(text))
        var found: [(at: Int, id: PartID)] = []
        for part in parts {
            var first: Int?
            for name in [part.name] + part.formerNames where !PartNameCheck.isDoubtful(name) {
                let needle = Array(key(name))
                guard !needle.isEmpty, needle.count <= folded.count else { continue }
                var index = 0
                while index + needle.count <= folded.count {
                    if folded[index..<(index + needle.count)].elementsEqual(needle),
                       index == 0 || !isWordCharacter(folded[index - 1]),
                       index + needle.count == folded.count || !isWordCharacter(folded[index + needle.count]) {
                        first = min(first ?? index, index)
                        break
                    }
                    index += 1
                }
            }
            if let first { found.append((first, part.id)) }
        }
        return found.sorted { $0.at < $1.at }.map(\.id)
    }

    static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }
}
