import Foundation
import ImpostorCore
import PostgresNIO

extension PostgresStore {
    /// As `Store.recordReport`, with one difference of this store: an account has a case per council,
    /// and the report goes on the case of the council the account was judged to copy, else `identity`.
    /// The same mail is known on any of the account's cases.
    public func recordReport(_ observation: Observation, report: ResidentReport, identity: String, run: Int64?,
                             version: String, at now: Date) async throws(StoreError) -> ReportOutcome
    {
        try await write("store a resident's report") { conn in
            var o = observation
            if o.assessment.identity == nil { o.assessment.identity = identity }
            let council = o.assessment.identity ?? identity
            let platform = o.profile.platform
            // A page read and the same link's address alone name the account differently; a live
            // account with that handle on the platform is the same account.
            var known = try await conn.account(platform: platform.rawValue, stableID: o.profile.id, logger: logger)
            if known == nil { known = try await account(platform: platform, handle: o.profile.handle, conn: conn) }
            if let known { o.profile.id = known.stableId }
            // The same mail read again is filed already, whichever council's case it went on.
            if let known, let filed = try await filedCase(account: known.id!, message: report.messageID, conn: conn) {
                return .known(caseID: filed)
            }
            let existing = try await known.asyncFlatMap {
                try await conn.caseFile(accountID: $0.id!, identity: council, logger: logger)
            }
            let opening = "reported \(report.channel.label)"
            var opened = false
            if let known, !o.sighted {
                // Nothing was seen of the account: its stored face stays as it is.
                if existing == nil {
                    let id = try await openCase(account: known.id!, assessment: o.assessment, reason: opening, run: run,
                                                now: now, conn: conn)
                    try await attach(report, to: id, now: now, conn: conn)
                    return .opened(caseID: id)
                }
            } else if case .opened = try await record(o, run: run, version: version, now: now, conn: conn, opening: opening) {
                opened = true
            }
            guard let accountID = try await conn.account(platform: platform.rawValue, stableID: o.profile.id, logger: logger)?.id,
                  var c = try await conn.caseFile(accountID: accountID, identity: council, logger: logger)
            else { throw StoreError(.database, "the reported account was stored without a case") }
            // Two readings of one mail about an account new to the store: the first to commit filed it.
            if let filed = try await filedCase(account: accountID, message: report.messageID, conn: conn) {
                return .known(caseID: filed)
            }
            try await attach(report, to: c.id!, now: now, conn: conn)
            // A report brings back a case the clerk set aside; one the clerk allowed, confirmed or
            // reported keeps its status and shows the report.
            let status = CaseStatus(rawValue: c.status) ?? .new
            if existing != nil, status == .dismissed || status == .snoozed {
                try await CaseEventRecord(caseId: c.id!, at: now, actor: "impostor", action: "reopen",
                                          fromStatus: status.rawValue, toStatus: CaseStatus.new.rawValue,
                                          reason: "a resident reported it again").append(conn, logger: logger)
                c.status = CaseStatus.new.rawValue
                c.snoozedUntil = nil
                c.updatedAt = now
                try await c.update(conn, logger: logger)
            }
            return opened ? .opened(caseID: c.id!) : .added(caseID: c.id!)
        }
    }

    /// The account's case that already holds the report of mail `message`, if any.
    func filedCase(account: Int64, message: String?, conn: PostgresConnection) async throws -> Int64? {
        guard let message else { return nil }
        return try await conn.one("""
            SELECT r.case_id FROM case_report r JOIN case_file c ON c.id = r.case_id
            WHERE c.account_id = \(account) AND r.message_id = \(message) ORDER BY r.id LIMIT 1
            """, logger: logger)?.get("case_id")
    }

    public func intakeProcessed(_ key: String) async throws(StoreError) -> Bool {
        try await read("look up a handled mail") { conn in
            try await conn.one("SELECT 1 FROM intake_message WHERE key = \(key)", logger: logger) != nil
        }
    }

    public func markIntakeProcessed(_ key: String, sender: String, subject: String, reports: Int, at now: Date)
        async throws(StoreError)
    {
        let row = IntakeMessageRecord(key: key, sender: sender, subject: subject, reports: reports, at: now)
        try await write("record a handled mail") { conn in
            try await conn.run("""
                INSERT INTO intake_message (key, processed_at, sender, subject, reports)
                VALUES (\(row.key), \(row.processedAt), \(row.sender), \(row.subject), \(row.reports))
                ON CONFLICT (key) DO UPDATE SET processed_at = EXCLUDED.processed_at, sender = EXCLUDED.sender,
                  subject = EXCLUDED.subject, reports = EXCLUDED.reports
                """, logger: logger)
        }
    }

    /// As `Store.account(platform:handle:)`: the live account whose latest handle is `handle`.
    func account(platform: Platform, handle: String, conn: PostgresConnection) async throws -> AccountRecord? {
        let wanted = platform.canonicalHandle(handle)
        guard !wanted.isEmpty else { return nil }
        let rows = try await conn.rows("""
            SELECT a.id, s.handle FROM account a
            JOIN snapshot s ON s.id = (SELECT max(id) FROM snapshot WHERE account_id = a.id)
            WHERE a.platform = \(platform.rawValue) AND a.gone_at IS NULL AND lower(ltrim(s.handle, '@')) = \(wanted)
            ORDER BY a.id
            """, logger: logger)
        for row in rows where platform.canonicalHandle(try row.get("handle")) == wanted {
            return try await conn.account(id: try row.get("id"), logger: logger)
        }
        return nil
    }

    func openCase(account: Int64, assessment a: Assessment, reason: String, run: Int64?, now: Date,
                  conn: PostgresConnection) async throws -> Int64
    {
        let id = try await conn.insert(CaseRecord(accountId: account, identity: a.identity ?? "unknown",
                                                  status: CaseStatus.new.rawValue, score: a.score, openedAt: now,
                                                  updatedAt: now), logger: logger)
        try await CaseEventRecord(caseId: id, at: now, actor: "impostor", action: "open", toStatus: CaseStatus.new.rawValue,
                                  reason: Store.openedOnReport(reason, score: a.score)).append(conn, logger: logger)
        try await conn.bump(run, opened: 1, logger: logger)
        return id
    }

    func attach(_ report: ResidentReport, to caseID: Int64, now: Date, conn: PostgresConnection) async throws {
        let (row, event) = Store.filed(report, on: caseID, now: now)
        try await conn.run("""
            INSERT INTO case_report (case_id, at, reporter, channel, link, note, message_id)
            VALUES (\(row.caseId), \(row.at), \(row.reporter), \(row.channel), \(row.link), \(row.note), \(row.messageId))
            """, logger: logger)
        try await event.append(conn, logger: logger)
    }
}
