import ImpostorCore

/// Why an e-mail was not sent. The reason never holds the password.
public struct MailError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure, to match on.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let name: String
        public var description: String { name }

        /// An address is not one (or tries to smuggle in a header).
        public static let address = Code(name: "address")
        /// The server settings are wrong or the password file cannot be read.
        public static let configuration = Code(name: "configuration")
        /// TLS was required but not offered, or the certificate did not verify.
        public static let tls = Code(name: "tls")
        /// The server refused the user name or password.
        public static let login = Code(name: "login")
        /// The server refused the sender, a recipient or the message.
        public static let refused = Code(name: "refused")
        /// The server could not be reached or the connection broke.
        public static let connection = Code(name: "connection")
        /// The server did not answer in time.
        public static let timeout = Code(name: "timeout")
        /// The task was cancelled.
        public static let cancelled = Code(name: "cancelled")
        /// Anything else libcurl reported.
        public static let other = Code(name: "other")
    }

    public var code: Code
    /// What happened, in words an administrator can act on.
    public var reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        // A reason may quote the mail server (or libcurl's "Access denied. \u{2}"): one line, controls spelled out.
        self.reason = TerminalText.safe(Redaction.apply(reason), limit: TerminalText.messageLimit)
    }

    public var description: String { Redaction.apply(reason) }
}
