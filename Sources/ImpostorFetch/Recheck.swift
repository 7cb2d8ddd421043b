import Foundation
import ImpostorCore

/// Asks a platform whether an account a council has confirmed or reported is still there, so a case
/// can record when the platform took it down.
public struct Recheck: Sendable {
    public enum Outcome: Sendable {
        /// Still there; with its current profile where the platform's API gives one.
        case present(Profile?)
        /// Gone: deleted, suspended or taken down. The string says which, for the audit trail.
        case gone(String)
        /// Could not tell (network error, unexpected answer): the case stays as it is.
        case unknown(String)
    }

    let session: FetchSession
    let blueskyBaseURL: String

    public init(session: FetchSession, watchlist: Watchlist) {
        self.session = session
        let bluesky = watchlist.settings.sources.first { $0.kind == "bluesky" }
        blueskyBaseURL = bluesky?.options["base_url"]?.string.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
            ?? BlueskySource.defaultBaseURL
    }

    public func check(platform: Platform, stableID: String, handle: String, url: String) async -> Outcome {
        let stats = SourceStats()
        do {
            switch platform {
            case .bluesky: return try await bluesky(did: stableID, stats: stats)
            case .mastodon: return try await mastodon(handle: handle, url: url, stats: stats)
            default: return try await page(url.isEmpty ? stableID : url, stats: stats)
            }
        } catch {
            return .unknown("\(error)")
        }
    }

    private struct XRPCError: Decodable {
        var error: String?
        var message: String?
    }

    /// getProfile answers 400 with a named error for accounts that are taken down, deactivated or unknown.
    private func bluesky(did: String, stats: SourceStats) async throws(FetchError) -> Outcome {
        let url = "\(blueskyBaseURL)/xrpc/app.bsky.actor.getProfile?actor=\(did.queryEncoded)"
        let response = try await session.get(HTTPRequest(url: url), stats: stats, store: false)
        switch response.status {
        case 200:
            guard let actor = try? JSONDecoder().decode(BlueskySource.Actor.self, from: Data(response.body)) else {
                return .unknown("Bluesky answered getProfile with something that is not a profile")
            }
            return .present(BlueskySource.profile(actor))
        case 400, 404:
            let e = try? JSONDecoder().decode(XRPCError.self, from: Data(response.body))
            let name = e?.error ?? ""
            let message = e?.message ?? ""
            if ["AccountTakedown", "AccountDeactivated", "AccountNotFound"].contains(name)
                || message.lowercased().contains("not found")
            {
                return .gone("Bluesky: \(name.isEmpty ? message : name)")
            }
            return .unknown("Bluesky answered \(response.status): \(name) \(message)")
        default:
            return .unknown("Bluesky answered HTTP \(response.status)")
        }
    }

    /// The account's own server: 404 or 410 when deleted, `suspended: true` when the server suspended it.
    private func mastodon(handle: String, url: String, stats: SourceStats) async throws(FetchError) -> Outcome {
        let host = CurlTransfer.host(of: url)
        let local = handle.split(separator: "@", omittingEmptySubsequences: true).first.map(String.init) ?? handle
        guard !host.isEmpty, !local.isEmpty else { return .unknown("no server or handle to look the account up by") }
        let scheme = url.hasPrefix("http://") ? "http" : "https"
        let lookup = "\(scheme)://\(host)/api/v1/accounts/lookup?acct=\(local.queryEncoded)"
        let response = try await session.get(
            HTTPRequest(url: lookup, addressGuard: session.strangerGuard), stats: stats, store: false)
        switch response.status {
        case 200:
            struct Flags: Decodable { var suspended: Bool? }
            if (try? JSONDecoder().decode(Flags.self, from: Data(response.body)))?.suspended == true {
                return .gone("Mastodon: suspended by \(host)")
            }
            return .present(nil)
        case 404, 410: return .gone("Mastodon: \(host) answered HTTP \(response.status)")
        default: return .unknown("Mastodon: \(host) answered HTTP \(response.status)")
        }
    }

    /// Platforms without a public API: only a 404 or 410 on the profile page is a clear answer.
    private func page(_ url: String, stats: SourceStats) async throws(FetchError) -> Outcome {
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else { return .unknown("no profile link to check") }
        let response = try await session.get(
            HTTPRequest(url: url, addressGuard: session.strangerGuard, maxBodyBytes: 2 << 20), stats: stats, store: false)
        switch response.status {
        case 200..<300: return .present(nil)
        case 404, 410: return .gone("the profile page answered HTTP \(response.status)")
        default: return .unknown("the profile page answered HTTP \(response.status)")
        }
    }
}
