import JournalApp
import JournalCore
import Testing
import TerminalUI

/// Every listed flow can be walked to a saved entry in the full-screen app, answering each step
/// in a plain way (the first option, a middling number, a few words).
@Suite struct EveryFlowTests {
    static let flowIDs = AppHarness.shippedLibrary.listedFlows.map(\.id)

    @Test(arguments: EveryFlowTests.flowIDs)
    func runsToASavedEntry(_ flowID: String) {
        let h = AppHarness()
        h.begin(flowID)
        var steps = 0
        while steps < 400 {
            steps += 1
            switch h.app.state.screen {
            case .review:
                h.press(.enter)
                continue
            case .saved:
                break
            case .session(let session):
                if session.offer != nil { h.press(.enter); continue }
                switch session.input {
                case .text: h.type("a few words"); h.press(.control("d"))
                case .choice: h.press(.enter)
                case .multipleChoice: h.press(.character(" "), .enter)
                case .scale: h.type("3"); h.press(.enter)
                case .part: h.type("Helper part"); h.press(.enter)
                case .selfCheck: h.type("6"); h.press(.enter)
                case .pause, .none: h.press(.enter)
                }
                continue
            default:
                Issue.record("\(flowID): unexpected screen \(h.app.state.screen)")
            }
            break
        }
        #expect(h.screen.contains("Saved."), "\(flowID) did not reach a saved entry")
        #expect(h.entryTexts.count == 1)
        #expect(h.entryTexts.first?.contains("flow: \(flowID)") == true)
    }
}
