import JournalApp
import JournalCore
import ShippedPrompts
import Testing
import TerminalUI

/// Every screen rendered to text at the design size (80x24) and a larger one (120x40), with CJK
/// and emoji in the answers. `SNAPSHOT_UPDATE=1 swift test` rewrites Snapshots/ after a change
/// that is meant; review the diff before committing it.
@Suite struct GoldenScreenTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]
    /// Small windows, where a step scrolls and "…" marks what is cut.
    static let smallSizes = [Size(width: 40, height: 12), Size(width: 50, height: 16)]

    /// A journal with history: two earlier entries (one titled in Japanese, one with an emoji), two parts.
    static func journalWithHistory() throws -> InMemoryJournalStore {
        let store = InMemoryJournalStore()
        _ = try store.savePart(Part(id: "inner-critic", name: "Inner critic", role: .manager, colour: "yellow"), expecting: nil)
        _ = try store.savePart(Part(id: "little-one", name: "小さい子", role: .exile, colour: "cyan"), expecting: nil)
        _ = try store.createEntry(Entry(id: "20261127-203000-aaaa", created: LocalDateTime(year: 2026, month: 11, day: 27, hour: 20, minute: 30),
                                        flow: "daily-checkin", title: "静かな夜 🌙", parts: ["little-one"]))
        _ = try store.createEntry(Entry(id: "20261128-081000-bbbb", created: LocalDateTime(year: 2026, month: 11, day: 28, hour: 8, minute: 10),
                                        flow: "unblending", title: "Making room with Inner critic", parts: ["inner-critic"]))
        return store
    }

    func check(_ h: AppHarness, _ name: String) {
        let size = h.app.state.size
        if let problem = Golden.check(h.screen, named: "\(name)-\(size.width)x\(size.height)", size: size) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    @Test(arguments: sizes) func welcome(_ size: Size) {
        check(AppHarness(width: size.width, height: size.height, welcomeSeen: false), "welcome")
    }

    @Test(arguments: sizes) func homeWithHistoryAndADraft(_ size: Size) throws {
        let store = try Self.journalWithHistory()
        let first = AppHarness(width: size.width, height: size.height, store: store)
        first.press(.enter, .enter)
        first.type("途中で")
        first.press(.control("d"), .control("q"))
        check(AppHarness(width: size.width, height: size.height, store: store), "home")
    }

    @Test(arguments: sizes) func homeOnAnEmptyJournal(_ size: Size) {
        check(AppHarness(width: size.width, height: size.height), "home-empty")
    }

    @Test(arguments: sizes) func leavingASession(_ size: Size) {
        let h = AppHarness(width: size.width, height: size.height)
        h.press(.enter, .enter)
        h.type("Tired, but here")
        h.press(.control("x"))
        check(h, "session-leaving")
        h.press(.down, .enter)
        check(h, "session-discard-question")
    }

    @Test(arguments: sizes) func discardingFromHome(_ size: Size) throws {
        let store = try Self.journalWithHistory()
        let first = AppHarness(width: size.width, height: size.height, store: store)
        first.press(.enter, .enter)
        first.type("途中で")
        first.press(.control("d"), .control("q"))
        let h = AppHarness(width: size.width, height: size.height, store: store)
        h.type("d")
        check(h, "home-discard-question")
    }

    @Test(arguments: sizes) func pause(_ size: Size) {
        let h = AppHarness(width: size.width, height: size.height)
        h.press(.enter)
        h.wait(milliseconds: 6_000)
        check(h, "session-pause")
    }

    @Test(arguments: sizes) func longAnswerWithCJKAndEmoji(_ size: Size) {
        let h = AppHarness(width: size.width, height: size.height)
        h.press(.enter, .enter)
        h.type("今日は少し疲れていますが、大丈夫です。 The critic was loud at work 😤 but I noticed it 👍🏽 and breathed.")
        h.press(.enter)
        h.type("Second paragraph: café, naïve, e\u{301}.")
        check(h, "session-long-text")
    }

    @Test(arguments: sizes) func scale(_ size: Size) {
        let h = AppHarness(width: size.width, height: size.height)
        h.press(.enter, .enter, .control("k"))
        h.type("7")
        check(h, "session-scale")
    }

    @Test(arguments: sizes) func selfCheck(_ size: Size) {
        let h = AppHarness(width: size.width, height: size.height)
        h.press(.enter, .enter, .control("k"))
        h.type("3"); h.press(.enter)
        h.type("6"); h.press(.right)              // calm: 6, then one more
        h.press(.down); h.type("1"); h.type("0")  // curiosity: 1 then 0 is 10
        h.press(.down); h.type("1")               // compassion: 1, still highlighted
        check(h, "session-self-check")
    }

    @Test(arguments: sizes) func partPicker(_ size: Size) throws {
        let h = AppHarness(width: size.width, height: size.height, store: try Self.journalWithHistory())
        h.press(.enter, .enter, .control("k"))
        h.type("3"); h.press(.enter, .enter) // stirred, the Self check
        h.press(.down)
        check(h, "session-part")
    }

    /// What Haven hears in a feel-toward answer, shown back in one line with the person's words,
    /// and the four readings to confirm or change, the proposal highlighted.
    /// A flow of two steps: which part, and how you feel toward it (with the shipped lexicon).
    static var feelCheckLibrary: FlowLibrary {
        let flow = PromptSource(name: "feel-check.yaml", text: """
            id: feel-check
            title: Feel check
            steps:
              - id: who
                type: part
                text: Which part?
              - id: feel
                type: feel-toward
                text: How do you feel toward {part}?
            """)
        let lexicon = ShippedPrompts.files.filter { $0.name == "feel-toward-lexicon.yaml" }.map { PromptSource(name: $0.name, text: $0.text) }
        return FlowLibrary(sources: [flow] + lexicon)
    }

    @Test(arguments: sizes) func feelTowardConfirmation(_ size: Size) {
        let h = AppHarness(width: size.width, height: size.height, library: Self.feelCheckLibrary)
        h.press(.enter)
        h.type("The critic"); h.press(.enter)
        h.type("Calm, but I'd like it to leave"); h.press(.enter)
        #expect(h.stepID == "feel-sorting")
        check(h, "session-feel-confirm")
        h.press(.enter) // the proposal, confirmed: the flow ends and its review shows the choice
        guard case .review(let review) = h.app.state.screen else { Issue.record("expected the review"); return }
        #expect(review.entryText.contains("## It sounds like another part may have feelings about The critic, or want something from it (\"leave\"). Is that how it is? {#feel-sorting}\n\nAnother part has feelings about it, or wants something"))
    }

    @Test(arguments: smallSizes) func aStepTallerThanTheWindowScrolls(_ size: Size) {
        let h = AppHarness(width: size.width, height: size.height, library: Self.feelCheckLibrary)
        h.press(.enter)
        h.type("The critic"); h.press(.enter)
        h.type("Calm, but honestly I would like it to leave me alone for a while"); h.press(.enter)
        check(h, "session-small") // the highlighted reading in sight, "…" above where the prompt is cut
        h.press(.pageUp)
        check(h, "session-small-scrolled") // the prompt read from its start, "…" below
        h.press(.up)
        check(h, "session-small-moved") // any other key follows the highlighted reading again
    }

    @Test(arguments: sizes) func choiceAfterHighDistress(_ size: Size) {
        let h = AppHarness(width: size.width, height: size.height)
        h.press(.enter, .enter, .control("k"))
        h.type("9"); h.press(.enter)
        h.press(.down)
        check(h, "session-choice")
    }

    @Test(arguments: sizes) func groundingReturnOffer(_ size: Size) {
        let h = AppHarness(width: size.width, height: size.height)
        h.press(.enter, .enter, .control("g"))
        for _ in 0..<5 { h.press(.enter) }
        h.type("3"); h.press(.enter, .enter)
        check(h, "session-return-offer")
    }

    @Test(arguments: sizes) func review(_ size: Size) {
        let h = AppHarness(width: size.width, height: size.height)
        UpdateLoopTests.completeCheckIn(h)
        h.press(.down)
        check(h, "review")
    }

    @Test(arguments: sizes) func saved(_ size: Size) {
        let h = AppHarness(width: size.width, height: size.height)
        UpdateLoopTests.completeCheckIn(h)
        h.press(.enter)
        check(h, "saved")
    }

    @Test(arguments: sizes) func helpOverlay(_ size: Size) {
        let h = AppHarness(width: size.width, height: size.height)
        h.press(.enter, .enter, .function(1))
        check(h, "help")
    }

    @Test func tooSmall() {
        let h = AppHarness(width: 39, height: 11)
        check(h, "too-small")
    }
}

/// Step kinds the shipped flows do not use yet (several choices, a choice with the person's own
/// words), on a small flow of their own.
@Suite struct WidgetGoldenTests {
    static let library = FlowLibrary(sources: [PromptSource(name: "widgets.yaml", text: """
        id: widgets
        title: Widgets
        description: Every kind of answer.
        minutes: 1
        steps:
          - id: several
            type: multi-choice
            text: What helps you settle? Tick all that fit.
            options: [A walk, Music 🎵, 温かいお茶, Talking to a friend]
            other: true
          - id: own
            type: choice
            text: Which feels closest?
            options: [Calm, Stirred]
            other: true
        """)])

    @Test(arguments: GoldenScreenTests.sizes) func severalChoicesAndOwnWords(_ size: Size) {
        let h = AppHarness(width: size.width, height: size.height, library: Self.library)
        h.press(.enter)
        h.press(.character("2"), .down, .down, .character(" "), .down, .down)
        h.type("歩く 🚶")
        if let problem = Golden.check(h.screen, named: "session-multi-choice-\(size.width)x\(size.height)", size: size) {
            Issue.record(Comment(rawValue: problem))
        }
        h.press(.enter)
        #expect(h.session?.run.answers.last?.value == .choices(["Music 🎵", "Talking to a friend", "歩く 🚶"]))
        h.type("Somewhere in between")
        if let problem = Golden.check(h.screen, named: "session-own-words-\(size.width)x\(size.height)", size: size) {
            Issue.record(Comment(rawValue: problem))
        }
        h.press(.enter)
        guard case .review(let review) = h.app.state.screen else {
            Issue.record("expected the review")
            return
        }
        #expect(review.entryText.contains("## Which feels closest? {#own}\n\nSomewhere in between\n"))
        #expect(h.entryTexts.isEmpty) // the review comes before any saving
    }
}
