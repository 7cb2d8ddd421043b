import Foundation
import ImpostorStore
import Testing

/// `impostor notice CASE --submit` from a real scan to a stand-in for the council's Mastodon server
/// and Bluesky PDS on 127.0.0.1 (Tests/ImpostorFetchTests/Servers/report_server.py).
@Suite(.serialized) struct SubmitTests {
    static let token = "mastodon-token-for-tests"
    static let password = "abcd-efgh-ijkl-mnop"

    /// The stand-in server; it ends when the test closes its stdin.
    final class ReportServer {
        let process = Process()
        let stdin = Pipe()
        let port: Int

        init(_ arguments: [String] = []) throws {
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../ImpostorFetchTests/Servers/report_server.py").standardized.path
            let first = try CLI.startPython(process, [script] + arguments, stdin: stdin)
            port = Int(first.replacingOccurrences(of: "PORT ", with: "")) ?? 0
        }

        var base: String { "http://127.0.0.1:\(port)" }

        /// What the server received, in order.
        func received() async throws -> [[String: Any]] {
            let r = try await CLI.runTool("/usr/bin/curl", ["-s", base + "/received"])
            return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]] ?? []
        }

        func stop() {
            try? stdin.fileHandleForWriting.close()
            process.waitUntilExit()
        }
    }

    /// A scanned store with a Mastodon, a Bluesky and a Facebook impostor, the council's reporting
    /// accounts pointing at `server`, and the secrets in files.
    static func fixture(server: ReportServer) async throws -> ScanFixture {
        let f = try ScanFixture(suspects: 0, clear: 0)
        let bio = "Official page of Oakbridge Town Council. Apply for your council grant here."
        let lines = [
            #"{"platform":"mastodon","id":"https://fake.example/users/oakbridge.council","handle":"oakbridge.council@fake.example","display_name":"Oakbridge Town Counciⅼ","bio":"\#(bio)","url":"https://fake.example/@oakbridge.council"}"#,
            #"{"platform":"bluesky","id":"did:plc:fakeoakbridge","handle":"oakbridge-council.bsky.social","display_name":"Oakbridge Town Counciⅼ","bio":"\#(bio)","url":"https://bsky.app/profile/oakbridge-council.bsky.social"}"#,
            #"{"platform":"facebook","id":"fake-fb","handle":"oakbridge.tc.grants","display_name":"Oakbridge Town Counciⅼ","bio":"\#(bio)","url":"https://www.facebook.com/oakbridge.tc.grants"}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(toFile: f.folder + "/listing.jsonl", atomically: true, encoding: .utf8)
        try (token + "\n").write(toFile: f.folder + "/mastodon-token", atomically: true, encoding: .utf8)
        try (password + "\n").write(toFile: f.folder + "/bluesky-app-password", atomically: true, encoding: .utf8)
        let council = f.watchlist + "/oakbridge-town-council.toml"
        let text = try String(contentsOfFile: council, encoding: .utf8) + """

            [reporting]
            mastodon_account = "@oakbridge@council.example"
            mastodon_server = "\(server.base)"
            mastodon_token_file = "\(f.folder)/mastodon-token"
            bluesky_service = "\(server.base)"
            bluesky_app_password_file = "\(f.folder)/bluesky-app-password"

            """
        try text.write(toFile: council, atomically: true, encoding: .utf8)
        let scan = try await CLI.run(f.arguments())
        #expect(scan.status == 0, "\(scan.stderr)")
        return f
    }

    /// The case number of the one case on `platform`, confirmed by the clerk.
    static func confirmedCase(_ f: ScanFixture, platform: String) async throws -> String {
        let review = try await CLI.run(["review", "--watchlist", f.watchlist, "--json", "--platform", platform])
        let id = try #require(review.lines.first?["id"] as? Int, "\(review.stdout) \(review.stderr)")
        let decide = try await CLI.run(["decide", "\(id)", "confirm", "--watchlist", f.watchlist, "--as", "jane"])
        #expect(decide.status == 0, "\(decide.stderr)")
        return "\(id)"
    }

    static func submissions(_ f: ScanFixture, _ id: String) throws -> [(platform: String, endpoint: String, request: String, response: String?, status: String, sentAt: Date)] {
        try Store.open(path: f.database).submissions(caseID: Int64(id)!)
    }

    @Test(arguments: ["mastodon", "bluesky"])
    func aConfirmedCaseIsReportedAndRecorded(platform: String) async throws {
        let server = try ReportServer()
        defer { server.stop() }
        let f = try await Self.fixture(server: server)
        defer { f.remove() }
        let id = try await Self.confirmedCase(f, platform: platform)

        let sent = try await CLI.run(["notice", id, "--submit", "--as", "jane", "--watchlist", f.watchlist])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("accepted as report \(platform == "mastodon" ? "9001" : "4242")"))
        #expect(sent.stdout.contains("case \(id) is now reported"))

        // The platform received the report for the impostor, in the council's words.
        let report = try await #require(try server.received().last)
        let body = try #require(report["body"] as? [String: Any])
        if platform == "mastodon" {
            #expect(report["path"] as? String == "/api/v1/reports")
            #expect(body["account_id"] as? String == "110000000000000001")
            #expect(body["forward"] as? Bool == true)
            #expect((body["comment"] as? String)?.contains("Oakbridge Town Council") == true)
        } else {
            #expect(report["path"] as? String == "/xrpc/com.atproto.moderation.createReport")
            #expect((body["subject"] as? [String: Any])?["did"] as? String == "did:plc:fakeoakbridge")
            #expect(body["reasonType"] as? String == "tools.ozone.report.defs#reasonMisleadingImpersonation")
        }

        // The case keeps what was sent, when and the answer, and is now reported, by jane.
        let kept = try Self.submissions(f, id)
        #expect(kept.count == 1)
        #expect(kept.first?.status == "accepted")
        #expect(kept.first?.endpoint == report["path"].map { server.base + ($0 as! String) })
        #expect(abs(kept.first?.sentAt.timeIntervalSinceNow ?? 999) < 120)
        let detail = try #require(try Store.open(path: f.database).caseDetail(Int64(id)!))
        #expect(detail.summary.status == .reported)
        #expect(detail.events.contains { $0.action == "submitted" && $0.actor == "jane" })

        // No secret anywhere a person or a log would see it.
        let everything = sent.stdout + sent.stderr + kept.map { $0.request + ($0.response ?? "") }.joined()
        for secret in [Self.token, Self.password, "session-jwt-for-tests"] { #expect(!everything.contains(secret)) }

        // A second report needs --again.
        let twice = try await CLI.run(["notice", id, "--submit", "--watchlist", f.watchlist])
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("already reported") && twice.stderr.contains("--again"))
        let again = try await CLI.run(["notice", id, "--submit", "--again", "--watchlist", f.watchlist])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Self.submissions(f, id).count == 2)
    }

    @Test func aRefusedReportIsRecordedAndTheCaseStaysConfirmed() async throws {
        let server = try ReportServer(["--refuse-reports"])
        defer { server.stop() }
        let f = try await Self.fixture(server: server)
        defer { f.remove() }
        let id = try await Self.confirmedCase(f, platform: "mastodon")
        let r = try await CLI.run(["notice", id, "--submit", "--watchlist", f.watchlist])
        #expect(r.status == 1)
        #expect(r.stderr.contains("refused the report: HTTP 422: Validation failed"))
        let kept = try Self.submissions(f, id)
        #expect(kept.map(\.status) == ["failed"])
        #expect(try Store.open(path: f.database).caseDetail(Int64(id)!)?.summary.status == .confirmed)
    }

    /// A server that quotes the council's token (or Bluesky session) back in its refusal: neither the
    /// output nor the submission record keeps it.
    @Test(arguments: ["mastodon", "bluesky"])
    func aReflectedSecretIsRedactedFromOutputAndRecord(platform: String) async throws {
        let server = try ReportServer(["--refuse-reports", "--echo-auth"])
        defer { server.stop() }
        let f = try await Self.fixture(server: server)
        defer { f.remove() }
        let id = try await Self.confirmedCase(f, platform: platform)
        let r = try await CLI.run(["notice", id, "--submit", "--watchlist", f.watchlist])
        #expect(r.status == 1)
        let kept = try Self.submissions(f, id)
        let texts = [r.stdout, r.stderr] + kept.flatMap { [$0.request, $0.response ?? "", $0.endpoint] }
        for text in texts {
            #expect(!text.contains(Self.token) && !text.contains("session-jwt-for-tests") && !text.contains(Self.password))
        }
        #expect(r.stderr.contains("Authorization: Bearer [redacted]"), "\(r.stderr)")
        #expect(kept.first?.response?.contains("[redacted]") == true)
    }

    @Test func wrongSecretsAndPlatformsWithoutAnAPIFailClearlyAndSendNothing() async throws {
        let server = try ReportServer(["--token", "another-token", "--password", "another-password"])
        defer { server.stop() }
        let f = try await Self.fixture(server: server)
        defer { f.remove() }

        let mastodon = try await Self.confirmedCase(f, platform: "mastodon")
        let m = try await CLI.run(["notice", mastodon, "--submit", "--watchlist", f.watchlist])
        #expect(m.status == 2)
        #expect(m.stderr.contains("refused the council's token") && m.stderr.contains("nothing was reported"))

        let bluesky = try await Self.confirmedCase(f, platform: "bluesky")
        let b = try await CLI.run(["notice", bluesky, "--submit", "--watchlist", f.watchlist])
        #expect(b.status == 2)
        #expect(b.stderr.contains("refused the app password"))
        #expect(!(m.stderr + b.stderr).contains(Self.token) && !(m.stderr + b.stderr).contains(Self.password))

        // Facebook has no report API: the clerk is told to use the form, and nothing is sent.
        let facebook = try await Self.confirmedCase(f, platform: "facebook")
        let fb = try await CLI.run(["notice", facebook, "--submit", "--watchlist", f.watchlist])
        #expect(fb.status == 2)
        #expect(fb.stdout.contains("facebook.com"))
        #expect(fb.stderr.contains("only through its own form"))

        await #expect(try server.received().allSatisfy { ($0["path"] as? String)?.contains("Report") != true && ($0["path"] as? String) != "/api/v1/reports" })
        for id in [mastodon, bluesky, facebook] { #expect(try Self.submissions(f, id).isEmpty) }

    }
}
