import Foundation

/// Why a message could not be read at all. Anything short of that is listed in `ReceivedMail.problems`
/// instead, so one broken part never costs the clerk the rest of a report.
public struct MailParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure, to match on.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let name: String
        public var description: String { name }

        /// No bytes at all.
        public static let empty = Code(name: "empty")
        /// Larger than `ReceivedMail.Limits.maxBytes`.
        public static let tooLarge = Code(name: "tooLarge")
        /// Binary data (an image, an archive, UTF-16), not a message.
        public static let notText = Code(name: "notText")
        /// Neither a header line nor a blank line that ends the headers.
        public static let noHeaders = Code(name: "noHeaders")
    }

    public var code: Code
    /// What happened, in words a clerk can act on.
    public var reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { reason }
}
