/// Tags written in the text, as jrnl users write them: `#work` or `@sam`, at the start of a word,
/// with at least one letter (`#1` and `a@b.org` are not tags; `# Heading` is not either). The
/// tag is kept without its sign, as first written; `#Work` and `#work` are one tag.
public enum EntryTags {
    static let signs: Set<Character> = ["#", "@"]

    public static func scan(_ text: String) -> [String] {
        var tags: [String] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let startsWord = index == 0 || characters[index - 1].isWhitespace || "(\"'“‘".contains(characters[index - 1])
            guard signs.contains(character), startsWord else { index += 1; continue }
            var end = index + 1
            while end < characters.count, isTagCharacter(characters[end]) { end += 1 }
            var name = String(characters[(index + 1)..<end])
            // Trailing joiners belong to the sentence ("#work-" at a line's end, "#home/").
            while let last = name.last, "-/_".contains(last) { name.removeLast() }
            if name.contains(where: \.isLetter) { tags = merged(tags, [name]) }
            index = max(end, index + 1)
        }
        return tags
    }

    static func isTagCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "-" || character == "/"
    }

    /// `base` with `more` added, a tag already there (in any case or accents) not added twice.
    public static func merged(_ base: [String], _ more: [String]) -> [String] {
        var result = base
        for tag in more where !result.contains(where: { same($0, tag) }) { result.append(tag) }
        return result
    }

    public static func same(_ a: String, _ b: String) -> Bool { TextFolding.fold(a) == TextFolding.fold(b) }

    /// Tags typed in a field: separated by commas, each with or without its sign.
    public static func parseList(_ text: String) -> [String] {
        let pieces = text.split(separator: ",")
        let names = pieces.map { piece -> String in
            var name = Substring(piece.trimmingWhitespace())
            while let first = name.first, signs.contains(first) { name = name.dropFirst() }
            return String(name)
        }.filter { !$0.isEmpty }
        return merged([], names)
    }
}

/// When an entry happened, as a person types it: `today`, `yesterday` or `2026-11-30`, and an
/// optional time `18:30`. Without a time, the time of day now. Never in the future.
public enum EntryDate {
    public static func parse(_ text: String, now: LocalDateTime) -> Result<LocalDateTime, EntryDateProblem> {
        let words = text.trimmingWhitespace().lowercased().split(separator: " ", omittingEmptySubsequences: true)
        guard (1...2).contains(words.count) else { return .failure(.notADate(text)) }
        let today = CalendarDay(now)
        guard let days = CalendarDay.range(String(words[0]), today: today), days.lowerBound == days.upperBound else {
            return .failure(.notADate(text))
        }
        var hour = now.hour, minute = now.minute, second = now.second
        if words.count == 2 {
            let clock = words[1].split(separator: ":")
            guard clock.count == 2, clock[0].count <= 2, clock[1].count == 2, clock.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
                  let h = Int(clock[0]), let m = Int(clock[1]), (0...23).contains(h), (0...59).contains(m) else {
                return .failure(.notATime(String(words[1])))
            }
            (hour, minute, second) = (h, m, 0)
        }
        let day = days.lowerBound
        let moment = LocalDateTime(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute, second: second,
                                   utcOffsetMinutes: now.utcOffsetMinutes)
        guard moment.secondsSinceEpoch <= now.secondsSinceEpoch else { return .failure(.inTheFuture(text)) }
        return .success(moment)
    }
}

public enum EntryDateProblem: Error, Hashable, Sendable, CustomStringConvertible {
    case notADate(String)
    case notATime(String)
    case inTheFuture(String)

    public var description: String {
        switch self {
        case .notADate(let text): return "'\(text)' is not a date: use today, yesterday or YYYY-MM-DD, and a time HH:MM if you like"
        case .notATime(let text): return "'\(text)' is not a time: use HH:MM, such as 18:30"
        case .inTheFuture(let text): return "'\(text)' is in the future; an entry can be dated today or earlier"
        }
    }
}

/// The tags in use across entries, with how many entries carry each (as first written; `#Work`
/// and `work` count as one).
public struct TagCount: Hashable, Sendable {
    public var tag: String
    public var entries: Int

    public init(tag: String, entries: Int) {
        self.tag = tag
        self.entries = entries
    }

    /// Most used first, then by name.
    public static func of(_ entries: [EntrySummary]) -> [TagCount] {
        var counts: [String: TagCount] = [:]
        for entry in entries {
            var seen: Set<String> = []
            for tag in entry.tags {
                let key = EntryFilter.normalisedTag(tag)
                guard !key.isEmpty, seen.insert(key).inserted else { continue }
                counts[key, default: TagCount(tag: tag.trimmingWhitespace(), entries: 0)].entries += 1
            }
        }
        return counts.values.sorted { ($0.entries, $1.tag.lowercased()) > ($1.entries, $0.tag.lowercased()) }
    }
}
