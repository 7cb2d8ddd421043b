import Foundation
import PostgresNIO

/// A council a worker holds: scan it, then release it, before `until`.
public struct CouncilLease: Sendable, Hashable {
    public var council: String
    public var owner: String
    public var until: Date
}

/// Where a council stands in the round, for `impostor status` and the tests.
public struct CouncilSchedule: Sendable, Hashable {
    public var council: String
    public var scanEvery: Int
    public var dueAt: Date
    public var leaseOwner: String?
    public var leaseUntil: Date?
    public var lastFinishedAt: Date?
    public var scans: Int
}

extension PostgresStore {
    /// Adds the watchlist's councils to the schedule: a new council is due now, a changed interval takes
    /// effect from its next scan. Councils of other workers' watchlists are left as they are.
    public func syncSchedule(_ councils: [(id: String, scanEvery: Int)]) async throws(StoreError) {
        let ids = councils.map(\.id), intervals = councils.map(\.scanEvery)
        try await write("update the councils' schedule") { conn in
            // One statement for the whole watchlist: an association's thousands of councils in one round trip.
            try await conn.run("""
                INSERT INTO council_schedule (identity, scan_every, due_at)
                SELECT id, every, now() FROM unnest(\(ids)::text[], \(intervals)::integer[]) AS c(id, every)
                ON CONFLICT (identity) DO UPDATE SET scan_every = EXCLUDED.scan_every
                """, logger: logger)
        }
    }

    /// Takes the council due longest, unheld or whose holder's lease ran out, for `lease` seconds. Rows
    /// another worker is taking are skipped, not waited for, so workers never queue behind each other.
    /// Leases are read on the server's clock, which every worker shares whatever its own says.
    /// Only councils in `among` (the worker's watchlist) are taken.
    public func claimDue(owner: String, lease: Int, among councils: [String]) async throws(StoreError) -> CouncilLease? {
        try await write("claim a council") { conn in
            let row = try await conn.one("""
                UPDATE council_schedule SET lease_owner = \(owner), lease_until = now() + make_interval(secs => \(Double(lease)))
                WHERE identity = (
                  SELECT identity FROM council_schedule
                  WHERE due_at <= now() AND (lease_until IS NULL OR lease_until <= now()) AND identity = ANY(\(councils))
                  ORDER BY due_at, identity LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING identity, lease_until
                """, logger: logger)
            guard let row else { return nil }
            return CouncilLease(council: try row.get("identity"), owner: owner, until: try row.get("lease_until"))
        }
    }

    /// Extends a lease the worker still holds; false when it lost it (it ran out and another took it).
    public func renew(_ lease: CouncilLease, for seconds: Int) async throws(StoreError) -> Bool {
        try await write("renew a lease") { conn in
            try await !conn.rows("""
                UPDATE council_schedule SET lease_until = now() + make_interval(secs => \(Double(seconds)))
                WHERE identity = \(lease.council) AND lease_owner = \(lease.owner) AND lease_until > now()
                RETURNING identity
                """, logger: logger).isEmpty
        }
    }

    /// Gives the council back. Scanned: due again after its interval. Not scanned (the worker stopped
    /// first): due at once, for the next worker.
    public func release(_ lease: CouncilLease, scanned: Bool) async throws(StoreError) {
        try await write("release a council") { conn in
            try await conn.run("""
                UPDATE council_schedule SET lease_owner = NULL, lease_until = NULL, run_id = NULL,
                  due_at = CASE WHEN \(scanned) THEN now() + make_interval(secs => scan_every::double precision) ELSE due_at END,
                  last_finished_at = CASE WHEN \(scanned) THEN now() ELSE last_finished_at END,
                  scans = scans + CASE WHEN \(scanned) THEN 1 ELSE 0 END
                WHERE identity = \(lease.council) AND lease_owner = \(lease.owner)
                """, logger: logger)
        }
    }

    /// When the next council falls due, or nil when none is scheduled.
    public func nextDue(among councils: [String]) async throws(StoreError) -> Date? {
        try await read("read the schedule") { conn in
            try await conn.one("""
                SELECT min(greatest(due_at, coalesce(lease_until, due_at))) AS next FROM council_schedule
                WHERE identity = ANY(\(councils))
                """, logger: logger)?.get("next")
        }
    }

    public func schedule() async throws(StoreError) -> [CouncilSchedule] {
        try await read("read the schedule") { conn in
            try await conn.rows("SELECT * FROM council_schedule ORDER BY identity", logger: logger).map {
                CouncilSchedule(council: try $0.get("identity"), scanEvery: try $0.get("scan_every"),
                                dueAt: try $0.get("due_at"), leaseOwner: try $0.get("lease_owner"),
                                leaseUntil: try $0.get("lease_until"), lastFinishedAt: try $0.get("last_finished_at"),
                                scans: try $0.get("scans"))
            }
        }
    }
}
