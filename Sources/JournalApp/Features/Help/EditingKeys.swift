enum Keymaps {
    /// Editing keys of the text editor, for the help screen (they are handled by the editor).
    public static let editingHelp: [(keys: String, help: String)] = [
        ("←→↑↓", "move by character and line"),
        ("Ctrl-←, Ctrl-→", "move by word"),
        ("Home, End", "start and end of the line"),
        ("PgUp, PgDn", "move by page"),
        ("Ctrl-W", "delete the word before the cursor"),
        ("Ctrl-U", "delete to the start of the line"),
    ]
}
