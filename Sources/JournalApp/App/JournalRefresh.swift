/// Lists are never stale: the home screen's recent entries and the entries list are read again
/// each time they come up and every few seconds while they are up, so what another program wrote,
/// imported or edited shows. Reading again checks every entry file (the index re-reads only the
/// ones that changed) and changes nothing on screen when nothing changed.
enum JournalRefresh {
    enum View: Equatable {
        case home
        case entries
    }

    static let intervalMilliseconds = 3_000

    /// The screens whose lists come from the journal (nil for the others).
    static func view(of screen: Screen) -> View? {
        switch screen {
        case .home: return .home
        case .browse: return .entries
        case .welcome, .session, .review, .saved, .reader, .calendar, .parts, .part, .selfEnergy, .partsMap: return nil
        }
    }

    static func effects(for view: View?, alreadyAsked: [AppEffect]) -> [AppEffect] {
        guard let view, !alreadyAsked.contains(.loadHome) else { return [] }
        switch view {
        case .home: return [.loadHome]
        case .entries: return alreadyAsked.contains(.loadEntries) ? [] : [.loadEntries]
        }
    }
}
