import ImpostorCore
import Logging
import Synchronization

/// A place profiles come from: one `[[source]]` entry of `impostor.toml`.
public protocol ProfileSource: Sendable {
    /// The entry's kind: "bluesky", "mastodon", "youtube", "listing" or "link".
    var kind: String { get }
    /// Where the entry is ("watchlist/impostor.toml:12"), for the summary.
    var location: String { get }
    /// Fetches every profile it can; failures go to `context.fail` and the rest carry on.
    func run(_ context: SourceContext) async -> [Profile]
    /// Its cheapest request, which `impostor doctor` sends; nil when there is nothing to ask first.
    var probe: SourceProbe? { get }
}

/// What a running source uses: the session, its counters and its list of failures.
public final class SourceContext: Sendable {
    public let session: FetchSession
    public let stats: SourceStats
    private let failures = Mutex<[FetchError]>([])
    private let refusal = Mutex<FetchError?>(nil)

    /// Where found profiles go at once when the run streams them (a scan), rather than at the end.
    private let sink: (@Sendable ([Profile]) async -> Void)?

    public init(session: FetchSession, stats: SourceStats, sink: (@Sendable ([Profile]) async -> Void)? = nil) {
        self.session = session
        self.stats = stats
        self.sink = sink
    }

    /// Passes profiles on as soon as they are found, so that a scan hashes, scores and stores them while
    /// the source goes on and need not hold them all; it waits while the scan catches up. Returns the
    /// profiles the source must still return itself: none when the run streams, all of them otherwise.
    public func pass(_ profiles: [Profile]) async -> [Profile] {
        guard let sink, !profiles.isEmpty else { return profiles }
        await sink(profiles)
        return []
    }

    /// Records a failure for the summary; the source goes on with what it can still do. A request
    /// that was not sent because the source had stopped is no new failure.
    public func fail(_ error: FetchError) {
        guard error.code != .stopped, error != stoppedBy else { return }
        session.logger.debug("fetch.source.failure", metadata: ["fetch.code": "\(error.code)", "fetch.reason": "\(error.reason)"])
        failures.withLock { $0.append(error) }
    }

    public var errors: [FetchError] { failures.withLock { $0 } }

    /// Stops the source at a refusal, or at a server still limiting or down after the retries: it is
    /// recorded once, and every later request of the source fails at once with `.stopped`, unsent.
    func stop(_ error: FetchError) {
        let first = refusal.withLock { current -> Bool in
            guard current == nil else { return false }
            current = error
            return true
        }
        if first { failures.withLock { $0.append(error) } }
    }

    /// The refusal that stopped the source, if one did.
    var stoppedBy: FetchError? { refusal.withLock { $0 } }

    /// Throws `.stopped` when a refusal has stopped the source.
    func checkNotStopped() throws(FetchError) {
        if let why = stoppedBy { throw FetchError(.stopped, "not sent: \(why.reason)") }
    }
}

/// How one source went: the per-source line of `impostor fetch`'s summary.
public struct SourceSummary: Sendable, Hashable {
    public var kind: String
    public var location: String
    public var pages: Int
    public var profiles: Int
    /// Failures of the source itself: each makes the run exit 1.
    public var errors: [FetchError]
    /// Avatars that could not be downloaded; their profiles are still written, without an avatar.
    public var avatarErrors: [FetchError]
    public var waits: Int
    public var waited: Duration

    public init(
        kind: String, location: String, pages: Int = 0, profiles: Int = 0, errors: [FetchError] = [],
        avatarErrors: [FetchError] = [], waits: Int = 0, waited: Duration = .zero
    ) {
        self.kind = kind
        self.location = location
        self.pages = pages
        self.profiles = profiles
        self.errors = errors
        self.avatarErrors = avatarErrors
        self.waits = waits
        self.waited = waited
    }

    /// Whether the source failed in part or in whole.
    public var failed: Bool { !errors.isEmpty }
}
