import JournalCore

/// Small facts about the app's use that are not journal content (the first-run welcome has
/// been seen), kept in `$XDG_STATE_HOME/haven/` (default `~/.local/state/haven/`).
public struct StateFlags {
    public let folder: String
    private let fileSystem: FileSystem

    public init(environment: [String: String], fallback: String, fileSystem: FileSystem = PosixFileSystem()) {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            folder = state + "/haven"
        } else if let home = environment["HOME"], !home.isEmpty {
            folder = home + "/.local/state/haven"
        } else {
            folder = fallback
        }
        self.fileSystem = fileSystem
    }

    public func isSet(_ name: String) -> Bool {
        fileSystem.fileExists(folder + "/" + name)
    }

    /// Best effort: failing to remember only means the welcome is shown again.
    public func set(_ name: String) {
        try? fileSystem.createFolder(folder)
        try? fileSystem.replace(folder + "/" + name, bytes: Array("1\n".utf8))
    }
}
