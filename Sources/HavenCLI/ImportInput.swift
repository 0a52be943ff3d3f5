import Foundation
import JournalCore
import JournalFiles

/// Reads what `haven import jrnl PATH` names: one journal file, or a jrnl folder journal
/// (`YYYY/MM/DD.txt` day files). Other files of a folder are reported as skipped, not read.
enum JrnlInput {
    struct Read {
        var sources: [JrnlSource] = []
        var skipped: [ImportSkip] = []
        /// True for a folder journal.
        var isFolder = false
    }

    static let dayFileShape = "YYYY/MM/DD.txt"

    static func read(_ path: String, fileSystem: FileSystem) throws(CommandFailure) -> Read {
        guard !path.isEmpty else { throw CommandFailure("haven: give the jrnl journal to import (a file, or a folder journal)", status: ExitStatus.usage) }
        do {
            let bytes = try fileSystem.read(path)
            return Read(sources: [JrnlSource(name: path, document: JrnlParser.parse(try text(bytes, path: path)))])
        } catch let error as FileSystemError {
            if error.code == EISDIR { return try readFolder(path, fileSystem: fileSystem) }
            if error.notFound { throw CommandFailure("haven: \(path): no such file or folder", status: ExitStatus.noInput) }
            throw CommandFailure("haven: cannot read \(path): \(error.reason)", status: ExitStatus.noInput)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("haven: cannot read \(path): \(error)", status: ExitStatus.noInput)
        }
    }

    private static func readFolder(_ folder: String, fileSystem: FileSystem) throws(CommandFailure) -> Read {
        let listing: FileList
        do {
            listing = try fileSystem.listFiles(under: folder)
        } catch {
            throw CommandFailure("haven: cannot read \(folder): \(error.reason)", status: ExitStatus.noInput)
        }
        var read = Read(isFolder: true)
        read.skipped = listing.unreadable.map { ImportSkip(origin: ImportOrigin(file: $0.path), reason: .unreadableFile($0.reason)) }
        // listFiles sorts paths, so day files come in date order.
        for name in listing.files {
            guard isDayFile(name) else {
                read.skipped.append(ImportSkip(origin: ImportOrigin(file: name), reason: .notAJournalFile(expected: dayFileShape)))
                continue
            }
            do {
                let bytes = try fileSystem.read(folder + "/" + name)
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    read.skipped.append(ImportSkip(origin: ImportOrigin(file: name), reason: .unreadableFile("not UTF-8 text")))
                    continue
                }
                read.sources.append(JrnlSource(name: name, document: JrnlParser.parse(text)))
            } catch {
                read.skipped.append(ImportSkip(origin: ImportOrigin(file: name), reason: .unreadableFile("cannot be read: \(error.reason)")))
            }
        }
        return read
    }

    /// `2020/01/02.txt`
    static func isDayFile(_ name: String) -> Bool {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].hasSuffix(".txt") else { return false }
        let digits = [parts[0], parts[1], parts[2].dropLast(4)]
        return zip(digits, [4, 2, 2]).allSatisfy { part, count in part.count == count && part.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    private static func text(_ bytes: [UInt8], path: String) throws(CommandFailure) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CommandFailure("haven: \(path) is not UTF-8 text; jrnl journals are UTF-8 (is it encrypted?)", status: ExitStatus.dataError)
        }
        return text
    }
}
