import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Synchronization

/// Headers on every response: a Content-Security-Policy that allows no script at all (the pages need
/// none), no framing, no referrer leaking case URLs to the platforms the clerk clicks through to.
/// The referrer policy is `same-origin`, not `no-referrer`: under `no-referrer` browsers send
/// `Origin: null` with the page's own form posts, and the CSRF check would refuse every decision.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    static var policy: String {
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response = Pages.error(status: error.status, message: error.body ?? "\(error.status.reasonPhrase)")
        } catch let error as any HTTPResponseError {
            response = Pages.error(status: error.status, message: error.status.reasonPhrase)
        } catch {
            // Any other failure (the store, say) still gets a page with these headers, and its detail goes to the log.
            context.logger.error("review.failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            response = Pages.error(status: .internalServerError,
                                   message: "Something went wrong; the details are in impostor's log. Try again in a moment.")
        }
        if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] = Self.policy }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// DNS rebinding: a web page the clerk opens may resolve its own name to this server's address and
/// read the queue. A request counts only when its `Host` is a name this server answers to (see
/// `ReviewConfiguration.answersTo`); any other gets 421 and changes nothing.
struct HostGate<Context: RequestContext>: RouterMiddleware {
    let configuration: ReviewConfiguration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let authority = request.head.authority, !authority.isEmpty else {
            return Pages.error(status: .badRequest, message: "The request names no host.")
        }
        guard configuration.answersTo(authority: authority) else {
            context.logger.warning("review.host_refused", metadata: ["host": "\(authority.prefix(100))"])
            return Pages.error(status: .misdirectedRequest, message: """
                This review page does not answer to that host name. Open it at \(configuration.address).
                """)
        }
        return try await next(request, context)
    }
}

/// HEAD is GET without the body (monitors and link checkers ask with HEAD): each page's GET handler
/// also serves HEAD, and this drops what it wrote.
struct HeadAsGet<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        guard request.method == .head else { return response }
        return Response(status: response.status, headers: response.headers)
    }
}

/// HTTP Basic authentication with the password from the file, when the page listens beyond loopback.
/// The user name the clerk types is the name written into the audit trail. An address that sends
/// `PasswordThrottle.limit` wrong passwords is refused for a while, the right one too: a guesser learns nothing.
struct PasswordGate: RouterMiddleware {
    typealias Context = ReviewRequestContext
    let password: String
    var throttle = PasswordThrottle()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let client = SignIn.client(request, peer: context.peer)
        // Only a password sent under a name counts: a browser's first request carries none, and a nameless one is
        // refused whatever its password. It counts as wrong until it proves right, so a burst of guesses sent at
        // once gets no more than the limit.
        let credentials = Self.credentials(of: request).flatMap { $0.user.isEmpty ? nil : $0 }
        if let credentials {
            switch throttle.attempt(client) {
            case .wait(let wait):
                var response = Pages.error(status: .tooManyRequests,
                                           message: "Too many wrong passwords from this address. Try again in \(Int(wait / 60) + 1) minutes.")
                response.headers[.retryAfter] = String(Int(wait.rounded(.up)))
                return response
            case .counted(let last):
                if Self.same(credentials.password, password) {
                    throttle.succeeded(client)
                    return try await next(request, context)
                }
                if last { context.logger.warning("review.password_throttled", metadata: ["client": "\(client)"]) }
            }
        }
        var response = Pages.error(status: .unauthorized, message: "Sign in with your name and the review password.")
        response.headers[.wwwAuthenticate] = "Basic realm=\"impostor review\", charset=\"UTF-8\""
        return response
    }

    /// Compares in time that does not depend on where the strings differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var diff = x.count ^ y.count
        for i in 0..<max(x.count, y.count) {
            diff |= Int((i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0))
        }
        return diff == 0
    }

    static func user(of request: Request) -> String? {
        credentials(of: request)?.user
    }

    /// The name and password of a Basic Authorization header, or nil when it carries none.
    static func credentials(of request: Request) -> (user: String, password: String)? {
        guard let header = request.headers[.authorization], header.hasPrefix("Basic "),
              let decoded = Data(base64Encoded: String(header.dropFirst(6))),
              let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}

/// Cross-site request forgery: every form carries the token from the browser's own cookie
/// (double submit), the cookie is SameSite=Strict, and a POST from another origin is refused.
enum CSRF {
    static let cookie = "impostor_csrf"

    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(generator.next() as UInt64, radix: 16) }.joined(separator: "-")
    }

    /// The browser's token, or a fresh one to set on the response.
    static func token(for request: Request) -> (token: String, isNew: Bool) {
        if let existing = request.cookies[cookie]?.value, existing.count >= 16, existing.count <= 80,
           existing.allSatisfy({ $0.isHexDigit || $0 == "-" })
        {
            return (existing, false)
        }
        return (newToken(), true)
    }

    static func check(_ request: Request, form: FormBody) -> String? {
        // A browser names the page a form came from; it must be this server, as the browser reached it.
        // Every browser sends one of the two with a form's POST; a request with neither is not the clerk's.
        let host = request.head.authority ?? ""
        let ours = ["http://\(host)", "https://\(host)"]
        if let origin = request.headers[.origin] {
            if host.isEmpty || !ours.contains(origin) {
                return "this form was sent from another site (\(origin.prefix(100)))"
            }
        } else if let referer = request.headers[.referer] {
            if host.isEmpty || !ours.contains(where: { referer == $0 || referer.hasPrefix($0 + "/") }) {
                return "this form was sent from another site (\(referer.prefix(100)))"
            }
        } else {
            return "the browser did not say which page sent this form; send it from the review page itself"
        }
        guard let sent = form["csrf"], let expected = request.cookies[cookie]?.value, !expected.isEmpty,
              PasswordGate.same(sent, expected)
        else {
            return "the form's security token is missing or out of date; go back, reload the page and try again"
        }
        return nil
    }

    static func cookieHeader(_ token: String) -> String {
        "\(cookie)=\(token); Path=/; HttpOnly; SameSite=Strict"
    }
}

/// Wrong review passwords per address (IPv6 by /64, as `SignIn.client` gives it), kept in memory: the
/// shared password guards one council's page, served by one process.
final class PasswordThrottle: Sendable {
    /// Wrong passwords from one address within `window` before it must wait out the rest of the window.
    let limit: Int
    let window: TimeInterval
    private let now: @Sendable () -> Date
    /// The times of each address's recent failures. Bounded: the oldest address is forgotten first.
    private let failures = Mutex<[String: [Date]]>([:])
    static let addressesKept = 10_000

    init(limit: Int = 10, window: TimeInterval = 15 * 60, now: @escaping @Sendable () -> Date = { Date() }) {
        self.limit = limit
        self.window = window
        self.now = now
    }

    enum Attempt: Equatable {
        /// Refused before its password is read: the address must wait this long.
        case wait(TimeInterval)
        /// Counted as a failure until `succeeded`; `last` when it is the one that reaches the limit.
        case counted(last: Bool)
    }

    /// Counts a try from `client` as a failure, under one lock with the check, unless the address must wait.
    func attempt(_ client: String) -> Attempt {
        let at = now()
        return failures.withLock { all -> Attempt in
            var recent = (all[client] ?? []).filter { at.timeIntervalSince($0) < window }
            if recent.count >= limit, let first = recent.first {
                all[client] = recent
                return .wait(window - at.timeIntervalSince(first))
            }
            if all[client] == nil, all.count >= Self.addressesKept,
                let oldest = all.min(by: { ($0.value.last ?? .distantPast) < ($1.value.last ?? .distantPast) })?.key
            {
                all[oldest] = nil
            }
            recent.append(at)
            all[client] = recent
            return .counted(last: recent.count == limit)
        }
    }

    /// The try last counted from `client` was the right password: it is no failure.
    func succeeded(_ client: String) {
        failures.withLock { all in
            guard var recent = all[client], !recent.isEmpty else { return }
            recent.removeLast()
            all[client] = recent.isEmpty ? nil : recent
        }
    }
}
