import JournalCore
import TerminalUI

public struct SavedState: Hashable, Sendable {
    public var path: String
    /// One line for each part record saved: its name and what changed in it.
    public var parts: [String]
    public var warnings: [String]
}

/// After saving: where the entry went and which part records changed; Enter goes home.
enum SavedFeature {
    static func reduce(_ key: Key) -> [AppCommand] {
        switch SavedKeys.map.action(for: key) {
        case .home?: return [.goHome]
        case .ground?: return [.groundHere]
        case .quit?: return [.finish]
        case .help?, nil: return []
        }
    }
}
