import Foundation
import GRDB
import ImpostorCore

/// Every schema change, in order. A migration, once released, is never edited: add a new one.
enum Migrations {
    static let migrator: DatabaseMigrator = {
        var m = DatabaseMigrator()
        m.registerMigration("v1: runs, accounts, snapshots, assessments, cases") { db in
            try db.create(table: "scan_run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("started_at", .datetime).notNull()
                t.column("ended_at", .datetime)
                t.column("status", .text).notNull()
                t.column("version", .text).notNull()
                t.column("pid", .integer)
                t.column("profiles", .integer).notNull().defaults(to: 0)
                t.column("suspects", .integer).notNull().defaults(to: 0)
                t.column("opened", .integer).notNull().defaults(to: 0)
                t.column("reopened", .integer).notNull().defaults(to: 0)
                t.column("removed", .integer).notNull().defaults(to: 0)
                t.column("message", .text)
            }
            try db.create(table: "source_run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("run_id", .integer).notNull().indexed().references("scan_run", onDelete: .cascade)
                t.column("source", .text).notNull()
                t.column("pages", .integer).notNull()
                t.column("profiles", .integer).notNull()
                t.column("errors", .integer).notNull()
                t.column("waits", .integer).notNull()
                t.column("failure", .text)
            }
            try db.create(table: "account") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("platform", .text).notNull()
                t.column("stable_id", .text).notNull()
                t.column("url", .text).notNull()
                t.column("first_seen", .datetime).notNull()
                t.column("last_seen", .datetime).notNull()
                t.column("gone_at", .datetime)
                t.column("gone_reason", .text)
                t.uniqueKey(["platform", "stable_id"])
            }
            try db.create(table: "snapshot") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("account_id", .integer).notNull().indexed().references("account", onDelete: .cascade)
                t.column("handle", .text).notNull()
                t.column("display_name", .text).notNull()
                t.column("bio", .text).notNull()
                t.column("url", .text).notNull()
                t.column("avatar_hash", .text)
                t.column("avatar_image", .text)
                t.column("first_seen", .datetime).notNull()
                t.column("last_seen", .datetime).notNull()
            }
            try db.create(table: "image") { t in
                t.primaryKey("sha256", .text)
                t.column("bytes", .blob).notNull()
                t.column("stored_at", .datetime).notNull()
            }
            try db.create(table: "assessment") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("snapshot_id", .integer).notNull().indexed().references("snapshot", onDelete: .cascade)
                t.column("run_id", .integer).indexed().references("scan_run", onDelete: .setNull)
                t.column("assessed_at", .datetime).notNull()
                t.column("score", .double).notNull()
                t.column("verdict", .text).notNull()
                t.column("identity", .text)
                t.column("target", .text)
                t.column("reasons", .jsonText).notNull()
                t.column("version", .text).notNull()
            }
            try db.create(table: "case_file") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("account_id", .integer).notNull().unique().references("account", onDelete: .cascade)
                t.column("identity", .text).notNull().indexed()
                t.column("status", .text).notNull().indexed()
                t.column("score", .double).notNull()
                t.column("opened_at", .datetime).notNull()
                t.column("updated_at", .datetime).notNull()
                t.column("decided_snapshot_id", .integer).references("snapshot", onDelete: .setNull)
            }
            try db.create(table: "case_event") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("case_id", .integer).notNull().indexed().references("case_file", onDelete: .cascade)
                t.column("at", .datetime).notNull()
                t.column("actor", .text).notNull()
                t.column("action", .text).notNull()
                t.column("from_status", .text)
                t.column("to_status", .text)
                t.column("reason", .text)
                t.column("note", .text)
            }
        }
        m.registerMigration("v2: snoozes, drafts, submissions") { db in
            try db.alter(table: "case_file") { t in
                t.add(column: "snoozed_until", .datetime)
            }
            try db.create(table: "draft") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("case_id", .integer).notNull().indexed().references("case_file", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("channel", .text).notNull()
                t.column("text", .text).notNull()
                t.column("created_at", .datetime).notNull()
            }
            try db.create(table: "submission") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("case_id", .integer).notNull().indexed().references("case_file", onDelete: .cascade)
                t.column("platform", .text).notNull()
                t.column("endpoint", .text).notNull()
                t.column("request", .text).notNull()
                t.column("response", .text)
                t.column("status", .text).notNull()
                t.column("sent_at", .datetime).notNull()
            }
        }
        m.registerMigration("v3: no stored picture that is not an image") { db in
            // Before 0.x a feed could name a local file as its avatar and its bytes were kept. Only
            // bytes that are a JPEG, PNG, GIF or WebP image stay evidence.
            let rows = try Row.fetchAll(db, sql: "SELECT sha256, substr(bytes, 1, 12) AS head FROM image")
            for row in rows {
                let head: Data = row["head"] ?? Data()
                guard ImageFormat(sniffing: [UInt8](head)) == nil else { continue }
                let sha: String = row["sha256"]
                try db.execute(sql: "UPDATE snapshot SET avatar_image = NULL WHERE avatar_image = ?", arguments: [sha])
                try db.execute(sql: "DELETE FROM image WHERE sha256 = ?", arguments: [sha])
            }
        }
        m.registerMigration("v4: case kinds, residents' reports, official accounts, the report mailbox") { db in
            try db.alter(table: "case_file") { t in
                t.add(column: "kind", .text).notNull().defaults(to: CaseKind.impersonation.rawValue)
            }
            try db.create(table: "case_report") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("case_id", .integer).notNull().indexed().references("case_file", onDelete: .cascade)
                t.column("at", .datetime).notNull()
                t.column("reporter", .text).notNull()
                t.column("channel", .text).notNull()
                t.column("link", .text).notNull()
                t.column("note", .text)
                t.column("message_id", .text)
            }
            try db.create(table: "official_account") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("identity", .text).notNull()
                t.column("platform", .text).notNull()
                t.column("handle", .text).notNull()
                t.column("account_id", .integer).references("account", onDelete: .setNull)
                t.column("baseline_snapshot_id", .integer).references("snapshot", onDelete: .setNull)
                t.column("checked_at", .datetime)
                t.column("state", .text)
                t.column("alerted_changes", .text)
                t.column("alerted_gone", .boolean).notNull().defaults(to: false)
                t.uniqueKey(["identity", "platform", "handle"])
            }
            try db.create(table: "intake_message") { t in
                t.primaryKey("key", .text)
                t.column("processed_at", .datetime).notNull()
                t.column("sender", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("reports", .integer).notNull()
            }
        }
        return m
    }()
}
