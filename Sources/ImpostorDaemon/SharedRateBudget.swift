import Foundation
import ImpostorFetch
import ImpostorStore
import Logging

/// The platforms' rate limits per outgoing address, kept in the shared store so that every worker
/// sending from one address spends one budget. When the store cannot be reached the worker's own
/// limiter still keeps it polite, so a failure here is logged, not fatal.
public struct SharedRateBudget: SharedRateLimits {
    let store: PostgresStore
    let logger: Logger

    public init(store: PostgresStore, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    public func reserve(host: String, address: String, at now: Date) async -> Date? {
        do {
            return try await store.reserveRequest(host: host, address: address, at: now)
        } catch {
            logger.warning("rate.shared_failed", metadata: ["error": "\(error.reason)"])
            return nil
        }
    }

    public func record(host: String, address: String, remaining: Int, windowEnds: Date?) async {
        do {
            try await store.noteRateWindow(host: host, address: address, remaining: remaining, windowEnds: windowEnds)
        } catch {
            logger.warning("rate.shared_failed", metadata: ["error": "\(error.reason)"])
        }
    }

    public func pause(host: String, address: String, until: Date) async {
        do {
            try await store.noteRatePause(host: host, address: address, until: until)
        } catch {
            logger.warning("rate.shared_failed", metadata: ["error": "\(error.reason)"])
        }
    }
}
