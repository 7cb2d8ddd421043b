import ImpostorCore

/// HTML escaping. Every piece of text that reaches a page goes through `escape`: profile text is the
/// impostor's own words and may hold markup or script.
enum HTML {
    static func escape(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }

    /// A query-string or path component.
    static func component(_ text: String) -> String {
        var allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        allowed.remove(0)
        var out = ""
        for byte in text.utf8 {
            if allowed.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
