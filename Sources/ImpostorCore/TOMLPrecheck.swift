/// What TOMLKit's parser (toml++) cannot be given: it stops the whole program on an assertion when
/// a section header does not start with a key (`[:]`, `[é]`, `[[[p`, `[[` alone; found by
/// scripts/fuzz). TOML forbids those and raw control characters, so refusing them here, with the
/// line, changes no valid file.
enum TOMLPrecheck {
    static func problem(in text: String) -> TOMLSyntaxError? {
        var lexer = Lexer()
        var line = 1
        // Split on the scalar: to Swift, "\r\n" is one character and would never equal "\n".
        for scalars in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { line += 1 }
            let raw = Substring(scalars)
            // A carriage return only as part of a CRLF line end; on its own it is no line break to TOML.
            var body = raw.hasSuffix("\r") ? raw.dropLast() : raw
            // The parser skips a byte-order mark at the start, so the first line is read without it.
            if line == 1, body.unicodeScalars.first == "\u{FEFF}" { body = Substring(body.unicodeScalars.dropFirst()) }
            for scalar in body.unicodeScalars where (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F {
                let code = String(scalar.value, radix: 16, uppercase: true)
                return TOMLSyntaxError(message: "a control character (U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code)) is not allowed; delete it", line: line)
            }
            let startsOutside = lexer.multiline == nil && lexer.depth == 0
            let trimmed = body.drop { $0 == " " || $0 == "\t" }
            if startsOutside, trimmed.hasPrefix("[") {
                // "[" or "[[", then the name: a third bracket, a lone bracket or any other character cannot start one.
                let name = trimmed.dropFirst(trimmed.hasPrefix("[[") ? 2 : 1).drop { $0 == " " || $0 == "\t" }
                guard let first = name.first else {
                    return TOMLSyntaxError(message: "a section's brackets hold no name; write it as [name] or [[name]]", line: line)
                }
                let startsKey = first.isASCII && (first.isLetter || first.isNumber || first == "_" || first == "-" || first == "\"" || first == "'")
                if !startsKey {
                    return TOMLSyntaxError(
                        message: "a section name must start with a letter, a digit, _ or -, or be in quotes (found \"\(first)\")",
                        line: line)
                }
                continue  // a header's own brackets are not a value's
            }
            lexer.read(body)
        }
        return nil
    }

    /// Just enough of TOML's lexing to know, at each line's start, whether it is inside a
    /// multi-line string or an array still open.
    struct Lexer {
        var multiline: String?
        var depth = 0

        mutating func read(_ line: Substring) {
            var rest = line[...]
            while !rest.isEmpty {
                if let delimiter = multiline {
                    guard let close = Self.find(delimiter, in: rest, escapes: delimiter == "\"\"\"") else { return }
                    rest = rest[close...].drop { String($0) == String(delimiter.first!) }
                    multiline = nil
                    continue
                }
                let ch = rest.first!
                if rest.hasPrefix("\"\"\"") || rest.hasPrefix("'''") {
                    multiline = String(rest.prefix(3))
                    rest = rest.dropFirst(3)
                    continue
                }
                switch ch {
                case "#": return
                case "\"", "'":
                    // A one-line string: to its closing quote, or to the line's end if it has none.
                    guard let close = Self.find(String(ch), in: rest.dropFirst(), escapes: ch == "\"") else { return }
                    rest = rest[close...].dropFirst()
                    continue
                case "[": depth += 1
                case "]": depth = max(0, depth - 1)
                default: break
                }
                rest = rest.dropFirst()
            }
        }

        /// Where `delimiter` next starts in `text`, skipping backslash escapes in basic strings.
        static func find(_ delimiter: String, in text: Substring, escapes: Bool) -> Substring.Index? {
            var i = text.startIndex
            while i < text.endIndex {
                if escapes, text[i] == "\\" {
                    i = text.index(after: i)
                    if i < text.endIndex { i = text.index(after: i) }
                    continue
                }
                if text[i...].hasPrefix(delimiter) { return i }
                i = text.index(after: i)
            }
            return nil
        }
    }
}
