import Foundation
import Synchronization
import Testing
import JournalCore
import JournalFiles

/// `PosixFileSystem` that counts which files were read, to see what the index skipped.
final class CountingFileSystem: FileSystem {
    private let base = PosixFileSystem()
    private let readPaths = Mutex<[String]>([])

    var entryReads: [String] { readPaths.withLock { $0.filter { $0.contains("/entries/") } } }
    func resetCount() { readPaths.withLock { $0 = [] } }

    func read(_ path: String) throws(FileSystemError) -> [UInt8] {
        readPaths.withLock { $0.append(path) }
        return try base.read(path)
    }
    func fileExists(_ path: String) -> Bool { base.fileExists(path) }
    func listFiles(under folder: String) throws(FileSystemError) -> FileList { try base.listFiles(under: folder) }
    func createFolder(_ path: String) throws(FileSystemError) { try base.createFolder(path) }
    func writeNew(_ path: String, bytes: [UInt8]) throws(FileSystemError) { try base.writeNew(path, bytes: bytes) }
    func replace(_ path: String, bytes: [UInt8]) throws(FileSystemError) { try base.replace(path, bytes: bytes) }
    func move(_ source: String, to destination: String) throws(FileSystemError) { try base.move(source, to: destination) }
}

@Suite("The entry index (a cache in XDG_CACHE_HOME)")
struct EntryIndexTests {
    struct Setup {
        let folder: TempFolder
        let store: FileJournalStore
        let fileSystem = CountingFileSystem()
        var cache: String { folder.path + "/cache/haven/index/x" }

        init() throws {
            folder = try TempFolder()
            store = FileJournalStore(root: folder.journal)
        }

        func index(cache: String? = nil) -> EntryIndex {
            EntryIndex(journalRoot: folder.journal, cacheFolder: cache ?? self.cache, fileSystem: fileSystem)
        }

        func ids(_ indexed: IndexedEntries, _ query: String = "", filter: EntryFilter = EntryFilter()) -> [String] {
            indexed.matching(filter, query: SearchQuery(query)).map(\.id.rawValue)
        }
    }

    @Test func readsOnlyWhatChangedAndPicksUpEditsMadeOutsideHaven() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        let first = try setup.store.createEntry(makeEntry("20260101-090000-aaaa", created: moment(day: 1, hour: 9), answer: "Un café calme"))
        _ = try setup.store.createEntry(makeEntry("20260102-090000-bbbb", created: moment(day: 2, hour: 9), answer: "rain"))

        let built = try setup.index().loadSummaries()
        #expect(setup.ids(built) == ["20260102-090000-bbbb", "20260101-090000-aaaa"])
        #expect(setup.ids(built, "CAFE") == ["20260101-090000-aaaa"])
        #expect(setup.fileSystem.entryReads.count == 2)

        // Nothing changed: no entry file is read again, and the answers are the same.
        setup.fileSystem.resetCount()
        let again = try setup.index().loadSummaries()
        #expect(setup.fileSystem.entryReads.isEmpty)
        #expect(again.entries == built.entries)
        #expect(setup.ids(again, "cafe") == ["20260101-090000-aaaa"])

        // Edited in another editor: only that file is read, and search sees the new words.
        let path = setup.folder.journal + "/" + first.path
        let edited = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "Un café calme", with: "A long walk by the lighthouse")
        try writeFile(path, edited)
        setup.fileSystem.resetCount()
        let afterEdit = try setup.index().loadSummaries()
        #expect(setup.fileSystem.entryReads == [path])
        #expect(setup.ids(afterEdit, "cafe").isEmpty)
        #expect(setup.ids(afterEdit, "lighthouse") == ["20260101-090000-aaaa"])

        // Removed outside Haven: gone from the list.
        try FileManager.default.removeItem(atPath: path)
        #expect(setup.ids(try setup.index().loadSummaries()) == ["20260102-090000-bbbb"])
    }

    @Test func entriesJustWrittenAreTakenAsWrittenUnlessTheFileChangedSince() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        let batch = try setup.store.createEntries((1...3).map {
            makeEntry("2026010\($0)-090000-aaaa", created: moment(day: $0, hour: 9), answer: "written \($0)")
        })
        #expect(batch.created.count == 3)
        // One of them is edited before the index hears of it: that one must be read from the file.
        let edited = setup.folder.journal + "/" + batch.created[1].path
        try writeFile(edited, try String(contentsOfFile: edited, encoding: .utf8).replacingOccurrences(of: "written 2", with: "changed outside"))
        let indexed = try setup.index().loadSummaries(knowing: batch.created)
        #expect(setup.ids(indexed, "changed outside") == ["20260102-090000-aaaa"])
        #expect(setup.ids(indexed, "\"written 2\"").isEmpty)
        #expect(setup.ids(indexed, "\"written 3\"") == ["20260103-090000-aaaa"])
        let fresh = try EntryIndex(journalRoot: setup.folder.journal, cacheFolder: nil).loadSummaries()
        #expect(indexed == fresh)
    }

    @Test func everyWriteHasANewRandomGeneration() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        _ = try setup.store.createEntry(makeEntry("20260101-090000-aaaa", created: moment(day: 1, hour: 9)))
        var generations: [String] = []
        for day in 2...4 {
            _ = try setup.index().loadSummaries()
            generations.append(String(try String(contentsOfFile: setup.cache + "/entries.tsv", encoding: .utf8).prefix { $0 != "\n" }))
            _ = try setup.store.createEntry(makeEntry("2026010\(day)-090000-aaaa", created: moment(day: day, hour: 9)))
        }
        #expect(Set(generations).count == 3)
        // Not one more than the last: two Havens starting from the same index cannot both write N+1.
        let numbers = generations.compactMap { Int($0.dropFirst("generation ".count)) }
        #expect(numbers.count == 3 && numbers[1] != numbers[0] + 1 && numbers[2] != numbers[1] + 1)
    }

    @Test func aFolderLinkedFromAnotherYearIsListedOnce() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        let stored = try setup.store.createEntry(makeEntry("20260101-090000-aaaa", created: moment(day: 1, hour: 9)))
        try FileManager.default.createDirectory(atPath: setup.folder.journal + "/entries/2027", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: setup.folder.journal + "/entries/2027/linked",
                                                   withDestinationPath: setup.folder.journal + "/entries/2026/01")
        let listing = try PosixFileSystem().listFiles(under: setup.folder.journal + "/entries")
        #expect(listing.files == [String(stored.path.dropFirst("entries/".count))])
        let indexed = try setup.index().loadSummaries()
        #expect(indexed.entries.map(\.path) == [stored.path])
        #expect(indexed.problems.isEmpty)
    }

    @Test func deletingTheCacheLosesNothing() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        for day in 1...5 {
            _ = try setup.store.createEntry(makeEntry("2026010\(day)-090000-aaaa", created: moment(day: day, hour: 9), answer: "day \(day)"))
        }
        let built = try setup.index().loadSummaries()
        try FileManager.default.removeItem(atPath: setup.folder.path + "/cache")
        let rebuilt = try setup.index().loadSummaries()
        #expect(rebuilt.entries == built.entries)
        #expect(setup.ids(rebuilt, "day 3") == ["20260103-090000-aaaa"])
        #expect(try setup.store.loadEntries().entries.count == 5)
    }

    @Test func aCacheFromAnotherGenerationOrGarbledIsRebuiltNotTrusted() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        _ = try setup.store.createEntry(makeEntry("20260101-090000-aaaa", created: moment(day: 1, hour: 9), answer: "kept words"))
        _ = try setup.index().loadSummaries()

        // As if Haven stopped between writing the text and the rows: the text is of a later generation.
        try writeFile(setup.cache + "/text", "generation 99\nsomething else entirely")
        setup.fileSystem.resetCount()
        let afterCrash = try setup.index().loadSummaries()
        #expect(setup.fileSystem.entryReads.count == 1)
        #expect(setup.ids(afterCrash, "kept") == ["20260101-090000-aaaa"])
        #expect(setup.ids(afterCrash, "something").isEmpty)

        try writeFile(setup.cache + "/entries.tsv", "generation 3\nhaven-entry-index 2\nnonsense\n")
        let afterGarble = try setup.index().loadSummaries()
        #expect(setup.ids(afterGarble, "kept words") == ["20260101-090000-aaaa"])
    }

    @Test func brokenFilesAreReportedEveryTimeAndLeftAlone() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        _ = try setup.store.createEntry(makeEntry("20260101-090000-aaaa", created: moment(day: 1, hour: 9)))
        let broken = setup.folder.journal + "/entries/2026/01/broken.md"
        try writeFile(broken, "---\nid: x\ncreated: not a date\n---\n")
        try writeFile(setup.folder.journal + "/entries/2026/01/notes.txt", "a note")
        for _ in 0..<2 {
            let indexed = try setup.index().loadSummaries()
            #expect(indexed.entries.count == 1)
            #expect(indexed.problems.map(\.path) == ["entries/2026/01/broken.md", "entries/2026/01/notes.txt"])
            #expect(indexed.problems.first?.line == 3)
        }
        #expect(try String(contentsOfFile: broken, encoding: .utf8) == "---\nid: x\ncreated: not a date\n---\n")
    }

    @Test func aSecondFileWithTheSameIdIsReportedLikeTheStoreDoes() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        let stored = try setup.store.createEntry(makeEntry("20260101-090000-aaaa", created: moment(day: 1, hour: 9)))
        let text = try String(contentsOfFile: setup.folder.journal + "/" + stored.path, encoding: .utf8)
        try writeFile(setup.folder.journal + "/entries/2026/01/copy.md", text)
        for _ in 0..<2 { // built, then from the cache's rows
            let indexed = try setup.index().loadSummaries()
            #expect(indexed.entries.count == 1)
            #expect(indexed.problems.count == 1 && indexed.problems[0].reason.contains("same id"))
            #expect(indexed.entries.map(\.id) == (try setup.store.loadEntries()).entries.map(\.entry.id))
            #expect(indexed.entries.map(\.path) == (try setup.store.loadEntries()).entries.map(\.path))
        }
    }

    @Test func theCacheIsPrivateAndOptional() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        _ = try setup.store.createEntry(makeEntry("20260101-090000-aaaa", created: moment(day: 1, hour: 9)))
        _ = try setup.index().loadSummaries()
        #expect(mode(setup.cache) == 0o700)
        #expect(mode(setup.cache + "/entries.tsv") == 0o600)
        #expect(mode(setup.cache + "/text") == 0o600)

        // No cache folder at all, or one that cannot be written: still the right answer.
        let noCache = EntryIndex(journalRoot: setup.folder.journal, cacheFolder: nil)
        #expect(try noCache.loadSummaries().entries.count == 1)
        try writeFile(setup.folder.path + "/a-file", "not a folder")
        let unwritable = EntryIndex(journalRoot: setup.folder.journal, cacheFolder: setup.folder.path + "/a-file/index")
        #expect(try unwritable.loadSummaries().entries.count == 1)
    }

    @Test func anEmptyOrMissingJournalHasNoEntries() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        let indexed = try setup.index().loadSummaries()
        #expect(indexed.entries.isEmpty && indexed.problems.isEmpty)
        #expect(!exists(setup.folder.journal)) // reading creates nothing in the journal
    }

    @Test func journalsInDifferentPlacesNeverShareACache() {
        #expect(EntryIndex.cacheFolder(cacheHome: "/c", journalRoot: "/a") != EntryIndex.cacheFolder(cacheHome: "/c", journalRoot: "/b"))
        #expect(EntryIndex.cacheFolder(cacheHome: "/c", journalRoot: "/a").hasPrefix("/c/index/"))
    }

    @Test func agreesWithTheStoreOnAGeneratedJournal() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        let words = ["calm", "café", "東京", "🌧 rain", "Éloïse", "critic", "tab\there"]
        for n in 0..<60 {
            var entry = makeEntry(String(format: "202601%02d-%02d0000-k%03d", n % 28 + 1, n % 24, n),
                                  created: moment(day: n % 28 + 1, hour: n % 24), answer: words[n % words.count] + " \(n)")
            entry.tags = n % 3 == 0 ? ["work"] : []
            entry.starred = n % 7 == 0
            _ = try setup.store.createEntry(entry)
        }
        let fromStore = IndexedEntries(try setup.store.loadEntries())
        for _ in 0..<2 { // built, then from the cache
            let indexed = try setup.index().loadSummaries()
            #expect(indexed.entries == fromStore.entries)
            for query in ["cafe", "東京", "RAIN", "eloise", "tab", "\"critic 6\"", "nothing-like-this"] {
                #expect(setup.ids(indexed, query) == setup.ids(fromStore, query))
            }
            let filter = EntryFilter(tag: "work", starredOnly: true)
            #expect(setup.ids(indexed, filter: filter) == setup.ids(fromStore, filter: filter))
            #expect(!setup.ids(indexed, filter: filter).isEmpty)
        }
    }
}
