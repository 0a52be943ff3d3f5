// swift-tools-version: 6.0
import PackageDescription

// Module layering (see docs/architecture.md):
//   JournalCore   pure model, plain-text format, prompt engine, store protocol
//   JournalFiles  the file store, journal/prompt locations (imports JournalCore)
//   ShippedPrompts the Prompts/ folder embedded at build time (by the EmbedPrompts plugin)
//   TerminalUI    terminal-independent UI kit: buffer, widgets, keymaps, update loop, test terminal
//   CNcursesw, CursesTerminal   the ncurses backend: the only code that touches ncurses
//   JournalApp    the full-screen app's screens (imports JournalCore + TerminalUI)
//   HavenCLI      the line-by-line runner and command output
//   haven         the executable: argument parsing, and wiring the app to the real terminal
let package = Package(
    name: "Haven",
    // Haven is built and tested on Linux only. The line below is what a macOS build would need
    // (Synchronization's Mutex is macOS 15 and later); no macOS build is made or tested.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "haven", targets: ["haven"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(
            name: "JournalCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "JournalFiles",
            dependencies: ["JournalCore"]
        ),
        .executableTarget(
            name: "PromptEmbedder",
            path: "Sources/PromptEmbedder"
        ),
        .plugin(
            name: "EmbedPrompts",
            capability: .buildTool(),
            dependencies: ["PromptEmbedder"]
        ),
        .target(
            name: "ShippedPrompts",
            plugins: ["EmbedPrompts"]
        ),
        .target(
            name: "TerminalUI"
        ),
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(
            name: "CursesTerminal",
            dependencies: ["CNcursesw", "TerminalUI"]
        ),
        .target(
            name: "JournalApp",
            dependencies: ["JournalCore", "TerminalUI"]
        ),
        .target(
            name: "HavenCLI",
            dependencies: ["JournalCore", "JournalFiles", "ShippedPrompts"]
        ),
        .executableTarget(
            name: "haven",
            dependencies: [
                "HavenCLI",
                "JournalApp",
                "JournalCore",
                "JournalFiles",
                "TerminalUI",
                "CursesTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "haven-bench",
            dependencies: ["JournalApp", "JournalCore", "JournalFiles", "TerminalUI", "ShippedPrompts", "CursesTerminal"],
            path: "Sources/HavenBench"
        ),
        .testTarget(
            name: "JournalCoreTests",
            dependencies: ["JournalCore"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "JournalFilesTests",
            dependencies: ["JournalCore", "JournalFiles"]
        ),
        .testTarget(
            name: "TerminalUITests",
            dependencies: ["TerminalUI"]
        ),
        .testTarget(
            name: "JournalAppTests",
            dependencies: ["JournalApp", "JournalCore", "TerminalUI", "ShippedPrompts"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "HavenCLITests",
            // Depends on the executable so `swift test` builds it: the process tests run it.
            dependencies: ["HavenCLI", "JournalCore", "JournalFiles", "ShippedPrompts", "haven"]
        ),
    ]
)
