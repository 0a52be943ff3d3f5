import Foundation
import Testing
@testable import JournalCore
import JournalFiles
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: Temporary folders

/// A fresh folder under the system's temporary directory, named by a UUID. Call `remove()` at
/// the end of the test (`defer { folder.remove() }`).
struct TempFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("haven-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var path: String { url.path }

    /// Where the tests put the journal: `<temp>/journal`, which does not exist yet.
    var journal: String { path + "/journal" }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

// MARK: Building entries, parts and drafts

/// A moment in January 2026 at UTC+01:00 unless told otherwise.
func moment(day: Int, hour: Int, minute: Int = 0, second: Int = 0, offset: Int = 60,
            month: Int = 1, year: Int = 2026) -> LocalDateTime {
    LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                  utcOffsetMinutes: offset)
}

func makeEntry(_ id: String, created: LocalDateTime, flow: String? = "daily-checkin",
               title: String = "A quiet evening", answer: String = "answer") -> Entry {
    Entry(id: EntryID(id), created: created, flow: flow, title: title,
          sections: [EntrySection(stepID: "a", heading: "Q?", text: answer)])
}

func makePart(_ id: String, name: String, job: String = "") -> Part {
    Part(id: PartID(id), name: name, role: .manager, created: moment(day: 3, hour: 20),
         feelings: ["worried", "tense"], job: job, notes: "First met on a hard evening.")
}

func makeRun(step: String = "a", answer: String = "tired but fine") -> FlowRun {
    FlowRun(rootFlowID: "x", startedAt: moment(day: 5, hour: 21),
            frames: [FlowFrame(flowID: "x", stepID: step, visits: ["a": 1])],
            answers: [
                RecordedAnswer(flowID: "x", stepID: "a", prompt: "How are you?", value: .text(answer), focus: nil),
                RecordedAnswer(flowID: "x", stepID: "b", prompt: "Which part?",
                               value: .part(.new("inner-critic", name: "Inner Critic")), focus: nil),
                RecordedAnswer(flowID: "x", stepID: "c", prompt: "Distress?", value: .number(4), focus: "inner-critic"),
                RecordedAnswer(flowID: "x", stepID: "d", prompt: "Rate", value: .ratings([.calm: 6, .curiosity: 3]),
                               focus: "inner-critic"),
            ],
            focus: "inner-critic", history: [], undone: [])
}

func makeDraft(_ id: String, savedAt: LocalDateTime, step: String = "a", answer: String = "tired but fine") -> Draft {
    Draft(entryID: EntryID(id), savedAt: savedAt, run: makeRun(step: step, answer: answer))
}

// MARK: Looking at errors

extension StoreError {
    enum Kind: Hashable { case entryNotFound, partNotFound, alreadyExists, changedOnDisk, unreadable, notAnEntry, io }

    var kind: Kind {
        switch self {
        case .entryNotFound: return .entryNotFound
        case .partNotFound: return .partNotFound
        case .alreadyExists: return .alreadyExists
        case .changedOnDisk: return .changedOnDisk
        case .unreadable: return .unreadable
        case .notAnEntry: return .notAnEntry
        case .io: return .io
        }
    }
}

/// Runs `body`, which must throw a `StoreError`; returns it (nil, and a recorded issue, if not).
@discardableResult
func storeError<T>(sourceLocation: SourceLocation = #_sourceLocation,
                   _ body: () throws -> T) -> StoreError? {
    do {
        let value = try body()
        Issue.record("expected a StoreError, got \(value)", sourceLocation: sourceLocation)
        return nil
    } catch let error as StoreError {
        return error
    } catch {
        Issue.record("expected a StoreError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

// MARK: Looking at the disk

func readBytes(_ path: String) -> Data? {
    FileManager.default.contents(atPath: path)
}

func exists(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: path)
}

/// Permission bits (`0o700`, `0o600`...) of a path, not following a final symlink.
func mode(_ path: String) -> Int? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return Int(info.st_mode & 0o7777)
}

func isFolder(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
}

/// Every path below `root` (relative), hidden ones included.
func everything(under root: String) -> [String] {
    ((try? FileManager.default.subpathsOfDirectory(atPath: root)) ?? []).sorted()
}

/// Paths below `root` whose last component starts with "." (temporary files, swap files...).
func hiddenPaths(under root: String) -> [String] {
    everything(under: root).filter { ($0.split(separator: "/").last ?? "").hasPrefix(".") }
}

/// Writes a file as another program would, creating its folders.
func writeFile(_ path: String, _ data: Data) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
}

func writeFile(_ path: String, _ text: String) throws {
    try writeFile(path, Data(text.utf8))
}
