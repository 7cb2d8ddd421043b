import Foundation
import GRDB
import ImpostorCore

extension Store {
    /// See `CaseStore.recordReport`.
    public func recordReport(
        _ observation: Observation, report: ResidentReport, identity: String, run: Int64? = nil, version: String,
        at now: Date = Date()
    ) throws(StoreError) -> ReportOutcome {
        try write { db in
            var o = observation
            if o.assessment.identity == nil { o.assessment.identity = identity }
            // A link read from its page and the same link read from its address alone name the
            // account differently; a handle stored on the platform, of an account still there, is the same account.
            let known = try AccountRecord.filter(Column("platform") == o.profile.platform.rawValue && Column("stable_id") == o.profile.id)
                .fetchOne(db) ?? Self.account(platform: o.profile.platform, handle: o.profile.handle, db: db)
            if let known { o.profile.id = known.stableId }
            var existing = try known.flatMap { try CaseRecord.filter(Column("account_id") == $0.id!).fetchOne(db) }
            if let existing, let messageID = report.messageID,
                try CaseReportRecord.filter(Column("case_id") == existing.id! && Column("message_id") == messageID).fetchCount(db) > 0
            {
                return .known(caseID: existing.id!)
            }
            let opening = "reported \(report.channel.label)"
            if let known, !o.sighted {
                // Nothing was seen of the account: its stored face stays as it is.
                if existing == nil {
                    existing = try Self.openCase(account: known.id!, assessment: o.assessment, reason: opening, run: run,
                                                 now: now, db: db)
                    let id = existing!.id!
                    try Self.attach(report, to: id, now: now, db: db)
                    return .opened(caseID: id)
                }
            } else {
                _ = try Self.record(o, run: run, version: version, now: now, db: db, opening: opening)
            }
            guard var c = try Self.caseRecord(platform: o.profile.platform, stableID: o.profile.id, db: db) else {
                throw StoreError(.database, "the reported account was stored without a case")
            }
            try Self.attach(report, to: c.id!, now: now, db: db)
            // A report brings back a case the clerk set aside; one the clerk allowed, confirmed or
            // reported keeps its status and shows the report.
            let status = CaseStatus(rawValue: c.status) ?? .new
            if existing != nil, status == .dismissed || status == .snoozed {
                try CaseEventRecord(caseId: c.id!, at: now, actor: "impostor", action: "reopen", fromStatus: status.rawValue,
                                    toStatus: CaseStatus.new.rawValue, reason: "a resident reported it again").append(to: db)
                c.status = CaseStatus.new.rawValue
                c.snoozedUntil = nil
                c.updatedAt = now
                try c.update(db)
            }
            return existing == nil ? .opened(caseID: c.id!) : .added(caseID: c.id!)
        }
    }

    /// Keeps the report on the case, with an event in the trail.
    static func attach(_ report: ResidentReport, to caseID: Int64, now: Date, db: Database) throws {
        let (first, event) = filed(report, on: caseID, now: now)
        var row = first
        try row.insert(db)
        try event.append(to: db)
    }

    /// A report's row and its event, as both stores keep them. The reporter's words are a stranger's:
    /// the event's actor is the way it came in, never the name they gave.
    static func filed(_ report: ResidentReport, on caseID: Int64, now: Date) -> (CaseReportRecord, CaseEventRecord) {
        let reporter = Redaction.apply(String(report.reporter.prefix(300)))
        let note = report.note.map { String($0.prefix(4000)) }
        let row = CaseReportRecord(caseId: caseID, at: report.at, reporter: reporter, channel: report.channel.rawValue,
                                   link: String(report.link.prefix(2000)), note: note, messageId: report.messageID)
        let event = CaseEventRecord(caseId: caseID, at: now, actor: report.channel.actor, action: "report",
                                    reason: "reported by \(reporter.prefix(200)): \(report.link.prefix(300))", note: note)
        return (row, event)
    }

    /// The trail's reason for a case opened by a report of an account already stored.
    static func openedOnReport(_ reason: String, score: Double) -> String {
        String(format: "%@ (scored %.2f)", reason, score)
    }

    /// Opens a case for an account already stored, without a new sighting of it.
    static func openCase(account: Int64, assessment a: Assessment, reason: String, run: Int64?, now: Date, db: Database) throws
        -> CaseRecord
    {
        var c = CaseRecord(accountId: account, identity: a.identity ?? "unknown", status: CaseStatus.new.rawValue,
                           score: a.score, openedAt: now, updatedAt: now)
        try c.insert(db)
        try CaseEventRecord(caseId: c.id!, at: now, actor: "impostor", action: "open", toStatus: CaseStatus.new.rawValue,
                            reason: openedOnReport(reason, score: a.score)).append(to: db)
        try bump(db, run, opened: 1)
        return c
    }

    public func intakeProcessed(_ key: String) throws(StoreError) -> Bool {
        try read { db in try IntakeMessageRecord.fetchOne(db, key: key) != nil }
    }

    public func markIntakeProcessed(_ key: String, sender: String, subject: String, reports: Int,
                                    at now: Date = Date()) throws(StoreError) {
        try write { db in
            try IntakeMessageRecord(key: key, sender: sender, subject: subject, reports: reports, at: now).save(db)
        }
    }

    /// The account stored on `platform` whose latest handle is `handle`, compared as the platform does.
    /// An account the platform removed is not it: its handle may have gone to someone else.
    static func account(platform: Platform, handle: String, db: Database) throws -> AccountRecord? {
        let wanted = platform.canonicalHandle(handle)
        guard !wanted.isEmpty else { return nil }
        let rows = try Row.fetchAll(db, sql: """
            SELECT a.id, s.handle FROM account a JOIN snapshot s ON s.id = (SELECT max(id) FROM snapshot WHERE account_id = a.id)
            WHERE a.platform = ? AND a.gone_at IS NULL AND lower(ltrim(s.handle, '@')) = ?
            """, arguments: [platform.rawValue, wanted])
        for row in rows where platform.canonicalHandle(row["handle"]) == wanted {
            return try AccountRecord.fetchOne(db, key: row["id"] as Int64)
        }
        return nil
    }

    static func caseRecord(platform: Platform, stableID: String, db: Database) throws -> CaseRecord? {
        try CaseRecord.fetchOne(db, sql: """
            SELECT c.* FROM case_file c JOIN account a ON a.id = c.account_id WHERE a.platform = ? AND a.stable_id = ?
            """, arguments: [platform.rawValue, stableID])
    }

    static func caseID(platform: Platform, stableID: String, db: Database) throws -> Int64? {
        try caseRecord(platform: platform, stableID: stableID, db: db)?.id
    }
}

extension ResidentReport.Channel {
    /// Who the audit trail says filed it.
    var actor: String {
        switch self {
        case .command: "impostor add"
        case .page: "the review page"
        case .mailbox: "the report mailbox"
        }
    }

    /// How the audit trail says it came in.
    var label: String {
        switch self {
        case .command: "with impostor add"
        case .page: "on the review page"
        case .mailbox: "to the report mailbox"
        }
    }
}
