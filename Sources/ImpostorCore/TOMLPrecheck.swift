/// What TOMLKit's parser (toml++) cannot be given: it stops the whole program on an assertion when
/// a table header starts with a character that cannot begin a key (`[:]`, `[é]`, found by
/// scripts/fuzz). TOML forbids both that and raw control characters, so refusing them here, with
/// the line, changes no valid file.
enum TOMLPrecheck {
    static func problem(in text: String) -> TOMLSyntaxError? {
        var line = 1
        var multiline: String?  // the delimiter of a multi-line string we are inside
        var depth = 0  // brackets of a value's array still open at the start of the line
        // Split on the scalar: to Swift, "\r\n" is one character and would never equal "\n".
        for scalars in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            let raw = Substring(scalars)
            defer { line += 1 }
            // A carriage return only as part of a CRLF line end; on its own it is no line break to TOML.
            let body = raw.hasSuffix("\r") ? raw.dropLast() : raw
            for scalar in body.unicodeScalars where (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F {
                let code = String(scalar.value, radix: 16, uppercase: true)
                return TOMLSyntaxError(message: "a control character (U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code)) is not allowed; delete it", line: line)
            }
            if let delimiter = multiline {
                if raw.components(separatedBy: delimiter).count % 2 == 0 { multiline = nil }
                continue
            }
            for delimiter in ["\"\"\"", "'''"] where raw.components(separatedBy: delimiter).count % 2 == 0 {
                multiline = delimiter
            }
            let trimmed = raw.drop { $0 == " " || $0 == "\t" }
            let open = depth
            depth = max(0, depth + Self.bracketBalance(raw, header: open == 0 && trimmed.hasPrefix("[")))
            guard open == 0, trimmed.hasPrefix("[") else { continue }
            // "[" or "[[", then the name: a third bracket cannot start one.
            let brackets = trimmed.hasPrefix("[[") ? 2 : 1
            let name = trimmed.dropFirst(brackets).drop { $0 == " " || $0 == "\t" }
            guard let first = name.first else {
                return TOMLSyntaxError(message: "a section's brackets hold no name; write it as [name] or [[name]]", line: line)
            }
            let startsKey = first.isASCII && (first.isLetter || first.isNumber || first == "_" || first == "-" || first == "\"" || first == "'")
            if !startsKey {
                return TOMLSyntaxError(
                    message: "a section name must start with a letter, a digit, _ or -, or be in quotes (found \"\(first)\")",
                    line: line)
            }
        }
        return nil
    }

    /// Opened less closed brackets of a line's values, outside strings and comments; a section
    /// header's own brackets do not count.
    static func bracketBalance(_ line: Substring, header: Bool) -> Int {
        guard !header else { return 0 }
        var balance = 0
        var quote: Character?
        var escaped = false
        for ch in line {
            if let q = quote {
                if escaped { escaped = false } else if ch == "\\" && q == "\"" { escaped = true } else if ch == q { quote = nil }
                continue
            }
            switch ch {
            case "\"", "'": quote = ch
            case "#": return balance
            case "[": balance += 1
            case "]": balance -= 1
            default: break
            }
        }
        return balance
    }
}

extension String {
    fileprivate func components(separatedBy separator: String) -> [Substring] {
        var parts: [Substring] = []
        var rest = self[...]
        while let range = rest.range(of: separator) {
            parts.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        parts.append(rest)
        return parts
    }
}

extension Substring {
    fileprivate func components(separatedBy separator: String) -> [Substring] {
        String(self).components(separatedBy: separator)
    }

    fileprivate func range(of needle: String) -> Range<Index>? {
        guard !needle.isEmpty else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(needle) { return i..<index(i, offsetBy: needle.count) }
            i = index(after: i)
        }
        return nil
    }
}
