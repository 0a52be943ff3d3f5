import CursesTerminal
import Foundation
import JournalApp
import JournalCore
import ShippedPrompts
import TerminalUI

// Keystroke latency of the full-screen app (docs/performance.md): with a 5,000-word answer in the
// editor, how long `update` takes for one key plus `view` drawing the whole frame.
// Run: swift run -c release haven-bench [iterations]
//      swift run -c release haven-bench --curses [iterations] 2> results.txt   (in a real terminal:
//      the frame is also written by ncurses, at the terminal's own size; results go to stderr)

let arguments = Array(CommandLine.arguments.dropFirst())
let throughCurses = arguments.contains("--curses")
let iterations = arguments.compactMap(Int.init).first ?? 2_000

/// About 5,000 words in 50 paragraphs, with accents, CJK and emoji as in a real journal.
func longAnswer() -> String {
    let words = ["the", "critic", "was", "loud", "today", "and", "I", "noticed", "it", "without", "arguing", "café", "naïve",
                 "静か", "な", "夜", "😀", "👍🏽", "breathing", "slowly", "curious", "about", "what", "it", "protects"]
    var generator = SystemRandomNumberGenerator()
    return (0..<50).map { _ in
        (0..<100).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ") + "."
    }.joined(separator: "\n")
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

func makeApp(size: Size) -> (HavenApp, TestTerminal) {
    let library = FlowLibrary(sources: ShippedPrompts.files.map { PromptSource(name: $0.name, text: $0.text) })
    let environment = AppEnvironment(
        store: InMemoryJournalStore(), library: library,
        clock: .fixed(LocalDateTime(year: 2026, month: 11, day: 29, hour: 9)), monotonicMilliseconds: { 0 },
        ids: .counting(), journalPath: "~/.local/share/haven", editText: { .success($0) },
        welcomeSeen: { true }, markWelcomeSeen: {}, colour: true)
    let terminal = TestTerminal(size: size)
    let app = HavenApp(environment: environment, size: size)
    func send(_ msg: AppMsg) { Runtime.dispatch(msg, to: app, terminal: terminal) }
    for effect in app.startEffects { for msg in app.perform(effect, terminal: terminal) { send(msg) } }
    send(.key(.enter)) // begin today's check-in
    send(.key(.enter)) // past the opening pause, to "How are you arriving today?"
    send(.paste(longAnswer()))
    return (app, terminal)
}

func measure(size: Size, label: String, keys: [Key], screen: Terminal? = nil) -> [Double] {
    let (app, terminal) = makeApp(size: size)
    var samples: [Double] = []
    samples.reserveCapacity(iterations)
    for index in 0..<iterations {
        let key = keys[index % keys.count]
        let start = DispatchTime.now().uptimeNanoseconds
        Runtime.dispatch(.key(key), to: app, terminal: terminal)
        var frame = Frame(size: size)
        app.view(into: &frame)
        screen?.draw(frame) // through ncurses to the terminal, when asked
        let end = DispatchTime.now().uptimeNanoseconds
        samples.append(Double(end - start) / 1_000_000)
    }
    return samples.sorted()
}

if let flag = arguments.firstIndex(of: "--browse") {
    guard arguments.indices.contains(flag + 1) else {
        FileHandle.standardError.write(Data("usage: haven-bench --browse JOURNAL_FOLDER [--cache FOLDER]\n".utf8))
        exit(64)
    }
    let cache = arguments.firstIndex(of: "--cache").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
    exit(BrowseBench.run(journal: arguments[flag + 1], cache: cache))
}

if throughCurses {
    // Stdout is the terminal ncurses draws on, so the results go to stderr.
    let curses = CursesTerminal(environment: ProcessInfo.processInfo.environment)
    do { try curses.start() } catch {
        FileHandle.standardError.write(Data("haven-bench --curses needs a terminal: \(error)\n".utf8))
        exit(64)
    }
    let size = curses.size
    var rows: [String] = []
    for (label, keys) in [("typing a letter", [Key.character("a")]), ("cursor up/left/right", [.up, .left, .right, .up])] {
        let samples = measure(size: size, label: label, keys: keys, screen: curses)
        rows.append("\(size) \(label): median " + String(format: "%.3f ms, p95 %.3f ms, max %.3f ms", percentile(samples, 0.5),
                                                          percentile(samples, 0.95), samples.last!))
    }
    curses.stop()
    let report = (["Key press handled, frame drawn and written by ncurses, 5,000-word answer, \(iterations) keys per row"] + rows)
        .joined(separator: "\n") + "\n"
    FileHandle.standardError.write(Data(report.utf8))
    exit(0)
}


print("Key press handled and frame drawn, 5,000-word answer in the editor, \(iterations) keys per row")
print("size     keys                      median    p95      max     (target: under 5 ms)")
var worst = 0.0
for size in [Size(width: 80, height: 24), Size(width: 200, height: 60)] {
    for (label, keys) in [("typing a letter", [Key.character("a")]),
                          ("cursor up/left/right", [.up, .left, .right, .up]),
                          ("backspace + enter", [.backspace, .enter])] {
        let samples = measure(size: size, label: label, keys: keys)
        let p95 = percentile(samples, 0.95)
        worst = max(worst, p95)
        let row = "\(size)".padding(toLength: 9, withPad: " ", startingAt: 0)
            + label.padding(toLength: 26, withPad: " ", startingAt: 0)
        print(row + String(format: "%6.3f ms %6.3f ms %6.3f ms", percentile(samples, 0.5), p95, samples.last!))
    }
}
print(worst < 5 ? "PASS: every p95 is under 5 ms" : "FAIL: a p95 is over 5 ms")
