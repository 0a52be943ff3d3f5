/// A free entry saved at once from text (`haven write "..."`, `haven write -`): the text as its
/// body, titled with its first line, tagged with the words written #like-this, and linked to the
/// parts it names by name (or a former name).
public enum QuickCapture {
    public static func entry(_ text: String, id: EntryID, at moment: LocalDateTime, parts: [Part]) -> Entry {
        let body = EntryFormat.normalizeLineEnds(text).trimmingWhitespace()
        let firstLine = body.split(separator: "\n").first.map(String.init) ?? ""
        return Entry(id: id, created: moment, title: FlowEngine.titleLine(firstLine),
                     parts: PartMatcher.mentioned(in: body, parts: parts), tags: EntryTags.scan(body), preamble: body)
    }
}
