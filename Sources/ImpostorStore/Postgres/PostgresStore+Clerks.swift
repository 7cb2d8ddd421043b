import Foundation
import PostgresNIO

extension PostgresStore: ClerkStore, ClerkDirectory {
    public func addClerk(email: String, passwordHash: String, admin: Bool, councils: [String], at now: Date)
        async throws(StoreError) -> Clerk
    {
        try await write("add a clerk") { conn in
            if try await conn.one("SELECT id FROM clerk WHERE email = \(email)", logger: logger) != nil {
                throw StoreError(.exists, "there is already a user \(email); use `impostor users reset` to set a new password")
            }
            let row = try await conn.one("""
                INSERT INTO clerk (email, password_hash, admin, created_at, password_set_at)
                VALUES (\(email), \(passwordHash), \(admin), \(now), \(now)) RETURNING id
                """, logger: logger)
            let id: Int64 = try row!.get("id")
            for council in Set(councils) {
                try await conn.run("INSERT INTO clerk_council (clerk_id, identity) VALUES (\(id), \(council))", logger: logger)
            }
            return Clerk(id: id, email: email, admin: admin, councils: councils.sorted())
        }
    }

    public func clerks() async throws(StoreError) -> [Clerk] {
        try await read("list the users") { conn in
            try await conn.rows("""
                SELECT c.id, c.email, c.admin, array_remove(array_agg(cc.identity ORDER BY cc.identity), NULL) AS councils
                FROM clerk c LEFT JOIN clerk_council cc ON cc.clerk_id = c.id GROUP BY c.id ORDER BY c.email
                """, logger: logger).map(Self.clerk)
        }
    }

    public func removeClerk(email: String) async throws(StoreError) -> Bool {
        try await write("remove a user") { conn in
            try await !conn.rows("DELETE FROM clerk WHERE email = \(email) RETURNING id", logger: logger).isEmpty
        }
    }

    public func resetPassword(email: String, passwordHash: String, at now: Date) async throws(StoreError) -> Bool {
        try await write("set a user's password") { conn in
            guard let row = try await conn.one("""
                UPDATE clerk SET password_hash = \(passwordHash), password_set_at = \(now) WHERE email = \(email) RETURNING id
                """, logger: logger) else { return false }
            let id: Int64 = try row.get("id")
            try await conn.run("DELETE FROM clerk_session WHERE clerk_id = \(id)", logger: logger)
            // A new password lifts the pause on the account, as the throttled page promises.
            try await conn.run("""
                DELETE FROM login_failure WHERE key = 'account:' || \(email) OR starts_with(key, 'pair:' || \(email) || '|')
                """, logger: logger)
            return true
        }
    }

    public func credentials(email: String) async throws(StoreError) -> (clerk: Clerk, passwordHash: String)? {
        try await read("look up a user") { conn in
            guard let row = try await conn.one("""
                SELECT c.id, c.email, c.admin, c.password_hash,
                  array_remove(array_agg(cc.identity ORDER BY cc.identity), NULL) AS councils
                FROM clerk c LEFT JOIN clerk_council cc ON cc.clerk_id = c.id WHERE c.email = \(email) GROUP BY c.id
                """, logger: logger) else { return nil }
            return (try Self.clerk(row), try row.get("password_hash"))
        }
    }

    public func openSession(tokenHash: String, clerk: Int64, expires: Date, at now: Date) async throws(StoreError) {
        try await write("start a session") { conn in
            // Old sessions go as new ones come, so the table stays the size of the live ones.
            try await conn.run("DELETE FROM clerk_session WHERE expires_at <= \(now)", logger: logger)
            try await conn.run("""
                INSERT INTO clerk_session (token_hash, clerk_id, created_at, expires_at)
                VALUES (\(tokenHash), \(clerk), \(now), \(expires))
                """, logger: logger)
        }
    }

    public func session(tokenHash: String, at now: Date) async throws(StoreError) -> Clerk? {
        try await read("look up a session") { conn in
            try await conn.one("""
                SELECT c.id, c.email, c.admin, array_remove(array_agg(cc.identity ORDER BY cc.identity), NULL) AS councils
                FROM clerk_session s JOIN clerk c ON c.id = s.clerk_id LEFT JOIN clerk_council cc ON cc.clerk_id = c.id
                WHERE s.token_hash = \(tokenHash) AND s.expires_at > \(now) GROUP BY c.id
                """, logger: logger).map(Self.clerk)
        }
    }

    public func closeSession(tokenHash: String) async throws(StoreError) {
        try await write("end a session") { conn in
            try await conn.run("DELETE FROM clerk_session WHERE token_hash = \(tokenHash)", logger: logger)
        }
    }

    public func failedSignIns(keys: [String], since: Date) async throws(StoreError) -> [String: Int] {
        try await read("count failed sign-ins") { conn in
            var counts: [String: Int] = [:]
            for row in try await conn.rows("""
                SELECT key, count(*)::bigint AS n FROM login_failure WHERE key = ANY(\(keys)) AND at > \(since) GROUP BY key
                """, logger: logger)
            {
                counts[try row.get("key")] = Int(try row.get("n") as Int64)
            }
            return counts
        }
    }

    public func noteSignInAttempt(_ attempt: String, keys: [String], at now: Date) async throws(StoreError) {
        try await write("note a sign-in attempt") { conn in
            try await conn.run("DELETE FROM login_failure WHERE at < \(now.addingTimeInterval(-86_400))", logger: logger)
            try await conn.run("""
                INSERT INTO login_failure (key, at, attempt) SELECT k, \(now), \(attempt) FROM unnest(\(keys)::text[]) AS k
                """, logger: logger)
        }
    }

    public func signInSucceeded(_ attempt: String, clearing keys: [String]) async throws(StoreError) {
        try await write("clear failed sign-ins") { conn in
            try await conn.run("DELETE FROM login_failure WHERE attempt = \(attempt) OR key = ANY(\(keys))", logger: logger)
        }
    }

    public func clerkEmails(council: String) async throws(StoreError) -> [String] {
        try await read("list a council's clerks") { conn in
            try await conn.rows("""
                SELECT c.email FROM clerk c JOIN clerk_council cc ON cc.clerk_id = c.id
                WHERE cc.identity = \(council) ORDER BY c.email
                """, logger: logger).map { try $0.get("email") as String }
        }
    }

    static func clerk(_ row: PGRow) throws -> Clerk {
        Clerk(id: try row.get("id"), email: try row.get("email"), admin: try row.get("admin"), councils: try row.get("councils"))
    }
}
