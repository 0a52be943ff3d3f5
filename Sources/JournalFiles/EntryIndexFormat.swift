import JournalCore

/// How a file looked when it was last read: if any of these differ now, it is read again.
public struct FileStamp: Hashable, Sendable {
    public var modified: Int64   // nanoseconds
    public var changed: Int64    // nanoseconds (status change: catches edits that restore mtime)
    public var size: Int64
    public var inode: UInt64

    public init(modified: Int64, changed: Int64, size: Int64, inode: UInt64) {
        self.modified = modified
        self.changed = changed
        self.size = size
        self.inode = inode
    }
}

/// One row of the entry index: an entry file as last read (its summary and where its folded
/// search text sits in the text file), or a file that could not be read, so it is reported
/// again without being parsed again.
public struct IndexRow: Hashable, Sendable {
    public enum Content: Hashable, Sendable {
        case entry(EntrySummary, textOffset: Int, textLength: Int)
        case problem(line: Int?, reason: String)
    }

    public var path: String
    public var stamp: FileStamp
    public var content: Content

    public init(path: String, stamp: FileStamp, content: Content) {
        self.path = path
        self.stamp = stamp
        self.content = content
    }
}

// MARK: The columns

/// A column of an index row, wherever it sits in the row.
protocol IndexColumn {
    var position: Int { get }
}

/// The columns every row begins with: the file, how it looked, and what kind of row it is.
enum RowColumn: Int, CaseIterable, IndexColumn {
    case path, modified, changed, size, inode
    /// `e` for an entry, `!` for a file that could not be read.
    case kind

    var position: Int { rawValue }
}

/// The columns of an entry's row after `RowColumn.kind`.
enum EntryColumn: Int, CaseIterable, IndexColumn {
    case id, created, flow, title, firstWords, parts, tags, starred, selfEnergy, distress
    /// Where the entry's folded search text is in the text file.
    case textOffset, textLength

    var position: Int { RowColumn.kind.rawValue + 1 + rawValue }
    /// How many fields an entry's row has.
    static var rowWidth: Int { textLength.position + 1 }
}

/// The columns of a problem's row after `RowColumn.kind`.
enum ProblemColumn: Int, CaseIterable, IndexColumn {
    /// Empty when the problem is not on one line.
    case line
    case reason

    var position: Int { RowColumn.kind.rawValue + 1 + rawValue }
    static var rowWidth: Int { reason.position + 1 }
}

/// One row split into its fields (where each is in the buffer), read by column name.
struct IndexFields {
    var ranges: [Range<Int>]

    var count: Int { ranges.count }

    subscript(_ column: some IndexColumn) -> Range<Int> { ranges[column.position] }

    /// Whether the row has exactly the fields of an entry's row, or of a problem's.
    var isEntryWidth: Bool { ranges.count == EntryColumn.rowWidth }
    var isProblemWidth: Bool { ranges.count == ProblemColumn.rowWidth }
}

/// The index's on-disk form: a header line, then one line per file, fields split by tabs, list
/// items by the unit separator (U+001F). It is a cache (delete it and it is rebuilt), so any line
/// it cannot read makes the whole file count as missing rather than half-trusted; an index of
/// another version reads as missing too and is rebuilt.
public enum EntryIndexFormat {
    public static let header = "haven-entry-index 2"

    static let newline = UInt8(ascii: "\n")
    static let tab = UInt8(ascii: "\t")
    static let listSeparator = UInt8(0x1F)
    private static let backslash = UInt8(ascii: "\\")
    private static let entryKind = UInt8(ascii: "e")
    private static let problemKind = UInt8(ascii: "!")

    public static func render(_ rows: [IndexRow]) -> String {
        var out = header + "\n"
        out.reserveCapacity(rows.count * 200)
        for row in rows {
            var fields = [String](repeating: "", count: EntryColumn.rowWidth)
            func put(_ column: some IndexColumn, _ value: String) { fields[column.position] = value }
            put(RowColumn.path, escape(row.path))
            put(RowColumn.modified, String(row.stamp.modified))
            put(RowColumn.changed, String(row.stamp.changed))
            put(RowColumn.size, String(row.stamp.size))
            put(RowColumn.inode, String(row.stamp.inode))
            switch row.content {
            case .problem(let line, let reason):
                fields.removeLast(EntryColumn.rowWidth - ProblemColumn.rowWidth)
                put(RowColumn.kind, String(UnicodeScalar(problemKind)))
                put(ProblemColumn.line, line.map(String.init) ?? "")
                put(ProblemColumn.reason, escape(reason))
            case .entry(let s, let offset, let length):
                put(RowColumn.kind, String(UnicodeScalar(entryKind)))
                put(EntryColumn.id, escape(s.id.rawValue))
                put(EntryColumn.created, s.created.iso8601)
                put(EntryColumn.flow, escape(s.flow ?? ""))
                put(EntryColumn.title, escape(s.title))
                put(EntryColumn.firstWords, escape(s.firstWords))
                put(EntryColumn.parts, list(s.parts.map(\.rawValue)))
                put(EntryColumn.tags, list(s.tags))
                put(EntryColumn.starred, s.starred ? "1" : "0")
                put(EntryColumn.selfEnergy, list(s.selfEnergy.ordered.map { "\($0.quality.rawValue)=\($0.value)" }))
                put(EntryColumn.distress, list(s.distress.map { "\($0.stepID)=\($0.value)" }))
                put(EntryColumn.textOffset, String(offset))
                put(EntryColumn.textLength, String(length))
            }
            out += fields.joined(separator: "\t")
            out += "\n"
        }
        return out
    }

    /// The rows, or nil when the text is not a whole index of this version.
    public static func parse(_ text: String) -> [IndexRow]? {
        parse(utf8: ArraySlice(text.utf8))
    }

    /// The same from the file's bytes. This runs on every `list` and `search`, so it works on
    /// bytes and makes a String only for each field it keeps.
    public static func parse(utf8 bytes: ArraySlice<UInt8>) -> [IndexRow]? {
        bytes.withUnsafeBufferPointer { buffer -> [IndexRow]? in
            guard let start = rowsStart(buffer, from: 0) else { return nil }
            var rows: [IndexRow] = []
            let whole = forEachRow(buffer, from: start) { fields, _ in
                guard let row = row(fields, buffer) else { return false }
                rows.append(row)
                return true
            }
            return whole ? rows : nil
        }
    }

    // MARK: Splitting (the one tokenizer: rows at newlines and fields at tabs, in one pass; list items at U+001F)

    /// Where the rows begin, after the header line; nil when the bytes from `start` are not an
    /// index of this version ending with a whole line.
    static func rowsStart(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let headerBytes = header.utf8
        let end = start + headerBytes.count
        guard buffer.count > end, buffer[end] == newline, buffer.last == newline,
              buffer[start..<end].elementsEqual(headerBytes) else { return nil }
        return end + 1
    }

    /// Calls `piece` with each part of `range` between `separator` bytes (an empty range too);
    /// stops early, returning false, when `piece` does.
    @inline(__always)
    static func forEachPiece(of range: Range<Int>, separatedBy separator: UInt8, in buffer: UnsafeBufferPointer<UInt8>,
                             _ piece: (Range<Int>) -> Bool) -> Bool {
        var pieceStart = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            if buffer[index] == separator {
                guard piece(pieceStart..<index) else { return false }
                pieceStart = index + 1
            }
            index += 1
        }
        return piece(pieceStart..<range.upperBound)
    }

    /// Calls `row` with each row's fields and the position just after its line, from `start` (the
    /// first row) to the end of the buffer, which ends with a newline. False when `row` stops.
    /// One pass over the bytes, since this reads every byte of the index on every `list`.
    static func forEachRow(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int,
                           _ row: (_ fields: IndexFields, _ next: Int) -> Bool) -> Bool {
        var fields = IndexFields(ranges: [])
        fields.ranges.reserveCapacity(EntryColumn.rowWidth)
        var fieldStart = start
        var index = start
        while index < buffer.count {
            let byte = buffer[index]
            // Tab (9) and newline (10) are below every printable byte: one comparison passes
            // over nearly all of them.
            if byte <= newline {
                if byte == tab {
                    fields.ranges.append(fieldStart..<index)
                    fieldStart = index + 1
                } else if byte == newline {
                    fields.ranges.append(fieldStart..<index)
                    guard row(fields, index + 1) else { return false }
                    fields.ranges.removeAll(keepingCapacity: true)
                    fieldStart = index + 1
                }
            }
            index += 1
        }
        return true
    }

    /// The items of a list field.
    static func items(_ range: Range<Int>, _ buffer: UnsafeBufferPointer<UInt8>) -> [String] {
        guard !range.isEmpty else { return [] }
        var out: [String] = []
        _ = forEachPiece(of: range, separatedBy: listSeparator, in: buffer) { item in
            out.append(text(item, buffer))
            return true
        }
        return out
    }

    // MARK: Reading fields

    static func text(_ range: Range<Int>, _ buffer: UnsafeBufferPointer<UInt8>) -> String {
        let slice = UnsafeBufferPointer(rebasing: buffer[range])
        let raw = String(decoding: slice, as: UTF8.self)
        return slice.contains(backslash) ? unescape(raw) : raw
    }

    /// A decimal number field (optionally negative); nil when it is not one or would overflow.
    static func number(_ range: Range<Int>, _ buffer: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !range.isEmpty else { return nil }
        var value: Int64 = 0
        var index = range.lowerBound
        let negative = buffer[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < range.upperBound else { return nil }
        while index < range.upperBound {
            let digit = buffer[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            // A garbled number is a garbled index, never a crash.
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int64(digit))
            guard !overflow, !overflow2 else { return nil }
            value = sum
            index += 1
        }
        return negative ? -value : value
    }

    /// The stamp in a row's stamp columns.
    static func stamp(_ fields: IndexFields, _ buffer: UnsafeBufferPointer<UInt8>) -> FileStamp? {
        guard fields.count > RowColumn.kind.position, let modified = number(fields[RowColumn.modified], buffer),
              let changed = number(fields[RowColumn.changed], buffer), let size = number(fields[RowColumn.size], buffer),
              let inode = number(fields[RowColumn.inode], buffer), inode >= 0 else { return nil }
        return FileStamp(modified: modified, changed: changed, size: size, inode: UInt64(inode))
    }

    /// `e`, `!`, or nil when the kind column is not one byte.
    static func kind(_ fields: IndexFields, _ buffer: UnsafeBufferPointer<UInt8>) -> UInt8? {
        guard fields.count > RowColumn.kind.position else { return nil }
        let kind = fields[RowColumn.kind]
        return kind.count == 1 ? buffer[kind.lowerBound] : nil
    }

    static func isEntry(_ kind: UInt8) -> Bool { kind == entryKind }

    /// Where an entry's search text is, when its two numbers are ones an index of ours holds.
    static func textPlace(_ fields: IndexFields, _ buffer: UnsafeBufferPointer<UInt8>) -> (offset: Int, length: Int)? {
        guard let offset = number(fields[EntryColumn.textOffset], buffer), let length = number(fields[EntryColumn.textLength], buffer),
              offset >= 0, length >= 0, offset <= Int64(Int32.max) * 1_024, length <= Int64(Int32.max) else { return nil }
        return (Int(offset), Int(length))
    }

    /// Whether a row will read whole, checked without making its strings (the usual fields);
    /// the rare Self-energy and distress fields are read in full to be sure.
    static func isWellFormed(_ fields: IndexFields, _ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard stamp(fields, buffer) != nil, let kind = kind(fields, buffer) else { return false }
        switch kind {
        case problemKind:
            return fields.isProblemWidth
        case entryKind:
            guard fields.isEntryWidth, textPlace(fields, buffer) != nil,
                  LocalDateTime(iso8601Bytes: UnsafeBufferPointer(rebasing: buffer[fields[EntryColumn.created]])) != nil else { return false }
            if !fields[EntryColumn.selfEnergy].isEmpty || !fields[EntryColumn.distress].isEmpty { return row(fields, buffer) != nil }
            return true
        default:
            return false
        }
    }

    static func row(_ fields: IndexFields, _ buffer: UnsafeBufferPointer<UInt8>) -> IndexRow? {
        guard let stamp = stamp(fields, buffer), let kind = kind(fields, buffer) else { return nil }
        let path = text(fields[RowColumn.path], buffer)
        switch kind {
        case problemKind:
            guard fields.isProblemWidth else { return nil }
            let line = number(fields[ProblemColumn.line], buffer).map { Int($0) }
            return IndexRow(path: path, stamp: stamp, content: .problem(line: line, reason: text(fields[ProblemColumn.reason], buffer)))
        case entryKind:
            guard fields.isEntryWidth, let (offset, length) = textPlace(fields, buffer),
                  let created = LocalDateTime(iso8601Bytes: UnsafeBufferPointer(rebasing: buffer[fields[EntryColumn.created]]))
                      ?? LocalDateTime(iso8601: text(fields[EntryColumn.created], buffer)) else { return nil }
            var ratings: [SelfQuality: Int] = [:]
            for pair in items(fields[EntryColumn.selfEnergy], buffer) {
                guard let equals = pair.firstIndex(of: "="), let quality = SelfQuality(rawValue: String(pair[..<equals])),
                      let value = Int(pair[pair.index(after: equals)...]) else { return nil }
                ratings[quality] = value
            }
            var distress: [DistressReading] = []
            for pair in items(fields[EntryColumn.distress], buffer) {
                // The step id may hold "=" itself: the value is after the last one.
                guard let equals = pair.lastIndex(of: "="), let value = Int(pair[pair.index(after: equals)...]) else { return nil }
                distress.append(DistressReading(stepID: String(pair[..<equals]), value: value))
            }
            let flow = fields[EntryColumn.flow].isEmpty ? nil : text(fields[EntryColumn.flow], buffer)
            let starred = fields[EntryColumn.starred]
            let summary = EntrySummary(id: EntryID(text(fields[EntryColumn.id], buffer)), created: created, flow: flow,
                                       title: text(fields[EntryColumn.title], buffer),
                                       firstWords: text(fields[EntryColumn.firstWords], buffer),
                                       parts: items(fields[EntryColumn.parts], buffer).map { PartID($0) },
                                       tags: items(fields[EntryColumn.tags], buffer),
                                       starred: !starred.isEmpty && buffer[starred.lowerBound] == UInt8(ascii: "1"),
                                       selfEnergy: SelfEnergyReading(ratings), distress: distress, path: path)
            return IndexRow(path: path, stamp: stamp, content: .entry(summary, textOffset: offset, textLength: length))
        default:
            return nil
        }
    }

    // MARK: Writing fields

    private static func list(_ items: [String]) -> String {
        items.map(escape).joined(separator: String(UnicodeScalar(listSeparator)))
    }

    /// Tabs, newlines, the list separator and backslashes are written as escapes.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == backslash || $0 == tab || $0 == newline || $0 == UInt8(ascii: "\r") || $0 == listSeparator })
        else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\u{1F}": out += "\\u"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func unescape<S: StringProtocol>(_ text: S) -> String {
        guard text.contains("\\") else { return String(text) }
        var out = ""
        var escaping = false
        for scalar in text.unicodeScalars {
            if escaping {
                switch scalar {
                case "t": out += "\t"
                case "n": out += "\n"
                case "r": out += "\r"
                case "u": out += "\u{1F}"
                default: out.unicodeScalars.append(scalar)
                }
                escaping = false
            } else if scalar == "\\" {
                escaping = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
