import Foundation
import Synchronization
import Testing
import JournalCore
import JournalFiles
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `PosixFileSystem`, except that chosen operations fail as a full disk would.
final class FailingFileSystem: FileSystem {
    enum Operation: Hashable, Sendable { case writeNew, replace, move }

    private let base = PosixFileSystem()
    /// The operations that fail now, and how many have failed so far.
    private let state = Mutex((failing: Set<Operation>(), failures: 0))

    func fail(_ operations: Set<Operation>) { state.withLock { $0.failing = operations } }

    /// How many operations were made to fail so far.
    var failureCount: Int { state.withLock { $0.failures } }

    private func check(_ operation: Operation, _ path: String) throws(FileSystemError) {
        let fails = state.withLock { state in
            if state.failing.contains(operation) { state.failures += 1; return true }
            return false
        }
        if fails { throw FileSystemError(path: path, code: ENOSPC, operation: "write") }
    }

    func read(_ path: String) throws(FileSystemError) -> [UInt8] { try base.read(path) }
    func fileExists(_ path: String) -> Bool { base.fileExists(path) }
    func listFiles(under folder: String) throws(FileSystemError) -> FileList { try base.listFiles(under: folder) }
    func createFolder(_ path: String) throws(FileSystemError) { try base.createFolder(path) }

    func writeNew(_ path: String, bytes: [UInt8]) throws(FileSystemError) {
        try check(.writeNew, path)
        try base.writeNew(path, bytes: bytes)
    }

    func replace(_ path: String, bytes: [UInt8]) throws(FileSystemError) {
        try check(.replace, path)
        try base.replace(path, bytes: bytes)
    }

    func move(_ source: String, to destination: String) throws(FileSystemError) {
        try check(.move, source)
        try base.move(source, to: destination)
    }
}

@Suite("FileJournalStore when the disk fails")
struct FaultInjectionTests {
    @Test("a failed create throws an I/O error and leaves nothing behind")
    func createFails() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let fileSystem = FailingFileSystem()
        let store = FileJournalStore(root: folder.journal, fileSystem: fileSystem)
        let earlier = try store.createEntry(makeEntry("earlier", created: moment(day: 4, hour: 8)))
        let earlierBytes = try #require(readBytes(folder.journal + "/" + earlier.path))

        fileSystem.fail([.writeNew])
        let entry = makeEntry("20260105-093000-ab12", created: moment(day: 5, hour: 9, minute: 30))
        let expectedPath = JournalLayout.entryPath(for: entry)
        let error = try #require(storeError { try store.createEntry(entry) })
        #expect(error.isIOError)
        #expect(error == .io(path: expectedPath, message: "cannot write: \(String(cString: strerror(ENOSPC)))"))
        #expect(fileSystem.failureCount == 1) // not retried under other names
        #expect(!exists(folder.journal + "/" + expectedPath))
        #expect(!exists(folder.journal + "/" + JournalLayout.entryPath(for: entry, number: 2)))
        #expect(hiddenPaths(under: folder.journal).isEmpty)
        #expect(readBytes(folder.journal + "/" + earlier.path) == earlierBytes)
        #expect(try store.loadEntries().entries == [earlier])

        // Once there is room again, the same entry saves normally.
        fileSystem.fail([])
        let stored = try store.createEntry(entry)
        #expect(stored.path == expectedPath)
        #expect(try store.loadEntries().entries == [stored, earlier])
    }

    @Test("a failed batch write stops the batch, says why, and keeps what was written")
    func createEntriesFails() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let fileSystem = FailingFileSystem()
        let store = FileJournalStore(root: folder.journal, fileSystem: fileSystem)
        let earlier = try store.createEntry(makeEntry("earlier", created: moment(day: 4, hour: 8)))

        fileSystem.fail([.writeNew])
        let batch = [makeEntry("a", created: moment(day: 5, hour: 9)), makeEntry("b", created: moment(day: 6, hour: 9))]
        let result = try store.createEntries(batch)
        #expect(result.created.isEmpty)
        #expect(result.failure?.isIOError == true)
        #expect(fileSystem.failureCount == 1) // stopped at the first failure
        #expect(hiddenPaths(under: folder.journal).isEmpty)
        #expect(try store.loadEntries().entries == [earlier])

        // Run again with room on the disk: the whole batch goes in, nothing twice.
        fileSystem.fail([])
        #expect(try store.createEntries(batch).created.map(\.entry.id) == ["a", "b"])
        #expect(try store.createEntries(batch).skipped == ["a", "b"])
    }

    @Test("a failed update keeps the old bytes, and the old version still works")
    func updateFails() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let fileSystem = FailingFileSystem()
        let store = FileJournalStore(root: folder.journal, fileSystem: fileSystem)
        let stored = try store.createEntry(makeEntry("a", created: moment(day: 5, hour: 9)))
        let path = folder.journal + "/" + stored.path
        let before = try #require(readBytes(path))

        fileSystem.fail([.replace])
        var changed = stored.entry
        changed.title = "Never written"
        let error = try #require(storeError { try store.updateEntry(changed, expecting: stored.version) })
        #expect(error.isIOError)
        #expect(readBytes(path) == before)
        #expect(hiddenPaths(under: folder.journal).isEmpty)
        #expect(try store.loadEntry("a") == stored)

        fileSystem.fail([])
        let updated = try store.updateEntry(changed, expecting: stored.version)
        #expect(try store.loadEntry("a") == updated)
    }

    @Test("a failed trash leaves the entry where it was")
    func trashFails() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let fileSystem = FailingFileSystem()
        let store = FileJournalStore(root: folder.journal, fileSystem: fileSystem)
        let stored = try store.createEntry(makeEntry("a", created: moment(day: 5, hour: 9)))
        let before = try #require(readBytes(folder.journal + "/" + stored.path))

        fileSystem.fail([.move])
        let error = try #require(storeError { try store.trashEntry("a", expecting: stored.version) })
        #expect(error.isIOError)
        #expect(readBytes(folder.journal + "/" + stored.path) == before)
        #expect(!exists(folder.journal + "/trash/" + stored.path))
        #expect(try store.loadEntries().entries == [stored])
    }

    @Test("failed part and draft saves are I/O errors and keep what was there")
    func partAndDraftFail() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let fileSystem = FailingFileSystem()
        let store = FileJournalStore(root: folder.journal, fileSystem: fileSystem)
        let part = try store.savePart(makePart("critic", name: "Critic"), expecting: nil)
        let draft = makeDraft("d1", savedAt: moment(day: 5, hour: 21))
        try store.saveDraft(draft)
        let partBytes = try #require(readBytes(folder.journal + "/" + part.path))
        let draftBytes = try #require(readBytes(folder.journal + "/drafts/d1.json"))

        fileSystem.fail([.writeNew, .replace])
        #expect(storeError { try store.savePart(makePart("new-one", name: "New"), expecting: nil) }?.isIOError == true)
        var renamed = part.part
        renamed.name = "Judge"
        #expect(storeError { try store.savePart(renamed, expecting: part.version) }?.isIOError == true)
        #expect(storeError { try store.saveDraft(makeDraft("d1", savedAt: moment(day: 5, hour: 22), step: "z")) }?.isIOError == true)

        #expect(!exists(folder.journal + "/parts/new-one.md"))
        #expect(readBytes(folder.journal + "/" + part.path) == partBytes)
        #expect(readBytes(folder.journal + "/drafts/d1.json") == draftBytes)
        #expect(try store.loadParts().parts == [part])
        #expect(try store.loadDrafts().drafts == [draft])
        #expect(hiddenPaths(under: folder.journal).isEmpty)
    }
}
