/// One entry of a jrnl journal, as written there.
public struct JrnlEntry: Hashable, Sendable {
    /// The time of its header as the clock read; jrnl keeps no UTC offset, so the offset here is
    /// 0 and means nothing (the importer supplies the real one).
    public var wallClock: LocalDateTime
    public var title: String
    /// Everything after the title, verbatim: the rest of the header line, then the following
    /// lines up to the next header. Blank lines before and after it are left out (they separate
    /// entries); blank lines inside it are kept.
    public var body: String
    public var starred: Bool
    /// `@tags` (and `#tags`) of the title and body, without the symbol.
    public var tags: [String]
    /// The header's line in the source text, counting from 1.
    public var line: Int

    public init(wallClock: LocalDateTime, title: String, body: String, starred: Bool, tags: [String], line: Int) {
        self.wallClock = wallClock
        self.title = title
        self.body = body
        self.starred = starred
        self.tags = tags
        self.line = line
    }
}

/// A line of the source worth telling the person about, with its number (from 1).
public struct JrnlLine: Hashable, Sendable {
    public var line: Int
    public var text: String

    public init(line: Int, text: String) {
        self.line = line
        self.text = text
    }
}

/// Writing that comes before the first entry's header: jrnl ignores it, Haven keeps it.
public struct JrnlLeadingText: Hashable, Sendable {
    public var text: String
    public var lines: ClosedRange<Int>

    public init(text: String, lines: ClosedRange<Int>) {
        self.text = text
        self.lines = lines
    }
}

/// A jrnl text read into entries.
public struct JrnlDocument: Hashable, Sendable {
    public var entries: [JrnlEntry]
    public var textBeforeFirstEntry: JrnlLeadingText?
    /// Lines that start like a header (`[` and a digit) but are not a valid one, such as
    /// `[2019-03-04] we met` or `[2020-13-45 99:99] x`: they stay text of the entry they are in.
    public var headerLookalikes: [JrnlLine]

    public init(entries: [JrnlEntry] = [], textBeforeFirstEntry: JrnlLeadingText? = nil, headerLookalikes: [JrnlLine] = []) {
        self.entries = entries
        self.textBeforeFirstEntry = textBeforeFirstEntry
        self.headerLookalikes = headerLookalikes
    }

    /// Nothing but white space.
    public var isEmpty: Bool { entries.isEmpty && textBeforeFirstEntry == nil }
}

/// Reads jrnl's plain-text journal format (default time format `%Y-%m-%d %H:%M`): an entry starts
/// at a line `[YYYY-MM-DD HH:MM] Title. Rest`, and runs to the next such line. A byte-order mark
/// at the start is dropped, and `\r\n` or `\r` line ends are read as `\n`.
public enum JrnlParser {
    public static func parse(_ source: String) -> JrnlDocument {
        let text = normalized(source)
        var document = JrnlDocument()
        var leadingLines: [Substring] = []
        var header: (wallClock: LocalDateTime, rest: Substring, line: Int)? = nil
        var bodyLines: [Substring] = []

        func finishEntry() {
            guard let current = header else { return }
            let (title, rest, starred) = JrnlTitleLine.split(current.rest)
            let lines = (rest.isEmpty ? [] : [Substring(rest)]) + bodyLines
            let body = trimmingBlankLines(lines).joined(separator: "\n")
            document.entries.append(JrnlEntry(wallClock: current.wallClock, title: title, body: body, starred: starred,
                                              tags: InlineTags.find(in: [title, body]), line: current.line))
            bodyLines.removeAll(keepingCapacity: true)
        }

        var lineNumber = 0
        for line in lines(of: text) {
            lineNumber += 1
            if let (wallClock, rest) = JrnlHeader.parse(line) {
                finishEntry()
                header = (wallClock, rest, lineNumber)
                continue
            }
            if JrnlHeader.looksLikeHeader(line) {
                document.headerLookalikes.append(JrnlLine(line: lineNumber, text: String(line)))
            }
            if header == nil { leadingLines.append(line) } else { bodyLines.append(line) }
        }
        finishEntry()

        if let first = leadingLines.firstIndex(where: { !isBlank($0) }),
           let last = leadingLines.lastIndex(where: { !isBlank($0) }) {
            document.textBeforeFirstEntry = JrnlLeadingText(text: leadingLines[first...last].joined(separator: "\n"),
                                                            lines: (first + 1)...(last + 1))
        }
        return document
    }

    /// Without a leading byte-order mark, and with `\n` line ends only.
    static func normalized(_ text: String) -> String {
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        let carriageReturn = UInt8(ascii: "\r"), newline = UInt8(ascii: "\n")
        guard text.utf8.contains(carriageReturn) else { return text }
        // On bytes, in one pass: a CR is never part of a longer UTF-8 sequence.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == newline && previousWasCR {
                previousWasCR = false
                continue // the \n of a \r\n, already written
            }
            previousWasCR = byte == carriageReturn
            bytes.append(previousWasCR ? newline : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The lines of the text, found on its UTF-8 bytes (a 15 MB journal splits in milliseconds).
    /// A `\n` is always a character boundary, so slicing the string there is safe.
    private static func lines(of text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.utf8.startIndex
        var index = start
        let newline = UInt8(ascii: "\n")
        while index < text.utf8.endIndex {
            if text.utf8[index] == newline {
                result.append(text[start..<index])
                start = text.utf8.index(after: index)
            }
            text.utf8.formIndex(after: &index)
        }
        // A last line without a newline still counts; the empty string after a final newline does not.
        if start < text.endIndex { result.append(text[start...]) }
        return result
    }

    private static func isBlank(_ line: Substring) -> Bool {
        line.allSatisfy(\.isWhitespace)
    }

    private static func trimmingBlankLines(_ lines: [Substring]) -> ArraySlice<Substring> {
        guard let first = lines.firstIndex(where: { !isBlank($0) }), let last = lines.lastIndex(where: { !isBlank($0) }) else {
            return []
        }
        return lines[first...last]
    }
}
