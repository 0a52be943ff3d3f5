import Testing
@testable import JournalCore

@Suite struct EntryFormatRoundTrip {
    @Test func generatedEntriesSurviveWriteThenRead() throws {
        for seed in UInt64(1)...1_500 {
            var generator = EntryGenerator(seed: seed)
            let entry = generator.entry()
            let text = EntryFormat.render(entry)
            let parsed: Entry
            do {
                parsed = try EntryFormat.parse(text)
            } catch {
                Issue.record("seed \(seed): written file does not parse: \(error)\n\(text)")
                return
            }
            #expect(parsed == entry, "seed \(seed) changed on a round trip:\n\(text)")
            if parsed != entry { return }
            // Writing again gives the same bytes: a rewrite of an unchanged entry changes nothing.
            #expect(EntryFormat.render(parsed) == text, "seed \(seed) rewrites differently")
        }
    }
}
