/// How a session answers "slow down": retries, backoff with jitter, and the longest wait accepted.
public struct RetryPolicy: Sendable, Hashable {
    /// Retries after a 429 or 503 before the request fails.
    public var maxRetries: Int = 4
    /// The first backoff when the server names no time; it doubles per retry up to `maxBackoff`.
    public var baseBackoff: Duration = .seconds(1)
    public var maxBackoff: Duration = .seconds(60)
    /// A server asking for a longer pause fails the request instead, so a run never hangs for hours.
    public var maxWait: Duration = .seconds(300)
    /// Requests one run may make over all sources.
    public var budget: Int = 2_000

    public init() {}

    /// The backoff before retry `attempt` (0-based) when the server named no time: exponential,
    /// capped, with "equal jitter" so parallel clients spread out.
    func backoff(attempt: Int) -> Duration {
        let exponent = min(attempt, 16)
        let full = min(baseBackoff * (1 << exponent), maxBackoff)
        let fraction = Double.random(in: 0.5...1.0)
        return full * fraction
    }

    /// A named wait plus up to 10% jitter, never less than the server asked.
    func jittered(_ seconds: Double) -> Duration {
        // A server's number may be anything ("inf", 1e20): at most a year, so it converts.
        let bounded = seconds.isFinite ? min(max(seconds, 0), 31_536_000) : 31_536_000
        return .milliseconds(Int64(bounded * 1000 * Double.random(in: 1.0...1.1)))
    }
}
