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
    public static let header = "haven-entry-index 1"
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
                           escape(s.headline), list(s.parts.map(\.rawValue)), list(s.tags), s.starred ? "1" : "0",
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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Substring(header), lines.last == "" else { return nil }
        lines.removeFirst()
        lines.removeLast()
        var rows: [IndexRow] = []
        rows.reserveCapacity(lines.count)
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 6, let modified = Int64(fields[1]), let changed = Int64(fields[2]),
                  let size = Int64(fields[3]), let inode = UInt64(fields[4]) else { return nil }
            let stamp = FileStamp(modified: modified, changed: changed, size: size, inode: inode)
            let path = unescape(fields[0])
            switch fields[5] {
            case "!":
                guard fields.count == 8 else { return nil }
                rows.append(IndexRow(path: path, stamp: stamp, content: .problem(line: Int(fields[6]), reason: unescape(fields[7]))))
            case "e":
                guard fields.count == 18, let created = LocalDateTime(iso8601: String(fields[7])),
                      let offset = Int(fields[16]), let length = Int(fields[17]) else { return nil }
                var ratings: [SelfQuality: Int] = [:]
                for pair in items(fields[14]) {
                    let kv = pair.split(separator: "=")
                    guard kv.count == 2, let quality = SelfQuality(rawValue: String(kv[0])), let value = Int(kv[1]) else { return nil }
                    ratings[quality] = value
                }
                var distress: [DistressReading] = []
                for pair in items(fields[15]) {
                    guard let equals = pair.lastIndex(of: "="), let value = Int(pair[pair.index(after: equals)...]) else { return nil }
                    distress.append(DistressReading(stepID: String(pair[..<equals]), value: value))
                }
                let flow = unescape(fields[8])
                let summary = EntrySummary(id: EntryID(unescape(fields[6])), created: created, flow: flow.isEmpty ? nil : flow,
                                           title: unescape(fields[9]), headline: unescape(fields[10]),
                                           parts: items(fields[11]).map { PartID($0) }, tags: items(fields[12]),
                                           starred: fields[13] == "1", selfEnergy: SelfEnergyReading(ratings),
                                           distress: distress, path: path)
                rows.append(IndexRow(path: path, stamp: stamp, content: .entry(summary, textOffset: offset, textLength: length)))
            default:
                return nil
            }
        }
        return rows
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
