import Foundation

/// Byte helpers for the mail reader. Mail is read as bytes, never as Characters: a 10 MB body has to
/// take milliseconds, and grapheme breaking is what makes String indexing slow.
enum MailBytes {
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09

    static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Whether the start looks like text. Mail, even 8-bit mail, has almost no control bytes; a PNG, a
    /// zip or UTF-16 has plenty.
    static func looksLikeText(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(4096)
        var control = 0
        for byte in sample where byte == 0x7F || (byte < 0x20 && byte != tab && byte != lf && byte != cr && byte != 0x0C) {
            control += 1
        }
        return !sample.isEmpty && control * 10 <= sample.count
    }

    /// The bytes with LF line ends throughout (CRLF and a lone CR both become LF) and NULs dropped, and
    /// how many NULs there were. Runs between CRs and NULs are copied whole, found with `memchr`, so a
    /// debug build reads 10 MB as quickly as a release one.
    static func normalisedLines(_ bytes: ArraySlice<UInt8>) -> (bytes: [UInt8], nuls: Int) {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var nuls = 0
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var nextCR = index(of: cr, in: buffer, from: 0) ?? count
            var nextNUL = index(of: 0, in: buffer, from: 0) ?? count
            var start = 0
            while start < count {
                if nextCR < start { nextCR = index(of: cr, in: buffer, from: start) ?? count }
                if nextNUL < start { nextNUL = index(of: 0, in: buffer, from: start) ?? count }
                let stop = min(nextCR, nextNUL)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<stop]))
                guard stop < count else { break }
                start = stop + 1
                if stop == nextNUL {
                    nuls += 1
                } else {
                    out.append(lf)
                    if start < count, buffer[start] == lf { start += 1 }
                }
            }
        }
        return (out, nuls)
    }

    /// Decoded text made safe to show: line ends normalised and control bytes other than tab and LF
    /// dropped, so NULs and terminal escapes in a hostile body never reach a clerk's screen.
    static func cleanText(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return bytes }
            var out: [UInt8] = []
            var changed = false
            var start = 0
            var index = 0
            while index < buffer.count {
                let byte = base[index]
                // Literals rather than `lf` and `tab`: a static's accessor is a call per byte in debug builds.
                guard byte < 0x20 || byte == 0x7F, byte != 0x0A, byte != 0x09 else {
                    index += 1
                    continue
                }
                if !changed { out.reserveCapacity(buffer.count) }
                changed = true
                out.append(contentsOf: UnsafeBufferPointer(start: base + start, count: index - start))
                if byte == cr {
                    out.append(lf)
                    if index + 1 < buffer.count, base[index + 1] == lf { index += 1 }
                }
                index += 1
                start = index
            }
            guard changed else { return bytes }
            out.append(contentsOf: UnsafeBufferPointer(start: base + start, count: buffer.count - start))
            return out
        }
    }

    /// The ranges of the lines, without their LF.
    static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                let end = index(of: lf, in: buffer, from: start) ?? buffer.count
                lines.append(start..<end)
                start = end + 1
            }
        }
        return lines
    }

    /// The index of the first `byte` at or after `start` (and before `end`), found with `memchr`.
    static func index(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int? = nil) -> Int? {
        let end = min(end ?? buffer.count, buffer.count)
        guard start < end, let base = buffer.baseAddress, let found = memchr(base + start, Int32(byte), end - start)
        else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// Whether `bytes` holds `prefix` (given in lower case) at `index`, ignoring ASCII case.
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ prefix: [UInt8]) -> Bool {
        guard index + prefix.count <= bytes.count else { return false }
        for offset in 0..<prefix.count where lowercased(bytes[index + offset]) != prefix[offset] {
            return false
        }
        return true
    }

    /// Whether `bytes` starts with `prefix` (given in lower case), ignoring ASCII case.
    static func hasPrefix(_ bytes: ArraySlice<UInt8>, _ prefix: [UInt8]) -> Bool {
        guard bytes.count >= prefix.count else { return false }
        var offset = 0
        while offset < prefix.count {
            guard lowercased(bytes[bytes.startIndex + offset]) == prefix[offset] else { return false }
            offset += 1
        }
        return true
    }

    /// The bytes without blanks and line ends on either side.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isBlank(bytes[start]) || bytes[start] == lf { start += 1 }
        while end > start, isBlank(bytes[end - 1]) || bytes[end - 1] == lf { end -= 1 }
        return bytes[start..<end]
    }

    /// At most `limit` bytes, cut where a UTF-8 sequence starts so no character is split.
    static func truncatedUTF8(_ bytes: ArraySlice<UInt8>, to limit: Int) -> ArraySlice<UInt8> {
        guard bytes.count > limit else { return bytes }
        var end = bytes.startIndex + max(0, limit)
        while end > bytes.startIndex, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return bytes[bytes.startIndex..<end]
    }

    static func string(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The value of a hex digit, if it is one.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// Appends a Unicode scalar as UTF-8.
    static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case ..<0x80:
            out.append(UInt8(value))
        case ..<0x800:
            out.append(0xC0 | UInt8(value >> 6))
            out.append(0x80 | UInt8(value & 0x3F))
        case ..<0x10000:
            out.append(0xE0 | UInt8(value >> 12))
            out.append(0x80 | UInt8((value >> 6) & 0x3F))
            out.append(0x80 | UInt8(value & 0x3F))
        default:
            out.append(0xF0 | UInt8(value >> 18))
            out.append(0x80 | UInt8((value >> 12) & 0x3F))
            out.append(0x80 | UInt8((value >> 6) & 0x3F))
            out.append(0x80 | UInt8(value & 0x3F))
        }
    }
}
