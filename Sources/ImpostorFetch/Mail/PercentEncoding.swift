import Foundation

/// `%XX` escapes in URLs and RFC 2231 values. A `%` that starts no escape is kept as written.
enum PercentEncoding {
    static func decoded(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let bytes = Array(bytes)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x25, index + 2 < bytes.count, let high = MailBytes.hexValue(bytes[index + 1]),
                let low = MailBytes.hexValue(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }

    /// Blanks, controls and `<`, `>`, `"` as `%XX`: the bytes that would end a link in text.
    static func escapingUnsafe(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte <= 0x20 || byte == 0x7F || byte == 0x3C || byte == 0x3E || byte == 0x22 {
                out += [0x25, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            } else {
                out.append(byte)
            }
        }
        return out
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
