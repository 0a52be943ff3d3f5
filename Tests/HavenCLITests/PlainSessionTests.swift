import Foundation
import HavenCLI
import JournalCore
import Testing

/// `haven write --plain`, run in process on an in-memory journal: flows as transcripts of lines.
@Suite struct PlainSessionTests {
    static let calmDay = ["Tired but here", "the meeting went fine", ".", "4", "6", "7", "", "5",
                          "The worrier", "Checking the stove twice", ".", "chest", "Always one step ahead", "2", "2", "Thanks, sun"]

    @Test func aPipedDailyCheckInBecomesAnEntryAndAPart() throws {
        let haven = InProcessHaven()
        let (status, console) = haven.write(input: Self.calmDay)
        #expect(status == 0)
        #expect(console.errors == "")
        let path = "entries/2026/11/20261129-083005-daily-checkin.md"
        #expect(Array(haven.entryFiles.keys) == [path])
        #expect(haven.entryFiles[path] == """
            ---
            id: 20261129-083005-0001
            created: 2026-11-29T08:30:05+01:00
            flow: daily-checkin
            title: Tired but here
            parts: [the-worrier]
            tags: []
            starred: false
            self_energy: {calm: 6, curiosity: 7, connectedness: 5}
            distress:
              - {step: stirred, value: 4}
            ---

            ## How are you arriving today? {#arriving}

            Tired but here
            the meeting went fine

            ## How stirred up does your inner world feel right now? {#stirred}

            4 of 10 (0 = settled, 10 = overwhelmed)

            ## How much of each of these can you sense in yourself right now? {#self-energy}

            - Calm: 6
            - Curiosity: 7
            - Connectedness: 5

            ## Which part of you is most around today? {#around}

            The worrier

            ## What is The worrier doing or wanting today? {#part-doing}

            Checking the stove twice

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

            """)
        let part = try PartFormat.parse(try #require(haven.store.files["parts/the-worrier.md"]))
        #expect(part.name == "The worrier" && part.bodyLocation == "chest" && part.role == .unknown)
        #expect(part.notes == "2026-11-29: Always one step ahead") // the first impression of a new part
        #expect(haven.store.files.keys.filter { $0.hasPrefix("drafts/") }.isEmpty)
        #expect(haven.store.trash.keys.contains("trash/drafts/20261129-083005-0001.json"))
        #expect(console.output.hasSuffix("Saved: /journal/\(path)\nUpdated part: The worrier (new): in the body, notes (parts/the-worrier.md)\n"))
    }

    @Test func endOfInputKeepsADraftAndSaysHowToResume() throws {
        let haven = InProcessHaven()
        let (status, console) = haven.write(input: ["Tired", "still typing"])
        #expect(status == 0)
        #expect(haven.entryFiles.isEmpty)
        let draftText = try #require(haven.store.files["drafts/20261129-083005-0001.json"])
        let draft = try DraftFormat.parse(draftText)
        #expect(draft.run.answers.map(\.value) == [.text("Tired\nstill typing")]) // the unfinished answer is kept
        #expect(console.errors.contains("input ended before the flow finished"))
        #expect(console.errors.contains("haven write --plain --resume latest"))
    }

    @Test func aResumedSessionContinuesWhereItStopped() throws {
        let haven = InProcessHaven()
        _ = haven.write(input: ["Tired but here", "the meeting went fine", ".", "4"])
        #expect(haven.entryFiles.isEmpty)
        let (status, console) = haven.write(.init(resume: ""), input: Array(Self.calmDay.dropFirst(4)))
        #expect(status == 0)
        #expect(console.output.hasPrefix("Resuming the session from 2026-11-29 08:30."))
        let text = try #require(haven.entryFiles.values.first)
        #expect(text.contains("Tired but here\nthe meeting went fine\n"))
        #expect(text.contains("- {step: stirred, value: 4}"))
        #expect(text.contains("Thanks, sun"))
    }

    @Test func answersThatDoNotFitAreAskedAgainWithAHint() throws {
        let haven = InProcessHaven()
        var input = Self.calmDay
        input.insert("eleven", at: 3)
        input.insert("12", at: 4)
        let (status, console) = haven.write(input: input)
        #expect(status == 0)
        #expect(console.output.contains("> " + "  (give a whole number from 0 to 10)\n> " + "  (give a whole number from 0 to 10)\n> "))
        #expect(haven.entryFiles.values.first?.contains("{step: stirred, value: 4}") == true)
    }

    @Test func backSkipGroundAndFinishCommands() throws {
        let haven = InProcessHaven()
        let (status, console) = haven.write(input: [
            "First try", ".", ":back", "Second try", ".", // back to the long answer, offered again
            ":ground", "3",                               // grounding from anywhere, then the same prompt
            "4", ":skip", ":finish",
        ])
        #expect(status == 0)
        #expect(console.output.contains("(before, you answered: First try; answer again or press Enter to skip)"))
        #expect(console.output.contains("[Ground and steady, 1/7]"))
        let text = try #require(haven.entryFiles.values.first)
        #expect(text.contains("Second try"))
        #expect(!text.contains("First try"))
        #expect(text.contains("  - {step: grounding.now, value: 3}\n  - {step: stirred, value: 4}\n"))
        #expect(!text.contains("{#self-energy}"))
        #expect(!text.contains("{#around}"))
    }

    @Test func aChoiceCanBeAnsweredByItsWords() throws {
        let haven = InProcessHaven()
        let (status, _) = haven.write(input: ["", "9", "i'd like to stop for today"])
        #expect(status == 0)
        let text = try #require(haven.entryFiles.values.first)
        #expect(text.contains("I'd like to stop for today"))
    }

    @Test func anUnknownFlowOrDraftIsAUsageError() {
        let haven = InProcessHaven()
        let unknown = haven.write(.init(flowID: "no-such-flow"), input: [])
        #expect(unknown.status == 64)
        #expect(unknown.console.errors.contains("there is no flow called 'no-such-flow'"))
        let noDraft = haven.write(.init(resume: ""), input: [])
        #expect(noDraft.status == 64)
        #expect(noDraft.console.errors.contains("there is no unfinished session to resume"))
    }

    @Test func theEmbeddedPromptsAreTheFilesInPrompts() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Prompts")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        let embedded = HavenContext.shippedPromptSources
        #expect(embedded.map(\.name) == names.map { "Prompts/\($0)" })
        for source in embedded {
            let onDisk = try String(contentsOf: folder.appendingPathComponent(String(source.name.dropFirst(8))), encoding: .utf8)
            #expect(source.text == onDisk, "\(source.name) differs from the embedded copy")
        }
    }
}

@Suite struct PlainResumeTests {
    @Test func resumingOffersTheAnswerTheAppWasKeeping() throws {
        let haven = InProcessHaven()
        let (context, _) = haven.context(input: [])
        let engine = FlowEngine(library: context.library, knownParts: [])
        var run = try engine.start(flowID: "daily-checkin", at: TestClock.morning)
        try engine.answer(.acknowledge, run: &run) // past the opening pause, at "arriving"
        try haven.store.saveDraft(Draft(entryID: "20261129-083005-0009", savedAt: TestClock.morning, run: run,
                                        pendingAnswer: "kept from the app"))
        let (status, console) = haven.write(.init(resume: ""), input: ["", ":finish"])
        #expect(status == 0)
        #expect(console.output.contains("(you had started: kept from the app)"))
        #expect(haven.entryFiles.values.first?.contains("kept from the app") == true)
    }

    @Test func aPartFileThatCannotBeReadKeepsTheDraftAndSaysSo() throws {
        let haven = InProcessHaven()
        _ = haven.write(input: PlainSessionTests.calmDay) // creates parts/the-worrier.md
        haven.store.writeOutside(path: "parts/the-worrier.md", text: "---\nname: [broken\n---\n")
        var secondDay = PlainSessionTests.calmDay
        secondDay[secondDay.count - 1] = "Thanks, rain"
        let (status, console) = haven.write(input: secondDay)
        #expect(status == 65)
        #expect(console.errors.contains("part 'the-worrier'"))
        #expect(haven.store.files.keys.contains { $0.hasPrefix("drafts/") })
        #expect(haven.entryFiles.count == 2) // the writing itself is saved
    }
}

/// In plain mode too, the proposal is shown back and the person's own reading is what is kept.
@Suite struct PlainFeelTowardTests {
    @Test func theProposalIsShownAndThePersonChooses() throws {
        let haven = InProcessHaven()
        // Making room with a new part: the agenda beside a Self word is proposed as another part;
        // the person says they do feel open toward it.
        let (status, console) = haven.write(.init(flowID: "unblending"), input: [
            "The critic", "Calm, but I'd like it to leave", "1", "What do you want me to know?", ".",
        ])
        #expect(status == 0)
        #expect(console.output.contains("It sounds like another part may have feelings about The critic, or want something from it (\"leave\"). Is that how it is?"))
        #expect(console.output.contains("  1. I do feel open toward it\n  2. It's the part's own feeling; I'm in it\n  3. Another part has feelings about it, or wants something\n  4. I'm not sure\n"))
        #expect(console.output.contains("(Haven's guess is 3; type its number to agree, or another; an empty line leaves it open)"))
        let part = try #require(haven.store.files["parts/the-critic.md"])
        #expect(part.contains("{date: 2026-11-29T08:30:05+01:00, answer: \"Calm, but I'd like it to leave\", chosen: self, proposed: concerned-part}")
                || part.contains("chosen: self, proposed: concerned-part"))
    }

    @Test func anEmptyLineLeavesItOpenAndNothingIsActedOn() throws {
        let haven = InProcessHaven()
        let (_, console) = haven.write(.init(flowID: "unblending"), input: ["The critic", "curious", "", "2", ""])
        #expect(console.output.contains("Would you like to sit quietly with The critic for a moment and ask again, or pause here kindly?"))
        let part = try #require(haven.store.files["parts/the-critic.md"])
        #expect(!part.contains("chosen:"))
        #expect(part.contains("proposed: self"))
    }

    @Test func promptsFeelShowsTheProposalAndItsWords() throws {
        let (context, console) = InProcessHaven().context(input: [])
        #expect(Commands.promptsFeel("I couldn't be more curious", json: false, context: context) == 0)
        #expect(console.output.hasPrefix("Proposes: some Self here (self)\nMatched:\n  \"curious\"  self list (a sign of Self); counts toward self\n"))
        let (jsonContext, jsonConsole) = InProcessHaven().context(input: [])
        _ = Commands.promptsFeel("I need it to calm down", json: true, context: jsonContext)
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(jsonConsole.output.utf8)) as? [String: Any])
        #expect(decoded["proposed"] as? String == "concerned-part")
        let cues = try #require(decoded["cues"] as? [[String: Any]])
        #expect(cues.compactMap { $0["words"] as? String } == ["need it to", "calm down"])
        #expect(cues.allSatisfy { $0["list"] as? String == "agenda" && $0["counts_toward"] as? String == "concerned-part" })
    }

    @Test func aDoubtfulPartNameIsRefusedUnlessTypedAgain() throws {
        // "4" at the part prompt is asked about; the next line, another name, is used instead.
        let haven = InProcessHaven()
        let (_, console) = haven.write(input: ["Tired", ".", "3", "", "", "", "", "4", "The worrier", ":finish"])
        #expect(console.output.contains("(Is '4' the name of a part? Type it again to use it, or type another.)"))
        #expect(haven.store.files["parts/the-worrier.md"] != nil)
        #expect(haven.store.files["parts/4.md"] == nil)

        // Typed again, it is the person's choice.
        let again = InProcessHaven()
        _ = again.write(input: ["Tired", ".", "3", "", "", "", "", "4", "4", ":finish"])
        #expect(try PartFormat.parse(try #require(again.store.files["parts/4.md"])).name == "4")
    }

    @Test func quickCaptureSavesAFreeEntryWithItsTagsAndParts() throws {
        let haven = InProcessHaven()
        _ = try haven.store.savePart(Part(id: "inner-critic", name: "Inner critic", formerNames: ["The judge"]), expecting: nil)
        _ = try haven.store.savePart(Part(id: "little-one", name: "Éloïse"), expecting: nil)
        let (context, console) = haven.context(input: [])
        #expect(try Commands.capture("Slept badly; the JUDGE was loud, eloise hid #work", date: nil, context: context) == 0)
        let path = try #require(haven.entryFiles.keys.first)
        #expect(console.output == "Saved: /journal/\(path)\n")
        #expect(path == "entries/2026/11/20261129-083005-entry.md")
        let entry = try EntryFormat.parse(try #require(haven.entryFiles[path]))
        #expect(entry.flow == nil && entry.title == "Slept badly; the JUDGE was loud, eloise hid #work")
        #expect(entry.parts == ["inner-critic", "little-one"] && entry.tags == ["work"])
        #expect(entry.preamble == "Slept badly; the JUDGE was loud, eloise hid #work")
        #expect(PartMatcher.mentioned(in: "a judgement call", parts: [Part(id: "j", name: "judge")]).isEmpty) // whole words only
        #expect(PartMatcher.mentioned(in: "x marks the spot, slept 4 hours", parts: [Part(id: "x", name: "x"), Part(id: "4", name: "4")]).isEmpty)
    }

    @Test func quickCaptureFromStandardInputAndDatedInThePast() throws {
        let haven = InProcessHaven()
        let (context, _) = haven.context(input: ["First line", "", "More after a blank line @sam"])
        #expect(try Commands.capture(nil, date: "2026-11-20 18:30", context: context) == 0)
        let entry = try EntryFormat.parse(try #require(haven.entryFiles["entries/2026/11/20261120-183000-entry.md"]))
        #expect(entry.preamble == "First line\n\nMore after a blank line @sam")
        #expect(entry.created == LocalDateTime(year: 2026, month: 11, day: 20, hour: 18, minute: 30, utcOffsetMinutes: 60))
        #expect(entry.tags == ["sam"])

        let (empty, _) = InProcessHaven().context(input: [])
        do {
            _ = try Commands.capture(nil, date: nil, context: empty)
            Issue.record("an empty text was saved")
        } catch {
            #expect(error.status == 65 && error.message == "haven: nothing to save: the text is empty")
        }
        let (future, _) = InProcessHaven().context(input: [])
        do {
            _ = try Commands.capture("x", date: "2026-12-25", context: future)
            Issue.record("a future date was taken")
        } catch {
            #expect(error.status == 64 && error.message.contains("is in the future"))
        }
    }

    @Test func aPlainSessionCanBeDatedInThePast() throws {
        let haven = InProcessHaven()
        let (status, _) = haven.write(.init(flowID: "evening-review", date: "yesterday"), input: ["A quiet day", ".", ":finish"])
        #expect(status == 0)
        let path = try #require(haven.entryFiles.keys.first)
        #expect(path.hasPrefix("entries/2026/11/20261128-083005-evening-review"))
    }
}

