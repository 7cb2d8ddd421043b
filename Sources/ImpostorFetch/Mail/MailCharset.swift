import Foundation

/// The character sets report mail is decoded from. Any other label is read as UTF-8, and the reader
/// lists it as a problem.
enum MailCharset: Sendable, Hashable {
    /// UTF-8, and US-ASCII as its subset: mail labelled ASCII that holds 8-bit bytes is nearly always UTF-8.
    case utf8
    /// Windows-1252, which also reads ISO-8859-1: mailers label 1252 text (curly quotes, €) as Latin-1,
    /// and the C1 controls Latin-1 would give for those bytes are never what the sender meant. WHATWG
    /// decodes the label the same way.
    case windows1252

    /// The charset a MIME label names (`"UTF-8"`, `latin1`, `utf-8*en` from RFC 2231), or nil if unknown.
    init?(label: String) {
        var name = label.trimmingCharacters(in: .whitespaces).lowercased()
        name = name.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        if let star = name.firstIndex(of: "*") { name = String(name[..<star]) }
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us",
            "cp367", "ibm367", "iso-ir-6":
            self = .utf8
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "iso_8859-1:1987", "latin1", "latin-1", "l1", "cp819",
            "ibm819", "iso-ir-100", "windows-1252", "cp1252", "x-cp1252", "win-1252", "cp-1252":
            self = .windows1252
        default:
            return nil
        }
    }

    /// The bytes re-encoded as valid UTF-8; malformed UTF-8 becomes U+FFFD.
    func utf8(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            switch self {
            case .utf8:
                return Array(String(decoding: buffer, as: UTF8.self).utf8)
            case .windows1252:
                var out = [UInt8]()
                out.reserveCapacity(buffer.count + buffer.count / 2)
                var start = 0
                var index = 0
                while index < buffer.count {
                    let byte = base[index]
                    guard byte >= 0x80 else {
                        index += 1
                        continue
                    }
                    out.append(contentsOf: UnsafeBufferPointer(start: base + start, count: index - start))
                    MailBytes.appendUTF8(byte >= 0xA0 ? Unicode.Scalar(byte) : Self.scalar1252(byte), to: &out)
                    index += 1
                    start = index
                }
                out.append(contentsOf: UnsafeBufferPointer(start: base + start, count: buffer.count - start))
                return out
            }
        }
    }

    /// Decodes with the charset a label names, or as UTF-8 if the label is unknown; says which it did.
    static func decode(_ bytes: ArraySlice<UInt8>, label: String?) -> (utf8: [UInt8], known: Bool) {
        guard let label, !label.isEmpty else { return (MailCharset.utf8.utf8(bytes), true) }
        guard let charset = MailCharset(label: label) else { return (MailCharset.utf8.utf8(bytes), false) }
        return (charset.utf8(bytes), true)
    }

    /// What Windows-1252 puts at 0x80...0x9F; its five unassigned bytes keep their C1 code points, as WHATWG has it.
    static func scalar1252(_ byte: UInt8) -> Unicode.Scalar {
        let index = Int(byte) - 0x80
        guard index >= 0, index < table1252.count, let scalar = Unicode.Scalar(table1252[index]) else {
            return Unicode.Scalar(byte)
        }
        return scalar
    }

    private static let table1252: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
