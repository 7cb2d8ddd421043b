/// A plain-text e-mail, such as the clerk's digest after a scan.
public struct MailMessage: Sendable, Hashable {
    /// The sender's address ("impostor@council.example").
    public var from: String
    /// The recipients' addresses.
    public var to: [String]
    public var subject: String
    /// The text; any line endings, any Unicode.
    public var body: String

    public init(from: String, to: [String], subject: String, body: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
    }
}
