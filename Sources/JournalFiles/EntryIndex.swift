import JournalCore

/// A rebuildable cache of entry summaries in `$XDG_CACHE_HOME/haven/index/`, so listing and
/// searching years of writing does not parse every file. Each run lists the entry files with
/// their stamps (size, times, inode) and reads again only those that changed, were added, or are
/// not in the cache, so an entry edited outside Haven is picked up. The cache is never the only
/// copy of anything: delete it and it is rebuilt from the entries.
///
/// Two files: `entries.tsv` (the rows) and `text` (folded search text). Each carries the same
/// generation number (random, new on every write) in its first line; the text is written first,
/// so after a crash between the two writes, or two Havens writing at once, the numbers differ and
/// the text is rebuilt rather than trusted.
public final class EntryIndex: EntrySummarySource {
    private let journalRoot: String
    /// Nil: no cache on disk (every run reads every entry), e.g. when there is no cache folder.
    private let cacheFolder: String?
    private let fileSystem: FileSystem

    public init(journalRoot: String, cacheFolder: String?, fileSystem: FileSystem = PosixFileSystem()) {
        self.journalRoot = journalRoot.count > 1 && journalRoot.hasSuffix("/") ? String(journalRoot.dropLast()) : journalRoot
        self.cacheFolder = cacheFolder
        self.fileSystem = fileSystem
    }

    /// The cache folder for one journal: journals in different places never share an index.
    public static func cacheFolder(cacheHome: String, journalRoot: String) -> String {
        let key = ContentHash(of: Array(journalRoot.utf8)).hex.prefix(16)
        return "\(cacheHome)/index/\(key)"
    }

    /// Reads the entries, using the cache for files that did not change, and brings the cache
    /// up to date. A cache that cannot be written is not an error (the answer is still right).
    public func loadSummaries() throws(StoreError) -> IndexedEntries {
        try loadSummaries(knowing: [])
    }

    public func loadSummaries(knowing written: [StoredEntry]) throws(StoreError) -> IndexedEntries {
        let known = Dictionary(written.map { ($0.path, $0) }, uniquingKeysWith: { _, last in last })
        let listing: FileList
        do {
            listing = try fileSystem.listFiles(under: journalRoot + "/entries")
        } catch {
            throw .io(path: "entries", message: "cannot \(error.operation): \(error.reason)")
        }
        let unreadable = listing.unreadable.map { JournalProblem(path: "entries/" + $0.path, line: nil, reason: $0.reason) }
        let table = readTable()

        // Nothing changed (the usual case): the rows stay bytes until one is shown, and the
        // search text is read from the cache only if a search asks for it.
        if let table, isCurrent(table.rows, listing: listing), let folder = cacheFolder, textGeneration() == table.generation {
            let fileSystem = self.fileSystem
            let generation = table.generation
            let rows = table.rows
            let journalRoot = self.journalRoot
            let text = SearchText(loading: {
                // Mapped, not read: the page cache is used as it is, with no copy (150 MB at 100,000 entries).
                if let mapped = fileSystem.map(folder + "/text"), let start = Self.textStart(mapped.bytes, generation: generation) {
                    return .shared(mapped, start: start)
                }
                if let (bytes, start) = Self.readTextFile(folder: folder, generation: generation, fileSystem: fileSystem) {
                    return .bytes(bytes, start: start)
                }
                return .bytes(Self.rebuildText(rows: (0..<rows.count).compactMap { rows.row($0) }, journalRoot: journalRoot,
                                               fileSystem: fileSystem), start: 0)
            })
            return Self.assemble(table: rows, text: text, unreadable: unreadable)
        }
        let cached = table.map { CachedRows(rows: (0..<$0.rows.count).compactMap($0.rows.row), generation: $0.generation) }

        // Something changed: read what changed, keep the rest, and write the cache again.
        var oldText: [UInt8]?
        if let cached, let folder = cacheFolder {
            oldText = Self.readText(folder: folder, generation: cached.generation, fileSystem: fileSystem)
        }
        var previous: [String: (row: IndexRow, text: ArraySlice<UInt8>?)] = [:]
        for row in cached?.rows ?? [] {
            var text: ArraySlice<UInt8>?
            if case .entry(_, let offset, let length) = row.content, let all = oldText,
               offset >= 0, length >= 0, offset + length <= all.count {
                text = all[offset..<offset + length]
            }
            previous[row.path] = (row, text)
        }
        var rows: [IndexRow] = []
        var texts: [ArraySlice<UInt8>] = []
        rows.reserveCapacity(listing.files.count)
        for (position, file) in listing.files.enumerated() {
            let path = "entries/" + file
            let stamp = listing.stamp(at: position) ?? FileStamp(modified: -1, changed: -1, size: -1, inode: 0)
            if let old = previous[path], old.row.stamp == stamp, stamp.size >= 0 {
                switch old.row.content {
                case .problem:
                    rows.append(old.row)
                    texts.append([])
                    continue
                case .entry:
                    if let text = old.text {
                        rows.append(old.row)
                        texts.append(text)
                        continue
                    }
                }
            }
            let (row, text) = readRow(path: path, stamp: stamp, known: known[path])
            rows.append(row)
            texts.append(text)
        }

        // Lay the texts end to end and give each entry row its slice.
        var allText: [UInt8] = []
        allText.reserveCapacity(texts.reduce(0) { $0 + $1.count })
        for index in rows.indices {
            let offset = allText.count
            allText.append(contentsOf: texts[index])
            if case .entry(let summary, _, _) = rows[index].content {
                rows[index].content = .entry(summary, textOffset: offset, textLength: texts[index].count)
            }
        }
        // A random generation, not the last one plus one: two Havens writing at once must never
        // leave rows of one beside the text of the other under the same number.
        writeCache(rows: rows, text: allText, generation: Int.random(in: 1...Int.max))
        return Self.assemble(rows: rows, text: SearchText(allText), unreadable: unreadable)
    }

    /// True when the rows describe exactly the listed files, each with the same stamp. Rows are
    /// written in the listing's order, so the two are walked side by side.
    private func isCurrent(_ rows: IndexRowTable, listing: FileList) -> Bool {
        guard rows.count == listing.files.count, listing.stamps.count == rows.count else { return false }
        let prefix = Array("entries/".utf8)
        for index in 0..<rows.count {
            let stamp = listing.stamps[index]
            guard stamp.size >= 0, rows.matches(index, path: prefix, listing.files[index], stamp: stamp) else { return false }
        }
        return true
    }

    /// The generation in the text file's first line, read without reading the text.
    private func textGeneration() -> Int? {
        guard let folder = cacheFolder, let head = try? fileSystem.readHead(folder + "/text", count: 40),
              let newline = head.firstIndex(of: 10) else { return nil }
        return Self.generation(String(decoding: head[..<newline], as: UTF8.self))
    }

    /// The text file whole, and where the text starts after its generation line (not copied:
    /// at 100,000 entries the text is 150 MB).
    private static func readTextFile(folder: String, generation: Int, fileSystem: FileSystem) -> (bytes: [UInt8], start: Int)? {
        guard let bytes = try? fileSystem.read(folder + "/text"), let newline = bytes.firstIndex(of: 10),
              Self.generation(String(decoding: bytes[..<newline], as: UTF8.self)) == generation else { return nil }
        return (bytes, newline + 1)
    }

    /// Where the text starts in the mapped file, if its first line is this generation.
    private static func textStart(_ bytes: UnsafeRawBufferPointer, generation: Int) -> Int? {
        let head = bytes.prefix(40)
        guard let newline = head.firstIndex(of: 10),
              Self.generation(String(decoding: head[..<newline], as: UTF8.self)) == generation else { return nil }
        return newline + 1
    }

    private static func readText(folder: String, generation: Int, fileSystem: FileSystem) -> [UInt8]? {
        guard let (bytes, start) = readTextFile(folder: folder, generation: generation, fileSystem: fileSystem) else { return nil }
        return Array(bytes[start...])
    }

    /// If the text file changed under us between the check and the search (another Haven
    /// rewrote it), the search text is made again from the entries themselves.
    private static func rebuildText(rows: [IndexRow], journalRoot: String, fileSystem: FileSystem) -> [UInt8] {
        var text: [UInt8] = []
        for row in rows {
            guard case .entry(_, let offset, let length) = row.content else { continue }
            var piece: [UInt8] = []
            if let bytes = try? fileSystem.read(journalRoot + "/" + row.path), let string = String(validating: bytes, as: UTF8.self),
               let entry = try? EntryFormat.parse(string, fallbackID: EntryID(JournalLayout.stem(of: row.path))) {
                piece = Array(EntrySummary.searchText(of: entry).utf8)
            }
            // Keep every row's slice where the rows say it is; a changed length is padded or cut.
            if text.count < offset { text += [UInt8](repeating: 32, count: offset - text.count) }
            text += piece.prefix(length)
            if piece.count < length { text += [UInt8](repeating: 32, count: length - piece.count) }
        }
        return text
    }

    private func readRow(path: String, stamp: FileStamp, known: StoredEntry? = nil) -> (IndexRow, ArraySlice<UInt8>) {
        func problem(_ line: Int?, _ reason: String) -> (IndexRow, ArraySlice<UInt8>) {
            (IndexRow(path: path, stamp: stamp, content: .problem(line: line, reason: reason)), [])
        }
        guard path.hasSuffix(".md") else { return problem(nil, "not a .md file, so not read as an entry; left as it is") }
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.read(journalRoot + "/" + path)
        } catch {
            return problem(nil, "cannot be read: \(error.reason)")
        }
        // Just written by Haven and unchanged since (same bytes): no need to parse it again.
        if let known, ContentHash(of: bytes) == known.version {
            let summary = EntrySummary(StoredEntry(entry: known.entry, path: path, version: known.version))
            return (IndexRow(path: path, stamp: stamp, content: .entry(summary, textOffset: 0, textLength: 0)),
                    ArraySlice(EntrySummary.searchText(of: known.entry).utf8))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return problem(nil, "the file is not UTF-8 text") }
        do {
            let entry = try EntryFormat.parse(text, fallbackID: EntryID(JournalLayout.stem(of: path)))
            let summary = EntrySummary(StoredEntry(entry: entry, path: path, version: ContentHash(of: bytes)))
            return (IndexRow(path: path, stamp: stamp, content: .entry(summary, textOffset: 0, textLength: 0)),
                    ArraySlice(EntrySummary.searchText(of: entry).utf8))
        } catch {
            return problem(error.line, error.reason)
        }
    }

    /// Newest first, one row per id (a second file with the same id is reported, as the store does).
    private static func assemble(rows: [IndexRow], text: SearchText, unreadable: [JournalProblem]) -> IndexedEntries {
        var problems = unreadable
        var summaries: [EntrySummary] = []
        var slices: [Range<Int>] = []
        summaries.reserveCapacity(rows.count)
        slices.reserveCapacity(rows.count)
        for row in rows {
            switch row.content {
            case .problem(let line, let reason): problems.append(JournalProblem(path: row.path, line: line, reason: reason))
            case .entry(let summary, let offset, let length):
                summaries.append(summary)
                slices.append(offset..<offset + length)
            }
        }
        // Rows come in path order, and paths begin with the date, so newest first is nearly always
        // just the reverse: check that in one pass before sorting on precomputed instants. The
        // work is on positions; the summaries are copied once, at the end.
        let keys = summaries.map { $0.created.secondsSinceEpoch }
        var order = Array(summaries.indices.reversed())
        let inOrder = order.indices.dropFirst().allSatisfy { position in
            let (a, b) = (order[position - 1], order[position])
            return keys[a] > keys[b] || (keys[a] == keys[b] && summaries[a].path > summaries[b].path)
        }
        if !inOrder {
            order.sort { a, b in keys[a] != keys[b] ? keys[a] > keys[b] : summaries[a].path > summaries[b].path }
        }
        let dropped = duplicatePositions(count: order.count, fingerprint: { fingerprint(summaries[order[$0]].id.rawValue) },
                                         summary: { summaries[order[$0]] }, problems: &problems)
        var entries: [EntrySummary] = []
        var orderedSlices: [Range<Int>] = []
        entries.reserveCapacity(order.count)
        orderedSlices.reserveCapacity(order.count)
        for (position, original) in order.enumerated() where !dropped.contains(position) {
            entries.append(summaries[original])
            orderedSlices.append(slices[original])
        }
        return IndexedEntries(entries: entries, problems: problems.sorted { $0.path < $1.path }, text: text, slices: orderedSlices)
    }

    /// The same from rows still as bytes: only numbers are read to order them and find
    /// duplicate ids; a row becomes a summary when it is shown (or reported, for problems).
    private static func assemble(table: IndexRowTable, text: SearchText, unreadable: [JournalProblem]) -> IndexedEntries {
        var problems = unreadable
        var entryRows: [Int] = []
        entryRows.reserveCapacity(table.count)
        for row in 0..<table.count {
            if table.isEntry(row) {
                entryRows.append(row)
            } else if case .problem(let line, let reason)? = table.row(row)?.content, let path = table.row(row)?.path {
                problems.append(JournalProblem(path: path, line: line, reason: reason))
            }
        }
        var keys = [Int](repeating: Int.min, count: table.count)
        for row in entryRows { keys[row] = table.createdKey(row) }
        var order = Array(entryRows.reversed())
        func newer(_ a: Int, _ b: Int) -> Bool {
            let (x, y) = (keys[a], keys[b])
            return x != y ? x > y : table.pathPrecedes(b, a)
        }
        if !order.indices.dropFirst().allSatisfy({ newer(order[$0 - 1], order[$0]) }) { order.sort(by: newer) }
        let dropped = duplicatePositions(count: order.count, fingerprint: { table.idFingerprint(order[$0]) },
                                         summary: { position in
                                             if case .entry(let summary, _, _)? = table.row(order[position])?.content { return summary }
                                             return nil
                                         }, problems: &problems)
        if !dropped.isEmpty { order = order.enumerated().filter { !dropped.contains($0.offset) }.map(\.element) }
        return IndexedEntries(rows: table, order: order, problems: problems.sorted { $0.path < $1.path }, text: text)
    }

    /// Each id once: the positions (newest first) of entries whose id came earlier, each
    /// reported. Cheap 64-bit fingerprints sorted side by side find the few candidates, which are
    /// then compared in full.
    private static func duplicatePositions(count: Int, fingerprint: (Int) -> UInt64, summary: (Int) -> EntrySummary?,
                                           problems: inout [JournalProblem]) -> Set<Int> {
        let fingerprints = (0..<count).map(fingerprint)
        let byFingerprint = (0..<count).sorted { fingerprints[$0] < fingerprints[$1] || (fingerprints[$0] == fingerprints[$1] && $0 < $1) }
        var dropped = Set<Int>()
        var index = 0
        while index < byFingerprint.count {
            var end = index + 1
            while end < byFingerprint.count && fingerprints[byFingerprint[end]] == fingerprints[byFingerprint[index]] { end += 1 }
            if end - index > 1 {
                var firstPath: [EntryID: String] = [:]
                for position in byFingerprint[index..<end].sorted() {
                    guard let entry = summary(position) else { continue }
                    if let first = firstPath[entry.id] {
                        dropped.insert(position)
                        problems.append(JournalProblem(path: entry.path, line: nil,
                                                       reason: "has the same id as \(first) (\(entry.id)); only that one is shown"))
                    } else {
                        firstPath[entry.id] = entry.path
                    }
                }
            }
            index = end
        }
        return dropped
    }

    /// FNV-1a over the id's bytes.
    private static func fingerprint(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    // MARK: The cache files

    private struct CachedRows {
        var rows: [IndexRow]
        var generation: Int
    }

    private func readTable() -> (rows: IndexRowTable, generation: Int)? {
        guard let folder = cacheFolder, let bytes = try? fileSystem.read(folder + "/entries.tsv"),
              let newline = bytes.firstIndex(of: 10),
              let generation = Self.generation(String(decoding: bytes[..<newline], as: UTF8.self)),
              let rows = IndexRowTable(utf8: bytes, from: newline + 1) else { return nil }
        return (rows, generation)
    }

    private static func generation(_ line: String) -> Int? {
        guard line.hasPrefix("generation ") else { return nil }
        return Int(line.dropFirst("generation ".count))
    }

    private func writeCache(rows: [IndexRow], text: [UInt8], generation: Int) {
        guard let folder = cacheFolder else { return }
        let stamp = Array("generation \(generation)\n".utf8)
        do {
            try fileSystem.createFolder(folder)
            try write(folder + "/text", bytes: stamp + text)
            try write(folder + "/entries.tsv", bytes: stamp + Array(EntryIndexFormat.render(rows).utf8))
        } catch {
            // A read-only or full cache folder only costs speed; the entries were read anyway.
        }
    }

    private func write(_ path: String, bytes: [UInt8]) throws(FileSystemError) {
        if fileSystem.fileExists(path) {
            try fileSystem.replace(path, bytes: bytes)
        } else {
            try fileSystem.writeNew(path, bytes: bytes)
        }
    }
}
