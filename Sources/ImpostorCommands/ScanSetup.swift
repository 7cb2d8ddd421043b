import ArgumentParser
import Foundation
import ImpostorCore
import ImpostorDaemon
import ImpostorFetch
import ImpostorImaging
import ImpostorScoring
import ImpostorStore
import Logging

/// Builds a scan pass from the watchlist: shared by `scan` and `daemon`.
enum ScanSetup {
    static func pass(watchlist: Watchlist, store: Store, cacheDirectory: String?, logger: Logger) throws -> ScanPass {
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
            Console.error("impostor: a logo in the watchlist cannot be read: \(error.reason)")
            throw ExitCode(ExitCodes.configuration)
        }
        let fetcher = Fetcher.live(
            watchlist: watchlist, cacheDirectory: cacheDirectory ?? ResponseCache.defaultDirectory(), logger: logger)
        return ScanPass(
            watchlist: watchlist, store: store, fetcher: fetcher,
            recheck: Recheck(session: fetcher.session, watchlist: watchlist), scorer: scorer, logos: logos,
            logger: logger)
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
