import ArgumentParser
import Foundation
import Hummingbird
import ImpostorCore
import ImpostorDaemon
import ImpostorStore
import ImpostorWeb
import Logging
import ServiceLifecycle
import UnixSignals

/// `--listen` and `--password-file`, shared by `serve` and `daemon`.
struct ListenOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Where the review page listens (default: [review] listen in impostor.toml, else 127.0.0.1:8080). Any address other than loopback needs a password file.",
        valueName: "host:port"))
    var listen: String?

    @Option(help: ArgumentHelp(
        "A file holding the review page's password (the first line). Required to listen beyond 127.0.0.1.",
        valueName: "file"))
    var passwordFile: String?

    func configuration(settings: DaemonSettings, accounts: Bool = false) throws -> ReviewConfiguration {
        var password: String?
        if let file = passwordFile ?? settings.reviewPasswordFile {
            let bytes: [UInt8]
            do {
                bytes = try RegularFile.read(file, maxBytes: 64 << 10, ownerOnly: true)
            } catch {
                Console.error("impostor: the review page's password file: \(Terminal.message(error.description))")
                throw ExitCode(ExitCodes.configuration)
            }
            let text = String(decoding: bytes, as: UTF8.self)
            password = text.split(whereSeparator: \.isNewline).first.map(String.init)
            password.map(Redaction.register)
            if (password ?? "").count < 8 {
                Console.error("impostor: the password in \(file) is shorter than 8 characters; choose a longer one")
                throw ExitCode(ExitCodes.configuration)
            }
        }
        do {
            return try ReviewConfiguration(listen: listen ?? settings.listen, password: password,
                                           localUser: Impostor.Decide.loginName(), hostNames: settings.reviewHostNames,
                                           accounts: accounts)
        } catch {
            Console.error("impostor: \(error.description)")
            throw ExitCode(ExitCodes.configuration)
        }
    }
}

extension Impostor {
    /// `impostor serve`: the clerk's review page.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serves the review page, where the clerk sees each case's evidence and decides.",
            discussion: """
                Open http://127.0.0.1:8080 in a browser on the same computer. To reach it from another \
                computer, prefer an SSH tunnel (ssh -L 8080:127.0.0.1:8080 server); listening on another \
                address needs --listen and --password-file. The page answers only to its own address, IP \
                addresses and localhost; list any other name it is reached by in [review] host_names. \
                Stop it with Ctrl-C.

                With a shared store (--db postgres://…), clerks sign in with the accounts `impostor users` \
                keeps, each seeing only their own councils, and no shared password is needed. The session \
                cookie is sent over HTTPS only: put the page behind the association's HTTPS proxy (browsers \
                make an exception for http://localhost).
                """
        )

        @OptionGroup var watchlistOptions: WatchlistOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var listenOptions: ListenOptions
        @OptionGroup var logOptions: LogOptions

        @Option(help: "The cache folder for the pages and pictures of links reported on the page.")
        var cache: String?

        func run() async throws {
            let watchlist = try watchlistOptions.load(quiet: logOptions.quiet)
            let settings = try DaemonSettings.load(watchlist)
            let logger = logOptions.logger("impostor.serve")
            let path = storeOptions.path(settings: settings)
            if PostgresAddress.isPostgres(path) {
                return try await Impostor.serveShared(path, watchlist: watchlist, settings: settings, listen: listenOptions,
                                                      cache: cache, logger: logger)
            }
            let review = try listenOptions.configuration(settings: settings)
            let store = try storeOptions.open(settings: settings)
            let desk = try ScanSetup.desk(watchlist: watchlist, store: store, cacheDirectory: cache,
                                          offline: settings.intake?.readPages == false, logger: logger)
            let app = try buildReviewApp(ReviewContext(store: store, watchlist: watchlist, configuration: review,
                                                       drafts: DraftsForPage.make(watchlist: watchlist),
                                                       fileReport: desk.pageReporter),
                                         logger: logger)
            logger.notice("serve.listening", metadata: ["url": "\(review.address)"])
            let group = ServiceGroup(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], cancellationSignals: [],
                                     logger: logger)
            try await group.run()
        }
    }

    /// The page of a shared store: clerks sign in (`impostor users`) and see their own councils. A
    /// link a clerk reports is filed under one of their own councils.
    static func serveShared(_ url: String, watchlist: Watchlist, settings: DaemonSettings, listen: ListenOptions,
                            cache: String?, logger: Logger) async throws {
        let review = try listen.configuration(settings: settings, accounts: true)
        let store = try await SharedStore.open(url, logger: logger)
        let desk = try ScanSetup.desk(watchlist: watchlist, store: store, cacheDirectory: cache,
                                      offline: settings.intake?.readPages == false, logger: logger)
        let app = try buildReviewApp(ReviewContext(store: store, watchlist: watchlist, configuration: review,
                                                   signIn: SignIn(store: store),
                                                   drafts: DraftsForPage.make(watchlist: watchlist),
                                                   fileReport: desk.pageReporter),
                                     logger: logger)
        if try await store.clerks().isEmpty {
            logger.warning("serve.no_users", metadata: ["hint": "add one with `impostor users add EMAIL --admin --password-file F`"])
        }
        logger.notice("serve.listening", metadata: ["url": "\(review.address)", "store": "\(store.location)", "sign_in": "required"])
        let group = ServiceGroup(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], cancellationSignals: [],
                                 logger: logger)
        do {
            try await group.run()
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }

    /// `impostor daemon`: scans on an interval and serves the review page, until SIGTERM.
    struct Daemon: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Runs continuously: scans every scan_interval_minutes (default 60) and serves the review page.",
            discussion: """
                Made for systemd (deploy/systemd/impostor.service). SIGTERM stops it gracefully: a scan in \
                progress is recorded as interrupted and nothing half-written is left. Use either the daemon \
                or the scan timer, not both; if both run, a scan that finds the other running is skipped.
                """
        )

        @OptionGroup var watchlistOptions: WatchlistOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var listenOptions: ListenOptions
        @OptionGroup var logOptions: LogOptions

        @Option(help: "The cache folder for avatars and conditional requests.")
        var cache: String?

        @Flag(help: "Serve the review page only; do not scan.")
        var noScan = false

        func run() async throws {
            let watchlist = try watchlistOptions.load(quiet: logOptions.quiet)
            let settings = try DaemonSettings.load(watchlist)
            let review = try listenOptions.configuration(settings: settings)
            let path = storeOptions.path(settings: settings)
            let store = try storeOptions.open(settings: settings)
            let logger = logOptions.logger("impostor.daemon")
            // Check the scan can be built before going into the background loop.
            _ = try ScanSetup.pass(watchlist: watchlist, store: store, cacheDirectory: cache, logger: logger)
            let desk = try ScanSetup.desk(watchlist: watchlist, store: store, cacheDirectory: cache,
                                          offline: settings.intake?.readPages == false, logger: logger)
            let app = try buildReviewApp(ReviewContext(store: store, watchlist: watchlist, configuration: review,
                                                       drafts: DraftsForPage.make(watchlist: watchlist),
                                                       fileReport: desk.pageReporter),
                                         logger: logger)
            var services: [any Service] = [app]
            if !noScan {
                let cacheDirectory = cache
                services.append(ScanService(
                    interval: .seconds(60 * settings.scanIntervalMinutes), lockPath: path + ".lock", watchlist: watchlist,
                    digest: settings.digest.map { DigestMailer(settings: $0, logger: logger) }, logger: logger,
                    makePass: { try ScanSetup.pass(watchlist: watchlist, store: store, cacheDirectory: cacheDirectory, logger: logger) }))
            }
            logger.notice("daemon.start", metadata: [
                "review": "\(review.address)", "interval_minutes": "\(settings.scanIntervalMinutes)",
                "database": "\(path)",
            ])
            let group = ServiceGroup(services: services, gracefulShutdownSignals: [.sigterm, .sigint],
                                     cancellationSignals: [], logger: logger)
            try await group.run()
        }
    }
}

