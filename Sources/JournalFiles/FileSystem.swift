import Dispatch
import Foundation
import JournalCore

#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
private let systemWrite = Darwin.write
#endif

/// A failed file operation: the path, and what the system said.
public struct FileSystemError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var code: Int32
    public var operation: String

    public init(path: String, code: Int32, operation: String) {
        self.path = path
        self.code = code
        self.operation = operation
    }

    public var alreadyExists: Bool { code == EEXIST }
    public var notFound: Bool { code == ENOENT }

    /// The system's words for the error ("No space left on device").
    public var reason: String { String(cString: strerror(code)) }

    public var description: String { "\(path): cannot \(operation): \(reason)" }
}

/// The few file operations the store needs, each safe on its own: writes go to a temporary file
/// in the same folder, are flushed to disk, then renamed into place, and the folder is flushed.
/// A protocol so fault-injection tests can wrap it.
public protocol FileSystem: Sendable {
    func read(_ path: String) throws(FileSystemError) -> [UInt8]
    /// The first `count` bytes of a file (all of it when shorter).
    func readHead(_ path: String, count: Int) throws(FileSystemError) -> [UInt8]
    /// The file mapped read-only (nil when it cannot be, or the file system does not map).
    func map(_ path: String) -> MappedFile?
    func fileExists(_ path: String) -> Bool
    /// Regular files below `folder` (links followed), as paths relative to it (`2026/11/x.md`);
    /// hidden names skipped. What cannot be read (a locked folder, a broken link, a pipe) is
    /// listed apart, so one such thing never hides the rest. Throws only when `folder` itself
    /// cannot be read (a missing folder is simply empty).
    func listFiles(under folder: String) throws(FileSystemError) -> FileList
    /// Creates the folder and any missing parents with mode 0700.
    func createFolder(_ path: String) throws(FileSystemError)
    /// Writes a new file (mode 0600) atomically; fails with EEXIST rather than replace one.
    func writeNew(_ path: String, bytes: [UInt8]) throws(FileSystemError)
    /// Replaces a file (mode 0600) atomically: readers see the old or the new bytes, never a mix.
    func replace(_ path: String, bytes: [UInt8]) throws(FileSystemError)
    /// Moves a file; fails with EEXIST rather than replace one.
    func move(_ source: String, to destination: String) throws(FileSystemError)
}

/// What `listFiles` found.
extension FileSystem {
    /// The first `count` bytes of a file (all of it when shorter).
    public func readHead(_ path: String, count: Int) throws(FileSystemError) -> [UInt8] {
        Array(try read(path).prefix(count))
    }

    /// No mapping: callers read instead.
    public func map(_ path: String) -> MappedFile? { nil }
}

/// A file mapped read-only into memory, unmapped when the last user lets it go.
///
/// Unchecked because the compiler cannot see that the bytes behind the pointer are never written
/// (the mapping is `PROT_READ`) and stay mapped for as long as this object lives; that is what
/// makes sharing it between threads safe.
public final class MappedFile: ReadOnlyBytes, @unchecked Sendable {
    public let bytes: UnsafeRawBufferPointer

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    deinit {
        if let address = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: address), bytes.count) }
    }

    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(bytes.bindMemory(to: UInt8.self))
    }
}

public struct FileList: Sendable {
    public var files: [String]
    /// Relative paths that could not be read, with why.
    public var unreadable: [(path: String, reason: String)]
    /// How each listed file looked when it was listed, in the order of `files` (the index uses
    /// it to skip unchanged files); empty when the file system does not say.
    public var stamps: [FileStamp]
    /// Whether a symbolic link was followed on the way (only then can a file be reached twice).
    public var followedLinks = false

    public init(files: [String] = [], unreadable: [(path: String, reason: String)] = [], stamps: [FileStamp] = []) {
        self.files = files
        self.unreadable = unreadable
        self.stamps = stamps
    }

    /// The stamp of the file at `index` of `files`, if known.
    public func stamp(at index: Int) -> FileStamp? {
        stamps.indices.contains(index) ? stamps[index] : nil
    }
}

/// `FileSystem` on POSIX calls.
public struct PosixFileSystem: FileSystem {
    public init() {}

    public func read(_ path: String) throws(FileSystemError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystemError(path: path, code: errno, operation: "open") }
        defer { close(fd) }
        // Read straight into a buffer of the file's size (one copy, not one per chunk); a file
        // that grows meanwhile is read on to its end.
        var info = stat()
        let expected = fstat(fd, &info) == 0 && info.st_size > 0 ? Int(info.st_size) : 64 * 1024
        var result = [UInt8](repeating: 0, count: expected + 1)
        var filled = 0
        while true {
            if filled == result.count { result += [UInt8](repeating: 0, count: max(64 * 1024, result.count)) }
            let count = result.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(path: path, code: errno, operation: "read")
            }
            if count == 0 { break }
            filled += count
        }
        result.removeSubrange(filled...)
        return result
    }

    public func fileExists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    public func map(_ path: String) -> MappedFile? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { return nil }
        let length = Int(info.st_size)
        guard let address = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else { return nil }
        return MappedFile(bytes: UnsafeRawBufferPointer(start: address, count: length))
    }

    public func readHead(_ path: String, count: Int) throws(FileSystemError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystemError(path: path, code: errno, operation: "open") }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: max(0, count))
        var filled = 0
        while filled < buffer.count {
            let got = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + filled, $0.count - filled) }
            if got < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(path: path, code: errno, operation: "read")
            }
            if got == 0 { break }
            filled += got
        }
        return Array(buffer[0..<filled])
    }

    public func listFiles(under folder: String) throws(FileSystemError) -> FileList {
        var list = FileList()
        guard let dir = opendir(folder) else {
            if errno == ENOENT { return list } // no folder yet: nothing written
            throw FileSystemError(path: folder, code: errno, operation: "list")
        }
        closedir(dir)
        var visited = Set<FolderIdentity>()
        var deferred: [(path: String, prefix: String)]? = []
        collect(folder: folder, prefix: "", into: &list, visited: &visited, deferring: &deferred)
        let subfolders = deferred ?? []
        // Years of writing are many folders of a few dozen files: list them on every core, each
        // into its own list, and put the lists together. Each starts from the folders above it,
        // so a link back up is still caught.
        let parts = UnsafeMutableBufferPointer<FileList>.allocate(capacity: subfolders.count)
        parts.initialize(repeating: FileList())
        defer { parts.deinitialize(); parts.deallocate() }
        let shared = SendableBuffer(parts)
        let folders = subfolders
        let above = visited
        DispatchQueue.concurrentPerform(iterations: folders.count) { index in
            var part = FileList()
            var seen = above
            var nothing: [(path: String, prefix: String)]? = nil
            collect(folder: folders[index].path, prefix: folders[index].prefix, into: &part, visited: &seen, deferring: &nothing)
            shared.buffer[index] = part
        }
        for part in parts {
            list.files += part.files
            list.stamps += part.stamps
            list.unreadable += part.unreadable
            list.followedLinks = list.followedLinks || part.followedLinks
        }
        // Each folder is listed in order and folders in order, so this is nearly always sorted
        // already: check in one pass before paying for a sort.
        if !zip(list.files, list.files.dropFirst()).allSatisfy({ $0 < $1 }) {
            let order = list.files.indices.sorted { list.files[$0] < list.files[$1] }
            list.files = order.map { list.files[$0] }
            list.stamps = order.map { list.stamps[$0] }
        }
        // A folder linked from another year is reached by both listings (each starts with only
        // the folders above it): the same file twice has the same stamp, inode and all; keep the
        // first name, as a listing one folder at a time would.
        if !subfolders.isEmpty, list.followedLinks {
            var seen = Set<FileStamp>()
            var keep: [Int] = []
            for index in list.files.indices where seen.insert(list.stamps[index]).inserted { keep.append(index) }
            if keep.count < list.files.count {
                list.files = keep.map { list.files[$0] }
                list.stamps = keep.map { list.stamps[$0] }
            }
        }
        list.unreadable.sort { $0.path < $1.path }
        return list
    }

    private struct FolderIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// Each concurrent listing writes only its own slot (unchecked: the compiler cannot see
    /// that the slots are disjoint, and a lock around each would serialise the listings).
    private struct SendableBuffer: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<FileList>
        init(_ buffer: UnsafeMutableBufferPointer<FileList>) { self.buffer = buffer }
    }

    private func collect(folder: String, prefix: String, into list: inout FileList, visited: inout Set<FolderIdentity>,
                         deferring subfolders: inout [(path: String, prefix: String)]?) {
        var info = stat()
        if stat(folder, &info) == 0 {
            // A folder reached twice through links would loop for ever.
            guard visited.insert(FolderIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else { return }
        }
        guard let dir = opendir(folder) else {
            list.unreadable.append((String(prefix.dropLast()), "cannot open the folder: \(String(cString: strerror(errno)))"))
            return
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard !name.hasPrefix(".") else { continue } // ., .., temp files and editors' swap files
            names.append(name)
            if entry.pointee.d_type == UInt8(DT_LNK) || entry.pointee.d_type == UInt8(DT_UNKNOWN) { list.followedLinks = true }
        }
        names.sort()
        let folderFD = dirfd(dir)
        for name in names {
            let relative = prefix + name
            var info = stat()
            // Relative to the open folder, the kernel looks up one name, not the whole path.
            guard fstatat(folderFD, name, &info, 0) == 0 else { // follows links; fails for a broken one
                list.unreadable.append((relative, "a link to something that is not there"))
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if subfolders != nil {
                    subfolders?.append((folder + "/" + name, relative + "/"))
                } else {
                    collect(folder: folder + "/" + name, prefix: relative + "/", into: &list, visited: &visited, deferring: &subfolders)
                }
            case S_IFREG:
                list.files.append(relative)
                list.stamps.append(FileStamp(
                    modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                    changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec),
                    size: Int64(info.st_size), inode: UInt64(info.st_ino)))
            default: list.unreadable.append((relative, "not a regular file; left as it is"))
            }
        }
    }

    public func createFolder(_ path: String) throws(FileSystemError) {
        var partial = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            partial += "/" + component
            if mkdir(partial, 0o700) != 0 && errno != EEXIST {
                throw FileSystemError(path: partial, code: errno, operation: "create the folder")
            }
        }
    }

    public func writeNew(_ path: String, bytes: [UInt8]) throws(FileSystemError) {
        let temp = try writeTemporary(beside: path, bytes: bytes)
        // link() refuses to replace an existing file, which rename() would do silently.
        if link(temp, path) == 0 {
            unlink(temp) // the data now lives under its real name; only the temporary name goes
        } else {
            let code = errno
            if code == EEXIST {
                unlink(temp)
                throw FileSystemError(path: path, code: EEXIST, operation: "create")
            }
            // File systems without hard links: check, then rename (a narrower guarantee).
            guard code == EPERM || code == ENOTSUP || code == EOPNOTSUPP || code == EXDEV else {
                unlink(temp)
                throw FileSystemError(path: path, code: code, operation: "create")
            }
            if fileExists(path) {
                unlink(temp)
                throw FileSystemError(path: path, code: EEXIST, operation: "create")
            }
            guard rename(temp, path) == 0 else {
                let renameCode = errno
                unlink(temp)
                throw FileSystemError(path: path, code: renameCode, operation: "create")
            }
        }
        try syncFolder(of: path)
    }

    public func replace(_ path: String, bytes: [UInt8]) throws(FileSystemError) {
        // A file that is a link (kept in a dotfiles folder, say) is replaced where it really is,
        // so the link stays a link.
        var path = path
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, let real = realpath(path, nil) {
            path = String(cString: real)
            free(real)
        }
        let temp = try writeTemporary(beside: path, bytes: bytes)
        guard rename(temp, path) == 0 else {
            let code = errno
            unlink(temp)
            throw FileSystemError(path: path, code: code, operation: "replace")
        }
        try syncFolder(of: path)
    }

    public func move(_ source: String, to destination: String) throws(FileSystemError) {
        // A hard link is made only where no file is, in one step, so a file that appears at the
        // destination meanwhile is never replaced (checking, then renaming, could). Killed before
        // the old name is removed, the file has both names: nothing is lost.
        if link(source, destination) == 0 {
            guard unlink(source) == 0 else { throw FileSystemError(path: source, code: errno, operation: "remove the old name of") }
        } else {
            let code = errno
            if code == EEXIST { throw FileSystemError(path: destination, code: EEXIST, operation: "move into") }
            // File systems without hard links: check, then rename.
            guard code == EPERM || code == ENOTSUP || code == EOPNOTSUPP || code == EXDEV else {
                throw FileSystemError(path: source, code: code, operation: "move")
            }
            if fileExists(destination) { throw FileSystemError(path: destination, code: EEXIST, operation: "move into") }
            guard rename(source, destination) == 0 else {
                throw FileSystemError(path: source, code: errno, operation: "move")
            }
        }
        try syncFolder(of: destination)
        try syncFolder(of: source)
    }

    /// Writes `bytes` to a new hidden file next to `path`, flushed to disk; returns its path.
    private func writeTemporary(beside path: String, bytes: [UInt8]) throws(FileSystemError) -> String {
        let folder = Self.folder(of: path)
        // File names are limited (255 bytes on most systems): keep the temporary one short.
        var name = ""
        for character in path.split(separator: "/").last ?? "file" {
            if name.utf8.count + character.utf8.count > 100 { break }
            name.append(character)
        }
        var template = Array("\(folder)/.\(name).haven-tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) } // mode 0600
        guard fd >= 0 else { throw FileSystemError(path: path, code: errno, operation: "create a temporary file for") }
        let temp = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                systemWrite(fd, raw.baseAddress! + written, raw.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(fd)
                unlink(temp)
                throw FileSystemError(path: path, code: code, operation: "write")
            }
            written += count
        }
        guard fchmod(fd, 0o600) == 0, fsync(fd) == 0 else {
            let code = errno
            close(fd)
            unlink(temp)
            throw FileSystemError(path: path, code: code, operation: "flush")
        }
        guard close(fd) == 0 else {
            let code = errno
            unlink(temp)
            throw FileSystemError(path: path, code: code, operation: "close")
        }
        return temp
    }

    /// A rename is only durable once the folder itself is flushed.
    private func syncFolder(of path: String) throws(FileSystemError) {
        let folder = Self.folder(of: path)
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystemError(path: folder, code: errno, operation: "open the folder") }
        defer { close(fd) }
        if fsync(fd) != 0 && errno != EINVAL { // some file systems cannot fsync folders
            throw FileSystemError(path: folder, code: errno, operation: "flush the folder")
        }
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
