import Foundation
import GRDB
import ImpostorCore

extension Store {
    static let summarySelect = """
        SELECT c.id, c.identity, c.status, c.score, c.opened_at, c.updated_at, c.snoozed_until, c.kind,
          (SELECT count(*) FROM case_report r WHERE r.case_id = c.id) AS reports, a.platform, a.stable_id, a.url, a.gone_at, s.handle, s.display_name
        FROM case_file c
        JOIN account a ON a.id = c.account_id
        JOIN snapshot s ON s.id = (SELECT max(id) FROM snapshot WHERE account_id = a.id)
        """

    static func summary(_ row: Row) -> CaseSummary {
        CaseSummary(
            id: row["id"], platform: Platform(rawValue: row["platform"]), stableID: row["stable_id"],
            handle: row["handle"], displayName: row["display_name"], url: row["url"], identity: row["identity"],
            score: row["score"], status: CaseStatus(rawValue: row["status"]) ?? .new, openedAt: row["opened_at"],
            updatedAt: row["updated_at"], snoozedUntil: row["snoozed_until"], goneAt: row["gone_at"],
            kind: CaseKind(rawValue: row["kind"]) ?? .impersonation, reports: row["reports"])
    }

    /// The queue: matching cases, takeover alerts first, then the highest score.
    public func cases(_ filter: CaseFilter = CaseFilter()) throws(StoreError) -> [CaseSummary] {
        try read { db in
            var clauses: [String] = []
            var args: StatementArguments = []
            if !filter.statuses.isEmpty {
                clauses.append("c.status IN (\(filter.statuses.map { _ in "?" }.joined(separator: ",")))")
                for s in filter.statuses.sorted(by: { $0.rawValue < $1.rawValue }) { args += [s.rawValue] }
            }
            if let identity = filter.identity {
                clauses.append("c.identity = ?")
                args += [identity]
            }
            if let platform = filter.platform {
                clauses.append("a.platform = ?")
                args += [platform.rawValue]
            }
            if let ids = filter.scope.sorted {
                clauses.append(Self.inScope(ids))
                for id in ids { args += [id] }
            }
            let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
            args += [filter.limit]
            return try Row.fetchAll(db, sql: Self.summarySelect + whereSQL + " ORDER BY c.kind = 'takeover' DESC, c.score DESC, c.id LIMIT ?",
                                    arguments: args).map(Self.summary)
        }
    }

    /// How many cases are in each status, optionally for one identity or platform.
    public func statusCounts(identity: String? = nil, platform: Platform? = nil, scope: CouncilScope = .all)
        throws(StoreError) -> [CaseStatus: Int]
    {
        try read { db in
            var sql = "SELECT c.status, count(*) AS n FROM case_file c JOIN account a ON a.id = c.account_id WHERE 1"
            var args: StatementArguments = []
            if let identity {
                sql += " AND c.identity = ?"
                args += [identity]
            }
            if let platform {
                sql += " AND a.platform = ?"
                args += [platform.rawValue]
            }
            if let ids = scope.sorted {
                sql += " AND " + Self.inScope(ids)
                for id in ids { args += [id] }
            }
            var counts: [CaseStatus: Int] = [:]
            for row in try Row.fetchAll(db, sql: sql + " GROUP BY c.status", arguments: args) {
                if let s = CaseStatus(rawValue: row["status"]) { counts[s] = row["n"] }
            }
            return counts
        }
    }

    /// Open (new) cases per identity, for `impostor status`.
    public func openCasesByIdentity(scope: CouncilScope = .all) throws(StoreError) -> [(identity: String, count: Int)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT identity, count(*) AS n FROM case_file WHERE status = 'new' GROUP BY identity ORDER BY n DESC, identity
                """).map { (identity: $0["identity"], count: $0["n"]) }.filter { scope.allows($0.identity) }
        }
    }

    /// Everything the case page shows, or nil when there is no such case.
    public func caseDetail(_ id: Int64, scope: CouncilScope = .all) throws(StoreError) -> CaseDetail? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: Self.summarySelect + " WHERE c.id = ?", arguments: [id]),
                  scope.allows(row["identity"])
            else {
                return nil
            }
            let summary = Self.summary(row)
            guard let c = try CaseRecord.fetchOne(db, key: id) else { return nil }
            let account = try AccountRecord.fetchOne(db, key: c.accountId)
            let snapshots = try SnapshotRecord.filter(Column("account_id") == c.accountId).order(Column("id").desc)
                .fetchAll(db).map {
                    Snapshot(id: $0.id!, handle: $0.handle, displayName: $0.displayName, bio: $0.bio, url: $0.url,
                             avatarHash: $0.avatarHash, avatarImage: $0.avatarImage, firstSeen: $0.firstSeen,
                             lastSeen: $0.lastSeen)
                }
            var assessment: StoredAssessment?
            if let a = try AssessmentRecord.fetchOne(db, sql: """
                SELECT * FROM assessment WHERE snapshot_id IN (SELECT id FROM snapshot WHERE account_id = ?)
                ORDER BY id DESC LIMIT 1
                """, arguments: [c.accountId]) {
                assessment = StoredAssessment(
                    score: a.score, verdict: Verdict(rawValue: a.verdict) ?? .suspect, identity: a.identity,
                    target: a.target.flatMap(Target.init(rawValue:)),
                    reasons: (try? JSONDecoder().decode([Reason].self, from: Data(a.reasons.utf8))) ?? [],
                    version: a.version, assessedAt: a.assessedAt)
            }
            let events = try CaseEventRecord.filter(Column("case_id") == id).order(Column("id")).fetchAll(db).map {
                CaseEvent(at: $0.at, actor: $0.actor, action: $0.action,
                          fromStatus: $0.fromStatus.flatMap(CaseStatus.init(rawValue:)),
                          toStatus: $0.toStatus.flatMap(CaseStatus.init(rawValue:)), reason: $0.reason, note: $0.note)
            }
            let reports = try CaseReportRecord.filter(Column("case_id") == id).order(Column("id")).fetchAll(db).map {
                ResidentReport(at: $0.at, reporter: $0.reporter, channel: ResidentReport.Channel(rawValue: $0.channel) ?? .command,
                               link: $0.link, note: $0.note, messageID: $0.messageId)
            }
            var baseline: Snapshot?
            if c.kind == CaseKind.takeover.rawValue,
                let official = try OfficialAccountRecord.filter(Column("account_id") == c.accountId).fetchOne(db),
                let id = official.baselineSnapshotId
            {
                baseline = snapshots.first { $0.id == id }
            }
            return CaseDetail(summary: summary, snapshots: snapshots, assessment: assessment, events: events,
                              goneReason: account?.goneReason, reports: reports, baseline: baseline)
        }
    }

    /// Records a decision with who made it and why, and returns the case as it now stands.
    @discardableResult
    public func decide(
        _ id: Int64, _ decision: Decision, actor: String, note: String? = nil, scope: CouncilScope = .all,
        at now: Date = Date()
    ) throws(StoreError) -> CaseSummary {
        try write { db in
            guard var c = try CaseRecord.fetchOne(db, key: id), scope.allows(c.identity) else {
                throw StoreError(.notFound, "there is no case \(id); `impostor review --all` lists every case")
            }
            let from = CaseStatus(rawValue: c.status) ?? .new
            var reason: String?
            (c, reason) = try Self.applying(decision, to: c, id: id, from: from, now: now)
            // The snapshot the clerk looked at: a dismissed account reopens when it moves away from it.
            c.decidedSnapshotId = try Int64.fetchOne(db, sql: "SELECT max(id) FROM snapshot WHERE account_id = ?",
                                                     arguments: [c.accountId])
            c.status = decision.resultingStatus.rawValue
            c.updatedAt = now
            try c.update(db)
            if decision == .expected { try Self.acceptOfficialState(accountID: c.accountId, snapshot: c.decidedSnapshotId, db: db) }
            let trimmedNote = note.map { String($0.prefix(4000)) }
            try CaseEventRecord(caseId: id, at: now, actor: String(actor.prefix(200)), action: decision.action,
                                fromStatus: from.rawValue, toStatus: c.status, reason: reason,
                                note: trimmedNote?.isEmpty == true ? nil : trimmedNote).append(to: db)
            guard let row = try Row.fetchOne(db, sql: Self.summarySelect + " WHERE c.id = ?", arguments: [id]) else {
                throw StoreError(.notFound, "case \(id) vanished while it was being decided")
            }
            return Self.summary(row)
        }
    }

    /// Checks that `decision` may be given to the case now, and applies its snooze. Returns the case and
    /// the reason its trail records. Both stores decide through here.
    static func applying(_ decision: Decision, to c: CaseRecord, id: Int64, from: CaseStatus, now: Date)
        throws(StoreError) -> (CaseRecord, String?)
    {
        var c = c
        guard decision.allowedFrom.contains(from) else {
            let choices = Self.decisionsAllowed(from: from)
            throw StoreError(.invalidDecision,
                "case \(id) is \(from.label.lowercased()): it cannot be given \"\(decision.action)\""
                    + (choices.isEmpty ? "" : " (possible now: \(choices.joined(separator: ", ")))"))
        }
        if decision == .expected, c.kind != CaseKind.takeover.rawValue {
            throw StoreError(.invalidDecision,
                "case \(id) is not a takeover alert: \"expected\" accepts a change to one of the council's own accounts")
        }
        var reason: String?
        switch decision {
        case .dismiss(let why): reason = why.rawValue
        case .snooze(let until):
            guard until > now else {
                throw StoreError(.invalidDecision, "a snooze must end in the future")
            }
            c.snoozedUntil = until
            reason = "until " + ISO8601DateFormatter().string(from: until)
        default: c.snoozedUntil = nil
        }
        return (c, reason)
    }

    static func decisionsAllowed(from status: CaseStatus) -> [String] {
        let all: [Decision] = [.confirm, .dismiss(.other), .allow, .snooze(until: .distantFuture), .reported, .reopen,
                               .expected]
        return all.filter { $0.allowedFrom.contains(status) }.map(\.action)
    }

    /// An image kept as evidence, by the SHA-256 of its bytes.
    public func image(sha256: String, scope: CouncilScope = .all) throws(StoreError) -> [UInt8]? {
        try read { db in
            var sql = "SELECT bytes FROM image WHERE sha256 = ?"
            var args: StatementArguments = [sha256]
            if let ids = scope.sorted {
                // Only a picture one of the viewer's cases shows: the hash alone opens nothing.
                sql += """
                     AND EXISTS (SELECT 1 FROM snapshot s JOIN case_file c ON c.account_id = s.account_id
                      WHERE s.avatar_image = image.sha256 AND \(Self.inScope(ids)))
                    """
                for id in ids { args += [id] }
            }
            return try Data.fetchOne(db, sql: sql, arguments: args).map { [UInt8]($0) }
        }
    }

    /// `c.identity IN (?, …)`, one placeholder per council.
    static func inScope(_ ids: [String]) -> String {
        ids.isEmpty ? "0" : "c.identity IN (" + ids.map { _ in "?" }.joined(separator: ",") + ")"
    }
}
