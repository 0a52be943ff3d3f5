import Foundation
import Testing
import JournalCore
import JournalFiles

@Suite("HavenLocations.resolve")
struct LocationsTests {
    let everything: [String: String] = [
        "HOME": "/home/ana",
        "HAVEN_HOME": "/srv/haven-home",
        "XDG_DATA_HOME": "/data",
        "XDG_CONFIG_HOME": "/config",
    ]

    func resolve(_ option: String?, _ environment: [String: String],
                 workingDirectory: String = "/work/dir") throws -> HavenLocations {
        try HavenLocations.resolve(journalOption: option, environment: environment, workingDirectory: workingDirectory)
    }

    @Test("--journal wins over everything")
    func optionFirst() throws {
        #expect(try resolve("/mnt/journal", everything).journal == "/mnt/journal")
    }

    @Test("a relative --journal is taken from the working directory")
    func relativeOption() throws {
        #expect(try resolve("my-journal", everything).journal == "/work/dir/my-journal")
        #expect(try resolve("a/b", [:], workingDirectory: "/w").journal == "/w/a/b")
    }

    @Test("an empty --journal counts as not given")
    func emptyOption() throws {
        #expect(try resolve("", everything).journal == "/srv/haven-home")
    }

    @Test("HAVEN_HOME comes next, relative ones from the working directory")
    func havenHome() throws {
        #expect(try resolve(nil, everything).journal == "/srv/haven-home")
        var environment = everything
        environment["HAVEN_HOME"] = "rel/haven"
        #expect(try resolve(nil, environment).journal == "/work/dir/rel/haven")
        environment["HAVEN_HOME"] = ""
        #expect(try resolve(nil, environment).journal == "/data/haven")
    }

    @Test("then XDG_DATA_HOME/haven")
    func xdgDataHome() throws {
        var environment = everything
        environment["HAVEN_HOME"] = nil
        #expect(try resolve(nil, environment).journal == "/data/haven")
    }

    @Test("a relative or empty XDG_DATA_HOME is ignored")
    func relativeXDGDataHomeIgnored() throws {
        var environment = everything
        environment["HAVEN_HOME"] = nil
        environment["XDG_DATA_HOME"] = "relative/data"
        #expect(try resolve(nil, environment).journal == "/home/ana/.local/share/haven")
        environment["XDG_DATA_HOME"] = ""
        #expect(try resolve(nil, environment).journal == "/home/ana/.local/share/haven")
    }

    @Test("then HOME/.local/share/haven")
    func homeFallback() throws {
        #expect(try resolve(nil, ["HOME": "/home/ana"]).journal == "/home/ana/.local/share/haven")
    }

    @Test("with no HOME and nothing else, resolving fails")
    func missingHomeThrows() {
        #expect(throws: HavenLocations.Failure.self) { try resolve(nil, [:]) }
        #expect(throws: HavenLocations.Failure.self) { try resolve(nil, ["HOME": ""]) }
        #expect(throws: HavenLocations.Failure.self) { try resolve("", ["XDG_DATA_HOME": "relative"]) }
    }

    @Test("with no HOME, --journal, HAVEN_HOME or an absolute XDG_DATA_HOME is enough")
    func noHomeButSomethingElse() throws {
        #expect(try resolve("/j", [:]).journal == "/j")
        #expect(try resolve(nil, ["HAVEN_HOME": "/h"]).journal == "/h")
        #expect(try resolve(nil, ["XDG_DATA_HOME": "/d"]).journal == "/d/haven")
    }

    @Test("user prompts: XDG_CONFIG_HOME/haven/prompts, else HOME/.config/haven/prompts")
    func userPrompts() throws {
        #expect(try resolve(nil, everything).userPrompts == "/config/haven/prompts")
        var environment = everything
        environment["XDG_CONFIG_HOME"] = nil
        #expect(try resolve(nil, environment).userPrompts == "/home/ana/.config/haven/prompts")
        environment["XDG_CONFIG_HOME"] = "relative/config"
        #expect(try resolve(nil, environment).userPrompts == "/home/ana/.config/haven/prompts")
        environment["XDG_CONFIG_HOME"] = ""
        #expect(try resolve(nil, environment).userPrompts == "/home/ana/.config/haven/prompts")
        // The journal option does not move the prompts.
        #expect(try resolve("/elsewhere", everything).userPrompts == "/config/haven/prompts")
    }
}

@Suite("PromptFiles.read")
struct PromptFilesTests {
    @Test("a folder gives its .yaml and .yml files only")
    func readsYAMLFilesOfAFolder() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let prompts = folder.path + "/prompts"
        try writeFile(prompts + "/a-flow.yaml", "id: a\n")
        try writeFile(prompts + "/b-flow.yml", "id: b\n")
        try writeFile(prompts + "/README.md", "# not a prompt\n")
        try writeFile(prompts + "/notes.txt", "nothing\n")
        try writeFile(prompts + "/backup.yaml~", "id: old\n")
        try writeFile(prompts + "/.hidden.yaml", "id: hidden\n")
        try writeFile(prompts + "/sub/c-flow.yaml", "id: c\n")

        let (sources, problems) = PromptFiles.read(prompts)
        #expect(problems.isEmpty)
        #expect(sources.map(\.name) == [prompts + "/a-flow.yaml", prompts + "/b-flow.yml"])
        #expect(sources.map(\.text) == ["id: a\n", "id: b\n"])
    }

    @Test("a missing folder gives nothing and no problem")
    func missingFolder() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let (sources, problems) = PromptFiles.read(folder.path + "/no-such-folder")
        #expect(sources.isEmpty)
        #expect(problems.isEmpty)
        #expect(!exists(folder.path + "/no-such-folder"))
    }

    @Test("a single file is read; a missing or non-UTF-8 file is a problem")
    func singleFiles() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try writeFile(folder.path + "/one.yaml", "id: one\n")
        try writeFile(folder.path + "/bad.yml", Data([0xff, 0xfe, 0x00]))

        let one = PromptFiles.read(folder.path + "/one.yaml")
        #expect(one.sources == [PromptSource(name: folder.path + "/one.yaml", text: "id: one\n")])
        #expect(one.problems.isEmpty)

        let bad = PromptFiles.read(folder.path + "/bad.yml")
        #expect(bad.sources.isEmpty)
        #expect(bad.problems.map(\.position.file) == [folder.path + "/bad.yml"])

        let missing = PromptFiles.read(folder.path + "/missing.yaml")
        #expect(missing.sources.isEmpty)
        #expect(missing.problems.count == 1)
    }
}

@Suite struct LocationEdgeTests {
    @Test func withoutHomeThePersonsPromptsSitBesideTheJournal() throws {
        let locations = try HavenLocations.resolve(journalOption: nil, environment: ["HAVEN_HOME": "/j"], workingDirectory: "/")
        #expect(locations.userPrompts == "/j/prompts")
    }

    @Test func aRelativeJournalFromTheRootFolderHasOneSlash() throws {
        let locations = try HavenLocations.resolve(journalOption: "notes", environment: [:], workingDirectory: "/")
        #expect(locations.journal == "/notes")
    }
}
