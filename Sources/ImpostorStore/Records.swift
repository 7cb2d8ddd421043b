import Foundation
import GRDB
import ImpostorCore

// One record type per table. Columns are snake_case; the records are internal so that only this
// module knows the schema.

/// A record whose Swift properties map to snake_case columns.
protocol SnakeCaseRecord: Codable, FetchableRecord, EncodableRecord {}

extension SnakeCaseRecord {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

struct ScanRunRecord: SnakeCaseRecord, MutablePersistableRecord {
    static let databaseTableName = "scan_run"
    var id: Int64?
    var startedAt: Date
    var endedAt: Date?
    var status: String
    var version: String
    var pid: Int?
    var profiles = 0
    var suspects = 0
    var opened = 0
    var reopened = 0
    var removed = 0
    var message: String?
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct SourceRunRecord: SnakeCaseRecord, MutablePersistableRecord {
    static let databaseTableName = "source_run"
    var id: Int64?
    var runId: Int64
    var source: String
    var pages: Int
    var profiles: Int
    var errors: Int
    var waits: Int
    var failure: String?
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct AccountRecord: SnakeCaseRecord, MutablePersistableRecord {
    static let databaseTableName = "account"
    var id: Int64?
    var platform: String
    var stableId: String
    var url: String
    var firstSeen: Date
    var lastSeen: Date
    var goneAt: Date?
    var goneReason: String?
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct SnapshotRecord: SnakeCaseRecord, MutablePersistableRecord {
    static let databaseTableName = "snapshot"
    var id: Int64?
    var accountId: Int64
    var handle: String
    var displayName: String
    var bio: String
    var url: String
    var avatarHash: String?
    var avatarImage: String?
    var firstSeen: Date
    var lastSeen: Date
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct ImageRecord: SnakeCaseRecord, PersistableRecord {
    static let databaseTableName = "image"
    var sha256: String
    var bytes: Data
    var storedAt: Date
}

struct AssessmentRecord: SnakeCaseRecord, MutablePersistableRecord {
    static let databaseTableName = "assessment"
    var id: Int64?
    var snapshotId: Int64
    var runId: Int64?
    var assessedAt: Date
    var score: Double
    var verdict: String
    var identity: String?
    var target: String?
    var reasons: String
    var version: String
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct CaseRecord: SnakeCaseRecord, MutablePersistableRecord {
    static let databaseTableName = "case_file"
    var id: Int64?
    var accountId: Int64
    var identity: String
    var status: String
    var score: Double
    var openedAt: Date
    var updatedAt: Date
    var decidedSnapshotId: Int64?
    var snoozedUntil: Date?
    var kind = CaseKind.impersonation.rawValue
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct CaseEventRecord: SnakeCaseRecord, MutablePersistableRecord {
    static let databaseTableName = "case_event"
    var id: Int64?
    var caseId: Int64
    var at: Date
    var actor: String
    var action: String
    var fromStatus: String?
    var toStatus: String?
    var reason: String?
    var note: String?
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Adds the event to its case's trail; nothing reads the new row's id.
    func append(to db: Database) throws {
        var event = self
        try event.insert(db)
    }
}

struct DraftRecord: SnakeCaseRecord, MutablePersistableRecord {
    static let databaseTableName = "draft"
    var id: Int64?
    var caseId: Int64
    var kind: String
    var channel: String
    var text: String
    var createdAt: Date
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct SubmissionRecord: SnakeCaseRecord, MutablePersistableRecord {
    static let databaseTableName = "submission"
    var id: Int64?
    var caseId: Int64
    var platform: String
    var endpoint: String
    var request: String
    var response: String?
    var status: String
    var sentAt: Date
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct CaseReportRecord: SnakeCaseRecord, MutablePersistableRecord {
    static let databaseTableName = "case_report"
    var id: Int64?
    var caseId: Int64
    var at: Date
    var reporter: String
    var channel: String
    var link: String
    var note: String?
    var messageId: String?
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct OfficialAccountRecord: SnakeCaseRecord, MutablePersistableRecord {
    static let databaseTableName = "official_account"
    var id: Int64?
    var identity: String
    var platform: String
    var handle: String
    var accountId: Int64?
    var baselineSnapshotId: Int64?
    var checkedAt: Date?
    var state: String?
    var alertedChanges: String?
    var alertedGone = false
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct IntakeMessageRecord: SnakeCaseRecord, PersistableRecord, FetchableRecord {
    static let databaseTableName = "intake_message"
    var key: String
    var processedAt: Date
    var sender: String
    var subject: String
    var reports: Int
}

extension IntakeMessageRecord {
    /// A handled mail as both stores keep it: the sender's name redacted, both texts bounded.
    init(key: String, sender: String, subject: String, reports: Int, at now: Date) {
        self.init(key: key, processedAt: now, sender: Redaction.apply(String(sender.prefix(300))),
                  subject: String(subject.prefix(500)), reports: reports)
    }
}
