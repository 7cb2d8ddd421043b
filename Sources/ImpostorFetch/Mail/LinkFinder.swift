import Foundation

/// Web links in text: `http(s)://…`, `<https://…>`, `www.…`, and the social-media addresses people
/// write without a scheme (`facebook.com/…`, `tiktok.com/@…`), which become `https://`. A link ends at
/// the first character no address holds as written (a blank, `<`, `>`, `"`, non-ASCII punctuation);
/// trailing punctuation and unbalanced closing brackets are not part of it. Safety-redirect wrappers
/// are unwrapped (see `LinkUnwrapper`).
enum LinkFinder {
    /// Longer links are left out (and counted): no real page needs more, and one huge link would
    /// otherwise be carried through every later stage.
    static let maxLinkBytes = 8192

    /// Calls `found` with each link in UTF-8 text, in order; returns how many were too long to keep.
    ///
    /// Every form has a `:` (`https://`) or a `.` (`www.`, `x.com/`) at a known place, so the scan jumps
    /// from one to the next with `memchr` and looks around it, rather than testing every byte of a
    /// 10 MB body.
    static func scan(_ text: [UInt8], _ found: (String) -> Void) -> Int {
        var tooLong = 0
        text.withUnsafeBufferPointer { buffer in
            var colon = MailBytes.index(of: 0x3A, in: buffer, from: 0)
            var dot = MailBytes.index(of: 0x2E, in: buffer, from: 0)
            // No link starts before this: the end of the last one.
            var resume = 0
            while colon != nil || dot != nil {
                let start: Start?
                if let at = colon, at < (dot ?? Int.max) {
                    colon = MailBytes.index(of: 0x3A, in: buffer, from: at + 1)
                    start = schemeStart(buffer, colon: at, notBefore: resume)
                } else if let at = dot {
                    dot = MailBytes.index(of: 0x2E, in: buffer, from: at + 1)
                    start = bareStart(buffer, dot: at, notBefore: resume)
                } else {
                    break
                }
                guard let start else { continue }
                var end = start.hostStart
                while end < buffer.count, !endsLink(buffer, at: end) { end += 1 }
                resume = end
                if let at = colon, at < resume { colon = MailBytes.index(of: 0x3A, in: buffer, from: resume) }
                if let at = dot, at < resume { dot = MailBytes.index(of: 0x2E, in: buffer, from: resume) }
                end = trimmedEnd(buffer, from: start.hostStart, to: end)
                guard end > start.hostStart else { continue }
                guard end - start.start <= maxLinkBytes else {
                    tooLong += 1
                    continue
                }
                let rest = UnsafeBufferPointer(rebasing: buffer[start.hostStart..<end])
                guard let link = canonical(scheme: start.scheme, rest: rest) else { continue }
                found(LinkUnwrapper.mayWrap(rest) ? LinkUnwrapper.unwrap(link) : link)
            }
        }
        return tooLong
    }

    /// `scheme://rest` tidied: scheme and host lower-cased, unsafe bytes escaped. A `user:password@`
    /// before the host keeps its case: it is no part of the host (and the report desk drops it). Nil if
    /// the host is missing or holds no letter or digit.
    static func canonical(scheme: String, rest: some Collection<UInt8>) -> String? {
        Array(rest).withUnsafeBufferPointer { canonical(scheme: scheme, rest: $0) }
    }

    private static func canonical(scheme: String, rest: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(scheme.utf8.count + 3 + rest.count + 12)
        out.append(contentsOf: scheme.utf8)
        out.append(contentsOf: [0x3A, 0x2F, 0x2F])
        let authorityEnd = rest.firstIndex { $0 == 0x2F || $0 == 0x3F || $0 == 0x23 } ?? rest.count
        // The host starts after the authority's last "@".
        let hostStart = rest[0..<authorityEnd].lastIndex(of: 0x40).map { $0 + 1 } ?? 0
        var hostLength = 0
        var hostIsReadable = false
        for (index, var byte) in rest.enumerated() {
            if index >= hostStart, index < authorityEnd {
                hostLength += 1
                hostIsReadable = hostIsReadable || MailBytes.isAlphanumeric(byte) || byte >= 0x80
                byte = MailBytes.lowercased(byte)
            }
            if byte <= 0x20 || byte == 0x7F || byte == 0x3C || byte == 0x3E || byte == 0x22 {
                out.append(contentsOf: PercentEncoding.escapingUnsafe(CollectionOfOne(byte)))
            } else {
                out.append(byte)
            }
        }
        guard hostLength > 0, hostIsReadable else { return nil }
        return MailBytes.string(out)
    }

    /// Addresses people type without `https://`, matched only at the start of a word, with the offset
    /// of their first `.`. `www.` is among them, needing a letter or digit after it.
    private static let bareHosts: [(pattern: [UInt8], dot: Int, beforeDot: UInt8)] = [
        "www.", "facebook.com/", "m.facebook.com/", "x.com/", "twitter.com/", "instagram.com/", "tiktok.com/@",
        "bsky.app/profile/", "youtube.com/", "youtu.be/", "threads.net/", "threads.com/",
    ].map { host in
        let bytes = Array(host.utf8)
        let dot = bytes.firstIndex(of: 0x2E) ?? 1
        return (bytes, dot, bytes[dot - 1])
    }
    /// For each byte, the bare hosts with that letter before their first `.`, as a bit set: prose has a
    /// `.` in every sentence, and most of them rule out every host at once.
    private static let hostsByByteBeforeDot: [UInt16] = (0...255).map { value in
        var set: UInt16 = 0
        for (index, host) in bareHosts.enumerated() where host.beforeDot == MailBytes.lowercased(UInt8(value)) {
            set |= 1 << UInt16(index)
        }
        return set
    }
    private static let https = Array("https".utf8)
    private static let http = Array("http".utf8)

    private struct Start {
        var start: Int
        var scheme: String
        var hostStart: Int
    }

    /// The link whose `://` starts at `colon`, if `http` or `https` stands before it.
    private static func schemeStart(_ text: UnsafeBufferPointer<UInt8>, colon: Int, notBefore: Int) -> Start? {
        guard colon + 2 < text.count, text[colon + 1] == 0x2F, text[colon + 2] == 0x2F else { return nil }
        if colon >= notBefore + 5, MailBytes.matches(text, at: colon - 5, https) {
            return Start(start: colon - 5, scheme: "https", hostStart: colon + 3)
        }
        if colon >= notBefore + 4, MailBytes.matches(text, at: colon - 4, http) {
            return Start(start: colon - 4, scheme: "http", hostStart: colon + 3)
        }
        return nil
    }

    /// The scheme-less link whose first `.` is at `dot`, if one of the bare hosts is written there.
    private static func bareStart(_ text: UnsafeBufferPointer<UInt8>, dot: Int, notBefore: Int) -> Start? {
        guard dot > notBefore else { return nil }
        var candidates = hostsByByteBeforeDot[Int(text[dot - 1])]
        while candidates != 0 {
            let host = bareHosts[candidates.trailingZeroBitCount]
            candidates &= candidates - 1
            guard dot - host.dot >= notBefore else { continue }
            let start = dot - host.dot
            guard MailBytes.matches(text, at: start, host.pattern), startsWord(text, at: start) else { continue }
            let after = start + host.pattern.count
            guard after < text.count, !endsLink(text, at: after) else { continue }
            if host.dot == 3, !MailBytes.isAlphanumeric(text[after]) { continue }
            return Start(start: start, scheme: "https", hostStart: start)
        }
        return nil
    }

    /// Not preceded by a letter, digit or a character that joins host names and addresses, so
    /// `max.com/` and `me@x.com/` are not read as `x.com/`.
    private static func startsWord(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index > 0 else { return true }
        let before = text[index - 1]
        return !MailBytes.isAlphanumeric(before) && ![0x2E, 0x2D, 0x5F, 0x40, 0x2F].contains(before)
    }

    /// Blanks, controls, `<`, `>`, `"`, and a non-ASCII character that is not a letter, a mark or a
    /// digit. A closing quote (”), an ellipsis, a dash, an ideographic full stop, an emoji, U+FFFD or a
    /// stray byte written straight after a link is prose: read as part of it, it made a profile's address
    /// no address at all, and the report was lost. A letter stays: `youtube.com/@Oakbridgé` cut at the
    /// "é" would be another channel's address.
    private static func endsLink(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = text[index]
        if byte < 0x80 { return byte <= 0x20 || byte == 0x7F || byte == 0x3C || byte == 0x3E || byte == 0x22 }
        // A continuation byte belongs to the letter its lead byte started, which did not end the link.
        if byte & 0xC0 == 0x80 { return index == 0 || text[index - 1] < 0x80 }
        guard let scalar = scalar(in: text, at: index) else { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .decimalNumber:
            return false
        default:
            return true
        }
    }

    /// The scalar whose UTF-8 lead byte is at `index`, or nil when the bytes are no valid UTF-8.
    private static func scalar(in text: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar? {
        let lead = text[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
        guard length > 0, index + length <= text.count else { return nil }
        var decoder = UTF8()
        var bytes = UnsafeBufferPointer(rebasing: text[index..<(index + length)]).makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&bytes) else { return nil }
        return scalar
    }

    /// The end with trailing `.,;:!?'"*` and unbalanced `)`, `]`, `}` taken off, repeatedly.
    private static func trimmedEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        // Closers minus openers of each bracket kind: (), [], {}.
        var surplus = (0, 0, 0)
        for index in start..<end {
            switch text[index] {
            case 0x28: surplus.0 -= 1
            case 0x29: surplus.0 += 1
            case 0x5B: surplus.1 -= 1
            case 0x5D: surplus.1 += 1
            case 0x7B: surplus.2 -= 1
            case 0x7D: surplus.2 += 1
            default: break
            }
        }
        var end = end
        while end > start {
            switch text[end - 1] {
            case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x27, 0x22, 0x2A: break
            case 0x29 where surplus.0 > 0: surplus.0 -= 1
            case 0x5D where surplus.1 > 0: surplus.1 -= 1
            case 0x7D where surplus.2 > 0: surplus.2 -= 1
            default: return end
            }
            end -= 1
        }
        return end
    }
}
