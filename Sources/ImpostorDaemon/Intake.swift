import Foundation
import ImpostorCore
import ImpostorFetch
import ImpostorStore
import Logging

/// Reads the report mailbox: every unseen message's links to profiles, and the senders of the scam
/// e-mails it forwards, become reported cases. A message moves to the processed folder only after its
/// cases are stored. One that cannot be read, or holds nothing to act on, stays in the mailbox marked
/// read for the clerk; one whose reports could not be stored stays unseen, to be read again. The
/// outcome says why for each.
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

    /// Messages fetched before the mailbox is told what became of them: one command marks a batch
    /// unseen again, one moves it. A crash can leave at most this many seen and unprocessed.
    static let batch = 20

    public func run() async -> Outcome {
        var outcome = Outcome()
        do {
            let session = try IMAPSession(mailbox)
            let uids = try await session.unseen()
            outcome.messages = uids.count
            if !uids.isEmpty { try await session.ensureProcessedFolder() }
            let taken = Array(uids.prefix(maxMessages))
            for start in stride(from: 0, to: taken.count, by: Self.batch) {
                if Task.isCancelled { break }
                try await take(Array(taken[start..<min(start + Self.batch, taken.count)]), from: session, into: &outcome)
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

    /// What became of one message.
    enum Fate {
        /// Its reports are stored: it moves to the processed folder.
        case processed
        /// Read, with nothing to act on: seen, and left for the clerk.
        case forTheClerk
        /// Not read or not stored: unseen, to be read again.
        case retry
    }

    /// One batch of messages. Throws only when the connection is lost: the rest waits for the next reading.
    private func take(_ uids: [UInt32], from session: IMAPSession, into outcome: inout Outcome) async throws(MailError) {
        var fetched: [(UInt32, [UInt8])] = []
        var tooLarge: [UInt32] = []
        for uid in uids {
            do {
                fetched.append((uid, try await session.fetch(uid)))
            } catch where error.code == .refused {
                // Too large, or gone: left as it is, for the clerk, and not fetched again.
                outcome.notes.append("message \(uid) stays in the mailbox for you: \(error.reason)")
                tooLarge.append(uid)
            }
        }
        // Unseen again at once: until their reports are stored, a crash must leave them to be read again.
        try await session.markUnseen(uids)
        var moves: [UInt32] = [], seen = tooLarge
        for (uid, bytes) in fetched {
            switch await file(uid, bytes, into: &outcome) {
            case .processed: moves.append(uid)
            case .forTheClerk: seen.append(uid)
            case .retry: break
            }
        }
        do {
            try await session.moveToProcessed(moves)
            outcome.processed += moves.count
        } catch where error.code == .refused {
            // Stored all the same; the next reading finds them handled and tries the move again.
            outcome.notes.append("\(moves.count) handled messages could not be moved to \(mailbox.processedFolder): \(error.reason)")
        }
        do {
            try await session.markSeen(seen)
        } catch where error.code == .refused {
            outcome.notes.append("messages left for you could not be marked as read: \(error.reason)")
        }
    }

    /// Reads one message and files its reports.
    private func file(_ uid: UInt32, _ bytes: [UInt8], into outcome: inout Outcome) async -> Fate {
        let mail: ReceivedMail
        do {
            mail = try ReceivedMail(parsing: bytes)
        } catch {
            // Reading it again will not help: it stays for the clerk, read, and is not tried again.
            outcome.notes.append("message \(uid) stays in the mailbox for you: it cannot be read as an e-mail (\(error))")
            return .forTheClerk
        }
        // The Message-ID is the sender's to choose: with the sender's address, two residents who pass
        // on the same scam are two reports.
        let key = mail.messageID.map { "id:\($0) from:\(mail.from?.address ?? "")" } ?? "sha256:" + ContentHash(of: bytes).hex
        let who = Self.describe(mail.from)
        let subject = Digest.clean(mail.subject)
        do {
            // Its reports are stored already; only the move was left undone.
            if try await desk.store.intakeProcessed(key) { return .processed }
        } catch {
            outcome.notes.append("message \(uid) from \(who) stays in the mailbox: \(error.reason)")
            return .retry
        }
        let reporter = ReportDesk.Reporter(name: who, channel: .mailbox, note: subject.isEmpty ? nil : subject, messageID: key)
        var filed = 0
        var refusals: [String] = []
        var storeFailed = false
        func count(_ result: ReportDesk.Filed) {
            filed += 1
            if case .opened(let id) = result.outcome { outcome.opened.append(id) }
        }
        let (links, linksLeftOut) = reportLinks(in: mail)
        for link in links {
            do throws(ReportDesk.Refusal) {
                count(try await desk.file(link: link, by: reporter))
            } catch {
                refusals.append(error.reason)
                storeFailed = storeFailed || error.storeFailed
            }
        }
        for forward in Self.forwards(of: mail) {
            guard let sender = forward.from else { continue }
            do throws(ReportDesk.Refusal) {
                if let result = try await desk.file(sender: sender, subject: forward.subject, text: forward.text, by: reporter) {
                    count(result)
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
            return .retry
        }
        if filed == 0 {
            outcome.notes.append("message \(uid) from \(who) (\"\(subject.prefix(80))\") has no link to a profile or forwarded scam; "
                + "left in the mailbox for you to read" + (refusals.isEmpty ? "" : " (\(refusals.prefix(3).joined(separator: "; ")))"))
            return .forTheClerk
        }
        // Filed, but not all of it was read: the clerk is told where to look, rather than the rest being lost unseen.
        if linksLeftOut || mail.skipped {
            let what = [linksLeftOut ? "links past the first \(Self.maxLinksPerMessage)" : nil,
                        mail.skipped ? "parts it could not read (\(([mail] + Self.forwards(of: mail)).flatMap(\.problems).prefix(2).joined(separator: "; ")))" : nil]
            outcome.notes.append("message \(uid) from \(who) (\"\(subject.prefix(80))\"): \(filed) report(s) filed, but not "
                + what.compactMap { $0 }.joined(separator: " or ") + "; read it in \(mailbox.processedFolder)")
        }
        do {
            try await desk.store.markIntakeProcessed(key, sender: who, subject: subject, reports: filed, at: Date())
        } catch {
            outcome.notes.append("message \(uid) from \(who) stays in the mailbox: \(error.reason)")
            return .retry
        }
        return .processed
    }

    /// The links of a message and of everything it forwards that name a profile on a known platform,
    /// once each, without the council's own sites and accounts.
    /// `leftOut`: links past `maxLinksPerMessage`, or past what the reader keeps of one message, were not filed.
    func reportLinks(in mail: ReceivedMail) -> (links: [String], leftOut: Bool) {
        var seen = Set<String>()
        var links: [String] = []
        let all = [mail] + Self.forwards(of: mail)
        for link in all.flatMap(\.links) {
            guard let address = ProfileAddress.account(of: link), desk.ownSite(link) == nil else { continue }
            guard seen.insert("\(address.platform)\u{0}\(address.platform.canonicalHandle(address.handle))").inserted else { continue }
            if links.count == Self.maxLinksPerMessage { return (links, true) }
            links.append(link)
        }
        return (links, all.contains { $0.linksLeftOut > 0 })
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
