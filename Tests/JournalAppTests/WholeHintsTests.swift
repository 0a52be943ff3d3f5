import JournalApp
import JournalCore
import Testing
import TerminalUI

/// Every prompt and hint of every shipped flow is shown whole, at 40x12 through 200x60: wrapped
/// to as many rows as it needs, and where the window is too small, scrolled with the answer, with
/// "…" in the margin wherever something is cut and PgUp/PgDn to read the rest.
@Suite struct WholeHintsTests {
    static let sizes = [Size(width: 40, height: 12), Size(width: 50, height: 16), Size(width: 80, height: 24),
                        Size(width: 120, height: 40), Size(width: 200, height: 60)]
    static let cases: [(String, Size)] = EveryFlowTests.flowIDs.flatMap { flow in sizes.map { (flow, $0) } }

    static let library = AppHarness.shippedLibrary

    static func words(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    /// The screen's rows between the progress line and the answer's notes, with the margin marks.
    func page(_ h: AppHarness) -> (rows: [String], cutAbove: Bool, cutBelow: Bool) {
        let lines = h.frame.buffer.lines
        // As docs/keys.md says: under the progress line, above the notes row (and in a window of
        // 16 rows or more, a blank row either side).
        let short = lines.count < 16
        let top = short ? 1 : 2
        let rows = Array(lines[top..<(lines.count - 2 - (short ? 0 : 1))])
        func marked(_ line: String) -> Bool { line.prefix(4).contains("…") }
        return (rows, marked(rows.first ?? ""), marked(rows.last ?? ""))
    }

    @Test(arguments: cases)
    func promptsAndHintsAreShownWhole(_ flowID: String, _ size: Size) {
        let h = AppHarness(width: size.width, height: size.height)
        h.begin(flowID)
        var steps = 0
        let engine = FlowEngine(library: Self.library, knownParts: h.app.state.home.parts) // made once: it is not cheap
        while steps < 400 {
            steps += 1
            guard case .session(let session) = h.app.state.screen else { break }
            if session.offer != nil { h.press(.enter); continue }
            guard let step = engine.currentStep(session.run) else { break }
            let expected = Self.words(step.text + (step.hint.isEmpty ? "" : " " + step.hint))
            var shown = page(h)
            let context = "\(flowID).\(step.step.id) at \(size.width)x\(size.height)"
            if !shown.cutAbove && !shown.cutBelow {
                #expect(Self.words(shown.rows.joined(separator: "\n")).contains(expected), "\(context): not shown whole")
            } else {
                #expect(size.width < 80 || size.height < 24, "\(context): cut at a roomy size")
                // Scrolled to the top and down a page at a time, every row of the page is seen once.
                h.press(.pageUp, .pageUp, .pageUp, .pageUp, .pageUp, .pageUp)
                var seen: [String] = []
                for _ in 0..<20 {
                    shown = page(h)
                    for row in shown.rows.map({ String($0.dropFirst(2)) }) where !seen.contains(row) { seen.append(row) }
                    if !shown.cutBelow { break }
                    h.press(.pageDown)
                }
                #expect(Self.words(seen.joined(separator: "\n")).contains(expected), "\(context): not all readable by scrolling")
            }
            switch session.input {
            case .text: h.type("a few words"); h.press(.control("d"))
            case .choice: h.press(.enter)
            case .multipleChoice: h.press(.character(" "), .enter)
            case .scale: h.type("3"); h.press(.enter)
            case .part: h.type("Helper part"); h.press(.enter)
            case .selfCheck: h.type("6"); h.press(.enter)
            case .pause, .none: h.press(.enter)
            }
        }
        #expect(steps > 1)
    }

    @Test func aChoiceInASmallWindowKeepsThePickedOptionInSight() {
        let h = AppHarness(width: 40, height: 12)
        h.begin("unblending")
        // Walk to the first choice with a long prompt, then move to its last option.
        var guardCount = 0
        while guardCount < 40, case .session(let session) = h.app.state.screen {
            guardCount += 1
            if case .choice = session.input { break }
            switch session.input {
            case .text: h.type("the critic"); h.press(.control("d"))
            case .part: h.type("The critic"); h.press(.enter)
            case .scale: h.type("3"); h.press(.enter)
            default: h.press(.enter)
            }
        }
        guard case .session(let session) = h.app.state.screen, case .choice = session.input else {
            Issue.record("no choice reached"); return
        }
        for _ in 0..<10 { h.press(.down) }
        #expect(h.screen.contains("▸"))
    }
}
