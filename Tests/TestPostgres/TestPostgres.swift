import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A private PostgreSQL server for one test process: `initdb` in a scratch folder, listening on
/// 127.0.0.1 at a free port and on a socket in that folder, stopped when the process exits. Each test
/// takes a database of its own. The superuser `impostor` signs in over TCP with a password (SCRAM), read
/// from a password file as a council's IT would keep it; over the socket it is trusted.
public final class TestPostgres: Sendable {
    public let port: Int
    public let folder: String
    public let passwordFile: String
    /// The CA that signed the server's certificate (for 127.0.0.1), for `sslrootcert=`.
    public let caFile: String
    let bin: String
    let asUser: [String]

    public enum Failure: Error, CustomStringConvertible {
        case missing(String)
        case command(String)
        public var description: String {
            switch self {
            case .missing(let s), .command(let s): s
            }
        }
    }

    /// The one server of this test process, started on first use.
    public static func shared() throws -> TestPostgres {
        try started.get()
    }

    private static let started: Result<TestPostgres, Failure> = Result { () throws(Failure) in try TestPostgres() }

    /// The folder of PostgreSQL's programs: `$PATH`'s initdb, else Debian's newest.
    static func programs() throws(Failure) -> String {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        where FileManager.default.isExecutableFile(atPath: "\(dir)/initdb") && FileManager.default.isExecutableFile(atPath: "\(dir)/pg_ctl") {
            // Debian links initdb into /usr/local/bin at most; its own folder has postgres beside it.
            let real = (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(dir)/initdb")) ?? "\(dir)/initdb"
            return (real as NSString).deletingLastPathComponent
        }
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .compactMap(Int.init).sorted()
        guard let newest = versions.last else {
            throw .missing("PostgreSQL's initdb was not found: scripts/install-deps installs Debian's postgresql")
        }
        return "/usr/lib/postgresql/\(newest)/bin"
    }

    init() throws(Failure) {
        bin = try Self.programs()
        // Its own folder under /tmp, not the scratch folder: the postgres user must be able to reach it.
        var template = Array("/tmp/impostor-postgres-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw .command("cannot make a folder for the test server") }
        folder = String(cString: made)
        // initdb refuses to run as root: the server runs as Debian's postgres user then.
        asUser = getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : []
        let password = "test-" + UUID().uuidString
        let pwfile = folder + "/superuser-password"
        FileManager.default.createFile(atPath: pwfile, contents: Data(password.utf8), attributes: [.posixPermissions: 0o600])
        // TLS as a real server offers it: a test CA, and a certificate for 127.0.0.1 that it signed.
        caFile = try Self.makeCA(in: folder, name: "impostor test CA")
        let ext = folder + "/san.ext"
        FileManager.default.createFile(atPath: ext, contents: Data("subjectAltName=IP:127.0.0.1\n".utf8))
        try Self.run(["/usr/bin/openssl", "req"] + Self.newKey + ["-keyout", folder + "/server.key", "-out", folder + "/server.csr",
                                                                 "-subj", "/CN=127.0.0.1"])
        try Self.run(["/usr/bin/openssl", "x509", "-req", "-in", folder + "/server.csr", "-CA", caFile, "-CAkey", folder + "/ca.key",
                      "-CAcreateserial", "-out", folder + "/server.pem", "-days", "2", "-extfile", ext])
        chmod(folder + "/server.key", 0o600)
        if getuid() == 0 {
            try Self.run(["/bin/chown", "-R", "postgres", folder])
        }
        try Self.run(asUser + ["\(bin)/initdb", "-D", folder + "/data", "-U", "impostor", "--pwfile", pwfile,
                               "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-sync"])
        port = Self.freePort()
        try Self.run(asUser + ["\(bin)/pg_ctl", "-D", folder + "/data", "-l", folder + "/server.log", "-w", "-t", "60",
                               "-o", "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1 -c fsync=off "
                                   + "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300 "
                                   + "-c ssl=on -c ssl_cert_file=\(folder)/server.pem -c ssl_key_file=\(folder)/server.key",
                               "start"])
        Self.removeAtExit = folder
        Self.stopAtExit = asUser + ["\(bin)/pg_ctl", "-D", folder + "/data", "-m", "immediate", "stop"]
        atexit {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: TestPostgres.stopAtExit[0])
            p.arguments = Array(TestPostgres.stopAtExit.dropFirst())
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try? p.run()
            p.waitUntilExit()
            try? FileManager.default.removeItem(atPath: TestPostgres.removeAtExit)
        }
        // The client's password file, this process's alone, in libpq's format.
        passwordFile = folder + "/pgpass"
        FileManager.default.createFile(atPath: passwordFile, contents: Data("127.0.0.1:\(port):*:impostor:\(password)\n".utf8),
                                       attributes: [.posixPermissions: 0o600])
    }

    nonisolated(unsafe) static var stopAtExit: [String] = []
    nonisolated(unsafe) static var removeAtExit = ""

    /// A new, empty database, and its address over TCP with the password file.
    public func database(_ hint: String = "t") throws -> String {
        let name = "\(hint.lowercased().filter { $0.isLetter || $0.isNumber }.prefix(20))_\(UUID().uuidString.prefix(8).lowercased())"
        try sql("CREATE DATABASE \"\(name)\"")
        return url(name)
    }

    public func url(_ database: String) -> String {
        "postgres://impostor@127.0.0.1:\(port)/\(database)?sslmode=disable&passfile=\(passwordFile)"
    }

    /// Runs SQL as the superuser over the socket with psql, and returns what it printed.
    @discardableResult
    public func sql(_ statement: String, database: String = "postgres") throws -> String {
        try Self.run(["\(bin)/psql", "-X", "-q", "-A", "-t", "-h", folder, "-p", "\(port)", "-U", "impostor", "-d", database,
                      "-v", "ON_ERROR_STOP=1", "-c", statement])
    }

    /// openssl's arguments for a new P-256 key, unencrypted.
    static let newKey = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]

    /// A new self-signed CA in `folder` (`ca.key`, `ca.pem`), valid two days; returns the certificate's path.
    public static func makeCA(in folder: String, name: String) throws(Failure) -> String {
        let certificate = folder + "/ca.pem"
        try run(["/usr/bin/openssl", "req", "-x509"] + newKey + ["-keyout", folder + "/ca.key", "-out", certificate, "-days", "2",
                                                                "-subj", "/CN=\(name)"])
        return certificate
    }

    /// Runs a program and returns what it printed. posix_spawn and waitpid, not Foundation's Process:
    /// Process waits for a descriptor that the server pg_ctl starts inherits, and so for ever. Output
    /// goes to a file for the same reason.
    @discardableResult
    static func run(_ argv: [String]) throws(Failure) -> String {
        let outPath = NSTemporaryDirectory() + "impostor-pg-out-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else of the test process reaches the server: it would hold the test servers' pipes
        // open, and they would never see their stdin close.
        // glibc 2.34 has the call; Swift's Glibc module does not declare it.
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            throw .command("this C library cannot close a child's inherited descriptors (glibc 2.34 or later needed)")
        }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for a in cArgs { free(a) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, &cArgs, environ)
        guard spawned == 0 else { throw .command("\(argv[0]) did not start: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        guard exitCode == 0 else {
            throw .command("\((argv.first { $0.contains("/bin/") } ?? argv[0])) failed "
                + "(\(exitCode)): \(text.suffix(2000))")
        }
        return text
    }
    /// A port nothing listens on now: bound to 0, read, closed.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) }
        }
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}
