import Foundation

/// One tag, comment or declaration read from HTML bytes. Only `href` is kept of the attributes: links
/// in `src`, `title`, `style` or `data-*` are not links a reader can follow, and a scanner that took
/// them would flood the review with tracking pixels.
struct HTMLTag {
    enum Kind {
        case open
        case close
        /// A comment, `<!DOCTYPE>`, `<![CDATA[` or `<?…?>`: nothing to show.
        case other
    }

    var kind: Kind
    /// The name, lower-cased, as a number: its first eight bytes and its length (`Key("br")`). Tags are
    /// told apart without making a String for each, which a long HTML body would pay for per tag.
    var name: Key
    /// The raw `href` value, entities still encoded.
    var href: [UInt8]?
    /// The index after the tag's `>` (or the end of the input).
    var end: Int

    /// The tag starting at `start` (a `<`), or nil when the `<` is text (`a < b`).
    init?(_ html: UnsafeBufferPointer<UInt8>, at start: Int) {
        let count = html.count
        guard start + 1 < count else { return nil }
        let next = html[start + 1]
        if next == 0x21 || next == 0x3F {
            kind = .other
            name = Key(0)
            let isComment = MailBytes.matches(html, at: start, Array("<!--".utf8))
            end = isComment ? Self.find(html, Array("-->".utf8), from: start + 4) : Self.find(html, [0x3E], from: start + 2)
            return
        }
        var index = start + 1
        kind = .open
        if next == 0x2F {
            kind = .close
            index += 1
        }
        guard index < count, MailBytes.isAlphanumeric(html[index]), html[index] > 0x39 else { return nil }
        let nameStart = index
        while index < count, MailBytes.isAlphanumeric(html[index]) || html[index] == 0x3A || html[index] == 0x2D {
            index += 1
        }
        name = Key(UnsafeBufferPointer(rebasing: html[nameStart..<index]))
        href = nil
        end = count
        readAttributes(html, from: index)
    }

    /// A tag name packed into a number.
    struct Key: Hashable, Sendable {
        let value: UInt64

        init(_ value: UInt64) {
            self.value = value
        }

        init(_ name: UnsafeBufferPointer<UInt8>) {
            var packed: UInt64 = 0
            var index = 0
            while index < name.count, index < 7 {
                packed = packed << 8 | UInt64(name[index] | 0x20)
                index += 1
            }
            self.value = packed << 8 | UInt64(min(name.count, 255))
        }

        init(_ name: String) {
            self = Array(name.utf8).withUnsafeBufferPointer { Key($0) }
        }
    }

    /// Reads attributes up to the closing `>`, keeping the first `href`. A quote that never closes ends
    /// the tag at the next `>` rather than swallowing the rest of the body.
    private mutating func readAttributes(_ html: UnsafeBufferPointer<UInt8>, from start: Int) {
        let count = html.count
        var index = start
        while index < count {
            let byte = html[index]
            if byte == 0x3E {
                end = index + 1
                return
            }
            if MailBytes.isBlank(byte) || byte == MailBytes.lf || byte == 0x2F || byte == 0x0C {
                index += 1
                continue
            }
            let nameStart = index
            while index < count, !Self.endsAttributeName(html[index]) { index += 1 }
            let attribute = UnsafeBufferPointer(rebasing: html[nameStart..<index])
            let isHref = attribute.count == 4 && MailBytes.matches(attribute, at: 0, Array("href".utf8))
            while index < count, MailBytes.isBlank(html[index]) || html[index] == MailBytes.lf { index += 1 }
            guard index < count, html[index] == 0x3D else { continue }
            index += 1
            while index < count, MailBytes.isBlank(html[index]) || html[index] == MailBytes.lf { index += 1 }
            guard index < count else { break }
            var value: Range<Int>
            let quote = html[index]
            if quote == 0x22 || quote == 0x27 {
                let valueStart = index + 1
                guard let close = UnsafeBufferPointer(rebasing: html[valueStart...]).firstIndex(of: quote) else {
                    end = Self.find(html, [0x3E], from: valueStart)
                    return
                }
                value = valueStart..<(valueStart + close)
                index = valueStart + close + 1
            } else {
                let valueStart = index
                while index < count, html[index] != 0x3E, !MailBytes.isBlank(html[index]), html[index] != MailBytes.lf {
                    index += 1
                }
                value = valueStart..<index
            }
            if isHref, href == nil { href = Array(UnsafeBufferPointer(rebasing: html[value])) }
        }
        end = count
    }

    private static func endsAttributeName(_ byte: UInt8) -> Bool {
        MailBytes.isBlank(byte) || byte == MailBytes.lf || byte == 0x3D || byte == 0x3E || byte == 0x2F || byte == 0x0C
    }

    /// The index after the first `pattern` at or after `start`, or the end of the input.
    static func find(_ html: UnsafeBufferPointer<UInt8>, _ pattern: [UInt8], from start: Int) -> Int {
        guard let first = pattern.first else { return start }
        var index = start
        while index + pattern.count <= html.count {
            if MailBytes.lowercased(html[index]) == first, MailBytes.matches(html, at: index, pattern) {
                return index + pattern.count
            }
            index += 1
        }
        return html.count
    }
}
