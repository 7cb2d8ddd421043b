import ArgumentParser
import Foundation
import ImpostorDaemon
import ImpostorStore
import Logging

/// `--db`: where the case store lives.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The case store: a SQLite file (serve, status, review, decide, add and intake also take a shared postgres://… store). Default: `database` in impostor.toml, else $STATE_DIRECTORY/impostor.sqlite under systemd, else ~/.local/state/impostor/impostor.sqlite.",
        valueName: "file"))
    var db: String?

    func path(settings: DaemonSettings?) -> String {
        db ?? settings?.database ?? Store.defaultPath()
    }

    /// Opens the store, or exits 3 with the reason. A command that only reads cases (`existing`) never makes a
    /// store at a path someone named: a mistyped --db would show an empty queue and say nothing was waiting.
    func open(settings: DaemonSettings?, existing: Bool = false) throws -> Store {
        let path = path(settings: settings)
        if existing { try requireExisting(path, settings: settings) }
        if PostgresAddress.isPostgres(path) {
            Console.error("impostor: this command works on a SQLite store; a PostgreSQL store is scanned by "
                + "`impostor worker`")
            throw ExitCode(ExitCodes.configuration)
        }
        do {
            return try Store.open(path: path)
        } catch {
            Console.error("impostor: \(error.reason)")
            throw ExitCode(ExitCodes.store)
        }
    }
}

extension StoreOptions {
    /// Runs `body` on the store, a SQLite file or a shared PostgreSQL one, and closes a shared store
    /// after it. A shared store is read as its administrator: whoever can reach the database can read
    /// all of it, and the commands that use this are run by the association's IT on its own machine.
    func withCaseStore<T>(settings: DaemonSettings?, existing: Bool = false, _ body: (any CaseStore) async throws -> T) async throws -> T {
        let path = path(settings: settings)
        guard PostgresAddress.isPostgres(path) else { return try await body(try open(settings: settings, existing: existing)) }
        let store = try await SharedStore.open(path)
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}

extension StoreOptions {
    /// Exits 3 when a store named by --db or `database` is not there. The default store may not exist yet: before
    /// the first scan, there is simply nothing to show.
    func requireExisting(_ path: String, settings: DaemonSettings?) throws {
        guard db != nil || settings?.database != nil, !PostgresAddress.isPostgres(path), !FileManager.default.fileExists(atPath: path)
        else { return }
        let named = db != nil ? "--db" : "`database` in impostor.toml"
        Console.error("impostor: there is no case store at \(Terminal.message(path)), which \(named) names; check the path "
            + "(a scan makes the store)")
        throw ExitCode(ExitCodes.store)
    }
}

/// Opening a shared (PostgreSQL) store, for the commands that take one.
enum SharedStore {
    /// Connects and migrates, or exits 3 with the reason.
    static func open(_ url: String, worker: String? = nil, logger: Logger = Logger(label: "impostor.store")) async throws
        -> PostgresStore
    {
        do {
            return try await PostgresStore.open(try PostgresAddress(parsing: url), worker: worker, logger: logger)
        } catch {
            Console.error("impostor: \(error.reason)")
            throw ExitCode(ExitCodes.store)
        }
    }
}

/// Exit codes systemd and scripts can tell apart.
enum ExitCodes {
    /// Some sources failed; everything else was stored.
    static let partial: Int32 = 1
    /// The watchlist or settings are wrong.
    static let configuration: Int32 = 2
    /// The case store cannot be opened or written.
    static let store: Int32 = 3
    /// Another scan holds the lock.
    static let busy: Int32 = 4
    /// Stopped by SIGTERM or SIGINT; the run is recorded as interrupted.
    static let interrupted: Int32 = 143
}

/// `--verbose` and `--quiet`, shared by the long-running commands.
struct LogOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Log each source, case and decision as it happens.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Log only warnings and errors.")
    var quiet = false

    func validate() throws {
        if verbose && quiet { throw ValidationError("--verbose and --quiet cannot be used together") }
    }
}
