import Foundation
import ImpostorCore
import ImpostorStore
import ImpostorWeb
import Testing

/// DNS rebinding and forged posts against the real `impostor serve` on 127.0.0.1, through curl: a
/// request counts only when its Host is a name this server answers to.
@Suite(.timeLimit(.minutes(10))) struct HostGateTests {
    /// curl's status code and body for one request.
    static func curl(_ port: Int, _ path: String, host: String? = nil, extra: [String] = []) throws -> (Int, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        var arguments = ["-s", "-o", "-", "-w", "\n%{http_code}", "--max-time", "60"]
        if let host { arguments += ["-H", "Host: \(host)"] }
        process.arguments = arguments + extra + ["http://127.0.0.1:\(port)\(path)"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let split = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (Int(split.last ?? "") ?? 0, split.dropLast().joined(separator: "\n"))
    }

    @Test func foreignHostsAreMisdirectedAndChangeNothing() async throws {
        let f = try ReviewFixture()
        // From another folder, with a relative --watchlist: the logo must still be found.
        let (serve, port) = try await BrowserTests.startServe(f, directory: f.folder.path)
        defer { serve.stop() }
        let id = f.cases["plain"]!
        let before = try f.state("plain")

        for host in ["evil.example:\(port)", "evil.example", "127.0.0.1.evil.example:\(port)", "localhost:1", "[::1]:1"] {
            let (status, body) = try Self.curl(port, "/", host: host)
            #expect(status == 421, "\(host): \(status)")
            #expect(!body.contains("oakbridge_tc_news"), "\(host) was shown the queue")
            #expect(try Self.curl(port, "/avatars/\(f.avatar.sha256)", host: host).0 == 421)
        }
        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST.:\(port)", "[::1]:\(port)"] {
            #expect(try Self.curl(port, "/", host: host).0 == 200, "\(host)")
        }

        // A decision from a rebinding page: its Host and Origin agree, and both are the attacker's.
        let page = try Self.curl(port, "/cases/\(id)", extra: ["-c", f.folder.path + "/jar"])
        let token = try #require(page.1.firstMatch(of: /name="csrf" value="([^"]*)"/).map { String($0.1) })
        let form = ["-b", f.folder.path + "/jar", "--data", "csrf=\(token)&decision=confirm&note=rebound"]
        let rebound = try Self.curl(port, "/cases/\(id)/decision", host: "evil.example:\(port)",
                                    extra: form + ["-H", "Origin: http://evil.example:\(port)"])
        #expect(rebound.0 == 421)
        // Neither Origin nor Referer: no browser posts a form so.
        let bare = try Self.curl(port, "/cases/\(id)/decision", extra: form)
        #expect(bare.0 == 403)
        #expect(try f.state("plain") == before)

        // The control: the page's own origin is recorded.
        let own = try Self.curl(port, "/cases/\(id)/decision", extra: form + ["-H", "Origin: http://127.0.0.1:\(port)"])
        #expect(own.0 == 303)
        #expect(try f.state("plain").status == .confirmed)

        // HEAD answers as GET does, without the body; the logo is found from any working directory.
        let head = try Self.curl(port, "/", extra: ["-I"])
        #expect(head.0 == 200)
        #expect(try Self.curl(port, "/logos/oakbridge-town-council/0").0 == 200)
    }

    @Test func namesInHostNamesAreAnswered() throws {
        let c = try ReviewConfiguration(listen: "0.0.0.0:8443", password: "correct horse", localUser: "x",
                                        hostNames: ["Review.Oakbridge-TC.gov.uk"])
        #expect(c.answersTo(authority: "review.oakbridge-tc.gov.uk:8443"))
        #expect(c.answersTo(authority: "review.oakbridge-tc.gov.uk"))
        #expect(c.answersTo(authority: "192.168.1.20:8443"))
        #expect(c.answersTo(authority: "[fe80::1]:8443"))
        #expect(!c.answersTo(authority: "review.oakbridge-tc.gov.uk:8080"))
        #expect(!c.answersTo(authority: "evil.example:8443"))
        #expect(!c.answersTo(authority: "[evil.example]:8443"))
        #expect(!c.answersTo(authority: "review.oakbridge-tc.gov.uk.evil.example:8443"))
        #expect(c.address == "http://0.0.0.0:8443")
        #expect(try ReviewConfiguration(listen: "[::1]:9000", password: nil, localUser: "x").address == "http://[::1]:9000")
    }

    @Test func storedBytesThatAreNoPictureAreNeverServed() async throws {
        let f = try ReviewFixture()
        let text = [UInt8]("root:x:0:0:root:/root:/bin/bash\n".utf8)
        let image = StoredImage(sha256: ContentHash(of: text).hex, bytes: text)
        let profile = Profile(platform: .facebook, id: "old", handle: "old_fake", displayName: "Oakbridge Town Council")
        let assessment = Assessment(id: "old", platform: .facebook, handle: "old_fake", score: 0.9, verdict: .suspect,
                                    identity: "oakbridge-town-council", target: .council, reasons: [])
        _ = try f.store.record(Observation(profile: profile, assessment: assessment, avatar: image), run: nil, version: "test")
        let (serve, port) = try await BrowserTests.startServe(f)
        defer { serve.stop() }
        let (status, body) = try Self.curl(port, "/avatars/\(image.sha256)")
        #expect(status == 404)
        #expect(!body.contains("root:x:0:0"))
    }
}
