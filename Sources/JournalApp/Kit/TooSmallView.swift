import JournalCore
import TerminalUI

enum TooSmallView {
    static func render(size: Size, into buffer: inout Buffer, theme: Theme) {
        let lines = ["Haven needs a bigger window:", "at least \(HavenApp.minimumSize.width) × \(HavenApp.minimumSize.height).",
                     "Now: \(size.width) × \(size.height)."]
        for (index, line) in lines.enumerated() {
            let y = max(0, size.height / 2 - 1) + index
            buffer.put(line.truncated(toWidth: size.width), x: max(0, (size.width - CellWidth.of(line)) / 2), y: y)
        }
    }
}
