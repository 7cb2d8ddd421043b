import Foundation
import ImpostorStore
import TestPostgres
import TestScratch
import Testing

/// `impostor users` against a real PostgreSQL server: passwords only from private files, kept only as
/// bcrypt hashes, and councils checked against the watchlist.
@Suite(.timeLimit(.minutes(10))) struct UsersTests {
    static let watchlist = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path + "/watchlist"

    func passwordFile(_ text: String, mode: mode_t = 0o600) throws -> String {
        let path = Scratch.path("users") + "/pw"
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try (text + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, mode)
        return path
    }

    @Test func addListResetAndRemove() async throws {
        let url = try TestPostgres.shared().database("users")
        let common = ["--watchlist", Self.watchlist, "--db", url]
        let secret = "a long enough passphrase"
        let file = try passwordFile(secret)

        let added = try await CLI.run(["users", "add", "Clerk@Oakbridge-TC.gov.uk", "--council", "oakbridge-town-council",
                                       "--password-file", file] + common)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("clerk@oakbridge-tc.gov.uk: oakbridge-town-council"), "\(added.stdout)")
        #expect(!added.stdout.contains(secret) && !added.stderr.contains(secret))
        let admin = try await CLI.run(["users", "add", "it@association.test", "--admin", "--password-file", file] + common)
        #expect(admin.status == 0, "\(admin.stderr)")

        let again = try await CLI.run(["users", "add", "clerk@oakbridge-tc.gov.uk", "--council", "oakbridge-town-council",
                                       "--password-file", file] + common)
        #expect(again.status == 2)
        #expect(again.stderr.contains("already a user"), "\(again.stderr)")

        let list = try await CLI.run(["users", "list"] + common)
        #expect(list.stdout == "clerk@oakbridge-tc.gov.uk\toakbridge-town-council\nit@association.test\tadministrator\n", "\(list.stdout)")

        // The store holds a bcrypt hash that checks the password, never the password.
        let store = try await PostgresStore.open(try PostgresAddress(parsing: url))
        let stored = try #require(try await store.credentials(email: "clerk@oakbridge-tc.gov.uk"))
        #expect(stored.passwordHash.hasPrefix("$2b$12$") || stored.passwordHash.hasPrefix("$2a$12$") || stored.passwordHash.hasPrefix("$2y$12$"),
                "\(stored.passwordHash.prefix(7))")
        #expect(!stored.passwordHash.contains(secret))
        let dump = try TestPostgres.shared().sql("SELECT string_agg(password_hash, ',') FROM clerk", database: String(URLComponents(string: url)!.path.dropFirst()))
        #expect(!dump.contains(secret))

        let newFile = try passwordFile("another long passphrase")
        let reset = try await CLI.run(["users", "reset", "clerk@oakbridge-tc.gov.uk", "--password-file", newFile] + common)
        #expect(reset.status == 0, "\(reset.stderr)")
        let after = try #require(try await store.credentials(email: "clerk@oakbridge-tc.gov.uk"))
        #expect(after.passwordHash != stored.passwordHash)

        let removed = try await CLI.run(["users", "remove", "clerk@oakbridge-tc.gov.uk"] + common)
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try await store.clerks().map(\.email) == ["it@association.test"])
        let gone = try await CLI.run(["users", "remove", "clerk@oakbridge-tc.gov.uk"] + common)
        #expect(gone.status == 2)
        #expect(gone.stderr.contains("no user"), "\(gone.stderr)")
        await store.close()
    }

    @Test func badRequestsAreRefusedWithTheReasonAndAddNobody() async throws {
        let url = try TestPostgres.shared().database("users-bad")
        let common = ["--watchlist", Self.watchlist, "--db", url]
        let good = try passwordFile("a long enough passphrase")

        let shared = try await CLI.run(["users", "add", "a@b.test", "--council", "oakbridge-town-council",
                                        "--password-file", try passwordFile("a long enough passphrase", mode: 0o644)] + common)
        #expect(shared.status == 2)
        #expect(shared.stderr.contains("chmod 600"), "\(shared.stderr)")
        let short = try await CLI.run(["users", "add", "a@b.test", "--council", "oakbridge-town-council",
                                       "--password-file", try passwordFile("short")] + common)
        #expect(short.status == 2)
        #expect(short.stderr.contains("shorter than 10"), "\(short.stderr)")
        let unknown = try await CLI.run(["users", "add", "a@b.test", "--council", "nowhere-parish-council",
                                         "--password-file", good] + common)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no council nowhere-parish-council"), "\(unknown.stderr)")
        let neither = try await CLI.run(["users", "add", "a@b.test", "--password-file", good] + common)
        #expect(neither.status != 0)
        #expect(neither.stderr.contains("--council"), "\(neither.stderr)")
        let notMail = try await CLI.run(["users", "add", "not-an-address", "--admin", "--password-file", good] + common)
        #expect(notMail.status != 0)
        let sqlite = try await CLI.run(["users", "list", "--watchlist", Self.watchlist, "--db", Scratch.path("users") + "/x.sqlite"])
        #expect(sqlite.status == 2)
        #expect(sqlite.stderr.contains("shared store"), "\(sqlite.stderr)")

        let store = try await PostgresStore.open(try PostgresAddress(parsing: url))
        #expect(try await store.clerks().isEmpty)
        await store.close()
    }
}
