import JournalCore

/// The entry index's rows kept as the bytes they were read as, with where each field is: what
/// `list` and `search` work on when nothing changed. Checking the rows against the files,
/// ordering them and finding duplicate ids need only a few numbers per row; a summary (with its
/// strings) is made only for a row that is shown or filtered on.
public struct IndexRowTable: EntrySummaryRows {
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
        guard bytes.count < Int(Int32.max) else { return nil }
        var rowStarts: [Int32] = []
        var bounds: [Int32] = []
        let ok = bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let first = EntryIndexFormat.rowsStart(buffer, from: start) else { return false }
            return EntryIndexFormat.forEachRow(buffer, from: first) { fields, next in
                guard EntryIndexFormat.isWellFormed(fields, buffer) else { return false }
                rowStarts.append(Int32(bounds.count))
                for field in fields.ranges { bounds.append(Int32(field.lowerBound)) }
                bounds.append(Int32(next))
                return true
            }
        }
        guard ok else { return nil }
        self.bytes = bytes
        self.rowStarts = rowStarts
        self.bounds = bounds
    }

    private func fields(of row: Int) -> IndexFields {
        let first = Int(rowStarts[row])
        let end = row + 1 < rowStarts.count ? Int(rowStarts[row + 1]) : bounds.count
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(end - first - 1)
        for index in first..<(end - 1) {
            ranges.append(Int(bounds[index])..<(Int(bounds[index + 1]) - 1))
        }
        return IndexFields(ranges: ranges)
    }

    private func field(_ column: some IndexColumn, of row: Int) -> Range<Int> {
        let index = Int(rowStarts[row]) + column.position
        return Int(bounds[index])..<(Int(bounds[index + 1]) - 1)
    }

    /// The whole row, read (strings and all): for rows that are shown, filtered on or reported.
    public func row(_ row: Int) -> IndexRow? {
        bytes.withUnsafeBufferPointer { EntryIndexFormat.row(fields(of: row), $0) }
    }

    public func summary(ofRow row: Int) -> EntrySummary? {
        if case .entry(let summary, _, _)? = self.row(row)?.content { return summary }
        return nil
    }

    public func isEntry(_ row: Int) -> Bool { EntryIndexFormat.isEntry(bytes[field(RowColumn.kind, of: row).lowerBound]) }

    /// True when the row is of `path` (relative to the journal folder) with this stamp.
    public func matches(_ row: Int, path prefix: [UInt8], _ file: String, stamp: FileStamp) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            // Field by field, making no array: this runs for every row on every `list`.
            func number(_ column: RowColumn) -> Int64? { EntryIndexFormat.number(field(column, of: row), buffer) }
            guard number(.modified) == stamp.modified, number(.changed) == stamp.changed, number(.size) == stamp.size,
                  let inode = number(.inode), inode >= 0, UInt64(inode) == stamp.inode else { return false }
            let path = UnsafeBufferPointer(rebasing: buffer[field(RowColumn.path, of: row)])
            guard path.count == prefix.count + file.utf8.count, path.starts(with: prefix) else { return false }
            return path.dropFirst(prefix.count).elementsEqual(file.utf8)
        }
    }

    /// The entry's instant (seconds since 1970) for ordering, from its `created` field.
    public func createdKey(_ row: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            LocalDateTime(iso8601Bytes: UnsafeBufferPointer(rebasing: buffer[field(EntryColumn.created, of: row)]))?.secondsSinceEpoch
                ?? Int.min
        }
    }

    /// Compares two rows' paths (for ties in ordering) without making strings.
    public func pathPrecedes(_ a: Int, _ b: Int) -> Bool {
        bytes[field(RowColumn.path, of: a)].lexicographicallyPrecedes(bytes[field(RowColumn.path, of: b)])
    }

    /// A 64-bit fingerprint (FNV-1a) of the entry's id, to find possible duplicates cheaply.
    public func idFingerprint(_ row: Int) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes[field(EntryColumn.id, of: row)] {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// Where the entry's folded text is in the text file.
    public func textSlice(ofRow row: Int) -> Range<Int> {
        bytes.withUnsafeBufferPointer { buffer in
            let offset = EntryIndexFormat.number(field(EntryColumn.textOffset, of: row), buffer) ?? 0
            let length = EntryIndexFormat.number(field(EntryColumn.textLength, of: row), buffer) ?? 0
            return Int(offset)..<Int(offset + length)
        }
    }
}
