import Foundation
import ImpostorCore
import PostgresNIO

extension PostgresStore {
    /// As `Store.watchOfficial`: the first sighting is the baseline; a change raises a takeover alert.
    public func watchOfficial(_ key: OfficialKey, seen o: Observation, run: Int64?, at now: Date) async throws(StoreError)
        -> OfficialOutcome
    {
        try await write("watch an official account") { conn in
            var official = try await self.official(key, conn: conn)
            let known = try await official.accountId.asyncFlatMap { try await conn.account(id: $0, logger: logger) }
            let holder = try await conn.account(platform: key.platform.rawValue, stableID: o.profile.id, logger: logger)
            var changes: [String] = []
            var account: AccountRecord
            if var known, known.stableId != o.profile.id {
                if known.stableId.hasPrefix(Store.placeholderPrefix) && holder == nil {
                    known.stableId = o.profile.id
                    account = known
                } else {
                    changes.append("@\(key.handle) now belongs to a different account (id \(o.profile.id.prefix(80)), "
                        + "before \(known.stableId.prefix(80)))")
                    account = try await holder.asyncOr {
                        try await conn.insertAccount(platform: key.platform.rawValue, stableID: o.profile.id,
                                                     url: o.profile.url, now: now, logger: logger)
                    }
                }
            } else {
                account = try await (known ?? holder).asyncOr {
                    try await conn.insertAccount(platform: key.platform.rawValue, stableID: o.profile.id,
                                                 url: o.profile.url, now: now, logger: logger)
                }
            }
            account.lastSeen = now
            if !o.profile.url.isEmpty { account.url = o.profile.url }
            account.goneAt = nil
            account.goneReason = nil
            try await conn.update(account, logger: logger)
            let (current, _) = try await sighting(of: o, account: account.id!, now: now, conn: conn)
            let wasGone = official.state == OfficialState.gone.rawValue
            official.accountId = account.id
            official.checkedAt = now
            official.state = OfficialState.present.rawValue
            official.alertedGone = false

            let outcome: OfficialOutcome
            if let baselineID = official.baselineSnapshotId,
               let baseline = try await conn.snapshot(id: baselineID, logger: logger) {
                if Store.onlyShortLinksExpanded(from: baseline, to: current) {
                    official.baselineSnapshotId = current.id
                } else {
                    changes += Store.changes(from: baseline, to: current)
                }
                if let hijack = Store.hijackNote(o), !changes.isEmpty { changes.append(hijack) }
                if wasGone { changes.insert("the account is back after it had gone", at: 0) }
                outcome = try await alert(&official, account: account, changes: changes, key: key, run: run, now: now,
                                          conn: conn)
            } else {
                // A face that already reads as hijacked is no baseline to come back to.
                if let hijack = Store.hijackNote(o) { changes.append(hijack) } else { official.baselineSnapshotId = current.id }
                if wasGone { changes.append("the account is back") }
                outcome = changes.isEmpty ? .baseline
                    : try await alert(&official, account: account, changes: changes, key: key, run: run, now: now,
                                      conn: conn)
            }
            try await official.update(conn, logger: logger)
            return outcome
        }
    }

    func alert(_ official: inout OfficialAccountRecord, account: AccountRecord, changes: [String], key: OfficialKey,
               run: Int64?, now: Date, conn: PostgresConnection) async throws -> OfficialOutcome {
        guard !changes.isEmpty else {
            official.alertedChanges = nil
            return .unchanged
        }
        let said = changes.joined(separator: "; ")
        if official.alertedChanges == said,
           let id: Int64 = try await conn.one("SELECT id FROM case_file WHERE account_id = \(account.id!) AND identity = \(key.identity)", logger: logger)?
            .get("id") {
            return .alerted(caseID: id)
        }
        official.alertedChanges = said
        let id = try await raiseTakeover(account: account.id!, identity: key.identity, changes: changes, run: run, now: now,
                                         conn: conn)
        return .alert(caseID: id, changes: changes)
    }

    /// As `Store.officialGone`: an alert, once, when the platform says the account is gone.
    public func officialGone(_ key: OfficialKey, reason: String, url: String, run: Int64?, at now: Date)
        async throws(StoreError) -> OfficialOutcome
    {
        try await write("record an official account gone") { conn in
            var official = try await self.official(key, conn: conn)
            var found = try await official.accountId.asyncFlatMap { try await conn.account(id: $0, logger: logger) }
            let neverSeen = found == nil
            if found == nil {
                let placeholder = Store.placeholderPrefix + key.handle
                var new = try await conn.account(platform: key.platform.rawValue, stableID: placeholder, logger: logger)
                if new == nil {
                    let made = try await conn.insertAccount(platform: key.platform.rawValue, stableID: placeholder, url: url,
                                                            now: now, logger: logger)
                    _ = try await conn.insert(SnapshotRecord(accountId: made.id!, handle: key.handle, displayName: "", bio: "",
                                                             url: url, firstSeen: now, lastSeen: now), logger: logger)
                    new = made
                }
                found = new
                official.accountId = new?.id
            }
            guard var account = found else { throw StoreError(.database, "the official account could not be stored") }
            official.checkedAt = now
            official.state = OfficialState.gone.rawValue
            if official.alertedGone,
               let id: Int64 = try await conn.one("SELECT id FROM case_file WHERE account_id = \(account.id!) AND identity = \(key.identity)",
                                                  logger: logger)?.get("id") {
                try await official.update(conn, logger: logger)
                return .alerted(caseID: id)
            }
            account.goneAt = now
            account.goneReason = Redaction.apply(String(reason.prefix(500)))
            try await conn.update(account, logger: logger)
            official.alertedGone = true
            official.alertedChanges = nil
            let change = neverSeen
                ? "the account could not be found (\(reason.prefix(200))); if its handle in the watchlist is wrong, correct it there"
                : "the account is gone: \(reason.prefix(200))"
            let id = try await raiseTakeover(account: account.id!, identity: key.identity, changes: [change], run: run,
                                             now: now, conn: conn)
            try await official.update(conn, logger: logger)
            return .alert(caseID: id, changes: [change])
        }
    }

    func official(_ key: OfficialKey, conn: PostgresConnection) async throws -> OfficialAccountRecord {
        try await conn.run("""
            INSERT INTO official_account (identity, platform, handle) VALUES (\(key.identity), \(key.platform.rawValue),
              \(key.handle)) ON CONFLICT (identity, platform, handle) DO NOTHING
            """, logger: logger)
        guard let row = try await conn.one("""
            SELECT * FROM official_account WHERE identity = \(key.identity) AND platform = \(key.platform.rawValue)
              AND handle = \(key.handle) FOR UPDATE
            """, logger: logger)
        else { throw StoreError(.database, "the official account could not be stored") }
        return try OfficialAccountRecord(row)
    }

    func raiseTakeover(account: Int64, identity: String, changes: [String], run: Int64?, now: Date,
                       conn: PostgresConnection) async throws -> Int64 {
        let why = changes.joined(separator: "; ")
        if var c = try await conn.caseFile(accountID: account, identity: identity, logger: logger) {
            let from = c.status
            c.kind = CaseKind.takeover.rawValue
            c.score = 1
            c.updatedAt = now
            c.status = CaseStatus.new.rawValue
            c.snoozedUntil = nil
            try await c.update(conn, logger: logger)
            try await CaseEventRecord(caseId: c.id!, at: now, actor: "impostor", action: "takeover", fromStatus: from,
                                      toStatus: CaseStatus.new.rawValue, reason: why).append(conn, logger: logger)
            if from != CaseStatus.new.rawValue { try await conn.bump(run, reopened: 1, logger: logger) }
            return c.id!
        }
        let id = try await conn.insert(CaseRecord(accountId: account, identity: identity, status: CaseStatus.new.rawValue,
                                                  score: 1, openedAt: now, updatedAt: now, kind: CaseKind.takeover.rawValue),
                                       logger: logger)
        try await CaseEventRecord(caseId: id, at: now, actor: "impostor", action: "takeover",
                                  toStatus: CaseStatus.new.rawValue, reason: why).append(conn, logger: logger)
        try await conn.bump(run, opened: 1, logger: logger)
        return id
    }
}

extension Optional {
    func asyncFlatMap<U>(_ body: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await body(value)
    }

    func asyncOr(_ make: () async throws -> Wrapped) async rethrows -> Wrapped {
        if let value = self { return value }
        return try await make()
    }
}
