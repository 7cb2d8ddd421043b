import ImpostorCore

/// Outside text printed on a terminal: escape sequences, line breaks and direction overrides could
/// repaint the screen or fake a line of impostor's own (see `TerminalText`).
enum Terminal {
    /// A name, a handle, a platform or an address a stranger chose: one line, at most 200 characters.
    static func safe(_ text: String) -> String { TerminalText.safe(text, limit: TerminalText.nameLimit) }

    /// A message that may quote outside text (an error, a server's answer): one line, at most 2,000 characters.
    static func message(_ text: String) -> String { TerminalText.safe(text, limit: TerminalText.messageLimit) }
}
