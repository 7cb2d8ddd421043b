import Foundation
import ImpostorCore
import Testing

@testable import ImpostorFetch

@Suite("Rate limits, retries and the request budget")
struct FetchSessionTests {
    @Test func a429WithRetryAfterSecondsIsRetriedAfterTheWait() async throws {
        try await withServer { server in
            let stats = SourceStats()
            let start = ContinuousClock.now
            let response = try await Fixtures.session().get(HTTPRequest(url: server.base + "/retry/seconds"), stats: stats)
            #expect(response.status == 200)
            #expect(ContinuousClock.now - start >= .seconds(1))
            #expect(stats.waits == 1)
        }
    }

    /// A date is measured against the server's own Date header: neither a slow look at the response
    /// (a busy machine) nor a server clock an hour off may bring the retry before the date it named.
    @Test(arguments: ["/retry/date", "/retry/skewed-date"])
    func a503WithRetryAfterAsADateIsRetriedAfterThatDate(path: String) async throws {
        try await withServer { server in
            let stats = SourceStats()
            let session = Fixtures.session()
            let response = try await session.get(HTTPRequest(url: server.base + path), stats: stats)
            #expect(response.status == 200)
            #expect(stats.waits == 1)
            #expect(session.requestsMade == 2)
            let counters = try await server.stats()
            let until = try #require((counters["retry_until"] as? [String: Any])?[path] as? Double)
            let times = try #require((counters["times"] as? [String: Any])?[path] as? [Double])
            #expect(times.count == 2)
            // The server's own clock says when the retry came; it must not be before the date it named.
            #expect(times.last ?? 0 >= until, "retried \(until - (times.last ?? 0)) s early")
        }
    }

    @Test func endless429sFailAfterTheRetries() async throws {
        try await withServer { server in
            var policy = RetryPolicy()
            policy.maxRetries = 2
            let session = Fixtures.session(policy: policy)
            let error = await Fixtures.error { try await session.get(HTTPRequest(url: server.base + "/always429"), stats: SourceStats()) }
            #expect(error?.code == .rateLimited)
            #expect(session.requestsMade == 3)
        }
    }

    @Test func aPauseLongerThanAllowedFailsAtOnce() async throws {
        var policy = RetryPolicy()
        policy.maxWait = .seconds(1)
        let session = FetchSession(
            client: FakeClient(status: 429, headers: ["retry-after": "3600"]), cache: nil, policy: policy, logger: Fixtures.logger)
        let start = ContinuousClock.now
        let error = await Fixtures.error { try await session.get(HTTPRequest(url: "http://example.invalid/"), stats: SourceStats()) }
        #expect(error?.code == .rateLimited)
        // Not the hour the server asked for (a loaded machine gets plenty of slack).
        #expect(ContinuousClock.now - start < .seconds(60))
    }

    @Test func theRequestBudgetIsNeverExceeded() async throws {
        var policy = RetryPolicy()
        policy.budget = 2
        let session = FetchSession(client: FakeClient(status: 200), cache: nil, policy: policy, logger: Fixtures.logger)
        for _ in 0..<2 { _ = try await session.get(HTTPRequest(url: "http://example.invalid/"), stats: SourceStats()) }
        let error = await Fixtures.error { try await session.get(HTTPRequest(url: "http://example.invalid/"), stats: SourceStats()) }
        #expect(error?.code == .budget)
        #expect(session.requestsMade == 2)
    }

    @Test func blueskyRateLimitHeadersAreHonoured() async throws {
        try await withServer { server in
            // 3 search requests per 2-second window; 5 search pages need a wait, unless a loaded
            // machine was so slow that the window had passed anyway. Never a 429 either way.
            let start = ContinuousClock.now
            let report = await Fixtures.run([
                Fixtures.source("bluesky", ["base_url": .string(server.base + "/rl/bsky"), "max_pages": .integer(5), "page_size": .integer(2)])
            ])
            let elapsed = ContinuousClock.now - start
            let summary = try #require(report.summaries.first)
            #expect(summary.errors.isEmpty)
            #expect(report.profiles.count == 10)
            #expect(summary.waits >= 1 || elapsed >= .seconds(2), "no wait in \(elapsed)")
            let counters = try await server.stats()
            #expect(counters["violations"] as? Int == 0)
        }
    }

    @Test func mastodonRateLimitHeadersAreHonoured() async throws {
        try await withServer { server in
            // 2 searches per 2-second window for 5 queries: a wait, unless the machine was that slow anyway.
            let identity = ImpostorCoreIdentity.make(queries: ["q1", "q2", "q3", "q4"])
            let start = ContinuousClock.now
            let report = await Fixtures.run(
                [Fixtures.source("mastodon", ["base_url": .string(server.base + "/rl"), "squats": .integer(0)])], identity: identity)
            let elapsed = ContinuousClock.now - start
            let summary = try #require(report.summaries.first)
            #expect(summary.errors.isEmpty)
            #expect(summary.pages == 5)
            #expect(summary.waits >= 1 || elapsed >= .seconds(4), "no wait in \(elapsed)")
            let counters = try await server.stats()
            #expect(counters["violations"] as? Int == 0)
        }
    }

    @Test func conditionalRequestsReuseTheCachedBody() async throws {
        try await withServer { server in
            let session = Fixtures.session()
            let url = server.base + "/avatar.png"
            let first = try await session.get(HTTPRequest(url: url), stats: SourceStats(), cacheNamespace: "t")
            let second = try await session.get(HTTPRequest(url: url), stats: SourceStats(), cacheNamespace: "t")
            #expect(!first.fromCache && second.fromCache)
            #expect(first.body == second.body && second.status == 200)
            let stats = try await server.stats()
            #expect(stats["avatar_200"] as? Int == 1)
            #expect(stats["avatar_304"] as? Int == 1)
        }
    }
}

/// A client that answers every request the same way, for the pure logic of the session.
struct FakeClient: HTTPClient {
    var status: Int
    var headers: [String: String] = [:]

    func send(_ request: HTTPRequest) async throws(FetchError) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Array("{}".utf8), effectiveURL: request.url)
    }
}
