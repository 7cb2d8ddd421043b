import Foundation
import GRDB
import ImpostorCore
import Testing
@testable import ImpostorStore

@Suite("The store migrates and keeps its file intact")
struct MigrationTests {
    @Test func anEmptyFileGetsEveryMigration() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/sub/impostor.sqlite"
        let store = try Store.open(path: path)
        #expect(try store.appliedMigrations().count == 4)
        #expect(try store.integrityCheck() == ["ok"])
        // Opening again runs nothing twice and loses nothing.
        _ = try store.record(Fixture.observation(Fixture.profile("x", name: "Oakbridge Town Council")), run: nil, version: "t")
        let again = try Store.open(path: path)
        #expect(try again.cases().count == 1)
    }

    @Test func aVersionOneDatabaseKeepsItsCasesAndDecisions() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/old.sqlite"
        // Build the previous schema with the real v1 migration, and fill it as a v1 impostor would have.
        do {
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator.migrate(queue, upTo: "v1: runs, accounts, snapshots, assessments, cases")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO account (id, platform, stable_id, url, first_seen, last_seen)
                      VALUES (1, 'x', '123', 'https://x.com/0akbridgeTC', '2026-01-01 10:00:00.000', '2026-01-02 10:00:00.000');
                    INSERT INTO snapshot (id, account_id, handle, display_name, bio, url, first_seen, last_seen)
                      VALUES (1, 1, '0akbridgeTC', 'Oakbridge Town Council', 'Grants!', 'https://x.com/0akbridgeTC',
                              '2026-01-01 10:00:00.000', '2026-01-02 10:00:00.000');
                    INSERT INTO case_file (id, account_id, identity, status, score, opened_at, updated_at, decided_snapshot_id)
                      VALUES (1, 1, 'oakbridge-town-council', 'confirmed', 0.97, '2026-01-01 10:00:00.000', '2026-01-02 09:00:00.000', 1);
                    INSERT INTO case_event (case_id, at, actor, action, from_status, to_status)
                      VALUES (1, '2026-01-02 09:00:00.000', 'jane', 'confirm', 'new', 'confirmed');
                    """)
            }
        }
        let store = try Store.open(path: path)
        #expect(try store.appliedMigrations().count == 4)
        let detail = try #require(try store.caseDetail(1))
        #expect(detail.summary.status == .confirmed && detail.summary.handle == "0akbridgeTC")
        #expect(detail.events.map(\.actor) == ["jane"])
        // The new column works on the old rows.
        try store.decide(1, .reported, actor: "jane")
        #expect(try store.caseDetail(1)?.summary.status == .reported)
        #expect(try store.integrityCheck() == ["ok"])
    }

    /// An older impostor kept whatever bytes a feed's avatar path named; v3 keeps only pictures.
    @Test func storedBytesThatAreNoPictureAreDroppedByVersionThree() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/v2.sqlite"
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        do {
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator.migrate(queue, upTo: "v2: snoozes, drafts, submissions")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO account (id, platform, stable_id, url, first_seen, last_seen)
                      VALUES (1, 'x', '1', 'u', '2026-01-01 10:00:00.000', '2026-01-01 10:00:00.000');
                    INSERT INTO image (sha256, bytes, stored_at) VALUES ('passwd', CAST('root:x:0:0:root' AS BLOB), '2026-01-01 10:00:00.000');
                    INSERT INTO image (sha256, bytes, stored_at) VALUES ('png', ?, '2026-01-01 10:00:00.000');
                    INSERT INTO snapshot (id, account_id, handle, display_name, bio, url, avatar_image, first_seen, last_seen)
                      VALUES (1, 1, 'a', 'A', '', 'u', 'passwd', '2026-01-01 10:00:00.000', '2026-01-01 10:00:00.000'),
                             (2, 1, 'b', 'B', '', 'u', 'png', '2026-01-01 10:00:00.000', '2026-01-01 10:00:00.000');
                    """, arguments: [Data(png)])
            }
        }
        let store = try Store.open(path: path)
        #expect(try store.image(sha256: "passwd") == nil)
        #expect(try store.image(sha256: "png") == png)
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func twoOpenersOfANewFileBothGetAMigratedStore() async throws {
        for round in 0..<10 {
            let folder = TemporaryFolder()
            let path = folder.path + "/race-\(round).sqlite"
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        let applied = try Store.open(path: path).appliedMigrations()
                        #expect(applied.count == 4)
                    }
                }
                try await group.waitForAll()
            }
        }
    }

    @Test func aFileThatIsNotADatabaseGivesAClearError() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/garbage.sqlite"
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreError.self) { try Store.open(path: path) }
        #expect(error?.code == .corrupt)
        #expect(error?.reason.contains(path) == true)
    }

    @Test func theDefaultPathFollowsSystemdThenXDG() {
        #expect(Store.defaultPath(environment: ["STATE_DIRECTORY": "/var/lib/impostor"]) == "/var/lib/impostor/impostor.sqlite")
        #expect(Store.defaultPath(environment: ["XDG_STATE_HOME": "/home/jane/.state", "HOME": "/home/jane"])
                == "/home/jane/.state/impostor/impostor.sqlite")
        #expect(Store.defaultPath(environment: ["HOME": "/home/jane"]) == "/home/jane/.local/state/impostor/impostor.sqlite")
    }

    @Test func aReaderSeesCommittedCasesWhileAWriterIsBusy() async throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/shared.sqlite"
        let writer = try Store.open(path: path)
        let reader = try Store.open(path: path)
        _ = try writer.record(Fixture.observation(Fixture.profile("seed", name: "Oakbridge Town Council")), run: nil, version: "t")
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for i in 0..<200 {
                    _ = try writer.record(Fixture.observation(Fixture.profile("p\(i)", name: "Oakbridge TC \(i)")),
                                          run: nil, version: "t")
                }
            }
            group.addTask {
                var last = 0
                for _ in 0..<200 {
                    let n = try reader.cases(CaseFilter(limit: 10_000)).count
                    #expect(n >= last)
                    last = n
                }
            }
            try await group.waitForAll()
        }
        #expect(try reader.cases(CaseFilter(limit: 10_000)).count == 201)
        #expect(try reader.integrityCheck() == ["ok"])
    }
}
