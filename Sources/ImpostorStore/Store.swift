#if canImport(Glibc)
import Glibc
#endif
import Foundation
import GRDB

/// The case store: scan runs, accounts, snapshots, assessments, cases and their audit trail, in one
/// SQLite file. Every write is one transaction, so a crash or a kill -9 leaves either all of a change
/// or none of it.
public final class Store: CaseStore {
    /// `DatabasePool` on disk (WAL: the review page reads while a scan writes), `DatabaseQueue` in memory.
    let writer: any DatabaseWriter

    /// The file the store lives in, or nil in memory.
    public let path: String?

    public var location: String { path ?? "memory" }
    public var casePerCouncil: Bool { false }

    init(writer: any DatabaseWriter, path: String?, migrate: Bool = true) throws {
        self.writer = writer
        self.path = path
        guard migrate else { return }
        // Two processes opening a new file (a scan and the review page) would both see no migration
        // applied and both try to run v1. An flock on the file's folder serialises them. Never on the
        // database file itself: closing any descriptor of that file drops SQLite's fcntl locks.
        let folder = path.map { ($0 as NSString).deletingLastPathComponent }.map { $0.isEmpty ? "." : $0 }
        let fd = folder.map { Glibc.open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) } ?? -1
        if fd >= 0 {
            while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
        }
        defer {
            if fd >= 0 {
                flock(fd, LOCK_UN)
                close(fd)
            }
        }
        try Migrations.migrator.migrate(writer)
    }

    /// Opens (creating if needed) the store at `path`, then runs any migrations it has not seen.
    public static func open(path: String) throws(StoreError) -> Store {
        // SQLite writes `-wal`, `-shm` and `-journal` beside the file: it must be a regular file (or
        // not exist yet) in a folder, never a folder or a device such as /dev/null.
        var st = stat()
        if stat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR {
                throw StoreError(.cannotOpen, "the case store \(path) is a folder; name a file, e.g. \(path)/impostor.sqlite")
            }
            if (st.st_mode & S_IFMT) != S_IFREG {
                throw StoreError(.cannotOpen, "the case store \(path) is not a regular file (a device or a pipe); name a file such as ~/.local/state/impostor/impostor.sqlite")
            }
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError(.cannotOpen, "cannot create the folder \(folder): \(error.localizedDescription)")
            }
        }
        do {
            // Two processes creating the same new file race to switch it to WAL, and SQLite answers the
            // loser "busy" without waiting; a second try finds the work done.
            var attempt = 0
            while true {
                do {
                    return try Store(writer: DatabasePool(path: path, configuration: configuration()), path: path)
                } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempt < 20 {
                    attempt += 1
                    Thread.sleep(forTimeInterval: 0.1)
                }
            }
        } catch let error as DatabaseError {
            throw StoreError.wrapping(error, doing: "open the case store at \(path)")
        } catch {
            throw StoreError(.cannotOpen, "cannot open the case store at \(path): \(error)")
        }
    }

    /// A store that lives only as long as the value: for unit tests of logic.
    public static func inMemory() throws(StoreError) -> Store {
        do {
            return try Store(writer: DatabaseQueue(configuration: configuration()), path: nil)
        } catch {
            throw StoreError(.cannotOpen, "cannot open an in-memory store: \(error)")
        }
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        // A scan and the review page share the file: wait for each other's locks instead of failing.
        config.busyMode = .timeout(15)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            // In WAL mode NORMAL keeps every commit atomic and the file intact through kills and crashes;
            // only a power cut can lose the last commits. FULL would fsync each profile a scan stores.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        config.label = "impostor.store"
        return config
    }

    /// Where the store lives by default: systemd's StateDirectory, else the XDG state folder.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let state = environment["STATE_DIRECTORY"], !state.isEmpty {
            // systemd may list several folders separated by colons; the first is ours.
            let first = state.split(separator: ":").first.map(String.init) ?? state
            return first + "/impostor.sqlite"
        }
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            return xdg + "/impostor/impostor.sqlite"
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/state/impostor/impostor.sqlite"
    }

    /// SQLite's own consistency check: "ok" when the file is intact.
    public func integrityCheck() throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    /// The names of the migrations applied, oldest first.
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read { db in try Migrations.migrator.appliedMigrations(db) }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(body)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError.wrapping(error, doing: "read the case store")
        } catch {
            throw StoreError(.database, "reading the case store failed: \(error)")
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.write(body)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError.wrapping(error, doing: "write to the case store")
        } catch {
            throw StoreError(.database, "writing to the case store failed: \(error)")
        }
    }
}
