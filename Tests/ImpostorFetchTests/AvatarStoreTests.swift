import Foundation
import ImpostorCore
import Testing

@testable import ImpostorFetch

@Suite("Avatar downloads and their guards")
struct AvatarStoreTests {
    @Test func anAvatarIsCachedAndRevalidatedWithItsETag() async throws {
        try await withServer { server in
            let store = AvatarStore(session: Fixtures.session())
            let first = try await store.download(server.base + "/avatar.png", stats: SourceStats())
            let second = try await store.download(server.base + "/avatar.png", stats: SourceStats())
            #expect(first == second)
            #expect(first.hasSuffix(".png"))
            #expect(ImageFormat(sniffing: [UInt8](FileManager.default.contents(atPath: first) ?? Data())) != nil)
            let stats = try await server.stats()
            #expect(stats["avatar_200"] as? Int == 1)
            #expect(stats["avatar_304"] as? Int == 1)
        }
    }

    @Test func loopbackIsRefusedUnlessAllowed() async throws {
        try await withServer { server in
            let strict = AvatarStore(session: Fixtures.session(guard: AddressGuard()))
            let error = await Fixtures.error { try await strict.download(server.base + "/avatar.png", stats: SourceStats()) }
            #expect(error?.code == .blockedAddress)
            #expect(error?.reason.contains("loopback") == true)
            let open = AvatarStore(session: Fixtures.session(guard: AddressGuard(allowPrivate: true)))
            _ = try await open.download(server.base + "/avatar.png", stats: SourceStats())
        }
    }

    @Test(arguments: [
        ("/to-metadata", FetchError.Code.blockedAddress), ("/to-loopback", .blockedAddress), ("/to-file", .scheme),
        ("/avatar.html", .badResponse), ("/fake.png", .badResponse), ("/loop", .redirects),
    ])
    func aBadAvatarIsRefused(path: String, code: FetchError.Code) async throws {
        try await withServer { server in
            let store = AvatarStore(session: Fixtures.session())
            let error = await Fixtures.error { try await store.download(server.base + path, stats: SourceStats()) }
            #expect(error?.code == code)
        }
    }

    @Test func onlyHTTPAndHTTPSAvatarsAreFetched() async throws {
        let store = AvatarStore(session: Fixtures.session())
        for url in ["file:///etc/passwd", "ftp://127.0.0.1/a.png", "gopher://x/"] {
            let error = await Fixtures.error { try await store.download(url, stats: SourceStats()) }
            #expect(error?.code == .scheme)
        }
    }

    @Test func aFailedAvatarLeavesItsProfileWithoutOne() async throws {
        try await withServer { server in
            let session = Fixtures.session(guard: AddressGuard())  // loopback refused: every avatar fails
            let directory = Fixtures.temporaryDirectory()
            try "{\"platform\":\"x\",\"id\":\"1\",\"handle\":\"a\",\"avatar\":\"\(server.base)/avatar.png\"}\n"
                .write(toFile: directory + "/l.jsonl", atomically: true, encoding: .utf8)
            let plan = FetchPlan.make(watchlist: Fixtures.watchlist([Fixtures.source("listing", ["path": .string("l.jsonl")])], directory: directory))
            let listed = await Fetcher(session: session, avatars: AvatarStore(session: session)).run(plan)
            #expect(listed.profiles.count == 1)
            #expect(listed.profiles.first?.avatarFile == nil)
            #expect(listed.profiles.first?.avatar == server.base + "/avatar.png", "the URL is kept as the source gave it")
            #expect(listed.summaries.first?.avatarErrors.first?.code == .blockedAddress)
            #expect(!listed.failed)
        }
    }
}

@Suite("Address classification")
struct AddressGuardTests {
    @Test(arguments: [
        ("127.0.0.1", "loopback"), ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("172.31.255.255", "private"),
        ("192.168.1.1", "private"), ("169.254.169.254", "metadata"), ("100.64.0.1", "carrier-grade"),
        ("100.100.100.200", "carrier-grade"), ("0.0.0.0", "this network"), ("224.0.0.1", "multicast"),
        ("::1", "loopback"), ("::", "unspecified"), ("fe80::1", "link-local"), ("fd00:ec2::254", "private"),
        ("::ffff:127.0.0.1", "loopback"), ("::ffff:169.254.169.254", "metadata"), ("64:ff9b::a00:1", "private"),
        ("2002:c0a8:0101::1", "private"),
    ])
    func privateAddressesAreRefused(address: String, kind: String) throws {
        let bytes = try #require(AddressGuard.parse(address))
        let reason = try #require(AddressGuard().refusal(for: bytes))
        #expect(reason.contains(kind))
        #expect(AddressGuard(allowPrivate: true).refusal(for: bytes) == nil)
    }

    @Test(arguments: ["8.8.8.8", "151.101.1.140", "172.32.0.1", "100.128.0.1", "2a04:4e42::1", "::ffff:8.8.8.8"])
    func publicAddressesPass(address: String) throws {
        #expect(AddressGuard().refusal(for: try #require(AddressGuard.parse(address))) == nil)
    }

    @Test func anExceptionAllowsOneAddressOnly() throws {
        let guarded = AddressGuard(exceptions: ["127.0.0.1"])
        #expect(guarded.refusal(for: try #require(AddressGuard.parse("127.0.0.1"))) == nil)
        #expect(guarded.refusal(for: try #require(AddressGuard.parse("127.0.0.2"))) != nil)
    }
}

@Suite("Header time formats")
struct HTTPDatesTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func retryAfterTakesSecondsOrADate() {
        #expect(HTTPDates.retryAfter("7", now: now) == 7)
        #expect(HTTPDates.retryAfter("Sun, 06 Nov 1994 08:49:37 GMT", now: Date(timeIntervalSince1970: 784_111_767)) == 10)
        #expect(HTTPDates.retryAfter("soon", now: now) == nil)
    }

    @Test func rateLimitResetIsUnixTimeOrDelta() {
        #expect(HTTPDates.unixOrDelta("1790000030", now: now) == 30)
        #expect(HTTPDates.unixOrDelta("12", now: now) == 12)
    }

    @Test func mastodonResetIsISO8601() throws {
        let seconds = try #require(HTTPDates.iso8601("2026-09-21T14:13:50.000000Z", now: now))
        #expect(abs(seconds - 30) < 0.01)
        #expect(HTTPDates.iso8601("2026-09-21T14:13:50Z", now: now).map { abs($0 - 30) < 0.01 } == true)
    }

    @Test func redactionDropsQueriesAndCredentials() {
        #expect(FetchError.redact("https://u:p@h.example/a?key=secret#x") == "https://h.example/a")
    }
}
