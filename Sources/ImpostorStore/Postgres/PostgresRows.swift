import Foundation
import Logging
import PostgresNIO

// The same record types the SQLite store uses, read from and written to PostgreSQL rows, so that the
// rules over them (Store.differs, Store.identityChange, Store.changes) are shared, not copied.

extension AccountRecord {
    init(_ r: PGRow) throws {
        self.init(id: try r.get("id"), platform: try r.get("platform"), stableId: try r.get("stable_id"),
                  url: try r.get("url"), firstSeen: try r.get("first_seen"), lastSeen: try r.get("last_seen"),
                  goneAt: try r.get("gone_at"), goneReason: try r.get("gone_reason"))
    }
}

extension SnapshotRecord {
    init(_ r: PGRow) throws {
        self.init(id: try r.get("id"), accountId: try r.get("account_id"), handle: try r.get("handle"),
                  displayName: try r.get("display_name"), bio: try r.get("bio"), url: try r.get("url"),
                  avatarHash: try r.get("avatar_hash"), avatarImage: try r.get("avatar_image"),
                  firstSeen: try r.get("first_seen"), lastSeen: try r.get("last_seen"))
    }

    var snapshot: Snapshot {
        Snapshot(id: id ?? 0, handle: handle, displayName: displayName, bio: bio, url: url, avatarHash: avatarHash,
                 avatarImage: avatarImage, firstSeen: firstSeen, lastSeen: lastSeen)
    }
}

extension CaseRecord {
    init(_ r: PGRow) throws {
        self.init(id: try r.get("id"), accountId: try r.get("account_id"), identity: try r.get("identity"),
                  status: try r.get("status"), score: try r.get("score"), openedAt: try r.get("opened_at"),
                  updatedAt: try r.get("updated_at"), decidedSnapshotId: try r.get("decided_snapshot_id"),
                  snoozedUntil: try r.get("snoozed_until"), kind: try r.get("kind"))
    }

    /// Writes back the columns a scan or a decision changes.
    func update(_ conn: PostgresConnection, logger: Logger) async throws {
        try await conn.run("""
            UPDATE case_file SET status = \(status), score = \(score), updated_at = \(updatedAt),
              decided_snapshot_id = \(decidedSnapshotId), snoozed_until = \(snoozedUntil), kind = \(kind)
            WHERE id = \(id!)
            """, logger: logger)
    }
}

extension OfficialAccountRecord {
    init(_ r: PGRow) throws {
        self.init(id: try r.get("id"), identity: try r.get("identity"), platform: try r.get("platform"),
                  handle: try r.get("handle"), accountId: try r.get("account_id"),
                  baselineSnapshotId: try r.get("baseline_snapshot_id"), checkedAt: try r.get("checked_at"),
                  state: try r.get("state"), alertedChanges: try r.get("alerted_changes"),
                  alertedGone: try r.get("alerted_gone"))
    }

    func update(_ conn: PostgresConnection, logger: Logger) async throws {
        try await conn.run("""
            UPDATE official_account SET account_id = \(accountId), baseline_snapshot_id = \(baselineSnapshotId),
              checked_at = \(checkedAt), state = \(state), alerted_changes = \(alertedChanges),
              alerted_gone = \(alertedGone)
            WHERE id = \(id!)
            """, logger: logger)
    }
}

extension CaseEventRecord {
    func append(_ conn: PostgresConnection, logger: Logger) async throws {
        try await conn.run("""
            INSERT INTO case_event (case_id, at, actor, action, from_status, to_status, reason, note)
            VALUES (\(caseId), \(at), \(actor), \(action), \(fromStatus), \(toStatus), \(reason), \(note))
            """, logger: logger)
    }
}

extension PostgresConnection {
    /// The account, locked until the transaction ends: two workers meeting it take turns.
    func account(platform: String, stableID: String, logger: Logger) async throws -> AccountRecord? {
        try await one("SELECT * FROM account WHERE platform = \(platform) AND stable_id = \(stableID) FOR UPDATE",
                      logger: logger).map(AccountRecord.init)
    }

    func account(id: Int64, logger: Logger) async throws -> AccountRecord? {
        try await one("SELECT * FROM account WHERE id = \(id) FOR UPDATE", logger: logger).map(AccountRecord.init)
    }

    /// Inserts the account, or takes the row another writer inserted first, and locks it.
    func insertAccount(platform: String, stableID: String, url: String, now: Date, logger: Logger) async throws
        -> AccountRecord
    {
        try await run("""
            INSERT INTO account (platform, stable_id, url, first_seen, last_seen)
            VALUES (\(platform), \(stableID), \(url), \(now), \(now)) ON CONFLICT (platform, stable_id) DO NOTHING
            """, logger: logger)
        guard let account = try await account(platform: platform, stableID: stableID, logger: logger) else {
            throw StoreError(.database, "the account \(platform) \(stableID.prefix(80)) could not be stored")
        }
        return account
    }

    func update(_ a: AccountRecord, logger: Logger) async throws {
        try await run("""
            UPDATE account SET stable_id = \(a.stableId), url = \(a.url), last_seen = \(a.lastSeen),
              gone_at = \(a.goneAt), gone_reason = \(a.goneReason) WHERE id = \(a.id!)
            """, logger: logger)
    }

    func snapshot(id: Int64, logger: Logger) async throws -> SnapshotRecord? {
        try await one("SELECT * FROM snapshot WHERE id = \(id)", logger: logger).map(SnapshotRecord.init)
    }

    func insert(_ s: SnapshotRecord, logger: Logger) async throws -> SnapshotRecord {
        let row = try await one("""
            INSERT INTO snapshot (account_id, handle, display_name, bio, url, avatar_hash, avatar_image, first_seen, last_seen)
            VALUES (\(s.accountId), \(s.handle), \(s.displayName), \(s.bio), \(s.url), \(s.avatarHash), \(s.avatarImage),
              \(s.firstSeen), \(s.lastSeen)) RETURNING id
            """, logger: logger)
        var out = s
        out.id = try row?.get("id")
        return out
    }

    /// The account's case for `identity`; with none named, its first case.
    func caseFile(accountID: Int64, identity: String?, logger: Logger) async throws -> CaseRecord? {
        try await one("""
            SELECT * FROM case_file WHERE account_id = \(accountID) AND (\(identity == nil) OR identity = \(identity ?? ""))
            ORDER BY id LIMIT 1 FOR UPDATE
            """, logger: logger)
            .map(CaseRecord.init)
    }

    func insert(_ c: CaseRecord, logger: Logger) async throws -> Int64 {
        let row = try await one("""
            INSERT INTO case_file (account_id, identity, status, score, opened_at, updated_at, kind)
            VALUES (\(c.accountId), \(c.identity), \(c.status), \(c.score), \(c.openedAt), \(c.updatedAt), \(c.kind))
            RETURNING id
            """, logger: logger)
        guard let id: Int64 = try row?.get("id") else { throw StoreError(.database, "a new case was not stored") }
        return id
    }

    /// Adds to the run's tallies.
    func bump(_ run: Int64?, suspects: Int = 0, opened: Int = 0, reopened: Int = 0, removed: Int = 0,
              logger: Logger) async throws {
        guard let run else { return }
        try await self.run("""
            UPDATE scan_run SET suspects = suspects + \(suspects), opened = opened + \(opened),
              reopened = reopened + \(reopened), removed = removed + \(removed) WHERE id = \(run)
            """, logger: logger)
    }
}
