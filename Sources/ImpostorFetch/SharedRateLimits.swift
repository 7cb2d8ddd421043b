import Foundation

/// What the platforms said about one outgoing address, shared by every worker that sends from it:
/// a request one worker makes is one fewer for the others, and a pause a platform asked of one is kept
/// by all. Kept in the shared store (PostgreSQL); a single council's scan has none.
public protocol SharedRateLimits: Sendable {
    /// Takes one request to `host` from `address`; nil when it may go now, else when to ask again.
    func reserve(host: String, address: String, at now: Date) async -> Date?
    /// What the platform's headers said: requests left in its window, and when the window ends.
    func record(host: String, address: String, remaining: Int, windowEnds: Date?) async
    /// A pause the platform asked for (429, 503, Retry-After).
    func pause(host: String, address: String, until: Date) async
}

/// The shared limits and the name of the address they are counted against.
public struct SharedLimits: Sendable {
    public var limits: any SharedRateLimits
    /// The `--source-address`, or "HOST:default" for a worker the system routes (workers on other
    /// machines leave from other addresses).
    public var address: String
    public var bound: Bool

    public init(_ limits: any SharedRateLimits, address: String?) {
        self.limits = limits
        self.address = address ?? ProcessInfo.processInfo.hostName + ":default"
        bound = address != nil
    }
}
