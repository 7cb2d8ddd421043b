import Foundation
import TestScratch
import ImpostorCore
import Testing

/// `impostor check` and `impostor score` hash the watchlist's logos once and keep the hashes in
/// the cache folder, keyed by the SHA-256 of the logo file; the real binary, real files.
@Suite(.serialized) struct LogoCacheCLITests {
    /// The imaging tests' clip-art logos.
    static func fixture(_ name: String) -> String {
        let path = #filePath
        return String(path[..<path.lastIndex(of: "/")!]) + "/../ImpostorImagingTests/Fixtures/" + name
    }

    /// A watchlist folder with one council whose logo is `crest.png` (a copy of `logo`), and an
    /// empty cache folder beside it.
    static func setUp(logo: String = "logo-a.png") throws -> (watchlist: String, cache: String) {
        let watchlist = try CLI.temporaryFolder([
            "elmfield-town-council.toml": "name = \"Elmfield Town Council\"\nlogos = [\"crest.png\"]\n"
        ])
        try FileManager.default.copyItem(atPath: fixture(logo), toPath: watchlist + "/crest.png")
        let cache = try CLI.temporaryFolder([:])
        return (watchlist, cache)
    }

    /// Runs the binary with the cache folder chosen by the environment, as systemd or a test sets it.
    static func run(_ arguments: [String], environment: [String: String?]) async throws -> CLI.Result {
        try await offPool { try runBlocking(arguments, environment: environment) }
    }

    private static func runBlocking(_ arguments: [String], environment: [String: String?]) throws -> CLI.Result {
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(
            status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }

    static func check(_ watchlist: String, cache: String) async throws -> CLI.Result {
        try await run(["check", "--watchlist", watchlist, "--verbose"], environment: ["IMPOSTOR_CACHE_DIR": cache])
    }

    /// Where the cache keeps the hashes of the file at `path`.
    static func cacheFile(for path: String, in cache: String) throws -> String {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        return "\(cache)/logos/\(ContentHash(of: bytes).hex).json"
    }

    static func modified(_ path: String) throws -> Date {
        try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
    }

    static let longAgo = Date(timeIntervalSince1970: 1_000_000_000)

    @Test func firstCheckWritesTheCacheAndTheSecondReusesIt() async throws {
        let (watchlist, cache) = try Self.setUp()
        let file = try Self.cacheFile(for: watchlist + "/crest.png", in: cache)

        let first = try await Self.check(watchlist, cache: cache)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("0 reused, 1 computed, 0 replaced"), "\(first.stdout)")
        #expect(FileManager.default.fileExists(atPath: file))
        // The printed hash is the one `impostor hash` gives for the same file.
        let hash = try await CLI.run(["hash", watchlist + "/crest.png"])
        let pdq = try #require(hash.stdout.split(separator: " ").first)
        #expect(first.stdout.contains("  logo crest.png: \(pdq) quality="), "\(first.stdout)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any]
        #expect((json?["forms"] as? [Any])?.count ?? 0 > 10)
        #expect(json?["sha256"] as? String == (file as NSString).lastPathComponent.replacingOccurrences(of: ".json", with: ""))

        // Date the file back: a second run that rewrote it would move the date forward.
        try FileManager.default.setAttributes([.modificationDate: Self.longAgo], ofItemAtPath: file)
        let second = try await Self.check(watchlist, cache: cache)
        #expect(second.status == 0)
        #expect(second.stdout.contains("1 reused, 0 computed, 0 replaced"), "\(second.stdout)")
        #expect(second.stdout.contains("(cache: reused)"))
        #expect(try Self.modified(file) == Self.longAgo)
        // Same hash either way.
        #expect(second.stdout.contains("  logo crest.png: \(pdq) quality="))
    }

    @Test(
        "a damaged or outdated cache file is ignored and rewritten",
        arguments: ["", "not json at all", "{\"version\": 1}", "__wrong version__", "__bad hex__"])
    func damagedCacheIsRewritten(content: String) async throws {
        let (watchlist, cache) = try Self.setUp()
        let file = try Self.cacheFile(for: watchlist + "/crest.png", in: cache)
        await #expect(try Self.check(watchlist, cache: cache).status == 0)
        let good = try String(contentsOfFile: file, encoding: .utf8)
        let damaged: String =
            switch content {
            // Written by an older version of the forms: the hashes might differ.
            case "__wrong version__": good.replacingOccurrences(of: "\"version\":", with: "\"version\":1")
            case "__bad hex__": good.replacingOccurrences(of: "\"pdq\":\"", with: "\"pdq\":\"zz")
            default: content
            }
        #expect(damaged != good)
        try damaged.write(toFile: file, atomically: true, encoding: .utf8)

        let r = try await Self.check(watchlist, cache: cache)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("0 reused, 0 computed, 1 replaced"), "\(r.stdout)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == good)
        await #expect(try Self.check(watchlist, cache: cache).stdout.contains("1 reused"))
    }

    @Test func changingTheLogoFileComputesItAgain() async throws {
        let (watchlist, cache) = try Self.setUp()
        let logo = watchlist + "/crest.png"
        let before = try await Self.check(watchlist, cache: cache)
        let oldFile = try Self.cacheFile(for: logo, in: cache)

        try FileManager.default.removeItem(atPath: logo)
        try FileManager.default.copyItem(atPath: Self.fixture("logo-b.png"), toPath: logo)
        let after = try await Self.check(watchlist, cache: cache)
        #expect(after.status == 0)
        #expect(after.stdout.contains("0 reused, 1 computed, 0 replaced"), "\(after.stdout)")
        let newFile = try Self.cacheFile(for: logo, in: cache)
        #expect(newFile != oldFile)
        #expect(FileManager.default.fileExists(atPath: newFile))
        let line = { (r: CLI.Result) in r.stdout.split(separator: "\n").first { $0.contains("logo crest.png") } }
        #expect(line(before) != line(after))
    }

    @Test func scoreFillsAndUsesTheSameCache() async throws {
        let (watchlist, cache) = try Self.setUp()
        let file = try Self.cacheFile(for: watchlist + "/crest.png", in: cache)
        let profiles = try CLI.temporaryFolder([
            "list.jsonl":
                "{\"platform\": \"x\", \"id\": \"1\", \"handle\": \"townnews\", \"display_name\": \"Town News\", \"avatar\": \"copy.png\"}\n"
        ])
        try FileManager.default.copyItem(atPath: Self.fixture("logo-a.png"), toPath: profiles + "/copy.png")

        let scored = try await Self.run(
            ["score", "--watchlist", watchlist, profiles + "/list.jsonl"], environment: ["IMPOSTOR_CACHE_DIR": cache])
        #expect(scored.status == 0, "\(scored.stderr)")
        #expect(FileManager.default.fileExists(atPath: file))
        #expect(scored.stdout.contains("\"logo\""), "the avatar is the crest: \(scored.stdout)")

        try FileManager.default.setAttributes([.modificationDate: Self.longAgo], ofItemAtPath: file)
        let again = try await Self.run(
            ["score", "--watchlist", watchlist, profiles + "/list.jsonl"], environment: ["IMPOSTOR_CACHE_DIR": cache])
        // The same judgement from cached hashes (key order in the JSON may differ).
        let detail = { (r: CLI.Result) in
            ((r.lines.first?["reasons"] as? [[String: Any]]) ?? []).compactMap { $0["detail"] as? String }
        }
        #expect(detail(again) == detail(scored))
        #expect(detail(again).contains { $0.contains("crest.png") })
        #expect(try Self.modified(file) == Self.longAgo)
        await #expect(try Self.check(watchlist, cache: cache).stdout.contains("1 reused"))
    }

    @Test func cacheFolderComesFromXDGOrTheOption() async throws {
        let (watchlist, cache) = try Self.setUp()
        let file = try Self.cacheFile(for: watchlist + "/crest.png", in: cache + "/impostor")
        let r = try await Self.run(
            ["check", "--watchlist", watchlist], environment: ["IMPOSTOR_CACHE_DIR": nil, "XDG_CACHE_HOME": cache])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: file))

        let chosen = try CLI.temporaryFolder([:])
        let o = try await Self.run(
            ["check", "--watchlist", watchlist, "--cache-dir", chosen, "-v"],
            environment: ["IMPOSTOR_CACHE_DIR": cache + "/elsewhere"])
        #expect(o.stdout.contains("logo cache \(chosen): 0 reused, 1 computed"), "\(o.stdout)")
        #expect(FileManager.default.fileExists(atPath: try Self.cacheFile(for: watchlist + "/crest.png", in: chosen)))
    }

    @Test func aCacheThatCannotBeWrittenIsAWarningNotAFailure() async throws {
        let (watchlist, cache) = try Self.setUp()
        // A plain file where the folder should be: nothing can be created under it.
        let blocked = cache + "/file"
        try "x".write(toFile: blocked, atomically: true, encoding: .utf8)
        let r = try await Self.check(watchlist, cache: blocked)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("1 council(s) OK"))
        #expect(r.stderr.contains("warning: cannot write the logo cache \(blocked)/logos/"), "\(r.stderr)")
    }

    @Test func flatLogoIsAWarning() async throws {
        let (watchlist, cache) = try Self.setUp()
        let flat = watchlist + "/crest.png"
        try FileManager.default.removeItem(atPath: flat)
        try TestPNG.write(width: 200, height: 200, to: flat) { x, y in
            // Near-blank: one faint line on pale grey.
            x == 100 ? (235, 235, 235) : (240, 240, 240)
        }
        let r = try await Self.check(watchlist, cache: cache)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("logo crest.png: pdq:"))
        #expect(r.stderr.contains("\(flat): warning: the logo of elmfield-town-council is too flat to match on"), "\(r.stderr)")
        #expect(r.stderr.contains("below 50"))
        // The flat logo is cached like any other.
        await #expect(try Self.check(watchlist, cache: cache).stdout.contains("1 reused"))
    }

    @Test func unreadableLogoIsAnErrorNamingTheFileAndCause() async throws {
        let (watchlist, cache) = try Self.setUp()
        let logo = watchlist + "/crest.png"
        try "<html>not found</html>".write(toFile: logo, atomically: true, encoding: .utf8)
        let r = try await Self.check(watchlist, cache: cache)
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(logo): error: the logo of elmfield-town-council cannot be read: not a JPEG, PNG"), "\(r.stderr)")
        #expect(!r.stdout.contains("council(s) OK"))
        let written = (try? FileManager.default.contentsOfDirectory(atPath: cache + "/logos")) ?? []
        #expect(written.isEmpty)

        // Score refuses the same watchlist with the same file named.
        let s = try await Self.run(["score", "--watchlist", watchlist, "-"], environment: ["IMPOSTOR_CACHE_DIR": cache])
        #expect(s.status == 2)
        #expect(s.stderr.contains(logo))
    }

    @Test func twoCouncilsSharingALogoIsAWarning() async throws {
        let (watchlist, cache) = try Self.setUp()
        try "name = \"Ashford Parish Council\"\nlogos = [\"ashford.png\"]\n"
            .write(toFile: watchlist + "/ashford-parish-council.toml", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: watchlist + "/crest.png", toPath: watchlist + "/ashford.png")
        let r = try await Self.check(watchlist, cache: cache)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning: the logo of elmfield-town-council is the same image as the logo of ashford-parish-council"), "\(r.stderr)")
        // One file's bytes, one cache entry.
        #expect(r.stdout.contains("1 reused, 1 computed"), "\(r.stdout)")
    }
}
