import Foundation
import HavenCLI
import JournalCore
import JournalFiles

enum TestClock {
    static let morning = LocalDateTime(year: 2026, month: 11, day: 29, hour: 8, minute: 30, second: 5, utcOffsetMinutes: 60)
}

/// An in-process Haven: the real commands on an in-memory store, a scripted console, a fixed
/// clock and counting ids.
struct InProcessHaven {
    let store = InMemoryJournalStore()
    let journal = "/journal"

    func context(input: [String], prompts: [PromptSource] = HavenContext.shippedPromptSources) -> (HavenContext, ScriptedConsole) {
        let console = ScriptedConsole(input: input)
        let context = HavenContext(locations: HavenLocations(journal: journal, userPrompts: "/prompts"), store: store,
                                   clock: .fixed(TestClock.morning), ids: .counting(), console: console,
                                   promptSources: prompts)
        return (context, console)
    }

    /// Runs `write` with these input lines; returns the exit status (or the failure) and the console.
    func write(_ options: Commands.WriteOptions = .init(), input: [String]) -> (status: Int32, console: ScriptedConsole) {
        let (context, console) = context(input: input)
        do {
            return (try Commands.write(options, context: context), console)
        } catch {
            console.writeError(error.message + "\n")
            return (error.status, console)
        }
    }

    var entryFiles: [String: String] { store.files.filter { $0.key.hasPrefix("entries/") } }
}

/// Runs the built `haven` binary as a separate process.
struct HavenProcess {
    static var binary: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("haven")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/haven")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs with a clean environment: only what is given, plus PATH and a UTF-8 locale.
    static func run(_ arguments: [String], input: String = "", environment: [String: String], directory: String? = nil,
                    executable: URL = binary) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = environment
        env["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        env["LANG"] = env["LANG"] ?? "C.UTF-8"
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a chatty process cannot block on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = stderr.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A temporary folder removed at the end of a test.
final class Scratch {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("haven-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    var journal: String { path + "/journal" }

    /// An environment where the journal and config live in this folder.
    var environment: [String: String] {
        ["HOME": path + "/home", "XDG_DATA_HOME": path + "/data", "XDG_CONFIG_HOME": path + "/config"]
    }

    func files(under folder: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        return (enumerator?.compactMap { $0 as? String } ?? []).filter { item in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + item, isDirectory: &isDirectory)
            return !isDirectory.boolValue
        }.sorted()
    }

    func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? NSNumber)?.intValue ?? -1
    }
}
