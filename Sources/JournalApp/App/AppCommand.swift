import JournalCore

/// What a feature's reducer asks of the app beyond its own state. The app applies them in
/// order within the same update: navigation never waits on an effect, and effects (`run`) go to
/// the effect runner.
public enum AppCommand: Hashable, Sendable {
    case run(AppEffect)
    case push(Screen)
    /// Back to the screen underneath.
    case pop
    case replace(Screen)
    /// Home, with everything over it closed and its first choice picked.
    case goHome
    /// A message at the bottom of the screen.
    case notice(String)
    case finish
    /// Begins a flow over the home screen; `about` a part (from its page).
    case startFlow(String, about: PartID?)
    /// Ctrl-G on a screen with nothing unsaved: a grounding moment over it, popped when it ends.
    case groundHere
    /// Closes the screens under the top one, over the home screen; what they hold unsaved (a
    /// note, a part form) is kept first.
    case closeUnderneath
    case showHelp
}

extension Array where Element == AppCommand {
    /// Effects as commands.
    static func run(_ effects: [AppEffect]) -> [AppCommand] { effects.map(AppCommand.run) }
}
