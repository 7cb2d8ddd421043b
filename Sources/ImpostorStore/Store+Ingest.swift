import Foundation
import GRDB
import ImpostorCore

extension Store {
    /// Avatars whose PDQ hashes are this close count as the same picture (re-encoding moves a few bits).
    static let sameAvatarDistance = 16

    /// Keeps one observation: the account, a snapshot when its face changed, the assessment, and the case.
    /// Only suspects, and accounts that already have a case, are stored. One transaction.
    public func record(
        _ observation: Observation, run: Int64?, version: String, at now: Date = Date()
    ) throws(StoreError) -> IngestOutcome {
        try write { db in
            try Self.record(observation, run: run, version: version, now: now, db: db)
        }
    }

    /// With `opening`, a case opens whatever the verdict, for that reason: a resident reported the account.
    static func record(_ o: Observation, run: Int64?, version: String, now: Date, db: Database,
                       opening: String? = nil) throws -> IngestOutcome {
        let p = o.profile
        let a = o.assessment
        let isSuspect = a.verdict == .suspect
        let opens = isSuspect || opening != nil
        var account = try AccountRecord
            .filter(Column("platform") == p.platform.rawValue && Column("stable_id") == p.id)
            .fetchOne(db)
        if account == nil && !opens { return .ignored }

        if account == nil {
            var new = AccountRecord(platform: p.platform.rawValue, stableId: p.id, url: p.url, firstSeen: now, lastSeen: now)
            try new.insert(db)
            account = new
        }
        guard var account else { return .ignored }
        let wasGone = account.goneAt != nil
        account.lastSeen = now
        if !p.url.isEmpty { account.url = p.url }
        account.goneAt = nil
        account.goneReason = nil
        try account.update(db)
        let accountID = account.id!
        let (current, latest) = try sighting(of: o, account: accountID, now: now, db: db)
        let faceChanged = latest != nil && latest?.id != current.id

        // An assessment row when the judgement could differ: a new face, a new version, a new score.
        let reasons = Reason.jsonArray(a.reasons)
        let last = try AssessmentRecord.filter(Column("snapshot_id") == current.id!).order(Column("id").desc).fetchOne(db)
        if last == nil || last!.version != version || abs(last!.score - a.score) > 0.001 || last!.verdict != a.verdict.rawValue {
            var rec = AssessmentRecord(
                snapshotId: current.id!, runId: run, assessedAt: now, score: a.score, verdict: a.verdict.rawValue,
                identity: a.identity, target: a.target?.rawValue, reasons: reasons, version: version)
            try rec.insert(db)
        }

        var outcome: IngestOutcome = faceChanged ? .changed : .unchanged
        if var c = try CaseRecord.filter(Column("account_id") == accountID).fetchOne(db) {
            let status = CaseStatus(rawValue: c.status) ?? .new
            if isSuspect { c.score = a.score }
            let decided = try c.decidedSnapshotId.flatMap { $0 == current.id ? nil : try SnapshotRecord.fetchOne(db, key: $0) }
            let reopenWhy = reopenReason(c, status: status, decided: decided, current: current, wasGone: wasGone, now: now)
            if faceChanged, reopenWhy == nil, c.kind != CaseKind.takeover.rawValue, let before = latest {
                try CaseEventRecord(
                    caseId: c.id!, at: now, actor: "impostor", action: "changed",
                    reason: identityChange(from: before, to: current) ?? "the bio changed"
                ).append(to: db)
            }
            if let why = reopenWhy {
                try CaseEventRecord(caseId: c.id!, at: now, actor: "impostor", action: "reopen", fromStatus: status.rawValue,
                                    toStatus: CaseStatus.new.rawValue, reason: why).append(to: db)
                c.status = CaseStatus.new.rawValue
                c.snoozedUntil = nil
                outcome = .reopened(caseID: c.id!, why: why)
                try bump(db, run, reopened: 1)
            }
            c.updatedAt = now
            try c.update(db)
        } else if opens {
            var c = CaseRecord(accountId: accountID, identity: a.identity ?? "unknown", status: CaseStatus.new.rawValue,
                               score: a.score, openedAt: now, updatedAt: now)
            try c.insert(db)
            try CaseEventRecord(caseId: c.id!, at: now, actor: "impostor", action: "open", toStatus: CaseStatus.new.rawValue,
                                reason: openingReason(a, reported: opening)).append(to: db)
            outcome = .opened(caseID: c.id!)
            try bump(db, run, opened: 1)
        }
        if isSuspect { try bump(db, run, suspects: 1) }
        return outcome
    }

    /// The trail's reason for a new case: its score, or the report that opened it below the threshold.
    static func openingReason(_ a: Assessment, reported opening: String?) -> String {
        guard let opening, a.verdict != .suspect else { return String(format: "scored %.2f as a suspect", a.score) }
        return String(format: "%@ (scored %.2f, below the threshold)", opening, a.score)
    }

    /// Why a case seen again comes back to the queue, or nil: a dismissed account whose name, handle or
    /// picture moved from what the clerk saw (`decided`), a snooze that ended, a removed account back.
    /// Both stores reopen through here.
    static func reopenReason(_ c: CaseRecord, status: CaseStatus, decided: SnapshotRecord?, current: SnapshotRecord,
                             wasGone: Bool, now: Date) -> String? {
        // A takeover alert's account is the council's own: its changes are the official watch's to judge.
        guard c.kind != CaseKind.takeover.rawValue else { return nil }
        switch status {
        case .dismissed: return decided.flatMap { identityChange(from: $0, to: current) }
        case .snoozed: return c.snoozedUntil.flatMap { $0 <= now ? "the snooze ended" : nil }
        case .removed: return wasGone ? "the account was seen again after the platform removed it" : nil
        case .new, .confirmed, .reported, .allowed: return nil
        }
    }

    /// Stores the account's picture and face: the latest snapshot seen again, or a new one when the
    /// face changed. Returns the current snapshot and the one before it (nil for a new account).
    static func sighting(of o: Observation, account accountID: Int64, now: Date, db: Database) throws
        -> (current: SnapshotRecord, latest: SnapshotRecord?)
    {
        let p = o.profile
        if let avatar = o.avatar, try ImageRecord.fetchOne(db, key: avatar.sha256) == nil {
            try ImageRecord(sha256: avatar.sha256, bytes: Data(avatar.bytes), storedAt: now).insert(db)
        }
        let latest = try SnapshotRecord.filter(Column("account_id") == accountID).order(Column("id").desc).fetchOne(db)
        if var seen = latest, !differs(seen, p, o.avatarHash) {
            seen.lastSeen = now
            if seen.avatarImage == nil { seen.avatarImage = o.avatar?.sha256 }
            try seen.update(db)
            return (seen, seen)
        }
        var snap = SnapshotRecord(
            accountId: accountID, handle: p.handle, displayName: p.displayName, bio: p.bio, url: p.url,
            avatarHash: o.avatarHash?.hex, avatarImage: o.avatar?.sha256, firstSeen: now, lastSeen: now)
        try snap.insert(db)
        return (snap, latest)
    }

    /// Whether the profile's face differs from a stored snapshot.
    static func differs(_ s: SnapshotRecord, _ p: Profile, _ hash: PerceptualHash?) -> Bool {
        s.displayName != p.displayName || s.handle != p.handle || s.bio != p.bio
            || avatarChanged(s.avatarHash, hash?.hex)
    }

    static func avatarChanged(_ a: String?, _ b: String?) -> Bool {
        switch (a.flatMap(PerceptualHash.init(hex:)), b.flatMap(PerceptualHash.init(hex:))) {
        case (nil, nil): false
        case (let x?, let y?): x.distance(to: y) > sameAvatarDistance
        default: true
        }
    }

    /// The change that brings a dismissed account back: its name, its handle or its picture. Nil for a bio edit.
    static func identityChange(from before: SnapshotRecord, to after: SnapshotRecord) -> String? {
        var parts: [String] = []
        if before.displayName != after.displayName {
            parts.append("the name changed from \"\(before.displayName)\" to \"\(after.displayName)\"")
        }
        if before.handle != after.handle { parts.append("the handle changed from @\(before.handle) to @\(after.handle)") }
        if avatarChanged(before.avatarHash, after.avatarHash) { parts.append("the avatar changed") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    static func bump(_ db: Database, _ run: Int64?, suspects: Int = 0, opened: Int = 0, reopened: Int = 0,
                     removed: Int = 0) throws {
        guard let run else { return }
        try db.execute(
            sql: """
                UPDATE scan_run SET suspects = suspects + ?, opened = opened + ?, reopened = reopened + ?,
                  removed = removed + ? WHERE id = ?
                """, arguments: [suspects, opened, reopened, removed, run])
    }

    /// Accounts with confirmed or reported cases: fetched again on every scan.
    public func recheckTargets(scope: CouncilScope = .all) throws(StoreError) -> [RecheckTarget] {
        try read { db in
            let ids = scope.sorted
            return try Row.fetchAll(db, sql: """
                SELECT c.id, a.platform, a.stable_id, a.url, c.status,
                  (SELECT handle FROM snapshot s WHERE s.account_id = a.id ORDER BY s.id DESC LIMIT 1) AS handle
                FROM case_file c JOIN account a ON a.id = c.account_id
                WHERE c.status IN ('confirmed', 'reported') \(ids.map { " AND " + Self.inScope($0) } ?? "") ORDER BY c.id
                """, arguments: StatementArguments(ids ?? [])).map { row in
                RecheckTarget(caseID: row["id"], platform: Platform(rawValue: row["platform"]), stableID: row["stable_id"],
                              handle: row["handle"] ?? "", url: row["url"],
                              status: CaseStatus(rawValue: row["status"]) ?? .confirmed)
            }
        }
    }

    /// The platform no longer shows the account: the case becomes removed, with the time.
    public func markGone(caseID: Int64, reason: String, run: Int64?, at now: Date = Date()) throws(StoreError) {
        try write { db in
            guard var c = try CaseRecord.fetchOne(db, key: caseID) else {
                throw StoreError(.notFound, "case \(caseID) is not in the store")
            }
            let from = c.status
            guard from != CaseStatus.removed.rawValue else { return }
            if var account = try AccountRecord.fetchOne(db, key: c.accountId) {
                account.goneAt = now
                account.goneReason = Redaction.apply(reason)
                try account.update(db)
            }
            c.status = CaseStatus.removed.rawValue
            c.updatedAt = now
            try c.update(db)
            try CaseEventRecord(caseId: caseID, at: now, actor: "impostor", action: "removed", fromStatus: from,
                                toStatus: CaseStatus.removed.rawValue, reason: reason).append(to: db)
            try Self.bump(db, run, removed: 1)
        }
    }
}
