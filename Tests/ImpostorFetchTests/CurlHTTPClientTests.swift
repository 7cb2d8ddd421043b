import Foundation
import ImpostorCore
import Testing

@testable import ImpostorFetch

@Suite("libcurl client against local servers")
struct CurlHTTPClientTests {
    @Test func aStallingServerTimesOut() async throws {
        let server = try TestServer()
        let session = Fixtures.session(Fixtures.configuration {
            $0.totalTimeoutMilliseconds = 1_500
            $0.lowSpeedSeconds = 1
        })
        let start = ContinuousClock.now
        let error = await Fixtures.error { try await session.client.send(HTTPRequest(url: server.base + "/stall")) }
        #expect(error?.code == .timeout)
        // The server stalls for 30 s; the 1.5 s limit ends it long before (slack for a loaded machine).
        #expect(ContinuousClock.now - start < .seconds(15))
        // The client still works afterwards.
        let ok = try await session.client.send(HTTPRequest(url: server.base + "/listing.csv"))
        #expect(ok.status == 200)
    }

    @Test func aTruncatedBodyIsAConnectionError() async throws {
        let server = try TestServer()
        let error = await Fixtures.error { try await Fixtures.session().client.send(HTTPRequest(url: server.base + "/truncated")) }
        #expect(error?.code == .connection)
    }

    @Test func aGzipBombStopsAtTheDecodedLimit() async throws {
        let server = try TestServer()
        let session = Fixtures.session(Fixtures.configuration { $0.maxBodyBytes = 1 << 20 })
        let error = await Fixtures.error { try await session.client.send(HTTPRequest(url: server.base + "/gzipbomb")) }
        #expect(error?.code == .tooLarge)
        #expect(error?.reason.contains("1048576-byte") == true)
    }

    @Test(arguments: ["/big", "/bigchunked"])
    func anOversizedBodyFails(path: String) async throws {
        let server = try TestServer()
        let session = Fixtures.session(Fixtures.configuration { $0.maxBodyBytes = 1 << 20 })
        let error = await Fixtures.error { try await session.client.send(HTTPRequest(url: server.base + path)) }
        #expect(error?.code == .tooLarge)
    }

    @Test func aRedirectLoopEnds() async throws {
        let server = try TestServer()
        let error = await Fixtures.error { try await Fixtures.session().client.send(HTTPRequest(url: server.base + "/loop")) }
        #expect(error?.code == .redirects)
    }

    @Test func compressedResponsesAreDecoded() async throws {
        let server = try TestServer()
        // The bomb decodes to zeros: under a big enough limit, every decoded byte arrives.
        let session = Fixtures.session(Fixtures.configuration { $0.maxBodyBytes = 80 << 20 })
        let response = try await session.client.send(HTTPRequest(url: server.base + "/gzipbomb"))
        #expect(response.body.count == 32 << 20)
        #expect(response.header("content-encoding") == "gzip")
    }

    @Test func thePerHostLimitBoundsConcurrency() async throws {
        let server = try TestServer()
        func time(perHost: Int) async throws -> Duration {
            let session = Fixtures.session(Fixtures.configuration { $0.maxConnectionsPerHost = perHost })
            let start = ContinuousClock.now
            try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 0..<12 {
                    group.addTask { try await session.client.send(HTTPRequest(url: server.base + "/bench?n=\(n)")).status }
                }
                for try await status in group { #expect(status == 200) }
            }
            return ContinuousClock.now - start
        }
        // 12 requests of 20 ms: 2 at a time needs at least 6 rounds; 12 at a time about one.
        #expect(try await time(perHost: 2) >= .milliseconds(115))
        #expect(try await time(perHost: 12) < .milliseconds(115))
    }

    @Test func tlsWithASelfSignedCAIsAcceptedOnlyWhenConfigured() async throws {
        let pki = try TestPKI()
        let server = try TestServer(tls: (pki.cert, pki.key))
        let untrusted = await Fixtures.error { try await Fixtures.session().client.send(HTTPRequest(url: server.base + "/listing.csv")) }
        #expect(untrusted?.code == .tls)
        let trusting = Fixtures.session(Fixtures.configuration { $0.caBundlePath = pki.ca })
        let response = try await trusting.client.send(HTTPRequest(url: server.base + "/listing.csv"))
        #expect(response.status == 200)
        #expect(response.text.contains("nine"))
    }

    @Test func cancellingATaskAbortsItsTransfer() async throws {
        let server = try TestServer()
        let session = Fixtures.session()
        let task = Task { try await session.client.send(HTTPRequest(url: server.base + "/stall")) }
        try await Task.sleep(for: .milliseconds(300))
        let start = ContinuousClock.now
        task.cancel()
        let result = await task.result
        #expect(ContinuousClock.now - start < .seconds(3))
        #expect((try? result.get()) == nil)
    }
}

/// A CA and a server certificate for 127.0.0.1 signed by it, made with `openssl` for one test.
struct TestPKI {
    let ca: String
    let cert: String
    let key: String

    init() throws {
        let dir = Fixtures.temporaryDirectory()
        ca = dir + "/ca.pem"
        cert = dir + "/server.pem"
        key = dir + "/server.key"
        let ext = dir + "/ext.cnf"
        try "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n".write(toFile: ext, atomically: true, encoding: .utf8)
        try Self.openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", dir + "/ca.key", "-out", ca,
                          "-days", "2", "-subj", "/CN=impostor test CA"])
        try Self.openssl(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", dir + "/server.csr",
                          "-subj", "/CN=127.0.0.1"])
        try Self.openssl(["x509", "-req", "-in", dir + "/server.csr", "-CA", ca, "-CAkey", dir + "/ca.key",
                          "-CAcreateserial", "-out", cert, "-days", "2", "-extfile", ext])
    }

    private static func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 { throw FetchError(.other, "openssl \(arguments[0]) failed") }
    }
}
