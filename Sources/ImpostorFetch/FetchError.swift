import Foundation
import ImpostorCore

/// Why a request or a source failed: a code to match on and a reason a person can act on.
public struct FetchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of failure callers tell apart.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate let name: String
        public var description: String { name }

        /// The server did not answer in time (connect, total or low-speed timeout).
        public static let timeout = Code(name: "timeout")
        /// The connection failed or broke off (refused, reset, truncated body).
        public static let connection = Code(name: "connection")
        /// TLS verification failed or the TLS setup is wrong.
        public static let tls = Code(name: "tls")
        /// The body was larger than allowed, counted after decompression.
        public static let tooLarge = Code(name: "too-large")
        /// Too many redirects.
        public static let redirects = Code(name: "redirects")
        /// The URL or a redirect used a scheme other than http or https.
        public static let scheme = Code(name: "scheme")
        /// The address guard refused a loopback, private, link-local or metadata address.
        public static let blockedAddress = Code(name: "blocked-address")
        /// The server answered with an HTTP status impostor cannot use.
        public static let status = Code(name: "http-status")
        /// The server refused the council's credentials (a token or app password) for a report.
        public static let unauthorized = Code(name: "unauthorized")
        /// The platform refused the council's key or token, or its quota is spent: asking again changes
        /// nothing, so the source stops for this run.
        public static let refused = Code(name: "refused")
        /// A request not sent because its source was already stopped by a refusal.
        public static let stopped = Code(name: "stopped")
        /// The server kept saying "slow down" beyond the retries and waits allowed.
        public static let rateLimited = Code(name: "rate-limited")
        /// The server stayed unavailable (HTTP 503) through the retries allowed: down or overloaded.
        public static let unavailable = Code(name: "unavailable")
        /// This run's request budget is spent.
        public static let budget = Code(name: "budget")
        /// The body is not what was expected (malformed JSON, wrong content type).
        public static let badResponse = Code(name: "bad-response")
        /// A setting is missing or wrong (no base_url, unreadable key file).
        public static let configuration = Code(name: "configuration")
        /// A local file could not be read or written (listing path, cache).
        public static let file = Code(name: "file")
        /// The task was cancelled.
        public static let cancelled = Code(name: "cancelled")
        /// Anything else libcurl reported.
        public static let other = Code(name: "other")
    }

    public var code: Code
    /// What happened, in words a council clerk or an administrator can act on.
    public var reason: String
    /// The URL without its query (queries may hold API keys), when the failure concerns one.
    public var url: String?

    public init(_ code: Code, _ reason: String, url: String? = nil) {
        self.code = code
        // A server may quote the request, key and all, in the body an error repeats. A reason may also
        // quote a feed's handle or a server's words: escapes and line breaks in them are spelled out, so
        // the error is one line on a terminal, in a log and in `impostor status`.
        self.reason = TerminalText.safe(Redaction.apply(reason), limit: TerminalText.messageLimit)
        self.url = url.map { TerminalText.safe(Self.redact($0), limit: TerminalText.messageLimit) }
    }

    public var description: String {
        Redaction.apply(url.map { "\(reason) (\($0))" } ?? reason)
    }

    /// Drops the query and fragment, so keys and tokens in them never reach logs or summaries.
    public static func redact(_ url: String) -> String {
        var s = Substring(url)
        if let i = s.firstIndex(where: { $0 == "?" || $0 == "#" }) { s = s[..<i] }
        // Drop user:password@ too, with or without a scheme (proxies are often written without one).
        let start = s.range(of: "://")?.upperBound ?? s.startIndex
        if let at = s[start...].firstIndex(of: "@"), !s[start..<at].contains("/") {
            s = s[..<start] + s[s.index(after: at)...]
        }
        return String(s)
    }
}
