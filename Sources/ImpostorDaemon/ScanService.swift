import Foundation
import ImpostorCore
import ImpostorStore
import Logging
import ServiceLifecycle

/// `impostor daemon`'s scheduler: a scan now, then one every interval, until SIGTERM. A scan cut short
/// by shutdown is recorded as interrupted; the next start picks up from the store.
public struct ScanService: Service {
    let interval: Duration
    let lockPath: String
    let watchlist: Watchlist
    let digest: DigestMailer?
    let logger: Logger
    /// A fresh pass for each scan: its fetch session carries the per-run request budget and rate-limit state.
    let makePass: @Sendable () throws -> ScanPass

    public init(
        interval: Duration, lockPath: String, watchlist: Watchlist, digest: DigestMailer?, logger: Logger,
        makePass: @escaping @Sendable () throws -> ScanPass
    ) {
        self.interval = interval
        self.lockPath = lockPath
        self.watchlist = watchlist
        self.digest = digest
        self.logger = logger
        self.makePass = makePass
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await scanOnce()
            do {
                try await cancelWhenGracefulShutdown { [interval] in try await Task.sleep(for: interval) }
            } catch {
                break
            }
        }
        logger.info("daemon.scans.stopped")
    }

    /// One scan, skipped (not queued) when a timer-started scan holds the lock.
    func scanOnce() async {
        let lock: ScanLock
        do {
            lock = try ScanLock(path: lockPath, wait: false)
        } catch {
            logger.warning("daemon.scan.skipped", metadata: ["why": "\(error)"])
            return
        }
        defer { withExtendedLifetime(lock) {} }
        do {
            let pass = try makePass()
            let outcome = try await cancelWhenGracefulShutdown { try await pass.run() }
            if let digest, outcome.status != .interrupted, !outcome.newCases.isEmpty {
                await digest.send(outcome, watchlist: watchlist)
            }
        } catch {
            logger.error("daemon.scan.failed", metadata: ["error": "\(error)"])
        }
    }
}
