import Foundation
import PostgresNIO

extension PostgresStore {
    /// Takes one request to `host` from `address` out of the window the platform announced; nil when
    /// it may go now, else when the platform's pause or window ends. The row is locked for the
    /// transaction, so two workers on one address never both take the last request.
    public func reserveRequest(host: String, address: String, at now: Date) async throws(StoreError) -> Date? {
        try await write("take a request from the rate budget") { conn in
            guard let row = try await conn.one("""
                SELECT remaining, window_ends, paused_until FROM rate_budget
                WHERE host = \(host) AND address = \(address) FOR UPDATE
                """, logger: logger) else { return nil }
            let remaining: Int? = try row.get("remaining")
            let ends: Date? = try row.get("window_ends")
            let paused: Date? = try row.get("paused_until")
            if let paused, paused > now { return paused }
            if let ends, ends <= now {
                // The window is over: the next answer will say how many the new one allows.
                try await conn.run("""
                    UPDATE rate_budget SET remaining = NULL, window_ends = NULL WHERE host = \(host) AND address = \(address)
                    """, logger: logger)
                return nil
            }
            guard let remaining else { return nil }
            guard remaining > 0 || ends != nil else {
                // Spent, with no end the platform named: let one request through to hear the count again,
                // rather than wait for an answer no request will bring.
                try await conn.run("""
                    UPDATE rate_budget SET remaining = NULL WHERE host = \(host) AND address = \(address)
                    """, logger: logger)
                return nil
            }
            if remaining <= 0 { return ends }
            try await conn.run("""
                UPDATE rate_budget SET remaining = remaining - 1 WHERE host = \(host) AND address = \(address)
                """, logger: logger)
            return nil
        }
    }

    /// What a platform's headers said about `address`. Within one window the lower count wins, since
    /// answers arrive out of order; a new window's count replaces the old.
    public func noteRateWindow(host: String, address: String, remaining: Int, windowEnds: Date?) async throws(StoreError) {
        try await write("note a rate limit") { conn in
            try await conn.run("""
                INSERT INTO rate_budget (host, address, remaining, window_ends) VALUES (\(host), \(address), \(remaining), \(windowEnds))
                ON CONFLICT (host, address) DO UPDATE SET
                  remaining = CASE
                    WHEN rate_budget.remaining IS NULL OR rate_budget.window_ends IS NULL OR EXCLUDED.window_ends IS NULL
                      OR abs(extract(epoch FROM rate_budget.window_ends - EXCLUDED.window_ends)) > 2 THEN EXCLUDED.remaining
                    ELSE LEAST(rate_budget.remaining, EXCLUDED.remaining) END,
                  window_ends = EXCLUDED.window_ends
                """, logger: logger)
        }
    }

    /// A pause a platform asked of `address`: kept by every worker sending from it.
    public func noteRatePause(host: String, address: String, until: Date) async throws(StoreError) {
        try await write("note a rate-limit pause") { conn in
            try await conn.run("""
                INSERT INTO rate_budget (host, address, paused_until) VALUES (\(host), \(address), \(until))
                ON CONFLICT (host, address) DO UPDATE SET
                  paused_until = GREATEST(COALESCE(rate_budget.paused_until, EXCLUDED.paused_until), EXCLUDED.paused_until)
                """, logger: logger)
        }
    }
}
