import Foundation
import Logging
import Synchronization

/// One run's polite access to the web: every source's requests go through here, so rate limits,
/// retries, the request budget and conditional requests apply to all of them.
public final class FetchSession: Sendable {
    public let client: any HTTPClient
    public let cache: ResponseCache?
    public let policy: RetryPolicy
    /// The guard for URLs that come from strangers (avatars, links residents sent).
    public let strangerGuard: AddressGuard
    let logger: Logger
    /// Limits shared with other workers sending from the same address; nil for a lone scan.
    let shared: SharedLimits?
    private let limiter = RateLimiter()
    private let spent = Mutex(0)

    public init(
        client: any HTTPClient, cache: ResponseCache?, policy: RetryPolicy = RetryPolicy(),
        strangerGuard: AddressGuard = AddressGuard(), shared: SharedLimits? = nil, logger: Logger
    ) {
        self.shared = shared
        self.client = client
        self.cache = cache
        self.policy = policy
        self.strangerGuard = strangerGuard
        self.logger = logger
    }

    /// Requests made so far in this run.
    public var requestsMade: Int { spent.withLock { $0 } }

    /// GETs `request`, waiting as rate limits require and retrying 429 and 503 with backoff.
    ///
    /// With `cacheNamespace`, a cached copy makes the request conditional and a 304 returns the
    /// cached body as a 200 (marked `fromCache`); with `store`, a 200 carrying a validator is
    /// cached. Any other status is returned for the caller to judge.
    public func get(
        _ request: HTTPRequest, stats: SourceStats, cacheNamespace: String? = nil, store: Bool = true
    ) async throws(FetchError) -> HTTPResponse {
        let host = CurlTransfer.host(of: request.url)
        let cached = cacheNamespace.flatMap { cache?.lookup(request.url, namespace: $0) }
        var attempt = 0
        while true {
            try await waitForTurn(host: host, stats: stats, url: request.url)
            try spendBudget(url: request.url)
            var conditional = request
            if let cached, let cache {
                conditional.headers.merge(cache.conditionalHeaders(for: cached.entry)) { mine, _ in mine }
            }
            let response = try await client.send(conditional)
            let said = await limiter.record(host: host, response: response)
            if let shared, let said {
                await shared.limits.record(host: host, address: shared.address, remaining: said.remaining,
                                           windowEnds: said.resetIn.map { Date().addingTimeInterval($0) })
            }
            if response.status == 304, let cached,
                let body = FileManager.default.contents(atPath: cached.path)
            {
                var fresh = response
                fresh.status = 200
                fresh.body = [UInt8](body)
                fresh.fromCache = true
                if fresh.headers["content-type"] == nil { fresh.headers["content-type"] = cached.entry.contentType }
                return fresh
            }
            // A quota spent for the month is no pause: the answer goes back at once, for the source to stop on.
            if response.status == 429 || response.status == 503, !Self.quotaSpent(response) {
                let delay = try retryDelay(response, attempt: attempt, url: request.url)
                attempt += 1
                logger.debug("fetch.backoff", metadata: ["fetch.status": "\(response.status)", "fetch.delay": "\(delay)"])
                await limiter.pause(host: host, for: delay)
                if let shared {
                    let seconds = Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
                    await shared.limits.pause(host: host, address: shared.address, until: Date().addingTimeInterval(seconds))
                }
                continue
            }
            if store, response.status == 200, let cacheNamespace, let cache,
                response.header("etag") != nil || response.header("last-modified") != nil
            {
                _ = try? cache.store(request.url, namespace: cacheNamespace, response: response)
            }
            return response
        }
    }

    private func waitForTurn(host: String, stats: SourceStats, url: String) async throws(FetchError) {
        if let shared {
            // Other workers on this address spend the same budget: wait for what they were told too.
            while let until = await shared.limits.reserve(host: host, address: shared.address, at: Date()) {
                // At least a moment, so a clock a little behind another worker's does not spin.
                let delay = Duration.milliseconds(Int64(max(until.timeIntervalSinceNow, 0.05) * 1000))
                if delay > policy.maxWait {
                    throw FetchError(.rateLimited, "the server's rate limit for this address would need a pause of \(delay), more than the \(policy.maxWait) allowed", url: url)
                }
                do {
                    try await Task.sleep(for: delay)
                } catch {
                    throw FetchError(.cancelled, "cancelled while waiting for a rate limit", url: url)
                }
                stats.wait(delay)
            }
        }
        let clock = ContinuousClock()
        while let until = await limiter.reserve(host: host) {
            let delay = clock.now.duration(to: until)
            if delay > policy.maxWait {
                throw FetchError(.rateLimited, "the server's rate limit would need a pause of \(delay), more than the \(policy.maxWait) allowed", url: url)
            }
            do {
                try await Task.sleep(until: until, clock: clock)
            } catch {
                throw FetchError(.cancelled, "cancelled while waiting for a rate limit", url: url)
            }
            stats.wait(delay)
        }
    }

    private func spendBudget(url: String) throws(FetchError) {
        let ok = spent.withLock { count -> Bool in
            guard count < policy.budget else { return false }
            count += 1
            return true
        }
        if !ok {
            throw FetchError(.budget, "this run's budget of \(policy.budget) requests is spent; raise request_budget in impostor.toml", url: url)
        }
    }

    /// A 429 that says the month's quota is spent (X's problem "usage-capped"), not that impostor should slow down:
    /// waiting and asking again cannot help.
    static func quotaSpent(_ response: HTTPResponse) -> Bool {
        guard response.status == 429, response.body.count <= 64 << 10,
            let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any],
            let type = object["type"] as? String
        else { return false }
        return type.hasSuffix("/usage-capped")
    }

    private func retryDelay(_ response: HTTPResponse, attempt: Int, url: String) throws(FetchError) -> Duration {
        guard attempt < policy.maxRetries else {
            // A 503 is a server down or overloaded, not a limit on impostor's own requests.
            if response.status == 503 {
                throw FetchError(.unavailable, "the server was unavailable (HTTP 503) through \(attempt) retries", url: url)
            }
            throw FetchError(.rateLimited, "the server answered \(response.status) after \(attempt) retries", url: url)
        }
        let now = HTTPDates.reference(for: response)
        var named: Double?
        if let value = response.header("retry-after") {
            named = HTTPDates.retryAfter(value, now: now)
        } else if let value = response.header("ratelimit-reset") {
            named = HTTPDates.unixOrDelta(value, now: now)
        } else if let value = response.header("x-ratelimit-reset") {
            named = HTTPDates.iso8601(value, now: now)
        } else if let value = response.header("x-rate-limit-reset") {
            named = HTTPDates.unixOrDelta(value, now: now)
        }
        let delay = named.map(policy.jittered) ?? policy.backoff(attempt: attempt)
        if delay > policy.maxWait {
            throw FetchError(.rateLimited, "the server asks for a pause of \(delay), more than the \(policy.maxWait) allowed", url: url)
        }
        return delay
    }
}
