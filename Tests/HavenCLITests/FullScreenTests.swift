import Foundation
import JournalCore
import Testing

/// The real `haven` binary in a real terminal (tmux): keystrokes in, screens and files out.
/// Skipped, with a message, when tmux is not installed; CI installs it.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed: the full-screen end-to-end tests are skipped"))
struct FullScreenTests {
    @Test func aDailyCheckInWithKeystrokesIsSaved() throws {
        let scratch = try Scratch()
        let tmux = try Tmux(scratch: scratch)
        defer { tmux.stop() }
        try tmux.startAtHome()
        tmux.keys("Enter")
        try tmux.waitFor("Before you begin")
        tmux.keys("Enter")
        try tmux.waitFor("How are you arriving today?")
        tmux.type("Tired but here 中文 😀")
        try tmux.waitFor("Tired but here 中文 😀")
        tmux.keys("C-d")
        try tmux.waitFor("How stirred up")
        tmux.keys("4", "Enter")
        try tmux.waitFor("How much of each")
        tmux.keys("6", "Down", "7", "Down", "Down", "5", "Enter") // a digit rates the quality highlighted
        try tmux.waitFor("Which part of you is most around today?")
        tmux.type("The worrier")
        tmux.keys("Enter")
        try tmux.waitFor("What is The worrier doing")
        tmux.type("Checking the stove")
        tmux.keys("C-d")
        try tmux.waitFor("Where do you notice The worrier")
        tmux.type("chest")
        tmux.keys("Enter")
        try tmux.waitFor("It looks like The worrier is new to your journal")
        tmux.keys("Enter") // a first impression can be skipped
        try tmux.waitFor("Is another part here today too?")
        tmux.keys("2") // no: a digit chooses and goes on
        try tmux.waitFor("How caught up in a part")
        tmux.keys("2", "Enter")
        try tmux.waitFor("One line of thanks")
        tmux.type("Thanks, sun")
        tmux.keys("Enter")
        try tmux.waitFor("Thank you for checking in today.")
        tmux.keys("Enter")
        try tmux.waitFor("Review your entry")
        tmux.keys("Enter")
        try tmux.waitFor("Saved. Thank you")
        tmux.keys("q")
        try tmux.waitFor("EXITED rc=0")

        let entries = scratch.files(under: scratch.path + "/data/haven/entries")
        #expect(entries.count == 1)
        let entryName = try #require(entries.first)
        let text = scratch.read(scratch.path + "/data/haven/entries/" + entryName)
        let entry = try EntryFormat.parse(text)
        #expect(entry.sections.map(\.text) == ["Tired but here 中文 😀", "4 of 10 (0 = settled, 10 = overwhelmed)",
                                               "- Calm: 6\n- Curiosity: 7\n- Connectedness: 5",
                                               "The worrier", "Checking the stove", "chest", "No, that's everyone",
                                               "2 of 10 (0 = I can see my parts, 10 = a part has taken over)", "Thanks, sun"])
        #expect(scratch.mode(scratch.path + "/data/haven/entries/" + entryName) == 0o600)
        #expect(tmux.alternateScreenIsOff)
    }

    /// Types into the check-in's first answer and opens it in the editor (Ctrl-E).
    func openTheFirstAnswerInTheEditor(_ tmux: Tmux, environment: [String: String]) throws {
        try tmux.startAtHome(environment: environment)
        tmux.keys("Enter")
        try tmux.waitFor("Before you begin")
        tmux.keys("Enter")
        try tmux.waitFor("How are you arriving today?")
        tmux.type("first draft")
        try tmux.waitFor("first draft")
        tmux.keys("C-e")
    }

    /// Another process writes while the app shows the home screen and then the list: both show
    /// the new entry without a restart.
    @Test func anEntryWrittenByASecondProcessShowsInTheRunningApp() throws {
        let scratch = try Scratch()
        let tmux = try Tmux(scratch: scratch)
        defer { tmux.stop() }
        try tmux.startAtHome()
        let first = try HavenProcess.run(["write", "--plain", "--flow", "evening-review"], input: "Written from another terminal\n.\n:finish\n",
                                         environment: scratch.environment)
        #expect(first.status == 0, "\(first.stderr)")
        try tmux.waitFor("Written from another terminal") // on the home screen, within seconds
        tmux.keys("l")
        try tmux.waitFor("Entries · 1")
        let second = try HavenProcess.run(["write", "--plain", "--flow", "evening-review"], input: "And a second one\n.\n:finish\n",
                                          environment: scratch.environment)
        #expect(second.status == 0, "\(second.stderr)")
        try tmux.waitFor("And a second one") // in the list, while it is up
        try tmux.waitFor("Entries · 2")
    }

    /// With no $VISUAL or $EDITOR the fallback is vi (vim here): it gets the terminal, edits, and
    /// Haven comes back with the text.
    @Test func viEditsAnAnswerMidSession() throws {
        let scratch = try Scratch()
        let tmux = try Tmux(scratch: scratch)
        defer { tmux.stop() }
        let runtime = scratch.path + "/runtime"
        try FileManager.default.createDirectory(atPath: runtime, withIntermediateDirectories: true)
        try openTheFirstAnswerInTheEditor(tmux, environment: ["XDG_RUNTIME_DIR": runtime])
        try tmux.waitFor("~\n~") // vim's empty lines: the editor has the screen
        tmux.keys("A")
        tmux.type(" and more, from vi")
        tmux.keys("Escape")
        tmux.type(":wq")
        tmux.keys("Enter")
        try tmux.waitFor("first draft and more, from vi")
        try tmux.waitFor("How are you arriving today?")
        #expect(!tmux.screen().contains("stopped with status"))
        tmux.keys("C-d", "C-c")
        try tmux.waitFor("EXITED rc=0")
        #expect(tmux.ttyIsSane)
        #expect(scratch.files(under: runtime).isEmpty) // the private file is gone
    }

    /// $VISUAL wins over $EDITOR, and an editor given with arguments works ("vim -u NONE -N").
    @Test func vimWithArgumentsFromVisualEditsAnAnswer() throws {
        let scratch = try Scratch()
        let tmux = try Tmux(scratch: scratch)
        defer { tmux.stop() }
        try openTheFirstAnswerInTheEditor(tmux, environment: ["VISUAL": "vim -u NONE -N", "EDITOR": "false"])
        try tmux.waitFor("~\n~")
        tmux.keys("A")
        tmux.type(" via VISUAL")
        tmux.keys("Escape")
        tmux.type(":wq")
        tmux.keys("Enter")
        try tmux.waitFor("first draft via VISUAL")
        tmux.keys("C-d", "C-c")
        try tmux.waitFor("EXITED rc=0")
    }

    @Test func nanoEditsAnAnswerMidSession() throws {
        guard FileManager.default.fileExists(atPath: "/usr/bin/nano") || FileManager.default.fileExists(atPath: "/bin/nano") else {
            Issue.record("nano is not installed; .ci/run installs it")
            return
        }
        let scratch = try Scratch()
        let tmux = try Tmux(scratch: scratch)
        defer { tmux.stop() }
        try openTheFirstAnswerInTheEditor(tmux, environment: ["EDITOR": "nano"])
        try tmux.waitFor("GNU nano")
        tmux.keys("M-/", "BSpace") // to the end of the text, onto its last line
        tmux.type(" and some from nano")
        tmux.keys("C-o")
        try tmux.waitFor("File Name to Write")
        tmux.keys("Enter")
        tmux.keys("C-x")
        try tmux.waitFor("first draft and some from nano")
        try tmux.waitFor("How are you arriving today?")
        tmux.keys("C-d", "C-c")
        try tmux.waitFor("EXITED rc=0")
    }

    /// In the reader, `e` opens the entry's file in the editor; the edit is checked and saved.
    @Test func nanoAndVimEditAnEntryInTheReader() throws {
        for editor in ["nano", "vim -u NONE -N"] {
            if editor == "nano", !FileManager.default.fileExists(atPath: "/usr/bin/nano") {
                Issue.record("nano is not installed; .ci/run installs it")
                continue
            }
            let scratch = try Scratch()
            let write = try HavenProcess.run(["write", "--plain", "--flow", "evening-review"], input: "A walk at dusk\n.\n:finish\n",
                                             environment: scratch.environment)
            #expect(write.status == 0, "\(write.stderr)")
            let tmux = try Tmux(scratch: scratch)
            defer { tmux.stop() }
            try tmux.startAtHome(environment: ["EDITOR": editor])
            tmux.keys("l")
            try tmux.waitFor("Evening review")
            tmux.keys("Enter")
            try tmux.waitFor("A walk at dusk")
            tmux.keys("e")
            if editor == "nano" {
                try tmux.waitFor("GNU nano")
                tmux.keys("M-/")
                tmux.type("Added in the editor.")
                tmux.keys("C-o")
                try tmux.waitFor("File Name to Write")
                tmux.keys("Enter", "C-x")
            } else {
                try tmux.waitFor("A walk at dusk")
                tmux.keys("G", "o")
                tmux.type("Added in the editor.")
                tmux.keys("Escape")
                tmux.type(":wq")
                tmux.keys("Enter")
            }
            try tmux.waitFor("Added in the editor.")
            #expect(!tmux.screen().contains("your entry is unchanged"))
            tmux.keys("q")
            try tmux.waitFor("EXITED rc=0")
            let entries = scratch.files(under: scratch.path + "/data/haven/entries")
            let text = scratch.read(scratch.path + "/data/haven/entries/" + (entries.first ?? ""))
            #expect(text.contains("A walk at dusk") && text.contains("Added in the editor."), "\(editor)")
        }
    }

    /// An editor that fails says so, naming the entry (not "answer"), and changes nothing.
    @Test func aFailingEditorSaysTheEntryIsUnchanged() throws {
        let scratch = try Scratch()
        let write = try HavenProcess.run(["write", "--plain", "--flow", "evening-review"], input: "A walk at dusk\n.\n:finish\n",
                                         environment: scratch.environment)
        #expect(write.status == 0)
        let tmux = try Tmux(scratch: scratch)
        defer { tmux.stop() }
        try tmux.startAtHome(environment: ["EDITOR": "false"])
        tmux.keys("l")
        try tmux.waitFor("Evening review")
        tmux.keys("Enter")
        try tmux.waitFor("A walk at dusk")
        tmux.keys("e")
        try tmux.waitFor("The editor 'false' stopped with status 1; your entry is unchanged.")
        tmux.keys("q")
        try tmux.waitFor("EXITED rc=0")
    }

    @Test func aPartIsEditedAndRenamedInPlaceAndSavedToItsFile() throws {
        let scratch = try Scratch()
        let parts = scratch.path + "/data/haven/parts"
        try FileManager.default.createDirectory(atPath: parts, withIntermediateDirectories: true)
        try "---\nid: the-worrier\nname: The worrier\nrole: manager\n---\n\nChecks the stove.\n"
            .write(toFile: parts + "/the-worrier.md", atomically: true, encoding: .utf8)
        let tmux = try Tmux(scratch: scratch)
        defer { tmux.stop() }
        try tmux.startAtHome()
        tmux.keys("p")
        try tmux.waitFor("Parts · 1")
        tmux.keys("Enter")
        try tmux.waitFor("Checks the stove.")
        tmux.keys("e")
        try tmux.waitFor("Editing: The worrier")
        tmux.keys("Tab", "Tab", "Tab")
        tmux.type("about seven")
        try tmux.waitFor("1 change not saved")
        tmux.keys("C-s")
        try tmux.waitFor("Saved The worrier.")
        tmux.keys("r")
        try tmux.waitFor("Editing: The worrier")
        tmux.keys("C-u")
        tmux.type("The planner")
        tmux.keys("C-s")
        try tmux.waitFor("Once called The worrier")
        tmux.keys("q")
        try tmux.waitFor("EXITED rc=0")

        let part = try PartFormat.parse(scratch.read(parts + "/the-worrier.md"))
        #expect(part.name == "The planner")
        #expect(part.formerNames == ["The worrier"])
        #expect(part.apparentAge == "about seven")
        #expect(part.notes == "Checks the stove.")
        #expect(scratch.mode(parts + "/the-worrier.md") == 0o600)
        #expect(scratch.files(under: parts) == ["the-worrier.md"]) // no temp file left behind
    }

    @Test func resizingMidAnswerKeepsTheTextAndCtrlCKeepsADraftThatResumes() throws {
        let scratch = try Scratch()
        let tmux = try Tmux(scratch: scratch)
        defer { tmux.stop() }
        try tmux.start(arguments: ["write"]) // straight into today's check-in, after the welcome
        try tmux.waitFor("Welcome to Haven")
        tmux.keys("Enter")
        try tmux.waitFor("Before you begin")
        tmux.keys("Enter")
        try tmux.waitFor("How are you arriving today?")
        let answer = "Some words that wrap when the window gets narrow, with 日本語 and 👍 in them"
        tmux.type(answer)
        try tmux.waitFor("👍 in them")
        tmux.resize(width: 50, height: 16)
        try tmux.waitFor("in them", size: "50x16")
        #expect(tmux.screen().replacingOccurrences(of: "\n", with: " ").contains("when the window"))
        tmux.resize(width: 36, height: 10)
        try tmux.waitFor("Haven needs a bigger window")
        tmux.resize(width: 100, height: 30)
        try tmux.waitFor(answer)

        tmux.keys("C-c")
        try tmux.waitFor("EXITED rc=0")
        #expect(tmux.alternateScreenIsOff)
        #expect(tmux.ttyIsSane)
        #expect(scratch.files(under: scratch.path + "/data/haven/drafts").count == 1)

        // The next launch offers the unfinished session, and resuming brings the words back.
        tmux.stop()
        let again = try Tmux(scratch: scratch)
        defer { again.stop() }
        try again.start()
        try again.waitFor("You have an unfinished session")
        again.keys("r")
        try again.waitFor(answer)
        again.keys("C-q")
        try again.waitFor("EXITED rc=0")
    }

    @Test func closingTheTerminalOrATermSignalKeepsTheDraft() throws {
        for signal in ["TERM", "HUP"] {
            let scratch = try Scratch()
            let tmux = try Tmux(scratch: scratch)
            defer { tmux.stop() }
            try tmux.start(arguments: ["write"])
            try tmux.waitFor("Welcome to Haven")
            tmux.keys("Enter")
            try tmux.waitFor("Before you begin")
            tmux.keys("Enter")
            try tmux.waitFor("How are you arriving today?")
            tmux.type("written before the signal")
            try tmux.waitFor("written before the signal")
            try tmux.signal(signal)
            try tmux.waitFor("EXITED rc=\(signal == "TERM" ? 143 : 129)")
            #expect(tmux.alternateScreenIsOff)
            #expect(tmux.ttyIsSane)
            let drafts = scratch.files(under: scratch.path + "/data/haven/drafts")
            #expect(drafts.count == 1)
            let draftName = try #require(drafts.first)
            let draft = try DraftFormat.parse(scratch.read(scratch.path + "/data/haven/drafts/" + draftName))
            #expect(draft.pendingAnswer == "written before the signal")
        }
    }

    @Test func withoutATerminalItPointsToPlainMode() throws {
        let scratch = try Scratch()
        let result = try HavenProcess.run([], environment: scratch.environment.merging(["TERM": "xterm-256color"]) { $1 })
        #expect(result.status == 64)
        #expect(result.stderr.contains("haven write --plain"))
        let dumb = try HavenProcess.run(["write"], environment: scratch.environment.merging(["TERM": "dumb"]) { $1 })
        #expect(dumb.status == 64)
        #expect(dumb.stderr.contains("haven write --plain"))
    }
}

/// A private tmux server running `haven` in a 100x30 window, as the notes in
/// ../shared/docs/swift-ncurses-notes.md describe.
final class Tmux {
    static var isAvailable: Bool {
        (try? runTool("/usr/bin/env", ["tmux", "-V"]).status) == 0
    }

    let socket = "haven-test-\(UUID().uuidString.prefix(8))"
    let scratch: Scratch

    init(scratch: Scratch) throws {
        self.scratch = scratch
    }

    func start(arguments: [String] = [], environment extra: [String: String] = [:]) throws {
        var env = scratch.environment.merging(extra) { $1 }
        env["TERM"] = "tmux-256color"
        env["LANG"] = "C.UTF-8"
        env["SWIFT_BACKTRACE"] = "interactive=no"
        env["XDG_STATE_HOME"] = scratch.path + "/state"
        let assignments = env.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        let command = "env -i PATH=/usr/bin:/bin \(assignments) '\(HavenProcess.binary.path)' \(arguments.joined(separator: " ")); echo EXITED rc=$?; sleep 120"
        // The server this starts keeps its standard streams; give it none, or reading them never ends.
        let status = try Self.runTool("/usr/bin/env", ["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "app",
                                                       "-x", "100", "-y", "30", command], captureOutput: false).status
        guard status == 0 else { throw TmuxFailure(message: "tmux did not start (status \(status))") }
    }

    /// Starts Haven on a new journal and goes past the welcome to the home screen.
    func startAtHome(environment: [String: String] = [:]) throws {
        try start(environment: environment)
        try waitFor("Welcome to Haven")
        keys("Enter")
        try waitFor("Begin today's check-in")
    }

    func stop() {
        _ = try? tmux(["kill-server"])
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try Self.runTool("/usr/bin/env", ["tmux", "-L", socket] + arguments)
    }

    func keys(_ keys: String...) {
        for key in keys { _ = try? tmux(["send-keys", "-t", "app", key]) }
    }

    /// Types text literally (UTF-8), as if from the keyboard.
    func type(_ text: String) {
        _ = try? tmux(["send-keys", "-t", "app", "-l", text])
    }

    func resize(width: Int, height: Int) {
        _ = try? tmux(["resize-window", "-t", "app", "-x", String(width), "-y", String(height)])
    }

    func screen() -> String {
        (try? tmux(["capture-pane", "-p", "-t", "app"]).output) ?? ""
    }

    func signal(_ name: String) throws {
        let pid = try tmux(["display", "-p", "-t", "app", "#{pane_pid}"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        // The pane runs `sh -c`; haven is its child.
        let child = try Self.runTool("/usr/bin/env", ["pgrep", "-P", pid, "-f", "haven"]).output
            .split(separator: "\n").first.map(String.init) ?? ""
        guard !child.isEmpty else { throw TmuxFailure(message: "haven is not running") }
        _ = try Self.runTool("/bin/kill", ["-\(name)", child])
    }

    var alternateScreenIsOff: Bool {
        (try? tmux(["display", "-p", "-t", "app", "#{alternate_on}"]).output.trimmingCharacters(in: .whitespacesAndNewlines)) == "0"
    }

    /// The pane's terminal is back in cooked mode with echo (what a shell needs).
    var ttyIsSane: Bool {
        guard let tty = try? tmux(["display", "-p", "-t", "app", "#{pane_tty}"]).output.trimmingCharacters(in: .whitespacesAndNewlines),
              let settings = try? Self.runTool("/bin/stty", ["-a", "-F", tty]).output else { return false }
        let words = Set(settings.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        return words.isSuperset(of: ["icanon", "echo", "isig", "icrnl"])
    }

    /// Polls the screen (and, if given, the window size) until the text shows up.
    func waitFor(_ text: String, size: String? = nil, seconds: Double = 15) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let current = screen()
            let sizeMatches = size.map { expected in
                (try? tmux(["display", "-p", "-t", "app", "#{window_width}x#{window_height}"]).output
                    .trimmingCharacters(in: .whitespacesAndNewlines)) == expected
            } ?? true
            if sizeMatches && current.contains(text) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxFailure(message: "'\(text)' never appeared. Screen:\n\(screen())")
    }

    /// Runs a tool and waits for it with posix_spawn and waitpid. (Foundation's Process did not
    /// notice the exit of `tmux new-session -d`, whose client forks the server, and hung.)
    static func runTool(_ path: String, _ arguments: [String], captureOutput: Bool = true) throws -> (status: Int32, output: String) {
        let outputPath = NSTemporaryDirectory() + "haven-tool-\(UUID().uuidString)"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let target = captureOutput ? outputPath : "/dev/null"
        posix_spawn_file_actions_addopen(&actions, 1, target, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // Test threads may block signals, and a child inherits that mask: tmux, and so haven,
        // would never see SIGWINCH or SIGTERM. Start the child with none blocked.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw TmuxFailure(message: "cannot run \(path): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let output = captureOutput ? ((try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "") : ""
        return (exitStatus, output)
    }
}

struct TmuxFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
