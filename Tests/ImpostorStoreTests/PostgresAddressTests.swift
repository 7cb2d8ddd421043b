import Foundation
import PostgresNIO
import TestPostgres
import TestScratch
import Testing
@testable import ImpostorStore

@Suite("A PostgreSQL address names a server, never a password")
struct PostgresAddressTests {
    @Test func anAddressIsReadAsLibpqReadsIt() throws {
        let tcp = try PostgresAddress(parsing: "postgres://impostor@db.example.org:6432/councils?sslmode=verify-full&sslrootcert=/etc/ssl/ca.pem")
        #expect(tcp.endpoint == .tcp(host: "db.example.org", port: 6432))
        #expect(tcp.user == "impostor" && tcp.database == "councils")
        #expect(tcp.tls == .verifyFull && tcp.rootCertificate == "/etc/ssl/ca.pem")
        #expect(tcp.description == "postgres://impostor@db.example.org:6432/councils?sslmode=verify-full")
        let socket = try PostgresAddress(parsing: "postgresql://impostor@/impostor?host=/run/postgresql")
        #expect(socket.socketPath == "/run/postgresql/.s.PGSQL.5432")
        #expect(try PostgresAddress(parsing: "postgres://a@h/d").tls == .prefer)
    }

    @Test(arguments: [
        ("postgres://impostor:hunter2@db/impostor", "carries a password"),
        ("postgres://db/impostor", "names no user"),
        ("postgres://impostor@db/", "names no database"),
        ("postgres://impostor@db/x?sslmode=maybe", "sslmode=maybe"),
        ("postgres://impostor@db/x?password=hunter2", "password= is not a setting"),
        ("postgres://impostor@/x?host=run/pg", "must be absolute"),
    ])
    func aBadAddressSaysWhatIsWrongWithoutRepeatingASecret(_ text: String, _ said: String) {
        do {
            _ = try PostgresAddress(parsing: text)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.reason.contains(said), "\(error.reason)")
            #expect(!error.reason.contains("hunter2"))
        }
    }

    @Test func thePasswordComesFromAPasswordFileKeptPrivate() throws {
        let folder = Scratch.path("pgpass")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = folder + "/pgpass"
        try "# comment\nother:5432:*:impostor:wrong\ndb.example.org:5432:councils:impostor:s\\:cret\\\\1\n*:*:*:*:fallback\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0o600)
        let address = try PostgresAddress(parsing: "postgres://impostor@db.example.org/councils?passfile=\(file)")
        #expect(try address.password() == "s:cret\\1")
        let elsewhere = try PostgresAddress(parsing: "postgres://impostor@other.example.org/x")
        #expect(try elsewhere.password(environment: ["PGPASSFILE": file]) == "fallback")
        chmod(file, 0o640)
        do {
            _ = try address.password()
            Issue.record("a password file others can read was used")
        } catch {
            #expect(error.reason.contains("chmod 600"))
        }
        let missing = try PostgresAddress(parsing: "postgres://impostor@db/x?passfile=\(folder)/none")
        #expect(throws: StoreError.self) { try missing.password() }
    }

    @Test func aWrongPasswordIsRefusedByTheServerAndNotShown() async throws {
        let server = try TestPostgres.shared()
        let folder = Scratch.path("wrongpass")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "127.0.0.1:\(server.port):*:impostor:not-the-password\n".write(toFile: folder + "/pgpass", atomically: true, encoding: .utf8)
        chmod(folder + "/pgpass", 0o600)
        let address = try PostgresAddress(parsing: "postgres://impostor@127.0.0.1:\(server.port)/postgres?sslmode=disable&passfile=\(folder)/pgpass")
        do {
            _ = try await PostgresStore.open(address)
            Issue.record("a wrong password was accepted")
        } catch {
            #expect(error.code == .cannotOpen)
            #expect(error.reason.contains("28P01"), "\(error.reason)")
            #expect(!error.reason.contains("not-the-password"))
        }
    }

    /// Whether the server says this connection is encrypted.
    func encrypted(_ url: String) async throws -> Bool {
        let store = try await PostgresStore.open(try PostgresAddress(parsing: url), migrate: false)
        let said: Bool? = try? await store.read("ask about TLS") { conn in
            try await conn.one("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", logger: store.logger)?.get("ssl") ?? false
        }
        await store.close()
        guard let said else { throw StoreError(.database, "the server did not say whether the connection is encrypted") }
        return said
    }

    /// TLS against the test server, which offers it with a certificate for 127.0.0.1 from its own CA.
    @Test func tlsIsHonouredAsTheAddressAsks() async throws {
        let server = try TestPostgres.shared()
        let plain = try server.database("tls")
        func with(_ mode: String) -> String { plain.replacingOccurrences(of: "sslmode=disable", with: mode) }
        #expect(try await encrypted(plain) == false)
        #expect(try await encrypted(with("sslmode=require")) == true)
        #expect(try await encrypted(with("sslmode=verify-full&sslrootcert=\(server.caFile)")) == true)

        // Another CA: the server's certificate is not trusted, and nothing is sent to it.
        let folder = Scratch.path("otherca")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let otherCA = try TestPostgres.makeCA(in: folder, name: "another CA")
        do {
            _ = try await PostgresStore.open(try PostgresAddress(parsing: with("sslmode=verify-full&sslrootcert=\(otherCA)")),
                                             migrate: false)
            Issue.record("a certificate from a CA the address did not name was accepted")
        } catch {
            #expect(error.code == .cannotOpen, "\(error.reason)")
        }
    }
}
