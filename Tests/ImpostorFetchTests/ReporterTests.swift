import Foundation
import Testing

@testable import ImpostorFetch

/// POSTs through libcurl, and the two report APIs against a stand-in server on 127.0.0.1.
@Suite("Reports sent to Mastodon and Bluesky")
struct ReporterTests {
    static let token = "mastodon-token-for-tests"
    static let password = "abcd-efgh-ijkl-mnop"

    /// A file holding `secret`, as the council keeps it.
    static func secretFile(_ secret: String) throws -> String {
        let path = Fixtures.temporaryDirectory() + "/secret"
        try (secret + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func withReportServer<T>(_ arguments: [String] = [], _ body: (TestServer) async throws -> T) async throws -> T {
        let server = try await TestServer.start("report_server.py", arguments)
        return try await withStopping([server]) { try await body(server) }
    }

    /// What the stand-in received, in order.
    static func received(_ server: TestServer) async throws -> [[String: Any]] {
        let response = try await Fixtures.session().client.send(HTTPRequest(url: server.base + "/received"))
        return try JSONSerialization.jsonObject(with: Data(response.body)) as? [[String: Any]] ?? []
    }

    static var client: CurlHTTPClient { CurlHTTPClient(configuration: Fixtures.configuration(), logger: Fixtures.logger) }

    @Test func aPostArrivesByteForByteWithItsContentType() async throws {
        try await withServer { server in
            // NUL, a multi-byte letter and a right-to-left override: the body must arrive exactly.
            let body: [UInt8] = [0x7B, 0x00, 0x7D] + Array("Counciⅼ \u{202E}".utf8)
            let response = try await Self.client.send(.post(server.base + "/echo", body: body, contentType: "application/json"))
            let echo = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
            #expect(response.status == 200)
            #expect(echo["method"] as? String == "POST")
            #expect(echo["content_type"] as? String == "application/json")
            #expect(echo["hex"] as? String == body.map { String(format: "%02x", $0) }.joined())
            #expect(echo["expect"] is NSNull)
        }
    }

    @Test func aPostIsNeverFollowedToARedirect() async throws {
        try await withServer { server in
            let response = try await Self.client.send(.post(server.base + "/post-redirect", body: Array("{}".utf8), contentType: "application/json"))
            #expect(response.status == 303)
            #expect(response.effectiveURL.hasSuffix("/post-redirect"))
        }
    }

    @Test func mastodonResolvesTheAccountThenReportsIt() async throws {
        try await Self.withReportServer { server in
            let reporter = try MastodonReporter(account: "@oakbridge@council.example", server: server.base,
                                                tokenFile: try Self.secretFile(Self.token), client: Self.client)
            let id = try await reporter.accountID(handle: "oakbridge.council.news@fake.example", uri: nil)
            #expect(id == "110000000000000002")
            // The URI settles it when the handle alone matches more than one account.
            let byURI = try await reporter.accountID(handle: "oakbridge.council@fake.example",
                                                     uri: "https://fake.example/users/oakbridge.council")
            #expect(byURI == "110000000000000001")

            let body = Array(#"{"account_id":"110000000000000002","category":"other","comment":"Impersonates us","forward":true}"#.utf8)
            let receipt = try await reporter.submit(body)
            #expect(receipt.accepted)
            #expect(receipt.reportID == "9001")
            #expect(receipt.endpoint == server.base + "/api/v1/reports")
            #expect(receipt.request == String(decoding: body, as: UTF8.self))
            #expect(!receipt.request.contains(Self.token) && !receipt.response.contains(Self.token))

            let got = try await Self.received(server)
            let report = try #require(got.last)
            #expect(report["path"] as? String == "/api/v1/reports")
            #expect(report["authorization"] as? String == "Bearer \(Self.token)")
            #expect(report["content_type"] as? String == "application/json")
            #expect((report["body"] as? [String: Any])?["account_id"] as? String == "110000000000000002")
        }
    }

    @Test func mastodonSaysClearlyWhenTheTokenIsRefusedOrTheAccountIsGone() async throws {
        try await Self.withReportServer { server in
            let wrong = try MastodonReporter(account: "@oakbridge@council.example", server: server.base,
                                             tokenFile: try Self.secretFile("not-the-token"), client: Self.client)
            let refused = await Fixtures.error { try await wrong.accountID(handle: "oakbridge.council@fake.example", uri: nil) }
            #expect(refused?.code == .unauthorized)
            #expect(refused?.reason.contains("write:reports") == true)
            #expect(refused?.description.contains("not-the-token") == false)

            let right = try MastodonReporter(account: "@oakbridge@council.example", server: server.base,
                                             tokenFile: try Self.secretFile(Self.token), client: Self.client)
            let gone = await Fixtures.error { try await right.accountID(handle: "someone.else@fake.example", uri: nil) }
            #expect(gone?.reason.contains("cannot find @someone.else@fake.example") == true)

            // A refusal of the report itself is a receipt, so the attempt can be recorded.
            let receipt = try await right.submit(Array(#"{"account_id":"nobody","comment":"x"}"#.utf8))
            #expect(!receipt.accepted)
            #expect(receipt.refusal == "HTTP 422: Validation failed: Target account must exist")
        }
    }

    @Test func blueskySignsInWithTheAppPasswordThenReportsThroughTheModerationService() async throws {
        try await Self.withReportServer { server in
            let reporter = try BlueskyReporter(account: "@oakbridge-tc.gov.uk", service: server.base, moderationService: nil,
                                               appPasswordFile: try Self.secretFile(Self.password), client: Self.client)
            let body = Array(#"{"reason":"Impersonates us","reasonType":"tools.ozone.report.defs#reasonMisleadingImpersonation","subject":{"$type":"com.atproto.admin.defs#repoRef","did":"did:plc:fake"}}"#.utf8)
            let receipt = try await reporter.submit(body)
            #expect(receipt.accepted)
            #expect(receipt.reportID == "4242")
            #expect(receipt.endpoint == server.base + "/xrpc/com.atproto.moderation.createReport")
            // Neither the app password nor the session token is in what is kept with the case.
            for secret in [Self.password, "session-jwt-for-tests"] {
                #expect(!receipt.request.contains(secret) && !receipt.response.contains(secret))
            }
            let got = try await Self.received(server)
            #expect(got.map { $0["path"] as? String } == ["/xrpc/com.atproto.server.createSession", "/xrpc/com.atproto.moderation.createReport"])
            #expect((got[0]["body"] as? [String: Any])?["identifier"] as? String == "oakbridge-tc.gov.uk")
            #expect(got[1]["atproto_proxy"] as? String == BlueskyReporter.blueskyModeration)
        }
    }

    @Test func blueskySaysClearlyWhenTheAppPasswordIsRefused() async throws {
        try await Self.withReportServer { server in
            let reporter = try BlueskyReporter(account: "oakbridge-tc.gov.uk", service: server.base, moderationService: nil,
                                               appPasswordFile: try Self.secretFile("wrong-password"), client: Self.client)
            let error = await Fixtures.error { try await reporter.submit(Array("{}".utf8)) }
            #expect(error?.code == .unauthorized)
            #expect(error?.reason.contains("app password") == true)
            #expect(error?.description.contains("wrong-password") == false)
            // Nothing was reported: the only request was the refused sign-in.
            #expect(try await Self.received(server).count == 1)
        }
    }

    @Test func credentialsNeverTravelOverPlainHTTPToAnotherMachine() throws {
        let file = try Self.secretFile(Self.token)
        for server in ["http://mastodon.example", "ftp://mastodon.example", "mastodon.example"] {
            #expect(throws: FetchError.self) {
                try MastodonReporter(account: "@oak@mastodon.example", server: server, tokenFile: file, client: Self.client)
            }
        }
        #expect(throws: FetchError.self) {
            try BlueskyReporter(account: "oak.example", service: "http://bsky.example", moderationService: nil,
                                appPasswordFile: file, client: Self.client)
        }
        let missing = #expect(throws: FetchError.self) {
            try MastodonReporter(account: "@oak@mastodon.example", server: nil, tokenFile: "/nonexistent/token", client: Self.client)
        }
        #expect(missing?.reason.contains("/nonexistent/token") == true)
        #expect(missing?.reason.contains("does not exist") == true)
        let bad = #expect(throws: FetchError.self) {
            try MastodonReporter(account: "oakbridge", server: nil, tokenFile: file, client: Self.client)
        }
        #expect(bad?.reason.contains("@name@server") == true)
    }

    /// The council's credentials go only over https, or plain http to this machine.
    @Test(arguments: [
        ("https://mastodon.social/", "https://mastodon.social"),
        ("http://127.0.0.1:8443", "http://127.0.0.1:8443"),
        ("http://localhost:8080", "http://localhost:8080"),
        ("http://[::1]:9000", "http://[::1]:9000"),
    ])
    func reportEndpointsTakeHttpsOrThisMachine(url: String, base: String) throws {
        #expect(try ReportEndpoint.base(url, what: "the server") == base)
    }

    @Test(arguments: ["http://mastodon.social", "http://localhost.example.org", "http://127.0.0.1.example.org",
                      "http://127.0.0.1@example.org", "ftp://127.0.0.1", "https://", "mastodon.social"])
    func reportEndpointsRefuseEverythingElse(url: String) {
        #expect(throws: FetchError.self) { try ReportEndpoint.base(url, what: "the server") }
    }
}
