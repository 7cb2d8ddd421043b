import Foundation
import ImpostorCore
import NIOCore
import PostgresNIO

extension PostgresStore {
    /// As `Store.record`: the account, a snapshot when its face changed, the assessment, and the case.
    public func record(_ o: Observation, run: Int64?, version: String, at now: Date) async throws(StoreError)
        -> IngestOutcome
    {
        try await write("store a profile") { conn in
            try await self.record(o, run: run, version: version, now: now, conn: conn)
        }
    }

    /// With `opening`, a case opens whatever the verdict, for that reason: a resident reported the account.
    func record(_ o: Observation, run: Int64?, version: String, now: Date, conn: PostgresConnection,
                opening: String? = nil) async throws -> IngestOutcome
    {
        let p = o.profile
        let a = o.assessment
        let isSuspect = a.verdict == .suspect
        var found = try await conn.account(platform: p.platform.rawValue, stableID: p.id, logger: logger)
        if found == nil {
            guard isSuspect || opening != nil else { return .ignored }
            found = try await conn.insertAccount(platform: p.platform.rawValue, stableID: p.id, url: p.url, now: now,
                                                 logger: logger)
        }
        guard var account = found else { return .ignored }
        let wasGone = account.goneAt != nil
        account.lastSeen = now
        if !p.url.isEmpty { account.url = p.url }
        account.goneAt = nil
        account.goneReason = nil
        try await conn.update(account, logger: logger)
        let accountID = account.id!
        let (current, latest) = try await sighting(of: o, account: accountID, now: now, conn: conn)
        let faceChanged = latest != nil && latest?.id != current.id

        let last = try await conn.one("""
            SELECT version, score, verdict FROM assessment
            WHERE snapshot_id = \(current.id!) AND identity IS NOT DISTINCT FROM \(a.identity) ORDER BY id DESC LIMIT 1
            """, logger: logger)
        let lastVersion: String? = try last?.get("version"), lastScore: Double? = try last?.get("score")
        let lastVerdict: String? = try last?.get("verdict")
        if last == nil || lastVersion != version || abs((lastScore ?? 0) - a.score) > 0.001 || lastVerdict != a.verdict.rawValue {
            try await conn.run("""
                INSERT INTO assessment (snapshot_id, run_id, assessed_at, score, verdict, identity, target, reasons, version)
                VALUES (\(current.id!), \(run), \(now), \(a.score), \(a.verdict.rawValue), \(a.identity),
                  \(a.target?.rawValue), \(Reason.jsonArray(a.reasons)), \(version))
                """, logger: logger)
        }

        var outcome: IngestOutcome = faceChanged ? .changed : .unchanged
        // The case of the council this judgement names, else of the council being scanned.
        var council = a.identity
        if council == nil, let run {
            council = try await conn.one("SELECT council FROM scan_run WHERE id = \(run)", logger: logger)?.get("council")
        }
        if var c = try await conn.caseFile(accountID: accountID, identity: council, logger: logger) {
            let status = CaseStatus(rawValue: c.status) ?? .new
            if isSuspect { c.score = a.score }
            let decided = try await c.decidedSnapshotId.asyncFlatMap {
                $0 == current.id ? nil : try await conn.snapshot(id: $0, logger: logger)
            }
            // "Gone" is kept on the account, and each council has its own case: a removed case comes
            // back when its account is seen, whichever council's scan saw it first.
            let reopenWhy = Store.reopenReason(c, status: status, decided: decided, current: current,
                                               wasGone: wasGone || status == .removed, now: now)
            if faceChanged, reopenWhy == nil, c.kind != CaseKind.takeover.rawValue, let before = latest {
                try await CaseEventRecord(
                    caseId: c.id!, at: now, actor: "impostor", action: "changed",
                    reason: Store.identityChange(from: before, to: current) ?? "the bio changed"
                ).append(conn, logger: logger)
            }
            if let why = reopenWhy {
                try await CaseEventRecord(caseId: c.id!, at: now, actor: "impostor", action: "reopen",
                                          fromStatus: status.rawValue, toStatus: CaseStatus.new.rawValue, reason: why)
                    .append(conn, logger: logger)
                c.status = CaseStatus.new.rawValue
                c.snoozedUntil = nil
                outcome = .reopened(caseID: c.id!, why: why)
                try await conn.bump(run, reopened: 1, logger: logger)
            }
            c.updatedAt = now
            try await c.update(conn, logger: logger)
        } else if isSuspect || opening != nil {
            let c = CaseRecord(accountId: accountID, identity: a.identity ?? "unknown", status: CaseStatus.new.rawValue,
                               score: a.score, openedAt: now, updatedAt: now)
            let id = try await conn.insert(c, logger: logger)
            try await CaseEventRecord(caseId: id, at: now, actor: "impostor", action: "open",
                                      toStatus: CaseStatus.new.rawValue,
                                      reason: Store.openingReason(a, reported: opening))
                .append(conn, logger: logger)
            outcome = .opened(caseID: id)
            try await conn.bump(run, opened: 1, logger: logger)
        }
        if isSuspect { try await conn.bump(run, suspects: 1, logger: logger) }
        return outcome
    }

    /// As `Store.sighting`: the latest snapshot seen again, or a new one when the face changed.
    func sighting(of o: Observation, account accountID: Int64, now: Date, conn: PostgresConnection) async throws
        -> (current: SnapshotRecord, latest: SnapshotRecord?)
    {
        let p = o.profile
        if let avatar = o.avatar {
            try await conn.run("""
                INSERT INTO image (sha256, bytes, stored_at) VALUES (\(avatar.sha256), \(ByteBuffer(bytes: avatar.bytes)), \(now))
                ON CONFLICT (sha256) DO NOTHING
                """, logger: logger)
        }
        let latest = try await conn.one("SELECT * FROM snapshot WHERE account_id = \(accountID) ORDER BY id DESC LIMIT 1",
                                        logger: logger).map(SnapshotRecord.init)
        if var seen = latest, !Store.differs(seen, p, o.avatarHash) {
            seen.lastSeen = now
            if seen.avatarImage == nil { seen.avatarImage = o.avatar?.sha256 }
            try await conn.run("""
                UPDATE snapshot SET last_seen = \(now), avatar_image = \(seen.avatarImage) WHERE id = \(seen.id!)
                """, logger: logger)
            return (seen, seen)
        }
        let snap = try await conn.insert(SnapshotRecord(
            accountId: accountID, handle: p.handle, displayName: p.displayName, bio: p.bio, url: p.url,
            avatarHash: o.avatarHash?.hex, avatarImage: o.avatar?.sha256, firstSeen: now, lastSeen: now), logger: logger)
        return (snap, latest)
    }

    public func recheckTargets(scope: CouncilScope) async throws(StoreError) -> [RecheckTarget] {
        let ids = scope.sorted
        return try await read("list the accounts to check again") { conn in
            try await conn.rows("""
                SELECT c.id, a.platform, a.stable_id, a.url, c.status,
                  (SELECT handle FROM snapshot s WHERE s.account_id = a.id ORDER BY s.id DESC LIMIT 1) AS handle
                FROM case_file c JOIN account a ON a.id = c.account_id
                WHERE c.status IN ('confirmed', 'reported') AND (\(ids == nil) OR c.identity = ANY(\(ids ?? [])))
                ORDER BY c.id
                """, logger: logger).map { r in
                RecheckTarget(caseID: try r.get("id"), platform: Platform(rawValue: try r.get("platform")),
                              stableID: try r.get("stable_id"), handle: (try r.get("handle") as String?) ?? "",
                              url: try r.get("url"), status: CaseStatus(rawValue: try r.get("status")) ?? .confirmed)
            }
        }
    }

    public func markGone(caseID: Int64, reason: String, run: Int64?, at now: Date) async throws(StoreError) {
        try await write("mark an account gone") { conn in
            // The account first, then its case: the order `record` locks them in, so the two never deadlock.
            guard let accountID: Int64 = try await conn.one("SELECT account_id FROM case_file WHERE id = \(caseID)",
                                                            logger: logger)?.get("account_id"),
                  var account = try await conn.account(id: accountID, logger: logger),
                  var c = try await conn.one("SELECT * FROM case_file WHERE id = \(caseID) FOR UPDATE", logger: logger)
                      .map(CaseRecord.init)
            else { throw StoreError(.notFound, "case \(caseID) is not in the store") }
            let from = c.status
            guard from != CaseStatus.removed.rawValue else { return }
            account.goneAt = now
            account.goneReason = Redaction.apply(reason)
            try await conn.update(account, logger: logger)
            c.status = CaseStatus.removed.rawValue
            c.updatedAt = now
            try await c.update(conn, logger: logger)
            try await CaseEventRecord(caseId: caseID, at: now, actor: "impostor", action: "removed", fromStatus: from,
                                      toStatus: CaseStatus.removed.rawValue, reason: reason).append(conn, logger: logger)
            try await conn.bump(run, removed: 1, logger: logger)
        }
    }
}
