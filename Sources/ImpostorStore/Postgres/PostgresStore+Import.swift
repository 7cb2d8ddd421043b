import Foundation
import GRDB
import NIOCore
import PostgresNIO

extension PostgresStore {
    /// The tables a council's store holds, parents before children, so every reference finds its row.
    static let importOrder = [
        "scan_run", "source_run", "account", "snapshot", "image", "assessment", "case_file", "case_event", "draft",
        "submission", "case_report", "official_account", "intake_message",
    ]

    /// Copies a council's SQLite store into this one, ids and all, in one transaction: cases, decisions,
    /// their trails, snapshots, evidence and runs. Refused when this store already holds accounts (ids
    /// would collide); nothing is written then. Returns the rows copied per table.
    public func importCases(from sqlite: Store) async throws(StoreError) -> [(table: String, rows: Int)] {
        let applied = try sqlite.appliedMigrations()
        let missing = PostgresMigrations.names.prefix(4).filter { !applied.contains($0) }
        guard missing.isEmpty else {
            throw StoreError(.database, "the SQLite store lacks \(missing.joined(separator: ", ")): run `impostor migrate --db` on it first")
        }
        var tables: [(String, [Row])] = []
        for table in Self.importOrder {
            tables.append((table, try sqlite.read { db in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1") }))
        }
        return try await write("copy the SQLite store in") { conn in
            let held = try await conn.one("SELECT (SELECT count(*) FROM account) + (SELECT count(*) FROM scan_run) AS n",
                                          logger: logger)
            guard try held?.get("n") == 0 else {
                throw StoreError(.database, "\(address) already holds accounts or scans; a store is copied only into an empty one")
            }
            var copied: [(table: String, rows: Int)] = []
            for (table, rows) in tables {
                let types = try await conn.rows("""
                    SELECT column_name, data_type FROM information_schema.columns
                    WHERE table_schema = current_schema() AND table_name = \(table)
                    """, logger: logger).reduce(into: [String: String]()) { $0[try $1.get("column_name")] = try $1.get("data_type") }
                for row in rows {
                    let columns = row.columnNames.filter { types[$0] != nil }
                    var binds = PostgresBindings()
                    for column in columns {
                        try Self.bind(row, column, as: types[column] ?? "text", into: &binds)
                    }
                    let placeholders = (1...columns.count).map { "$\($0)" }.joined(separator: ", ")
                    try await conn.run(PostgresQuery(unsafeSQL: """
                        INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))
                        """, binds: binds), logger: logger)
                }
                if types["id"] != nil {
                    try await conn.run(PostgresQuery(unsafeSQL: """
                        SELECT setval(pg_get_serial_sequence('\(table)', 'id'), coalesce(max(id), 1), max(id) IS NOT NULL) FROM \(table)
                        """), logger: logger)
                }
                copied.append((table, rows.count))
            }
            return copied
        }
    }

    /// One SQLite value as the PostgreSQL column's type wants it.
    static func bind(_ row: Row, _ column: String, as type: String, into binds: inout PostgresBindings) throws {
        switch type {
        case "bigint", "integer":
            binds.append(row[column] as Int64?)
        case "double precision":
            binds.append(row[column] as Double?)
        case "boolean":
            binds.append(row[column] as Bool?)
        case "timestamp with time zone":
            binds.append(row[column] as Date?)
        case "bytea":
            binds.append((row[column] as Data?).map { ByteBuffer(bytes: $0) })
        default:
            binds.append(row[column] as String?)
        }
    }
}
