import JournalCore
import TerminalUI

extension String {
    /// The end of the text that fits, for a field where typing happens at the end.
    func truncatedFromStart(toWidth width: Int) -> String {
        guard CellWidth.of(self) > width else { return self }
        var out = ""
        var used = 0
        for character in reversed() {
            let w = CellWidth.of(character)
            if used + w > max(0, width - 1) { break }
            out.insert(character, at: out.startIndex)
            used += w
        }
        return "…" + out
    }
}
