import JournalCore
import TerminalUI

/// The first-run welcome: what Haven is and is not, shown once.
enum WelcomeFeature {
    /// `flowAsked` is a flow named on the command line, begun once the welcome is read.
    static func reduce(_ key: Key, flowAsked: String?) -> [AppCommand] {
        switch WelcomeKeys.map.action(for: key) {
        case .begin?:
            return [.replace(.home(HomeState())), .run(.markWelcomeSeen)] + (flowAsked.map { [.startFlow($0, about: nil)] } ?? [])
        case .ground?:
            return [.replace(.home(HomeState())), .run(.markWelcomeSeen), .groundHere]
        case .quit?:
            return [.finish, .run(.markWelcomeSeen)]
        case .help?, nil:
            return []
        }
    }
}
