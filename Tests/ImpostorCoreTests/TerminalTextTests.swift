import Testing
import ImpostorCore

/// Text a stranger wrote, printed on a clerk's terminal: seen, never obeyed.
@Suite struct TerminalTextTests {
    /// (what it is, the text, as shown)
    static let examples: [(String, String, String)] = [
        ("colour", "x\u{1B}[31m", "x<U+001B>[31m"),
        ("clear screen and home", "\u{1B}[2J\u{1B}[HOak", "<U+001B>[2J<U+001B>[HOak"),
        ("window title", "\u{1B}]0;pwned\u{7}", "<U+001B>]0;pwned<U+0007>"),
        ("a line of its own", "h\nFAKE: status OK", "h<U+000A>FAKE: status OK"),
        ("carriage return", "ok\rCase 999 confirmed", "ok<U+000D>Case 999 confirmed"),
        ("one-byte CSI", "Mayor \u{9B}31m", "Mayor <U+009B>31m"),
        ("right-to-left override", "gnp\u{202E}.exe", "gnp<U+202E>.exe"),
        ("line separator", "a\u{2028}b", "a<U+2028>b"),
        ("plain", "Oakbridge Town Counciⅼ ✔", "Oakbridge Town Counciⅼ ✔"),
    ]

    @Test func controlsFormatsAndSeparatorsAreSpelledOut() {
        for (label, text, shown) in Self.examples {
            #expect(TerminalText.safe(text) == shown, "\(label)")
            #expect(!TerminalText.safe(text).unicodeScalars.contains(where: TerminalText.isHidden), "\(label)")
        }
    }

    @Test func namesAreCutAndMessagesKeepMore() {
        let long = String(repeating: "a", count: 5000)
        #expect(TerminalText.safe(long).count == TerminalText.nameLimit)
        #expect(TerminalText.safe(long, limit: TerminalText.messageLimit).count == TerminalText.messageLimit)
        // Cleaning twice changes nothing: an error cleaned where it is made may be cleaned again where it is printed.
        let once = TerminalText.safe("a\u{1B}b\nc", limit: TerminalText.messageLimit)
        #expect(TerminalText.safe(once, limit: TerminalText.messageLimit) == once)
    }

    @Test func draftsKeepTheirLinesAndLoseTheirControls() {
        #expect(TerminalText.lines("Report to X\n\nWhere to report\tnow") == "Report to X\n\nWhere to report\tnow")
        #expect(TerminalText.lines("one\r\ntwo") == "one\ntwo")
        #expect(TerminalText.lines("X\u{1B}[31m\nok\r") == "X<U+001B>[31m\nok<U+000D>")
        #expect(TerminalText.lines("Oak \u{9B}2J") == "Oak <U+009B>2J")
        // The isolates drafts put around right-to-left names stay.
        #expect(TerminalText.lines("\"\u{2068}مجلس\u{2069}\"") == "\"\u{2068}مجلس\u{2069}\"")
    }
}
