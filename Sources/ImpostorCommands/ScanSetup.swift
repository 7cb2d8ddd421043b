import ArgumentParser
import Foundation
import ImpostorCore
import ImpostorDaemon
import ImpostorFetch
import ImpostorImaging
import ImpostorScoring
import ImpostorStore
import Logging

/// Builds a scan pass from the watchlist: shared by `scan`, `daemon`, `add` and `intake`.
enum ScanSetup {
    static func pass(watchlist: Watchlist, store: Store, cacheDirectory: String?, logger: Logger) throws -> ScanPass {
        let settings = try DaemonSettings.load(watchlist)
        let (scorer, logos) = try judges(watchlist)
        let cache = cacheDirectory ?? ResponseCache.defaultDirectory()
        let fetcher = Fetcher.live(watchlist: watchlist, cacheDirectory: cache, logger: logger)
        let evidence = AvatarEvidenceCache(directory: AvatarEvidenceCache.directory(inCache: cache), logos: logos)
        let intake = settings.intake.map { settings in
            Intake(mailbox: settings.mailbox,
                   desk: ReportDesk(watchlist: watchlist, store: store, scorer: scorer, logos: logos,
                                    fetcher: settings.readPages ? fetcher : nil),
                   logger: logger, maxMessages: settings.maxMessages)
        }
        return ScanPass(
            watchlist: watchlist, store: store, fetcher: fetcher,
            recheck: Recheck(session: fetcher.session, watchlist: watchlist), scorer: scorer, logos: logos,
            logger: logger, intake: intake, evidenceCache: evidence)
    }

    /// The scan of one council by a worker: no report mailbox (one machine reads it with `impostor intake`).
    /// It searches for the one council, and judges what it finds against every council (`judges`, made
    /// once per worker), as one scan of the whole watchlist would: another council's own account is
    /// known as theirs, and an impostor of a neighbour is that neighbour's case. Requests leave from
    /// `sourceAddress` and count against the budget every worker on it shares.
    static func pass(watchlist: Watchlist, judges: (Scorer, LogoIndex), store: PostgresStore, cacheDirectory: String?,
                     sourceAddress: String?, logger: Logger) throws -> ScanPass
    {
        let (scorer, logos) = judges
        let cache = cacheDirectory ?? ResponseCache.defaultDirectory()
        let shared = SharedLimits(SharedRateBudget(store: store, logger: logger), address: sourceAddress)
        let fetcher = Fetcher.live(watchlist: watchlist, cacheDirectory: cache, shared: shared, logger: logger)
        let evidence = AvatarEvidenceCache(directory: AvatarEvidenceCache.directory(inCache: cache), logos: logos)
        return ScanPass(
            watchlist: watchlist, store: store, fetcher: fetcher,
            recheck: Recheck(session: fetcher.session, watchlist: watchlist), scorer: scorer, logos: logos,
            logger: logger, evidenceCache: evidence, council: watchlist.identities.first?.id)
    }

    /// The report desk for `add`, `intake` and the review page's form. `offline` reads no pages.
    static func desk(watchlist: Watchlist, store: any CaseStore, cacheDirectory: String?, offline: Bool, logger: Logger) throws
        -> ReportDesk
    {
        let (scorer, logos) = try judges(watchlist)
        // On a shared store, pages are read within the request budget the workers share.
        let shared = (store as? PostgresStore).map { SharedLimits(SharedRateBudget(store: $0, logger: logger), address: nil) }
        let fetcher = offline ? nil : Fetcher.live(
            watchlist: watchlist, cacheDirectory: cacheDirectory ?? ResponseCache.defaultDirectory(), shared: shared,
            logger: logger)
        return ReportDesk(watchlist: watchlist, store: store, scorer: scorer, logos: logos, fetcher: fetcher)
    }

    static func judges(_ watchlist: Watchlist) throws -> (Scorer, LogoIndex) {
        let scorer: Scorer
        do {
            scorer = try Scorer(identities: watchlist.identities)
        } catch {
            Console.error("impostor: cannot prepare the scorer: \(error)")
            throw ExitCode(ExitCodes.configuration)
        }
        let logos: LogoIndex
        do {
            logos = try AvatarEvidence.logos(of: watchlist)
        } catch {
            Console.error(Terminal.message("impostor: a logo in the watchlist cannot be read: \(error.reason)"))
            throw ExitCode(ExitCodes.configuration)
        }
        return (scorer, logos)
    }
}

/// Turns SIGTERM and SIGINT into a call, so a scan can stop between two transactions.
final class SignalTrap {
    private let sources: [any DispatchSourceSignal]

    init(_ signals: [Int32], _ handler: @escaping @Sendable (Int32) -> Void) {
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { handler(number) }
            source.resume()
            return source
        }
    }

    deinit { for s in sources { s.cancel() } }
}
