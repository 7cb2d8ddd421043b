import Foundation
import ImpostorCore
import Logging

@testable import ImpostorFetch

/// The fixture server (Servers/fixture_server.py) on 127.0.0.1 with an ephemeral port, for one test.
///
/// `@unchecked Sendable` is safe: every stored property is set in `init` and never changed;
/// `Process` is only asked to terminate.
final class TestServer: @unchecked Sendable {
    let process = Process()
    /// The server exits when this pipe closes, so a crashed test run leaves no server behind.
    let lifeline = Pipe()
    let port: Int
    let scheme: String

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Servers/fixture_server.py").path

    init(tls: (cert: String, key: String)? = nil) throws {
        scheme = tls == nil ? "http" : "https"
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script] + (tls.map { ["--tls", $0.cert, $0.key] } ?? [])
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = lifeline
        // Holding the runner's stderr would keep `swift test` waiting after the tests end.
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5).prefix { $0.isNumber }) else {
            process.terminate()
            throw FetchError(.other, "the fixture server did not start: \(text)")
        }
        self.port = port
    }

    deinit {
        try? lifeline.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
    }

    var base: String { "\(scheme)://127.0.0.1:\(port)" }

    /// The server's counters (`/stats`).
    func stats() async throws -> [String: Any] {
        let response = try await Fixtures.session().client.send(HTTPRequest(url: base + "/stats"))
        return try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] ?? [:]
    }
}

/// Sessions and watchlists tuned for tests: short timeouts, a fresh cache folder.
enum Fixtures {
    static let logger = Logger(label: "impostor.fetch.tests")

    static func configuration(_ edit: (inout HTTPClientConfiguration) -> Void = { _ in }) -> HTTPClientConfiguration {
        var config = HTTPClientConfiguration()
        config.connectTimeoutMilliseconds = 2_000
        config.totalTimeoutMilliseconds = 10_000
        edit(&config)
        return config
    }

    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "impostor-fetch-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func session(
        _ config: HTTPClientConfiguration = configuration(), policy: RetryPolicy = RetryPolicy(),
        guard addressGuard: AddressGuard = AddressGuard(exceptions: ["127.0.0.1"])
    ) -> FetchSession {
        FetchSession(
            client: CurlHTTPClient(configuration: config, logger: logger),
            cache: ResponseCache(directory: temporaryDirectory()), policy: policy, strangerGuard: addressGuard,
            logger: logger)
    }

    static func watchlist(_ sources: [SourceSettings], identity: Identity? = nil, directory: String = temporaryDirectory()) -> Watchlist {
        Watchlist(
            directory: directory, identities: [identity ?? Identity(id: "oak", name: "Oakbridge Town Council")],
            settings: Settings(sources: sources, allowPrivateAddresses: false))
    }

    static func source(_ kind: String, _ options: [String: ConfigValue], line: Int = 1) -> SourceSettings {
        SourceSettings(kind: kind, options: options, location: "impostor.toml:\(line)")
    }

    /// Runs `sources` through a fetcher over `session` (avatars downloaded when `avatars`).
    static func run(
        _ sources: [SourceSettings], session: FetchSession = session(), avatars: Bool = false, identity: Identity? = nil
    ) async -> Fetcher.Report {
        let plan = FetchPlan.make(watchlist: watchlist(sources, identity: identity))
        return await Fetcher(session: session, avatars: avatars ? AvatarStore(session: session) : nil).run(plan)
    }

    /// Runs `body`, expecting a `FetchError`, and returns it.
    static func error<T>(_ body: () async throws -> T) async -> FetchError? {
        do {
            _ = try await body()
            return nil
        } catch {
            return error as? FetchError
        }
    }
}
