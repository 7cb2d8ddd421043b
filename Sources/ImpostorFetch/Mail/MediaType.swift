import Foundation

/// A MIME type such as `text/plain`, lower-cased.
struct MediaType: Sendable, Hashable, CustomStringConvertible {
    var type: String
    var subtype: String

    static let textPlain = MediaType(type: "text", subtype: "plain")
    static let messageRFC822 = MediaType(type: "message", subtype: "rfc822")

    init(type: String, subtype: String) {
        self.type = type
        self.subtype = subtype
    }

    /// Reads `type/subtype`; nil unless both halves are MIME tokens.
    init?(_ value: String) {
        let halves = value.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard halves.count == 2 else { return nil }
        let type = halves[0].trimmingCharacters(in: .whitespaces).lowercased()
        let subtype = halves[1].trimmingCharacters(in: .whitespaces).lowercased()
        guard Self.isToken(type), Self.isToken(subtype) else { return nil }
        self.type = type
        self.subtype = subtype
    }

    var description: String { "\(type)/\(subtype)" }

    private static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 127
            && text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && !"()<>@,;:\\\"/[]?=".utf8.contains($0) }
    }
}
