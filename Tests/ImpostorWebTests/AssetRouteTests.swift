import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ImpostorStore
import Testing

/// Pictures from the store and the watchlist, the style sheet, the script and the health check.
@Suite(.timeLimit(.minutes(10))) struct AssetRouteTests {
    @Test func avatarsComeFromTheStoreWithTheirRealType() async throws {
        let f = try ReviewFixture()
        try await f.app().test(.router) { client in
            let r = try await client.get("/avatars/\(f.avatar.sha256)")
            #expect(r.status == .ok)
            #expect(r.headers[.contentType] == "image/png")
            #expect(r.headers[.xContentTypeOptions] == "nosniff")
            #expect(Array(r.body.readableBytesView) == f.avatar.bytes)
            // Upper-case hex names the same picture.
            #expect(try await client.get("/avatars/\(f.avatar.sha256.uppercased())").status == .ok)
        }
    }

    @Test(arguments: [
        String(repeating: "0", count: 64),  // well formed, not in the store
        "abc",
        String(repeating: "z", count: 64),
        "..%2F..%2F..%2Fetc%2Fpasswd",
        String(repeating: "a", count: 65),
        "%00" + String(repeating: "a", count: 61),
    ])
    func unknownOrMalformedAvatarsAreNotFound(_ name: String) async throws {
        let f = try ReviewFixture()
        try await f.app().test(.router) { client in
            let r = try await client.get("/avatars/\(name)")
            #expect(r.status == .notFound)
            #expect(r.headers[.contentType] == "text/html; charset=utf-8")
        }
    }

    @Test func theCouncilLogoComesFromTheWatchlist() async throws {
        let f = try ReviewFixture()
        let logo = [UInt8](try Data(contentsOf: URL(fileURLWithPath: ReviewFixture.logoPath)))
        try await f.app().test(.router) { client in
            let r = try await client.get("/logos/oakbridge-town-council/0")
            #expect(r.status == .ok)
            #expect(r.headers[.contentType] == "image/png")
            #expect(Array(r.body.readableBytesView) == logo)
            for uri in ["/logos/oakbridge-town-council/1", "/logos/oakbridge-town-council/-1", "/logos/oakbridge-town-council/x",
                        "/logos/nobody/0", "/logos/..%2Fwatchlist/0"] {
                #expect(try await client.get(uri).status == .notFound, "\(uri)")
            }
        }
    }

    @Test func theStyleSheetScriptAndHealthCheck() async throws {
        let f = try ReviewFixture()
        try await f.app().test(.router) { client in
            let css = try await client.get("/style.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.text.contains(":root {"))
            let js = try await client.get("/copy.js")
            #expect(js.status == .ok)
            #expect(js.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(js.text.contains("navigator.clipboard.writeText"))
            let health = try await client.get("/healthz")
            #expect(health.status == .ok)
            #expect(health.text == "ok\n")
        }
    }
}
