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
    /// The YouTube Data API and its key, when a youtube source is configured.
    let youtube: (base: String, key: String)?
    /// The X API and its bearer token, when an x source is configured.
    let x: (base: String, token: String)?

    public init(session: FetchSession, watchlist: Watchlist) {
        self.session = session
        func options(_ kind: String) -> SourceOptions? {
            watchlist.settings.sources.first { $0.kind == kind }.map { SourceOptions(settings: $0, directory: watchlist.directory) }
        }
        blueskyBaseURL = (try? options("bluesky")?.baseURL(default: BlueskySource.defaultBaseURL)) ?? BlueskySource.defaultBaseURL
        // A key that cannot be read is the source's own error in the scan; here the platform is skipped.
        youtube = options("youtube").flatMap { o in
            guard let key = try? o.secret("key_file"), let base = try? o.baseURL(default: YouTubeSource.defaultBaseURL) else { return nil }
            return (base, key)
        }
        x = options("x").flatMap { o in
            guard let token = try? o.secret("token_file"), let base = try? o.baseURL(default: XSource.defaultBaseURL) else { return nil }
            return (base, token)
        }
    }

    /// The platforms whose accounts can be looked up exactly, with what each shows publicly.
    public var platformsWithAPI: [Platform] {
        [.bluesky, .mastodon] + (youtube == nil ? [] : [.youtube]) + (x == nil ? [] : [.x])
    }

    /// One of the council's own accounts, as its platform's API shows it now: the takeover watch's eyes.
    public func lookUp(_ account: AccountReference) async -> Outcome {
        let stats = SourceStats()
        let handle = account.platform.canonicalHandle(account.handle)
        do {
            switch account.platform {
            case .bluesky: return try await bluesky(did: handle, stats: stats)
            case .mastodon:
                let server = handle.split(separator: "@").dropFirst().first.map(String.init)
                let url = account.url ?? server.map { "https://\($0)/@\(handle)" } ?? ""
                return try await mastodon(handle: handle, url: url, stats: stats, wantProfile: true)
            // Channel ids ("UC…") are case-sensitive: looked up as written.
            case .youtube: return try await youtubeChannel(String(account.handle.trimmingSpaces().drop { $0 == "@" }), stats: stats)
            case .x: return try await xUser(handle, stats: stats)
            default: return .unknown("\(account.platform) has no public API to look an account up")
            }
        } catch {
            return .unknown("\(error)")
        }
    }

    public func check(platform: Platform, stableID: String, handle: String, url: String) async -> Outcome {
        let stats = SourceStats()
        do {
            switch platform {
            case .bluesky: return try await bluesky(did: stableID, stats: stats)
            case .mastodon: return try await mastodon(handle: handle, url: url, stats: stats, wantProfile: false)
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
    private func mastodon(handle: String, url: String, stats: SourceStats, wantProfile: Bool) async throws(FetchError)
        -> Outcome
    {
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
            guard wantProfile else { return .present(nil) }
            guard let account = try? JSONDecoder().decode(MastodonSource.Account.self, from: Data(response.body)) else {
                return .unknown("Mastodon: \(host) answered the look-up with something that is not an account")
            }
            return .present(MastodonSource.profile(account, server: "\(scheme)://\(host)"))
        case 404, 410: return .gone("Mastodon: \(host) answered HTTP \(response.status)")
        default: return .unknown("Mastodon: \(host) answered HTTP \(response.status)")
        }
    }

    /// `channels.list` by handle (or by id for a "UC…" channel id): no `items` means no such channel.
    private func youtubeChannel(_ handle: String, stats: SourceStats) async throws(FetchError) -> Outcome {
        guard let youtube else { return .unknown("no youtube source with a key is configured") }
        let isID = handle.count == 24 && handle.hasPrefix("UC")
        let which = isID ? "id=\(handle.queryEncoded)" : "forHandle=\(("@" + handle).queryEncoded)"
        let url = "\(youtube.base)/channels?part=snippet&\(which)&key=\(youtube.key.queryEncoded)"
        let response = try await session.get(HTTPRequest(url: url), stats: stats, store: false)
        if let refusal = PlatformAPI.youtube(keyFile: "key_file").refusal(response, url: url) {
            return .unknown("YouTube: \(refusal.reason)")
        }
        guard response.status == 200,
            let page = try? JSONDecoder().decode(YouTubeSource.ChannelPage.self, from: Data(response.body))
        else {
            return .unknown("YouTube answered HTTP \(response.status)")
        }
        guard let item = page.items?.first else { return .gone("YouTube: no channel \(isID ? handle : "@" + handle)") }
        return .present(YouTubeSource.profile(id: item.id, snippet: item.snippet, subscribers: nil))
    }

    /// `users/by?usernames=`: a suspended or unknown name comes back in `errors`, with its reason.
    private func xUser(_ name: String, stats: SourceStats) async throws(FetchError) -> Outcome {
        guard let x else { return .unknown("no x source with a token is configured") }
        let url = "\(x.base)/2/users/by?usernames=\(name.queryEncoded)&user.fields=\(XSource.fields)"
        let response = try await session.get(
            HTTPRequest(url: url, headers: ["Authorization": "Bearer \(x.token)"]), stats: stats, store: false)
        if let refusal = PlatformAPI.x(tokenFile: "token_file").refusal(response, url: url) {
            return .unknown("X: \(refusal.reason)")
        }
        guard response.status == 200, let page = try? JSONDecoder().decode(XSource.Page.self, from: Data(response.body)) else {
            return .unknown("X answered HTTP \(response.status)")
        }
        if let user = page.data?.first { return .present(XSource.profile(user)) }
        if let problem = page.errors?.first {
            return .gone("X: \(problem.detail ?? problem.title ?? "the account is not there")")
        }
        return .unknown("X answered with neither the account nor an error")
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
