import JournalCore

/// Where Haven keeps things, following the XDG base-directory convention.
public struct HavenLocations: Hashable, Sendable {
    /// The journal folder: entries, parts, drafts, trash.
    public var journal: String
    /// The person's own prompt files, which extend or override the shipped ones.
    public var userPrompts: String
    /// Haven's rebuildable caches (the entry index); nil when there is nowhere to put them.
    public var cache: String?

    public init(journal: String, userPrompts: String, cache: String? = nil) {
        self.journal = journal
        self.userPrompts = userPrompts
        self.cache = cache
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Journal: `--journal DIR`, else `$HAVEN_HOME`, else `$XDG_DATA_HOME/haven`, else
    /// `~/.local/share/haven`. Prompts: `$XDG_CONFIG_HOME/haven/prompts`, else `~/.config/haven/prompts`.
    /// Relative paths are taken from `workingDirectory`.
    public static func resolve(journalOption: String?, environment: [String: String],
                               workingDirectory: String) throws(Failure) -> HavenLocations {
        func nonEmpty(_ key: String) -> String? {
            guard let value = environment[key], !value.isEmpty else { return nil }
            return value
        }
        func absolute(_ path: String) -> String {
            if path.hasPrefix("/") { return path }
            return workingDirectory.hasSuffix("/") ? workingDirectory + path : workingDirectory + "/" + path
        }
        let home = nonEmpty("HOME")
        // XDG says relative values are invalid and should be ignored.
        let dataHome = nonEmpty("XDG_DATA_HOME").flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home.map { $0 + "/.local/share" }
        let configHome = nonEmpty("XDG_CONFIG_HOME").flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home.map { $0 + "/.config" }
        let cacheHome = nonEmpty("XDG_CACHE_HOME").flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home.map { $0 + "/.cache" }

        let journal: String
        if let option = journalOption, !option.isEmpty {
            journal = absolute(option)
        } else if let havenHome = nonEmpty("HAVEN_HOME") {
            journal = absolute(havenHome)
        } else if let dataHome {
            journal = dataHome + "/haven"
        } else {
            throw Failure(description: "cannot tell where the journal is: HOME is not set. Use --journal DIR or set HAVEN_HOME.")
        }
        // Without HOME or XDG_CONFIG_HOME the person's prompts sit beside their journal.
        return HavenLocations(journal: journal, userPrompts: configHome.map { $0 + "/haven/prompts" } ?? journal + "/prompts",
                              cache: cacheHome.map { $0 + "/haven" })
    }
}

/// Reads the prompt files (`*.yaml`, `*.yml`) of a folder, or a single file.
public enum PromptFiles {
    public static func read(_ path: String, fileSystem: FileSystem = PosixFileSystem())
        -> (sources: [PromptSource], problems: [PromptProblem]) {
        var sources: [PromptSource] = []
        var problems: [PromptProblem] = []
        let paths: [String]
        if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
            paths = [path]
        } else {
            do {
                paths = try fileSystem.listFiles(under: path).files
                    .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.contains("/") }
                    .map { path + "/" + $0 }
            } catch {
                problems.append(PromptProblem(SourcePosition(file: path, line: 1, column: 1), "cannot read the folder: \(error.reason)"))
                return ([], problems)
            }
        }
        for file in paths {
            do {
                let bytes = try fileSystem.read(file)
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    problems.append(PromptProblem(SourcePosition(file: file, line: 1, column: 1), "the file is not UTF-8 text"))
                    continue
                }
                sources.append(PromptSource(name: file, text: text))
            } catch {
                problems.append(PromptProblem(SourcePosition(file: file, line: 1, column: 1), "cannot read the file: \(error.reason)"))
            }
        }
        return (sources, problems)
    }
}
