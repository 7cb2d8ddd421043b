import Foundation
import GRDB
import ImpostorCore

/// One case's milestones, for the monthly report to the council meeting.
public struct CaseTimeline: Sendable, Codable, Hashable {
    public var summary: CaseSummary
    public var confirmedAt: Date?
    public var reportedAt: Date?
    public var removedAt: Date?

    /// From the clerk's confirmation (or report) to the platform's removal.
    public var removalTime: TimeInterval? {
        guard let removedAt, let start = reportedAt ?? confirmedAt else { return nil }
        return removedAt.timeIntervalSince(start)
    }
}

extension Store {
    /// Every case with something happening between `start` and `end`: opened, confirmed, reported or removed.
    public func timelines(from start: Date, to end: Date) throws(StoreError) -> [CaseTimeline] {
        try read { db in
            let ids = try Int64.fetchAll(db, sql: """
                SELECT DISTINCT case_id FROM case_event WHERE at >= ? AND at < ?
                UNION SELECT id FROM case_file WHERE opened_at >= ? AND opened_at < ?
                """, arguments: [start, end, start, end])
            var result: [CaseTimeline] = []
            for id in ids.sorted() {
                guard let row = try Row.fetchOne(db, sql: Self.summarySelect + " WHERE c.id = ?", arguments: [id]) else { continue }
                let events = try CaseEventRecord.filter(Column("case_id") == id).order(Column("id")).fetchAll(db)
                func first(_ action: String) -> Date? { events.first { $0.action == action }?.at }
                result.append(CaseTimeline(summary: Self.summary(row), confirmedAt: first("confirm"),
                                           reportedAt: first("reported") ?? first("submitted"), removedAt: first("removed")))
            }
            return result
        }
    }

    /// Records that impostor sent a report to a platform's API, with what was sent and the answer.
    public func recordSubmission(
        caseID: Int64, platform: Platform, endpoint: String, request: String, response: String?, succeeded: Bool,
        actor: String, at now: Date = Date()
    ) throws(StoreError) {
        try write { db in
            guard var c = try CaseRecord.fetchOne(db, key: caseID) else {
                throw StoreError(.notFound, "there is no case \(caseID)")
            }
            var s = SubmissionRecord(caseId: caseID, platform: platform.rawValue, endpoint: Redaction.apply(endpoint),
                                     request: Redaction.apply(request),
                                     response: response.map { Redaction.apply(String($0.prefix(20_000))) },
                                     status: succeeded ? "accepted" : "failed", sentAt: now)
            try s.insert(db)
            let from = c.status
            if succeeded, from == CaseStatus.confirmed.rawValue {
                c.status = CaseStatus.reported.rawValue
                c.updatedAt = now
                try c.update(db)
            }
            try CaseEventRecord(caseId: caseID, at: now, actor: actor, action: succeeded ? "submitted" : "submit-failed",
                                fromStatus: from, toStatus: c.status,
                                reason: "report sent to \(endpoint)").append(to: db)
        }
    }

    /// Reports sent for a case, oldest first.
    public func submissions(caseID: Int64) throws(StoreError) -> [(platform: String, endpoint: String, request: String, response: String?, status: String, sentAt: Date)] {
        try read { db in
            try SubmissionRecord.filter(Column("case_id") == caseID).order(Column("id")).fetchAll(db).map {
                (platform: $0.platform, endpoint: $0.endpoint, request: $0.request, response: $0.response, status: $0.status,
                 sentAt: $0.sentAt)
            }
        }
    }
}
