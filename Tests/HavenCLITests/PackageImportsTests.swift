import Foundation
import Testing

/// Every module a target imports is one it declares in Package.swift: a module that compiles
/// only because another target happened to build it first is a dependency nobody chose
/// (docs/architecture.md says who may import whom).
@Suite struct PackageImportsTests {
    static let packageRoot = String(#filePath).components(separatedBy: "/Tests/")[0]

    @Test func everyTargetDeclaresTheModulesItImports() throws {
        let manifest = try String(contentsOfFile: Self.packageRoot + "/Package.swift", encoding: .utf8)
        let targets = PackageManifest.targets(in: manifest)
        #expect(targets.count > 10, "Package.swift was not read: \(targets.map(\.name))")
        var sources: [(path: String, text: String)] = []
        for folder in ["Sources", "Tests"] {
            for path in try Self.swiftFiles(under: Self.packageRoot + "/" + folder) {
                sources.append((String(path.dropFirst(Self.packageRoot.count + 1)), try String(contentsOfFile: path, encoding: .utf8)))
            }
        }
        #expect(sources.count > 100)
        for problem in PackageManifest.undeclaredImports(targets: targets, sources: sources) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    /// The layering of docs/architecture.md: the core and the UI kit stand alone, and the
    /// line-by-line CLI runs without the full-screen app.
    @Test func lowerModulesDoNotDependOnHigherOnes() throws {
        let manifest = try String(contentsOfFile: Self.packageRoot + "/Package.swift", encoding: .utf8)
        let targets = Dictionary(PackageManifest.targets(in: manifest).map { ($0.name, $0.dependencies) }, uniquingKeysWith: { a, _ in a })
        #expect(targets["JournalCore"] == ["Yams"])
        #expect(targets["TerminalUI"] == [])
        #expect(targets["JournalFiles"] == ["JournalCore"])
        let cli = try #require(targets["HavenCLI"])
        #expect(!cli.contains("JournalApp") && !cli.contains("TerminalUI") && !cli.contains("CursesTerminal"))
    }

    /// The check itself finds an undeclared import (so the test above cannot pass by reading nothing).
    @Test func anUndeclaredImportIsNamedWithItsFile() {
        let manifest = """
            let package = Package(name: "X", dependencies: [.package(url: "https://example.com/y", from: "1.0.0")], targets: [
                .target(name: "Low"),
                .target(name: "High", dependencies: ["Low", .product(name: "Lib", package: "y")]), // a comment: .target(name: "No")
                .executableTarget(name: "my-tool", dependencies: ["High"], path: "Sources/Tool"),
                .testTarget(name: "HighTests", dependencies: ["High"]),
            ])
            """
        let targets = PackageManifest.targets(in: manifest)
        #expect(targets.map(\.name) == ["Low", "High", "my-tool", "HighTests"])
        let sources: [(path: String, text: String)] = [
            ("Sources/High/A.swift", "import Foundation\nimport Low\nimport Lib\n"),
            ("Sources/Tool/main.swift", "import High\n@preconcurrency import Low\n"),
            ("Tests/HighTests/T.swift", "import Testing\n@testable import High\nimport struct Low.Thing\n"),
            ("Sources/Low/B.swift", "// import High would be a cycle\nlet x = 1\n"),
        ]
        #expect(PackageManifest.undeclaredImports(targets: targets, sources: sources) == [
            "Sources/Tool/main.swift: my-tool imports Low, which Package.swift does not list among its dependencies",
            "Tests/HighTests/T.swift: HighTests imports Low, which Package.swift does not list among its dependencies",
        ])
    }

    static func swiftFiles(under folder: String) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted().map { folder + "/" + $0 }
    }
}

/// Just enough of Package.swift to know each target's folder and declared dependencies. It reads
/// the manifest's text (the package is not built for this), so it expects the usual spelling:
/// `.target(name: "X", dependencies: ["Y", .product(name: "Z", package: "p")], path: "...")`.
enum PackageManifest {
    struct Target: Equatable {
        var name: String
        var folder: String
        var dependencies: Set<String>
        var excluded: [String]

        /// Module names are target names with characters a Swift name cannot hold as `_`.
        var module: String { PackageManifest.moduleName(name) }
    }

    static let targetKinds = [".target(": "Sources", ".executableTarget(": "Sources", ".testTarget(": "Tests",
                              ".systemLibrary(": "Sources", ".plugin(": "Plugins"]

    static func targets(in manifest: String) -> [Target] {
        let text = Array(withoutComments(manifest))
        var found: [Target] = []
        var index = 0
        while index < text.count {
            guard let (marker, folder) = targetKinds.first(where: { text[index...].starts(with: $0.key) }) else {
                index += 1
                continue
            }
            let open = index + marker.count - 1
            let close = matching(text, open)
            let arguments = Array(text[(open + 1)..<close])
            // A dependency spelt `.target(name:)` sits inside its target's parentheses: skipping
            // past the whole call keeps it from being read as a target of its own.
            index = close + 1
            guard let name = stringArgument("name", in: arguments) else { continue }
            let dependencies = listArgument("dependencies", in: arguments).compactMap(dependencyModule)
            found.append(Target(name: name, folder: stringArgument("path", in: arguments) ?? "\(folder)/\(name)",
                                dependencies: Set(dependencies), excluded: listArgument("exclude", in: arguments).compactMap(stringLiteral)))
        }
        return found
    }

    /// "FILE: TARGET imports MODULE, which ..." for each import of a package module (a target of
    /// this package or a product of a dependency) that the importing target does not declare.
    static func undeclaredImports(targets: [Target], sources: [(path: String, text: String)]) -> [String] {
        var packageModules = Set(targets.map(\.module))
        for target in targets { packageModules.formUnion(target.dependencies) }
        var problems: [String] = []
        for source in sources {
            // The deepest folder wins (a target's folder may sit inside another's).
            guard let target = targets.filter({ source.path.hasPrefix($0.folder + "/") }).max(by: { $0.folder.count < $1.folder.count }) else {
                problems.append("\(source.path): belongs to no target in Package.swift")
                continue
            }
            if target.excluded.contains(where: { source.path.hasPrefix(target.folder + "/" + $0) }) { continue }
            for module in importedModules(source.text) where packageModules.contains(module) {
                if module != target.module, !target.dependencies.contains(module) {
                    problems.append("\(source.path): \(target.name) imports \(module), which Package.swift does not list among its dependencies")
                }
            }
        }
        return problems
    }

    /// The modules a Swift file imports, whatever the attributes (`@testable`, `@preconcurrency`)
    /// or access level in front, and `import struct M.T` as M.
    static func importedModules(_ text: String) -> [String] {
        let kinds: Set<String> = ["struct", "class", "enum", "protocol", "typealias", "func", "var", "let", "actor"]
        let modifiers: Set<String> = ["public", "package", "internal", "fileprivate", "private"]
        var modules: [String] = []
        for line in text.split(separator: "\n") {
            var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            while let first = words.first, first.hasPrefix("@") || modifiers.contains(first) { words.removeFirst() }
            guard words.first == "import", words.count > 1 else { continue }
            let path = kinds.contains(words[1]) && words.count > 2 ? words[2] : words[1]
            modules.append(String(path.split(separator: ".").first ?? ""))
        }
        return modules
    }

    static func moduleName(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
    }

    // MARK: Reading the manifest's text

    /// The text with `//` and `/* */` comments blanked out (strings kept: a URL holds `//`).
    static func withoutComments(_ text: String) -> String {
        var out = ""
        var characters = Array(text)[...]
        var inString = false
        while let character = characters.first {
            if inString {
                if character == "\\" { out.append(character); characters.removeFirst() }
                else if character == "\"" { inString = false }
            } else if character == "\"" {
                inString = true
            } else if characters.starts(with: "//") {
                while let next = characters.first, next != "\n" { characters.removeFirst() }
                continue
            } else if characters.starts(with: "/*") {
                while !characters.isEmpty, !characters.starts(with: "*/") { characters.removeFirst() }
                characters = characters.dropFirst(2)
                continue
            }
            if let next = characters.popFirst() { out.append(next) }
        }
        return out
    }

    /// The index of the bracket closing the one at `open`, strings skipped.
    static func matching(_ text: [Character], _ open: Int) -> Int {
        var depth = 0
        var inString = false
        var index = open
        while index < text.count {
            let character = text[index]
            if inString {
                if character == "\\" { index += 1 } else if character == "\"" { inString = false }
            } else if character == "\"" {
                inString = true
            } else if "([".contains(character) {
                depth += 1
            } else if ")]".contains(character) {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return text.count - 1
    }

    /// The call's arguments split at its own commas (not those inside brackets or strings).
    static func topLevelPieces(_ text: [Character]) -> [[Character]] {
        var pieces: [[Character]] = [[]]
        var index = 0
        while index < text.count {
            let character = text[index]
            if "([\"".contains(character) {
                let end = character == "\"" ? closingQuote(text, index) : matching(text, index)
                pieces[pieces.count - 1] += text[index...min(end, text.count - 1)]
                index = end + 1
                continue
            }
            if character == "," { pieces.append([]) } else { pieces[pieces.count - 1].append(character) }
            index += 1
        }
        return pieces.map { Array(String($0).trimmingCharacters(in: .whitespacesAndNewlines)) }.filter { !$0.isEmpty }
    }

    static func closingQuote(_ text: [Character], _ open: Int) -> Int {
        var index = open + 1
        while index < text.count, text[index] != "\"" { index += text[index] == "\\" ? 2 : 1 }
        return index
    }

    static func argument(_ label: String, in arguments: [Character]) -> [Character]? {
        for piece in topLevelPieces(arguments) where piece.starts(with: Array(label + ":")) {
            return Array(String(piece.dropFirst(label.count + 1)).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return nil
    }

    static func stringArgument(_ label: String, in arguments: [Character]) -> String? {
        argument(label, in: arguments).flatMap(stringLiteral)
    }

    static func listArgument(_ label: String, in arguments: [Character]) -> [[Character]] {
        guard let list = argument(label, in: arguments), list.first == "[", list.last == "]" else { return [] }
        return topLevelPieces(Array(list.dropFirst().dropLast()))
    }

    static func stringLiteral(_ text: [Character]) -> String? {
        guard text.count >= 2, text.first == "\"", text.last == "\"" else { return nil }
        return String(text.dropFirst().dropLast())
    }

    /// `"Name"`, `.target(name: "Name")`, `.byName(name: "Name")` or `.product(name: "Name", ...)`:
    /// the module it makes importable. (A product is taken to vend a module of its own name, as
    /// ArgumentParser and Yams do.)
    static func dependencyModule(_ text: [Character]) -> String? {
        if let name = stringLiteral(text) { return moduleName(name) }
        guard let open = text.firstIndex(of: "("), text.last == ")" else { return nil }
        return stringArgument("name", in: Array(text[(open + 1)..<(text.count - 1)])).map(moduleName)
    }
}
