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
            let same = parsed == entry
            #expect(same, "seed \(seed) changed on a round trip: \(EntryGenerator.difference(parsed, entry))")
            if parsed != entry { return }
            // Writing again gives the same bytes: a rewrite of an unchanged entry changes nothing.
            #expect(EntryFormat.render(parsed) == text, "seed \(seed) rewrites differently")
        }
    }
}

@Suite struct EntryFormatExamples {
    static let sample = """
        ---
        id: 20261129-210312-k3f9
        created: 2026-11-29T21:03:12+01:00
        flow: daily-checkin
        title: Daily check-in
        parts: [inner-critic]
        tags: [work]
        starred: false
        self_energy: {calm: 6, curiosity: 7}
        distress:
        - {step: stirred, value: 4}
        mood: stormy
        weather:
          sky: grey
          wind: [north, strong]
        ---

        ## How are you arriving today? {#arriving}

        Tired, but here.
        ## Not a real heading, just a line I wrote
        ---

        ## Which part of you is most around today? {#around}

        Inner critic

        """

    @Test func readsEveryKnownField() throws {
        let entry = try EntryFormat.parse(Self.sample)
        #expect(entry.id == "20261129-210312-k3f9")
        #expect(entry.created == LocalDateTime(year: 2026, month: 11, day: 29, hour: 21, minute: 3, second: 12, utcOffsetMinutes: 60))
        #expect(entry.flow == "daily-checkin")
        #expect(entry.parts == ["inner-critic"])
        #expect(entry.tags == ["work"])
        #expect(entry.selfEnergy.ratings == [.calm: 6, .curiosity: 7])
        #expect(entry.distress == [DistressReading(stepID: "stirred", value: 4)])
        #expect(entry.sections.map(\.stepID) == ["arriving", "around"])
        #expect(entry.sections[0].text == "Tired, but here.\n## Not a real heading, just a line I wrote\n---")
        #expect(entry.sections[1].text == "Inner critic")
    }

    @Test func unknownKeysSurviveARewriteInOrder() throws {
        var entry = try EntryFormat.parse(Self.sample)
        #expect(entry.extraFields.map(\.key) == ["mood", "weather"])
        entry.title = "A new title"
        entry.starred = true
        let rewritten = EntryFormat.render(entry)
        #expect(rewritten.contains("mood: stormy\nweather:\n  sky: grey\n  wind: [north, strong]\n"))
        let reread = try EntryFormat.parse(rewritten)
        #expect(reread.extraFields == entry.extraFields)
        #expect(reread.title == "A new title")
    }

    @Test func anUnchangedEntryIsWrittenBackByteForByte() throws {
        let text = EntryFormat.render(try EntryFormat.parse(Self.sample))
        #expect(EntryFormat.render(try EntryFormat.parse(text)) == text)
    }

    @Test func answersThatLookLikeStructureAreEscapedAndRestored() throws {
        let tricky = "line one\n## Sneaky {#arriving}\n\\## Already escaped {#x}\n---\n# Title"
        let entry = Entry(id: "e1", created: LocalDateTime(year: 2026, month: 1, day: 2),
                          sections: [EntrySection(stepID: "q", heading: "Q", text: tricky)])
        let text = EntryFormat.render(entry)
        #expect(text.contains("\n\\## Sneaky {#arriving}\n\\\\## Already escaped {#x}\n---\n# Title\n"))
        #expect(try EntryFormat.parse(text) == entry)
    }

    @Test func windowsLineEndsAreReadAndWrittenAsNewlines() throws {
        let crlf = Self.sample.replacingAll("\n", with: "\r\n")
        let entry = try EntryFormat.parse(crlf)
        #expect(entry.sections[1].text == "Inner critic")
        #expect(!EntryFormat.render(entry).contains("\r"))
    }

    @Test func aHandWrittenFileWithoutIdUsesTheFileName() throws {
        let entry = try EntryFormat.parse("---\ncreated: 2026-01-02T08:00:00+00:00\n---\n\nJust some free writing.\n",
                                          fallbackID: "20260102-080000-entry")
        #expect(entry.id == "20260102-080000-entry")
        #expect(entry.preamble == "Just some free writing.")
        #expect(entry.sections.isEmpty)
        #expect(entry.headline == "Just some free writing.")
    }

    @Test(arguments: [
        ("", 1, "empty"),
        ("just some text\n", 1, "front matter"),
        ("---\nid: x\ncreated: 2026-01-01T00:00:00Z\n", 3, "closing"),
        ("---\nid: x\ntitle: [unclosed\ncreated: 2026-01-01T00:00:00Z\n---\nbody\n", 4, "YAML"),
        ("---\nid: x\n---\nbody\n", 2, "created"),
        ("---\nid: x\ncreated: yesterday\n---\n", 3, "date"),
        ("---\nid: x\ncreated: 2026-01-01T00:00:00Z\nstarred: maybe\n---\n", 4, "true or false"),
        ("---\nid: x\ncreated: 2026-01-01T00:00:00Z\nself_energy: {calm: 11}\n---\n", 4, "0 to 10"),
        ("---\nid: x\ncreated: 2026-01-01T00:00:00Z\nself_energy: {joy: 3}\n---\n", 4, "unknown Self quality"),
        ("---\nid: x\nid: y\ncreated: 2026-01-01T00:00:00Z\n---\n", 3, "twice"),
        ("---\n- a list\n---\n", 2, "key: value"),
    ])
    func brokenFilesAreReportedWithLineAndReason(_ text: String, _ line: Int, _ reasonPart: String) {
        #expect {
            try EntryFormat.parse(text)
        } throws: { error in
            guard let error = error as? FormatError else { return false }
            return error.line == line && error.reason.contains(reasonPart)
        }
    }
}

/// A star or a later note on a file written by hand leaves its writing exactly as it was.
@Suite struct KeepingTheBodyTests {
    static let handWritten = "---\nid: 20260101-090000-hand\ncreated: 2026-01-01T09:00:00Z\n---\n\nplain\n## Heading {#x}\nanswer right under\n\tindented\n## Heading {#x}\nagain"

    @Test func aStarRewritesOnlyTheFrontMatter() throws {
        var entry = try EntryFormat.parse(Self.handWritten)
        entry.starred = true
        let text = EntryFormat.render(entry, keepingBodyOf: Self.handWritten)
        #expect(text.hasSuffix("\nplain\n## Heading {#x}\nanswer right under\n\tindented\n## Heading {#x}\nagain"))
        #expect(text.contains("starred: true"))
        #expect(try EntryFormat.parse(text) == entry)
    }

    @Test func aNoteIsAddedAfterTheWritingAsItWas() throws {
        var entry = try EntryFormat.parse(Self.handWritten)
        entry.sections.append(EntrySection(stepID: "later-note", heading: "A later note, 2026-01-02 10:00", text: "Seen again."))
        let text = EntryFormat.render(entry, keepingBodyOf: Self.handWritten)
        #expect(text.contains("## Heading {#x}\nagain\n\n## A later note, 2026-01-02 10:00 {#later-note}\n\nSeen again.\n"))
        #expect(text.contains("\nplain\n## Heading {#x}\nanswer right under\n\tindented\n"))
        #expect(try EntryFormat.parse(text) == entry)
    }

    @Test func changedWritingIsRenderedWhole() throws {
        var entry = try EntryFormat.parse(Self.handWritten)
        entry.preamble = "changed"
        #expect(EntryFormat.render(entry, keepingBodyOf: Self.handWritten) == EntryFormat.render(entry))
        #expect(EntryFormat.render(entry, keepingBodyOf: "not an entry at all") == EntryFormat.render(entry))
    }
}

@Suite struct PartFormatTests {
    static func samplePart() -> Part {
        let day = LocalDateTime(year: 2026, month: 3, day: 4, hour: 9, utcOffsetMinutes: 120)
        return Part(id: "inner-critic", name: "Inner critic", formerNames: ["The judge"], role: .manager, created: day,
                    apparentAge: "about 40", bodyLocation: "jaw", feelings: ["tense", "watchful"],
                    beliefs: ["if I relax, we fail"], job: "keeps standards high", positiveIntent: "wants me safe from shame",
                    fears: ["being laughed at"], protects: ["little-one"], polarizedWith: ["the-numb-one"], allies: ["planner"],
                    permissions: [PartPermission(date: day, request: "visit the little one", answer: .notYet)],
                    promises: [PartPromise(made: day, text: "check in every morning", kept: day)],
                    feelToward: [FeelTowardRecord(date: day, answer: "annoyed: \"again\"", chosen: .concernedPart)],
                    colour: "yellow", extraFields: [FrontMatterField(key: "symbol", value: .text("🦉"))],
                    notes: "It showed up first at work.\n\n## Later\nSofter now.")
    }

    @Test func aFullPartRoundTrips() throws {
        var part = Self.samplePart()
        part.trust = [TrustRecord(date: part.created!, rating: 3), TrustRecord(date: part.created!, rating: 10)]
        let text = PartFormat.render(part)
        #expect(try PartFormat.parse(text) == part)
        #expect(text.hasPrefix("---\nid: inner-critic\nname: Inner critic\nformer_names: [The judge]\nrole: manager\n"))
        #expect(text.hasSuffix("---\n\nIt showed up first at work.\n\n## Later\nSofter now.\n"))
    }

    @Test func generatedPartsRoundTrip() throws {
        for seed in UInt64(1)...300 {
            var generator = EntryGenerator(seed: seed)
            var part = Self.samplePart()
            part.name = generator.text(maxPieces: 4, allowNewlines: false, yaml: true)
            part.feelings = (0..<generator.int(0...3)).map { _ in generator.text(maxPieces: 3, yaml: true) }
            part.notes = generator.text()
            part.extraFields = [FrontMatterField(key: "x", value: generator.frontMatterValue())]
            let parsed = try PartFormat.parse(PartFormat.render(part))
            let same = parsed == part
            #expect(same, "seed \(seed) changed on a round trip")
            if parsed != part { return }
        }
    }

    @Test func trustInSelfIsWrittenAsDatedRatingsAndCheckedOnReading() throws {
        var part = Part(id: "a", name: "A")
        part.trust = [TrustRecord(date: LocalDateTime(year: 2026, month: 5, day: 1, hour: 8, utcOffsetMinutes: 0), rating: 4)]
        #expect(PartFormat.render(part).contains("trust_in_self:\n  - {date: 2026-05-01T08:00:00+00:00, rating: 4}\n"))
        #expect(throws: FormatError.self) {
            try PartFormat.parse("---\nid: a\nname: A\ntrust_in_self:\n  - {date: 2026-05-01T08:00:00Z, rating: 11}\n---\n")
        }
        #expect(throws: FormatError.self) {
            try PartFormat.parse("---\nid: a\nname: A\ntrust_in_self:\n  - {rating: 3}\n---\n")
        }
    }

    @Test func roleMustBeOneThePersonCanChoose() {
        #expect(throws: FormatError.self) {
            try PartFormat.parse("---\nid: a\nname: A\nrole: villain\n---\n")
        }
        #expect((try? PartFormat.parse("---\nid: a\nname: A\nrole: Self-like\n---\n"))?.role == .selfLike)
    }
}

@Suite struct FrontMatterRewriteTests {
    @Test func aMultiLinePlainValueIsWrittenBackQuotedNotBroken() throws {
        let text = "---\nid: p\nname: P\nstory: it started\n  at school\n\n  and never stopped\nending: a\n\n  ---\nother: x\n---\n\nnotes\n"
        let part = try PartFormat.parse(text)
        let rewritten = PartFormat.render(part)
        let reread = try PartFormat.parse(rewritten)
        #expect(reread.extraFields.map(\.key) == ["story", "ending", "other"])
        #expect(reread.notes == "notes")
        guard case .scalar(let story, _)? = reread.extraFields.first?.value else {
            Issue.record("story is gone")
            return
        }
        #expect(story == "it started at school\nand never stopped")
    }

    @Test func explicitlyTaggedTextStaysText() throws {
        let part = try PartFormat.parse("---\nid: p\nname: P\nts: !!str 42\n---\n")
        #expect(PartFormat.render(part).contains("ts: \"42\"\n"))
    }

    @Test func noncharactersAreEscapedSoTheFileCanBeRead() throws {
        let entry = Entry(id: "e", created: LocalDateTime(year: 2026, month: 1, day: 1), title: "Crit\u{FFFF}ic\u{FFFE}")
        #expect(try EntryFormat.parse(EntryFormat.render(entry)) == entry)
    }
}
