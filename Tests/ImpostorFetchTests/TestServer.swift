import Foundation
import TestScratch

@testable import ImpostorFetch

/// A Python server from Servers/ on 127.0.0.1 with an ephemeral port, for one test. Use it through
/// `withServer`, which stops and reaps it however the test ends.
final class TestServer: Sendable {
    let child: ChildProcess
    let port: Int
    let scheme: String

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Servers").path

    /// Starts `Servers/<script>` with `arguments`; the script prints "PORT <n>" once it listens.
    static func start(_ script: String = "fixture_server.py", _ arguments: [String] = [], scheme: String = "http") async throws -> TestServer {
        let (child, line) = try await ChildProcess.start([Python.interpreter, folder + "/" + script] + arguments)
        guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            let said = child.stderrText
            await child.stop()
            throw TestFailure("\(script) did not start: \(line) \(said)")
        }
        return TestServer(child: child, port: port, scheme: scheme)
    }

    private init(child: ChildProcess, port: Int, scheme: String) {
        self.child = child
        self.port = port
        self.scheme = scheme
    }

    var base: String { "\(scheme)://127.0.0.1:\(port)" }

    /// The server's counters (`/stats`).
    func stats() async throws -> [String: Any] {
        let response = try await Fixtures.session().client.send(HTTPRequest(url: base + "/stats"))
        return try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] ?? [:]
    }
}

/// Runs `body` with a fixture server (HTTPS when `tls` names a certificate and key), then stops it.
func withServer<T>(tls: TestPKI? = nil, _ body: (TestServer) async throws -> T) async throws -> T {
    let arguments = tls.map { ["--tls", $0.cert, $0.key] } ?? []
    let server = try await TestServer.start("fixture_server.py", arguments, scheme: tls == nil ? "http" : "https")
    return try await withStopping([server]) { try await body(server) }
}

/// Runs `body`, then stops every server in `servers`, also when `body` throws.
func withStopping<T>(_ servers: [TestServer], _ body: () async throws -> T) async throws -> T {
    do {
        let result = try await body()
        for server in servers { await server.child.stop() }
        return result
    } catch {
        for server in servers { await server.child.stop() }
        throw error
    }
}
