import Foundation
import ImpostorCore
import Testing

@testable import ImpostorFetch

/// A forward proxy (Servers/proxy_server.py) for one test. It reaches only this machine and sends
/// TEST-NET-3 addresses (203.0.113.x, "somewhere public" here) to 127.0.0.1.
func withProxy<T>(_ body: (TestServer) async throws -> T) async throws -> T {
    let proxy = try await TestServer.start("proxy_server.py")
    return try await withStopping([proxy]) { try await body(proxy) }
}

/// What the proxy was asked to carry, as "METHOD target" lines.
func proxyLog(_ proxy: TestServer) async throws -> [String] {
    let requests = try await proxy.stats()["requests"] as? [[String: String]] ?? []
    return requests.map { "\($0["method"] ?? "") \($0["target"] ?? "")" }
}

@Suite("Proxies")
struct ProxyTests {
    @Test func httpRequestsGoThroughTheProxy() async throws {
        try await withServer { server in
            try await withProxy { proxy in
                let session = Fixtures.session(Fixtures.configuration { $0.proxy = ProxySettings(http: proxy.base) })
                let response = try await session.client.send(HTTPRequest(url: server.base + "/listing.csv"))
                #expect(response.status == 200)
                #expect(response.text.contains("nine"))
                let log = try await proxyLog(proxy)
                #expect(log == ["GET \(server.base)/listing.csv"])
            }
        }
    }

    @Test func httpsGoesThroughATunnelAndIsStillVerified() async throws {
        let pki = try await TestPKI.make()
        try await withServer(tls: pki) { server in
            try await withProxy { proxy in
                let trusting = Fixtures.session(Fixtures.configuration {
                    $0.proxy = ProxySettings(https: proxy.base)
                    $0.caBundlePath = pki.ca
                })
                let response = try await trusting.client.send(HTTPRequest(url: server.base + "/listing.csv"))
                #expect(response.status == 200)
                let log = try await proxyLog(proxy)
                #expect(log == ["CONNECT 127.0.0.1:\(server.port)"])
                // The tunnel carries TLS end to end: without the test CA the certificate is refused.
                let untrusting = Fixtures.session(Fixtures.configuration { $0.proxy = ProxySettings(https: proxy.base) })
                let error = await Fixtures.error { try await untrusting.client.send(HTTPRequest(url: server.base + "/listing.csv")) }
                #expect(error?.code == .tls)
            }
        }
    }

    @Test(arguments: [["127.0.0.1"], ["127.0.0.0/8"], ["*"], ["example.org", " 127.0.0.1"]])
    func noProxyHostsAreFetchedDirectly(noProxy: [String]) async throws {
        try await withServer { server in
            try await withProxy { proxy in
                let settings = ProxySettings(http: proxy.base, noProxy: noProxy.map { $0.trimmingCharacters(in: .whitespaces) })
                let session = Fixtures.session(Fixtures.configuration { $0.proxy = settings })
                let response = try await session.client.send(HTTPRequest(url: server.base + "/listing.csv"))
                #expect(response.status == 200)
                let log = try await proxyLog(proxy)
                #expect(log.isEmpty)
            }
        }
    }

    @Test func aProxyThatIsDownIsAClearError() async throws {
        try await withServer { server in
            // Port 1 on loopback: nothing listens there.
            let session = Fixtures.session(Fixtures.configuration { $0.proxy = ProxySettings(all: "http://127.0.0.1:1") })
            let error = await Fixtures.error { try await session.client.send(HTTPRequest(url: server.base + "/listing.csv")) }
            #expect(error?.code == .connection)
        }
    }

    @Test func theEnvironmentVariablesAreReadAsCurlReadsThem() {
        let settings = ProxySettings(environment: [
            "HTTP_PROXY": "http://ignored:1", "HTTPS_PROXY": "http://secure:3128", "ALL_PROXY": "socks5h://any:1080",
            "no_proxy": "intranet.council.gov.uk, .local,10.0.0.0/8 ,[::1]",
        ])
        // Upper-case HTTP_PROXY is ignored (a CGI request can set it); http falls back to all_proxy.
        #expect(settings.proxy(for: "http://example.com/") == "socks5h://any:1080")
        #expect(settings.proxy(for: "https://example.com/") == "http://secure:3128")
        #expect(settings.proxy(for: "https://intranet.council.gov.uk/x") == nil)
        #expect(settings.proxy(for: "https://www.intranet.council.gov.uk/x") == nil)
        #expect(settings.proxy(for: "https://notintranet.council.gov.uk/x") == "http://secure:3128")
        #expect(settings.proxy(for: "http://printer.local/") == nil)
        #expect(settings.proxy(for: "http://10.20.30.40:8080/") == nil)
        #expect(settings.proxy(for: "http://11.0.0.1/") == "socks5h://any:1080")
        #expect(settings.proxy(for: "http://[::1]:8080/") == nil)
        #expect(ProxySettings(environment: ["http_proxy": "http://lower:1"]).proxy(for: "http://a.example/") == "http://lower:1")
        #expect(ProxySettings(environment: [:]).proxy(for: "https://a.example/") == nil)
    }
}

@Suite("The avatar guard behind a proxy")
struct ProxiedGuardTests {
    static func store(_ proxy: TestServer, guard addressGuard: AddressGuard = AddressGuard(), pki: TestPKI? = nil) -> AvatarStore {
        let config = Fixtures.configuration {
            $0.proxy = ProxySettings(http: proxy.base, https: proxy.base)
            $0.caBundlePath = pki?.ca
        }
        return AvatarStore(session: Fixtures.session(config, guard: addressGuard))
    }

    @Test func aPublicAvatarIsFetchedThroughTheProxy() async throws {
        try await withServer { server in
            try await withProxy { proxy in
                // The proxy itself is on loopback: the guard must not refuse it, only check the target.
                let path = try await Self.store(proxy).download("http://203.0.113.7:\(server.port)/avatar.png", stats: SourceStats())
                #expect(ImageFormat(sniffing: [UInt8](FileManager.default.contents(atPath: path) ?? Data())) != nil)
                let log = try await proxyLog(proxy)
                #expect(log == ["GET http://203.0.113.7:\(server.port)/avatar.png"])
            }
        }
    }

    @Test(arguments: ["127.0.0.1", "localhost", "127.0.0.2", "[::1]", "169.254.169.254", "10.1.2.3"])
    func aPrivateTargetIsRefusedBeforeTheProxySeesIt(host: String) async throws {
        try await withServer { server in
            try await withProxy { proxy in
                let url = "http://\(host):\(server.port)/avatar.png"
                let error = await Fixtures.error { try await Self.store(proxy).download(url, stats: SourceStats()) }
                #expect(error?.code == .blockedAddress)
                #expect(error?.reason.contains("through the proxy") == true)
                let log = try await proxyLog(proxy)
                #expect(log.isEmpty)
            }
        }
    }

    @Test func aRedirectToAPrivateAddressIsRefusedAtTheHop() async throws {
        try await withServer { server in
            try await withProxy { proxy in
                let url = "http://203.0.113.7:\(server.port)/to-loopback"
                let error = await Fixtures.error { try await Self.store(proxy).download(url, stats: SourceStats()) }
                #expect(error?.code == .blockedAddress)
                #expect(error?.reason.contains("loopback") == true)
                // The first hop went out; the redirect's target never did.
                let log = try await proxyLog(proxy)
                #expect(log == ["GET \(url)"])
            }
        }
    }

    @Test(arguments: [("/to-file", FetchError.Code.scheme), ("/loop", .redirects), ("/avatar.html", .badResponse)])
    func otherBadAvatarsFailThroughTheProxyToo(path: String, code: FetchError.Code) async throws {
        try await withServer { server in
            try await withProxy { proxy in
                let error = await Fixtures.error {
                    try await Self.store(proxy).download("http://203.0.113.7:\(server.port)\(path)", stats: SourceStats())
                }
                #expect(error?.code == code)
            }
        }
    }

    @Test func allowPrivateAddressesLetsTheProxyFetchLoopback() async throws {
        try await withServer { server in
            try await withProxy { proxy in
                let store = Self.store(proxy, guard: AddressGuard(allowPrivate: true))
                _ = try await store.download(server.base + "/avatar.png", stats: SourceStats())
                let log = try await proxyLog(proxy)
                #expect(log == ["GET \(server.base)/avatar.png"])
            }
        }
    }

    @Test func anHTTPSAvatarIsTunnelledToTheAddressChecked() async throws {
        let pki = try await TestPKI.make()
        try await withServer(tls: pki) { server in
            try await withProxy { proxy in
                // localhost is allowed here only so that a name can be resolved on this machine; the
                // proxy must be asked for the address impostor checked, not for the name.
                let store = Self.store(proxy, guard: AddressGuard(exceptions: ["127.0.0.1", "::1"]), pki: pki)
                _ = try await store.download("https://localhost:\(server.port)/avatar.png", stats: SourceStats())
                let log = try await proxyLog(proxy)
                #expect(log == ["CONNECT 127.0.0.1:\(server.port)"] || log == ["CONNECT [::1]:\(server.port)"], "\(log)")
            }
        }
    }
}
