import Foundation

/// A header value followed by `; name=value` parameters, as Content-Type and Content-Disposition are.
/// Parameter names are lower-cased; quoted values are unescaped; RFC 2231 values (`name*=utf-8''%E2%80`)
/// and continuations (`name*0=`, `name*1*=`) are put back together and take the place of a plain value.
struct ParameterizedHeader: Sendable, Hashable {
    /// The value before the first `;`, lower-cased, comments removed (`multipart/mixed`).
    var value: String
    var parameters: [String: String]

    subscript(name: String) -> String? { parameters[name] }

    init(_ raw: ArraySlice<UInt8>) {
        var scanner = Scanner(raw)
        value = MailBytes.string(scanner.leadingValue()).lowercased()
        var plain: [String: String] = [:]
        var sections: [String: [Int: (bytes: [UInt8], extended: Bool)]] = [:]
        while let (name, bytes) = scanner.nextParameter() {
            guard let star = name.firstIndex(of: "*") else {
                if plain[name] == nil { plain[name] = MailBytes.string(bytes) }
                continue
            }
            let base = String(name[..<star])
            let rest = name[name.index(after: star)...]
            let extended = rest.isEmpty || rest.hasSuffix("*")
            let number = rest.isEmpty ? 0 : Int(rest.hasSuffix("*") ? rest.dropLast() : rest)
            guard let number, number >= 0, number < 1000, sections[base]?[number] == nil else { continue }
            sections[base, default: [:]][number] = (bytes, extended)
        }
        for (base, parts) in sections {
            if let joined = Self.joined(parts) { plain[base] = joined }
        }
        parameters = plain
    }

    /// An RFC 2231 value from its numbered sections, in order until the first gap.
    private static func joined(_ parts: [Int: (bytes: [UInt8], extended: Bool)]) -> String? {
        var bytes: [UInt8] = []
        var charset: String?
        var number = 0
        while let part = parts[number] {
            var piece = part.bytes[...]
            if part.extended {
                if number == 0 {
                    // charset'language'value
                    let quotes = piece.indices.filter { piece[$0] == 0x27 }.prefix(2)
                    if quotes.count == 2, let first = quotes.first, let second = quotes.last {
                        charset = MailBytes.string(piece[piece.startIndex..<first])
                        piece = piece[(second + 1)...]
                    }
                }
                bytes.append(contentsOf: PercentEncoding.decoded(piece))
            } else {
                bytes.append(contentsOf: piece)
            }
            number += 1
        }
        guard number > 0 else { return nil }
        return MailBytes.string(MailCharset.decode(bytes[...], label: charset).utf8)
    }

    /// Walks the raw value: quoted strings are unescaped, comments outside them dropped.
    private struct Scanner {
        let raw: ArraySlice<UInt8>
        var index: Int

        init(_ raw: ArraySlice<UInt8>) {
            self.raw = raw
            index = raw.startIndex
        }

        mutating func leadingValue() -> ArraySlice<UInt8> {
            var out: [UInt8] = []
            while index < raw.endIndex, raw[index] != 0x3B {
                if raw[index] == 0x28 {
                    skipComment()
                } else if raw[index] == 0x22 {
                    out.append(contentsOf: quoted())
                } else {
                    out.append(raw[index])
                    index += 1
                }
            }
            return MailBytes.trimmed(out[...])
        }

        /// The next `name=value`, name lower-cased; nil at the end. Pieces without `=` are passed over.
        mutating func nextParameter() -> (String, [UInt8])? {
            while index < raw.endIndex {
                while index < raw.endIndex, raw[index] == 0x3B || MailBytes.isBlank(raw[index]) { index += 1 }
                if index < raw.endIndex, raw[index] == 0x28 {
                    skipComment()
                    continue
                }
                let nameStart = index
                while index < raw.endIndex, raw[index] != 0x3D, raw[index] != 0x3B { index += 1 }
                let name = MailBytes.string(MailBytes.trimmed(raw[nameStart..<index])).lowercased()
                guard index < raw.endIndex, raw[index] == 0x3D else { continue }
                index += 1
                while index < raw.endIndex, MailBytes.isBlank(raw[index]) { index += 1 }
                var value: [UInt8]
                if index < raw.endIndex, raw[index] == 0x22 {
                    value = quoted()
                    while index < raw.endIndex, raw[index] != 0x3B { index += 1 }
                } else {
                    // Unquoted values run to `;` or a comment: `boundary=----=_Part_1` has `=` in it.
                    let start = index
                    while index < raw.endIndex, raw[index] != 0x3B, raw[index] != 0x28 { index += 1 }
                    value = Array(MailBytes.trimmed(raw[start..<index]))
                }
                if !name.isEmpty { return (name, value) }
            }
            return nil
        }

        /// A quoted string's content, backslash escapes undone; an unclosed one runs to the end.
        private mutating func quoted() -> [UInt8] {
            var out: [UInt8] = []
            index += 1
            while index < raw.endIndex, raw[index] != 0x22 {
                if raw[index] == 0x5C, index + 1 < raw.endIndex { index += 1 }
                out.append(raw[index])
                index += 1
            }
            index = min(index + 1, raw.endIndex)
            return out
        }

        /// Passes over a comment, nested ones included.
        private mutating func skipComment() {
            var depth = 0
            while index < raw.endIndex {
                switch raw[index] {
                case 0x28: depth += 1
                case 0x29: depth -= 1
                case 0x5C: index += 1
                default: break
                }
                index += 1
                if depth == 0 { return }
            }
        }
    }
}
