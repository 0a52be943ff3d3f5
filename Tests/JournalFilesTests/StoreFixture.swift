import Foundation
import Testing
import JournalCore
import JournalFiles

/// The stores that must keep the `JournalStore` contract.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case inMemory
    case files

    var testDescription: String { rawValue }
}

/// A store under test, and a way to look behind it and to change its files "from outside".
final class StoreFixture {
    let kind: StoreKind
    let store: any JournalStore
    private let memory: InMemoryJournalStore?
    private let folder: TempFolder?

    init(_ kind: StoreKind) throws {
        self.kind = kind
        switch kind {
        case .inMemory:
            let memory = InMemoryJournalStore()
            self.memory = memory
            store = memory
            folder = nil
        case .files:
            let folder = try TempFolder()
            self.folder = folder
            memory = nil
            store = FileJournalStore(root: folder.journal)
        }
    }

    /// The journal folder of the file store.
    var root: String? { folder?.journal }

    /// Removes the temporary folder, if any.
    func remove() { folder?.remove() }

    /// Puts `text` at `path` (relative to the journal) as another program would.
    func writeOutside(_ path: String, _ text: String) throws {
        if let memory {
            memory.writeOutside(path: path, text: text)
        } else if let root {
            try writeFile(root + "/" + path, text)
        }
    }

    /// The bytes of the file at `path` (relative to the journal), nil if there is none.
    func bytes(_ path: String) -> [UInt8]? {
        if let memory { return memory.files[path].map { Array($0.utf8) } }
        return readBytes(root! + "/" + path).map { Array($0) }
    }

    func text(_ path: String) -> String? {
        bytes(path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes of a trashed file; `trashPath` starts with `trash/`.
    func trashed(_ trashPath: String) -> [UInt8]? {
        if let memory { return memory.trash[trashPath].map { Array($0.utf8) } }
        return readBytes(root! + "/" + trashPath).map { Array($0) }
    }
}
