import Foundation

/// Keeps each host's request rate within what it announced: the `RateLimit-*` (Bluesky) and
/// `X-RateLimit-*` (Mastodon) headers, and pauses after a 429 or 503.
actor RateLimiter {
    private struct HostState {
        /// Requests the host still allows in this window, less the ones started since it said so.
        var remaining: Int?
        var windowEnds: ContinuousClock.Instant?
        var resetHeader: String?
        /// No request starts before this (after a 429, a 503, or a spent window).
        var pausedUntil: ContinuousClock.Instant?
    }

    private var hosts: [String: HostState] = [:]
    private let clock = ContinuousClock()
    /// Added to every announced reset, because servers count whole seconds.
    private let margin: Duration

    init(margin: Duration = .milliseconds(150)) {
        self.margin = margin
    }

    /// Takes one request slot for `host`, or returns the instant to wait for before asking again.
    func reserve(host: String) -> ContinuousClock.Instant? {
        let now = clock.now
        var state = hosts[host, default: HostState()]
        defer { hosts[host] = state }
        if let paused = state.pausedUntil {
            if paused > now { return paused }
            state.pausedUntil = nil
        }
        if let ends = state.windowEnds, ends <= now {
            state.windowEnds = nil
            state.remaining = nil
        }
        if let remaining = state.remaining {
            if remaining <= 0 {
                // Spent with no known reset: the next answer or a pause will tell; wait a little.
                return state.windowEnds ?? now.advanced(by: .seconds(1))
            }
            state.remaining = remaining - 1
        }
        return nil
    }

    /// Reads the rate-limit headers of a response from `host`; returns what they said, for other
    /// workers on the same address (nil when they said nothing).
    @discardableResult
    func record(host: String, response: HTTPResponse) -> (remaining: Int, resetIn: Double?)? {
        let now = clock.now
        let wallNow = HTTPDates.reference(for: response)
        var state = hosts[host, default: HostState()]
        defer { hosts[host] = state }
        // Bluesky: RateLimit-*; Mastodon and Brave: X-RateLimit-*; X: x-rate-limit-* (reset in Unix time).
        let remainingText = response.header("ratelimit-remaining") ?? response.header("x-ratelimit-remaining")
            ?? response.header("x-rate-limit-remaining")
        let resetText = response.header("ratelimit-reset") ?? response.header("x-ratelimit-reset")
            ?? response.header("x-rate-limit-reset")
        // Brave lists one value per window ("1, 900" with resets "1, 1419704"): the shortest window
        // is the one that spaces requests; a source watches the long ones itself.
        let remainings = (remainingText ?? "").split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        let resets = (resetText ?? "").split(separator: ",").map { String($0) }
        guard !remainings.isEmpty else { return nil }
        var window = 0
        if remainings.count > 1 {
            let seconds = resets.map { HTTPDates.unixOrDelta($0, now: wallNow) ?? .infinity }
            window = seconds.indices.min { seconds[$0] < seconds[$1] } ?? 0
            if window >= remainings.count { window = 0 }
        }
        guard let remaining = remainings[window] else { return nil }
        var resetIn: Double?
        if remainings.count > 1, window < resets.count {
            resetIn = HTTPDates.unixOrDelta(resets[window], now: wallNow)
        } else if let text = response.header("ratelimit-reset") {
            resetIn = HTTPDates.unixOrDelta(text, now: wallNow)
        } else if let text = response.header("x-ratelimit-reset") {
            resetIn = HTTPDates.iso8601(text, now: wallNow) ?? HTTPDates.unixOrDelta(text, now: wallNow)
        } else if let text = response.header("x-rate-limit-reset") {
            resetIn = HTTPDates.unixOrDelta(text, now: wallNow)
        }
        if resetText != state.resetHeader {
            // A new window: the server's count is the truth.
            state.remaining = remaining
            state.resetHeader = resetText
        } else {
            // Same window: answers arrive out of order, so keep the lower count.
            state.remaining = min(state.remaining ?? remaining, remaining)
        }
        var bounded: Double?
        if let resetIn {
            // A server's number may be anything ("inf", 1e20): at most a year, so it converts.
            let seconds = resetIn.isFinite ? min(max(resetIn, 0), 31_536_000) : 31_536_000
            state.windowEnds = now.advanced(by: .milliseconds(Int64(seconds * 1000))) + margin
            bounded = seconds
        }
        return (remaining, bounded)
    }

    /// Stops requests to `host` until `delay` has passed.
    func pause(host: String, for delay: Duration) {
        let until = clock.now.advanced(by: delay)
        var state = hosts[host, default: HostState()]
        state.pausedUntil = max(state.pausedUntil ?? until, until)
        hosts[host] = state
    }
}
