import Foundation

/// A resident's report of one link, as it reached the council: kept on the case with who, when and why.
public struct ResidentReport: Sendable, Codable, Hashable {
    /// How the report came in.
    public enum Channel: String, Sendable, Codable, Hashable {
        /// `impostor add` on the council's computer.
        case command
        /// The review page's "Report a link" form.
        case page
        /// The report mailbox, read over IMAP.
        case mailbox
    }

    public var at: Date
    /// Who reported it: a name, or the sender of a mail ("Jo Bloggs <jo@example.org>").
    public var reporter: String
    public var channel: Channel
    /// The link as the resident gave it.
    public var link: String
    /// Their words: the note, or the mail's subject.
    public var note: String?
    /// The mail's Message-ID: reading the same message again adds nothing.
    public var messageID: String?

    public init(at: Date = Date(), reporter: String, channel: Channel, link: String, note: String? = nil,
                messageID: String? = nil) {
        self.at = at
        self.reporter = reporter
        self.channel = channel
        self.link = link
        self.note = note
        self.messageID = messageID
    }
}

/// What a report did to the cases.
public enum ReportOutcome: Sendable, Hashable {
    /// A new case, opened whatever the score.
    case opened(caseID: Int64)
    /// The account already had a case: the report joined it.
    case added(caseID: Int64)
    /// This very report (the same message) was already on the case: nothing changed.
    case known(caseID: Int64)

    public var caseID: Int64 {
        switch self {
        case .opened(let id), .added(let id), .known(let id): id
        }
    }
}
