import Foundation
import ImpostorCore
import ImpostorStore
import TestScratch
import Testing

/// What a feed, a listing or a server can send to get at the council's machine, through the real
/// binary against real servers on 127.0.0.1.
@Suite("hostile feeds, listings and servers get nothing out of impostor", .serialized)
struct HostileInputTests {
    static let suspect = #""display_name":"Oakbridge Town Counciⅼ","bio":"Official page of Oakbridge Town Council. Apply for your council grant here.""#

    /// A watchlist folder with the example council and `settings` as its impostor.toml.
    static func watchlist(_ settings: String) throws -> String {
        let folder = CLI.scratchPath("hostile")
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder + "/watchlist", withIntermediateDirectories: true)
        for file in ["oakbridge-town-council.toml", "oakbridge-town-council-logo.png"] {
            try fm.copyItem(atPath: "\(fm.currentDirectoryPath)/watchlist/\(file)", toPath: "\(folder)/watchlist/\(file)")
        }
        try settings.replacingOccurrences(of: "FOLDER", with: folder)
            .write(toFile: folder + "/watchlist/impostor.toml", atomically: true, encoding: .utf8)
        return folder
    }

    /// Every stored picture, with the store's own reading of it.
    static func storedImages(_ database: String) throws -> [[UInt8]] {
        let store = try Store.open(path: database)
        return try store.cases(CaseFilter(statuses: Set(CaseStatus.allCases), limit: 10_000)).flatMap { c -> [[UInt8]] in
            let detail = try #require(try store.caseDetail(c.id))
            return try detail.snapshots.compactMap { snap in try snap.avatarImage.flatMap { try store.image(sha256: $0) } }
        }
    }

    @Test func aRemoteFeedCannotNameALocalFileAsAnAvatar() async throws {
        let folder = try Self.watchlist("")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let served = folder + "/served"
        try FileManager.default.createDirectory(atPath: served, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: folder + "/watchlist/oakbridge-town-council-logo.png", toPath: served + "/crest.png")
        try "mastodon-token-SECRET-4321\n".write(toFile: folder + "/watchlist/masto-token", atomically: true, encoding: .utf8)
        let server = try FileServer(folder: served)
        defer { server.stop() }
        let avatars = ["/etc/passwd", "../../etc/hostname", folder + "/watchlist/masto-token", "file:///etc/passwd",
                       "watchlist/masto-token"]
        var lines = avatars.enumerated().map { i, avatar in
            #"{"platform":"facebook","id":"local\#(i)","handle":"oakbridge.tc.\#(i)",\#(Self.suspect),"avatar":"\#(avatar)"}"#
        }
        // The control: a real picture on a web server is downloaded, hashed and kept.
        lines.append(#"{"platform":"facebook","id":"web","handle":"oakbridge.tc.web",\#(Self.suspect),"avatar":"\#(server.base)/crest.png"}"#)
        try lines.joined(separator: "\n").write(toFile: served + "/feed.jsonl", atomically: true, encoding: .utf8)
        let toml = folder + "/watchlist/impostor.toml"
        try """
            database = "\(folder)/impostor.sqlite"
            allow_private_addresses = true
            [[source]]
            kind = "listing"
            url = "\(server.base)/feed.jsonl"
            """.write(toFile: toml, atomically: true, encoding: .utf8)

        let scan = try await CLI.run(["scan", "--watchlist", folder + "/watchlist", "--cache", folder + "/cache"])
        #expect(scan.status <= 1, "\(scan.stderr)")
        #expect(scan.stdout.contains("6 suspects"), "\(scan.stdout)")
        let images = try Self.storedImages(folder + "/impostor.sqlite")
        #expect(images.count == 1, "only the downloaded crest is evidence")
        #expect(images.allSatisfy { ImageFormat(sniffing: $0) == .png })
        let secrets = try ["/etc/passwd", "/etc/hostname", folder + "/watchlist/masto-token"].map {
            [UInt8](try Data(contentsOf: URL(fileURLWithPath: $0)))
        }
        #expect(!images.contains { image in secrets.contains(image) })
        let store = try Store.open(path: folder + "/impostor.sqlite")
        let web = try #require(try store.cases().first { $0.handle == "oakbridge.tc.web" })
        let reasons = try #require(try store.caseDetail(web.id)?.assessment?.reasons)
        #expect(reasons.contains { $0.signal == "logo" }, "the downloaded crest matches the council's logo")
    }

    @Test func aLocalListingReadsPicturesOnlyFromItsOwnFolder() async throws {
        let folder = try Self.watchlist("")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fm = FileManager.default
        let feeds = folder + "/watchlist/feeds"
        try fm.createDirectory(atPath: feeds, withIntermediateDirectories: true)
        try fm.copyItem(atPath: folder + "/watchlist/oakbridge-town-council-logo.png", toPath: feeds + "/crest.png")
        try fm.copyItem(atPath: folder + "/watchlist/oakbridge-town-council-logo.png", toPath: folder + "/outside.png")
        try fm.createSymbolicLink(atPath: feeds + "/link.png", withDestinationPath: "/etc/passwd")
        #expect(mkfifo(feeds + "/pipe.png", 0o600) == 0)
        let avatars = ["crest.png", "../../outside.png", "link.png", "pipe.png", "/etc/passwd", "missing.png"]
        let lines = avatars.enumerated().map { i, avatar in
            #"{"platform":"facebook","id":"file\#(i)","handle":"oakbridge.tc.\#(i)",\#(Self.suspect),"avatar":"\#(avatar)"}"#
        }
        try lines.joined(separator: "\n").write(toFile: feeds + "/listing.jsonl", atomically: true, encoding: .utf8)
        try """
            database = "../state/impostor.sqlite"
            [[source]]
            kind = "listing"
            path = "feeds/listing.jsonl"
            """.write(toFile: folder + "/watchlist/impostor.toml", atomically: true, encoding: .utf8)

        // Run from a folder that is not the watchlist's parent, with a relative --watchlist.
        let elsewhere = folder + "/elsewhere"
        try fm.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        let scan = try await CLI.run(["scan", "--watchlist", "../watchlist", "--cache", "../cache"], directory: elsewhere)
        #expect(scan.status == 1, "the refused pictures are the listing's errors: \(scan.stdout) \(scan.stderr)")
        for refused in ["../../outside.png", "link.png", "pipe.png", "/etc/passwd", "missing.png"] {
            #expect(scan.stdout.contains(refused) || scan.stderr.contains(refused), "\(refused) is named in the errors")
        }
        let images = try Self.storedImages(folder + "/state/impostor.sqlite")
        #expect(images.count == 1)
        let store = try Store.open(path: folder + "/state/impostor.sqlite")
        #expect(try store.cases().count == 6, "every profile is kept, with or without its picture")
        let crest = try #require(try store.cases().first { $0.handle == "oakbridge.tc.0" })
        #expect(try store.caseDetail(crest.id)?.assessment?.reasons.contains { $0.signal == "logo" } == true)

        // `score` from the same place reads the listing's pictures the same way.
        let score = try await CLI.run(["score", "--watchlist", "../watchlist", "../watchlist/feeds/listing.jsonl"],
                                      directory: elsewhere)
        let rows = score.lines
        #expect(rows.count == 6)
        let logoRows = rows.filter { row in
            ((row["reasons"] as? [[String: Any]]) ?? []).contains { $0["signal"] as? String == "logo" }
        }
        #expect(logoRows.map { $0["id"] as? String } == ["file0"], "\(score.stdout)")

        // `fetch | score`: fetch names the listing's picture by its full path, which score accepts
        // as inside a listing folder of the watchlist.
        let fetched = try await CLI.run(["fetch", "--watchlist", "../watchlist", "--cache", "../cache"], directory: elsewhere)
        let piped = try await CLI.run(["score", "--watchlist", "../watchlist", "-"], stdin: fetched.stdout, directory: elsewhere)
        let pipedLogo = piped.lines.filter { row in
            ((row["reasons"] as? [[String: Any]]) ?? []).contains { $0["signal"] as? String == "logo" }
        }
        #expect(pipedLogo.map { $0["id"] as? String } == ["file0"], "\(fetched.stdout)\n\(piped.stdout)")
    }

    @Test func secretsAServerEchoesBackStayOutOfTheLogTheStoreAndStatus() async throws {
        let folder = try Self.watchlist("")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try FileServer(folder: folder)
        defer { server.stop() }
        let key = "AIzaSy-youtube/key+with=odd&chars"
        let token = "mastodonTOKENabcdef0123456789"
        try (key + "\n").write(toFile: folder + "/watchlist/yt-key", atomically: true, encoding: .utf8)
        try (token + "\n").write(toFile: folder + "/watchlist/masto-token", atomically: true, encoding: .utf8)
        try """
            database = "\(folder)/impostor.sqlite"
            [[source]]
            kind = "youtube"
            key_file = "yt-key"
            base_url = "\(server.base)/echo/youtube"
            [[source]]
            kind = "mastodon"
            token_file = "masto-token"
            base_url = "\(server.base)/echo/mastodon"
            """.write(toFile: folder + "/watchlist/impostor.toml", atomically: true, encoding: .utf8)

        let scan = try await CLI.run(["scan", "--watchlist", folder + "/watchlist", "--cache", folder + "/cache", "--verbose"])
        let status = try await CLI.run(["status", "--watchlist", folder + "/watchlist"])
        let json = try await CLI.run(["status", "--watchlist", folder + "/watchlist", "--json"])
        var stored = Data()
        for suffix in ["", "-wal"] {
            stored.append((try? Data(contentsOf: URL(fileURLWithPath: folder + "/impostor.sqlite" + suffix))) ?? Data())
        }
        let storedText = String(decoding: stored, as: UTF8.self)
        let encoded = key.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? key
        let texts = ["scan output": scan.stdout + scan.stderr, "status": status.stdout + status.stderr,
                     "status --json": json.stdout, "store": storedText]
        for (name, text) in texts {
            for secret in [key, encoded, encoded.lowercased(), token] {
                #expect(!text.contains(secret), "\(name) holds a secret")
            }
        }
        // The echo did happen, and what it said is kept, with the secrets taken out.
        #expect(status.stdout.contains("[redacted]"), "\(status.stdout)")
        #expect(storedText.contains("[redacted]"))
    }

    @Test func badFilesAndPathsGetClearErrorsAndNothingHangs() async throws {
        let folder = try Self.watchlist("database = \"FOLDER/impostor.sqlite\"\n[intak]\nimap_url = \"x\"\n[[source]]\nkind = \"listing\"\npaht = \"x.jsonl\"\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let watchlist = folder + "/watchlist"
        // Unknown tables and keys in impostor.toml are named, with a suggestion.
        let check = try await CLI.run(["check", "--watchlist", watchlist])
        #expect(check.stderr.contains("`intak`") || check.stdout.contains("`intak`"), "\(check.stdout)\(check.stderr)")
        #expect((check.stdout + check.stderr).contains("`paht`"))
        #expect((check.stdout + check.stderr).contains("did you mean `path`"))

        // A council file whose name differs from another only in case is an error; x.TOML is read.
        try FileManager.default.copyItem(atPath: watchlist + "/oakbridge-town-council.toml", toPath: watchlist + "/OAKBRIDGE-TOWN-COUNCIL.toml")
        let twice = try await CLI.run(["check", "--watchlist", watchlist])
        #expect(twice.status != 0)
        #expect(twice.stderr.contains("differ only in upper and lower case"), "\(twice.stderr)")
        try FileManager.default.removeItem(atPath: watchlist + "/OAKBRIDGE-TOWN-COUNCIL.toml")
        try "name = \"Ashby Parish Council\"\n".write(toFile: watchlist + "/ashby.TOML", atomically: true, encoding: .utf8)
        let upper = try await CLI.run(["check", "--watchlist", watchlist])
        #expect(upper.stdout.contains("Ashby Parish Council"), "\(upper.stdout)\(upper.stderr)")
        try FileManager.default.removeItem(atPath: watchlist + "/ashby.TOML")

        // --db on a folder or a device.
        let dir = try await CLI.run(["status", "--watchlist", watchlist, "--db", folder])
        #expect(dir.status == 3)
        #expect(dir.stderr.contains("is a folder"), "\(dir.stderr)")
        let null = try await CLI.run(["status", "--watchlist", watchlist, "--db", "/dev/null"])
        #expect(null.status == 3)
        #expect(null.stderr.contains("not a regular file"), "\(null.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "/dev/null-journal") && !FileManager.default.fileExists(atPath: "/dev/null-wal"))

        // A FIFO given as an image or a logo is refused at once.
        #expect(mkfifo(folder + "/pipe.png", 0o600) == 0)
        let hash = try await CLI.run(["hash", folder + "/pipe.png"])
        #expect(hash.status != 0)
        #expect(hash.stderr.contains("not a regular file"), "\(hash.stderr)")
        let council = watchlist + "/oakbridge-town-council.toml"
        let original = try String(contentsOfFile: council, encoding: .utf8)
        try original.replacingOccurrences(of: "oakbridge-town-council-logo.png", with: "../pipe.png")
            .write(toFile: council, atomically: true, encoding: .utf8)
        let logo = try await CLI.run(["check", "--watchlist", watchlist])
        #expect(logo.status != 0)
        #expect(logo.stderr.contains("not a regular file"), "\(logo.stderr)")
        try original.write(toFile: council, atomically: true, encoding: .utf8)

        // A CSV row with an unterminated quote is an error, not a profile, and the rows after it are still read.
        let csv = "platform,id,handle,display_name\nfacebook,1,ok,Fine Page\nfacebook,2,bad,\"Oakbridge Town Council\nfacebook,3,kept,Kept Page\n"
            + "facebook,4,also,Also Kept\n"
        let scored = try await CLI.run(["score", "--watchlist", watchlist, "--format", "csv", "-"], stdin: csv)
        #expect(scored.status == 1)
        #expect(scored.lines.count == 4, "\(scored.stdout)")
        #expect((scored.lines[1]["error"] as? String)?.contains("never closed") == true, "\(scored.stdout)")
        #expect(scored.lines[1]["line"] as? Int == 3, "\(scored.stdout)")
        #expect(scored.lines.dropFirst(2).map { $0["id"] as? String } == ["3", "4"], "\(scored.stdout)")
    }

    /// A resident's link with a user name, a password and a token: the page is read without them (no
    /// Authorization header, no token in the request), and the store and the output never hold them.
    @Test func aReportedLinksPasswordIsNeitherSentNorKept() async throws {
        let page = try RecordingPage()
        defer { page.stop() }
        let fixture = try ScanFixture(suspects: 0, clear: 0, settings: "allow_private_addresses = true")
        defer { fixture.remove() }
        let link = "http://alice:MyBankPw99@127.0.0.1:\(page.port)/oakbridge-fake-page?access_token=EAAB1234SECRET&x=1"
        let add = try await CLI.run(["add", link, "--by", "Jo Bloggs", "--watchlist", fixture.watchlist,
                                     "--cache", fixture.folder + "/cache"])
        #expect(add.status == 0, "\(add.stderr)")
        let requests = page.requests
        #expect(!requests.isEmpty)
        for request in requests {
            #expect(request["authorization"] == "", "the password went to the host: \(request)")
            #expect(request["path"] == "/oakbridge-fake-page?access_token=[redacted]&x=1", "\(request)")
        }
        let store = try Store.open(path: fixture.database)
        let filed = try #require(try store.cases(CaseFilter(statuses: Set(CaseStatus.allCases))).first)
        #expect(filed.displayName == "Oakbridge Town Council", "the page was read: \(add.stdout)")
        let detail = try #require(try store.caseDetail(filed.id))
        #expect(detail.reports.map(\.link) == ["http://127.0.0.1:\(page.port)/oakbridge-fake-page?access_token=[redacted]&x=1"])
        var file = Data()
        for suffix in ["", "-wal"] {
            file.append((try? Data(contentsOf: URL(fileURLWithPath: fixture.database + suffix))) ?? Data())
        }
        let texts = ["output": add.stdout + add.stderr, "store": String(decoding: file, as: UTF8.self)]
        for (name, text) in texts {
            for secret in ["MyBankPw99", "mybankpw99", "alice", "EAAB1234SECRET"] {
                #expect(!text.contains(secret), "\(name) holds \(secret)")
            }
        }
    }

    /// A listing's `url` is kept only as an http(s) address without passwords or tokens; a profile whose
    /// `url` is a script is scored and kept without one.
    @Test func aListingsURLIsNoScriptAndHoldsNoSecret() async throws {
        let fixture = try ScanFixture(suspects: 3, clear: 0, profileURL: { i in
            i == 0 ? "javascript:alert(document.domain)" : "https://user:s3cretPASS@www.facebook.com/fake\(i)?token=tok\(i)SECRET"
        })
        defer { fixture.remove() }
        let scan = try await CLI.run(fixture.arguments(["--no-digest"]))
        #expect(scan.status == 0, "\(scan.stderr)")
        let store = try Store.open(path: fixture.database)
        let cases = try store.cases(CaseFilter(statuses: Set(CaseStatus.allCases)))
        #expect(cases.count == 3, "the profile without an address is scored and kept")
        #expect(Set(cases.map(\.url)) == ["", "https://www.facebook.com/fake1?token=[redacted]", "https://www.facebook.com/fake2?token=[redacted]"])
        var file = Data()
        for suffix in ["", "-wal"] {
            file.append((try? Data(contentsOf: URL(fileURLWithPath: fixture.database + suffix))) ?? Data())
        }
        let stored = String(decoding: file, as: UTF8.self)
        for secret in ["s3cretPASS", "tok1SECRET", "javascript:"] {
            #expect(!stored.contains(secret), "the store holds \(secret)")
        }
    }

    @Test func statusAfterKillNineSaysTheScanDidNotFinish() async throws {
        let f = try ScanFixture(suspects: 3000)
        defer { f.remove() }
        let (scan, _, _) = try f.start()
        let started = try await f.waitFor { store in (try store.cases(CaseFilter(limit: 100_000)).count) >= 20 }
        #expect(started)
        kill(scan.processIdentifier, SIGKILL)
        await scan.exited()
        let status = try await CLI.run(["status", "--watchlist", f.watchlist])
        #expect(!status.stdout.contains(" running"), "\(status.stdout)")
        #expect(status.stdout.contains("interrupted") && status.stdout.contains("ended without finishing"), "\(status.stdout)")
    }
}

/// A profile page on 127.0.0.1 that notes each request's path and Authorization header.
final class RecordingPage: StateServer {
    static let script = #"""
        import http.server, json, sys, threading, os
        state_file = sys.argv[1]
        lock = threading.Lock()
        class H(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                with lock:
                    with open(state_file) as f: seen = json.load(f)
                    seen.append({"path": self.path, "authorization": self.headers.get("Authorization") or ""})
                    with open(state_file + ".tmp", "w") as f: json.dump(seen, f)
                    os.replace(state_file + ".tmp", state_file)
                body = (b'<html><head><title>Oakbridge Town Council</title>'
                        b'<meta property="og:title" content="Oakbridge Town Council"></head><body>news</body></html>')
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def log_message(self, *a): pass
        \#(TestServerScript.serveUntilStdinCloses)
        """#

    init() throws { try super.init(script: Self.script, state: [[String: String]]()) }

    var requests: [[String: String]] { read() as? [[String: String]] ?? [] }
}
