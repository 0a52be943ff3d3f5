/// A free entry saved at once from text (`haven write "..."`, `haven write -`): the text as its
/// body, titled with its first line, tagged with the words written #like-this, and linked to the
/// parts it names by name (or a former name).
public enum QuickCapture {
    public static func entry(_ text: String, id: EntryID, at moment: LocalDateTime, parts: [Part]) -> Entry {
        let body = EntryFormat.normalizeLineEnds(text).trimmingWhitespace()
        let firstLine = body.split(separator: "\n").first.map(String.init) ?? ""
        return Entry(id: id, created: moment, title: FlowEngine.titleLine(firstLine),
                     parts: partsNamed(in: body, parts: parts), tags: EntryTags.scan(body), preamble: body)
    }

    /// The parts whose name (or a former name) the text holds as whole words, in any case and
    /// with or without accents, in the order they first appear. A name that is only digits or one
    /// character ("4", "x") is never looked for: ordinary words would link it.
    public static func partsNamed(in text: String, parts: [Part]) -> [PartID] {
        let folded = Array(TextFolding.fold(text))
        var found: [(at: Int, id: PartID)] = []
        for part in parts {
            var first: Int?
            for name in [part.name] + part.formerNames where !PartNameCheck.isDoubtful(name) {
                let needle = Array(TextFolding.fold(name.trimmingWhitespace()))
                guard !needle.isEmpty, needle.count <= folded.count else { continue }
                var index = 0
                while index + needle.count <= folded.count {
                    if Array(folded[index..<(index + needle.count)]) == needle,
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
