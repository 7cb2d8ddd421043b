import Foundation
import GRDB
import ImpostorCore

extension Store {
    /// Records the start of a scan and returns its id. A SQLite store's scan covers every council, so
    /// `council` is not kept.
    public func beginRun(version: String, council: String? = nil, at now: Date = Date()) throws(StoreError) -> Int64 {
        try write { db in
            var run = ScanRunRecord(startedAt: now, status: ScanRun.Status.running.rawValue, version: version,
                                    pid: Int(ProcessInfo.processInfo.processIdentifier))
            try run.insert(db)
            return run.id!
        }
    }

    /// Records how a scan ended, with what each source did, in one transaction.
    public func finishRun(
        _ id: Int64, status: ScanRun.Status, profiles: Int, sources: [SourceHealth], message: String? = nil,
        at now: Date = Date()
    ) throws(StoreError) {
        try write { db in
            guard var run = try ScanRunRecord.fetchOne(db, key: id) else {
                throw StoreError(.notFound, "scan run \(id) is not in the store")
            }
            for s in sources {
                var r = SourceRunRecord(runId: id, source: s.source, pages: s.pages, profiles: s.profiles,
                                        errors: s.errors, waits: s.waits, failure: s.failure.map(Redaction.apply))
                try r.insert(db)
            }
            run.status = status.rawValue
            run.profiles = profiles
            run.endedAt = now
            run.message = message.map(Redaction.apply)
            try run.update(db)
        }
    }

    /// Marks runs left `running` by a process that died (kill -9, power cut) as interrupted.
    /// Call it only while holding the scan lock, so no live scan is among them.
    @discardableResult
    public func closeAbandonedRuns(at now: Date = Date()) throws(StoreError) -> Int {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE scan_run SET status = 'interrupted', ended_at = ?,
                      message = coalesce(message, 'the scan process ended without finishing (killed or crashed)')
                    WHERE status = 'running'
                    """, arguments: [now])
            return db.changesCount
        }
    }

    /// The most recent scans, newest first, with their sources.
    public func recentRuns(limit: Int = 10) throws(StoreError) -> [ScanRun] {
        try read { db in
            let runs = try ScanRunRecord.order(Column("id").desc).limit(limit).fetchAll(db)
            return try runs.map { r in
                let sources = try SourceRunRecord.filter(Column("run_id") == r.id!).order(Column("id")).fetchAll(db)
                return ScanRun(
                    id: r.id!, startedAt: r.startedAt, endedAt: r.endedAt,
                    status: ScanRun.Status(rawValue: r.status) ?? .failed, version: r.version,
                    profiles: r.profiles, suspects: r.suspects, opened: r.opened, reopened: r.reopened,
                    removed: r.removed, message: r.message,
                    sources: sources.map {
                        SourceHealth(source: $0.source, pages: $0.pages, profiles: $0.profiles, errors: $0.errors,
                                     waits: $0.waits, failure: $0.failure)
                    })
            }
        }
    }
}
