import ArgumentParser
import Foundation
import ImpostorCore
import ImpostorDrafts
import ImpostorFetch
import ImpostorStore
import Logging

/// `impostor notice CASE --submit`: sends the report through the council's own account where the
/// platform takes reports by API (Mastodon and Bluesky), and records what was sent and the answer.
struct ReportSubmission {
    let detail: CaseDetail
    let identity: Identity
    let draft: DraftCase
    let drafter: Drafter
    let store: Store
    let watchlist: Watchlist
    let actor: String

    static let platforms: [Platform] = [.mastodon, .bluesky]

    func run(again: Bool) async throws {
        let summary = detail.summary
        guard Self.platforms.contains(summary.platform) else {
            throw failure(ExitCodes.configuration, "\(summary.platform.rawValue) takes reports only through its own form: paste the notice above into it (only Mastodon and Bluesky reports can be sent with --submit)")
        }
        if !again, let earlier = try previousReport() {
            throw failure(1, "case \(summary.id) was already reported to \(summary.platform.rawValue) on \(ISO8601DateFormatter().string(from: earlier)); add --again to send another report")
        }
        let receipt: ReportReceipt
        do {
            receipt = try await send(summary)
        } catch let error as FetchError {
            let code = [.configuration, .unauthorized].contains(error.code) ? ExitCodes.configuration : 1
            throw failure(code, "\(error.description); nothing was reported")
        } catch let error as DraftError {
            throw failure(1, "\(error.description); nothing was reported")
        }
        do {
            try store.recordSubmission(caseID: summary.id, platform: summary.platform, endpoint: receipt.endpoint,
                                       request: receipt.request, response: receipt.response, succeeded: receipt.accepted,
                                       actor: actor)
        } catch {
            throw failure(ExitCodes.store, "the report was sent (\(receipt.accepted ? "accepted" : receipt.refusal)) but could not be recorded with the case: \(error.reason)")
        }
        guard receipt.accepted else {
            throw failure(1, "\(receipt.endpoint) refused the report: \(receipt.refusal). The attempt is recorded with case \(summary.id).")
        }
        let id = receipt.reportID.map { " as report \(Terminal.safe($0))" } ?? ""
        Console.out("sent to \(Terminal.safe(receipt.endpoint)): accepted\(id); case \(summary.id) is now reported")
    }

    private func send(_ summary: CaseSummary) async throws -> ReportReceipt {
        guard let account = identity.reportingAccount(on: summary.platform) else {
            throw missing("the council's own \(summary.platform.rawValue) account",
                          "[[official]] platform = \"\(summary.platform.rawValue)\" with its handle")
        }
        var logger = Logger(label: "impostor.report")
        logger.logLevel = .warning
        let client = CurlHTTPClient(configuration: Fetcher.httpConfiguration(watchlist), logger: logger)
        if summary.platform == .mastodon {
            guard let tokenFile = identity.reporting?.mastodonTokenFile else {
                throw missing("a token file for \(account)", "[reporting] mastodon_token_file = \"/etc/impostor/secrets/mastodon-token\"")
            }
            let reporter = try MastodonReporter(account: account, server: identity.reporting?.mastodonServer,
                                                tokenFile: tokenFile, client: client)
            let accountID = try await reporter.accountID(handle: summary.handle, uri: summary.stableID)
            return try await reporter.submit([UInt8](try drafter.mastodonReport(for: draft, accountID: accountID).jsonBody()))
        }
        guard let passwordFile = identity.reporting?.blueskyAppPasswordFile else {
            throw missing("an app password file for \(account)",
                          "[reporting] bluesky_app_password_file = \"/etc/impostor/secrets/bluesky-app-password\"")
        }
        let reporter = try BlueskyReporter(account: account, service: identity.reporting?.blueskyService,
                                           moderationService: identity.reporting?.blueskyModerationService,
                                           appPasswordFile: passwordFile, client: client)
        return try await reporter.submit([UInt8](try drafter.blueskyReport(for: draft).jsonBody()))
    }

    /// When the case was last reported to its platform with an accepted answer.
    private func previousReport() throws -> Date? {
        do {
            return try store.submissions(caseID: detail.summary.id)
                .last { $0.platform == detail.summary.platform.rawValue && $0.status == "accepted" }?.sentAt
        } catch {
            throw failure(ExitCodes.store, error.reason)
        }
    }

    private func missing(_ what: String, _ line: String) -> FetchError {
        FetchError(.configuration, "to send reports impostor needs \(what): add \(line) to \(identity.id).toml (the secret stays in its file, never in the watchlist)")
    }

    /// Says why on stderr, on one line whatever the platform's server answered; the caller throws the exit code.
    private func failure(_ code: Int32, _ message: String) -> ExitCode {
        Console.error("impostor: \(Terminal.message(message))")
        return ExitCode(code)
    }
}
