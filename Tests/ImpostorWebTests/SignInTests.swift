import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ImpostorCore
import ImpostorDaemon
import ImpostorImaging
import ImpostorScoring
import ImpostorStore
import ImpostorWeb
import TestPostgres
import Testing

/// A shared store on a real PostgreSQL server with two councils' cases, three users, and the review
/// page served live on 127.0.0.1 with sign-in.
struct SharedReview {
    static let oakbridge = "oakbridge-town-council"
    static let thornbury = "thornbury-town-council"
    static let password = "correct horse battery"

    let folder = TemporaryFolder()
    let store: PostgresStore
    let watchlist: Watchlist
    /// Case ids by account id; the avatar each council's suspect shows.
    let cases: [String: Int64]
    let avatars: [String: String]

    init(signInHint: String) async throws {
        // A second council beside the example one, with a logo of its own.
        let dir = folder.path + "/watchlist"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for name in ["oakbridge-town-council.toml", "oakbridge-town-council-logo.png"] {
            try FileManager.default.copyItem(atPath: ReviewFixture.watchlistDirectory + "/" + name, toPath: dir + "/" + name)
        }
        try FileManager.default.copyItem(atPath: ReviewFixture.logoPath, toPath: dir + "/thornbury-logo.png")
        try """
            name = "Thornbury Town Council"
            kind = "town council"
            place = "Thornbury"
            area = "Gloucestershire"
            logos = ["thornbury-logo.png"]
            """.write(toFile: dir + "/\(Self.thornbury).toml", atomically: true, encoding: .utf8)
        (watchlist, _) = try WatchlistLoader.load(directory: dir)

        store = try await PostgresStore.open(try PostgresAddress(parsing: try TestPostgres.shared().database(signInHint)))
        var cases: [String: Int64] = [:], avatars: [String: String] = [:]
        for (council, place) in [(Self.oakbridge, "Oakbridge"), (Self.thornbury, "Thornbury")] {
            // Each council's picture carries its id after the PNG's end, so each has its own hash.
            let png = [UInt8](try Data(contentsOf: URL(fileURLWithPath: ReviewFixture.logoPath))) + Array(council.utf8)
            let image = StoredImage(sha256: ContentHash(of: png).hex, bytes: png)
            let handle = place.lowercased() + "_tc_news"
            let profile = Profile(platform: .facebook, id: council + "-fake", handle: handle, displayName: "\(place) Town Council",
                                  bio: "Events cancelled", url: "https://www.facebook.com/\(handle)")
            let assessment = Assessment(
                id: profile.id, platform: .facebook, handle: handle, score: 0.9, verdict: .suspect, identity: council,
                target: .council,
                reasons: [Reason(signal: "name", identity: council, matched: "\(place) Town Council", weight: 3, detail: "the name")])
            let outcome = try await store.record(Observation(profile: profile, assessment: assessment, avatar: image),
                                                 run: nil, version: "test", at: Date())
            guard case .opened(let id) = outcome else { throw ReviewFixture.FixtureError(message: "no case for \(council)") }
            cases[council] = id
            avatars[council] = image.sha256
        }
        self.cases = cases
        self.avatars = avatars
        // Cost 4 keeps the tests quick; a sign-in reads the cost from the hash.
        let hash = Passwords.hash(Self.password, cost: 4)
        _ = try await store.addClerk(email: "clerk@oakbridge.test", passwordHash: hash, admin: false,
                                     councils: [Self.oakbridge], at: Date())
        _ = try await store.addClerk(email: "clerk@thornbury.test", passwordHash: hash, admin: false,
                                     councils: [Self.thornbury], at: Date())
        _ = try await store.addClerk(email: "admin@association.test", passwordHash: hash, admin: true, councils: [], at: Date())
    }

    func app(_ signIn: SignIn? = nil, fileReport: ReportFiler? = nil) throws -> some ApplicationProtocol {
        let configuration = try ReviewConfiguration(listen: "127.0.0.1:8080", password: nil, localUser: "nobody", accounts: true)
        let context = ReviewContext(store: store, watchlist: watchlist, configuration: configuration,
                                    signIn: signIn ?? SignIn(store: store), fileReport: fileReport)
        return Application(router: try buildReviewRouter(context),
                           configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }
}

/// A browser's cookie jar, as far as these tests need one.
struct Browser {
    var cookies: [String: String] = [:]
    /// The client's address as a proxy on the server's machine passes it on.
    var forwardedFor: String?

    var header: HTTPFields {
        var fields: HTTPFields = cookies.isEmpty ? [:]
            : [.cookie: cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")]
        if let forwardedFor { fields[HTTPField.Name("X-Forwarded-For")!] = forwardedFor }
        return fields
    }

    mutating func keep(_ response: TestResponse) {
        for field in response.headers where field.name == .setCookie {
            let pair = field.value.split(separator: ";").first.map(String.init) ?? ""
            guard let eq = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<eq]), value = String(pair[pair.index(after: eq)...])
            if value.isEmpty { cookies[name] = nil } else { cookies[name] = value }
        }
    }

    /// The CSRF token the sign-in form carries, with its cookie kept.
    mutating func openForm(_ client: some TestClientProtocol, _ path: String = "/login") async throws -> String {
        let page = try await client.get(path, headers: header)
        keep(page)
        return page.text.firstMatch(of: /name="csrf" value="([^"]*)"/).map { String($0.1) } ?? ""
    }

    /// Signs in through the form; returns the response to the POST.
    mutating func signIn(_ client: some TestClientProtocol, _ email: String, _ password: String = SharedReview.password)
        async throws -> TestResponse
    {
        let csrf = try await openForm(client)
        let r = try await client.post("/login", form: [("csrf", csrf), ("email", email), ("password", password)], headers: header)
        keep(r)
        return r
    }
}

@Suite(.timeLimit(.minutes(10))) struct SignInTests {
    @Test func withoutASessionEveryPageSendsYouToSignInAndNothingChanges() async throws {
        let s = try await SharedReview(signInHint: "signin-none")
        let id = s.cases[SharedReview.oakbridge]!
        try await s.app().test(.live) { client in
            for path in ["/", "/cases/\(id)", "/avatars/\(s.avatars[SharedReview.oakbridge]!)", "/logos/\(SharedReview.oakbridge)/0"] {
                let r = try await client.get(path)
                #expect(r.status == .seeOther, "\(path)")
                #expect(r.headers[.location]?.hasPrefix("/login") == true, "\(path)")
            }
            #expect(try await client.get("/cases/\(id)").headers[.location] == "/login?next=%2Fcases%2F\(id)")
            let post = try await client.post("/cases/\(id)/decision", form: [("decision", "confirm")])
            #expect(post.status == .unauthorized)
            #expect(try await client.get("/login").status == .ok)
            #expect(try await client.get("/healthz").status == .ok)
        }
        #expect(try await s.store.caseDetail(id, scope: .all)?.summary.status == .new)
    }

    @Test func aClerkSignsInWithAStrictCookieAndDecisionsNameThem() async throws {
        let s = try await SharedReview(signInHint: "signin-ok")
        let id = s.cases[SharedReview.oakbridge]!
        try await s.app().test(.live) { client in
            var browser = Browser()
            let r = try await browser.signIn(client, "Clerk@Oakbridge.test")
            #expect(r.status == .seeOther)
            #expect(r.headers[.location] == "/")
            let cookie = try #require(r.headers[values: .setCookie].first { $0.hasPrefix("__Host-impostor_session=") })
            for attribute in ["HttpOnly", "Secure", "SameSite=Lax", "Path=/"] {
                #expect(cookie.contains(attribute), "\(attribute) in \(cookie)")
            }
            let queue = try await client.get("/", headers: browser.header)
            #expect(queue.status == .ok)
            #expect(queue.text.contains("Signed in as clerk@oakbridge.test"))
            let csrf = try await browser.openForm(client, "/cases/\(id)")
            let decided = try await client.post("/cases/\(id)/decision", form: [("csrf", csrf), ("decision", "confirm")],
                                                headers: browser.header)
            #expect(decided.status == .seeOther)

            // Signing out ends the session in the store, not only in this browser.
            let session = browser.cookies["__Host-impostor_session"]!
            let out = try await client.post("/logout", form: [("csrf", csrf)], headers: browser.header)
            #expect(out.status == .seeOther)
            let replay = try await client.get("/", headers: [.cookie: "__Host-impostor_session=\(session)"])
            #expect(replay.status == .seeOther)
        }
        let detail = try #require(try await s.store.caseDetail(id, scope: .all))
        #expect(detail.summary.status == .confirmed)
        #expect(detail.events.last?.actor == "clerk@oakbridge.test")
    }

    @Test func theFormNeedsItsTokenAndAWrongPasswordOpensNothing() async throws {
        let s = try await SharedReview(signInHint: "signin-bad")
        try await s.app().test(.live) { client in
            var browser = Browser()
            _ = try await browser.openForm(client)
            let forged = try await client.post("/login", form: [("email", "clerk@oakbridge.test"), ("password", SharedReview.password)],
                                               headers: browser.header)
            #expect(forged.status == .forbidden)
            #expect(forged.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("__Host-impostor_session=") })
            let wrong = try await browser.signIn(client, "clerk@oakbridge.test", "not the password")
            #expect(wrong.status == .unauthorized)
            #expect(browser.cookies["__Host-impostor_session"] == nil)
            let unknown = try await browser.signIn(client, "nobody@nowhere.test")
            #expect(unknown.status == .unauthorized)
            #expect(unknown.text.contains("do not match an account"))
            #expect(wrong.text.contains("do not match an account"), "the same words whether or not the account exists")
            // A forged session cookie of the right shape opens nothing.
            let fake = try await client.get("/", headers: [.cookie: "__Host-impostor_session=" + String(repeating: "ab", count: 32)])
            #expect(fake.status == .seeOther)
        }
    }

    /// A link a clerk reports on the shared page goes on their own council's case, through the desk
    /// `impostor serve` uses; the council whose page it copies is told on its own case, which keeps
    /// its status, with the way the report came.
    @Test func aLinkAClerkReportsIsFiledForTheirCouncilAndTheCopiedCouncilIsTold() async throws {
        let s = try await SharedReview(signInHint: "signin-report")
        // The desk `impostor serve` wires to the form, reading no pages.
        let desk = ReportDesk(watchlist: s.watchlist, store: s.store, scorer: try Scorer(identities: s.watchlist.identities),
                              logos: LogoIndex(), fetcher: nil)
        let oakbridgeCase = s.cases[SharedReview.oakbridge]!
        // Thornbury's clerk reports the page Oakbridge already has a case for.
        let filed = try await s.app(fileReport: desk.pageReporter).test(.live) { client -> Int64 in
            var clerk = Browser()
            #expect(try await clerk.signIn(client, "clerk@thornbury.test").status == .seeOther)
            let csrf = try await clerk.openForm(client, "/report")
            #expect(!csrf.isEmpty)
            let r = try await client.post("/report", form: [("csrf", csrf), ("link", "https://www.facebook.com/oakbridge_tc_news"),
                                                            ("by", "Mrs Evans"), ("note", "asks for bank details")],
                                          headers: clerk.header)
            #expect(r.status == .seeOther)
            let location = r.headers[.location] ?? ""
            let filed = Int64(location.firstMatch(of: /\/cases\/(\d+)/).map { String($0.1) } ?? "") ?? 0
            #expect(filed != oakbridgeCase)
            let page = try await client.get(location, headers: clerk.header)
            #expect(page.status == .ok)
            #expect(page.text.contains("oakbridge_tc_news"))

            var other = Browser()
            #expect(try await other.signIn(client, "clerk@oakbridge.test").status == .seeOther)
            #expect(try await client.get("/cases/\(filed)", headers: other.header).status == .notFound)
            return filed
        }
        let detail = try #require(try await s.store.caseDetail(filed, scope: .all))
        #expect(detail.summary.identity == SharedReview.thornbury)
        #expect(detail.reports.map(\.reporter) == ["Mrs Evans (filed by clerk@thornbury.test)"])
        #expect(detail.reports.map(\.note) == ["asks for bank details"])
        // Oakbridge's case of the same account holds the report, saying whose queue it came through.
        let theirs = try #require(try await s.store.caseDetail(oakbridgeCase, scope: .all))
        #expect(theirs.reports.map(\.reporter) == ["Mrs Evans (filed by clerk@thornbury.test), reported to Thornbury Town Council"])
        #expect(theirs.reports.map(\.note) == ["asks for bank details"])
        #expect(theirs.events.map(\.action) == ["open", "report"])
        #expect(theirs.summary.status == .new)
        // And Thornbury's case is not Oakbridge's: it holds the report once, as filed.
        #expect(detail.reports.count == 1)
    }

    /// Each clerk sees only their own council; every route answers 404 for another council's case, and
    /// changes nothing. The administrator sees both.
    @Test func aClerkCannotReachAnotherCouncilsCaseOnAnyRoute() async throws {
        let s = try await SharedReview(signInHint: "signin-isolation")
        let own = s.cases[SharedReview.oakbridge]!, other = s.cases[SharedReview.thornbury]!
        let otherAvatar = s.avatars[SharedReview.thornbury]!, ownAvatar = s.avatars[SharedReview.oakbridge]!
        #expect(otherAvatar != ownAvatar)
        try await s.app().test(.live) { client in
            var clerk = Browser()
            #expect(try await clerk.signIn(client, "clerk@oakbridge.test").status == .seeOther)
            let queue = try await client.get("/?status=all", headers: clerk.header)
            #expect(queue.text.contains("oakbridge_tc_news"))
            #expect(!queue.text.contains("thornbury_tc_news"))
            #expect(!queue.text.contains("Thornbury Town Council"), "another council is not even in the filter")
            let asked = try await client.get("/?status=all&identity=\(SharedReview.thornbury)", headers: clerk.header)
            #expect(!asked.text.contains("thornbury_tc_news"))

            #expect(try await client.get("/cases/\(own)", headers: clerk.header).status == .ok)
            #expect(try await client.get("/avatars/\(ownAvatar)", headers: clerk.header).status == .ok)
            #expect(try await client.get("/logos/\(SharedReview.oakbridge)/0", headers: clerk.header).status == .ok)
            for path in ["/cases/\(other)", "/avatars/\(otherAvatar)", "/logos/\(SharedReview.thornbury)/0"] {
                let r = try await client.get(path, headers: clerk.header)
                #expect(r.status == .notFound, "\(path)")
                #expect(!r.text.contains("thornbury_tc_news"), "\(path)")
            }
            let csrf = try await clerk.openForm(client, "/cases/\(own)")
            for decision in ["confirm", "dismiss", "allow", "reported", "expected"] {
                let r = try await client.post("/cases/\(other)/decision",
                                              form: [("csrf", csrf), ("decision", decision), ("seen", "1")],
                                              headers: clerk.header)
                #expect(r.status == .notFound, "\(decision)")
            }

            var admin = Browser()
            #expect(try await admin.signIn(client, "admin@association.test").status == .seeOther)
            let all = try await client.get("/?status=all", headers: admin.header)
            #expect(all.text.contains("oakbridge_tc_news") && all.text.contains("thornbury_tc_news"))
            #expect(try await client.get("/cases/\(other)", headers: admin.header).status == .ok)
            #expect(try await client.get("/avatars/\(otherAvatar)", headers: admin.header).status == .ok)

            // And the other council's own clerk sees theirs, but not the first.
            var theirs = Browser()
            #expect(try await theirs.signIn(client, "clerk@thornbury.test").status == .seeOther)
            #expect(try await client.get("/cases/\(other)", headers: theirs.header).status == .ok)
            #expect(try await client.get("/cases/\(own)", headers: theirs.header).status == .notFound)
        }
        let untouched = try #require(try await s.store.caseDetail(other, scope: .all))
        #expect(untouched.summary.status == .new)
        #expect(untouched.events.map(\.action) == ["open"])
    }

    @Test func failedSignInsAreThrottledPerAccountAndPerAddress() async throws {
        let s = try await SharedReview(signInHint: "signin-throttle")
        let signIn = SignIn(store: s.store, pairLimit: 3, accountLimit: 4, addressLimit: 6)
        try await s.app(signIn).test(.live) { client in
            var browser = Browser()
            for _ in 0..<3 {
                #expect(try await browser.signIn(client, "clerk@oakbridge.test", "guess").status == .unauthorized)
            }
            // The right password no longer helps this account from this address, for now.
            let locked = try await browser.signIn(client, "clerk@oakbridge.test")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.headers[HTTPField.Name("Retry-After")!] == "900")
            #expect(browser.cookies["__Host-impostor_session"] == nil)
            // Another account signs in from the same address.
            #expect(try await browser.signIn(client, "clerk@thornbury.test").status == .seeOther)
            browser.cookies["__Host-impostor_session"] = nil

            // From elsewhere (through a proxy on this machine) the account's own limit still holds.
            browser.forwardedFor = "203.0.113.9"
            #expect(try await browser.signIn(client, "clerk@oakbridge.test").status == .tooManyRequests)
            // And one address guessing at many accounts is stopped too.
            browser.forwardedFor = "198.51.100.7"
            for i in 0..<6 {
                #expect(try await browser.signIn(client, "nobody\(i)@elsewhere.test", "guess").status == .unauthorized)
            }
            #expect(try await browser.signIn(client, "clerk@thornbury.test").status == .tooManyRequests)
        }
        let counted = try await s.store.failedSignIns(
            keys: ["pair:clerk@oakbridge.test|127.0.0.1", "account:clerk@oakbridge.test", "address:198.51.100.7",
                   "address:127.0.0.1"],
            since: Date().addingTimeInterval(-3600))
        // The successful sign-in is not counted against its address.
        #expect(counted == ["pair:clerk@oakbridge.test|127.0.0.1": 4, "account:clerk@oakbridge.test": 5,
                            "address:198.51.100.7": 7, "address:127.0.0.1": 4])
    }

    @Test func guessesSentTogetherAreAllCounted() async throws {
        let s = try await SharedReview(signInHint: "signin-burst")
        try await s.app(SignIn(store: s.store, pairLimit: 3)).test(.live) { client in
            var browser = Browser()
            let csrf = try await browser.openForm(client)
            let headers = browser.header
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for i in 0..<12 {
                    group.addTask {
                        try await client.post("/login", form: [("csrf", csrf), ("email", "clerk@oakbridge.test"),
                                                               ("password", "guess \(i)")],
                                              headers: headers).status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            // Each attempt is counted before its password is checked: whatever the order, at most the
            // first three were checked at all.
            #expect(statuses.filter { $0 == .tooManyRequests }.count >= 9, "\(statuses)")
            #expect(statuses.allSatisfy { $0 == .tooManyRequests || $0 == .unauthorized }, "\(statuses)")
        }
    }

    @Test func aResetPasswordEndsTheSessionsAndRemovingAClerkEndsThemToo() async throws {
        let s = try await SharedReview(signInHint: "signin-reset")
        try await s.app().test(.live) { (client: any TestClientProtocol) async throws -> Void in
            var browser = Browser()
            // Locked out by mistyping…
            for _ in 0..<5 {
                #expect(try await browser.signIn(client, "clerk@oakbridge.test", "mistyped").status == .unauthorized)
            }
            #expect(try await browser.signIn(client, "clerk@oakbridge.test").status == .tooManyRequests)
            // …until the administrator sets a new password, which lifts the pause.
            #expect(try await s.store.resetPassword(email: "clerk@oakbridge.test", passwordHash: Passwords.hash(SharedReview.password, cost: 4),
                                                    at: Date()))
            #expect(try await browser.signIn(client, "clerk@oakbridge.test").status == .seeOther)
            #expect(try await client.get("/", headers: browser.header).status == .ok)
            #expect(try await s.store.resetPassword(email: "clerk@oakbridge.test", passwordHash: Passwords.hash("new password here", cost: 4),
                                                    at: Date()))
            #expect(try await client.get("/", headers: browser.header).status == .seeOther)
            #expect(try await browser.signIn(client, "clerk@oakbridge.test").status == .unauthorized)
            #expect(try await browser.signIn(client, "clerk@oakbridge.test", "new password here").status == .seeOther)
            #expect(try await s.store.removeClerk(email: "clerk@oakbridge.test"))
            #expect(try await client.get("/", headers: browser.header).status == .seeOther)
        }
    }
}
