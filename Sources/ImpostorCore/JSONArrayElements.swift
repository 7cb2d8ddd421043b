/// The top-level elements of a JSON array as text, found by its brackets and strings without reading
/// the elements themselves; or the objects of a file that holds objects one after another, pretty-printed.
enum JSONArrayElements {
    /// Each element's text, in order, up to where the array breaks off (a missing "]", an element missing between
    /// commas, text after the end), whether it closes cleanly, and the text from where it breaks off; nil when
    /// `text` opens neither an array nor an object.
    static func split(_ text: Substring) -> (elements: [Substring], closes: Bool, rest: Substring)? {
        let bytes = text.utf8
        var i = bytes.startIndex
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        // A byte-order mark may open the file.
        if bytes[i...].starts(with: [0xEF, 0xBB, 0xBF]) { i = bytes.index(i, offsetBy: 3) }
        while i < bytes.endIndex, isSpace(bytes[i]) { i = bytes.index(after: i) }
        guard i < bytes.endIndex, bytes[i] == UInt8(ascii: "[") || bytes[i] == UInt8(ascii: "{") else { return nil }
        // Objects one after another, as `jq` prints them, are read as if in an array without its commas.
        let bracketed = bytes[i] == UInt8(ascii: "[")
        if bracketed { i = bytes.index(after: i) }
        var elements: [Substring] = []
        var start: String.Index?, end = i
        var depth = 0, inString = false, escaped = false
        while i < bytes.endIndex {
            let b = bytes[i]
            defer { i = bytes.index(after: i) }
            if inString {
                if escaped {
                    escaped = false
                } else if b == UInt8(ascii: "\\") {
                    escaped = true
                } else if b == UInt8(ascii: "\"") {
                    inString = false
                    end = bytes.index(after: i)
                }
                continue
            }
            if isSpace(b) { continue }
            if depth == 0, !bracketed, let s = start {
                return (elements, false, text[s...])  // text between the objects
            }
            if depth == 0, bracketed, b == UInt8(ascii: ",") || b == UInt8(ascii: "]") {
                if let s = start {
                    elements.append(text[s..<end])
                } else if b == UInt8(ascii: ",") || !elements.isEmpty {
                    return (elements, false, text[i...])  // "[,", ",,", or ",]": an element missing
                }
                start = nil
                if b == UInt8(ascii: "]") {
                    let rest = bytes[bytes.index(after: i)...]
                    return (elements, rest.allSatisfy(isSpace), text[i...])
                }
                continue
            }
            switch b {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                if depth == 0, !bracketed, let s = start {
                    elements.append(text[s...i])
                    start = nil
                    continue
                }
            case UInt8(ascii: "\""):
                inString = true
            default:
                break
            }
            if start == nil { start = i }
            end = bytes.index(after: i)
        }
        if !bracketed {
            let whole = start == nil && depth == 0 && !inString
            return (elements, whole && !elements.isEmpty, start.map { text[$0...] } ?? text[text.endIndex...])
        }
        // Cut short: a last element whose brackets and strings closed is whole; one left open is not.
        if let s = start, depth == 0, !inString {
            elements.append(text[s..<end])
            return (elements, false, text[text.endIndex...])
        }
        return (elements, false, start.map { text[$0...] } ?? text[text.endIndex...])
    }
}
