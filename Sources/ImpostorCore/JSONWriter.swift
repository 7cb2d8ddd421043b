/// Writes the JSON of assessments by hand: `impostor score` writes one line per profile and a scan
/// stores every account's reasons, and Foundation's encoder took an eighth of scoring's time there.
/// The output reads back as the `Codable` form does (a test holds the two together): the same keys,
/// nulls for a missing identity and target, optional reason fields left out.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 512) { bytes.reserveCapacity(capacity) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func key(_ name: StaticString, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        raw(name)
        raw("\":")
    }

    /// A string with quotes, backslashes, controls and marks of direction escaped (see `escaped`); "/" and
    /// other non-ASCII characters as they are.
    mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings need no escape: printable ASCII is copied whole.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: s.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": raw("\\\"")
            case "\\": raw("\\\\")
            case "\n": raw("\\n")
            case "\r": raw("\\r")
            case "\t": raw("\\t")
            case "\u{08}": raw("\\b")
            case "\u{0C}": raw("\\f")
            default:
                terminalSafe(scalar)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Characters written as `\uXXXX` though JSON allows them raw: controls (C0, DEL, C1, which a terminal
    /// may act on), the line and paragraph separators (line breaks to JavaScript and Python's `splitlines`),
    /// marks of direction (which reorder what a terminal shows) and the byte-order mark.
    static func escaped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0xFEFF: true
        default: false
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A character as it is, or as `\uXXXX` when `escaped` names it.
    fileprivate mutating func terminalSafe(_ scalar: Unicode.Scalar) {
        guard Self.escaped(scalar) else { return UTF8.encode(scalar) { bytes.append($0) } }
        raw("\\u")
        for shift in [12, 8, 4, 0] { bytes.append(Self.hex[Int((scalar.value >> UInt32(shift)) & 0xF)]) }
    }

    mutating func optionalString(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    /// Whole numbers without a fraction ("5"), others in Swift's shortest form ("0.9998").
    mutating func number(_ d: Double) {
        if d.isFinite, d == d.rounded(), abs(d) < 1e15 {
            bytes.append(contentsOf: String(Int64(d)).utf8)
        } else if d.isFinite {
            bytes.append(contentsOf: d.description.utf8)
        } else {
            raw("null")
        }
    }

    mutating func integer(_ i: Int) { bytes.append(contentsOf: String(i).utf8) }
}

extension String {
    /// JSON text from Foundation's encoder with the characters `JSONWriter.escaped` names written as `\uXXXX`, as
    /// `JSONWriter` writes them: the encoder leaves marks of direction raw, and a terminal acts on them. Outside
    /// its strings JSON holds none of these characters, so only what the strings say is rewritten.
    public func escapingForTerminals() -> String {
        guard unicodeScalars.contains(where: JSONWriter.escaped) else { return self }
        var out = JSONWriter(capacity: utf8.count + 16)
        for scalar in unicodeScalars {
            out.terminalSafe(scalar)
        }
        return out.text
    }
}

extension Assessment {
    /// The assessment as one line of JSON, as `impostor score` writes it.
    public var jsonLine: String {
        var w = JSONWriter(capacity: 256 + reasons.count * 160)
        w.raw("{")
        w.key("id", first: true); w.string(id)
        w.key("platform"); w.string(platform.rawValue)
        w.key("handle"); w.string(handle)
        w.key("score"); w.number(score)
        w.key("verdict"); w.string(verdict.rawValue)
        w.key("identity"); w.optionalString(identity)
        w.key("target"); w.optionalString(target?.rawValue)
        w.key("reasons"); Reason.write(reasons, into: &w)
        w.raw("}")
        return w.text
    }
}

extension Reason {
    /// Reasons as a JSON array, as the store keeps them.
    public static func jsonArray(_ reasons: [Reason]) -> String {
        var w = JSONWriter(capacity: 16 + reasons.count * 160)
        write(reasons, into: &w)
        return w.text
    }

    static func write(_ reasons: [Reason], into w: inout JSONWriter) {
        w.raw("[")
        for (i, r) in reasons.enumerated() {
            if i > 0 { w.raw(",") }
            w.raw("{")
            w.key("signal", first: true); w.string(r.signal.rawValue)
            if let identity = r.identity { w.key("identity"); w.string(identity) }
            if let matched = r.matched { w.key("matched"); w.string(matched) }
            if let folded = r.folded { w.key("folded"); w.string(folded) }
            w.key("weight"); w.number(r.weight)
            w.key("detail"); w.string(r.detail)
            if let distance = r.distance { w.key("distance"); w.integer(distance) }
            w.raw("}")
        }
        w.raw("]")
    }
}
