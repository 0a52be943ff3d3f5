/// The entry index's rows kept as the bytes they were read as, with where each field is: what
/// `list` and `search` work on when nothing changed. Checking the rows against the files,
/// ordering them and finding duplicate ids need only a few numbers per row; a summary (with its
/// strings) is made only for a row that is shown or filtered on.
public struct IndexRowTable: Sendable {
    /// The rows' bytes (the index file after its generation line).
    private let bytes: [UInt8]
    /// For each row, where its field boundaries start in `bounds`; a row of n fields has n + 1
    /// boundaries (each field's start, then the end of the last field plus one).
    private let rowStarts: [Int32]
    private let bounds: [Int32]

    public var count: Int { rowStarts.count }

    /// Reads the rows' layout and checks every number and field count, so a row either reads
    /// whole later or the table is not made (a garbled index is rebuilt, never half-trusted).
    public init?(utf8 bytes: [UInt8], from start: Int) {
        let header = Array(EntryIndexFormat.header.utf8)
        guard bytes.count >= start + header.count + 1, Array(bytes[start..<start + header.count]) == header,
              bytes[start + header.count] == 10, bytes.last == 10, bytes.count < Int(Int32.max) else { return nil }
        var rowStarts: [Int32] = []
        var bounds: [Int32] = []
        let ok = bytes.withUnsafeBufferPointer { buffer -> Bool in
            var lineStart = start + header.count + 1
            var fields: [Range<Int>] = []
            fields.reserveCapacity(18)
            while lineStart < buffer.count {
                var lineEnd = lineStart
                while buffer[lineEnd] != 10 { lineEnd += 1 }
                fields.removeAll(keepingCapacity: true)
                var fieldStart = lineStart
                for index in lineStart..<lineEnd where buffer[index] == 9 {
                    fields.append(fieldStart..<index)
                    fieldStart = index + 1
                }
                fields.append(fieldStart..<lineEnd)
                guard EntryIndexFormat.isWellFormed(fields, buffer) else { return false }
                rowStarts.append(Int32(bounds.count))
                for field in fields { bounds.append(Int32(field.lowerBound)) }
                bounds.append(Int32(lineEnd + 1))
                lineStart = lineEnd + 1
            }
            return true
        }
        guard ok else { return nil }
        self.bytes = bytes
        self.rowStarts = rowStarts
        self.bounds = bounds
    }

    private func fields(of row: Int) -> [Range<Int>] {
        let first = Int(rowStarts[row])
        let end = row + 1 < rowStarts.count ? Int(rowStarts[row + 1]) : bounds.count
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(end - first - 1)
        for index in first..<(end - 1) {
            ranges.append(Int(bounds[index])..<(Int(bounds[index + 1]) - 1))
        }
        return ranges
    }

    private func field(_ number: Int, of row: Int) -> Range<Int> {
        let index = Int(rowStarts[row]) + number
        return Int(bounds[index])..<(Int(bounds[index + 1]) - 1)
    }

    /// The whole row, read (strings and all): for rows that are shown, filtered on or reported.
    public func row(_ row: Int) -> IndexRow? {
        bytes.withUnsafeBufferPointer { EntryIndexFormat.row(fields(of: row), $0) }
    }

    public func isEntry(_ row: Int) -> Bool { bytes[field(5, of: row).lowerBound] == UInt8(ascii: "e") }

    /// True when the row is of `path` (relative to the journal folder) with this stamp.
    public func matches(_ row: Int, path prefix: [UInt8], _ file: String, stamp: FileStamp) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let stored = EntryIndexFormat.stamp(Array(fields(of: row).prefix(5)), buffer), stored == stamp else { return false }
            let range = field(0, of: row)
            let path = UnsafeBufferPointer(rebasing: buffer[range])
            guard path.count == prefix.count + file.utf8.count, path.starts(with: prefix) else { return false }
            return path.dropFirst(prefix.count).elementsEqual(file.utf8)
        }
    }

    /// The entry's instant (seconds since 1970) for ordering, from its `created` field.
    public func createdKey(_ row: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            LocalDateTime(iso8601Bytes: UnsafeBufferPointer(rebasing: buffer[field(7, of: row)]))?.secondsSinceEpoch ?? Int.min
        }
    }

    /// Compares two rows' paths (for ties in ordering) without making strings.
    public func pathPrecedes(_ a: Int, _ b: Int) -> Bool {
        bytes[field(0, of: a)].lexicographicallyPrecedes(bytes[field(0, of: b)])
    }

    /// A 64-bit fingerprint (FNV-1a) of the entry's id, to find possible duplicates cheaply.
    public func idFingerprint(_ row: Int) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes[field(6, of: row)] {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// Where the entry's folded text is in the text file.
    public func textSlice(_ row: Int) -> Range<Int> {
        bytes.withUnsafeBufferPointer { buffer in
            let offset = EntryIndexFormat.number(field(16, of: row), buffer) ?? 0
            let length = EntryIndexFormat.number(field(17, of: row), buffer) ?? 0
            return Int(offset)..<Int(offset + length)
        }
    }
}
