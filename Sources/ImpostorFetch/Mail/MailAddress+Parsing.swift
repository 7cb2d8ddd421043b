import Foundation

extension MailAddress {
    /// The first address in a From-style header value, as received (encoded words still encoded), or nil
    /// if it holds none. Reads `"Name, Jr" <a@b>`, `Name <a@b>`, `a@b`, `a@b (Name)` and groups.
    ///
    /// The value is split into tokens before anything is decoded, so an encoded word that decodes to
    /// `<other@address>` or a comma stays part of the name and can never become the address.
    init?(header raw: ArraySlice<UInt8>) {
        for item in Self.items(Self.tokens(raw)) {
            if let address = Self.address(item) {
                self = address
                return
            }
        }
        return nil
    }

    private enum Token {
        case word(ArraySlice<UInt8>)
        case quoted([UInt8])
        case comment([UInt8])
        case angle(ArraySlice<UInt8>)
        case space
        case comma
        case colon
        case semicolon
    }

    private static func tokens(_ raw: ArraySlice<UInt8>) -> [Token] {
        var tokens: [Token] = []
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            switch byte {
            case 0x22:
                var content: [UInt8] = []
                index += 1
                while index < raw.endIndex, raw[index] != 0x22 {
                    if raw[index] == 0x5C, index + 1 < raw.endIndex { index += 1 }
                    content.append(raw[index])
                    index += 1
                }
                tokens.append(.quoted(content))
                index += 1
            case 0x28:
                var content: [UInt8] = []
                var depth = 1
                index += 1
                while index < raw.endIndex {
                    let inner = raw[index]
                    if inner == 0x5C, index + 1 < raw.endIndex {
                        index += 1
                    } else if inner == 0x28 {
                        depth += 1
                    } else if inner == 0x29 {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    content.append(raw[index])
                    index += 1
                }
                tokens.append(.comment(content))
                index += 1
            case 0x3C:
                let start = index + 1
                index = raw[start...].firstIndex(of: 0x3E) ?? raw.endIndex
                tokens.append(.angle(raw[start..<index]))
                index += 1
            case 0x2C: tokens.append(.comma); index += 1
            case 0x3A: tokens.append(.colon); index += 1
            case 0x3B: tokens.append(.semicolon); index += 1
            case _ where MailBytes.isBlank(byte):
                if case .space? = tokens.last {} else { tokens.append(.space) }
                index += 1
            default:
                let start = index
                while index < raw.endIndex, !Self.endsWord(raw[index]) {
                    // An encoded word is one token whatever it holds: a `:` or `<` inside it is text.
                    index = EncodedWords.end(in: raw, at: index) ?? index + 1
                }
                tokens.append(.word(raw[start..<index]))
            }
        }
        return tokens
    }

    private static func endsWord(_ byte: UInt8) -> Bool {
        MailBytes.isBlank(byte) || [0x22, 0x28, 0x3C, 0x2C, 0x3A, 0x3B].contains(byte)
    }

    /// The tokens of each address: commas and `;` end one, and a `:` ends a group's name, which is dropped.
    private static func items(_ tokens: [Token]) -> [[Token]] {
        var items: [[Token]] = []
        var current: [Token] = []
        for token in tokens {
            switch token {
            case .comma, .semicolon:
                items.append(current)
                current = []
            case .colon:
                current = []
            default:
                current.append(token)
            }
        }
        items.append(current)
        return items
    }

    private static func address(_ item: [Token]) -> MailAddress? {
        var nameBytes: [UInt8] = []
        // Runs of words and quoted strings not parted by blanks: `"john doe"@x.example` is one.
        var segments: [[UInt8]] = [[]]
        var comment: [UInt8]?
        var angle: ArraySlice<UInt8>?
        for token in item {
            switch token {
            case .word(let bytes):
                nameBytes.append(contentsOf: bytes)
                segments[segments.count - 1].append(contentsOf: bytes)
            case .quoted(let bytes):
                nameBytes.append(contentsOf: bytes)
                segments[segments.count - 1] += [0x22] + bytes + [0x22]
            case .space:
                nameBytes.append(MailBytes.space)
                segments.append([])
            case .comment(let bytes):
                if comment == nil { comment = bytes }
            case .angle(let bytes):
                if angle == nil { angle = bytes }
            case .comma, .colon, .semicolon:
                break
            }
        }
        // Without brackets the address must stand alone: `x@exa mple.org` is not one.
        let words = segments.filter { !$0.isEmpty }
        let spec = angle.map { Array($0) } ?? (words.count == 1 ? words[0] : [])
        guard let address = Self.addrSpec(spec) else { return nil }
        let shown = angle == nil || nameBytes.allSatisfy(MailBytes.isBlank) ? (comment ?? []) : nameBytes
        return MailAddress(name: HeaderText.readable(shown[...]).text, address: address)
    }

    /// `local@domain` checked and tidied: outer blanks and a `mailto:` or source route dropped, the domain
    /// lower-cased. Nil for anything that is not one address.
    static func addrSpec(_ bytes: [UInt8]) -> String? {
        var text = MailBytes.string(MailBytes.trimmed(bytes[...]))
        if text.lowercased().hasPrefix("mailto:") { text = String(text.dropFirst(7)) }
        if text.hasPrefix("@"), let colon = text.lastIndex(of: ":") { text = String(text[text.index(after: colon)...]) }
        guard let at = text.lastIndex(of: "@") else { return nil }
        let local = text[..<at]
        let domain = text[text.index(after: at)...]
        guard !local.isEmpty, local.utf8.count <= 256, !domain.isEmpty, domain.utf8.count <= 255 else { return nil }
        let quotedLocal = local.count >= 2 && local.hasPrefix("\"") && local.hasSuffix("\"")
        let forbidden = Set("<>()[],;:\\\"@".unicodeScalars)
        guard local.unicodeScalars.allSatisfy({ isVisible($0) && (quotedLocal || !forbidden.contains($0)) }) else {
            return nil
        }
        let literal = domain.hasPrefix("[") && domain.hasSuffix("]")
        if !literal {
            let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
            let allowed = { (scalar: Unicode.Scalar) in
                scalar.value >= 0x80 ? isVisible(scalar) : scalar == "-" || ("0"..."9").contains(scalar)
                    || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            }
            guard labels.allSatisfy({ !$0.isEmpty }), domain.unicodeScalars.allSatisfy({ $0 == "." || allowed($0) })
            else { return nil }
        }
        return "\(local)@\(domain.lowercased())"
    }

    /// Not a control, a blank or a line separator.
    private static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value > 0x20 && !(0x7F...0xA0).contains(value) && !scalar.properties.isWhitespace
            && value != 0xFFFD
    }
}
