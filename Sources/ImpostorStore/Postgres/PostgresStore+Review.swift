import Foundation
import ImpostorCore
import NIOCore
import PostgresNIO

extension PostgresStore {
    static func summarySQL(_ condition: String) -> PostgresQuery {
        PostgresQuery(unsafeSQL: """
            SELECT c.id, c.identity, c.status, c.score, c.opened_at, c.updated_at, c.snoozed_until, c.kind,
              (SELECT count(*) FROM case_report r WHERE r.case_id = c.id) AS reports, a.platform, a.stable_id, a.url,
              a.gone_at, s.handle, s.display_name
            FROM case_file c
            JOIN account a ON a.id = c.account_id
            JOIN snapshot s ON s.id = (SELECT max(id) FROM snapshot WHERE account_id = a.id)
            """ + condition)
    }

    static func summary(_ r: PGRow) throws -> CaseSummary {
        CaseSummary(
            id: try r.get("id"), platform: Platform(rawValue: try r.get("platform")), stableID: try r.get("stable_id"),
            handle: try r.get("handle"), displayName: try r.get("display_name"), url: try r.get("url"),
            identity: try r.get("identity"), score: try r.get("score"),
            status: CaseStatus(rawValue: try r.get("status")) ?? .new, openedAt: try r.get("opened_at"),
            updatedAt: try r.get("updated_at"), snoozedUntil: try r.get("snoozed_until"), goneAt: try r.get("gone_at"),
            kind: CaseKind(rawValue: try r.get("kind")) ?? .impersonation, reports: try r.get("reports"))
    }

    /// A query with its values bound in order: `$1`, `$2`… in `condition`.
    static func bound(_ condition: String, _ values: [any PostgresThrowingDynamicTypeEncodable]) throws -> PostgresQuery {
        var query = summarySQL(condition)
        for v in values { try query.binds.append(v) }
        return query
    }

    public func cases(_ filter: CaseFilter) async throws(StoreError) -> [CaseSummary] {
        try await read("list the cases") { conn in
            let statuses = filter.statuses.map(\.rawValue).sorted()
            let ids = filter.scope.sorted
            let query = try Self.bound("""
                 WHERE ($1 OR c.status = ANY($2)) AND ($3 OR c.identity = $4) AND ($5 OR a.platform = $6)
                  AND ($7 OR c.identity = ANY($8))
                ORDER BY c.kind = 'takeover' DESC, c.score DESC, c.id LIMIT $9
                """, [statuses.isEmpty, statuses, filter.identity == nil, filter.identity ?? "",
                      filter.platform == nil, filter.platform?.rawValue ?? "", ids == nil, ids ?? [], filter.limit])
            return try await conn.rows(query, logger: logger).map(Self.summary)
        }
    }

    public func statusCounts(identity: String?, platform: Platform?, scope: CouncilScope) async throws(StoreError)
        -> [CaseStatus: Int]
    {
        let ids = scope.sorted
        return try await read("count the cases") { conn in
            var counts: [CaseStatus: Int] = [:]
            for r in try await conn.rows("""
                SELECT c.status, count(*) AS n FROM case_file c JOIN account a ON a.id = c.account_id
                WHERE (\(identity == nil) OR c.identity = \(identity ?? "")) AND (\(platform == nil) OR a.platform = \(platform?.rawValue ?? ""))
                  AND (\(ids == nil) OR c.identity = ANY(\(ids ?? [])))
                GROUP BY c.status
                """, logger: logger) {
                if let s = CaseStatus(rawValue: try r.get("status")) { counts[s] = try r.get("n") }
            }
            return counts
        }
    }

    public func openCasesByIdentity(scope: CouncilScope) async throws(StoreError) -> [(identity: String, count: Int)] {
        let ids = scope.sorted
        return try await read("count the open cases") { conn in
            var counts: [(identity: String, count: Int)] = []
            for r in try await conn.rows("""
                SELECT identity, count(*) AS n FROM case_file WHERE status = 'new' AND (\(ids == nil) OR identity = ANY(\(ids ?? [])))
                GROUP BY identity ORDER BY n DESC, identity
                """, logger: logger) {
                counts.append((try r.get("identity"), try r.get("n")))
            }
            return counts
        }
    }

    public func caseDetail(_ id: Int64, scope: CouncilScope) async throws(StoreError) -> CaseDetail? {
        try await read("read a case") { conn in
            guard let row = try await conn.one(try Self.bound(" WHERE c.id = $1", [id]), logger: logger) else { return nil }
            let summary = try Self.summary(row)
            guard scope.allows(summary.identity),
                  let c = try await conn.one("SELECT * FROM case_file WHERE id = \(id)", logger: logger).map(CaseRecord.init)
            else { return nil }
            let account = try await conn.one("SELECT * FROM account WHERE id = \(c.accountId)", logger: logger)
                .map(AccountRecord.init)
            let snapshots = try await conn.rows("""
                SELECT * FROM snapshot WHERE account_id = \(c.accountId) ORDER BY id DESC
                """, logger: logger).map { try SnapshotRecord($0).snapshot }
            var assessment: StoredAssessment?
            if let a = try await conn.one("""
                SELECT * FROM assessment WHERE snapshot_id IN (SELECT id FROM snapshot WHERE account_id = \(c.accountId))
                  AND (identity = \(c.identity) OR identity IS NULL)
                ORDER BY (identity IS NOT NULL) DESC, id DESC LIMIT 1
                """, logger: logger) {
                let reasons: String = try a.get("reasons")
                assessment = StoredAssessment(
                    score: try a.get("score"), verdict: Verdict(rawValue: try a.get("verdict")) ?? .suspect,
                    identity: try a.get("identity"), target: (try a.get("target") as String?).flatMap(Target.init(rawValue:)),
                    reasons: (try? JSONDecoder().decode([Reason].self, from: Data(reasons.utf8))) ?? [],
                    version: try a.get("version"), assessedAt: try a.get("assessed_at"))
            }
            let events = try await conn.rows("SELECT * FROM case_event WHERE case_id = \(id) ORDER BY id", logger: logger).map {
                CaseEvent(at: try $0.get("at"), actor: try $0.get("actor"), action: try $0.get("action"),
                          fromStatus: (try $0.get("from_status") as String?).flatMap(CaseStatus.init(rawValue:)),
                          toStatus: (try $0.get("to_status") as String?).flatMap(CaseStatus.init(rawValue:)),
                          reason: try $0.get("reason"), note: try $0.get("note"))
            }
            let reports = try await conn.rows("SELECT * FROM case_report WHERE case_id = \(id) ORDER BY id", logger: logger).map {
                ResidentReport(at: try $0.get("at"), reporter: try $0.get("reporter"),
                               channel: ResidentReport.Channel(rawValue: try $0.get("channel")) ?? .command,
                               link: try $0.get("link"), note: try $0.get("note"), messageID: try $0.get("message_id"))
            }
            var baseline: Snapshot?
            if c.kind == CaseKind.takeover.rawValue,
               let official = try await conn.one("SELECT baseline_snapshot_id FROM official_account WHERE account_id = \(c.accountId) AND identity = \(c.identity)",
                                                 logger: logger),
               let baselineID: Int64 = try official.get("baseline_snapshot_id") {
                baseline = snapshots.first { $0.id == baselineID }
            }
            return CaseDetail(summary: summary, snapshots: snapshots, assessment: assessment, events: events,
                              goneReason: account?.goneReason, reports: reports, baseline: baseline)
        }
    }

    @discardableResult
    public func decide(_ id: Int64, _ decision: Decision, actor: String, note: String?, scope: CouncilScope, at now: Date)
        async throws(StoreError) -> CaseSummary
    {
        try await write("record a decision") { conn in
            if decision == .expected {
                // The official account's row before the case: the order the official watch locks them in.
                try await conn.run("""
                    SELECT o.id FROM official_account o JOIN case_file c ON c.account_id = o.account_id AND c.identity = o.identity
                    WHERE c.id = \(id) FOR UPDATE OF o
                    """, logger: logger)
            }
            guard var c = try await conn.one("SELECT * FROM case_file WHERE id = \(id) FOR UPDATE", logger: logger)
                .map(CaseRecord.init), scope.allows(c.identity)
            else {
                throw StoreError(.notFound, "there is no case \(id); `impostor review --all` lists every case")
            }
            let from = CaseStatus(rawValue: c.status) ?? .new
            var reason: String?
            (c, reason) = try Store.applying(decision, to: c, id: id, from: from, now: now)
            c.decidedSnapshotId = try await conn.one("SELECT max(id) AS id FROM snapshot WHERE account_id = \(c.accountId)",
                                                     logger: logger)?.get("id")
            c.status = decision.resultingStatus.rawValue
            c.updatedAt = now
            try await c.update(conn, logger: logger)
            if decision == .expected {
                try await conn.run("""
                    UPDATE official_account SET baseline_snapshot_id = coalesce(\(c.decidedSnapshotId), baseline_snapshot_id),
                      alerted_changes = NULL WHERE account_id = \(c.accountId) AND identity = \(c.identity)
                    """, logger: logger)
            }
            let trimmedNote = note.map { String($0.prefix(4000)) }
            try await CaseEventRecord(caseId: id, at: now, actor: String(actor.prefix(200)), action: decision.action,
                                      fromStatus: from.rawValue, toStatus: c.status, reason: reason,
                                      note: trimmedNote?.isEmpty == true ? nil : trimmedNote).append(conn, logger: logger)
            guard let row = try await conn.one(try Self.bound(" WHERE c.id = $1", [id]), logger: logger) else {
                throw StoreError(.notFound, "case \(id) vanished while it was being decided")
            }
            return try Self.summary(row)
        }
    }

    public func image(sha256: String, scope: CouncilScope) async throws(StoreError) -> [UInt8]? {
        let ids = scope.sorted
        return try await read("read an image") { conn in
            guard let row = try await conn.one("""
                SELECT bytes FROM image WHERE sha256 = \(sha256) AND (\(ids == nil) OR EXISTS (
                  SELECT 1 FROM snapshot s JOIN case_file c ON c.account_id = s.account_id
                  WHERE s.avatar_image = image.sha256 AND c.identity = ANY(\(ids ?? []))))
                """, logger: logger) else { return nil }
            var buffer: ByteBuffer = try row.get("bytes")
            return buffer.readBytes(length: buffer.readableBytes)
        }
    }
}
