import Foundation

/// Reads the time formats rate-limit headers use, as seconds from `now`.
enum HTTPDates {
    /// `Retry-After`: delta seconds or an HTTP date (RFC 9110 §10.2.3).
    static func retryAfter(_ value: String, now: Date) -> Double? {
        let v = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(v) { return max(0, seconds) }
        guard let date = httpDate(v) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// `RateLimit-Reset` as Bluesky sends it (Unix seconds); small numbers are read as the IETF draft's delta seconds.
    static func unixOrDelta(_ value: String, now: Date) -> Double? {
        guard let n = Double(value.trimmingCharacters(in: .whitespaces)) else { return nil }
        if n > 1_000_000_000 { return max(0, n - now.timeIntervalSince1970) }
        return max(0, n)
    }

    /// `X-RateLimit-Reset` as Mastodon sends it: ISO 8601, usually with fractional seconds.
    static func iso8601(_ value: String, now: Date) -> Double? {
        let v = value.trimmingCharacters(in: .whitespaces)
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let plain = ISO8601DateFormatter()
        guard let date = fractional.date(from: v) ?? plain.date(from: v) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// The instant absolute times in `response` are measured from: the server's own `Date` header when
    /// it sent one, else this machine's clock. Measuring a reset against the clock of the server that
    /// named it means neither a wrong clock here nor a late look at the response (a busy machine) can
    /// shorten the pause; the header's whole seconds only lengthen it, by under a second.
    static func reference(for response: HTTPResponse, localNow: Date = Date()) -> Date {
        response.header("date").flatMap(httpDate) ?? localNow
    }

    /// An IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT").
    static func httpDate(_ value: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value)
    }
}
