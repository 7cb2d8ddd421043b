import Foundation

/// One e-mail as the report mailbox received it, decoded. Every message is written by a stranger, so
/// reading never traps and never throws for damage it can read past: what it could not read is listed
/// in `problems` in words a clerk can follow.
///
/// Links belong to the text they were found in. `links` holds those of this message's own words (its
/// text/plain and text/html parts, `<a href>` targets included); the links of a message forwarded inside
/// it, attached or inline, are in that message's entry in `forwarded` only.
public struct ReceivedMail: Sendable, Hashable {
    /// The From header: display name decoded, domain lower-cased. Nil when it holds no readable address.
    public var from: MailAddress?
    /// The Subject, RFC 2047 words decoded, on one line; empty when there is none.
    public var subject: String
    /// The Message-ID without its angle brackets.
    public var messageID: String?
    /// The Date header as written (one line); not parsed, since a scammer's clock proves nothing.
    public var date: String?
    /// The readable text: the text/plain parts joined, or else the text/html parts as text (with each
    /// link's address after its words). Forwarded blocks are not in it; they are in `forwarded`.
    public var text: String
    /// Every http(s) link in this message's own text, safety redirects unwrapped, in order of first
    /// appearance, each once, at most `Limits.maxLinks`. When a message has both, the links only its
    /// HTML version holds (an href whose words hide it) come after those of its plain text.
    public var links: [String]
    /// Messages forwarded inside this one: inline forwarded blocks of the text first, in order, then
    /// message/rfc822 attachments in the order they came. A forward of a forward nests.
    public var forwarded: [ReceivedMail]
    /// What could not be read, in plain words ("part 3 has an unknown encoding x-uue; skipped").
    public var problems: [String]
    /// How many more distinct links there were beyond `Limits.maxLinks`.
    public var linksLeftOut: Int
    /// Some of it was not read at all (parts nested too deep, past the part limit, in an unknown encoding):
    /// `problems` says which. A report may hide there, so the clerk is told.
    public var skipped = false

    /// Bounds on the work one message may cause.
    public struct Limits: Sendable, Hashable {
        /// Larger messages are refused whole.
        public var maxBytes: Int
        /// MIME parts and inline forwarded blocks together, across nested messages; the rest are skipped.
        public var maxParts: Int
        /// How deep multiparts and forwarded messages may nest (at most 64 is honoured).
        public var maxDepth: Int
        /// Links kept per message; the rest are counted in `linksLeftOut`.
        public var maxLinks: Int
        /// UTF-8 bytes of `text` kept per message. Links are still found in all of it.
        public var maxTextBytes: Int

        public init(
            maxBytes: Int = 16 << 20, maxParts: Int = 200, maxDepth: Int = 8, maxLinks: Int = 100,
            maxTextBytes: Int = 1 << 20
        ) {
            self.maxBytes = maxBytes
            self.maxParts = maxParts
            self.maxDepth = maxDepth
            self.maxLinks = maxLinks
            self.maxTextBytes = maxTextBytes
        }
    }

    /// Reads a raw RFC 5322 message (as fetched over IMAP: any line ends, any bytes). Throws only when
    /// it is not a message at all: empty, over `limits.maxBytes`, binary, or without a single header
    /// line or blank line ending the headers.
    public init(parsing bytes: [UInt8], limits: Limits = .init()) throws(MailParseError) {
        guard !bytes.isEmpty else { throw MailParseError(.empty, "the message is empty") }
        guard bytes.count <= limits.maxBytes else {
            throw MailParseError(.tooLarge, "the message is \(bytes.count) bytes, over the limit of \(limits.maxBytes)")
        }
        guard MailBytes.looksLikeText(bytes) else {
            throw MailParseError(.notText, "the message is binary data, not text")
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let normalised = MailBytes.normalisedLines(body)
        var reader = MessageReader(limits: limits)
        self = try reader.read(normalised.bytes[...], depth: 0)
        if normalised.nuls > 0 {
            problems.insert("the message held \(normalised.nuls) NUL bytes; they were removed", at: 0)
        }
    }

    public init(
        from: MailAddress? = nil, subject: String = "", messageID: String? = nil, date: String? = nil,
        text: String = "", links: [String] = [], forwarded: [ReceivedMail] = [], problems: [String] = [],
        linksLeftOut: Int = 0
    ) {
        self.from = from
        self.subject = subject
        self.messageID = messageID
        self.date = date
        self.text = text
        self.links = links
        self.forwarded = forwarded
        self.problems = problems
        self.linksLeftOut = linksLeftOut
    }
}
