import Foundation
import GRDB

/// What `impostor doctor` reads of a store without changing it.
public struct StoreHealth: Sendable {
    /// SQLite's `integrity_check`: ["ok"] when the file is intact.
    public var integrity: [String]
    /// Migrations the file has, and those this version would still apply (`impostor migrate`).
    public var applied: [String]
    public var pending: [String]
    /// The newest scan, if any ran.
    public var lastRun: ScanRun?

    public var isIntact: Bool { integrity == ["ok"] }
}

extension Store {
    /// Opens the store read-only, runs no migration, and reports on it: safe while a scan writes,
    /// and as root it leaves no file owned by root beside the impostor user's store.
    public static func inspect(path: String) throws(StoreError) -> StoreHealth {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.cannotOpen, "there is no case store at \(path) yet (the first scan makes it)")
        }
        var config = configuration()
        config.readonly = true
        let store: Store
        do {
            store = try Store(writer: DatabaseQueue(path: path, configuration: config), path: path, migrate: false)
        } catch let error as DatabaseError {
            throw StoreError.wrapping(error, doing: "open the case store at \(path)")
        } catch {
            throw StoreError(.cannotOpen, "cannot open the case store at \(path): \(error)")
        }
        let integrity = try store.integrityCheck()
        let applied = try store.read { db in
            try db.tableExists("grdb_migrations") ? try Migrations.migrator.appliedMigrations(db) : []
        }
        let pending = Migrations.migrator.migrations.filter { !applied.contains($0) }
        // An old file may not have the runs table yet.
        let hasRuns = try store.read { db in try db.tableExists("scan_run") }
        return StoreHealth(integrity: integrity, applied: applied, pending: pending,
                           lastRun: hasRuns ? try store.recentRuns(limit: 1).first : nil)
    }
}
