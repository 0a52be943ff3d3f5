import TerminalUI

/// The app's styles. Every style reads well without colour (attributes carry the meaning);
/// colour only adds warmth where the terminal has it and `NO_COLOR` is not set.
struct Theme {
    let colour: Bool

    var title: Style { Style(foreground: colour ? .cyan : .default, bold: true) }
    var prompt: Style { .bold }
    var hint: Style { .dim }
    var selected: Style { .reverse }
    var key: Style { .bold }
    var quiet: Style { .dim }
    var notice: Style { Style(foreground: colour ? .yellow : .default, bold: !colour) }
    var accent: Style { Style(foreground: colour ? .green : .default, bold: true) }

    func part(_ colour: Color?) -> Style {
        guard self.colour, let colour else { return .plain }
        return Style(foreground: colour)
    }
}
