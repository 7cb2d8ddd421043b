import Foundation
import ImpostorCore

/// One cheap request that tells whether a source's platform answers and takes its key: what
/// `impostor doctor` sends, so a refused key shows before the first night's scan and not during it.
public struct SourceProbe: Sendable {
    let request: HTTPRequest
    /// How the platform says no to the key, when the source has one.
    let api: PlatformAPI?
    /// What the request costs, for the report ("one unit of the day's 10,000").
    public let cost: String

    /// What one probe found.
    public enum Outcome: Sendable, Equatable {
        case answered(String)
        /// The platform refused the key or the app: the text says why and what to do.
        case refused(String)
        /// The platform cannot be reached, or answered with an error.
        case unreachable(String)
    }

    /// Sends the probe once, with no retry beyond the session's own, and never caches the answer.
    public func run(session: FetchSession) async -> Outcome {
        let stats = SourceStats()
        let host = CurlTransfer.host(of: request.url)
        do {
            let response = try await session.get(request, stats: stats, store: false)
            if let api, let refusal = api.refusal(response, url: request.url) { return .refused(refusal.reason) }
            guard (200..<300).contains(response.status) else {
                return .unreachable("\(host) answered HTTP \(response.status) to \(FetchError.redact(request.url))")
            }
            return .answered("\(host) answered (\(cost))")
        } catch {
            return .unreachable(error.reason.contains(host) ? error.reason : "\(host): \(error.reason)")
        }
    }
}

extension ProfileSource {
    /// Sources with nothing to ask beforehand (residents' links) have no probe.
    public var probe: SourceProbe? { nil }
}

extension BlueskySource {
    public var probe: SourceProbe? {
        SourceProbe(request: HTTPRequest(url: "\(baseURL)/xrpc/app.bsky.actor.searchActors?q=council&limit=1"), api: nil,
                    cost: "one search")
    }
}

extension MastodonSource {
    public var probe: SourceProbe? {
        // With a token, the account it belongs to: the server says there whether it takes the token.
        let path = token == nil ? "/api/v1/instance" : "/api/v1/accounts/verify_credentials"
        return SourceProbe(request: HTTPRequest(url: baseURL + path, headers: token.map { ["Authorization": "Bearer \($0)"] } ?? [:]),
                           api: api, cost: token == nil ? "the server's description" : "the token's own account")
    }
}

extension YouTubeSource {
    public var probe: SourceProbe? {
        // YouTube's own channel, by id: one unit of the day's quota.
        SourceProbe(request: HTTPRequest(url: "\(baseURL)/channels?part=id&id=UCBR8-60-B28hp2BmDPdntcQ&key=\(key.queryEncoded)"),
                    api: api, cost: "1 unit of the day's quota")
    }
}

extension XSource {
    public var probe: SourceProbe? {
        SourceProbe(request: HTTPRequest(url: "\(baseURL)/2/users/by?usernames=XDevelopers", headers: ["Authorization": "Bearer \(token)"]),
                    api: api, cost: "one user look-up")
    }
}

extension InstagramSource {
    public var probe: SourceProbe? {
        // The council's own professional account, which every Business Discovery request goes through.
        SourceProbe(request: HTTPRequest(url: "\(baseURL)/\(version)/\(accountID)?fields=id&access_token=\(token.queryEncoded)"),
                    api: api, cost: "one read of the council's own account")
    }
}

extension FacebookSource {
    public var probe: SourceProbe? {
        SourceProbe(request: HTTPRequest(url: "\(baseURL)/\(version)/pages/search?q=council&fields=id&limit=1&access_token=\(token.queryEncoded)"),
                    api: api, cost: "one Pages search")
    }
}

extension WebSearchSource {
    public var probe: SourceProbe? {
        SourceProbe(request: HTTPRequest(url: "\(baseURL)/res/v1/web/search?q=council&count=1", headers: ["X-Subscription-Token": key]),
                    api: api, cost: "1 query of the month's allowance")
    }
}

extension ListingSource {
    public var probe: SourceProbe? {
        // Listings read from files need no network; the first address stands for the rest.
        urls.first.map { SourceProbe(request: HTTPRequest(url: $0, maxBodyBytes: 8 << 20), api: nil, cost: "the first listing page") }
    }
}
