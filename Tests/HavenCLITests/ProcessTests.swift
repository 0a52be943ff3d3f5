import Foundation
import HavenCLI
import JournalCore
import Testing

/// The real `haven` binary, run as a process against a temporary journal.
@Suite struct ProcessTests {
    static let checkInInput = "Tired but here\n.\n4\n6\n7\n\n5\nThe worrier\nChecking the stove\n.\nchest\nAlways one step ahead\n2\n2\nThanks, sun\n"

    @Test(arguments: [["--help"], ["write", "--help"], ["list", "--help"], ["show", "--help"], ["prompts", "--help"],
                      ["prompts", "list", "--help"], ["prompts", "check", "--help"], ["help", "write"],
                      ["search", "--help"], ["on-this-day", "--help"], ["tags", "--help"], ["parts", "--help"], ["parts", "show", "--help"], ["parts", "rename", "--help"], ["parts", "colour", "--help"], ["parts", "archive", "--help"], ["parts", "merge", "--help"], ["parts", "delete", "--help"], ["summary", "--help"]])
    func everyCommandHasHelp(_ arguments: [String]) throws {
        let scratch = try Scratch()
        let result = try HavenProcess.run(arguments, environment: scratch.environment)
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: haven"))
    }

    @Test func pipingAnswersWritesAPrivateEntryThatListShows() throws {
        let scratch = try Scratch()
        let result = try HavenProcess.run(["write", "--plain", "--flow", "daily-checkin", "--journal", scratch.journal],
                                          input: Self.checkInInput, environment: scratch.environment)
        #expect(result.status == 0, "\(result.stderr)")
        let files = scratch.files(under: scratch.journal)
        let entryPath = try #require(files.first { $0.hasPrefix("entries/") })
        #expect(files.contains("parts/the-worrier.md"))
        #expect(result.stdout.contains("Saved: \(scratch.journal)/\(entryPath)"))
        #expect(entryPath.hasSuffix("-daily-checkin.md"))

        // Private: folders 0700, files 0600; nothing but what was promised is left behind.
        #expect(scratch.mode(scratch.journal) == 0o700)
        #expect(scratch.mode(scratch.journal + "/entries") == 0o700)
        for file in files { #expect(scratch.mode(scratch.journal + "/" + file) == 0o600, "\(file)") }
        #expect(files.allSatisfy { !$0.split(separator: "/").contains { $0.hasPrefix(".") } })
        #expect(files.filter { $0.hasPrefix("drafts/") }.isEmpty)

        // The text matches docs/entry-format.md.
        let text = scratch.read(scratch.journal + "/" + entryPath)
        let entry = try EntryFormat.parse(text)
        #expect(text.hasPrefix("---\nid: \(entry.id)\ncreated: \(entry.created.iso8601)\nflow: daily-checkin\ntitle: Tired but here\n"))
        #expect(text.hasSuffix("""
            ---

            ## How are you arriving today? {#arriving}

            Tired but here

            ## How stirred up does your inner world feel right now? {#stirred}

            4 of 10 (0 = settled, 10 = overwhelmed)

            ## How much of each of these can you sense in yourself right now? {#self-energy}

            - Calm: 6
            - Curiosity: 7
            - Connectedness: 5

            ## Which part of you is most around today? {#around}

            The worrier

            ## What is The worrier doing or wanting today? {#part-doing}

            Checking the stove

            ## Where do you notice The worrier in your body, if anywhere? {#part-body}

            chest

            ## It looks like The worrier is new to your journal. What is your first impression of it, in a few words? {#new-part}

            Always one step ahead

            ## Is another part here today too? {#others}

            No, that's everyone

            ## How caught up in a part do you feel right now? {#blended-now}

            2 of 10 (0 = I can see my parts, 10 = a part has taken over)

            ## One line of thanks, to a part, to yourself, or to anyone. {#thanks}

            Thanks, sun

            """))

        let list = try HavenProcess.run(["list", "--journal", scratch.journal], environment: scratch.environment)
        #expect(list.status == 0)
        #expect(list.stdout == "\(entry.id)  \(entry.created.dateString) \(entry.created.timeString)   Tired but here  · Daily check-in\n")
        #expect(list.stderr == "")

        let json = try HavenProcess.run(["list", "--json", "--journal", scratch.journal], environment: scratch.environment)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(decoded?.first?["id"] as? String == entry.id.rawValue)
        #expect(decoded?.first?["parts"] as? [String] == ["the-worrier"])

        let show = try HavenProcess.run(["show", String(entry.id.rawValue.prefix(17)), "--journal", scratch.journal],
                                        environment: scratch.environment)
        #expect(show.status == 0)
        #expect(show.stdout == text)
        let showJSON = try HavenProcess.run(["show", entry.id.rawValue, "--json", "--journal", scratch.journal],
                                            environment: scratch.environment)
        let object = try JSONSerialization.jsonObject(with: Data(showJSON.stdout.utf8)) as? [String: Any]
        #expect((object?["sections"] as? [[String: Any]])?.count == 10)
    }

    @Test func brokenFilesAreReportedAndLeftByteForByte() throws {
        let scratch = try Scratch()
        _ = try HavenProcess.run(["write", "--plain"], input: Self.checkInInput, environment: ["HAVEN_HOME": scratch.journal])
        let folder = scratch.journal + "/entries/2026/01"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let bad: [String: Data] = [
            "garbage.md": Data([0xFF, 0xFE, 0x00, 0x9C, 0x01, 0x02]),
            "empty.md": Data(),
            "broken.md": Data("---\nid: x\ntitle: [unclosed\ncreated: 2026-01-01T10:00:00+00:00\n---\nbody\n".utf8),
        ]
        for (name, data) in bad { try data.write(to: URL(fileURLWithPath: folder + "/" + name)) }

        let list = try HavenProcess.run(["list"], environment: ["HAVEN_HOME": scratch.journal])
        #expect(list.status == 0)
        #expect(list.stdout.contains("Daily check-in"))
        #expect(list.stderr.contains("haven: skipped entries/2026/01/garbage.md: the file is not UTF-8 text"))
        #expect(list.stderr.contains("haven: skipped entries/2026/01/empty.md:1: the file is empty"))
        #expect(list.stderr.contains("haven: skipped entries/2026/01/broken.md:4: the front matter is not valid YAML"))
        for (name, data) in bad {
            #expect(FileManager.default.contents(atPath: folder + "/" + name) == data, "\(name) changed")
        }
    }

    /// The same broken files through the cached index: reported on every run, still untouched.
    @Test func brokenFilesAreReportedThroughTheCacheToo() throws {
        let scratch = try Scratch()
        let folder = scratch.journal + "/entries/2026/01"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let broken = Data("---\nid: x\ncreated: never\n---\nbody\n".utf8)
        try broken.write(to: URL(fileURLWithPath: folder + "/broken.md"))
        let env = scratch.environment.merging(["HAVEN_HOME": scratch.journal]) { $1 }
        for _ in 0..<2 {
            let list = try HavenProcess.run(["list"], environment: env)
            #expect(list.status == 0)
            #expect(list.stderr.contains("haven: skipped entries/2026/01/broken.md:3:"))
        }
        #expect(FileManager.default.contents(atPath: folder + "/broken.md") == broken)
    }

    @Test func searchAndFiltersUseAPrivateCacheThatCanBeDeleted() throws {
        let scratch = try Scratch()
        let env = scratch.environment.merging(["HAVEN_HOME": scratch.journal]) { $1 }
        let now = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        let lastYear = String(format: "%04d-%02d-%02d", now.year! - 1, now.month!, now.day!)
        func write(_ name: String, _ created: String, _ title: String, _ body: String) throws {
            let folder = scratch.journal + "/entries/" + created.prefix(4) + "/" + created.dropFirst(5).prefix(2)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try "---\nid: \(name)\ncreated: \(created)T09:00:00+00:00\ntitle: \(title)\ntags: [work]\n---\n\n\(body)\n"
                .write(toFile: folder + "/" + name + ".md", atomically: true, encoding: .utf8)
        }
        try write("a", "2020-03-04", "Café", "Un café calme.")
        try write("b", lastYear, "A year ago today", "Rain on the window.")

        let found = try HavenProcess.run(["search", "CAFE"], environment: env)
        #expect(found.status == 0)
        #expect(found.stdout.hasPrefix("a  2020-03-04 09:00   Café"))
        let none = try HavenProcess.run(["search", "lighthouse"], environment: env)
        #expect(none.status == 1 && none.stdout.isEmpty)
        #expect(try HavenProcess.run(["list", "--on", "2020-03", "--tag", "work"], environment: env).stdout.hasPrefix("a "))
        #expect(try HavenProcess.run(["list", "--from", "2020-02-30"], environment: env).status == 64)
        let onThisDay = try HavenProcess.run(["on-this-day"], environment: env)
        #expect(onThisDay.stdout == "b  \(lastYear) 09:00   A year ago today  (a year ago)\n")

        let cache = scratch.path + "/home/.cache/haven"
        #expect(scratch.mode(cache) == 0o700)
        #expect(scratch.files(under: cache).contains { $0.hasSuffix("/entries.tsv") })

        // Edited in another editor: found by its new words at once.
        let path = scratch.journal + "/entries/2020/03/a.md"
        try scratch.read(path).replacingOccurrences(of: "Un café calme.", with: "By the lighthouse.")
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try HavenProcess.run(["search", "lighthouse"], environment: env).stdout.hasPrefix("a "))

        // The cache is only a cache.
        try FileManager.default.removeItem(atPath: cache)
        #expect(try HavenProcess.run(["search", "lighthouse"], environment: env).stdout.hasPrefix("a "))
        #expect(try HavenProcess.run(["list"], environment: env).stdout.split(separator: "\n").count == 2)
    }

    @Test func exitStatusesMeanSomething() throws {
        let scratch = try Scratch()
        let env = ["HAVEN_HOME": scratch.journal]
        #expect(try HavenProcess.run(["show", "nope"], environment: env).status == 64)
        #expect(try HavenProcess.run(["list", "--no-such-option"], environment: env).status == 64)
        #expect(try HavenProcess.run(["list", "-n", "-3"], environment: env).status == 64)
        #expect(try HavenProcess.run(["write", "--flow", "x", "--resume", "latest"], environment: env).status == 64)

        let broken = scratch.path + "/broken.yaml"
        try "id: broken\ntitle: Broken\nsteps:\n  - id: a\n    type: txt\n    text: Hi\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let check = try HavenProcess.run(["prompts", "check", broken], environment: env)
        #expect(check.status == 65)
        #expect(check.stdout.hasPrefix("\(broken):5:11: unknown step type 'txt' (did you mean 'text'?)"))
        #expect(check.stderr.contains("1 problem in 1 file"))

        // A journal folder that cannot be created is an input/output error.
        let blocked = scratch.path + "/file-not-folder"
        try "x".write(toFile: blocked, atomically: true, encoding: .utf8)
        let write = try HavenProcess.run(["write", "--plain", "--journal", blocked + "/journal"], input: "hello\n.\n",
                                         environment: env)
        #expect(write.status == 74)
        #expect(write.stderr.contains("haven: "))
    }

    @Test func theShippedPromptsAreCleanAndFoundFromAnywhere() throws {
        let scratch = try Scratch()
        let check = try HavenProcess.run(["prompts", "check"], environment: scratch.environment, directory: "/")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")

        // A copy of the binary with nothing beside it, run from another folder, still has its flows.
        let copy = URL(fileURLWithPath: scratch.path + "/bin/haven")
        try FileManager.default.createDirectory(atPath: scratch.path + "/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: HavenProcess.binary, to: copy)
        let list = try HavenProcess.run(["prompts", "list"], environment: scratch.environment, directory: "/", executable: copy)
        #expect(list.status == 0)
        for id in ["daily-checkin", "unblending", "grounding"] {
            #expect(list.stdout.contains("\n\(id) ") || list.stdout.hasPrefix("\(id) "), "\(id) missing")
        }
    }

    @Test func thePersonsOwnFlowsOverrideAndABrokenOneDoesNotStopTheRest() throws {
        let scratch = try Scratch()
        let folder = scratch.path + "/config/haven/prompts"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "id: daily-checkin\ntitle: My own check-in\ndescription: Mine.\nminutes: 1\nsteps:\n  - id: one\n    type: text\n    text: One word?\n"
            .write(toFile: folder + "/mine.yaml", atomically: true, encoding: .utf8)
        try "id: [broken\n".write(toFile: folder + "/broken.yaml", atomically: true, encoding: .utf8)

        let list = try HavenProcess.run(["prompts", "list"], environment: scratch.environment)
        #expect(list.status == 0)
        #expect(list.stdout.contains("My own check-in: Mine."))
        #expect(list.stdout.contains("unblending"))
        #expect(list.stderr.contains("broken.yaml:"))

        let write = try HavenProcess.run(["write", "--plain"], input: "Steady\n", environment: scratch.environment)
        #expect(write.status == 0)
        let entries = scratch.files(under: scratch.path + "/data/haven/entries")
        #expect(entries.count == 1)
        let entryName = try #require(entries.first)
        #expect(scratch.read(scratch.path + "/data/haven/entries/" + entryName).contains("## One word? {#one}\n\nSteady\n"))

        let check = try HavenProcess.run(["prompts", "check"], environment: scratch.environment)
        #expect(check.status == 65)
        #expect(check.stdout.contains("broken.yaml:"))
    }

    @Test func aDraftSurvivesEndOfInputAndResumesInANewProcess() throws {
        let scratch = try Scratch()
        let env = ["HAVEN_HOME": scratch.journal]
        let first = try HavenProcess.run(["write", "--plain"], input: "Tired but here\n.\n", environment: env)
        #expect(first.status == 0)
        #expect(first.stderr.contains("--resume "))
        #expect(scratch.files(under: scratch.journal + "/drafts").count == 1)
        let rest = Self.checkInInput.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n")
        let second = try HavenProcess.run(["write", "--plain", "--resume", "latest"], input: rest, environment: env)
        #expect(second.status == 0, "\(second.stderr)")
        let entries = scratch.files(under: scratch.journal + "/entries")
        #expect(entries.count == 1)
        let entryName = try #require(entries.first)
        #expect(scratch.read(scratch.journal + "/entries/" + entryName).contains("Tired but here"))
        #expect(scratch.files(under: scratch.journal + "/drafts").isEmpty)
    }

    @Test func theJournalFolderFollowsTheOptionThenHavenHomeThenXDG() throws {
        let scratch = try Scratch()
        var env = scratch.environment
        _ = try HavenProcess.run(["write", "--plain"], input: "hello\n.\n:finish\n", environment: env)
        #expect(!scratch.files(under: scratch.path + "/data/haven/entries").isEmpty)
        env["HAVEN_HOME"] = scratch.path + "/haven-home"
        _ = try HavenProcess.run(["write", "--plain"], input: "hello\n.\n:finish\n", environment: env)
        #expect(!scratch.files(under: scratch.path + "/haven-home/entries").isEmpty)
        _ = try HavenProcess.run(["write", "--plain", "--journal", "relative"], input: "hello\n.\n:finish\n", environment: env,
                                 directory: scratch.path)
        #expect(!scratch.files(under: scratch.path + "/relative/entries").isEmpty)
    }
}

/// The small things a command line is expected to do (issue 13, point 10).
@Suite struct CommandLineManners {
    @Test func versionUnknownCommandsAttachedCountsAndAMissingJournal() throws {
        let scratch = try Scratch()
        let version = try HavenProcess.run(["--version"], environment: scratch.environment)
        #expect(version.status == 0 && version.stdout == HavenVersion.current + "\n")

        let option = try HavenProcess.run(["-V"], environment: scratch.environment)
        #expect(option.status == 64 && option.stderr == "haven: unknown option '-V'\nSee 'haven --help' for the commands and their options.\n")

        let unknown = try HavenProcess.run(["frobnicate"], environment: scratch.environment)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("haven: unknown command 'frobnicate'\nThe commands: open, write, list,"))
        #expect(!unknown.stderr.contains("haven open"))

        _ = try HavenProcess.run(["write", "--plain", "--flow", "evening-review"], input: "one\n.\n:finish\n", environment: scratch.environment)
        _ = try HavenProcess.run(["write", "--plain", "--flow", "evening-review"], input: "two\n.\n:finish\n", environment: scratch.environment)
        let one = try HavenProcess.run(["list", "-n1"], environment: scratch.environment)
        #expect(one.status == 0)
        #expect(one.stdout.split(separator: "\n").count == 1)

        for command in [["list"], ["search", "x"], ["show", "x"], ["on-this-day"], ["parts"], ["summary"]] {
            let missing = try HavenProcess.run(command + ["--journal", scratch.path + "/nowhere"], environment: scratch.environment)
            #expect(missing.status == 66, "\(command)")
            #expect(missing.stderr.contains("given with --journal does not exist"), "\(command)")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/nowhere")) // nothing was made by reading
    }

    @Test func quickCaptureFromTheCommandLineAndStandardInput() throws {
        let scratch = try Scratch()
        let saved = try HavenProcess.run(["write", "--date", "2026-11-30", "18:30", "Walked", "by the sea #outside"],
                                         environment: scratch.environment)
        #expect(saved.status == 0, "\(saved.stderr)")
        #expect(saved.stdout.hasPrefix("Saved: ") && saved.stdout.hasSuffix("/entries/2026/11/20261130-183000-entry.md\n"))
        let piped = try HavenProcess.run(["write", "-"], input: "From a pipe\nand a second line\n", environment: scratch.environment)
        #expect(piped.status == 0, "\(piped.stderr)")
        let list = try HavenProcess.run(["list"], environment: scratch.environment)
        #expect(list.stdout.contains("From a pipe") && list.stdout.contains("2026-11-30 18:30   Walked by the sea #outside"))
        let tags = try HavenProcess.run(["tags"], environment: scratch.environment)
        #expect(tags.stdout == "1  outside\n")
        let mixed = try HavenProcess.run(["write", "--flow", "evening-review", "some words"], environment: scratch.environment)
        #expect(mixed.status == 64 && mixed.stderr.contains("cannot go with --flow"))
        let both = try HavenProcess.run(["write", "-", "extra"], environment: scratch.environment)
        #expect(both.status == 64 && both.stderr.contains("give either '-' or the text"))
        let early = try HavenProcess.run(["write", "--date", "2026-11-30", "9:05", "nine"], environment: scratch.environment)
        #expect(early.stdout.hasSuffix("/entries/2026/11/20261130-090500-entry.md\n"), "\(early.stderr)")
    }

    @Test func theResumeHintNamesACommandThatWorks() throws {
        let scratch = try Scratch()
        let first = try HavenProcess.run(["write", "--plain"], input: "Tired\n", environment: scratch.environment)
        #expect(first.stderr.contains("haven: resume with: haven write --plain --resume latest"))
        let resumed = try HavenProcess.run(["write", "--plain", "--resume", "latest"], input: ".\n:finish\n", environment: scratch.environment)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("Saved: "))
    }
}
