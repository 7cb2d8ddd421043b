import Foundation
import ImpostorCore
import ImpostorStore
import Logging
import Synchronization

/// One of many scanners sharing a PostgreSQL store. It takes a due council with a lease, scans it alone,
/// and gives it back due again after its interval. A worker that dies holds nothing for long: its lease
/// runs out and another takes the council; what it stored before dying stays (one transaction per profile).
public struct Worker: Sendable {
    public struct Options: Sendable {
        /// Who holds a lease: the host and process unless named.
        public var name: String
        /// Seconds a lease lasts; renewed every third of it while the council is being scanned.
        public var lease: Int
        /// Seconds between two scans of a council.
        public var scanEvery: Int
        /// Work until nothing is due, then return.
        public var once: Bool

        public init(name: String, lease: Int = 300, scanEvery: Int = 3600, once: Bool = false) {
            self.name = name
            self.lease = lease
            self.scanEvery = scanEvery
            self.once = once
        }
    }

    /// What a worker did.
    public struct Summary: Sendable {
        public var councils: [String] = []
        public var profiles = 0
        public var newCases = 0
    }

    public let store: PostgresStore
    public let watchlist: Watchlist
    public let options: Options
    public let logger: Logger
    /// Builds the scan of one council: a watchlist holding it alone.
    let makePass: @Sendable (Watchlist) throws -> ScanPass

    /// Mails each council's clerks the cases its scan opened; nil sends nothing.
    let digest: DigestMailer?

    public init(store: PostgresStore, watchlist: Watchlist, options: Options, digest: DigestMailer? = nil, logger: Logger,
                makePass: @escaping @Sendable (Watchlist) throws -> ScanPass) {
        self.store = store
        self.digest = digest
        self.watchlist = watchlist
        self.options = options
        self.logger = logger
        self.makePass = makePass
    }

    /// Set from a signal handler: finish the council in hand, take no other.
    public final class Stop: Sendable {
        private let flag = Mutex(false)
        public init() {}
        public func request() { flag.withLock { $0 = true } }
        public var requested: Bool { flag.withLock { $0 } }
    }

    public func run(stop: Stop) async throws -> Summary {
        try await store.syncSchedule(watchlist.identities.map { (id: $0.id, scanEvery: $0.scanEveryMinutes.map { $0 * 60 } ?? options.scanEvery) })
        var summary = Summary()
        while !stop.requested {
            guard let lease = try await store.claimDue(owner: options.name, lease: options.lease,
                                                       among: watchlist.identities.map(\.id)) else {
                if options.once { break }
                try await waitForNextDue(stop: stop)
                continue
            }
            guard let identity = watchlist.identity(id: lease.council) else {
                try await store.release(lease, scanned: false)
                continue
            }
            logger.info("worker.claim", metadata: ["council": "\(lease.council)", "worker": "\(options.name)"])
            var one = watchlist
            one.identities = [identity]
            let pass: ScanPass
            do {
                pass = try makePass(one)
            } catch {
                try await store.release(lease, scanned: false)
                throw error
            }
            let scan = Task { try await pass.run() }
            // Keeps the lease while the scan runs; a lease lost (the worker stalled past it) stops the scan.
            let keeper = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(max(1, options.lease / 3)))
                    if Task.isCancelled { return }
                    if (try? await store.renew(lease, for: options.lease)) == false {
                        logger.warning("worker.lease_lost", metadata: ["council": "\(lease.council)"])
                        scan.cancel()
                        return
                    }
                }
            }
            // Cancelling the worker cancels the scan (which records its run as interrupted).
            let result = await withTaskCancellationHandler { await scan.result } onCancel: { scan.cancel() }
            keeper.cancel()
            switch result {
            case .success(let outcome):
                summary.councils.append(lease.council)
                summary.profiles += outcome.profiles
                summary.newCases += outcome.newCases.count
                try await store.release(lease, scanned: outcome.status != .interrupted)
                logger.info("worker.done", metadata: [
                    "council": "\(lease.council)", "profiles": "\(outcome.profiles)", "new_cases": "\(outcome.newCases.count)",
                ])
                if let digest, outcome.status != .interrupted, !outcome.newCases.isEmpty {
                    await mail(digest, outcome, council: lease.council, watchlist: one)
                }
            case .failure(let error):
                try await store.release(lease, scanned: false)
                throw error
            }
        }
        return summary
    }

    /// The digest goes to the council's own clerks; to [digest] to when it has none yet.
    func mail(_ digest: DigestMailer, _ outcome: ScanPass.Outcome, council: String, watchlist: Watchlist) async {
        let clerks: [String]
        do {
            clerks = try await store.clerkEmails(council: council)
        } catch {
            logger.error("digest.failed", metadata: ["council": "\(council)", "error": "\(error.reason)"])
            return
        }
        await digest.send(outcome, watchlist: watchlist, to: clerks.isEmpty ? nil : clerks)
    }

    /// Sleeps until the next council falls due, a minute at most, waking early for a stop.
    func waitForNextDue(stop: Stop) async throws {
        let next = try await store.nextDue(among: watchlist.identities.map(\.id)) ?? Date().addingTimeInterval(60)
        // At least a second: a council due but held by a live lease is not worth asking for again at once.
        let until = max(min(next, Date().addingTimeInterval(60)), Date().addingTimeInterval(1))
        while Date() < until && !stop.requested {
            try await Task.sleep(for: .milliseconds(500))
        }
    }
}
