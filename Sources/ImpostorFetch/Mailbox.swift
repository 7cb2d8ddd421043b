/// The report mailbox: where residents send links and forward scam e-mails.
public struct Mailbox: Sendable, Hashable {
    /// `imaps://mail.example.gov.uk/INBOX` (TLS from the first byte), or `imap://` to a loopback host.
    public var url: String
    public var username: String
    /// The file holding the password (its first line). Never on a command line or in the settings.
    public var passwordFile: String
    /// Where a message goes once its reports are stored. Created when missing; nothing is ever deleted.
    public var processedFolder: String
    /// A PEM bundle of CAs to trust instead of the system store. Verification is never turned off.
    public var caBundle: String?
    /// Milliseconds for each command, the download of a message included.
    public var timeoutMilliseconds: Int
    /// A message larger than this is left where it is, unread, with the reason: the parser's own limit.
    public var maxMessageBytes: Int

    public static let defaultProcessedFolder = "impostor-processed"

    public init(
        url: String, username: String, passwordFile: String, processedFolder: String = defaultProcessedFolder,
        caBundle: String? = nil, timeoutMilliseconds: Int = 60_000, maxMessageBytes: Int = ReceivedMail.Limits().maxBytes
    ) {
        self.url = url
        self.username = username
        self.passwordFile = passwordFile
        self.processedFolder = processedFolder
        self.caBundle = caBundle
        self.timeoutMilliseconds = timeoutMilliseconds
        self.maxMessageBytes = maxMessageBytes
    }
}
