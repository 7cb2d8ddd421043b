import Foundation

/// A part's Content-Transfer-Encoding, and lenient decoders for the two that change bytes. Both keep
/// going past damage and count it, so a broken part still shows what can be read.
enum TransferEncoding: Sendable, Hashable {
    /// 7bit, 8bit, binary or none given: the bytes are the content.
    case identity
    case quotedPrintable
    case base64
    /// Anything else (x-uue, a typo); the part cannot be read.
    case unknown(String)

    init(header: String?) {
        let name = (header ?? "").trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\"")))
            .lowercased()
        switch name {
        case "", "7bit", "8bit", "binary", "7-bit", "8-bit": self = .identity
        case "quoted-printable": self = .quotedPrintable
        case "base64": self = .base64
        default: self = .unknown(name)
        }
    }

    /// Decoded bytes and how many bad escapes or stray characters were passed over.
    struct Decoded {
        var bytes: [UInt8]
        var flaws: Int
    }

    /// The decoded content, or nil if the encoding is unknown.
    func decode(_ body: ArraySlice<UInt8>) -> Decoded? {
        switch self {
        case .identity: Decoded(bytes: Array(body), flaws: 0)
        case .quotedPrintable: Self.quotedPrintable(body)
        case .base64: Self.base64(body)
        case .unknown: nil
        }
    }

    /// Quoted-printable (RFC 2045 §6.7) over LF-ended lines: `=XX` is a byte, `=` at a line end (after
    /// optional blanks) joins the lines, and any other `=` is kept as written. Runs without `=` are
    /// copied whole.
    static func quotedPrintable(_ body: ArraySlice<UInt8>) -> Decoded {
        var flaws = 0
        let bytes = body.withUnsafeBufferPointer { input in
            [UInt8](unsafeUninitializedCapacity: input.count) { output, written in
                guard let source = input.baseAddress, let target = output.baseAddress else { return }
                var index = 0
                while index < input.count {
                    let equals = MailBytes.index(of: 0x3D, in: input, from: index) ?? input.count
                    (target + written).update(from: source + index, count: equals - index)
                    written += equals - index
                    index = equals
                    guard index < input.count else { break }
                    if index + 2 < input.count, let high = MailBytes.hexValue(source[index + 1]),
                        let low = MailBytes.hexValue(source[index + 2])
                    {
                        target[written] = high << 4 | low
                        written += 1
                        index += 3
                        continue
                    }
                    var next = index + 1
                    while next < input.count, source[next] == MailBytes.space || source[next] == MailBytes.tab {
                        next += 1
                    }
                    if next == input.count || source[next] == MailBytes.lf {
                        index = next + 1
                        continue
                    }
                    flaws += 1
                    target[written] = 0x3D
                    written += 1
                    index += 1
                }
            }
        }
        return Decoded(bytes: bytes, flaws: flaws)
    }

    /// Base64 that skips whitespace, needs no padding, and passes over characters outside the alphabet
    /// (counted). `=` ends a 4-character group, so pieces that were encoded separately and then joined
    /// still decode.
    static func base64(_ body: ArraySlice<UInt8>) -> Decoded {
        var flaws = 0
        let bytes = body.withUnsafeBufferPointer { input in
            base64Values.withUnsafeBufferPointer { table in
                [UInt8](unsafeUninitializedCapacity: input.count / 4 * 3 + 3) { output, written in
                    guard let source = input.baseAddress, let values = table.baseAddress,
                        let target = output.baseAddress
                    else { return }
                    var accumulator: UInt32 = 0
                    var bits: UInt32 = 0
                    // Locals: a static's accessor is a call per byte in debug builds.
                    let padding = Self.padding
                    let invalid = Self.invalid
                    var index = 0
                    while index < input.count {
                        let value = values[Int(source[index])]
                        index += 1
                        if value >= 0 {
                            accumulator = (accumulator << 6) | UInt32(value)
                            bits += 6
                            if bits >= 8 {
                                bits -= 8
                                target[written] = UInt8(truncatingIfNeeded: accumulator >> bits)
                                written += 1
                                accumulator &= (1 << bits) - 1
                            }
                        } else if value == padding {
                            accumulator = 0
                            bits = 0
                        } else if value == invalid {
                            flaws += 1
                        }
                    }
                }
            }
        }
        return Decoded(bytes: bytes, flaws: flaws)
    }

    private static let padding: Int8 = -2
    private static let invalid: Int8 = -1
    private static let whitespace: Int8 = -3

    /// Each byte's 6-bit value, or one of the markers above.
    private static let base64Values: [Int8] = {
        var table = [Int8](repeating: invalid, count: 256)
        for (value, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = Int8(value)
        }
        for byte: UInt8 in [0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B] { table[Int(byte)] = whitespace }
        table[0x3D] = padding
        return table
    }()
}
