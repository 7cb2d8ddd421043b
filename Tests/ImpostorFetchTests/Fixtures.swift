import Foundation
import ImpostorCore
import Logging
import TestScratch

@testable import ImpostorFetch

/// Sessions and watchlists tuned for tests: a fresh cache folder, no proxy, and timeouts that only end
/// a hang: a loaded CI machine can take seconds to answer a local request. Tests of timeouts set their own.
enum Fixtures {
    static let logger = Logger(label: "impostor.fetch.tests")

    static func configuration(_ edit: (inout HTTPClientConfiguration) -> Void = { _ in }) -> HTTPClientConfiguration {
        var config = HTTPClientConfiguration()
        config.connectTimeoutMilliseconds = 15_000
        config.totalTimeoutMilliseconds = 60_000
        // The machine's proxy variables must not change what a test measures; proxy tests set their own.
        config.proxy = ProxySettings()
        edit(&config)
        return config
    }

    static func temporaryDirectory() -> String {
        let path = Scratch.path("fetch")
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
