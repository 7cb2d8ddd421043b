import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ImpostorStore
import ImpostorWeb
import Testing

/// The Content-Security-Policy, the password gate and the refusal to listen openly without one.
@Suite(.timeLimit(.minutes(10))) struct SecurityTests {
    @Test func everyResponseCarriesTheContentSecurityPolicy() async throws {
        let f = try ReviewFixture()
        let id = f.cases["plain"]!
        try await f.app().test(.router) { client in
            var responses: [(String, TestResponse)] = []
            for uri in ["/", "/?status=all", "/?status=nonsense", "/cases/\(id)", "/cases/\(id)?done=1", "/cases/424242",
                        "/avatars/\(f.avatar.sha256)", "/avatars/nope", "/logos/oakbridge-town-council/0", "/style.css",
                        "/copy.js", "/healthz", "/missing"] {
                responses.append((uri, try await client.get(uri)))
            }
            responses.append(("POST forged", try await client.post("/cases/\(id)/decision", form: [("decision", "confirm")])))
            for (uri, r) in responses {
                let policy = try #require(r.headers[.contentSecurityPolicy], "\(uri) has no policy")
                #expect(policy.contains("default-src 'none'"), "\(uri)")
                #expect(policy.contains("frame-ancestors 'none'"), "\(uri)")
                #expect(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"), "\(uri)")
                #expect(r.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                // Not "no-referrer": with it, browsers send the page's own form posts with Origin: null.
                #expect(r.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "\(uri)")
            }
        }
    }

    @Test func pagesHoldNoInlineScriptOrStyle() async throws {
        let f = try ReviewFixture()
        try await f.app().test(.router) { client in
            for uri in ["/", "/cases/\(f.cases["plain"]!)", "/cases/\(f.cases["payload"]!)", "/missing"] {
                let html = try await client.get(uri).text
                #expect(!html.contains("<script"), "\(uri)")
                #expect(!html.contains("<style") && !html.contains(" style="), "\(uri)")
            }
        }
    }

    @Test(arguments: ["0.0.0.0:8080", "[::]:8080", "192.168.1.20:8080", "127.example.com:8080", "127.0.0.1.nip.io:8080"])
    func listeningBeyondLoopbackNeedsAPassword(_ listen: String) throws {
        #expect(throws: ReviewConfiguration.Refusal.self) {
            try ReviewConfiguration(listen: listen, password: nil, localUser: "x")
        }
        #expect(throws: ReviewConfiguration.Refusal.self) {
            try ReviewConfiguration(listen: listen, password: "", localUser: "x")
        }
    }

    @Test func loopbackNeedsNoPasswordAndOtherAddressesTakeOne() throws {
        let local = try ReviewConfiguration(listen: "127.0.0.1:8181", password: nil, localUser: "x")
        #expect(local.host == "127.0.0.1" && local.port == 8181 && local.isLoopback)
        #expect(try ReviewConfiguration(listen: "[::1]:8080", password: nil, localUser: "x").isLoopback)
        #expect(try ReviewConfiguration(listen: "localhost:8080", password: nil, localUser: "x").isLoopback)
        let open = try ReviewConfiguration(listen: "0.0.0.0:8443", password: "correct horse", localUser: "x")
        #expect(open.host == "0.0.0.0" && open.port == 8443 && !open.isLoopback)
        for bad in ["127.0.0.1:99999", "127.0.0.1:port", "[::1", "127.0.0.1:0"] {
            #expect(throws: ReviewConfiguration.Refusal.self, "\(bad)") {
                try ReviewConfiguration(listen: bad, password: nil, localUser: "x")
            }
        }
    }

    static func basic(_ user: String, _ password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    @Test func withAPasswordEveryRequestNeedsBasicAuth() async throws {
        let f = try ReviewFixture()
        let id = f.cases["plain"]!
        let password = "correct horse battery"
        try await f.app(password: password).test(.router) { client in
            for uri in ["/", "/cases/\(id)", "/avatars/\(f.avatar.sha256)", "/style.css"] {
                for auth in [nil, Self.basic("jane", "wrong"), Self.basic("", password), "Bearer \(password)", "Basic !!!"] {
                    var headers: HTTPFields = [:]
                    if let auth { headers[.authorization] = auth }
                    let r = try await client.get(uri, headers: headers)
                    #expect(r.status == .unauthorized, "\(uri) with \(auth ?? "nothing")")
                    #expect(r.headers[.wwwAuthenticate]?.hasPrefix("Basic realm=") == true)
                    #expect(!r.text.contains("Oakbridge Town Council"), "\(uri) leaked the case")
                }
            }
            let ok = try await client.get("/", headers: [.authorization: Self.basic("jane", password)])
            #expect(ok.status == .ok)
        }
    }

    @Test func wrongPasswordsLockTheAddressOutEvenForTheRightOne() async throws {
        let f = try ReviewFixture()
        let password = "correct horse battery"
        try await f.app(password: password).test(.router) { client in
            // A browser's first request carries no password: those never count.
            for _ in 0..<15 { #expect(try await client.get("/").status == .unauthorized) }
            #expect(try await client.get("/", headers: [.authorization: Self.basic("jane", password)]).status == .ok)
            for n in 1...10 {
                let r = try await client.get("/", headers: [.authorization: Self.basic("jane", "guess \(n)")])
                #expect(r.status == .unauthorized, "guess \(n)")
            }
            let locked = try await client.get("/", headers: [.authorization: Self.basic("jane", password)])
            #expect(locked.status == .tooManyRequests)
            #expect(Int(locked.headers[.retryAfter] ?? "") ?? 0 > 0)
            #expect(!locked.text.contains("Oakbridge Town Council"))
        }
    }

    @Test func theLoginNameIsTheActorAndNoLoginChangesNothing() async throws {
        let f = try ReviewFixture()
        let id = f.cases["plain"]!
        let password = "correct horse battery"
        let before = try f.state("plain")
        try await f.app(password: password).test(.router) { client in
            let auth = Self.basic("jane.whitfield", password)
            let page = try await client.get("/cases/\(id)", headers: [.authorization: auth])
            let cookie = try #require(page.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            let field = try #require(page.text.firstMatch(of: /name="csrf" value="([^"]*)"/).map { String($0.1) })
            let refused = try await client.post("/cases/\(id)/decision", form: [("csrf", field), ("decision", "confirm")],
                                                headers: [.cookie: cookie])
            #expect(refused.status == .unauthorized)
            #expect(try f.state("plain") == before)

            let r = try await client.post("/cases/\(id)/decision", form: [("csrf", field), ("decision", "confirm")],
                                          headers: [.cookie: cookie, .authorization: auth])
            #expect(r.status == .seeOther)
        }
        let last = try #require(try f.store.caseDetail(id)?.events.last)
        #expect(last.actor == "jane.whitfield")
        #expect(last.action == "confirm")
    }
}
