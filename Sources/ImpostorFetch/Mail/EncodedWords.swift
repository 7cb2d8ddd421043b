import Foundation

/// RFC 2047 encoded words (`=?charset?B|Q?text?=`) in header text. Words are decoded wherever they
/// stand, not only between spaces as the RFC asks: a scammer's mailer is no more careful than that,
/// and a clerk should see the words either way.
enum EncodedWords {
    /// The header text as UTF-8 with every encoded word decoded, and the charset labels that were not
    /// known (those words were read as UTF-8).
    static func decode(_ raw: ArraySlice<UInt8>) -> (utf8: [UInt8], unknownCharsets: [String]) {
        var out = [UInt8]()
        out.reserveCapacity(raw.count)
        var unknown: [String] = []
        // Adjacent words are joined before decoding: a character may be split across two of them.
        var pending: (charset: String, bytes: [UInt8])?
        var blanks: [UInt8] = []
        var afterWord = false

        func flushPending() {
            guard let word = pending else { return }
            let decoded = MailCharset.decode(word.bytes[...], label: word.charset)
            if !decoded.known, !unknown.contains(word.charset) { unknown.append(word.charset) }
            out.append(contentsOf: decoded.utf8)
            pending = nil
        }

        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            if byte == 0x3D, let word = encodedWord(in: raw, at: index) {
                // Whitespace between two encoded words is not part of the text (RFC 2047 §6.2).
                if !afterWord { out.append(contentsOf: blanks) }
                blanks.removeAll(keepingCapacity: true)
                if let current = pending, current.charset == word.charset {
                    pending?.bytes.append(contentsOf: word.bytes)
                } else {
                    flushPending()
                    pending = (word.charset, word.bytes)
                }
                afterWord = true
                index = word.end
            } else if MailBytes.isBlank(byte) {
                blanks.append(byte)
                index += 1
            } else {
                flushPending()
                out.append(contentsOf: blanks)
                blanks.removeAll(keepingCapacity: true)
                out.append(byte)
                afterWord = false
                index += 1
            }
        }
        flushPending()
        out.append(contentsOf: blanks)
        return (out, unknown)
    }

    /// The index after the encoded word starting at `start`, if one starts there.
    static func end(in raw: ArraySlice<UInt8>, at start: Int) -> Int? {
        guard raw[start] == 0x3D else { return nil }
        return encodedWord(in: raw, at: start)?.end
    }

    /// The encoded word starting at `start`, if one does: its charset (lower-cased), decoded bytes and end.
    private static func encodedWord(
        in raw: ArraySlice<UInt8>, at start: Int
    ) -> (charset: String, bytes: [UInt8], end: Int)? {
        let question: UInt8 = 0x3F
        guard start + 1 < raw.endIndex, raw[start + 1] == question else { return nil }
        var index = start + 2
        let charsetStart = index
        while index < raw.endIndex, raw[index] != question, !MailBytes.isBlank(raw[index]), index - charsetStart < 40 {
            index += 1
        }
        guard index > charsetStart, index + 2 < raw.endIndex, raw[index] == question, raw[index + 2] == question
        else { return nil }
        let charset = MailBytes.string(raw[charsetStart..<index]).lowercased()
        let encoding = MailBytes.lowercased(raw[index + 1])
        guard encoding == 0x62 || encoding == 0x71 else { return nil }
        let textStart = index + 3
        index = textStart
        while index < raw.endIndex, raw[index] != question, !MailBytes.isBlank(raw[index]) { index += 1 }
        guard index + 1 < raw.endIndex, raw[index] == question, raw[index + 1] == 0x3D else { return nil }
        let text = raw[textStart..<index]
        let bytes = encoding == 0x62 ? TransferEncoding.base64(text).bytes : qDecoded(text)
        return (charset, bytes, index + 2)
    }

    /// The Q encoding: quoted-printable with `_` for a space.
    private static func qDecoded(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte == 0x5F {
                out.append(MailBytes.space)
            } else if byte == 0x3D, index + 2 < text.endIndex, let high = MailBytes.hexValue(text[index + 1]),
                let low = MailBytes.hexValue(text[index + 2])
            {
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }
}
