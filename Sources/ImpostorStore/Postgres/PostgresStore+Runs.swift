import Foundation
import ImpostorCore
import PostgresNIO

extension PostgresStore {
    /// Marks as interrupted the runs no live lease owns: their worker died, and its lease ran out (or the
    /// council was released). A run of a council still leased is some worker's, alive, and is left alone.
    public func closeAbandonedRuns(at now: Date) async throws(StoreError) -> Int {
        try await write("close abandoned runs") { conn in
            let rows = try await conn.rows("""
                UPDATE scan_run r SET status = 'interrupted', ended_at = \(now),
                  message = coalesce(message, 'the scan process ended without finishing (killed or crashed)')
                WHERE r.status = 'running' AND NOT EXISTS (
                  SELECT 1 FROM council_schedule s WHERE s.run_id = r.id AND s.lease_owner IS NOT DISTINCT FROM r.worker
                    AND s.lease_until > now())
                RETURNING r.id
                """, logger: logger)
            return rows.count
        }
    }

    public func beginRun(version: String, council: String?, at now: Date) async throws(StoreError) -> Int64 {
        try await write("record the start of a scan") { conn in
            let row = try await conn.one("""
                INSERT INTO scan_run (started_at, status, version, pid, council, worker)
                VALUES (\(now), 'running', \(version), \(Int(ProcessInfo.processInfo.processIdentifier)), \(council), \(worker))
                RETURNING id
                """, logger: logger)
            guard let id: Int64 = try row?.get("id") else { throw StoreError(.database, "the scan run was not stored") }
            if let council {
                // Only under the worker's own lease: a worker that lost its council does not claim the run.
                try await conn.run("""
                    UPDATE council_schedule SET run_id = \(id)
                    WHERE identity = \(council) AND lease_owner IS NOT DISTINCT FROM \(worker)
                    """, logger: logger)
            }
            return id
        }
    }

    public func finishRun(_ id: Int64, status: ScanRun.Status, profiles: Int, sources: [SourceHealth], message: String?,
                          at now: Date) async throws(StoreError) {
        try await write("record the end of a scan") { conn in
            for s in sources {
                try await conn.run("""
                    INSERT INTO source_run (run_id, source, pages, profiles, errors, waits, failure)
                    VALUES (\(id), \(s.source), \(s.pages), \(s.profiles), \(s.errors), \(s.waits), \(s.failure.map(Redaction.apply)))
                    """, logger: logger)
            }
            let updated = try await conn.rows("""
                UPDATE scan_run SET status = \(status.rawValue), profiles = \(profiles), ended_at = \(now),
                  message = \(message.map(Redaction.apply)) WHERE id = \(id) RETURNING id
                """, logger: logger)
            if updated.isEmpty { throw StoreError(.notFound, "scan run \(id) is not in the store") }
        }
    }

    public func recentRuns(limit: Int) async throws(StoreError) -> [ScanRun] {
        try await read("list the scans") { conn in
            var runs: [ScanRun] = []
            for r in try await conn.rows("SELECT * FROM scan_run ORDER BY id DESC LIMIT \(limit)", logger: logger) {
                let id: Int64 = try r.get("id")
                let sources = try await conn.rows("SELECT * FROM source_run WHERE run_id = \(id) ORDER BY id", logger: logger)
                    .map {
                        SourceHealth(source: try $0.get("source"), pages: try $0.get("pages"), profiles: try $0.get("profiles"),
                                     errors: try $0.get("errors"), waits: try $0.get("waits"), failure: try $0.get("failure"))
                    }
                runs.append(ScanRun(
                    id: id, startedAt: try r.get("started_at"), endedAt: try r.get("ended_at"),
                    status: ScanRun.Status(rawValue: try r.get("status")) ?? .failed, version: try r.get("version"),
                    profiles: try r.get("profiles"), suspects: try r.get("suspects"), opened: try r.get("opened"),
                    reopened: try r.get("reopened"), removed: try r.get("removed"), message: try r.get("message"),
                    sources: sources))
            }
            return runs
        }
    }
}
