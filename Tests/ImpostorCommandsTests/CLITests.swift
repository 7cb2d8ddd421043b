import Foundation
import TestScratch
import Testing

/// Runs the real `impostor` binary built beside the tests, as a clerk or a script would.
struct CLI {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [[String: Any]] {
            stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
    }

    static var binary: String {
        let tests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return tests.appendingPathComponent("impostor").path
    }

    /// The tests' environment: logo hashes go to a cache of their own, never the user's ~/.cache.
    static var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        if env["IMPOSTOR_CACHE_DIR"] == nil {
            env["IMPOSTOR_CACHE_DIR"] = FileManager.default.temporaryDirectory.appendingPathComponent("impostor-test-cache").path
        }
        return env
    }

    /// Runs the binary to its end on a thread of its own (see `offPool`).
    /// `directory` is the working directory, for the commands given relative paths.
    /// `environment` adds to or replaces the tests' own variables.
    static func run(_ arguments: [String], stdin: String? = nil, directory: String? = nil, environment: [String: String] = [:])
        async throws -> Result
    {
        try await offPool { try runBlocking(arguments, stdin: stdin, directory: directory, environment: environment) }
    }

    private static func runBlocking(_ arguments: [String], stdin: String?, directory: String?, environment extra: [String: String])
        throws -> Result
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.environment = environment.merging(extra) { _, new in new }
        // Output goes to files: a pipe nobody drains fills at 64 KiB and stops a chatty process.
        let out = try OutputFile(), err = try OutputFile()
        let input = Pipe()
        process.standardOutput = out.handle
        process.standardError = err.handle
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: out.text, stderr: err.text)
    }

    /// A temporary file a child process writes its output to.
    final class OutputFile {
        let path = CLI.scratchPath("out")
        let handle: FileHandle

        init() throws {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        }

        var text: String { String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }

        deinit {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// A fresh path in the test run's scratch folder, named `prefix-<uuid>`.
    static func scratchPath(_ prefix: String) -> String { Scratch.path(prefix) }

    static func temporaryFolder(_ files: [String: String]) throws -> String {
        let dir = scratchPath("cli")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: "\(dir)/\(name)", atomically: true, encoding: .utf8) }
        return dir
    }
}

@Suite(.serialized) struct CLITests {
    @Test func scoresTheExampleListingInOrder() async throws {
        let r = try await CLI.run(["score", "--watchlist", "watchlist", "examples/oakbridge-profiles.jsonl"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.lines
        #expect(lines.map { $0["id"] as? String } == (1...10).map { "demo-\($0)" })
        let verdicts = lines.map { $0["verdict"] as? String ?? "" }
        #expect(verdicts == ["official", "suspect", "suspect", "suspect", "clear", "clear", "clear", "suspect", "clear", "clear"])
        // The copied crest is found in the avatar of the generic "Town Updates" account.
        let generic = lines[7]["reasons"] as? [[String: Any]] ?? []
        #expect(generic.contains { $0["signal"] as? String == "logo" })
        #expect(lines[1]["target"] as? String == "council")
        #expect(lines[2]["target"] as? String == "person")
        #expect(lines[4]["identity"] is NSNull || lines[4]["identity"] as? String == "oakbridge-town-council")
    }

    @Test func badLinesGiveErrorsAndLoseNothing() async throws {
        let input = """
            {"platform": "x", "id": "a", "handle": "oakbridgetc1", "display_name": "Oakbridge Town Council"}
            this is not json
            {"platform": "x", "handle": "noid"}
            ["an array"]

            {"platform": "x", "id": "b", "handle": "rugbyclub", "display_name": "Oakbridge Rugby Club", "avatar": "missing.png"}
            """
        let r = try await CLI.run(["score", "--watchlist", "watchlist", "-"], stdin: input)
        #expect(r.status == 1)
        let lines = r.lines
        #expect(lines.count == 5)
        #expect(lines[0]["verdict"] as? String == "suspect")
        #expect(lines[1]["line"] as? Int == 2 && lines[1]["error"] as? String == "not valid JSON")
        #expect((lines[2]["error"] as? String)?.contains("id") == true)
        #expect(lines[3]["line"] as? Int == 4)
        #expect(lines[4]["verdict"] as? String == "clear")
        let reasons = lines[4]["reasons"] as? [[String: Any]] ?? []
        #expect(reasons.contains { $0["signal"] as? String == "avatar_unreadable" })
        #expect(r.stderr.contains("3 of 5"))
    }

    /// A listing as people save it, not as JSON lines: lines ending in a lone CR, an object pretty-printed, or
    /// profiles wrapped in an object. Every profile is scored, piped in as from a file.
    @Test(arguments: [
        #"{"platform": "x", "id": "a", "display_name": "Oakbridge Town Council"}"# + "\r" + #"{"platform": "x", "id": "b", "handle": "h"}"# + "\r",
        "{\n  \"profiles\": [\n    {\"platform\": \"x\", \"id\": \"a\", \"display_name\": \"Oakbridge Town Council\"},\n"
            + "    {\"platform\": \"x\", \"id\": \"b\", \"handle\": \"h\"}\n  ]\n}\n",
        "platform,id,display_name\rx,a,Oakbridge Town Council\rx,b,Bob\r",
    ])
    func scoresAListingSavedAnotherWay(input: String) async throws {
        let r = try await CLI.run(["score", "--watchlist", "watchlist", "-"], stdin: input)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.map { $0["id"] as? String } == ["a", "b"], "\(r.stdout)")
    }

    /// A listing piped in is scored as it arrives: a profile's line comes out while the input is still
    /// open, as `fetch | score` needs, and nothing is held back to the end.
    @Test func scoresAPipedListingAsItArrives() async throws {
        let (early, all, status) = try await offPool { () throws -> (String, String, Int32) in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLI.binary)
            process.arguments = ["score", "--watchlist", "watchlist", "-"]
            process.environment = CLI.environment
            let input = Pipe(), output = Pipe()
            (process.standardInput, process.standardOutput, process.standardError) = (input, output, FileHandle.nullDevice)
            try process.run()
            defer { if process.isRunning { process.terminate() } }
            let profile = #"{"platform":"x","id":"a","handle":"OakbridgeTC_","display_name":"Oakbridge Town Council"}"#
            input.fileHandleForWriting.write(Data((profile + "\n").utf8))
            // Up to a minute for a whole line, with the input still open.
            var got = Data()
            var watch = pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
            let deadline = Date().addingTimeInterval(60)
            while !got.contains(0x0A), Date() < deadline {
                guard poll(&watch, 1, 500) > 0 else { continue }
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                got += chunk
            }
            let early = String(decoding: got, as: UTF8.self)
            input.fileHandleForWriting.write(Data(profile.replacingOccurrences(of: #""a""#, with: #""b""#).utf8))
            try input.fileHandleForWriting.close()
            got += output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (early, String(decoding: got, as: UTF8.self), process.terminationStatus)
        }
        #expect(early.hasSuffix("\n") && early.contains(#""id":"a""#), "nothing came out before the input ended: \(early)")
        let lines = all.split(separator: "\n")
        #expect(status == 0 && lines.count == 2 && lines[1].contains(#""id":"b""#), "\(all)")
    }

    @Test func readsCSVFromSpreadsheets() async throws {
        let dir = try CLI.temporaryFolder(["list.csv": "platform,id,handle,display_name,bio\r\nx,1,mayoroak,Mayor of Oakbridge,\r\nfacebook,2,oakchoir,\"Oakbridge Choir, est. 1990\",\r\n"])
        let r = try await CLI.run(["score", "--watchlist", "watchlist", "\(dir)/list.csv"])
        #expect(r.status == 0)
        #expect(r.lines.map { $0["verdict"] as? String } == ["suspect", "clear"])
    }

    @Test func missingFileAndBadWatchlistsExitTwoWithAClearMessage() async throws {
        let missing = try await CLI.run(["score", "--watchlist", "watchlist", "/nonexistent/profiles.jsonl"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such file"))

        let empty = try CLI.temporaryFolder([:])
        let r = try await CLI.run(["check", "--watchlist", empty])
        #expect(r.status == 2)
        #expect(r.stderr.contains("holds no council"))

        let broken = try CLI.temporaryFolder(["x.toml": "name = \"X Town Council\"\nlogos = [\"nope.png\"\n"])
        let b = try await CLI.run(["check", "--watchlist", broken])
        #expect(b.status == 2)
        #expect(b.stderr.contains("x.toml:"))
        #expect(b.stderr.contains("not valid TOML"))

        let nologo = try CLI.temporaryFolder(["y.toml": "name = \"Y Town Council\"\nlogos = [\"nope.png\"]\n"])
        let n = try await CLI.run(["score", "--watchlist", nologo, "-"], stdin: "")
        #expect(n.status == 2)
        #expect(n.stderr.contains("logo \"nope.png\" not found"))
    }

    @Test func checkListsWhatIsProtected() async throws {
        let r = try await CLI.run(["check", "--watchlist", "watchlist"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("oakbridge-town-council: Oakbridge Town Council (Wiltshire)"))
        #expect(r.stdout.contains("1 council(s) OK"))
    }

    @Test func aBrokenVocabularyIsNamedAndStopsScoringBeforeAnyOutput() async throws {
        let dir = try CLI.temporaryFolder(["en.toml": "council = [\"council\",\n"])
        let env = ["IMPOSTOR_VOCABULARY": dir]
        let check = try await CLI.run(["check", "--watchlist", "watchlist"], environment: env)
        #expect(check.status == 2, "\(check.stdout)")
        #expect(check.stderr.contains("\(dir)/en.toml") && check.stderr.contains("not valid TOML"), "\(check.stderr)")
        let score = try await CLI.run(["score", "--watchlist", "watchlist", "examples/oakbridge-profiles.jsonl"], environment: env)
        #expect(score.status != 0)
        #expect(score.stdout.isEmpty)
        #expect(score.stderr.contains("en.toml"), "\(score.stderr)")
        // A folder named on purpose without en.toml is an error, not a silent fall back.
        let empty = try CLI.temporaryFolder([:])
        let named = try await CLI.run(["check", "--watchlist", "watchlist"], environment: ["IMPOSTOR_VOCABULARY": empty])
        #expect(named.status == 2 && named.stderr.contains("IMPOSTOR_VOCABULARY names a folder without en.toml"), "\(named.stderr)")
        // Unset, the vocabulary beside the sources is found.
        let found = try await CLI.run(["check", "--watchlist", "watchlist", "--verbose"], environment: ["IMPOSTOR_VOCABULARY": ""])
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout.contains("vocabulary: en, cy, gd"), "\(found.stdout)")
    }

    @Test func rulesPrintsTheTableWithWeights() async throws {
        let r = try await CLI.run(["rules"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("prior -4.0"))
        let logo = r.stdout.split(separator: "\n").first { $0.hasPrefix("logo ") }
        #expect(logo?.contains("+3.5") == true, "\(r.stdout)")
        let tsv = try await CLI.run(["rules", "--tsv"])
        #expect(tsv.stdout.split(separator: "\n").allSatisfy { $0.split(separator: "\t").count == 3 })
    }

    @Test func explainShowsFoldingAndReasons() async throws {
        let r = try await CLI.run(["explain", "Оakbridge Town Counciⅼ", "--watchlist", "watchlist"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("folded:  oakbridge town council"))
        #expect(r.stdout.contains("U+041E Cyrl"))
        #expect(r.stdout.contains("oakbridge-town-council: score"))
        // The figures add up on the screen: where every account starts, each reason, and the sum.
        #expect(r.stdout.contains("-4.0  where every account starts") && r.stdout.contains("in all, so a suspect: a suspect needs 0 or more (a score of 0.5 or more)"), "\(r.stdout)")
        // A count of followers below zero is a mistake in the command, said as such.
        let negative = try await CLI.run(["explain", "Oakbridge Town Council", "--followers=-5", "--watchlist", "watchlist"])
        #expect(negative.status != 0 && negative.stderr.contains("--followers is a count"), "\(negative.stderr)")
    }

    /// The council's own account, taken over: `explain` says what `score` says, that it is listed and why it
    /// is a case, before how its name would read were it not.
    @Test func explainSaysAListedAccountIsListed() async throws {
        let r = try await CLI.run(["explain", "Oakbridge Town Council", "--handle", "OakbridgeTC", "--watchlist", "watchlist",
                                   "--bio", "Proud to partner with ElonX: claim your free 0.1 BTC at elonx-giveaway.io"])
        #expect(r.status == 0)
        let listed = try #require(r.stdout.range(of: "As scored: this is a listed account."), "\(r.stdout)")
        let unlisted = try #require(r.stdout.range(of: "were it not listed"), "\(r.stdout)")
        #expect(listed.upperBound < unlisted.lowerBound)
        let asScored = r.stdout[listed.upperBound..<unlisted.lowerBound]
        #expect(asScored.contains("listed under [[official]]") && asScored.contains("taken over?") && asScored.contains("0.1 btc"), "\(asScored)")
        let plain = try await CLI.run(["explain", "Oakbridge Town Council", "--handle", "oakbridge_news", "--watchlist", "watchlist"])
        #expect(!plain.stdout.contains("As scored"))
    }

    @Test func helpTeaches() async throws {
        let r = try await CLI.run(["help", "score"])
        #expect(r.stdout.contains("display_name"))
        #expect(r.stdout.contains("Example"))
    }
}
