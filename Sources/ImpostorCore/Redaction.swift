import Synchronization

/// Every secret impostor has read (API keys, tokens, passwords), and the one step that takes them out
/// of any text before it leaves: error messages, logs, the store, `status`, notices. A server that
/// quotes the request back in an error must not put the council's key into the log.
public enum Redaction {
    public static let marker = "[redacted]"
    /// Shorter values are not secrets worth the name, and would blank out ordinary words.
    static let shortest = 6

    private static let secrets = Mutex<[[UInt8]]>([])

    /// Remembers `secret` for the rest of the process.
    public static func register(_ secret: String) {
        let bytes = Array(secret.utf8)
        guard bytes.count >= shortest else { return }
        secrets.withLock { known in
            if !known.contains(bytes) { known.append(bytes) }
            // Longest first, so a secret is replaced whole before a shorter one inside it.
            known.sort { $0.count > $1.count }
        }
    }

    /// `text` with every registered secret replaced by the marker, in any form it takes in a URL, a
    /// form or JSON: each byte as itself or %-escaped (either case), a slash as `\/`, a space as `+`.
    public static func apply(_ text: String) -> String {
        let known = secrets.withLock { $0 }
        guard !known.isEmpty else { return text }
        var bytes = Array(text.utf8)
        var changed = false
        for secret in known {
            var out: [UInt8] = []
            var i = 0
            var found = false
            while i < bytes.count {
                if let end = match(secret, in: bytes, at: i) {
                    out += marker.utf8
                    i = end
                    found = true
                } else {
                    out.append(bytes[i])
                    i += 1
                }
            }
            if found {
                bytes = out
                changed = true
            }
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }

    /// Where a copy of `secret` starting at `start` ends, or nil when there is none.
    static func match(_ secret: [UInt8], in text: [UInt8], at start: Int) -> Int? {
        var p = start
        for byte in secret {
            guard p < text.count else { return nil }
            if text[p] == byte {
                p += 1
            } else if text[p] == UInt8(ascii: "%"), p + 2 < text.count, let high = hexValue(text[p + 1]),
                      let low = hexValue(text[p + 2]), high << 4 | low == byte
            {
                p += 3
            } else if byte == UInt8(ascii: "/"), text[p] == UInt8(ascii: "\\"), p + 1 < text.count,
                      text[p + 1] == UInt8(ascii: "/")
            {
                p += 2
            } else if byte == UInt8(ascii: " "), text[p] == UInt8(ascii: "+") {
                p += 1
            } else {
                return nil
            }
        }
        return p
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
