import Foundation

/// Header values as a clerk should see them: encoded words decoded, then flattened to one line.
enum HeaderText {
    /// A decoded value, and what had to be changed to make it one line of text.
    struct Readable {
        var text: String
        /// Charset labels no decoder knows; those words were read as UTF-8.
        var unknownCharsets: [String]
        /// Decoding produced line breaks or NULs: the shape of a header-injection attempt, which must not
        /// reach a reply or a report as a new header line.
        var hadBreaks: Bool
    }

    static func readable(_ raw: ArraySlice<UInt8>) -> Readable {
        let decoded = EncodedWords.decode(raw)
        let flat = oneLine(MailBytes.string(decoded.utf8))
        return Readable(text: flat.text, unknownCharsets: decoded.unknownCharsets, hadBreaks: flat.hadBreaks)
    }

    /// Controls (C0, DEL, C1) and line separators become spaces, runs of spaces become one, and the ends
    /// are trimmed.
    static func oneLine(_ text: String) -> (text: String, hadBreaks: Bool) {
        var scalars = String.UnicodeScalarView()
        var hadBreaks = false
        var spacePending = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x0A || value == 0x0D || value == 0 { hadBreaks = true }
            let isSpace = value < 0x21 || (value >= 0x7F && value <= 0xA0) || value == 0x2028 || value == 0x2029
            if isSpace {
                spacePending = !scalars.isEmpty
                continue
            }
            if spacePending { scalars.append(" ") }
            spacePending = false
            scalars.append(scalar)
        }
        return (String(scalars), hadBreaks)
    }
}
