import ImpostorCore
import ImpostorFetch
import Logging

/// Sends the clerk's digest after a scan. A mail failure is logged, never fatal: the cases are stored
/// and the review page shows them either way.
public struct DigestMailer: Sendable {
    public let settings: DaemonSettings.Digest
    public let logger: Logger
    let mailer = Mailer()

    public init(settings: DaemonSettings.Digest, logger: Logger) {
        self.settings = settings
        self.logger = logger
    }

    /// Returns whether the mail was accepted by the server. `to` replaces [digest] to (a shared store
    /// mails each council's own clerks).
    @discardableResult
    public func send(_ outcome: ScanPass.Outcome, watchlist: Watchlist, to: [String]? = nil) async -> Bool {
        let recipients = to ?? settings.to
        let message = MailMessage(
            from: settings.from, to: recipients, subject: Digest.subject(outcome.newCases, watchlist: watchlist),
            body: Digest.body(outcome.newCases, watchlist: watchlist, reviewURL: settings.reviewURL, runID: outcome.runID))
        let server = MailServer(
            url: settings.smtpURL, requireTLS: settings.requireTLS, username: settings.username,
            passwordFile: settings.passwordFile, caBundle: settings.caBundle)
        do {
            try await mailer.send(message, via: server)
            logger.info("digest.sent", metadata: ["to": "\(recipients.joined(separator: ","))", "cases": "\(outcome.newCases.count)"])
            return true
        } catch {
            logger.error("digest.failed", metadata: ["code": "\(error.code)", "error": "\(error.reason)"])
            return false
        }
    }
}
