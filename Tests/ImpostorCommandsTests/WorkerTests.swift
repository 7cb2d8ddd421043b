import Foundation
import ImpostorCore
import ImpostorStore
import TestPostgres
import TestScratch
import Testing

/// A stand-in for Bluesky's AppView: app.bsky.actor.searchActors answers `{"actors": [profileView]}`
/// as the lexicon documents, one account named after the query, and counts each query asked.
final class CountingBluesky: StateServer {
    static let script = #"""
        import http.server, json, sys, threading, os, hashlib
        from urllib.parse import urlparse, parse_qs
        state_file = sys.argv[1]
        lock = threading.Lock()
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
                q = parse_qs(url.query).get("q", [""])[0]
                if url.path.endswith("app.bsky.actor.getProfiles"):
                    return self.send(200, {"profiles": []})
                if not url.path.endswith("app.bsky.actor.searchActors"):
                    return self.send(400, {"error": "InvalidRequest", "message": "Profile not found"})
                with lock:
                    with open(state_file) as f: state = json.load(f)
                    state[q] = state.get(q, 0) + 1
                    with open(state_file + ".tmp", "w") as f: json.dump(state, f)
                    os.replace(state_file + ".tmp", state_file)
                digest = hashlib.sha1(q.encode()).hexdigest()[:20]
                handle = "".join(c for c in q.lower() if c.isalnum())[:30] + "-news.bsky.social"
                self.send(200, {"actors": [{"did": "did:plc:" + digest, "handle": handle, "displayName": q,
                    "description": "Official news from " + q + ". Events, grants and notices.",
                    "indexedAt": "2026-11-01T09:00:00.000Z"}]})
            def log_message(self, *a): pass
        \#(TestServerScript.serveUntilStdinCloses)
        """#

    init() throws { try super.init(script: Self.script, state: [String: Int]()) }

    var counts: [String: Int] { read() as? [String: Int] ?? [:] }
}

/// Benchmarks/workers/bluesky.py: the AppView stand-in that limits each client address.
final class RateLimitedBluesky {
    let process = Process()
    let stdin = Pipe()
    let stateFile = CLI.scratchPath("limited") + ".json"
    private(set) var port = 0

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path + "/Benchmarks/workers/bluesky.py"

    init(limit: Int, window: Double) throws {
        port = Int(try CLI.startPython(process, [Self.script, stateFile, String(limit), String(window)], stdin: stdin)) ?? 0
    }

    deinit { stop() }

    /// Stops the server, which writes what it counted as it exits.
    func stop() {
        try? stdin.fileHandleForWriting.close()
        if process.isRunning { process.waitUntilExit() }
    }

    struct State {
        var served: [String: Int] = [:], refused: [String: Int] = [:], queries: [String: Int] = [:]
    }

    /// What the server counted: read once it has stopped.
    var state: State {
        stop()
        guard let data = FileManager.default.contents(atPath: stateFile),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: [String: Int]]
        else { return State() }
        return State(served: json["served"] ?? [:], refused: json["refused"] ?? [:], queries: json["queries"] ?? [:])
    }
}

@Suite("Workers share the councils of a PostgreSQL store", .serialized)
struct WorkerTests {
    /// Forty invented places.
    static let places = ["Ashcombe", "Brantwell", "Cinderford Magna", "Dunstead", "Eastleigh Parva", "Fernhollow",
                         "Gorsebrook", "Hallowmere", "Ivybridge Minor", "Kettlesby", "Larkhill End", "Marlowe Green",
                         "Netherwick", "Oxley Brook", "Pennistone Vale", "Quarrington", "Rookhampton", "Saltmarsh End",
                         "Tillingford", "Upper Wendle", "Vicarsfield", "Wolvercombe", "Yarnhollow", "Zennor Cross",
                         "Abbotsleigh", "Bramblecote", "Coldharbour Magna", "Dillingworth", "Elmstead Row", "Foxcombe",
                         "Gildersby", "Hartsmere", "Inchbrook", "Juniper Hill", "Kingsmoor", "Lydbrook Parva",
                         "Millhaven", "Northcott", "Orchardleigh", "Purlingham"]

    /// A watchlist of the councils above, with one Bluesky source asking the stand-in.
    static func watchlist(port: Int, database: String, councils: Int, extra: String = "") throws -> String {
        let folder = CLI.scratchPath("workers")
        try FileManager.default.createDirectory(atPath: folder + "/watchlist", withIntermediateDirectories: true)
        for place in places.prefix(councils) {
            let id = place.lowercased().replacingOccurrences(of: " ", with: "-") + "-town-council"
            try """
                name = "\(place) Town Council"
                kind = "town council"
                place = "\(place)"
                area = "Wiltshire"
                website = "https://www.\(id).gov.uk"
                domains = ["\(id).gov.uk"]
                \(extra)
                """.write(toFile: "\(folder)/watchlist/\(id).toml", atomically: true, encoding: .utf8)
        }
        try """
            database = "\(database)"
            allow_private_addresses = true

            [[source]]
            kind = "bluesky"
            base_url = "http://127.0.0.1:\(port)"
            squats = 0
            """.write(toFile: folder + "/watchlist/impostor.toml", atomically: true, encoding: .utf8)
        return folder
    }

    /// (platform, account, council) of every case, sorted: what the clerk would see.
    static func cases(_ store: any CaseStore) async throws -> [String] {
        try await store.cases(CaseFilter(statuses: Set(CaseStatus.allCases), limit: 10_000))
            .map { "\($0.platform.rawValue) \($0.stableID) \($0.identity)" }.sorted()
    }

    @Test func threeWorkersOpenTheCasesOneScanOpensAndAskEachQueryOnce() async throws {
        let councils = 40
        // One SQLite scan of every council: the reference.
        let single = try CountingBluesky()
        let sqlite = CLI.scratchPath("ref") + "/impostor.sqlite"
        let reference = try Self.watchlist(port: single.port, database: sqlite, councils: councils)
        let scan = try await CLI.run(["scan", "--watchlist", reference + "/watchlist", "--cache", reference + "/cache",
                                      "--no-digest"])
        #expect(scan.status == 0, "\(scan.stderr)")
        let expected = try await Self.cases(try Store.open(path: sqlite))
        #expect(expected.count >= councils, "the stand-in's accounts should be suspects: \(expected)")

        // Three workers over a PostgreSQL store, started together.
        let shared = try CountingBluesky()
        let url = try TestPostgres.shared().database("workers")
        let folder = try Self.watchlist(port: shared.port, database: url, councils: councils)
        async let a = CLI.run(["worker", "--once", "--name", "w1", "--watchlist", folder + "/watchlist", "--cache", folder + "/c1"])
        async let b = CLI.run(["worker", "--once", "--name", "w2", "--watchlist", folder + "/watchlist", "--cache", folder + "/c2"])
        async let c = CLI.run(["worker", "--once", "--name", "w3", "--watchlist", folder + "/watchlist", "--cache", folder + "/c3"])
        let results = try await [a, b, c]
        for r in results { #expect(r.status == 0, "\(r.stderr)") }

        let store = try await PostgresStore.open(try PostgresAddress(parsing: url))
        #expect(try await Self.cases(store) == expected)
        let schedule = try await store.schedule()
        #expect(schedule.count == councils)
        #expect(schedule.allSatisfy { $0.scans == 1 && $0.leaseOwner == nil }, "\(schedule)")
        // Each query was asked as often as the single scan asked it: no council scanned twice.
        #expect(shared.counts == single.counts)
        #expect(!single.counts.isEmpty)
        let said = results.map(\.stdout).joined()
        #expect(said.contains("worker w1:") && said.contains("worker w2:") && said.contains("worker w3:"))
        await store.close()
    }

    /// Two workers bound to 127.0.0.2 and one to 127.0.0.3, against a stand-in that allows each address
    /// 20 requests a 2-second window: the requests leave from the addresses given, the budget each
    /// address shares is kept (no 429 at all), and the round still finishes, every query asked once.
    @Test func workersOnOneAddressShareItsRateLimit() async throws {
        let councils = 16
        let bluesky = try RateLimitedBluesky(limit: 20, window: 2)
        let url = try TestPostgres.shared().database("budget")
        let folder = try Self.watchlist(port: bluesky.port, database: url, councils: councils)
        func worker(_ name: String, _ address: String) async throws -> CLI.Result {
            try await CLI.run(["worker", "--once", "--name", name, "--source-address", address,
                               "--watchlist", folder + "/watchlist", "--cache", folder + "/" + name])
        }
        async let a = worker("a", "127.0.0.2")
        async let b = worker("b", "127.0.0.2")
        async let c = worker("c", "127.0.0.3")
        for r in try await [a, b, c] { #expect(r.status == 0, "\(r.stderr)") }

        let state = bluesky.state
        // Every request left from an address a worker was given (the third worker may find the round
        // already taken when it starts, so 127.0.0.3 need not appear).
        #expect(Set(state.served.keys).isSubset(of: ["127.0.0.2", "127.0.0.3"]) && state.served["127.0.0.2"] != nil,
                "\(state.served)")
        #expect(state.refused.isEmpty, "the platform had to refuse \(state.refused)")
        #expect(state.served.values.reduce(0, +) > 20, "the budget was never reached: \(state.served)")
        #expect(state.queries.values.allSatisfy { $0 == 1 }, "\(state.queries)")
        let store = try await PostgresStore.open(try PostgresAddress(parsing: url))
        #expect(try await store.schedule().allSatisfy { $0.scans == 1 })
        await store.close()
        let kept = try TestPostgres.shared().sql("SELECT string_agg(DISTINCT address, ',' ORDER BY address) FROM rate_budget",
                                                 database: String(URLComponents(string: url)!.path.dropFirst()))
        #expect(Set(kept.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").map(String.init))
            == Set(state.served.keys))
    }

    @Test func aCouncilsOwnIntervalSetsItsSchedule() async throws {
        let bluesky = try CountingBluesky()
        let url = try TestPostgres.shared().database("every")
        let folder = try Self.watchlist(port: bluesky.port, database: url, councils: 2, extra: "scan_every_minutes = 15")
        let run = try await CLI.run(["worker", "--once", "--name", "w", "--watchlist", folder + "/watchlist", "--cache", folder + "/c"])
        #expect(run.status == 0, "\(run.stderr)")
        let store = try await PostgresStore.open(try PostgresAddress(parsing: url))
        let schedule = try await store.schedule()
        #expect(schedule.map(\.scanEvery) == [900, 900])
        for council in schedule {
            let wait = try #require(council.dueAt.timeIntervalSince(try #require(council.lastFinishedAt)))
            #expect(abs(wait - 900) < 5, "\(council)")
        }
        await store.close()
    }

    /// Each council's digest goes to its own clerks, through a real SMTP server on 127.0.0.1; a council
    /// with no clerk yet falls back to [digest] to.
    @Test func eachCouncilsDigestGoesToItsOwnClerks() async throws {
        let bluesky = try CountingBluesky()
        let url = try TestPostgres.shared().database("digests")
        let folder = try Self.watchlist(port: bluesky.port, database: url, councils: 2)
        let smtp = try SMTPCatcher(mode: "plain", received: folder + "/received.jsonl")
        let port = smtp.port
        let settings = folder + "/watchlist/impostor.toml"
        try (try String(contentsOfFile: settings, encoding: .utf8) + """

            [digest]
            to = ["services@association.test"]
            from = "impostor@association.test"
            smtp_url = "smtp://127.0.0.1:\(port)"
            require_tls = false
            review_url = "https://review.association.test"
            """).write(toFile: settings, atomically: true, encoding: .utf8)

        let store = try await PostgresStore.open(try PostgresAddress(parsing: url))
        _ = try await store.addClerk(email: "clerk@ashcombe.test", passwordHash: "x", admin: false,
                                     councils: ["ashcombe-town-council"], at: Date())
        _ = try await store.addClerk(email: "deputy@ashcombe.test", passwordHash: "x", admin: false,
                                     councils: ["ashcombe-town-council"], at: Date())
        _ = try await store.addClerk(email: "admin@association.test", passwordHash: "x", admin: true, councils: [], at: Date())
        await store.close()
        let run = try await CLI.run(["worker", "--once", "--name", "w", "--watchlist", folder + "/watchlist", "--cache", folder + "/c"])
        #expect(run.status == 0, "\(run.stderr)")

        let mails = smtp.mails
        let byCouncil = Dictionary(uniqueKeysWithValues: mails.map {
            (($0["headers"] as? [String: String])?["Subject"] ?? "", ($0["rcpt_tos"] as? [String] ?? []).sorted())
        })
        #expect(mails.count == 2, "\(mails)")
        #expect(byCouncil.first { $0.key.hasSuffix("Ashcombe Town Council") }?.value == ["clerk@ashcombe.test", "deputy@ashcombe.test"],
                "\(byCouncil)")
        #expect(byCouncil.first { $0.key.hasSuffix("Brantwell Town Council") }?.value == ["services@association.test"],
                "\(byCouncil)")
    }

    @Test func aWorkerTakesOnlyTheCouncilsOfItsOwnWatchlist() async throws {
        let shared = try CountingBluesky()
        let url = try TestPostgres.shared().database("own")
        let folder = try Self.watchlist(port: shared.port, database: url, councils: 2)
        let store = try await PostgresStore.open(try PostgresAddress(parsing: url))
        // Another worker's watchlist put this council in the round; this worker does not know it.
        try await store.syncSchedule([(id: "elsewhere-parish-council", scanEvery: 3600)])
        let run = try await CLI.run(["worker", "--once", "--name", "w", "--watchlist", folder + "/watchlist",
                                     "--cache", folder + "/c"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("2 councils scanned"), "\(run.stdout)")
        let schedule = try await store.schedule()
        #expect(schedule.map(\.council).contains("elsewhere-parish-council"), "another worker's council was dropped")
        #expect(schedule.first { $0.council == "elsewhere-parish-council" }?.scans == 0)
        await store.close()
    }

    @Test func aWorkerKilledMidScanLosesNothing() async throws {
        let councils = 4
        let shared = try CountingBluesky()
        let url = try TestPostgres.shared().database("killed")
        let folder = try Self.watchlist(port: shared.port, database: url, councils: councils)
        let store = try await PostgresStore.open(try PostgresAddress(parsing: url))

        // The first worker holds its council for 3 seconds a lease and is killed while it scans.
        let victim = Process()
        victim.executableURL = URL(fileURLWithPath: CLI.binary)
        victim.arguments = ["worker", "--once", "--name", "victim", "--lease", "3", "--watchlist", folder + "/watchlist",
                            "--cache", folder + "/cv"]
        victim.environment = CLI.environment
        victim.standardOutput = FileHandle.nullDevice
        victim.standardError = FileHandle.nullDevice
        try victim.run()
        var held: CouncilSchedule?
        for _ in 0..<600 {
            held = try await store.schedule().first { $0.leaseOwner == "victim" }
            if held != nil { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        kill(victim.processIdentifier, SIGKILL)
        await victim.exited()
        #expect(held != nil, "the worker never took a council")

        // Another worker takes over once the lease runs out, and every council ends scanned.
        let rescue = try await CLI.run(["worker", "--once", "--name", "rescue", "--lease", "3",
                                        "--watchlist", folder + "/watchlist", "--cache", folder + "/cr"])
        #expect(rescue.status == 0, "\(rescue.stderr)")
        var schedule = try await store.schedule()
        for _ in 0..<100 where schedule.contains(where: { $0.scans == 0 }) {
            // The killed worker's council was still leased when the rescuer looked: wait out the lease.
            try await Task.sleep(for: .seconds(1))
            _ = try await CLI.run(["worker", "--once", "--name", "rescue", "--lease", "3",
                                   "--watchlist", folder + "/watchlist", "--cache", folder + "/cr"])
            schedule = try await store.schedule()
        }
        #expect(schedule.allSatisfy { $0.scans >= 1 && $0.leaseOwner == nil }, "\(schedule)")
        #expect(try await Self.cases(store).count >= councils)
        let runs = try await store.recentRuns(limit: 50)
        #expect(!runs.contains { $0.status == .running }, "a dead worker's run was left running")
        await store.close()
    }
}

@Suite("A council's SQLite store moves into PostgreSQL whole")
struct MoveToPostgresTests {
    @Test func casesDecisionsAndHistoryArriveAsTheyWere() async throws {
        let fixture = try await ScanFixture.scanned(suspects: 5)
        defer { fixture.remove() }
        let sqlite = try Store.open(path: fixture.database)
        let ids = try sqlite.cases().map(\.id)
        #expect(ids.count == 5)
        try sqlite.decide(ids[0], .confirm, actor: "jane", note: "our crest on it")
        try sqlite.decide(ids[1], .dismiss(.namesake), actor: "jane")
        let all = CaseFilter(statuses: Set(CaseStatus.allCases), limit: 100)

        let url = try TestPostgres.shared().database("moved")
        let moved = try await CLI.run(["migrate", "--from", fixture.database, "--to", url])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(moved.stdout.contains("case_file: 5"), "\(moved.stdout)")
        #expect(!moved.stdout.contains("passfile"), "the address is shown without where its password lives")

        let pg = try await PostgresStore.open(try PostgresAddress(parsing: url))
        #expect(try await pg.cases(all) == (try sqlite.cases(all)))
        for id in ids {
            let there = try #require(try await pg.caseDetail(id, scope: .all))
            let here = try #require(try sqlite.caseDetail(id))
            #expect(there.events.map(\.action) == here.events.map(\.action))
            #expect(there.events.map(\.note) == here.events.map(\.note))
            #expect(there.snapshots.map(\.id) == here.snapshots.map(\.id))
            #expect(there.assessment?.reasons == here.assessment?.reasons)
        }
        #expect(try await pg.recentRuns(limit: 5).map(\.id) == (try sqlite.recentRuns(limit: 5).map(\.id)))
        // New rows continue after the copied ids.
        let next = try await pg.beginRun(version: "t", council: nil, at: Date())
        #expect(next > (try sqlite.recentRuns(limit: 1).first?.id ?? 0))

        // A second move would collide with what is there: refused, nothing written.
        let again = try await CLI.run(["migrate", "--from", fixture.database, "--to", url])
        #expect(again.status == 3)
        #expect(again.stderr.contains("already holds"), "\(again.stderr)")
        #expect(try await pg.cases(all).count == 5)
        await pg.close()
    }
}

@Suite("status, review and decide read a shared store as they read a file")
struct SharedStoreCommandsTests {
    @Test func theSameCasesTheSameCountsTheSameDecisions() async throws {
        let fixture = try await ScanFixture.scanned(suspects: 4)
        defer { fixture.remove() }
        let url = try TestPostgres.shared().database("commands")
        let moved = try await CLI.run(["migrate", "--from", fixture.database, "--to", url])
        #expect(moved.status == 0, "\(moved.stderr)")

        let file = ["--watchlist", fixture.watchlist, "--db", fixture.database]
        let shared = ["--watchlist", fixture.watchlist, "--db", url]
        let ids = try Store.open(path: fixture.database).cases().map(\.id)
        #expect(ids.count == 4)
        for store in [file, shared] {
            let decided = try await CLI.run(["decide", String(ids[0]), "confirm", "--as", "jane"] + store)
            #expect(decided.status == 0, "\(decided.stderr)")
            #expect(decided.stdout.contains("case \(ids[0]): confirmed"), "\(decided.stdout)")
            let missing = try await CLI.run(["decide", "999999", "dismiss"] + store)
            #expect(missing.status == 1, "\(missing.stderr)")
        }
        let queue = try await CLI.run(["review", "--json"] + file)
        let sharedQueue = try await CLI.run(["review", "--json"] + shared)
        #expect(queue.status == 0 && sharedQueue.status == 0, "\(sharedQueue.stderr)")
        #expect(queue.stdout.split(separator: "\n").count == 3, "\(queue.stdout)")
        #expect(sharedQueue.stdout == queue.stdout)

        let status = try await CLI.run(["status", "--json"] + file)
        let sharedStatus = try await CLI.run(["status", "--json"] + shared)
        #expect(status.status == 0 && sharedStatus.status == 0, "\(sharedStatus.stderr)")
        struct Report: Decodable, Equatable {
            var openCases: [String: Int]
            var statusCounts: [String: Int]
        }
        let here = try JSONDecoder().decode(Report.self, from: Data(status.stdout.utf8))
        let there = try JSONDecoder().decode(Report.self, from: Data(sharedStatus.stdout.utf8))
        #expect(here == there)
        #expect(there.statusCounts == ["new": 3, "confirmed": 1], "\(sharedStatus.stdout)")
        #expect(!sharedStatus.stdout.contains("passfile"), "the address is shown without where its password lives")
    }
}
