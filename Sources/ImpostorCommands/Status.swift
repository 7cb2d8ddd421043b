import ArgumentParser
import Foundation
import ImpostorCore
import ImpostorDaemon
import ImpostorStore

extension Impostor {
    /// `impostor status`: recent runs, open cases by council, the health of each source.
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Shows recent scans, open cases by council and how each source is doing."
        )

        @OptionGroup var watchlistOptions: WatchlistOptions
        @OptionGroup var storeOptions: StoreOptions

        @Option(help: "How many recent scans to show.")
        var runs = 5

        @Flag(help: "Print one JSON object for scripts and monitoring.")
        var json = false

        struct Report: Encodable {
            var database: String
            var runs: [ScanRun]
            var openCases: [String: Int]
            var statusCounts: [String: Int]
        }

        func run() async throws {
            let watchlist = try watchlistOptions.load(quiet: true)
            let settings = try DaemonSettings.load(watchlist)
            let path = storeOptions.path(settings: settings)
            let report = try await storeOptions.withCaseStore(settings: settings, existing: true) { store in
                do {
                    let recent = try await store.recentRuns(limit: max(1, runs))
                    let file = store is Store
                    return Report(
                        database: file ? path : store.location,
                        // Workers' leases close a shared store's abandoned runs; a file's scan holds a lock.
                        runs: file ? Self.abandoned(recent, scanning: ScanLock.isHeld(path: path + ".lock")) : recent,
                        openCases: Dictionary(uniqueKeysWithValues: try await store.openCasesByIdentity(scope: .all)
                            .map { ($0.identity, $0.count) }),
                        statusCounts: Dictionary(uniqueKeysWithValues: try await store.statusCounts(identity: nil, platform: nil, scope: .all)
                            .map { ($0.key.rawValue, $0.value) }))
                } catch let error as StoreError {
                    Console.error("impostor: \(Terminal.message(error.reason))")
                    throw ExitCode(ExitCodes.store)
                }
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .iso8601
                Console.out(String(decoding: try encoder.encode(report), as: UTF8.self))
                return
            }
            Console.out(Self.text(report, watchlist: watchlist))
        }

        /// A run still marked running while no scan holds the lock was killed (kill -9, a power cut):
        /// shown as interrupted now, recorded so by the next scan.
        static func abandoned(_ runs: [ScanRun], scanning: Bool) -> [ScanRun] {
            guard !scanning else { return runs }
            return runs.map { run in
                guard run.status == .running else { return run }
                var r = run
                r.status = .interrupted
                r.message = r.message ?? "the scan process ended without finishing (killed or crashed)"
                return r
            }
        }

        /// The report for a person. Run messages and source failures quote what servers, feeds and accounts
        /// sent (an error naming a hostile handle): each is cleaned to one line, so none can fake a line here.
        static func text(_ r: Report, watchlist: Watchlist) -> String {
            let f = ISO8601DateFormatter()
            var t = "Case store: \(r.database)\n\nRecent scans:\n"
            if r.runs.isEmpty { t += "  none yet: run `impostor scan --watchlist \(watchlist.directory)`\n" }
            for run in r.runs {
                let took = run.endedAt.map { String(format: " in %.0f s", $0.timeIntervalSince(run.startedAt)) } ?? ""
                t += "  #\(run.id) \(f.string(from: run.startedAt)) \(run.status.rawValue)\(took): \(run.profiles) profiles, "
                t += "\(run.suspects) suspects, \(run.opened) opened, \(run.reopened) reopened, \(run.removed) removed\n"
                if let m = run.message { t += "     \(Terminal.message(m))\n" }
            }
            t += "\nOpen cases by council:\n"
            if r.openCases.isEmpty { t += "  none\n" }
            for (id, n) in r.openCases.sorted(by: { $0.value > $1.value }) {
                t += "  \(Terminal.safe(watchlist.identity(id: id)?.name ?? id)): \(n)\n"
            }
            if !r.statusCounts.isEmpty {
                t += "\nAll cases: " + CaseStatus.allCases.compactMap { s in r.statusCounts[s.rawValue].map { "\($0) \(s.rawValue)" } }
                    .joined(separator: ", ") + "\n"
            }
            t += "\nSources in the last scan:\n"
            if let last = r.runs.first, !last.sources.isEmpty {
                for s in last.sources {
                    let health = s.errors == 0 ? "ok" : "FAILING"
                    t += "  \(health)  \(Terminal.message(s.source)): \(s.pages) pages, \(s.profiles) profiles, "
                        + "\(s.errors) errors, \(s.waits) waits\n"
                    if let failure = s.failure { t += "        \(Terminal.message(failure))\n" }
                }
            } else {
                t += "  no scan has run any source yet\n"
            }
            return t
        }
    }
}
