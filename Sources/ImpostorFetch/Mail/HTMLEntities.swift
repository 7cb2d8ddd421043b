import Foundation

/// HTML character references in mail bodies: numeric ones, and the named ones mailers actually write.
enum HTMLEntities {
    /// The UTF-8 of the reference starting at `start` (an `&`) and the index after it, or nil if none
    /// starts there. Named references need their `;`; numeric ones may go without, as browsers allow.
    static func decode(_ html: UnsafeBufferPointer<UInt8>, at start: Int) -> (utf8: [UInt8], end: Int)? {
        var index = start + 1
        guard index < html.count else { return nil }
        if html[index] == 0x23 {
            index += 1
            let hex = index < html.count && MailBytes.lowercased(html[index]) == 0x78
            if hex { index += 1 }
            let digitsStart = index
            var value: UInt32 = 0
            while index < html.count, index - digitsStart < 8,
                let digit = hex ? MailBytes.hexValue(html[index]) : decimal(html[index])
            {
                value = value * (hex ? 16 : 10) + UInt32(digit)
                index += 1
            }
            guard index > digitsStart else { return nil }
            if index < html.count, html[index] == 0x3B { index += 1 }
            var out: [UInt8] = []
            MailBytes.appendUTF8(scalar(value), to: &out)
            return (out, index)
        }
        let nameStart = index
        while index < html.count, index - nameStart < 12, MailBytes.isAlphanumeric(html[index]) { index += 1 }
        guard index > nameStart, index < html.count, html[index] == 0x3B,
            let value = named[MailBytes.string(UnsafeBufferPointer(rebasing: html[nameStart..<index]))]
        else { return nil }
        var out: [UInt8] = []
        MailBytes.appendUTF8(value, to: &out)
        return (out, index + 1)
    }

    /// Decodes every reference in an attribute value.
    static func decodeAll(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x26) else { return bytes }
        var out: [UInt8] = []
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                if buffer[index] == 0x26, let entity = decode(buffer, at: index) {
                    out.append(contentsOf: entity.utf8)
                    index = entity.end
                } else {
                    out.append(buffer[index])
                    index += 1
                }
            }
        }
        return out
    }

    private static func decimal(_ byte: UInt8) -> UInt8? {
        byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : nil
    }

    /// A numeric reference's character, as browsers read it: 0x80...0x9F through Windows-1252, and
    /// controls, surrogates and out-of-range values as U+FFFD.
    private static func scalar(_ value: UInt32) -> Unicode.Scalar {
        if value >= 0x80, value <= 0x9F { return MailCharset.scalar1252(UInt8(value)) }
        let control = (value < 0x20 && value != 0x09 && value != 0x0A) || value == 0x7F
        guard !control, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }

    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ensp": " ", "emsp": " ",
        "thinsp": " ", "zwnj": "\u{200C}", "zwj": "\u{200D}", "lrm": "\u{200E}", "rlm": "\u{200F}",
        "shy": "\u{AD}", "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–",
        "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„", "bull": "•",
        "middot": "·", "pound": "£", "euro": "€", "cent": "¢", "yen": "¥", "sect": "§", "para": "¶",
        "deg": "°", "plusmn": "±", "times": "×", "divide": "÷", "frac12": "½", "laquo": "«", "raquo": "»",
        "iexcl": "¡", "iquest": "¿", "eacute": "é", "egrave": "è", "ecirc": "ê", "aacute": "á",
        "agrave": "à", "acirc": "â", "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö",
        "Uuml": "Ü", "szlig": "ß", "ccedil": "ç", "ntilde": "ñ", "iacute": "í", "oacute": "ó", "uacute": "ú",
        "Eacute": "É", "larr": "←", "rarr": "→", "check": "✓", "star": "☆",
    ]
}
