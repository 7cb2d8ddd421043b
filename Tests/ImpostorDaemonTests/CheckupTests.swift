import Foundation
import ImpostorCore
import ImpostorStore
import TestScratch
import Testing

@testable import ImpostorDaemon

/// The parts of `impostor doctor` that the command-line tests cannot reach on this machine: systemd's
/// answer about the timer, a full disk, a store an older version left, and secrets that cannot be read.
@Suite struct CheckupTests {
    /// A program that answers `is-enabled` as systemctl does, for the unit names it is given.
    static func systemctl(_ states: [String: String]) throws -> String {
        let path = Scratch.path("systemctl")
        let cases = states.map { "  \($0.key)) echo \($0.value) ;;" }.joined(separator: "\n")
        try "#!/bin/sh\ncase \"$2\" in\n\(cases)\n  *) echo not-found; exit 1 ;;\nesac\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    func checkup(systemctl: String?) -> Checkup {
        Checkup(watchlistDirectory: Scratch.path("none"), database: nil, cacheDirectory: Scratch.path("cache"), systemctl: systemctl)
    }

    @Test func theTimerOrTheDaemonMustBeEnabled() throws {
        let off = checkup(systemctl: try Self.systemctl(["impostor-scan.timer": "disabled", "impostor.service": "disabled"])).timer()
        #expect(off.map(\.status) == [.problem] && off.first?.fix == "systemctl enable --now impostor-scan.timer")
        #expect(off.first?.message.contains("(timer: disabled)") == true)
        let timer = checkup(systemctl: try Self.systemctl(["impostor-scan.timer": "enabled"])).timer()
        #expect(timer.map(\.status) == [.ok])
        let daemon = checkup(systemctl: try Self.systemctl(["impostor-scan.timer": "disabled", "impostor.service": "enabled"])).timer()
        #expect(daemon.map(\.status) == [.ok] && daemon.first?.message.contains("daemon") == true)
        #expect(checkup(systemctl: nil).timer().map(\.status) == [.note])
    }

    @Test func aNearlyFullDiskAndAStoreFromAnOlderVersionAreProblems() throws {
        let path = Scratch.path("store") + ".sqlite"
        _ = try Store.open(path: path)
        var c = checkup(systemctl: nil)
        c.minimumFreeBytes = .max
        let items = c.store(path: path, settings: nil)
        #expect(items.contains { $0.topic == "disk" && $0.status == .problem }, "\(items)")
        #expect(items.contains { $0.topic == "store" && $0.status == .ok })
        #expect(items.contains { $0.topic == "last scan" && $0.status == .note })

        // An older version's store: the newest change it knows of is undone in its migrations table.
        let health = try Store.inspect(path: path)
        #expect(health.pending.isEmpty && !health.applied.isEmpty)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.environment["IMPOSTOR_PYTHON"] ?? "/usr/bin/python3")
        sqlite.arguments = ["-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('delete from grdb_migrations where identifier=?', (sys.argv[2],)); c.commit()",
                            path, health.applied.last!]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        let older = c.store(path: path, settings: nil)
        #expect(older.contains { $0.topic == "store" && $0.status == .problem && $0.fix == "sudo -u impostor impostor migrate --db \(path)" }, "\(older)")
    }

    @Test func aMissingOrUnreadableSecretIsAProblem() throws {
        let missing = Checkup.secret(Scratch.path("missing-key"))
        #expect(missing.status == .problem && missing.message == "does not exist")
        let folder = Scratch.path("folder")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(Checkup.secret(folder).message == "is not a regular file")
        let open = Scratch.path("key")
        try "k\n".write(toFile: open, atomically: true, encoding: .utf8)
        chmod(open, 0o640)
        let item = Checkup.secret(open)
        #expect(item.status == .problem && item.fix == "chmod 600 \(open)" && item.message.contains("mode 640"))
    }
}
