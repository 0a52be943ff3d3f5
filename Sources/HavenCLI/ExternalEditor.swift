import Foundation
import JournalCore

/// Opens text in the person's editor ($VISUAL, else $EDITOR, else vi) and returns the edited
/// text. The text goes through a private temporary file (mode 0600, in $XDG_RUNTIME_DIR when
/// there is one) that is removed afterwards whatever happens.
///
/// The editor gets the terminal as a terminal program expects: it runs in Haven's own process
/// group (the terminal's foreground group), with the terminal as its standard input, output and
/// error, default signal handling and no signals blocked. Foundation's `Process` starts children
/// in a process group of their own, where vim and nano are stopped or refused at their first
/// read of the terminal. While it runs, Haven's own job-control signals are left at their
/// defaults, so suspending the editor (Ctrl-Z in vim) suspends Haven with it and `fg` brings
/// both back.
public struct ExternalEditor {
    public let environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    public var command: String {
        for key in ["VISUAL", "EDITOR"] {
            if let value = environment[key], !value.trimmingCharacters(in: .whitespaces).isEmpty { return value }
        }
        return "vi"
    }

    public func edit(_ text: String) -> Result<String, EditorFailure> {
        let folder = environment["XDG_RUNTIME_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? NSTemporaryDirectory()
        var template = Array("\(folder)/haven-answer-XXXXXX.md".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 3) } // mode 0600
        guard fd >= 0 else { return .failure(EditorFailure("Could not make a private file for the editor")) }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        handle.write(Data(text.utf8))
        try? handle.close()

        // The command may carry its own arguments ("code --wait", "vim -u NONE"), so the shell
        // splits it; the file is passed as a separate argument, never pasted into the command.
        let status: Int32
        switch ForegroundChild.run(["/bin/sh", "-c", "\(command) \"$1\"", "sh", path], environment: environment) {
        case .failure(let reason):
            return .failure(EditorFailure("Could not start the editor '\(command)': \(reason)"))
        case .success(let exit):
            status = exit
        }
        guard status == 0 else {
            return .failure(EditorFailure("The editor '\(command)' stopped with status \(status)"))
        }
        guard let data = FileManager.default.contents(atPath: path), let edited = String(data: data, encoding: .utf8) else {
            return .failure(EditorFailure("The edited text could not be read back"))
        }
        // Editors add a final newline; it is not part of the answer.
        return .success(edited.hasSuffix("\n") ? String(edited.dropLast()) : edited)
    }
}

/// Runs a program in the foreground, in this process's group, and waits for it.
enum ForegroundChild {
    /// Signals whose dispositions the child gets at their defaults, whatever Haven does with them.
    static let defaulted: [Int32] = [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGTSTP, SIGTTIN, SIGTTOU, SIGPIPE, SIGCHLD, SIGWINCH]
    /// Haven's own job-control signals, left at their defaults while the child runs.
    static let jobControl: [Int32] = [SIGTSTP, SIGTTIN, SIGTTOU]

    /// The exit status (128 + N when a signal ended it), or why it could not start.
    struct Failure: Error, CustomStringConvertible { var description: String }

    static func run(_ arguments: [String], environment: [String: String]) -> Result<Int32, Failure> {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in defaulted { sigaddset(&defaults, signal) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var saved: [Int32: sigaction] = [:]
        for signal in jobControl {
            var previous = sigaction()
            var standard = sigaction()
            standard.__sigaction_handler.sa_handler = SIG_DFL
            sigemptyset(&standard.sa_mask)
            if sigaction(signal, &standard, &previous) == 0 { saved[signal] = previous }
        }
        defer {
            for (signal, previous) in saved {
                var action = previous
                sigaction(signal, &action, nil)
            }
        }

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, arguments[0], nil, &attributes, argv, envp)
        guard spawned == 0 else { return .failure(Failure(description: String(cString: strerror(spawned)))) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return .failure(Failure(description: String(cString: strerror(errno)))) }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import as macros.
        if status & 0x7f == 0 { return .success((status >> 8) & 0xff) }
        return .success(128 + (status & 0x7f))
    }
}
