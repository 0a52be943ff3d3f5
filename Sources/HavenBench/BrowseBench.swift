import Foundation
import JournalApp
import JournalCore
import JournalFiles
import ShippedPrompts
import TerminalUI

/// The entries browser on a real journal (docs/performance.md): reading the index, opening the
/// app to a drawn entries list, and search-as-you-type, key by key. In process, release build;
/// the whole-process figures come from timing `haven list` and `haven search` with hyperfine.
enum BrowseBench {
    static func milliseconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    static func run(journal: String, cache: String?) -> Int32 {
        let cacheFolder = cache.map { EntryIndex.cacheFolder(cacheHome: $0, journalRoot: journal) }
        let index = EntryIndex(journalRoot: journal, cacheFolder: cacheFolder)
        guard let first = try? index.loadSummaries() else {
            print("cannot read the journal at \(journal)")
            return 74
        }
        print("Journal: \(journal), \(first.entries.count) entries" + (cacheFolder.map { ", index in \($0)" } ?? ", no index"))

        let listing = (0..<7).map { _ in milliseconds { _ = try? PosixFileSystem().listFiles(under: journal + "/entries") } }
        let loads = (0..<7).map { _ in milliseconds { _ = try? index.loadSummaries() } }
        let loaded = (try? index.loadSummaries()) ?? first
        let searches = (0..<7).map { _ in
            milliseconds { _ = loaded.matching(EntryFilter(), query: SearchQuery("lighthouse")) }
        }
        print(String(format: "list the entry files with their stamps      median %7.2f ms", median(listing)))
        print(String(format: "load the index (unchanged journal)          median %7.2f ms", median(loads)))
        print(String(format: "search one word in all entries (text read)  median %7.2f ms", median(searches)))

        // The app: from nothing to the entries list drawn at 80x24.
        let library = FlowLibrary(sources: ShippedPrompts.files.map { PromptSource(name: $0.name, text: $0.text) })
        let store = FileJournalStore(root: journal)
        func makeApp() -> (HavenApp, TestTerminal) {
            let environment = AppEnvironment(
                store: store, library: library, clock: .fixed(LocalDateTime(year: 2026, month: 11, day: 29, hour: 9)),
                monotonicMilliseconds: { 0 }, ids: .counting(), journalPath: journal, editText: { .success($0) },
                welcomeSeen: { true }, markWelcomeSeen: {}, colour: true, summaries: index)
            let terminal = TestTerminal(size: Size(width: 80, height: 24))
            return (HavenApp(environment: environment, size: terminal.size), terminal)
        }
        let opens = (0..<5).map { _ in
            milliseconds {
                let (app, terminal) = makeApp()
                for effect in app.startEffects { for msg in app.perform(effect, terminal: terminal) { Runtime.dispatch(msg, to: app, terminal: terminal) } }
                Runtime.dispatch(.key(.character("l")), to: app, terminal: terminal)
                var frame = Frame(size: terminal.size)
                app.view(into: &frame)
            }
        }
        print(String(format: "open the app to a drawn entries list        median %7.2f ms  (target 60 ms with process start)", median(opens)))

        let (app, terminal) = makeApp()
        for effect in app.startEffects { for msg in app.perform(effect, terminal: terminal) { Runtime.dispatch(msg, to: app, terminal: terminal) } }
        Runtime.dispatch(.key(.character("l")), to: app, terminal: terminal)
        Runtime.dispatch(.key(.character("/")), to: app, terminal: terminal)
        var perKey: [Double] = []
        for round in 0..<5 {
            for character in "lighthouse" {
                perKey.append(milliseconds {
                    Runtime.dispatch(.key(.character(character)), to: app, terminal: terminal)
                    var frame = Frame(size: terminal.size)
                    app.view(into: &frame)
                })
            }
            for _ in 0..<10 { Runtime.dispatch(.key(.backspace), to: app, terminal: terminal) }
            _ = round
        }
        let sorted = perKey.sorted()
        print(String(format: "search as you type, per key (update + view) median %6.2f ms, p95 %6.2f ms, max %6.2f ms  (target 16 ms)",
                     sorted[sorted.count / 2], sorted[min(sorted.count - 1, sorted.count * 95 / 100)], sorted.last!))
        return 0
    }
}
