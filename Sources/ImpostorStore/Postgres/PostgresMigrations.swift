import Foundation
import PostgresNIO

/// The SQLite store's migrations in PostgreSQL's dialect, under the same names, then the tables only a
/// shared store needs. A migration, once released, is never edited: add a new one.
enum PostgresMigrations {
    static let steps: [(name: String, statements: [String])] = [
        ("v1: runs, accounts, snapshots, assessments, cases", [
            """
            CREATE TABLE scan_run (id BIGSERIAL PRIMARY KEY, started_at TIMESTAMPTZ NOT NULL, ended_at TIMESTAMPTZ,
              status TEXT NOT NULL, version TEXT NOT NULL, pid INTEGER, profiles INTEGER NOT NULL DEFAULT 0,
              suspects INTEGER NOT NULL DEFAULT 0, opened INTEGER NOT NULL DEFAULT 0, reopened INTEGER NOT NULL DEFAULT 0,
              removed INTEGER NOT NULL DEFAULT 0, message TEXT)
            """,
            """
            CREATE TABLE source_run (id BIGSERIAL PRIMARY KEY,
              run_id BIGINT NOT NULL REFERENCES scan_run ON DELETE CASCADE, source TEXT NOT NULL, pages INTEGER NOT NULL,
              profiles INTEGER NOT NULL, errors INTEGER NOT NULL, waits INTEGER NOT NULL, failure TEXT)
            """,
            "CREATE INDEX source_run_on_run_id ON source_run (run_id)",
            """
            CREATE TABLE account (id BIGSERIAL PRIMARY KEY, platform TEXT NOT NULL, stable_id TEXT NOT NULL,
              url TEXT NOT NULL, first_seen TIMESTAMPTZ NOT NULL, last_seen TIMESTAMPTZ NOT NULL, gone_at TIMESTAMPTZ,
              gone_reason TEXT, UNIQUE (platform, stable_id))
            """,
            """
            CREATE TABLE snapshot (id BIGSERIAL PRIMARY KEY,
              account_id BIGINT NOT NULL REFERENCES account ON DELETE CASCADE, handle TEXT NOT NULL,
              display_name TEXT NOT NULL, bio TEXT NOT NULL, url TEXT NOT NULL, avatar_hash TEXT, avatar_image TEXT,
              first_seen TIMESTAMPTZ NOT NULL, last_seen TIMESTAMPTZ NOT NULL)
            """,
            "CREATE INDEX snapshot_on_account_id ON snapshot (account_id)",
            "CREATE TABLE image (sha256 TEXT PRIMARY KEY, bytes BYTEA NOT NULL, stored_at TIMESTAMPTZ NOT NULL)",
            """
            CREATE TABLE assessment (id BIGSERIAL PRIMARY KEY,
              snapshot_id BIGINT NOT NULL REFERENCES snapshot ON DELETE CASCADE,
              run_id BIGINT REFERENCES scan_run ON DELETE SET NULL, assessed_at TIMESTAMPTZ NOT NULL,
              score DOUBLE PRECISION NOT NULL, verdict TEXT NOT NULL, identity TEXT, target TEXT, reasons TEXT NOT NULL,
              version TEXT NOT NULL)
            """,
            "CREATE INDEX assessment_on_snapshot_id ON assessment (snapshot_id)",
            "CREATE INDEX assessment_on_run_id ON assessment (run_id)",
            """
            CREATE TABLE case_file (id BIGSERIAL PRIMARY KEY,
              account_id BIGINT NOT NULL UNIQUE REFERENCES account ON DELETE CASCADE, identity TEXT NOT NULL,
              status TEXT NOT NULL, score DOUBLE PRECISION NOT NULL, opened_at TIMESTAMPTZ NOT NULL,
              updated_at TIMESTAMPTZ NOT NULL, decided_snapshot_id BIGINT REFERENCES snapshot ON DELETE SET NULL)
            """,
            "CREATE INDEX case_file_on_identity ON case_file (identity)",
            "CREATE INDEX case_file_on_status ON case_file (status)",
            """
            CREATE TABLE case_event (id BIGSERIAL PRIMARY KEY,
              case_id BIGINT NOT NULL REFERENCES case_file ON DELETE CASCADE, at TIMESTAMPTZ NOT NULL, actor TEXT NOT NULL,
              action TEXT NOT NULL, from_status TEXT, to_status TEXT, reason TEXT, note TEXT)
            """,
            "CREATE INDEX case_event_on_case_id ON case_event (case_id)",
        ]),
        ("v2: snoozes, drafts, submissions", [
            "ALTER TABLE case_file ADD COLUMN snoozed_until TIMESTAMPTZ",
            """
            CREATE TABLE draft (id BIGSERIAL PRIMARY KEY, case_id BIGINT NOT NULL REFERENCES case_file ON DELETE CASCADE,
              kind TEXT NOT NULL, channel TEXT NOT NULL, text TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL)
            """,
            """
            CREATE TABLE submission (id BIGSERIAL PRIMARY KEY,
              case_id BIGINT NOT NULL REFERENCES case_file ON DELETE CASCADE, platform TEXT NOT NULL, endpoint TEXT NOT NULL,
              request TEXT NOT NULL, response TEXT, status TEXT NOT NULL, sent_at TIMESTAMPTZ NOT NULL)
            """,
            "CREATE INDEX submission_on_case_id ON submission (case_id)",
        ]),
        // SQLite's v3 mended stored bytes of releases before PostgreSQL was supported: nothing to mend here.
        ("v3: no stored picture that is not an image", []),
        ("v4: case kinds, residents' reports, official accounts, the report mailbox", [
            "ALTER TABLE case_file ADD COLUMN kind TEXT NOT NULL DEFAULT 'impersonation'",
            """
            CREATE TABLE case_report (id BIGSERIAL PRIMARY KEY,
              case_id BIGINT NOT NULL REFERENCES case_file ON DELETE CASCADE, at TIMESTAMPTZ NOT NULL,
              reporter TEXT NOT NULL, channel TEXT NOT NULL, link TEXT NOT NULL, note TEXT, message_id TEXT)
            """,
            "CREATE INDEX case_report_on_case_id ON case_report (case_id)",
            """
            CREATE TABLE official_account (id BIGSERIAL PRIMARY KEY, identity TEXT NOT NULL, platform TEXT NOT NULL,
              handle TEXT NOT NULL, account_id BIGINT REFERENCES account ON DELETE SET NULL,
              baseline_snapshot_id BIGINT REFERENCES snapshot ON DELETE SET NULL, checked_at TIMESTAMPTZ, state TEXT,
              alerted_changes TEXT, alerted_gone BOOLEAN NOT NULL DEFAULT false, UNIQUE (identity, platform, handle))
            """,
            """
            CREATE TABLE intake_message (key TEXT PRIMARY KEY, processed_at TIMESTAMPTZ NOT NULL, sender TEXT NOT NULL,
              subject TEXT NOT NULL, reports INTEGER NOT NULL)
            """,
        ]),
        ("pg1: councils' schedules and leases, runs by council", [
            "ALTER TABLE scan_run ADD COLUMN council TEXT",
            "ALTER TABLE scan_run ADD COLUMN worker TEXT",
            "CREATE INDEX scan_run_on_council ON scan_run (council)",
            // One row per council: when it is due, and which worker holds it until when.
            """
            CREATE TABLE council_schedule (identity TEXT PRIMARY KEY, scan_every INTEGER NOT NULL,
              due_at TIMESTAMPTZ NOT NULL, lease_owner TEXT, lease_until TIMESTAMPTZ, run_id BIGINT,
              last_finished_at TIMESTAMPTZ, scans INTEGER NOT NULL DEFAULT 0)
            """,
            "CREATE INDEX council_schedule_on_due_at ON council_schedule (due_at)",
        ]),
        ("pg2: clerks, their councils and sessions, failed sign-ins", [
            """
            CREATE TABLE clerk (id BIGSERIAL PRIMARY KEY, email TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL,
              admin BOOLEAN NOT NULL DEFAULT false, created_at TIMESTAMPTZ NOT NULL, password_set_at TIMESTAMPTZ NOT NULL)
            """,
            """
            CREATE TABLE clerk_council (clerk_id BIGINT NOT NULL REFERENCES clerk (id) ON DELETE CASCADE,
              identity TEXT NOT NULL, PRIMARY KEY (clerk_id, identity))
            """,
            "CREATE INDEX clerk_council_on_identity ON clerk_council (identity)",
            // A session is kept under the SHA-256 of its token: a copy of the table opens no browser's session.
            """
            CREATE TABLE clerk_session (token_hash TEXT PRIMARY KEY,
              clerk_id BIGINT NOT NULL REFERENCES clerk (id) ON DELETE CASCADE,
              created_at TIMESTAMPTZ NOT NULL, expires_at TIMESTAMPTZ NOT NULL)
            """,
            // Every sign-in attempt is noted before its password is checked (so guesses sent together are
            // all counted), and forgotten by its `attempt` id when it succeeds.
            "CREATE TABLE login_failure (key TEXT NOT NULL, at TIMESTAMPTZ NOT NULL, attempt TEXT NOT NULL)",
            "CREATE INDEX login_failure_on_key ON login_failure (key, at)",
        ]),
        ("pg3: what the platforms said about each outgoing address", [
            // One row per platform host and outgoing address: requests left in the window the platform
            // announced, when that window ends, and a pause it asked for (429 and Retry-After).
            """
            CREATE TABLE rate_budget (host TEXT NOT NULL, address TEXT NOT NULL, remaining INTEGER,
              window_ends TIMESTAMPTZ, paused_until TIMESTAMPTZ, PRIMARY KEY (host, address))
            """,
        ]),
        // Each council is scanned alone here, so one account can be judged an impostor of two councils
        // (two Thornburys): each council's clerk gets a case of their own, and one's scan leaves the
        // other's case alone. (A single council's SQLite store judges every council at once: one case.)
        ("pg4: a case per account and council", [
            "ALTER TABLE case_file DROP CONSTRAINT case_file_account_id_key",
            "ALTER TABLE case_file ADD CONSTRAINT case_file_account_identity UNIQUE (account_id, identity)",
        ]),
    ]

    /// The lock that keeps two processes from migrating at once (any constant of our own).
    static let lockKey: Int64 = 0x696D_706F_7374

    static var names: [String] { steps.map(\.name) }
}

extension PostgresStore {
    /// Runs every migration not yet applied, in one transaction, under an advisory lock so workers
    /// starting together take turns.
    func migrate() async throws(StoreError) {
        try await write("migrate the database") { conn in
            try await conn.run("SELECT pg_advisory_xact_lock(\(PostgresMigrations.lockKey))", logger: logger)
            try await conn.run("""
                CREATE TABLE IF NOT EXISTS impostor_migration (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)
                """, logger: logger)
            let done = Set(try await conn.rows("SELECT name FROM impostor_migration", logger: logger)
                .map { try $0.get("name") as String })
            for step in PostgresMigrations.steps where !done.contains(step.name) {
                for statement in step.statements {
                    try await conn.run(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await conn.run("INSERT INTO impostor_migration (name, applied_at) VALUES (\(step.name), now())",
                                   logger: logger)
                logger.info("store.migrated", metadata: ["migration": "\(step.name)"])
            }
        }
    }

    /// The migrations applied, in order.
    public func appliedMigrations() async throws(StoreError) -> [String] {
        try await read("list the migrations") { conn in
            let exists = try await conn.one("SELECT to_regclass('impostor_migration') IS NOT NULL AS present", logger: logger)
            guard try exists?.get("present") == true else { return [] }
            let applied = Set(try await conn.rows("SELECT name FROM impostor_migration", logger: logger)
                .map { try $0.get("name") as String })
            return PostgresMigrations.names.filter(applied.contains)
        }
    }
}
