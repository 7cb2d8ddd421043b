import Foundation

/// The header block of a message or a MIME part: fields unfolded, names lower-cased, in order.
struct MailHeaders: Sendable {
    struct Field: Sendable {
        /// Lower-cased (`content-type`).
        var name: String
        /// The raw value, unfolded, without the blank after the colon; at most `maxValueBytes`.
        var value: [UInt8]
        /// How long the value was before it was cut.
        var fullLength: Int
    }

    /// A field longer than this is cut: no real header comes near it, and a 1 MB Subject is an attack.
    static let maxValueBytes = 64 * 1024

    var fields: [Field] = []
    /// Where the body starts in the bytes the headers were read from.
    var bodyStart: Int
    /// A blank line ended the headers, as it should.
    var endedWithBlankLine = false
    /// A line that was no header ended them instead (1-based line number), the body starting there.
    var strayLine: Int?
    /// Fields cut at `maxValueBytes`.
    var cutFields: [Field] { fields.filter { $0.fullLength > $0.value.count } }

    static let maxFields = 1_000

    /// Reads header lines from LF-ended bytes until a blank line, the end, or a line that is not a header.
    /// A whole message (`isMessage`) may start with an mbox `From ` line, which is passed over.
    init(reading bytes: ArraySlice<UInt8>, isMessage: Bool) {
        bodyStart = bytes.endIndex
        var lineStart = bytes.startIndex
        var lineNumber = 0
        while lineStart < bytes.endIndex {
            lineNumber += 1
            let lineEnd = bytes[lineStart...].firstIndex(of: MailBytes.lf) ?? bytes.endIndex
            let next = min(lineEnd + 1, bytes.endIndex)
            let line = bytes[lineStart..<lineEnd]
            defer { lineStart = next }
            if line.isEmpty {
                endedWithBlankLine = true
                bodyStart = next
                break
            }
            if let first = line.first, MailBytes.isBlank(first) {
                // A folded continuation; one before any field is noise and passed over.
                guard !fields.isEmpty else { continue }
                appendToLast(line)
                continue
            }
            // Real mail has tens of fields; megabytes of "a:b" lines would cost an allocation each.
            if let field = Self.field(line), fields.count < Self.maxFields {
                fields.append(Field(name: field.name, value: [], fullLength: 0))
                appendToLast(field.value)
                continue
            }
            // An mbox "From " separator line before the first field is not part of the message.
            if isMessage, fields.isEmpty, lineNumber == 1, MailBytes.hasPrefix(line, Array("from ".utf8)) { continue }
            strayLine = lineNumber
            bodyStart = lineStart
            break
        }
    }

    /// The first value of a field, by lower-case name.
    func first(_ name: String) -> [UInt8]? {
        fields.first { $0.name == name }?.value
    }

    func count(_ name: String) -> Int {
        fields.count { $0.name == name }
    }

    private mutating func appendToLast(_ piece: ArraySlice<UInt8>) {
        guard let last = fields.indices.last else { return }
        let room = Self.maxValueBytes - fields[last].value.count
        fields[last].value.append(contentsOf: piece.prefix(max(0, room)))
        fields[last].fullLength += piece.count
    }

    /// `Name: value` split at the first colon, if the name is printable ASCII without spaces. A blank
    /// before the colon (obsolete syntax) is allowed.
    private static func field(_ line: ArraySlice<UInt8>) -> (name: String, value: ArraySlice<UInt8>)? {
        guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex, colon - line.startIndex <= 200
        else { return nil }
        var nameEnd = colon
        while nameEnd > line.startIndex, MailBytes.isBlank(line[nameEnd - 1]) { nameEnd -= 1 }
        let name = line[line.startIndex..<nameEnd]
        guard !name.isEmpty, name.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        var valueStart = colon + 1
        while valueStart < line.endIndex, MailBytes.isBlank(line[valueStart]) { valueStart += 1 }
        return (MailBytes.string(name).lowercased(), line[valueStart...])
    }
}
