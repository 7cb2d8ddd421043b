import Foundation
import ImpostorCore
import ImpostorStore
import Testing

/// A watchlist folder with a listing source, a database path and helpers to start `impostor scan`.
struct ScanFixture {
    let folder: String
    var watchlist: String { folder + "/watchlist" }
    var database: String { folder + "/state/impostor.sqlite" }

    /// `profiles` suspects ("Oakbridge Town Council 1", ...) plus a few clear accounts, in a JSON-lines listing.
    init(suspects: Int, clear: Int = 3, settings: String = "", profileURL: (Int) -> String = { "https://www.facebook.com/fake\($0)" }) throws {
        folder = CLI.scratchPath("scan")
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder + "/watchlist", withIntermediateDirectories: true)
        let repo = FileManager.default.currentDirectoryPath
        for file in ["oakbridge-town-council.toml", "oakbridge-town-council-logo.png"] {
            try fm.copyItem(atPath: "\(repo)/watchlist/\(file)", toPath: "\(folder)/watchlist/\(file)")
        }
        var lines: [String] = []
        for i in 0..<suspects {
            lines.append(#"{"platform":"facebook","id":"fake\#(i)","handle":"oakbridge.tc.\#(i)","display_name":"Oakbridge Town Counciⅼ \#(i)","bio":"Official page of Oakbridge Town Council. Apply for your council grant here.","url":"\#(profileURL(i))"}"#)
        }
        for i in 0..<clear {
            lines.append(#"{"platform":"facebook","id":"bakery\#(i)","handle":"bakery\#(i)","display_name":"Crumbs Bakery \#(i)","bio":"Fresh bread daily","url":"https://www.facebook.com/bakery\#(i)"}"#)
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: folder + "/listing.jsonl", atomically: true, encoding: .utf8)
        try """
            database = "\(folder)/state/impostor.sqlite"
            \(settings)

            [[source]]
            kind = "listing"
            path = "\(folder)/listing.jsonl"

            """.write(toFile: folder + "/watchlist/impostor.toml", atomically: true, encoding: .utf8)
    }

    /// A fixture whose listing one scan, without a digest, has already put in its SQLite store.
    static func scanned(suspects: Int) async throws -> ScanFixture {
        let fixture = try ScanFixture(suspects: suspects)
        let scan = try await CLI.run(fixture.arguments(["--no-digest"]))
        #expect(scan.status == 0, "\(scan.stderr)")
        return fixture
    }

    func arguments(_ extra: [String] = []) -> [String] {
        ["scan", "--watchlist", watchlist, "--cache", folder + "/cache"] + extra
    }

    /// Starts a scan without waiting for it; its output goes to files the test reads afterwards.
    func start(_ extra: [String] = []) throws -> (Process, CLI.OutputFile, CLI.OutputFile) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = arguments(extra)
        p.environment = CLI.environment
        let out = try CLI.OutputFile(), err = try CLI.OutputFile()
        p.standardOutput = out.handle
        p.standardError = err.handle
        try p.run()
        return (p, out, err)
    }

    /// Polls the store until `condition` holds, or five minutes pass: a deadline that only ends a hang,
    /// as a loaded CI machine can be many times slower than a quiet one. Opens the store once: opening
    /// runs migrations, which would compete with the scan for the write lock on every poll.
    func waitFor(seconds: Double = 300, _ condition: (Store) throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var store: Store?
        while Date() < deadline {
            if store == nil, FileManager.default.fileExists(atPath: database + ".lock") {
                store = try? Store.open(path: database)
            }
            if let store, (try? condition(store)) == true { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}
