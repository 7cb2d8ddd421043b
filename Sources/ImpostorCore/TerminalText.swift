/// Text from outside (a profile, a feed, a server's answer) made fit for one line of a terminal or a log.
///
/// Control characters (ESC, BEL, CR, LF, the C1 controls such as U+009B), format characters (bidi
/// overrides, zero-width characters) and line and paragraph separators are written as `<U+001B>`:
/// nothing a stranger wrote can repaint the screen, retitle the window, reorder the line or start a
/// line of its own that reads as impostor's.
public enum TerminalText {
    /// At most this many characters (Unicode scalars) of a name, a handle or a platform are shown.
    public static let nameLimit = 200
    /// At most this many of a message that quotes outside text (an error, a server's answer).
    public static let messageLimit = 2000

    /// `text` on one line with every control, format and separator character spelled out, cut after
    /// `limit` scalars.
    public static func safe(_ text: String, limit: Int = nameLimit) -> String {
        var out = ""
        for scalar in text.unicodeScalars.prefix(max(0, limit)) {
            if isHidden(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "<U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)>"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Text of many lines (a drafted report or warning) for a terminal: line breaks and tabs stay, a CR
    /// before a line feed goes, and every other control character is spelled out as `<U+001B>`. Format
    /// characters stay: drafts keep the isolates around right-to-left names on purpose, and quote
    /// suspect text only after taking its bidi controls out.
    public static func lines(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            if scalar == "\n" || scalar == "\t" || scalar.properties.generalCategory != .control {
                out.append(scalar)
            } else if scalar == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" {
                continue
            } else {
                out.append(contentsOf: safe(String(scalar)).unicodeScalars)
            }
        }
        return String(out)
    }

    /// Whether a terminal would act on `scalar` or lay the line out differently, rather than show it.
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }
}
