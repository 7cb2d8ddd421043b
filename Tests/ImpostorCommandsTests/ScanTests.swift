import Foundation
import ImpostorCore
import ImpostorStore
import TestScratch
import Testing

@Suite("impostor scan keeps every decision through kills, races and restarts", .serialized)
struct ScanTests {
    @Test func aScanOpensCasesOnceAndASecondScanAddsNothing() async throws {
        let f = try ScanFixture(suspects: 5)
        defer { f.remove() }
        let first = try await CLI.run(f.arguments())
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("5 suspects") && first.stdout.contains("5 new or reopened cases"))
        let second = try await CLI.run(f.arguments())
        #expect(second.status == 0)
        #expect(second.stdout.contains("0 new or reopened cases"))
        let store = try Store.open(path: f.database)
        #expect(try store.cases().count == 5)
        let runs = try store.recentRuns()
        #expect(runs.map(\.status) == [.completed, .completed])
        #expect(runs.first?.profiles == 8)

        let review = try await CLI.run(["review", "--watchlist", f.watchlist, "--json"])
        #expect(review.lines.count == 5)
        #expect(review.lines.allSatisfy { $0["identity"] as? String == "oakbridge-town-council" && $0["status"] as? String == "new" })
        let status = try await CLI.run(["status", "--watchlist", f.watchlist])
        #expect(status.stdout.contains("Oakbridge Town Council: 5"), "\(status.stdout)")
    }

    @Test func aFailingSourceExitsOneAndTheOthersAreStored() async throws {
        let f = try ScanFixture(suspects: 2, settings: "")
        defer { f.remove() }
        let toml = f.watchlist + "/impostor.toml"
        let extra = "\n[[source]]\nkind = \"listing\"\npath = \"\(f.folder)/no-such-file.jsonl\"\n"
        try (try String(contentsOfFile: toml, encoding: .utf8) + extra).write(toFile: toml, atomically: true, encoding: .utf8)
        let r = try await CLI.run(f.arguments())
        #expect(r.status == 1, "\(r.stderr)")
        let store = try Store.open(path: f.database)
        #expect(try store.cases().count == 2)
        let run = try #require(try store.recentRuns().first)
        #expect(run.status == .partial)
        #expect(run.sources.contains { $0.errors > 0 && ($0.failure ?? "").contains("no-such-file") })
    }

    @Test func killNineMidScanLeavesAnIntactStoreAndTheNextScanLosesNothing() async throws {
        let f = try ScanFixture(suspects: 3000)
        defer { f.remove() }
        let (scan, _, _) = try f.start()
        // Kill once cases are being written, well before the end.
        let started = try await f.waitFor { store in (try store.cases(CaseFilter(limit: 100_000)).count) >= 50 }
        #expect(started)
        kill(scan.processIdentifier, SIGKILL)
        await scan.exited()
        #expect(scan.terminationReason == .uncaughtSignal)

        let store = try Store.open(path: f.database)
        #expect(try store.integrityCheck() == ["ok"])
        let before = try store.cases(CaseFilter(limit: 100_000)).count
        #expect(before < 3000, "the scan finished before it was killed; make the listing larger")
        #expect(try store.recentRuns().first?.status == .running)
        // Decide one case, then let the next scan finish the job: nothing the clerk did is lost.
        let first = try #require(try store.cases(CaseFilter(limit: 1)).first)
        try store.decide(first.id, .confirm, actor: "jane", note: "clearly fake")

        let next = try await CLI.run(f.arguments())
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try store.cases(CaseFilter(statuses: Set(CaseStatus.allCases), limit: 100_000)).count == 3000)
        let runs = try store.recentRuns()
        #expect(runs.map(\.status) == [.completed, .interrupted])
        #expect(try store.caseDetail(first.id)?.summary.status == .confirmed)
        #expect(try store.caseDetail(first.id)?.events.contains { $0.actor == "jane" && $0.note == "clearly fake" } == true)
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func aSecondScanRefusesWhileTheFirstRunsAndWaitsWhenAsked() async throws {
        let f = try ScanFixture(suspects: 1500)
        defer { f.remove() }
        let (first, _, firstErr) = try f.start()
        defer { if first.isRunning { kill(first.processIdentifier, SIGKILL) } }
        #expect(try await f.waitFor { store in try store.recentRuns().first?.status == .running })
        let refused = try await CLI.run(f.arguments())
        #expect(refused.status == 4)
        #expect(refused.stderr.contains("another scan is already running"), "\(refused.stderr)")
        #expect(refused.stderr.contains("pid \(first.processIdentifier)"))

        let waited = try await CLI.run(f.arguments(["--wait"]))
        #expect(waited.status == 0, "\(waited.stderr)")
        await first.exited()
        #expect(first.terminationStatus == 0, "first scan said: \(firstErr.text.suffix(800))")
        let store = try Store.open(path: f.database)
        #expect(try store.recentRuns().map(\.status) == [.completed, .completed])
        #expect(try store.cases(CaseFilter(limit: 100_000)).count == 1500)
    }

    @Test func sigtermStopsTheScanBetweenTransactionsAndRecordsItInterrupted() async throws {
        let f = try ScanFixture(suspects: 3000)
        defer { f.remove() }
        let (scan, _, err) = try f.start(["--verbose"])
        #expect(try await f.waitFor { store in (try store.cases(CaseFilter(limit: 100_000)).count) >= 50 })
        kill(scan.processIdentifier, SIGTERM)
        await scan.exited()
        let log = err.text
        #expect(scan.terminationStatus == 143, "\(log.suffix(2000))")
        let store = try Store.open(path: f.database)
        let run = try #require(try store.recentRuns().first)
        #expect(run.status == .interrupted)
        #expect(run.endedAt != nil)
        #expect(run.opened == (try store.cases(CaseFilter(limit: 100_000)).count))
        #expect(try store.integrityCheck() == ["ok"])
        #expect(log.contains("scan.interrupted"))
    }

    @Test func theReviewPageAnswersWhileAScanWrites() async throws {
        let f = try ScanFixture(suspects: 2000)
        defer { f.remove() }
        let port = 20_000 + Int.random(in: 0..<20_000)
        let serve = Process()
        serve.executableURL = URL(fileURLWithPath: CLI.binary)
        let err = try CLI.OutputFile()
        serve.standardError = err.handle
        serve.environment = CLI.environment
        serve.arguments = ["serve", "--watchlist", f.watchlist, "--listen", "127.0.0.1:\(port)", "--quiet"]
        try serve.run()
        defer { serve.terminate(); serve.waitUntilExit() }
        let (scan, _, _) = try f.start()
        defer { if scan.isRunning { kill(scan.processIdentifier, SIGKILL) } }
        var answered = 0
        var sawGrowth = Set<Int>()
        let deadline = Date().addingTimeInterval(300)
        while scan.isRunning && Date() < deadline {
            // Status 0 is curl's "could not connect": the server is still starting.
            if let (status, body) = await Self.get("http://127.0.0.1:\(port)/?status=new"), status != 0 {
                #expect(status == 200)
                answered += 1
                if let r = body.range(of: #"(\d+) cases, alerts"#, options: .regularExpression) {
                    sawGrowth.insert(Int(body[r].split(separator: " ")[0]) ?? 0)
                }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        await scan.exited()
        #expect(scan.terminationStatus == 0)
        #expect(answered >= 3, "serve said: \(err.text.suffix(1000))")
        #expect(sawGrowth.count >= 2, "the page should show the queue growing during the scan: \(sawGrowth.sorted())")
    }

    @Test func aConfirmedAccountThePlatformRemovesBecomesRemovedWithTheTime() async throws {
        let server = try LocalHTTPServer(routes: ["/profiles/fake0": 200, "/profiles/fake1": 200])
        defer { server.stop() }
        let f = try ScanFixture(suspects: 2, settings: "allow_private_addresses = true",
                                profileURL: { "http://127.0.0.1:\(server.port)/profiles/fake\($0)" })
        defer { f.remove() }
        #expect(try await CLI.run(f.arguments()).status == 0)
        let store = try Store.open(path: f.database)
        let cases = try store.cases()
        for c in cases {
            try store.decide(c.id, .confirm, actor: "jane")
        }
        let reported = try #require(cases.first { $0.stableID == "fake1" })
        try store.decide(reported.id, .reported, actor: "jane")
        // The platform takes fake1 down; fake0 stays up.
        server.set("/profiles/fake1", status: 404)
        let r = try await CLI.run(f.arguments())
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("1 removed"))
        let gone = try #require(try store.caseDetail(reported.id))
        #expect(gone.summary.status == .removed)
        #expect(gone.summary.goneAt != nil)
        #expect(gone.goneReason?.contains("404") == true)
        let kept = try #require(cases.first { $0.stableID == "fake0" })
        #expect(try store.caseDetail(kept.id)?.summary.status == .confirmed)
    }

    static func get(_ url: String) async -> (Int, String)? {
        let result = try? await CLI.runTool("/usr/bin/curl", ["-s", "-m", "5", "-w", "\n%{http_code}", url])
        guard let out = result?.stdout, let last = out.split(separator: "\n").last, let code = Int(last) else { return nil }
        return (code, out)
    }
}

@Suite("impostor daemon scans and serves until SIGTERM", .serialized)
struct DaemonTests {
    @Test func theDaemonScansServesAndStopsGracefully() async throws {
        let f = try ScanFixture(suspects: 3)
        defer { f.remove() }
        let port = 20_000 + Int.random(in: 0..<20_000)
        let daemon = Process()
        daemon.executableURL = URL(fileURLWithPath: CLI.binary)
        daemon.environment = CLI.environment
        daemon.arguments = ["daemon", "--watchlist", f.watchlist, "--cache", f.folder + "/cache", "--listen", "127.0.0.1:\(port)"]
        let err = try CLI.OutputFile()
        daemon.standardError = err.handle
        daemon.standardOutput = FileHandle.nullDevice
        try daemon.run()
        defer { if daemon.isRunning { kill(daemon.processIdentifier, SIGKILL) } }
        #expect(try await f.waitFor { store in try store.recentRuns().first?.status == .completed }, "\(err.text.suffix(1500))")
        var page: (Int, String)?
        let serving = Date().addingTimeInterval(120)
        while Date() < serving {
            page = await ScanTests.get("http://127.0.0.1:\(port)/")
            if page?.0 == 200 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(page?.0 == 200)
        #expect(page?.1.contains("3 cases, alerts about the council's own accounts first, then the highest score") == true)
        kill(daemon.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(60)
        while daemon.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!daemon.isRunning, "the daemon did not stop within 60 s of SIGTERM")
        await daemon.exited()
        #expect(daemon.terminationReason == .exit && daemon.terminationStatus == 0, "\(err.text.suffix(1500))")
        #expect(err.text.contains("daemon.start"))
        #expect(try Store.open(path: f.database).integrityCheck() == ["ok"])
    }
}
