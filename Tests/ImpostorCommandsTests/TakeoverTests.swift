import Foundation
import ImpostorStore
import TestScratch
import Testing

/// A stand-in for Bluesky's public AppView on 127.0.0.1, answering in the documented shapes
/// (app.bsky.actor.getProfile: a profileViewDetailed, or 400 with a named error). The test rewrites
/// the official account between scans, as a hijacker would.
final class BlueskyStandIn: StateServer {
    static let script = #"""
        import http.server, json, sys, threading, os
        from urllib.parse import urlparse, parse_qs
        state_file = sys.argv[1]
        class H(http.server.BaseHTTPRequestHandler):
            def send(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            def do_GET(self):
                url = urlparse(self.path)
                q = parse_qs(url.query)
                with open(state_file) as f: state = json.load(f)
                if url.path.endswith("app.bsky.actor.searchActors"):
                    return self.send(200, {"actors": []})
                if url.path.endswith("app.bsky.actor.getProfiles"):
                    return self.send(200, {"profiles": []})
                if url.path.endswith("app.bsky.actor.getProfile"):
                    actor = q.get("actor", [""])[0]
                    entry = state.get(actor)
                    if entry is None:
                        return self.send(400, {"error": "InvalidRequest", "message": "Profile not found"})
                    if "error" in entry:
                        return self.send(400, entry)
                    return self.send(200, entry)
                self.send(404, {"error": "NotFound"})
            def log_message(self, *a): pass
        \#(TestServerScript.serveUntilStdinCloses)
        """#

    init(_ state: [String: Any]) throws {
        try super.init(script: Self.script, state: state)
    }

    func set(_ state: [String: Any]) throws { try write(state) }

    static func profile(name: String, bio: String) -> [String: Any] {
        ["did": "did:plc:oakbridgetc", "handle": "oakbridge-tc.gov.uk", "displayName": name, "description": bio,
         "followersCount": 1204, "followsCount": 80, "postsCount": 311, "indexedAt": "2026-11-01T09:00:00.000Z",
         "createdAt": "2024-02-01T09:00:00.000Z", "labels": []]
    }
}

@Suite(.serialized) struct TakeoverTests {
    @Test func aChangedOrVanishedOfficialAccountIsAnAlertOnceAndExpectedChangesBecomeTheBaseline() async throws {
        let official = BlueskyStandIn.profile(name: "Oakbridge Town Council",
                                              bio: "The official account of Oakbridge Town Council. https://www.oakbridge-tc.gov.uk")
        let bluesky = try BlueskyStandIn(["oakbridge-tc.gov.uk": official])
        let fixture = try ScanFixture(suspects: 0, clear: 1, settings: """
            allow_private_addresses = true
            [[source]]
            kind = "bluesky"
            base_url = "http://127.0.0.1:\(bluesky.port)"
            queries = ["Oakbridge"]
            squats = 0
            """)
        defer { fixture.remove() }
        func scan() async throws -> CLI.Result { try await CLI.run(fixture.arguments(["--no-digest"])) }
        func cases() async throws -> [[String: Any]] {
            try await CLI.run(["review", "--all", "--json", "--watchlist", fixture.watchlist]).lines
        }

        // The first look sets the baseline: nothing to say.
        let first = try await scan()
        #expect(!first.stdout.contains("ALERT"), "\(first.stdout)\(first.stderr)")
        #expect(try await cases().isEmpty)

        // Taken over overnight: a new name and a new link.
        try bluesky.set(["oakbridge-tc.gov.uk": BlueskyStandIn.profile(
            name: "FREE COUNCIL TAX for Oakbridge", bio: "Claim your refund now at https://oakbridge-refunds.example/claim")])
        let hijacked = try await scan()
        #expect(hijacked.stdout.contains("ALERT"), "\(hijacked.stdout)\(hijacked.stderr)")
        #expect(hijacked.stdout.contains("FREE COUNCIL TAX"))
        var list = try await cases()
        let alert = try #require(list.first)
        #expect(alert["kind"] as? String == "takeover")
        #expect(alert["platform"] as? String == "bluesky")
        #expect(alert["handle"] as? String == "oakbridge-tc.gov.uk")
        let id = try #require(alert["id"] as? Int)
        let detail = try #require(try Store.open(path: fixture.database).caseDetail(Int64(id)))
        #expect(detail.baseline?.displayName == "Oakbridge Town Council")
        #expect(detail.snapshots.first?.displayName == "FREE COUNCIL TAX for Oakbridge")
        #expect(detail.events.contains { $0.reason?.contains("oakbridge-refunds.example/claim") == true })

        // Seen again unchanged: no second alert, one case.
        let same = try await scan()
        #expect(!same.stdout.contains("ALERT"))
        list = try await cases()
        #expect(list.count == 1)

        // Confirmed, its drafts are the plan to get the account back and a warning about it, not a report
        // of an impostor; nothing is submitted to Bluesky about the council's own account.
        let confirmed = try await CLI.run(["decide", "\(id)", "confirm", "--watchlist", fixture.watchlist])
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        let plan = try await CLI.run(["notice", "\(id)", "--watchlist", fixture.watchlist])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("Getting the council's Bluesky account back: oakbridge-tc[.]gov[.]uk"), "\(plan.stdout)")
        #expect(plan.stdout.contains("oakbridge-refunds[.]example/claim"), "the alert's changes are the evidence: \(plan.stdout)")
        #expect(!plan.stdout.contains("pretending"), "\(plan.stdout)")
        let submitted = try await CLI.run(["notice", "\(id)", "--submit", "--watchlist", fixture.watchlist])
        #expect(submitted.status == 1 && submitted.stderr.contains("no one to report it to"), "\(submitted.stderr)")
        let warning = try await CLI.run(["warning", "\(id)", "--channel", "x", "--watchlist", fixture.watchlist])
        #expect(warning.status == 0, "\(warning.stderr)")
        #expect(warning.stdout.contains("our Bluesky account oakbridge-tc[.]gov[.]uk has been taken over"), "\(warning.stdout)")

        // The clerk says it was the council's own change: the new state is the baseline.
        let decided = try await CLI.run(["decide", "\(id)", "expected", "--watchlist", fixture.watchlist])
        #expect(decided.status == 0, "\(decided.stderr)")
        let quiet = try await scan()
        #expect(!quiet.stdout.contains("ALERT"))

        // Suspended by the platform: an alert again, at the top of the queue.
        try bluesky.set(["oakbridge-tc.gov.uk": ["error": "AccountTakedown", "message": "Account has been suspended"]])
        let gone = try await scan()
        #expect(gone.stdout.contains("ALERT") && gone.stdout.contains("AccountTakedown"), "\(gone.stdout)")
        list = try await cases()
        #expect(list.first?["status"] as? String == "new")
        #expect(list.first?["kind"] as? String == "takeover")

        // "expected" is only for takeover alerts.
        let added = try await CLI.run(["add", "https://www.facebook.com/oakbridgetowncounci1", "--offline", "--watchlist", fixture.watchlist])
        #expect(added.status == 0)
        let refused = try await CLI.run(["decide", "2", "expected", "--watchlist", fixture.watchlist])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("not a takeover alert"))
    }
}
