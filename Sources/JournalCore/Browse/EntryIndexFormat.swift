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

/// The index's on-disk form: a header line, then one line per file, fields split by tabs.
/// It is a cache (delete it and it is rebuilt), so any line it cannot read makes the whole
/// file count as missing rather than half-trusted.
public enum EntryIndexFormat {
    public static let header = "haven-entry-index 2"
    private static let listSeparator: Character = "\u{1F}"

    public static func render(_ rows: [IndexRow]) -> String {
        var out = header + "\n"
        out.reserveCapacity(rows.count * 200)
        for row in rows {
            var fields = [escape(row.path), String(row.stamp.modified), String(row.stamp.changed), String(row.stamp.size),
                          String(row.stamp.inode)]
            switch row.content {
            case .problem(let line, let reason):
                fields += ["!", line.map(String.init) ?? "", escape(reason)]
            case .entry(let s, let offset, let length):
                fields += ["e", escape(s.id.rawValue), s.created.iso8601, escape(s.flow ?? ""), escape(s.title),
                           escape(s.firstWords), list(s.parts.map(\.rawValue)), list(s.tags), s.starred ? "1" : "0",
                           list(s.selfEnergy.ordered.map { "\($0.quality.rawValue)=\($0.value)" }),
                           list(s.distress.map { "\($0.stepID)=\($0.value)" }), String(offset), String(length)]
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
            let headerBytes = Array(header.utf8)
            guard buffer.count > headerBytes.count, Array(buffer[0..<headerBytes.count]) == headerBytes,
                  buffer[headerBytes.count] == newline, buffer.last == newline else {
                return buffer.count == headerBytes.count + 1 && Array(buffer[0..<headerBytes.count]) == headerBytes ? [] : nil
            }
            var rows: [IndexRow] = []
            var lineStart = headerBytes.count + 1
            var fields: [Range<Int>] = []
            fields.reserveCapacity(18)
            while lineStart < buffer.count {
                var lineEnd = lineStart
                while buffer[lineEnd] != newline { lineEnd += 1 }
                fields.removeAll(keepingCapacity: true)
                var fieldStart = lineStart
                for index in lineStart..<lineEnd where buffer[index] == tab {
                    fields.append(fieldStart..<index)
                    fieldStart = index + 1
                }
                fields.append(fieldStart..<lineEnd)
                guard let row = Self.row(fields, buffer) else { return nil }
                rows.append(row)
                lineStart = lineEnd + 1
            }
            return rows
        }
    }

    private static let newline = UInt8(ascii: "\n")
    private static let tab = UInt8(ascii: "\t")
    private static let backslash = UInt8(ascii: "\\")

    /// A decimal number field (optionally negative); nil when it is not one or would overflow.
    static func number(_ range: Range<Int>, _ buffer: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !range.isEmpty else { return nil }
        var value: Int64 = 0
        var index = range.lowerBound
        let negative = buffer[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < range.upperBound else { return nil }
        while index < range.upperBound {
            let digit = buffer[index] &- 48
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

    /// The stamp in a row's fields 1 to 4.
    static func stamp(_ fields: [Range<Int>], _ buffer: UnsafeBufferPointer<UInt8>) -> FileStamp? {
        guard fields.count >= 5, let modified = number(fields[1], buffer), let changed = number(fields[2], buffer),
              let size = number(fields[3], buffer), let inode = number(fields[4], buffer), inode >= 0 else { return nil }
        return FileStamp(modified: modified, changed: changed, size: size, inode: UInt64(inode))
    }

    /// Whether a row will read whole, checked without making its strings (the usual fields);
    /// the rare Self-energy and distress fields are read in full to be sure.
    static func isWellFormed(_ fields: [Range<Int>], _ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard fields.count >= 6, stamp(fields, buffer) != nil, fields[5].count == 1 else { return false }
        switch buffer[fields[5].lowerBound] {
        case UInt8(ascii: "!"):
            return fields.count == 8
        case UInt8(ascii: "e"):
            guard fields.count == 18, let offset = number(fields[16], buffer), let length = number(fields[17], buffer),
                  offset >= 0, length >= 0, offset <= Int64(Int32.max) * 1_024, length <= Int64(Int32.max),
                  LocalDateTime(iso8601Bytes: UnsafeBufferPointer(rebasing: buffer[fields[7]])) != nil else { return false }
            if !fields[14].isEmpty || !fields[15].isEmpty { return row(fields, buffer) != nil }
            return true
        default:
            return false
        }
    }

    static func row(_ fields: [Range<Int>], _ buffer: UnsafeBufferPointer<UInt8>) -> IndexRow? {
        func text(_ range: Range<Int>) -> String {
            let slice = UnsafeBufferPointer(rebasing: buffer[range])
            let raw = String(decoding: slice, as: UTF8.self)
            return slice.contains(backslash) ? unescape(raw) : raw
        }
        func int(_ range: Range<Int>) -> Int64? { number(range, buffer) }
        func items(_ range: Range<Int>) -> [String] {
            guard !range.isEmpty else { return [] }
            var out: [String] = []
            var start = range.lowerBound
            for index in range where buffer[index] == 0x1F {
                out.append(text(start..<index))
                start = index + 1
            }
            out.append(text(start..<range.upperBound))
            return out
        }
        guard fields.count >= 6, let modified = int(fields[1]), let changed = int(fields[2]), let size = int(fields[3]),
              let inode = int(fields[4]), inode >= 0 else { return nil }
        let stamp = FileStamp(modified: modified, changed: changed, size: size, inode: UInt64(inode))
        let path = text(fields[0])
        let kind = fields[5]
        guard kind.count == 1 else { return nil }
        switch buffer[kind.lowerBound] {
        case UInt8(ascii: "!"):
            guard fields.count == 8 else { return nil }
            return IndexRow(path: path, stamp: stamp, content: .problem(line: int(fields[6]).map { Int($0) }, reason: text(fields[7])))
        case UInt8(ascii: "e"):
            guard fields.count == 18,
                  let created = LocalDateTime(iso8601Bytes: UnsafeBufferPointer(rebasing: buffer[fields[7]]))
                      ?? LocalDateTime(iso8601: text(fields[7])),
                  let offset = int(fields[16]), let length = int(fields[17]), offset >= 0, length >= 0,
                  offset <= Int64(Int32.max) * 1_024, length <= Int64(Int32.max) else { return nil }
            var ratings: [SelfQuality: Int] = [:]
            for pair in items(fields[14]) {
                guard let equals = pair.firstIndex(of: "="), let quality = SelfQuality(rawValue: String(pair[..<equals])),
                      let value = Int(pair[pair.index(after: equals)...]) else { return nil }
                ratings[quality] = value
            }
            var distress: [DistressReading] = []
            for pair in items(fields[15]) {
                guard let equals = pair.lastIndex(of: "="), let value = Int(pair[pair.index(after: equals)...]) else { return nil }
                distress.append(DistressReading(stepID: String(pair[..<equals]), value: value))
            }
            let flow = fields[8].isEmpty ? nil : text(fields[8])
            let title = text(fields[9])
            let firstWords = text(fields[10])
            let summary = EntrySummary(id: EntryID(text(fields[6])), created: created, flow: flow, title: title, firstWords: firstWords,
                                       parts: items(fields[11]).map { PartID($0) }, tags: items(fields[12]),
                                       starred: buffer[fields[13].lowerBound] == UInt8(ascii: "1"),
                                       selfEnergy: SelfEnergyReading(ratings), distress: distress, path: path)
            return IndexRow(path: path, stamp: stamp, content: .entry(summary, textOffset: Int(offset), textLength: Int(length)))
        default:
            return nil
        }
    }

    private static func list(_ items: [String]) -> String {
        items.map(escape).joined(separator: String(listSeparator))
    }

    private static func items(_ field: Substring) -> [String] {
        field.isEmpty ? [] : field.split(separator: listSeparator, omittingEmptySubsequences: false).map(unescape)
    }

    /// Tabs, newlines, the list separator and backslashes are written as escapes.
    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == listSeparator }) else { return text }
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
