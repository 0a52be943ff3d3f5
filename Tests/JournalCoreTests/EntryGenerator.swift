@testable import JournalCore

/// SplitMix64: a tiny deterministic generator, so a failing case is reproduced from its seed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Builds random entries out of the fragments most likely to break a Markdown + YAML format:
/// accents, CJK, emoji, combining marks, lines that look like headings or front-matter fences,
/// YAML-significant punctuation, blank lines and very long runs.
struct EntryGenerator {
    var random: SeededRandom

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    static let fragments: [String] = [
        "a", "word", " ", "  ", "\n", "\n\n", "\t", "café", "naïve", "Ångström", "e\u{301}", "\u{301}",
        "中文", "日本語の文章", "한국어", "😀", "👍🏽", "🇫🇷", "👨‍👩‍👧", "❤️", "---", "...", "\n---\n", "# ", "## ",
        "## Heading {#step-1}", "\n## Feel {#feel}\n", "\\", "\\## x {#y}", "{#id}", "{", "}", "[", "]",
        ":", ": ", "- ", "#", "'", "\"", "`", "*", "&anchor", "!tag", "%", "@", "|", ">", "null", "true",
        "42", "3.14", "~", "yes", "2026-11-29", "<!-- -->", "\u{200B}", "\u{FEFF}", "\u{0}", "\u{FFFE}", "\u{FFFF}", "\u{85}", "\u{2028}",
    ]

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func bool() -> Bool { Bool.random(using: &random) }

    /// Random text. `yaml` leaves out U+FEFF, which libyaml drops from front-matter values
    /// (a documented limitation; the body keeps it).
    mutating func text(maxPieces: Int = 12, allowNewlines: Bool = true, yaml: Bool = false) -> String {
        var result = ""
        for _ in 0..<int(0...maxPieces) {
            var piece = Self.fragments.randomElement(using: &random)!
            if !allowNewlines { piece = piece.replacingAll("\n", with: " ") }
            if yaml { piece = piece.replacingAll("\u{FEFF}", with: "") }
            result += piece
        }
        if int(0...40) == 0 { // now and then, a very long answer
            result += String(repeating: "long text with 中文 and 😀 ", count: int(200...2_000))
        }
        return result
    }

    mutating func stepID() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789-_.")
        var id = String("abcdefghijklmnopqrstuvwxyz".randomElement(using: &random)!)
        for _ in 0..<int(0...12) { id.append(alphabet.randomElement(using: &random)!) }
        return id
    }

    mutating func moment() -> LocalDateTime {
        let year = int(1990...2040), month = int(1...12)
        return LocalDateTime(year: year, month: month, day: int(1...LocalDateTime.daysIn(month: month, year: year)),
                             hour: int(0...23), minute: int(0...59), second: int(0...59),
                             utcOffsetMinutes: int(-48...56) * 15)
    }

    /// Inside `[...]` or `{...}` everything is flow style, as YAML requires.
    static func flowOnly(_ value: FrontMatterValue) -> FrontMatterValue {
        switch value {
        case .scalar: return value
        case .list(let items, _): return .list(items.map(flowOnly), flow: true)
        case .map(let fields, _): return .map(fields.map { FrontMatterField(key: $0.key, value: flowOnly($0.value)) }, flow: true)
        }
    }

    mutating func frontMatterValue(depth: Int = 0) -> FrontMatterValue {
        switch depth > 1 ? 0 : int(0...3) {
        case 0: return .scalar(text(maxPieces: 4, yaml: true), quoted: true)
        case 1: return .scalar(["plain", "42", "true", "null", "2026-01-01", "word with spaces"].randomElement(using: &random)!, quoted: false)
        case 2:
            let items = (0..<int(0...3)).map { _ in frontMatterValue(depth: depth + 1) }
            let flow = items.isEmpty || bool()
            return .list(flow ? items.map(Self.flowOnly) : items, flow: flow)
        default:
            let fields = (0..<int(0...3)).map { index in
                FrontMatterField(key: "k\(index)-\(stepID())", value: frontMatterValue(depth: depth + 1))
            }
            let flow = fields.isEmpty || bool()
            return flow ? Self.flowOnly(.map(fields, flow: true)) : .map(fields, flow: false)
        }
    }

    /// Names the first field that differs, so a failure message stays short.
    static func difference(_ a: Entry, _ b: Entry) -> String {
        let pairs: [(String, Bool)] = [
            ("id", a.id == b.id), ("created", a.created == b.created), ("flow", a.flow == b.flow),
            ("title", a.title == b.title), ("parts", a.parts == b.parts), ("tags", a.tags == b.tags),
            ("starred", a.starred == b.starred), ("selfEnergy", a.selfEnergy == b.selfEnergy),
            ("distress", a.distress == b.distress), ("extraFields", a.extraFields == b.extraFields),
            ("preamble", a.preamble == b.preamble), ("sections", a.sections == b.sections),
        ]
        return pairs.filter { !$0.1 }.map(\.0).joined(separator: ", ")
    }

    mutating func entry() -> Entry {
        var selfEnergy = SelfEnergyReading()
        for quality in SelfQuality.allCases where bool() { selfEnergy.ratings[quality] = int(0...10) }
        return Entry(
            id: EntryID("\(int(10_000_000...99_999_999))-\(stepID())"),
            created: moment(),
            flow: bool() ? stepID() : nil,
            title: text(maxPieces: 5, yaml: true),
            parts: (0..<int(0...3)).map { _ in PartID(stepID()) },
            tags: (0..<int(0...3)).map { _ in text(maxPieces: 2, allowNewlines: false, yaml: true) },
            starred: bool(),
            selfEnergy: selfEnergy,
            distress: (0..<int(0...2)).map { _ in DistressReading(stepID: stepID(), value: int(0...10)) },
            extraFields: (0..<int(0...3)).map { index in
                FrontMatterField(key: "x-\(index)-\(stepID())", value: frontMatterValue())
            },
            preamble: bool() ? text() : "",
            sections: (0..<int(0...6)).map { _ in
                EntrySection(stepID: stepID(), heading: text(maxPieces: 5, allowNewlines: false), text: bool() ? text() : "")
            }
        )
    }
}
