import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import ImpostorCore
import ImpostorStore
import Logging
import NIOPosix

/// Signing in to the review page of a shared store: bcrypt password hashes, sessions kept in the
/// store under the hash of their token, and a throttle on failed attempts per account and per address.
public struct SignIn: Sendable {
    public var store: any ClerkStore
    /// How long a session lasts from sign-in.
    public var sessionLifetime: TimeInterval
    /// Attempts allowed within `window`: for one account from one address (the clerk mistyping), for one
    /// account from anywhere (a guesser moving address, kept high so strangers cannot lock a clerk
    /// out), and from one address to any account.
    public var pairLimit: Int
    public var accountLimit: Int
    public var addressLimit: Int
    public var window: TimeInterval

    public init(store: any ClerkStore, sessionLifetime: TimeInterval = 12 * 3600, pairLimit: Int = 5,
                accountLimit: Int = 50, addressLimit: Int = 20, window: TimeInterval = 15 * 60) {
        self.store = store
        self.sessionLifetime = sessionLifetime
        self.pairLimit = pairLimit
        self.accountLimit = accountLimit
        self.addressLimit = addressLimit
        self.window = window
        // Made now, so the first unknown address is not slower than every later one.
        _ = Passwords.decoy
    }

    /// The throttle's keys for one attempt, and the limit of each.
    func keys(account: String, client: String) -> [(key: String, limit: Int)] {
        [("pair:\(account)|\(client)", pairLimit), ("account:\(account)", accountLimit), ("address:\(client)", addressLimit)]
    }

    /// Who is asking, for the throttle: the peer, or behind a proxy on this machine (a loopback peer)
    /// the address the proxy appended to X-Forwarded-For. IPv6 counts by /64, the block one household
    /// or server gets.
    static func client(_ request: Request, peer: String) -> String {
        var address = peer
        if LoopbackHost.contains(peer), let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!],
           let last = forwarded.split(separator: ",").last.map({ $0.trimmingCharacters(in: .whitespaces) }),
           IPAddressText.isIPv4(last) || IPAddressText.isIPv6(last)
        {
            address = last
        }
        var bytes = [UInt8](repeating: 0, count: 16)
        if IPAddressText.isIPv6(address), inet_pton(AF_INET6, address, &bytes) == 1 {
            return bytes.prefix(8).map { String(format: "%02x", $0) }.joined() + "::/64"
        }
        return address
    }

    /// `__Host-`: the browser keeps it only from this host, over HTTPS, for every path.
    static let cookie = "__Host-impostor_session"
    /// Pages anyone may fetch: the form itself, its style sheet, the health check.
    static let open: Set<String> = ["/login", "/style.css", "/healthz"]

    /// The cookie that carries a session: never readable by script, sent only over HTTPS (browsers
    /// count http://localhost as secure), and never with another site's POST. Lax, not Strict, so a
    /// digest's link opened from webmail arrives signed in: a GET only reads, and every form carries
    /// its CSRF token besides.
    static func cookieHeader(_ token: String, maxAge: Int) -> String {
        "\(cookie)=\(token); Path=/; Max-Age=\(maxAge); HttpOnly; Secure; SameSite=Lax"
    }

    /// 256 random bits, as hex.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let v: UInt64 = generator.next()
            let hex = String(v, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    static func tokenHash(_ token: String) -> String { ContentHash(of: Array(token.utf8)).hex }

    /// The session token in a request's cookie, when it is one of ours in shape.
    static func token(in request: Request) -> String? {
        guard let value = request.cookies[cookie]?.value, value.count == 64, value.allSatisfy(\.isHexDigit) else { return nil }
        return value
    }
}

/// Password hashing for `impostor users` and the sign-in form.
public enum Passwords {
    /// bcrypt's cost: 2^12 rounds, about a quarter of a second here, for each sign-in.
    public static let cost: UInt8 = 12
    /// The shortest password accepted.
    public static let minimumLength = 10

    public static func hash(_ password: String, cost: UInt8 = Passwords.cost) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// As `verify`, on NIO's thread pool: a quarter of a second of bcrypt must not hold up the
    /// threads that serve pages, and the pool's few threads bound how many run at once.
    static func check(_ password: String, hash: String) async -> Bool {
        (try? await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }) ?? false
    }

    /// Checked against when there is no such account, so an unknown address takes as long as a wrong
    /// password and the time does not tell which addresses have accounts.
    static let decoy = Bcrypt.hash("no such account", cost: Passwords.cost)
}

/// Every page but the open ones needs a live session; a GET without one goes to the sign-in form.
struct SessionGate: RouterMiddleware {
    typealias Context = ReviewRequestContext
    let signIn: SignIn

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if SignIn.open.contains(request.uri.path) { return try await next(request, context) }
        if let token = SignIn.token(in: request),
           let clerk = try await signIn.store.session(tokenHash: SignIn.tokenHash(token), at: Date())
        {
            var context = context
            context.viewer = Viewer(name: clerk.email, scope: clerk.scope, signedIn: true)
            return try await next(request, context)
        }
        if request.method == .get || request.method == .head {
            let back = LoginRoutes.safeReturn(request.uri.path)
            let query = back == "/" ? "" : "?next=" + (back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            return Response(status: .seeOther, headers: [.location: "/login" + query])
        }
        return Pages.error(status: .unauthorized, message: "Sign in first: your session has ended or was never started.")
    }
}

/// GET and POST /login, POST /logout.
struct LoginRoutes: Sendable {
    let signIn: SignIn

    func register(on router: Router<ReviewRequestContext>) {
        router.get("/login", use: form)
        router.head("/login", use: form)
        router.post("/login", use: login)
        router.post("/logout", use: logout)
    }

    @Sendable func form(_ request: Request, context: ReviewRequestContext) async throws -> Response {
        page(request, status: .ok, message: nil, email: "")
    }

    @Sendable func login(_ request: Request, context: ReviewRequestContext) async throws -> Response {
        let body = try await request.body.collect(upTo: 16 * 1024)
        let form = FormBody(String(buffer: body))
        if let problem = CSRF.check(request, form: form) {
            throw HTTPError(.forbidden, message: "Not signed in: \(problem).")
        }
        let typed = String((form["email"] ?? "").prefix(254))
        let password = String((form["password"] ?? "").prefix(1024))
        // What was typed is logged and keyed only when it is an address: people type passwords there.
        let email = Clerk.normalised(email: typed)
        let account = email ?? "not-an-address:" + ContentHash(of: Array(typed.utf8)).hex.prefix(16)
        let client = SignIn.client(request, peer: context.peer)
        let keys = signIn.keys(account: account, client: client)
        let now = Date()
        let attempt = SignIn.newToken()
        // Noted before the password is checked, and counted with it: guesses sent together all count.
        try await signIn.store.noteSignInAttempt(attempt, keys: keys.map(\.key), at: now)
        let counts = try await signIn.store.failedSignIns(keys: keys.map(\.key), since: now.addingTimeInterval(-signIn.window))
        if keys.contains(where: { counts[$0.key, default: 0] > $0.limit }) {
            // Refused before the password is looked at: a guess made now tells nothing.
            context.logger.warning("review.signin_throttled", metadata: ["email": "\(email ?? "(not an address)")", "client": "\(client)"])
            var response = page(request, status: .tooManyRequests, message: """
                Too many failed sign-ins. Wait \(Int(signIn.window / 60)) minutes and try again, \
                or ask your administrator to reset your password.
                """, email: email ?? "")
            response.headers[HTTPField.Name("Retry-After")!] = String(Int(signIn.window))
            return response
        }
        var found: (clerk: Clerk, passwordHash: String)?
        if let email { found = try await signIn.store.credentials(email: email) }
        let matches = await Passwords.check(password, hash: found?.passwordHash ?? Passwords.decoy)
        guard let clerk = found?.clerk, matches, !password.isEmpty else {
            context.logger.notice("review.signin_failed", metadata: ["email": "\(email ?? "(not an address)")", "client": "\(client)"])
            return page(request, status: .unauthorized, message: "That e-mail address and password do not match an account.",
                        email: email ?? "")
        }
        try await signIn.store.signInSucceeded(attempt, clearing: [keys[0].key])
        // A session the browser already had ends: each sign-in starts a new one.
        if let old = SignIn.token(in: request) { try await signIn.store.closeSession(tokenHash: SignIn.tokenHash(old)) }
        let token = SignIn.newToken()
        try await signIn.store.openSession(tokenHash: SignIn.tokenHash(token), clerk: clerk.id,
                                           expires: now.addingTimeInterval(signIn.sessionLifetime), at: now)
        context.logger.notice("review.signed_in", metadata: ["email": "\(clerk.email)"])
        var response = Response(status: .seeOther, headers: [.location: Self.safeReturn(request.uri.queryParameters.get("next") ?? "/")])
        response.headers.append(HTTPField(name: .setCookie, value: SignIn.cookieHeader(token, maxAge: Int(signIn.sessionLifetime))))
        return response
    }

    @Sendable func logout(_ request: Request, context: ReviewRequestContext) async throws -> Response {
        let body = try await request.body.collect(upTo: 16 * 1024)
        if let problem = CSRF.check(request, form: FormBody(String(buffer: body))) {
            throw HTTPError(.forbidden, message: "Not signed out: \(problem).")
        }
        if let token = SignIn.token(in: request) {
            try await signIn.store.closeSession(tokenHash: SignIn.tokenHash(token))
        }
        var response = Response(status: .seeOther, headers: [.location: "/login"])
        response.headers.append(HTTPField(name: .setCookie, value: SignIn.cookieHeader("", maxAge: 0)))
        return response
    }

    func page(_ request: Request, status: HTTPResponse.Status, message: String?, email: String) -> Response {
        let csrf = CSRF.token(for: request)
        let next = Self.safeReturn(request.uri.queryParameters.get("next") ?? "/")
        let body = LoginPage(csrf: csrf.token, email: email, message: message, next: next).html
        return Pages.page(title: "Sign in", body: body, status: status, csrfCookie: csrf.isNew ? csrf.token : nil)
    }

    /// Where to go after signing in: a path on this server only, never another site ("//x" or "/\x").
    static func safeReturn(_ path: String) -> String {
        guard path.hasPrefix("/"), !path.hasPrefix("//"), !path.hasPrefix("/\\"), !path.hasPrefix("/login"),
              path.count <= 200, path.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" })
        else { return "/" }
        return path
    }
}

/// The sign-in form: posts `email`, `password` and `csrf` to /login.
struct LoginPage {
    var csrf: String
    var email: String
    var message: String?
    var next: String

    var html: String {
        var h = "<h1>Sign in</h1>"
        if let message { h += "<p class=\"notice\" role=\"alert\">\(HTML.escape(message))</p>" }
        h += "<p>Sign in with the e-mail address and password your administrator gave you. You will see your own council's cases.</p>"
        let action = next == "/" ? "/login" : "/login?next=" + HTML.escape(next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        h += "<form method=\"post\" action=\"\(action)\" class=\"decision\">"
        h += "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(csrf))\">"
        h += "<label for=\"email\">E-mail address</label>"
        h += "<input type=\"email\" id=\"email\" name=\"email\" required maxlength=\"254\" autocomplete=\"username\" value=\"\(HTML.escape(email))\">"
        h += "<label for=\"password\">Password</label>"
        h += "<input type=\"password\" id=\"password\" name=\"password\" required maxlength=\"1024\" autocomplete=\"current-password\">"
        h += "<button type=\"submit\">Sign in</button></form>"
        return h
    }
}
