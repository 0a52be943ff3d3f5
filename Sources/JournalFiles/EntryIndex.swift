import JournalCore

/// A rebuildable cache of entry summaries in `$XDG_CACHE_HOME/haven/index/`, so listing and
/// searching years of writing does not parse every file. Each run lists the entry files with
/// their stamps (size, times, inode) and reads again only those that changed, were added, or are
/// not in the cache, so an entry edited outside Haven is picked up. The cache is never the only
/// copy of anything: delete it and it is rebuilt from the entries.
///
/// Two files: `entries.tsv` (the rows) and `text` (folded search text). Each carries the same
/// generation number in its first line; the text is written first, so after a crash between the
/// two writes the numbers differ and the text is rebuilt rather than trusted.
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
        let listing: FileList
        do {
            listing = try fileSystem.listFiles(under: journalRoot + "/entries")
        } catch {
            throw .io(path: "entries", message: "cannot \(error.operation): \(error.reason)")
        }
        let cached = readCache()
        var previous: [String: (row: IndexRow, text: ArraySlice<UInt8>?)] = [:]
        if let cached {
            for row in cached.rows {
                var text: ArraySlice<UInt8>?
                if case .entry(_, let offset, let length) = row.content, let all = cached.text,
                   offset >= 0, length >= 0, offset + length <= all.count {
                    text = all[offset..<offset + length]
                }
                previous[row.path] = (row, text)
            }
        }

        var rows: [IndexRow] = []
        var texts: [ArraySlice<UInt8>] = []
        var changed = cached == nil || cached?.text == nil
        rows.reserveCapacity(listing.files.count)
        for file in listing.files {
            let path = "entries/" + file
            let stamp = listing.stamps[file] ?? FileStamp(modified: -1, changed: -1, size: -1, inode: 0)
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
            changed = true
            let (row, text) = readRow(path: path, stamp: stamp)
            rows.append(row)
            texts.append(text)
        }
        if previous.count != rows.count { changed = true } // files went away

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
        if changed { writeCache(rows: rows, text: allText, generation: (cached?.generation ?? 0) + 1) }
        return Self.assemble(rows: rows, text: allText,
                             unreadable: listing.unreadable.map { JournalProblem(path: "entries/" + $0.path, line: nil, reason: $0.reason) })
    }

    private func readRow(path: String, stamp: FileStamp) -> (IndexRow, ArraySlice<UInt8>) {
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
    private static func assemble(rows: [IndexRow], text: [UInt8], unreadable: [JournalProblem]) -> IndexedEntries {
        var problems = unreadable
        var found: [(EntrySummary, Range<Int>)] = []
        found.reserveCapacity(rows.count)
        for row in rows {
            switch row.content {
            case .problem(let line, let reason): problems.append(JournalProblem(path: row.path, line: line, reason: reason))
            case .entry(let summary, let offset, let length): found.append((summary, offset..<offset + length))
            }
        }
        found.sort { EntrySummary.newestFirst($0.0, $1.0) }
        var seen: [EntryID: String] = [:]
        var entries: [EntrySummary] = []
        var slices: [Range<Int>] = []
        entries.reserveCapacity(found.count)
        slices.reserveCapacity(found.count)
        for (summary, slice) in found {
            if let first = seen[summary.id] {
                problems.append(JournalProblem(path: summary.path, line: nil,
                                               reason: "has the same id as \(first) (\(summary.id)); only that one is shown"))
            } else {
                seen[summary.id] = summary.path
                entries.append(summary)
                slices.append(slice)
            }
        }
        return IndexedEntries(entries: entries, problems: problems.sorted { $0.path < $1.path }, text: text, slices: slices)
    }

    // MARK: The cache files

    private struct Cached {
        var rows: [IndexRow]
        var generation: Int
        /// Nil when the text file is missing or from another generation.
        var text: [UInt8]?
    }

    private func readCache() -> Cached? {
        guard let folder = cacheFolder, let bytes = try? fileSystem.read(folder + "/entries.tsv"),
              let newline = bytes.firstIndex(of: 10),
              let generation = Self.generation(String(decoding: bytes[..<newline], as: UTF8.self)),
              let body = String(validating: bytes[(newline + 1)...], as: UTF8.self),
              let rows = EntryIndexFormat.parse(body) else { return nil }
        var text: [UInt8]?
        if let textBytes = try? fileSystem.read(folder + "/text"), let end = textBytes.firstIndex(of: 10),
           Self.generation(String(decoding: textBytes[..<end], as: UTF8.self)) == generation {
            text = Array(textBytes[(end + 1)...])
        }
        return Cached(rows: rows, generation: generation, text: text)
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
