import Foundation
import Testing
import JournalApp
import JournalCore
import ShippedPrompts
import TerminalUI

/// The app without a terminal: state, an in-memory journal, a fixed clock, a controllable
/// monotonic clock, a fake editor. Keys go in as messages; screens come out as text.
final class AppHarness {
    let store: InMemoryJournalStore
    let terminal: TestTerminal
    let app: HavenApp
    /// What the fake editor returns, and what it was given.
    var editorResult: Result<String, EditorFailure> = .success("edited in the editor")
    /// Runs while the fake editor is "open" (to change files meanwhile).
    var onEdit: (() -> Void)?
    private(set) var editorInputs: [String] = []
    private(set) var welcomeMarked = false
    private let clockBox = MonotonicBox()
    /// Every effect `update` returned, in order.
    private(set) var effects: [AppEffect] = []

    static let morning = LocalDateTime(year: 2026, month: 11, day: 29, hour: 9, minute: 15, utcOffsetMinutes: 60)

    /// The shipped flows, parsed once per test process.
    static let shippedLibrary = FlowLibrary(sources: ShippedPrompts.files.map { PromptSource(name: "Prompts/\($0.name)", text: $0.text) })

    init(width: Int = 80, height: Int = 24, welcomeSeen: Bool = true, store: InMemoryJournalStore = InMemoryJournalStore(),
         library: FlowLibrary = AppHarness.shippedLibrary, colour: Bool = false) {
        self.store = store
        terminal = TestTerminal(size: Size(width: width, height: height))
        var harness: AppHarness?
        let clockBox = self.clockBox
        let environment = AppEnvironment(
            store: store, library: library, clock: .fixed(Self.morning),
            monotonicMilliseconds: { clockBox.now }, ids: .counting(), journalPath: "~/.local/share/haven",
            editText: { text in
                harness?.editorInputs.append(text)
                harness?.onEdit?()
                return harness?.editorResult ?? .failure(EditorFailure("no editor"))
            },
            welcomeSeen: { welcomeSeen },
            markWelcomeSeen: { harness?.welcomeMarked = true },
            colour: colour)
        app = HavenApp(environment: environment, size: Size(width: width, height: height))
        harness = self
        Runtime.run(app.startEffects, of: app, terminal: terminal) { [weak self] in self?.effects.append($0) }
    }

    /// Sends a message as the real loop does (Runtime.dispatch): update, then every effect, the
    /// messages they produce queued behind the others.
    func send(_ msg: AppMsg) {
        Runtime.dispatch(msg, to: app, terminal: terminal) { [weak self] in self?.effects.append($0) }
    }

    /// Opens a flow as `haven write --flow ID` does.
    func begin(_ flowID: String) {
        Runtime.run(app.begin(flowID: flowID), of: app, terminal: terminal) { [weak self] in self?.effects.append($0) }
    }

    /// The effects asked for from here on while `body` runs, to check what a key would write.
    func effects(during body: () -> Void) -> [AppEffect] {
        let before = effects.count
        body()
        return Array(effects[before...])
    }

    /// Checks that `body` asks for exactly the effects `expected` describes, in order (each a
    /// test of one effect: `{ if case .saveSession = $0 { true } else { false } }`).
    func expectEffects(_ expected: [(AppEffect) -> Bool], _ what: String,
                       sourceLocation: SourceLocation = #_sourceLocation, during body: () -> Void) {
        let asked = effects(during: body)
        #expect(asked.count == expected.count && zip(asked, expected).allSatisfy { $1($0) },
                "\(what): asked for \(asked)", sourceLocation: sourceLocation)
    }

    func press(_ keys: Key...) {
        for key in keys { send(.key(key)) }
    }

    func type(_ text: String) {
        for character in text { send(.key(character == "\n" ? .enter : .character(character))) }
    }

    func resize(_ width: Int, _ height: Int) { send(.resize(Size(width: width, height: height))) }

    /// Moves the monotonic clock on and delivers a tick.
    func wait(milliseconds: Int) {
        clockBox.now += milliseconds
        send(.tick(clockBox.now))
    }

    var frame: Frame {
        var frame = Frame(size: app.state.size)
        app.view(into: &frame)
        return frame
    }

    var screen: String { frame.buffer.text }

    /// The screen's words as one line (rows trimmed and joined by a space), so a sentence can be
    /// looked for whichever way it wrapped.
    var words: String {
        screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    var session: SessionState? {
        if case .session(let session) = app.state.screen { return session }
        return nil
    }

    var review: ReviewState? {
        if case .review(let review) = app.state.screen { return review }
        return nil
    }

    var stepID: String? {
        guard let session else { return nil }
        return session.run.frames.last?.stepID
    }

    var entryTexts: [String] { store.files.filter { $0.key.hasPrefix("entries/") }.map(\.value) }
    var draftFiles: [String] { store.files.keys.filter { $0.hasPrefix("drafts/") }.sorted() }
}

private final class MonotonicBox {
    var now = 1_000_000
}

/// Compares a screen with `Snapshots/<name>.txt`; `SNAPSHOT_UPDATE=1 swift test` rewrites them.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    /// Nil when the screen matches; otherwise a message with both versions.
    static func check(_ screen: String, named name: String, size: Size) -> String? {
        let framed = "[\(size.width)x\(size.height)]\n" + screen + "\n"
        let url = folder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["SNAPSHOT_UPDATE"] == "1" {
            try? framed.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try? framed.write(to: url, atomically: true, encoding: .utf8)
            return "no golden screen \(name).txt yet: recorded it; check it and run again"
        }
        if expected == framed { return nil }
        return "screen \(name) differs from Snapshots/\(name).txt\n--- expected\n\(expected)--- actual\n\(framed)"
    }
}
