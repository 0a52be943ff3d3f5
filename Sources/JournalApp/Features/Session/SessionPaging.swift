import JournalCore
import TerminalUI

/// PgUp/PgDn on a step too tall for the window: the page scrolls by hand. In a long answer the
/// page keys move in the text, but PgUp with the cursor on its first row shows the question
/// above, and PgDn goes back down to the answer.
enum SessionPaging {
    static func page(key: Key, up: Bool, _ session: inout SessionState, _ context: AppContext) {
        let engine = context.engine
        guard let step = engine.currentStep(session.run) else { return }
        let page = SessionPage(step: step, session: session, parts: engine.parts(run: session.run), size: context.size)
        guard !page.fits else { return }
        if case .longText = step.step.kind, case .text(var editor) = session.input {
            let area = SessionLayout.inputArea(size: context.size)
            let atTop = editor.cursorVisualPosition(width: area.width).y == 0
            if !(up && atTop) && !(!up && session.pageScroll != nil) {
                session.pageScroll = nil
                _ = EditorBridge.handle(key: key, state: &editor, width: area.width, height: page.inputHeight)
                session.input = .text(editor)
                return
            }
            if !up {
                // Down a page at a time, back to following the answer once it is in sight.
                let down = page.offset(scrolled: session.pageScroll) + max(1, page.viewport - 1)
                session.pageScroll = down >= page.offset(scrolled: nil) ? nil : down
                return
            }
        }
        let move = max(1, page.viewport - 1) * (up ? -1 : 1)
        session.pageScroll = max(0, min(page.offset(scrolled: session.pageScroll) + move, page.height - page.viewport))
    }
}
