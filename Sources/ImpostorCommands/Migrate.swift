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
                """)

        @Option(help: ArgumentHelp("The case store (a SQLite file).", valueName: "file"))
        var db: String

        func run() async throws {
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
    }
}
