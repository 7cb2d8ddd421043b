import Foundation
import ImpostorCore
import Testing

@testable import ImpostorFetch

@Suite("libcurl client against local servers")
struct CurlHTTPClientTests {
    @Test func aStallingServerTimesOut() async throws {
        try await withServer { server in
            let session = Fixtures.session(Fixtures.configuration {
                $0.totalTimeoutMilliseconds = 1_500
                $0.lowSpeedSeconds = 1
            })
            // The server stalls for 30 s after 10 of 100,000 bytes: the client gives up with a timeout.
            let error = await Fixtures.error { try await session.client.send(HTTPRequest(url: server.base + "/stall")) }
            #expect(error?.code == .timeout)
            // The client still works afterwards.
            let ok = try await session.client.send(HTTPRequest(url: server.base + "/listing.csv"))
            #expect(ok.status == 200)
        }
    }

    @Test func aTruncatedBodyIsAConnectionError() async throws {
        try await withServer { server in
            let error = await Fixtures.error { try await Fixtures.session().client.send(HTTPRequest(url: server.base + "/truncated")) }
            #expect(error?.code == .connection)
        }
    }

    @Test func aGzipBombStopsAtTheDecodedLimit() async throws {
        try await withServer { server in
            let session = Fixtures.session(Fixtures.configuration { $0.maxBodyBytes = 1 << 20 })
            let error = await Fixtures.error { try await session.client.send(HTTPRequest(url: server.base + "/gzipbomb")) }
            #expect(error?.code == .tooLarge)
            #expect(error?.reason.contains("1048576-byte") == true)
        }
    }

    @Test(arguments: ["/big", "/bigchunked"])
    func anOversizedBodyFails(path: String) async throws {
        try await withServer { server in
            let session = Fixtures.session(Fixtures.configuration { $0.maxBodyBytes = 1 << 20 })
            let error = await Fixtures.error { try await session.client.send(HTTPRequest(url: server.base + path)) }
            #expect(error?.code == .tooLarge)
        }
    }

    @Test func aRedirectLoopEnds() async throws {
        try await withServer { server in
            let error = await Fixtures.error { try await Fixtures.session().client.send(HTTPRequest(url: server.base + "/loop")) }
            #expect(error?.code == .redirects)
        }
    }

    @Test func compressedResponsesAreDecoded() async throws {
        try await withServer { server in
            // The bomb decodes to zeros: under a big enough limit, every decoded byte arrives.
            let session = Fixtures.session(Fixtures.configuration { $0.maxBodyBytes = 80 << 20 })
            let response = try await session.client.send(HTTPRequest(url: server.base + "/gzipbomb"))
            #expect(response.body.count == 32 << 20)
            #expect(response.header("content-encoding") == "gzip")
        }
    }

    /// The server counts requests in flight at once: the client must never exceed its per-host limit.
    @Test func thePerHostLimitBoundsConcurrency() async throws {
        try await withServer { server in
            func run(perHost: Int, milliseconds: Int, together: Int = 0) async throws -> Duration {
                let session = Fixtures.session(Fixtures.configuration { $0.maxConnectionsPerHost = perHost })
                let start = ContinuousClock.now
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for n in 0..<12 {
                        group.addTask { try await session.client.send(HTTPRequest(url: server.base + "/bench?n=\(n)&group=\(perHost)&ms=\(milliseconds)&together=\(together)")).status }
                    }
                    for try await status in group { #expect(status == 200) }
                }
                return ContinuousClock.now - start
            }
            // Requests long enough that ones started together overlap, so a limit that let more
            // through would show; the wide run's server waits for three at once, however slow the machine.
            let narrow = try await run(perHost: 2, milliseconds: 100)
            _ = try await run(perHost: 12, milliseconds: 20, together: 3)
            let counters = try await server.stats()
            let peaks = counters["peak_in_flight"] as? [String: Int] ?? [:]
            // Never more than two at once.
            #expect((1...2).contains(peaks["2"] ?? 0), "peaks \(peaks)")
            // Twelve at once are allowed: more than two overlap.
            #expect((peaks["12"] ?? 0) > 2, "peaks \(peaks)")
            // 12 requests of 100 ms two at a time take at least 6 rounds.
            #expect(narrow >= .milliseconds(590))
        }
    }

    @Test func tlsWithASelfSignedCAIsAcceptedOnlyWhenConfigured() async throws {
        let pki = try await TestPKI.make()
        try await withServer(tls: pki) { server in
            let untrusted = await Fixtures.error { try await Fixtures.session().client.send(HTTPRequest(url: server.base + "/listing.csv")) }
            #expect(untrusted?.code == .tls)
            let trusting = Fixtures.session(Fixtures.configuration { $0.caBundlePath = pki.ca })
            let response = try await trusting.client.send(HTTPRequest(url: server.base + "/listing.csv"))
            #expect(response.status == 200)
            #expect(response.text.contains("nine"))
        }
    }

    @Test func cancellingATaskAbortsItsTransfer() async throws {
        try await withServer { server in
            let session = Fixtures.session()
            let task = Task { try await session.client.send(HTTPRequest(url: server.base + "/stall")) }
            try await Task.sleep(for: .milliseconds(300))
            task.cancel()
            let result = await task.result
            // Cancelled, not timed out: the stalled transfer would otherwise run to the 60 s timeout.
            #expect(throws: FetchError(.cancelled, "the request was cancelled", url: server.base + "/stall")) { try result.get() }
        }
    }
}
