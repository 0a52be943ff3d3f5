import CursesTerminal
import Foundation
import HavenCLI
import JournalApp
import JournalCore
import JournalFiles
import TerminalUI

/// Runs the full-screen app on the real terminal. This is the only place that knows which
/// terminal and store the app gets.
enum FullScreen {
    static func run(context: HavenContext, flowID: String?, dated: LocalDateTime? = nil) throws(CommandFailure) -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        if let reason = CursesTerminal.unavailableReason(environment: environment, stdinIsTTY: isatty(STDIN_FILENO) == 1,
                                                         stdoutIsTTY: isatty(STDOUT_FILENO) == 1) {
            throw CommandFailure("haven: \(reason)\nhaven: the full-screen app needs a terminal; to write line by line, use: haven write --plain",
                                 status: ExitStatus.usage)
        }
        if let flowID, context.library.flow(flowID) == nil {
            throw CommandFailure("haven: there is no flow called '\(flowID)' (see 'haven prompts list')", status: ExitStatus.usage)
        }
        // A parent may have started us with signals blocked; the app needs these to notice a
        // resize, and to save a draft when it is asked to stop.
        var needed = sigset_t()
        sigemptyset(&needed)
        for signal in [SIGWINCH, SIGINT, SIGTERM, SIGHUP] { sigaddset(&needed, signal) }
        pthread_sigmask(SIG_UNBLOCK, &needed, nil)
        let terminal = CursesTerminal(environment: environment)
        do {
            try terminal.start()
        } catch {
            throw CommandFailure("haven: cannot start the full-screen app: \(error)\nhaven: to write line by line, use: haven write --plain",
                                 status: ExitStatus.usage)
        }
        let flags = StateFlags(environment: environment, fallback: context.locations.journal + "/.state")
        let started = DispatchTime.now().uptimeNanoseconds
        let appEnvironment = AppEnvironment(
            store: context.store, library: context.library, clock: context.clock,
            monotonicMilliseconds: { Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000) },
            ids: context.ids, journalPath: displayPath(context.locations.journal, home: environment["HOME"]),
            editText: { ExternalEditor(environment: environment).edit($0) },
            welcomeSeen: { flags.isSet("welcome-seen") }, markWelcomeSeen: { flags.set("welcome-seen") },
            colour: terminal.colorEnabled, summaries: context.summarySource)
        let app = HavenApp(environment: appEnvironment, size: terminal.size)
        for effect in app.startEffects { feed(app.perform(effect, terminal: terminal), to: app, terminal: terminal) }
        if let flowID {
            for effect in app.begin(flowID: flowID, at: dated) { feed(app.perform(effect, terminal: terminal), to: app, terminal: terminal) }
        }
        let signal = Runtime.run(app, on: terminal)
        terminal.stop()
        if let warning = terminal.localeWarning { FileHandle.standardError.write(Data("haven: \(warning)\n".utf8)) }
        if let signal {
            let kept = app.keptDraftOnSignal ? "; your session is kept as a draft" : ""
            FileHandle.standardError.write(Data("haven: stopped by a signal\(kept).\n".utf8))
            return 128 + signal
        }
        return ExitStatus.ok
    }

    private static func feed(_ msgs: [AppMsg], to app: HavenApp, terminal: Terminal) {
        for msg in msgs { Runtime.dispatch(msg, to: app, terminal: terminal) }
    }

    /// `/home/sam/.local/share/haven` -> `~/.local/share/haven`, for showing.
    static func displayPath(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty, path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }
}
