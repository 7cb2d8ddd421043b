import ArgumentParser
import Foundation
import ImpostorCore
import ImpostorDaemon
import ImpostorStore
import Logging

extension Impostor {
    /// `impostor worker`: one of many scanners over a PostgreSQL store.
    struct WorkerCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "worker",
            abstract: "Scans councils from a shared PostgreSQL store, alongside other workers.",
            discussion: """
                For a county association serving many councils. Each worker takes a council that is due, \
                holds it with a lease while it scans it, and gives it back due again after --scan-every \
                seconds. Run as many as the platforms' rate limits allow, on one machine or many: a council \
                is never scanned by two at once, and a worker that dies holds its council only until its \
                lease runs out. SIGTERM finishes the council in hand and stops.

                The platforms limit requests per address (Bluesky's public AppView about 3,000 per 5 \
                minutes). Workers sending from one address share one budget through the store, and all \
                keep a pause a platform asked of any of them. Bind each worker to its own address with \
                --source-address to multiply the councils scanned an hour.

                With [digest] in impostor.toml, a scan that opens cases e-mails that council's own clerks \
                (those `impostor users` lists for it), or [digest] to when it has none.

                The store is named by --db or by `database = "postgres://USER@HOST/DB"` in impostor.toml. \
                Its password comes from a password file (passfile= in the address, PGPASSFILE or \
                ~/.pgpass), never from the address itself.

                Exit status: 0 done (with --once, nothing is due); 2 the watchlist or settings are wrong; \
                3 the store cannot be used.
                """
        )

        @OptionGroup var watchlistOptions: WatchlistOptions
        @OptionGroup var logOptions: LogOptions

        @Option(help: ArgumentHelp("The shared store: postgres://USER@HOST[:PORT]/DATABASE[?sslmode=verify-full].",
                                   valueName: "url"))
        var db: String?

        @Flag(help: "Work until no council is due, then exit (for tests and one-off rounds).")
        var once = false

        @Option(help: "Seconds a council is held while it is scanned; renewed as the scan goes on.")
        var lease = 300

        @Option(help: "Seconds between two scans of a council (default: scan_interval_minutes in impostor.toml, else an hour).")
        var scanEvery: Int?

        @Option(help: "The name this worker's leases carry (default: HOST:PID).")
        var name: String?

        @Option(help: "The cache folder for avatars and conditional requests.")
        var cache: String?

        @Flag(help: "Send no digests, even when [digest] is set.")
        var noDigest = false

        @Option(help: ArgumentHelp(
            "The local IP address this worker's requests leave from. Workers on one address share the platforms' limits for it; give each worker its own address to scan more councils an hour.",
            valueName: "ip"))
        var sourceAddress: String?

        func validate() throws {
            // A lease shorter than a slow request would be lost mid-scan; the default suits most.
            guard lease >= 3 else { throw ValidationError("--lease must be at least 3 seconds (default 300)") }
            guard (scanEvery ?? 1) >= 1 else { throw ValidationError("--scan-every must be at least 1 second (default 3600)") }
            if let sourceAddress, !IPAddressText.isIPv4(sourceAddress), !IPAddressText.isIPv6(sourceAddress) {
                throw ValidationError("--source-address \(sourceAddress) is not an IP address (e.g. 192.0.2.10 or 2001:db8::10)")
            }
        }

        func run() async throws {
            let watchlist = try watchlistOptions.load(quiet: logOptions.quiet)
            let settings = try DaemonSettings.load(watchlist)
            let logger = logOptions.logger("impostor.worker")
            guard let url = db ?? settings.database, PostgresAddress.isPostgres(url) else {
                Console.error("impostor: a worker needs a PostgreSQL store: --db postgres://USER@HOST/DATABASE "
                    + "(a SQLite store is scanned by `impostor scan`)")
                throw ExitCode(ExitCodes.configuration)
            }
            let host = ProcessInfo.processInfo.hostName
            let options = Worker.Options(name: name ?? "\(host):\(getpid())", lease: lease,
                                         scanEvery: scanEvery ?? settings.scanIntervalMinutes * 60, once: once)
            let store = try await SharedStore.open(url, worker: options.name, logger: logger)
            let cache = self.cache, sourceAddress = self.sourceAddress
            let judges = try ScanSetup.judges(watchlist)
            let digest = noDigest ? nil : settings.digest.map { DigestMailer(settings: $0, logger: logger) }
            let worker = Worker(store: store, watchlist: watchlist, options: options, digest: digest, logger: logger) { one in
                try ScanSetup.pass(watchlist: one, judges: judges, store: store, cacheDirectory: cache,
                                   sourceAddress: sourceAddress, logger: logger)
            }
            let stop = Worker.Stop()
            let trap = SignalTrap([SIGTERM, SIGINT]) { number in
                logger.notice("worker.signal", metadata: ["signal": "\(number)"])
                stop.request()
            }
            let summary: Worker.Summary
            do {
                summary = try await worker.run(stop: stop)
                await store.close()
            } catch let error as StoreError {
                Console.error("impostor: \(error.reason)")
                await store.close()
                throw ExitCode(ExitCodes.store)
            } catch {
                await store.close()
                throw error
            }
            withExtendedLifetime(trap) {}
            if !logOptions.quiet {
                Console.out("worker \(options.name): \(summary.councils.count) councils scanned, \(summary.profiles) profiles, "
                    + "\(summary.newCases) new or reopened cases")
            }
        }
    }
}
