import Foundation
import Testing

@testable import ImpostorFetch

/// A real HTTP/2 server (Servers/h2_server.py, hypercorn) over TLS with a test CA.
func withHTTP2Server<T>(_ pki: TestPKI, _ body: (TestServer) async throws -> T) async throws -> T {
    let server = try await TestServer.start("h2_server.py", [pki.cert, pki.key], scheme: "https")
    return try await withStopping([server]) { try await body(server) }
}

@Suite("HTTP/2 over verified TLS")
struct HTTP2Tests {
    struct Answer: Decodable {
        let http_version: String
        let client_port: Int
    }

    @Test func http2IsSpokenWhenTheServerOffersIt() async throws {
        let pki = try await TestPKI.make()
        try await withHTTP2Server(pki) { server in
            let session = Fixtures.session(Fixtures.configuration { $0.caBundlePath = pki.ca })
            let response = try await session.client.send(HTTPRequest(url: server.base + "/hello"))
            #expect(response.status == 200)
            #expect(response.httpVersion == "2")
            // The server's own view of the request agrees.
            let answer = try JSONDecoder().decode(Answer.self, from: Data(response.body))
            #expect(answer.http_version == "2")
        }
    }

    @Test func concurrentRequestsShareOneConnection() async throws {
        let pki = try await TestPKI.make()
        try await withHTTP2Server(pki) { server in
            let session = Fixtures.session(Fixtures.configuration { $0.caBundlePath = pki.ca })
            let answers = try await withThrowingTaskGroup(of: Answer.self) { group in
                for n in 0..<8 {
                    group.addTask {
                        let response = try await session.client.send(HTTPRequest(url: server.base + "/slow?n=\(n)"))
                        return try JSONDecoder().decode(Answer.self, from: Data(response.body))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.count == 8)
            #expect(answers.allSatisfy { $0.http_version == "2" })
            #expect(Set(answers.map(\.client_port)).count == 1, "ports \(answers.map(\.client_port))")
        }
    }

    /// Verification stays on: the system store and a stranger's CA both refuse the test certificate.
    @Test func aWrongCAFails() async throws {
        let pki = try await TestPKI.make()
        let other = try await TestPKI.make()
        try await withHTTP2Server(pki) { server in
            for ca in [nil, other.ca] {
                let session = Fixtures.session(Fixtures.configuration { $0.caBundlePath = ca })
                let error = await Fixtures.error { try await session.client.send(HTTPRequest(url: server.base + "/hello")) }
                #expect(error?.code == .tls)
            }
        }
    }
}
