import ArgumentParser
import Foundation
import ImpostorCore
import ImpostorDaemon
import ImpostorStore
import Logging

extension Impostor {
    /// `impostor scan`: one pass of fetch → hash → score → store, as the systemd timer runs it.
    struct Scan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Runs one scan: fetches every source, scores the accounts and opens cases for new suspects.",
            discussion: """
                New suspects, and dismissed accounts that change their name or picture, become cases waiting \
                in `impostor review`. Confirmed and reported accounts are fetched again, and a case becomes \
                "removed" when the platform has taken the account down. The council's own accounts are looked \
                up on Bluesky, Mastodon, YouTube and X, and any change to them since the last accepted state is \
                a takeover alert, printed here and first in the queue. With [intake] set, the report mailbox is \
                read too. After a scan that opened cases or raised alerts, the clerk gets an e-mail if [digest] \
                is set in impostor.toml.

                Exit status: 0 all went well; 1 some sources failed (the rest was stored); 2 the watchlist or \
                settings are wrong; 3 the case store cannot be used; 4 another scan is running; 143 stopped by \
                a signal (the run is recorded as interrupted, nothing half-written).
                """
        )

        @OptionGroup var watchlistOptions: WatchlistOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var logOptions: LogOptions

        @Option(help: "Only run sources of this kind: bluesky, mastodon, youtube, listing or link.")
        var source: String?

        @Option(help: "The cache folder for avatars and conditional requests (default: $CACHE_DIRECTORY, $XDG_CACHE_HOME/impostor or ~/.cache/impostor).")
        var cache: String?

        @Flag(help: "If another scan is running, wait for it instead of stopping.")
        var wait = false

        @Flag(help: "Do not e-mail the clerk, even when [digest] is set.")
        var noDigest = false

        func run() async throws {
            let watchlist = try watchlistOptions.load(quiet: logOptions.quiet)
            let settings = try DaemonSettings.load(watchlist)
            let logger = logOptions.logger("impostor.scan")
            let path = storeOptions.path(settings: settings)
            let store = try storeOptions.open(settings: settings)
            let lock: ScanLock
            do {
                lock = try ScanLock(path: path + ".lock", wait: wait)
            } catch let busy as ScanLock.Busy {
                Console.error("impostor: \(busy.description)")
                throw ExitCode(ExitCodes.busy)
            } catch {
                Console.error("impostor: cannot create the scan lock \(path).lock: \(error)")
                throw ExitCode(ExitCodes.store)
            }
            let pass = try ScanSetup.pass(watchlist: watchlist, store: store, cacheDirectory: cache, logger: logger)
            let kind = source
            let task = Task { try await pass.run(kind: kind) }
            let trap = SignalTrap([SIGTERM, SIGINT]) { number in
                logger.notice("scan.signal", metadata: ["signal": "\(number)"])
                task.cancel()
            }
            let outcome: ScanPass.Outcome
            do {
                outcome = try await task.value
            } catch let error as StoreError {
                Console.error("impostor: \(error.reason)")
                throw ExitCode(ExitCodes.store)
            }
            withExtendedLifetime(trap) {}
            withExtendedLifetime(lock) {}

            if outcome.status == .interrupted { throw ExitCode(ExitCodes.interrupted) }
            if !noDigest, let digest = settings.digest, !outcome.newCases.isEmpty {
                await DigestMailer(settings: digest, logger: logger).send(outcome, watchlist: watchlist)
            }
            for alert in outcome.newCases where alert.summary.kind == .takeover {
                let platform = Terminal.safe(alert.summary.platform.rawValue)
                Console.out("ALERT case \(alert.summary.id): the council's own \(platform) account "
                    + "@\(Terminal.safe(alert.summary.handle)) changed or is gone: "
                    + Terminal.safe((alert.changes ?? []).joined(separator: "; ")))
            }
            if let intake = outcome.intake { IntakeCommand.print(intake, quiet: logOptions.quiet) }
            if !logOptions.quiet {
                Console.out(
                    "scan \(outcome.runID): \(outcome.profiles) profiles, \(outcome.suspects) suspects, "
                        + "\(outcome.newCases.count) new or reopened cases, \(outcome.removed) removed"
                        + (outcome.status == .partial ? " (some sources failed; see `impostor status`)" : ""))
            }
            if outcome.status == .partial { throw ExitCode(ExitCodes.partial) }
        }
    }
}
