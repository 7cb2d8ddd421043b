import Foundation
import ImpostorStore
import TestScratch
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A platform API stand-in on 127.0.0.1 that answers every request with the status and JSON body
/// the test sets: enough for the one request `impostor doctor` sends each source.
final class CannedAPI: StateServer {
    static let script = #"""
        import http.server, json, sys, threading, os
        state_file = sys.argv[1]
        class H(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                with open(state_file) as f: state = json.load(f)
                data = json.dumps(state["body"]).encode()
                self.send_response(state["status"])
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            def log_message(self, *a): pass
        \#(TestServerScript.serveUntilStdinCloses)
        """#

    init(status: Int, body: [String: Any]) throws {
        try super.init(script: Self.script, state: ["status": status, "body": body])
    }

    /// channels.list with no channel: the shape of a YouTube Data API v3 answer.
    nonisolated(unsafe) static let youtubeChannels: [String: Any] = ["kind": "youtube#channelListResponse", "etag": "x", "pageInfo": ["totalResults": 0, "resultsPerPage": 5]]
    /// A refused key, as the YouTube Data API v3 documents its errors.
    nonisolated(unsafe) static let youtubeBadKey: [String: Any] = [
        "error": [
            "code": 400, "message": "API key not valid. Please pass a valid API key.", "status": "INVALID_ARGUMENT",
            "errors": [["message": "API key not valid. Please pass a valid API key.", "domain": "global", "reason": "badRequest"]],
            "details": [["@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID", "domain": "googleapis.com"]],
        ] as [String: Any]
    ]
}

/// A program run on a pseudo-terminal, as a person at a keyboard runs it: the test waits for each
/// prompt and types the answer.
final class Terminal {
    let process = Process()
    private let master: Int32
    private var seen = ""
    private var consumed: String.Index

    init(_ arguments: [String]) throws {
        // posix_openpt and friends are not in Swift's Glibc module: the same through /dev/ptmx and
        // Linux's ioctls (TIOCSPTLCK to unlock the pair, TIOCGPTN for the other end's number).
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0, number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
            throw POSIXError(.ENODEV)
        }
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw POSIXError(.ENODEV) }
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        process.environment = CLI.environment
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        consumed = seen.startIndex
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
    }

    /// Reads until `text` appears after what was already waited for; false after `seconds`.
    func wait(for text: String, seconds: Double = 30) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let range = seen.range(of: text, range: consumed..<seen.endIndex) {
                consumed = range.upperBound
                return true
            }
            var fd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&fd, 1, 100) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { return seen.range(of: text, range: consumed..<seen.endIndex) != nil }
            let offset = seen.distance(from: seen.startIndex, to: consumed)
            seen += String(decoding: buffer[..<n], as: UTF8.self)
            consumed = seen.index(seen.startIndex, offsetBy: offset)
        }
        return false
    }

    func type(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    var transcript: String { seen }

    func exitStatus(seconds: Double = 60) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline {
            _ = wait(for: "\u{0}never", seconds: 0.2)
        }
        return process.isRunning ? nil : process.terminationStatus
    }
}

@Suite(.serialized) struct SetupCommandsTests {
    static let logo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("watchlist/oakbridge-town-council-logo.png").path

    /// A folder holding only an impostor.toml that points Bluesky at a stand-in.
    static func folder(settings: String) throws -> String {
        let dir = CLI.scratchPath("setup")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try settings.write(toFile: dir + "/impostor.toml", atomically: true, encoding: .utf8)
        return dir
    }

    @Test func initFromFlagsWritesACouncilThatChecksAndNeverOverwritesWithoutForce() async throws {
        let bluesky = try BlueskyStandIn(["oakbridge-tc.gov.uk": BlueskyStandIn.profile(name: "Oakbridge Town Council", bio: "Official")])
        let dir = try Self.folder(settings: """
            allow_private_addresses = true
            [[source]]
            kind = "bluesky"
            base_url = "http://127.0.0.1:\(bluesky.port)"
            """)
        let arguments = [
            "init", "--non-interactive", "--name", "Oakbridge Town Council", "--area", "Wiltshire",
            "--website", "https://www.oakbridge-tc.gov.uk", "--official", "bluesky:oakbridge-tc.gov.uk",
            "--official", "https://bsky.app/profile/oakbridge-tc-news.bsky.social",
            "--official", "https://www.facebook.com/OakbridgeTownCouncil", "--person", "Mayor:Cllr Priya Sharma",
            "--person", "Town Clerk:Jane Whitfield", "--logo", Self.logo, "--out", dir,
        ]
        let first = try await CLI.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("place Oakbridge, town council, Wiltshire, England; domain oakbridge-tc.gov.uk"))
        #expect(first.stdout.contains("official bluesky oakbridge-tc.gov.uk: found, \"Oakbridge Town Council\""), "\(first.stdout)")
        #expect(first.stdout.contains("official bluesky oakbridge-tc-news.bsky.social: NOT FOUND"), "\(first.stdout)")
        #expect(first.stdout.contains("official facebook OakbridgeTownCouncil: not looked up"))
        #expect(first.stdout.contains("kept \(dir)/impostor.toml as it was"))
        #expect(first.stdout.contains("systemctl enable --now impostor-scan.timer"))
        let check = try await CLI.run(["check", "--watchlist", dir])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("people: Mayor Cllr Priya Sharma, Town Clerk Jane Whitfield"), "\(check.stdout)")

        // A second run changes nothing without --force, and says so.
        let council = dir + "/oakbridge-town-council.toml"
        try "# edited by the clerk\n".appending(String(contentsOfFile: council, encoding: .utf8)).write(toFile: council, atomically: true, encoding: .utf8)
        let again = try await CLI.run(arguments + ["--offline"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already there; nothing was written (pass --force"))
        #expect(try String(contentsOfFile: council, encoding: .utf8).hasPrefix("# edited by the clerk"))
        let forced = try await CLI.run(arguments + ["--offline", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(!(try String(contentsOfFile: council, encoding: .utf8)).hasPrefix("# edited by the clerk"))

        // Bad answers: every problem named, nothing written.
        let empty = CLI.scratchPath("empty")
        let bad = try await CLI.run(["init", "--non-interactive", "--name", "The Allotment Society", "--area", "Wiltshire",
                                     "--official", "my facebook page", "--out", empty])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("name: cannot tell the place") && bad.stderr.contains("official: cannot read \"my facebook page\""))
        #expect(!FileManager.default.fileExists(atPath: empty))
        bluesky.stop()
    }

    @Test func initAsksItsQuestionsAtATerminalAndAsksAgainWhenAnAnswerWillNotDo() async throws {
        let bluesky = try BlueskyStandIn(["oakbridge-tc.gov.uk": BlueskyStandIn.profile(name: "Oakbridge Town Council", bio: "Official")])
        let dir = try Self.folder(settings: """
            allow_private_addresses = true
            [[source]]
            kind = "bluesky"
            base_url = "http://127.0.0.1:\(bluesky.port)"
            """)
        let terminal = try Terminal(["init", "--out", dir])
        let steps: [(prompt: String, answer: String)] = [
            ("council's full name", "The Allotment Society"),
            ("cannot tell the place", "Oakbridge Town Council"),
            ("county or district", ""),
            ("This one is needed", "Wiltshire"),
            ("Its website", "oakbridge-tc.gov.uk"),
            ("Account link", "https://bsky.app/profile/oakbridge-tc.gov.uk"),
            ("Account link", "my facebook page"),
            ("not a link impostor can read", "https://x.com/OakbridgeTC"),
            ("Account link", ""),
            ("The Mayor's name", "Cllr Priya Sharma"),
            ("The Town Clerk's name", "Jane Whitfield"),
            ("logo or crest file", "/nonexistent/crest.png"),
            ("there is no file at", Self.logo),
        ]
        for step in steps {
            #expect(terminal.wait(for: step.prompt), "no \"\(step.prompt)\" in:\n\(terminal.transcript)")
            terminal.type(step.answer)
        }
        #expect(terminal.wait(for: "official bluesky oakbridge-tc.gov.uk: found"), "\(terminal.transcript)")
        #expect(terminal.exitStatus() == 0, "\(terminal.transcript)")
        let text = try String(contentsOfFile: dir + "/oakbridge-town-council.toml", encoding: .utf8)
        #expect(text.contains("domains = [\"oakbridge-tc.gov.uk\"]") && text.contains("handle = \"OakbridgeTC\""))
        #expect(text.contains("name = \"Jane Whitfield\"\nrole = \"Town Clerk\""))
        let check = try await CLI.run(["check", "--watchlist", dir])
        #expect(check.status == 0, "\(check.stderr)")

        // Without a terminal it refuses rather than read answers from a pipe.
        let piped = try await CLI.run(["init", "--out", CLI.scratchPath("piped")], stdin: "Oakbridge Town Council\n")
        #expect(piped.status == 2 && piped.stderr.contains("--non-interactive"))
        bluesky.stop()
    }

    /// A council made by `init`, with the given settings.
    static func council(settings: String) async throws -> String {
        let dir = try folder(settings: settings)
        let made = try await CLI.run(["init", "--non-interactive", "--offline", "--name", "Oakbridge Town Council", "--area", "Wiltshire",
                                      "--logo", logo, "--out", dir])
        #expect(made.status == 0, "\(made.stderr)")
        return dir
    }

    @Test func doctorSaysAllIsWellOnAGoodSetup() async throws {
        let bluesky = try BlueskyStandIn([:])
        let youtube = try CannedAPI(status: 200, body: CannedAPI.youtubeChannels)
        let key = CLI.scratchPath("youtube-key")
        try "AIzaGoodKey123\n".write(toFile: key, atomically: true, encoding: .utf8)
        chmod(key, 0o600)
        let dir = try await Self.council(settings: """
            allow_private_addresses = true
            [[source]]
            kind = "bluesky"
            base_url = "http://127.0.0.1:\(bluesky.port)"
            [[source]]
            kind = "youtube"
            base_url = "http://127.0.0.1:\(youtube.port)"
            key_file = "\(key)"
            """)
        let result = try await CLI.run(["doctor", "--watchlist", dir, "--db", CLI.scratchPath("none") + ".sqlite", "--skip", "timer"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("ok      source youtube: 127.0.0.1:\(youtube.port) answered (1 unit of the day's quota)"), "\(result.stdout)")
        #expect(result.stdout.contains("ok      secret \(key): only its owner can read it"))
        #expect(result.stdout.contains("note    store: no store at") && result.stdout.hasSuffix("All is well.\n"))
        bluesky.stop()
        youtube.stop()
    }

    @Test func doctorNamesEachBrokenPartWithItsFix() async throws {
        let youtube = try CannedAPI(status: 400, body: CannedAPI.youtubeBadKey)
        let mailbox = try ReportMailbox()
        let key = CLI.scratchPath("youtube-key")
        try "AIzaRefusedKey456\n".write(toFile: key, atomically: true, encoding: .utf8)
        chmod(key, 0o644)
        let wrong = CLI.scratchPath("imap-password")
        try "wrong-imap-password-88\n".write(toFile: wrong, atomically: true, encoding: .utf8)
        chmod(wrong, 0o600)
        let dir = try await Self.council(settings: """
            allow_private_addresses = true
            [[source]]
            kind = "bluesky"
            base_url = "http://127.0.0.1:1"
            [[source]]
            kind = "youtube"
            base_url = "http://127.0.0.1:\(youtube.port)"
            key_file = "\(key)"
            \(mailbox.settings(passwordFile: wrong))
            [digest]
            to = ["clerk@oakbridge-tc.gov.uk"]
            from = "impostor@oakbridge-tc.gov.uk"
            smtp_url = "smtp://127.0.0.1:1"
            """)
        // A key nobody knows, and a store that is not a database.
        let council = dir + "/oakbridge-town-council.toml"
        try (String(contentsOfFile: council, encoding: .utf8) + "\ncolour = \"blue\"\n").write(toFile: council, atomically: true, encoding: .utf8)
        let store = CLI.scratchPath("store") + ".sqlite"
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: store))

        let result = try await CLI.run(["doctor", "--watchlist", dir, "--db", store, "--skip", "timer"])
        let out = result.stdout
        #expect(result.status == 1, "\(out)\(result.stderr)")
        #expect(out.contains("PROBLEM watchlist: ") && out.contains("colour"), "\(out)")
        #expect(out.contains("PROBLEM secret \(key): can be read by users other than its owner (mode 644)\n        fix: chmod 600 \(key)"), "\(out)")
        #expect(out.contains("PROBLEM source youtube: the YouTube key in \(key) was refused (API_KEY_INVALID)"), "\(out)")
        #expect(out.contains("PROBLEM source bluesky: 127.0.0.1"), "\(out)")
        #expect(out.contains("PROBLEM digest mail: cannot reach"), "\(out)")
        #expect(out.contains("PROBLEM report mailbox: ") && out.contains("refused the user name or password"), "\(out)")
        #expect(out.contains("PROBLEM store: "), "\(out)")
        #expect(out.contains("problem(s)."))
        // No secret is ever printed.
        #expect(!(out + result.stderr).contains("AIzaRefusedKey456") && !(out + result.stderr).contains("wrong-imap-password-88"))
        youtube.stop()
        mailbox.stop()
    }

    @Test func doctorReadsTheLastScanAndMigrateBringsAStoreUpToDate() async throws {
        let dir = try await Self.council(settings: "")
        let path = CLI.scratchPath("store") + ".sqlite"
        let migrated = try await CLI.run(["migrate", "--db", path])
        #expect(migrated.status == 0 && migrated.stdout.contains("applied"), "\(migrated.stdout)\(migrated.stderr)")
        let again = try await CLI.run(["migrate", "--db", path])
        #expect(again.stdout.contains("up to date"), "\(again.stdout)")
        do {
            let store = try Store.open(path: path)
            let run = try store.beginRun(version: "test", at: Date().addingTimeInterval(-86_400))
            try store.finishRun(run, status: .failed, profiles: 0, sources: [], message: "the watchlist could not be read",
                                at: Date().addingTimeInterval(-86_000))
        }
        let result = try await CLI.run(["doctor", "--watchlist", dir, "--db", path, "--skip", "timer", "--skip", "sources"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("ok      store: \(path) is intact"), "\(result.stdout)")
        #expect(result.stdout.contains("failed: the watchlist could not be read"), "\(result.stdout)")
        #expect(result.stdout.contains("the last scan started 24 hour(s) ago"), "\(result.stdout)")
        #expect(result.stdout.contains("PROBLEM sources: impostor.toml names no [[source]]") == false)
        let bad = try await CLI.run(["doctor", "--skip", "clock"])
        #expect(bad.status == 64 && bad.stderr.contains("--skip takes one of"))
    }
}
