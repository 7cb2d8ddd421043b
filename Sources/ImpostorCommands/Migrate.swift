import ArgumentParser
import Foundation
import ImpostorStore

extension Impostor {
    /// `impostor migrate`: brings a case store's tables up to this version's.
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Brings the case store up to this version (the package runs it on upgrade).",
            discussion: """
                Every command that opens the store does this too; running it on its own, as the store's \
                owner, means an upgrade changes the file once, at a time IT chooses, and says what it did. \
                Nothing is removed: each change only adds tables or columns, in one transaction.

                With --from and --to it moves a council's SQLite store into a PostgreSQL one, for a county \
                association taking the council on: every case, decision, trail, snapshot, piece of evidence \
                and scan, ids and all, in one transaction. The PostgreSQL store must hold no accounts yet; the \
                SQLite file is only read.
                """)

        @Option(help: ArgumentHelp("The case store (a SQLite file or postgres://…).", valueName: "store"))
        var db: String?

        @Option(help: ArgumentHelp("A council's SQLite store to move into --to.", valueName: "file"))
        var from: String?

        @Option(help: ArgumentHelp("The PostgreSQL store to move --from into: postgres://USER@HOST/DATABASE.", valueName: "url"))
        var to: String?

        func validate() throws {
            switch (db, from, to) {
            case (_?, nil, nil), (nil, _?, _?): break
            default: throw ValidationError("give --db STORE, or both --from FILE and --to postgres://…")
            }
        }

        func run() async throws {
            if let from, let to { return try await move(from: from, to: to) }
            guard let db else { return }
            if PostgresAddress.isPostgres(db) {
                do {
                    let store = try await PostgresStore.open(try PostgresAddress(parsing: db))
                    Console.out("\(store.location): up to date (\(try await store.appliedMigrations().count) changes applied)")
                    await store.close()
                } catch {
                    Console.error("impostor: \(error.reason)")
                    throw ExitCode(ExitCodes.store)
                }
                return
            }
            let before: [String]
            if FileManager.default.fileExists(atPath: db) {
                do {
                    let health = try Store.inspect(path: db)
                    guard health.isIntact else {
                        Console.error("impostor: \(db) is damaged (\(health.integrity.prefix(3).joined(separator: "; "))); nothing was changed")
                        throw ExitCode(ExitCodes.store)
                    }
                    before = health.applied
                } catch let error as StoreError {
                    Console.error("impostor: \(error.reason)")
                    throw ExitCode(ExitCodes.store)
                }
            } else {
                before = []
            }
            let store: Store
            do {
                store = try Store.open(path: db)
            } catch {
                Console.error("impostor: \(error.reason)")
                throw ExitCode(ExitCodes.store)
            }
            let after = (try? store.appliedMigrations()) ?? []
            let added = after.filter { !before.contains($0) }
            if added.isEmpty {
                Console.out("\(db): up to date (\(after.count) changes applied)")
            } else {
                Console.out("\(db): applied \(added.count) change(s):")
                for name in added { Console.out("  \(name)") }
            }
        }
    
        func move(from: String, to: String) async throws {
            guard FileManager.default.fileExists(atPath: from) else {
                Console.error("impostor: \(from) does not exist")
                throw ExitCode(ExitCodes.store)
            }
            do {
                let source = try Store.open(path: from)
                let target = try await PostgresStore.open(try PostgresAddress(parsing: to))
                let copied = try await target.importCases(from: source)
                await target.close()
                Console.out("\(from) → \(target.location):")
                for (table, rows) in copied where rows > 0 { Console.out("  \(table): \(rows)") }
            } catch {
                Console.error("impostor: \(error.reason); nothing was copied")
                throw ExitCode(ExitCodes.store)
            }
        }
    }
}
