import JournalApp
import JournalCore
import Testing
import TerminalUI

/// A way out of a session from any step: leave it as a draft, or discard it (asked once, to the
/// trash, undone with `u` on the home screen). The review and the home screen can discard too.
@Suite struct LeavingSessionTests {
    /// Today's check-in with words typed into its first question, not yet given.
    func midSession(_ h: AppHarness) {
        h.press(.enter, .enter)
        h.type("half a thought")
    }

    var trashedDrafts: (AppHarness) -> [String] { { h in h.store.trash.keys.filter { $0.hasPrefix("trash/drafts/") }.sorted() } }

    @Test func leavingKeepsADraftWithWhatWasTypedAndSaysSo() {
        let h = AppHarness()
        midSession(h)
        h.press(.control("x"))
        #expect(h.screen.contains("Leave this session?"))
        #expect(h.screen.contains("▸ Leave for now: keep it as a draft"))
        #expect(h.screen.contains("Discard this session"))
        #expect(h.screen.contains("Enter choose"))
        h.press(.enter)
        guard case .home = h.app.state.screen else { Issue.record("not home: \(h.app.state.screen)"); return }
        #expect(h.screen.contains("Kept as a draft, with what you typed: r on the home screen resumes it."))
        #expect(h.screen.contains("unfinished session (Daily check-in)"))
        #expect(h.draftFiles.count == 1)
        #expect(h.entryTexts.isEmpty)
        h.type("r")
        #expect(h.stepID == "arriving")
        #expect(h.screen.contains("half a thought"))
    }

    @Test func escapeOrGoOnReturnsToTheStepAsItWas() {
        let h = AppHarness()
        midSession(h)
        let before = h.session
        h.press(.control("x"), .escape)
        #expect(h.session == before)
        #expect(!h.screen.contains("Leave this session?"))
        h.press(.control("x"), .down, .down, .enter)
        #expect(h.session == before)
        h.type(" more")
        #expect(h.screen.contains("half a thought more")) // typing goes on where it was
    }

    @Test func discardingAsksOnceMovesToTheTrashAndUndoBringsItBack() throws {
        let h = AppHarness()
        midSession(h)
        h.press(.control("x"), .down, .enter)
        #expect(h.screen.contains("Discard this session (Daily check-in)? It goes to the trash folder; u on"))
        #expect(h.screen.contains("y discard"))
        #expect(h.draftFiles.count == 1) // nothing moved yet
        h.press(.escape) // no: back to the menu, on "Discard"
        #expect(h.screen.contains("▸ Discard this session"))
        h.press(.enter)
        h.type("y")
        guard case .home = h.app.state.screen else { Issue.record("not home"); return }
        #expect(h.draftFiles.isEmpty)
        #expect(trashedDrafts(h).count == 1)
        #expect(h.screen.contains("Daily check-in moved to the trash. u brings it back."))
        #expect(!h.screen.contains("unfinished session"))

        // The trash holds the session as it was on screen, the words being typed too.
        let trashed = try DraftFormat.parse(try #require(h.store.trash[trashedDrafts(h)[0]]))
        #expect(trashed.pendingAnswer == "half a thought")

        h.type("u")
        #expect(h.draftFiles.count == 1)
        #expect(trashedDrafts(h).isEmpty)
        #expect(h.screen.contains("Daily check-in is back: r resumes it."))
        h.type("u")
        #expect(h.screen.contains("Nothing to undo."))
        h.type("r")
        #expect(h.screen.contains("half a thought"))
    }

    @Test func theReviewCanDiscardAfterAskingOnce() {
        let h = AppHarness()
        midSession(h)
        h.press(.control("s"))
        guard case .review = h.app.state.screen else { Issue.record("not the review"); return }
        h.type("d")
        #expect(h.screen.contains("Discard this session (Daily check-in)?"))
        h.type("n") // no: straight back to the review
        guard case .review = h.app.state.screen else { Issue.record("not the review"); return }
        #expect(h.session?.leaving == nil && h.review?.session.leaving == nil)
        h.type("d")
        h.press(.enter)
        guard case .home = h.app.state.screen else { Issue.record("not home"); return }
        #expect(h.draftFiles.isEmpty && h.entryTexts.isEmpty)
        #expect(trashedDrafts(h).count == 1)
        // Ctrl-X works in the review as on a step.
        midSession(h)
        h.press(.control("s"), .control("x"), .enter)
        #expect(h.draftFiles.count == 1)
    }

    @Test func dOnTheHomeScreenAsksFirstAndUndoWorksThere() {
        let h = AppHarness()
        midSession(h)
        h.press(.control("x"), .enter) // kept as a draft
        h.type("d")
        #expect(h.screen.contains("Discard the unfinished session (Daily check-in, "))
        #expect(h.draftFiles.count == 1)
        h.type("n")
        #expect(h.draftFiles.count == 1)
        #expect(h.screen.contains("The unfinished session is kept."))
        h.type("d")
        h.type("y")
        #expect(h.draftFiles.isEmpty)
        #expect(h.screen.contains("moved to the trash. u brings it back."))
        h.type("u")
        #expect(h.draftFiles.count == 1)
        #expect(h.screen.contains("unfinished session (Daily check-in)"))
    }

    @Test func leavingBeforeAnythingIsWrittenKeepsNothing() {
        let h = AppHarness()
        h.press(.enter)
        h.press(.control("x")) // nothing to keep or ask about: home at once
        guard case .home = h.app.state.screen else { Issue.record("not home"); return }
        #expect(h.session?.leaving == nil && h.review?.session.leaving == nil)
        #expect(h.screen.contains("Nothing was written yet, so nothing was kept."))
        #expect(h.draftFiles.isEmpty && h.store.trash.isEmpty)
    }

    @Test func quittingFromTheMenuKeepsTheDraft() {
        let h = AppHarness()
        midSession(h)
        h.press(.control("x"), .down, .enter, .control("q"))
        #expect(h.app.isFinished)
        #expect(h.draftFiles.count == 1)
    }

    @Test func groundingFromTheMenuClosesItAndGrounds() {
        let h = AppHarness()
        midSession(h)
        h.press(.control("x"), .control("g"))
        #expect(h.session?.leaving == nil && h.review?.session.leaving == nil)
        #expect(h.session?.run.frames.last?.flowID == "grounding")
    }

    @Test func theHelpScreenListsTheWayOut() {
        let h = AppHarness(width: 100, height: 30)
        midSession(h)
        #expect(h.screen.contains("Ctrl-X leave"))
        h.press(.function(1))
        #expect(h.screen.contains("leave: keep it as a draft for later, or discard it"))
    }
}
