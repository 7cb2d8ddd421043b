#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A PostgreSQL database, as `database = "postgres://user@host:port/db?sslmode=verify-full"` names it.
///
/// The password never travels in the address (it would show in `ps`, shell history and logs): it comes
/// from `passfile=` in the address, else `PGPASSFILE`, else `~/.pgpass`, in libpq's format.
public struct PostgresAddress: Sendable, Hashable, CustomStringConvertible {
    public enum Endpoint: Sendable, Hashable {
        case tcp(host: String, port: Int)
        /// The folder holding the server's socket (libpq's `host=/run/postgresql`) and its port.
        case socket(folder: String, port: Int)
    }

    /// libpq's `sslmode`, less `allow` (which only downgrades).
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        case disable
        /// TLS when the server offers it: libpq's default, and ours.
        case prefer
        /// Encrypted, the certificate not checked.
        case require
        /// Encrypted, the certificate checked against `sslrootcert` (or the system's), not the name.
        case verifyCA = "verify-ca"
        /// Encrypted, the certificate and the host name checked.
        case verifyFull = "verify-full"
    }

    public var endpoint: Endpoint
    public var user: String
    public var database: String
    public var tls: TLSMode
    /// A CA certificate (PEM) to check the server's against, instead of the system's.
    public var rootCertificate: String?
    /// Where the password is read from, when the address names a file.
    public var passwordFile: String?

    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init(parsing text: String) throws(StoreError) {
        func bad(_ why: String) -> StoreError {
            StoreError(.cannotOpen, "the database address is not usable: \(why) "
                + "(expected postgres://USER@HOST[:PORT]/DATABASE[?sslmode=verify-full])")
        }
        guard Self.isPostgres(text), let parts = URLComponents(string: text) else {
            throw bad("it does not start with postgres:// or is not a URL")
        }
        if parts.password != nil {
            // Said without echoing the address: it holds the password.
            throw StoreError(.cannotOpen, "the database address carries a password, which would show in logs and in "
                + "`ps`; remove it and put it in a password file (passfile=PATH in the address, PGPASSFILE, or ~/.pgpass)")
        }
        guard let user = parts.user, !user.isEmpty else { throw bad("it names no user (postgres://USER@…)") }
        let database = String(parts.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else { throw bad("it names no database (…/DATABASE)") }
        var query: [String: String] = [:]
        for item in parts.queryItems ?? [] {
            guard let value = item.value else { throw bad("\(item.name) has no value") }
            query[item.name] = value
        }
        let known: Set = ["sslmode", "sslrootcert", "host", "port", "passfile"]
        if let unknown = query.keys.sorted().first(where: { !known.contains($0) }) {
            throw bad("\(unknown)= is not a setting impostor knows (it knows \(known.sorted().joined(separator: ", ")))")
        }
        let port = try query["port"].map { p throws(StoreError) -> Int in
            guard let n = Int(p), (1...65535).contains(n) else { throw bad("port \(p) is not a port number") }
            return n
        } ?? parts.port ?? 5432
        if let folder = query["host"] {
            guard folder.hasPrefix("/") else { throw bad("host= names a socket folder, which must be absolute") }
            endpoint = .socket(folder: folder, port: port)
        } else {
            guard let host = parts.host, !host.isEmpty else { throw bad("it names no host (postgres://USER@HOST/…)") }
            endpoint = .tcp(host: host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port: port)
        }
        let mode = query["sslmode"] ?? TLSMode.prefer.rawValue
        guard let tls = TLSMode(rawValue: mode) else {
            throw bad("sslmode=\(mode) is not one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.user = user.removingPercentEncoding ?? user
        self.database = database.removingPercentEncoding ?? database
        self.tls = tls
        rootCertificate = query["sslrootcert"]
        passwordFile = query["passfile"]
    }

    /// The address without secrets (it never holds one), for logs and errors.
    public var description: String {
        switch endpoint {
        case .tcp(let host, let port):
            let shown = host.contains(":") ? "[\(host)]" : host
            return "postgres://\(user)@\(shown):\(port)/\(database)" + (tls == .prefer ? "" : "?sslmode=\(tls.rawValue)")
        case .socket(let folder, let port):
            return "postgres://\(user)@/\(database)?host=\(folder)" + (port == 5432 ? "" : "&port=\(port)")
        }
    }

    /// The socket file itself, for a socket endpoint.
    var socketPath: String? {
        guard case .socket(let folder, let port) = endpoint else { return nil }
        return folder + "/.s.PGSQL.\(port)"
    }

    /// The password for this address from the password file, or nil when there is none (the server may
    /// not ask: peer or trust authentication).
    func password(environment: [String: String] = ProcessInfo.processInfo.environment) throws(StoreError) -> String? {
        let named = passwordFile ?? environment["PGPASSFILE"]
        let path = named ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.pgpass"
        var st = stat()
        guard stat(path, &st) == 0 else {
            if named != nil { throw StoreError(.cannotOpen, "the database password file \(path) does not exist") }
            return nil
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw StoreError(.cannotOpen, "the database password file \(path) is not a regular file")
        }
        // libpq ignores a password file others can read; impostor refuses it, saying how to mend it.
        guard st.st_mode & 0o077 == 0 else {
            throw StoreError(.cannotOpen, "the database password file \(path) can be read by others: chmod 600 \(path)")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw StoreError(.cannotOpen, "the database password file \(path) cannot be read by this user")
        }
        let (host, port): (String, Int) = switch endpoint {
        case .tcp(let h, let p): (h, p)
        case .socket(_, let p): ("localhost", p)
        }
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = Self.pgpassFields(String(line))
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// One line of a password file: five fields split at colons, `\:` and `\\` escaped.
    static func pgpassFields(_ line: String) -> [String] {
        var fields: [String] = [], field = "", escaped = false
        for ch in line {
            if escaped {
                field.append(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == ":" && fields.count < 4 {
                fields.append(field)
                field = ""
            } else {
                field.append(ch)
            }
        }
        fields.append(field)
        return fields
    }
}
