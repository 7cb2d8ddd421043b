import ImpostorCore
import Logging
import Synchronization

/// Runs a plan's sources side by side, downloads their avatars and gathers one summary per source.
public struct Fetcher: Sendable {
    /// What a progress display shows: a source's pages so far, or that it finished.
    public struct Progress: Sendable {
        public var source: String
        public var pages: Int
        public var done: Bool
    }

    /// Everything one run found.
    public struct Report: Sendable {
        /// Profiles in source order, without repeats (same platform and id); downloaded avatars are in `avatarFile`.
        public var profiles: [Profile]
        public var summaries: [SourceSummary]
        /// Whether any source failed, in whole or in part.
        public var failed: Bool { summaries.contains(where: \.failed) }
    }

    public let session: FetchSession
    /// Nil skips avatar downloads (profiles keep their avatar URLs).
    public let avatars: AvatarStore?
    public let avatarConcurrency: Int

    public init(session: FetchSession, avatars: AvatarStore?, avatarConcurrency: Int = 8) {
        self.session = session
        self.avatars = avatars
        self.avatarConcurrency = avatarConcurrency
    }

    /// A fetcher over the live libcurl client, set up from the watchlist's settings:
    /// `allow_private_addresses`, `request_budget`, `max_connections_per_host` and `ca_bundle`.
    /// `shared` counts requests with other workers sending from the same address (`--source-address`).
    public static func live(watchlist: Watchlist, cacheDirectory: String, shared: SharedLimits? = nil,
                            logger: Logger) -> Fetcher {
        var http = httpConfiguration(watchlist)
        if let shared, shared.bound { http.sourceAddress = shared.address }
        var policy = RetryPolicy()
        if let budget = watchlist.settings.other["request_budget"]?.integer, budget > 0 { policy.budget = budget }
        let session = FetchSession(
            client: CurlHTTPClient(configuration: http, logger: logger), cache: ResponseCache(directory: cacheDirectory),
            policy: policy, strangerGuard: AddressGuard(allowPrivate: watchlist.settings.allowPrivateAddresses),
            shared: shared, logger: logger)
        return Fetcher(session: session, avatars: AvatarStore(session: session))
    }

    /// The live client's settings from `impostor.toml`: `ca_bundle` and `max_connections_per_host`.
    public static func httpConfiguration(_ watchlist: Watchlist) -> HTTPClientConfiguration {
        var http = HTTPClientConfiguration()
        if let ca = watchlist.settings.other["ca_bundle"]?.string {
            http.caBundlePath = ca.hasPrefix("/") ? ca : watchlist.directory + "/" + ca
        }
        if let perHost = watchlist.settings.other["max_connections_per_host"]?.integer, (1...64).contains(perHost) {
            http.maxConnectionsPerHost = perHost
        }
        return http
    }

    /// Runs every source of `plan`; failures are in the summaries, never thrown.
    public func run(_ plan: FetchPlan, progress: (@Sendable (Progress) -> Void)? = nil) async -> Report {
        let (found, summaries) = await gather(plan, progress: progress, deliver: nil)
        var seen = Set<String>()
        var profiles: [Profile] = []
        for list in found {
            for profile in list where seen.insert("\(profile.platform)\u{0}\(profile.id)").inserted {
                profiles.append(profile)
            }
        }
        return Report(profiles: profiles, summaries: summaries)
    }

    /// Runs every source of `plan` and hands each batch of profiles to `deliver` as soon as it is found
    /// and its avatars are downloaded, with the index of its source: a scan need not hold every profile
    /// at once. Sources wait while `deliver` works. Repeats across sources are not removed here.
    public func stream(_ plan: FetchPlan, progress: (@Sendable (Progress) -> Void)? = nil,
                       deliver: @escaping @Sendable (Int, [Profile]) async -> Void) async -> [SourceSummary] {
        await gather(plan, progress: progress, deliver: deliver).1
    }

    /// The profiles each source returned (none when they were delivered) and one summary per source.
    private func gather(_ plan: FetchPlan, progress: (@Sendable (Progress) -> Void)?,
                        deliver: (@Sendable (Int, [Profile]) async -> Void)?) async -> ([[Profile]], [SourceSummary]) {
        var results = [(profiles: [Profile], summary: SourceSummary)?](repeating: nil, count: plan.sources.count)
        await withTaskGroup(of: (Int, [Profile], SourceSummary).self) { group in
            for (index, source) in plan.sources.enumerated() {
                group.addTask {
                    let name = "\(source.kind) (\(source.location))"
                    let stats = SourceStats { pages in progress?(Progress(source: name, pages: pages, done: false)) }
                    var forSource: (@Sendable ([Profile]) async -> Void)?
                    if let deliver { forSource = { await deliver(index, $0) } }
                    let (profiles, summary) = await runOne(source, stats: stats, deliver: forSource)
                    progress?(Progress(source: name, pages: summary.pages, done: true))
                    return (index, profiles, summary)
                }
            }
            for await (index, profiles, summary) in group { results[index] = (profiles, summary) }
        }
        return (results.map { $0?.profiles ?? [] }, plan.problems + results.compactMap { $0?.summary })
    }

    private func runOne(_ source: any ProfileSource, stats: SourceStats,
                        deliver: (@Sendable ([Profile]) async -> Void)?) async -> ([Profile], SourceSummary) {
        // Delivered batches have their avatars downloaded on the way; their errors and count are kept here.
        let passed = Mutex<(count: Int, avatarErrors: [FetchError])>((0, []))
        var sink: (@Sendable ([Profile]) async -> Void)?
        if let deliver {
            sink = { found in
                let (ready, errors) = await downloadAvatars(found, stats: stats)
                passed.withLock {
                    $0.count += ready.count
                    $0.avatarErrors += errors
                }
                await deliver(ready)
            }
        }
        let context = SourceContext(session: session, stats: stats, sink: sink)
        let returned = await source.run(context)
        var (profiles, avatarErrors) = await downloadAvatars(await context.pass(returned), stats: stats)
        let (count, passedErrors) = passed.withLock { ($0.count, $0.avatarErrors) }
        avatarErrors = passedErrors + avatarErrors
        let summary = SourceSummary(
            kind: source.kind, location: source.location, pages: stats.pages, profiles: count + profiles.count,
            errors: context.errors, avatarErrors: avatarErrors, waits: stats.waits, waited: stats.waited)
        return (profiles, summary)
    }

    /// Downloads avatar URLs into the cache and sets `avatarFile`; a failed avatar leaves its profile
    /// without one. An avatar that is not a web address names no file: only a local listing may point
    /// at a picture on disk, and it sets `avatarFile` itself.
    func downloadAvatars(_ fetched: [Profile], stats: SourceStats) async -> ([Profile], [FetchError]) {
        var profiles = fetched
        var errors: [FetchError] = []
        var wanted: [(Int, String)] = []
        for (index, profile) in profiles.enumerated() {
            guard profile.avatarFile == nil, let avatar = profile.avatar, !avatar.isEmpty else { continue }
            if URLParts.isWebAddress(avatar) {
                wanted.append((index, avatar))
            } else {
                profiles[index].avatar = nil
                errors.append(FetchError(.scheme, "the avatar of \(profile.platform) account \(String(profile.handle.prefix(80))) is not an http or https address; it was ignored"))
            }
        }
        guard let avatars else { return (profiles, errors) }
        await withTaskGroup(of: AvatarOutcome.self) { group in
            var next = 0
            func addNext() {
                guard next < wanted.count else { return }
                let (index, url) = wanted[next]
                next += 1
                group.addTask { await Self.download(url, for: index, from: avatars, stats: stats) }
            }
            for _ in 0..<avatarConcurrency { addNext() }
            for await outcome in group {
                profiles[outcome.index].avatarFile = outcome.path
                if let error = outcome.error { errors.append(error) }
                addNext()
            }
        }
        return (profiles, errors)
    }

    /// One avatar's download, told as a plain value. A child task that caught the typed error itself
    /// and returned `(Int, Result<String, FetchError>)` came back with a garbage index in the release
    /// build of Swift 6.3.1 (the debug build was right); `scripts/scan-bench.sh` found it.
    private struct AvatarOutcome: Sendable {
        var index: Int
        var path: String?
        var error: FetchError?
    }

    private static func download(_ url: String, for index: Int, from avatars: AvatarStore, stats: SourceStats) async
        -> AvatarOutcome
    {
        do {
            return AvatarOutcome(index: index, path: try await avatars.download(url, stats: stats), error: nil)
        } catch {
            return AvatarOutcome(index: index, path: nil, error: error)
        }
    }
}
