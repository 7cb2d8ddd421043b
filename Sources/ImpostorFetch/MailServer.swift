/// Where and how mail is sent: an SMTP server, its TLS and its login.
public struct MailServer: Sendable, Hashable {
    /// `smtp://host:587` (STARTTLS) or `smtps://host:465` (TLS from the first byte); a path
    /// (`smtp://host:587/council.example`) names the domain libcurl greets the server with.
    public var url: String
    /// When true (the default) the message goes only over TLS: an `smtp://` server that does not
    /// offer STARTTLS fails the send instead of receiving the login and the message in clear.
    public var requireTLS: Bool
    /// The login name, when the server wants one.
    public var username: String?
    /// The file holding the password (its first line). Never on a command line or in the settings.
    public var passwordFile: String?
    /// A PEM bundle of CAs to trust instead of the system store. Verification is never turned off.
    public var caBundle: String?
    /// Milliseconds for the whole conversation.
    public var timeoutMilliseconds: Int

    public init(
        url: String, requireTLS: Bool = true, username: String? = nil, passwordFile: String? = nil, caBundle: String? = nil,
        timeoutMilliseconds: Int = 60_000
    ) {
        self.url = url
        self.requireTLS = requireTLS
        self.username = username
        self.passwordFile = passwordFile
        self.caBundle = caBundle
        self.timeoutMilliseconds = timeoutMilliseconds
    }
}
