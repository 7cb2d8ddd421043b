import Foundation

/// What can still be read of a listing's line that is not valid JSON: a line is one profile, and one
/// bad character or field must not hide which profile it was.
package enum JSONRepair {
    /// The line with each `\u` escape of a lone surrogate written as U+FFFD's, or nil when it has none.
    package static func withoutLoneSurrogates(_ line: Substring) -> String? {
        let bytes = Array(line.utf8)
        var out: [UInt8] = [], changed = false, i = 0
        out.reserveCapacity(bytes.count)
        func escape(at j: Int) -> UInt32? {
            guard j + 5 < bytes.count, bytes[j] == UInt8(ascii: "\\"), bytes[j + 1] == UInt8(ascii: "u") else { return nil }
            return UInt32(String(decoding: bytes[(j + 2)..<(j + 6)], as: UTF8.self), radix: 16)
        }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count else {
                out.append(bytes[i])
                i += 1
                continue
            }
            guard let value = escape(at: i) else {
                // Any other escape, an escaped backslash included, is copied whole.
                out.append(contentsOf: bytes[i...(i + 1)])
                i += 2
                continue
            }
            if (0xD800...0xDBFF).contains(value), let low = escape(at: i + 6), (0xDC00...0xDFFF).contains(low) {
                out.append(contentsOf: bytes[i..<(i + 12)])
                i += 12
            } else if (0xD800...0xDFFF).contains(value) {
                out.append(contentsOf: Array("\\ufffd".utf8))
                changed = true
                i += 6
            } else {
                out.append(contentsOf: bytes[i..<(i + 6)])
                i += 6
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : nil
    }

    /// The plain string value of the line's first "id" key, when one is written without escapes: the
    /// profile an error line is about.
    static func id(in line: Substring) -> String? {
        guard let key = line.range(of: "\"id\"") else { return nil }
        var rest = line[key.upperBound...].drop { $0 == " " || $0 == "\t" }
        guard rest.first == ":" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
        guard rest.first == "\"" else { return nil }
        let value = rest.dropFirst().prefix { $0 != "\"" && $0 != "\\" }
        guard value.endIndex < rest.endIndex, rest[value.endIndex] == "\"", !value.isEmpty, value.count <= 256 else { return nil }
        return String(value)
    }
}
