/// A JSON object whose values are all strings with no escapes, read byte by byte: what most lines of a
/// listing are. Anything else (numbers, nulls, escapes, nesting, a repeated key, bytes that are not
/// UTF-8) is not read here, and the caller hands the line to `JSONSerialization`, so this never accepts
/// or reads a line differently from it. On a scan's listing, JSONSerialization took a tenth of scoring.
enum PlainJSONObject {
    /// The object's fields, or nil when the text is anything but such an object.
    static func fields(_ text: Substring) -> [String: String]? {
        text.utf8.withContiguousStorageIfAvailable { fields(bytes: $0) } ?? nil
    }

    static func fields(bytes: UnsafeBufferPointer<UInt8>) -> [String: String]? {
        var i = 0
        let n = bytes.count
        func skipSpace() {
            while i < n, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        }
        /// A string with no escape or control character, as valid UTF-8; nil for anything else.
        func string() -> String? {
            guard i < n, bytes[i] == UInt8(ascii: "\"") else { return nil }
            i += 1
            let start = i
            while i < n, bytes[i] != UInt8(ascii: "\"") {
                if bytes[i] == UInt8(ascii: "\\") || bytes[i] < 0x20 { return nil }
                i += 1
            }
            guard i < n else { return nil }
            defer { i += 1 }
            return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        }
        var object: [String: String] = [:]
        skipSpace()
        guard i < n, bytes[i] == UInt8(ascii: "{") else { return nil }
        i += 1
        skipSpace()
        if i < n, bytes[i] == UInt8(ascii: "}") {
            i += 1
        } else {
            while true {
                skipSpace()
                guard let key = string() else { return nil }
                skipSpace()
                guard i < n, bytes[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                skipSpace()
                guard let value = string(), object.updateValue(value, forKey: key) == nil else { return nil }
                skipSpace()
                guard i < n else { return nil }
                if bytes[i] == UInt8(ascii: "}") {
                    i += 1
                    break
                }
                guard bytes[i] == UInt8(ascii: ",") else { return nil }
                i += 1
            }
        }
        skipSpace()
        return i == n ? object : nil
    }
}
