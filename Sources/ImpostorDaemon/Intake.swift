import Foundation
import ImpostorCore
import ImpostorFetch
import ImpostorStore
import Logging

/// Reads the report mailbox: every unseen message's links to profiles, and the senders of the scam
/// e-mails it forwards, become reported cases. A message moves to the processed folder only after its
/// cases are stored; one that cannot be read stays where it was, unseen, and the outcome says why.
public struct Intake: Sendable {
    public let mailbox: Mailbox
    public let desk: ReportDesk
    public let logger: Logger
    /// At most this many messages a reading, oldest first; the rest wait for the next.
    public let maxMessages: Int
    /// At most this many profile links a message: a report names a few accounts, not thousands.
    public static let maxLinksPerMessage = 25

    public init(mailbox: Mailbox, desk: ReportDesk, logger: Logger, maxMessages: Int = 500) {
        self.mailbox = mailbox
        self.desk = desk
        self.logger = logger
        self.maxMessages = maxMessages
    }

    /// What one reading of the mailbox did.
    public struct Outcome: Sendable {
        /// Unseen messages found.
        public var messages = 0
        /// Messages whose reports are stored and which moved to the processed folder.
        public var processed = 0
        /// Reports filed (one per link or scam sender), counting those already on their case.
        public var reports = 0
        /// Cases opened by these reports.
        public var opened: [Int64] = []
        /// Messages left in the mailbox for the clerk, and why: each a line the scan prints.
        public var notes: [String] = []
        /// The mailbox could not be read at all (login refused, server unreachable).
        public var failure: String?
    }

    public func run() async -> Outcome {
        var outcome = Outcome()
        let session: IMAPSession
        do {
            session = try IMAPSession(mailbox)
            let uids = try await session.unseen()
            outcome.messages = uids.count
            if !uids.isEmpty { try await session.ensureProcessedFolder() }
            for uid in uids.prefix(maxMessages) {
                if Task.isCancelled { break }
                try await take(uid, from: session, into: &outcome)
            }
            if uids.count > maxMessages {
                outcome.notes.append("\(uids.count - maxMessages) more messages wait for the next reading")
            }
        } catch {
            outcome.failure = "the report mailbox: \(error.reason)"
            logger.error("intake.failed", metadata: ["error": "\(error.reason)"])
        }
        logger.info("intake.end", metadata: [
            "messages": "\(outcome.messages)", "processed": "\(outcome.processed)", "reports": "\(outcome.reports)",
            "opened": "\(outcome.opened.count)",
        ])
        return outcome
    }

    /// One message. Throws only when the connection is lost: the rest then waits for the next reading.
    private func take(_ uid: UInt32, from session: IMAPSession, into outcome: inout Outcome) async throws(MailError) {
        let bytes: [UInt8]
        do {
            bytes = try await session.fetch(uid)
        } catch where error.code == .refused {
            outcome.notes.append("message \(uid) stays in the mailbox: \(error.reason)")
            try await session.markUnseen(uid)
            return
        }
        // Unseen again at once: until its reports are stored, a crash must leave it to be read again.
        try await session.markUnseen(uid)
        let mail: ReceivedMail
        do {
            mail = try ReceivedMail(parsing: bytes)
        } catch {
            outcome.notes.append("message \(uid) stays in the mailbox: it cannot be read as an e-mail (\(error))")
            return
        }
        let key = mail.messageID.map { "id:" + $0 } ?? "sha256:" + ContentHash(of: bytes).hex
        let who = Self.describe(mail.from)
        let subject = Digest.clean(mail.subject)
        let handled: Bool
        do {
            handled = try desk.store.intakeProcessed(key)
        } catch {
            outcome.notes.append("message \(uid) from \(who) stays in the mailbox: \(error.reason)")
            return
        }
        if handled {
            // Its reports are stored; only the move was left undone.
            try await session.moveToProcessed(uid)
            outcome.processed += 1
            return
        }
        let reporter = ReportDesk.Reporter(name: who, channel: .mailbox, note: subject.isEmpty ? nil : subject, messageID: key)
        var filed = 0
        var refusals: [String] = []
        var storeFailed = false
        for link in reportLinks(in: mail) {
            do throws(ReportDesk.Refusal) {
                let result = try await desk.file(link: link, by: reporter)
                filed += 1
                if case .opened(let id) = result.outcome { outcome.opened.append(id) }
            } catch {
                refusals.append(error.reason)
                storeFailed = storeFailed || error.storeFailed
            }
        }
        for forward in Self.forwards(of: mail) {
            guard let sender = forward.from else { continue }
            do throws(ReportDesk.Refusal) {
                if let result = try desk.file(sender: sender, subject: forward.subject, text: forward.text, by: reporter) {
                    filed += 1
                    if case .opened(let id) = result.outcome { outcome.opened.append(id) }
                }
            } catch {
                refusals.append(error.reason)
                storeFailed = storeFailed || error.storeFailed
            }
        }
        outcome.reports += filed
        // A store error leaves the message to be read again; a link that is not a report does not.
        if storeFailed {
            outcome.notes.append("message \(uid) from \(who) stays in the mailbox: \(refusals.joined(separator: "; "))")
            return
        }
        if filed == 0 {
            // Nothing impostor can act on: the clerk reads it. Seen, so it is not read again.
            outcome.notes.append("message \(uid) from \(who) (\"\(subject.prefix(80))\") has no link to a profile or forwarded scam; "
                + "left in the mailbox for you to read" + (refusals.isEmpty ? "" : " (\(refusals.prefix(3).joined(separator: "; ")))"))
            _ = try await session.fetch(uid)
            return
        }
        do {
            try desk.store.markIntakeProcessed(key, sender: who, subject: subject, reports: filed)
        } catch {
            outcome.notes.append("message \(uid) from \(who) stays in the mailbox: \(error.reason)")
            return
        }
        try await session.moveToProcessed(uid)
        outcome.processed += 1
    }

    /// The links of a message and of everything it forwards that name a profile on a known platform,
    /// once each, without the council's own sites and accounts.
    func reportLinks(in mail: ReceivedMail) -> [String] {
        var seen = Set<String>()
        var links: [String] = []
        for link in ([mail] + Self.forwards(of: mail)).flatMap(\.links) {
            guard let address = ProfileAddress(url: link), desk.ownSite(link) == nil else { continue }
            if seen.insert("\(address.platform)\u{0}\(address.platform.canonicalHandle(address.handle))").inserted {
                links.append(link)
            }
            if links.count == Self.maxLinksPerMessage { break }
        }
        return links
    }

    /// Every message forwarded inside `mail`, at any depth.
    static func forwards(of mail: ReceivedMail) -> [ReceivedMail] {
        mail.forwarded.flatMap { [$0] + forwards(of: $0) }
    }

    static func describe(_ address: MailAddress?) -> String {
        guard let address else { return "an unknown sender" }
        let name = Digest.clean(address.name)
        return name.isEmpty ? address.address : "\(name) <\(address.address)>"
    }
}
