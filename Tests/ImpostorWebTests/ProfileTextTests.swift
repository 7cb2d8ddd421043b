import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ImpostorCore
import ImpostorStore
import Testing

/// Profile text is the impostor's own words: it reaches the page escaped, with its tricks shown.
@Suite(.timeLimit(.minutes(10))) struct ProfileTextTests {
    /// Markup that must never reach a page as markup.
    static let forbidden = ["<script>alert(1)</script>", "<img src=x", "onerror=alert(1)>", "<b>bold</b>",
                            "<a href=javascript:", "href=\"javascript:"]

    @Test func htmlAndScriptInNamesHandlesAndBiosAreEscaped() async throws {
        let f = try ReviewFixture()
        try await f.app().test(.router) { client in
            for uri in ["/cases/\(f.cases["payload"]!)", "/", "/?status=all"] {
                let html = try await client.get(uri).text
                for bad in Self.forbidden { #expect(!html.contains(bad), "\(uri) holds \(bad)") }
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;Oakbridge Town Council"), "\(uri)")
                #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), "\(uri)")
            }
            let page = try await client.get("/cases/\(f.cases["payload"]!)").text
            #expect(page.contains("&lt;b&gt;bold&lt;/b&gt; &amp; &#39;quoted&#39;"))
            // A javascript: link is shown as text, not as a link.
            #expect(page.contains("<dd><bdi>javascript:alert(1)</bdi> <small>(not a web address, so not a link)</small></dd>"))
            #expect(!page.contains("href=\"javascript") && !page.contains("href=\"#\""))
        }
    }

    @Test func directionOverridesAndInvisibleCharactersAreShownNotObeyed() async throws {
        let f = try ReviewFixture()
        try await f.app().test(.router) { client in
            let html = try await client.get("/cases/\(f.cases["payload"]!)").text
            for scalar: Unicode.Scalar in ["\u{202E}", "\u{202C}", "\u{200B}"] {
                #expect(!html.unicodeScalars.contains(scalar), "U+\(String(scalar.value, radix: 16)) reached the page")
            }
            #expect(html.contains(">[U+202E]</mark>licnuoC nwoT<mark"))
            #expect(html.contains("news<mark class=\"hidden-char\" title=\"U+200B: an invisible character, shown here and ignored\">[U+200B]</mark>"))
            #expect(html.contains("U+202E is a direction override; impostor shows it and ignores it."))
        }
    }

    @Test func lookAlikeLettersAreMarkedWithTheirScript() async throws {
        let f = try ReviewFixture()
        // Cyrillic а (U+0430) and о (U+043E) in place of the Latin letters.
        let name = "\u{041E}akbridge T\u{043E}wn Council"
        let id = try f.addSuspect(id: "cyrillic", name: name)
        try await f.app().test(.router) { client in
            let html = try await client.get("/cases/\(id)").text
            #expect(html.contains("<mark class=\"lookalike\" title=\"U+043E Cyrillic: looks like &quot;o&quot;\">\u{043E}</mark>"))
            #expect(html.contains("Hidden tricks in the text"))
        }
    }

    @Test func aHundredThousandCharacterNameIsCutShort() async throws {
        let f = try ReviewFixture()
        try await f.app().test(.router) { client in
            let page = try await client.get("/cases/\(f.cases["long"]!)")
            let queue = try await client.get("/?identity=thornbury-town-council")
            #expect(page.status == .ok && queue.status == .ok)
            // The evidence shows 4,000 characters of the name and bio; the heading and the queue show 200.
            #expect(page.text.contains("(96008 more characters not shown)"))
            #expect(page.text.contains("<h1><bdi>" + String(Payload.longName.prefix(200)) + " <em>(99808 more characters not shown)</em></bdi></h1>"))
            #expect(queue.text.contains(String(Payload.longName.prefix(200)) + " <em>(99808 more characters not shown)</em>"))
            #expect(page.body.readableBytes < 20_000)
            #expect(queue.body.readableBytes < 10_000)
        }
    }
}

extension ReviewFixture {
    /// Opens one more case, for a test that needs a particular name.
    func addSuspect(id: String, name: String, bio: String = "") throws -> Int64 {
        let outcome = try store.record(Observation(
            profile: Profile(platform: .facebook, id: id, handle: id, displayName: name, bio: bio,
                             url: "https://www.facebook.com/\(id)"),
            assessment: Assessment(id: id, platform: .facebook, handle: id, score: 0.9, verdict: .suspect,
                                   identity: "oakbridge-town-council", target: .council, reasons: [])),
            run: nil, version: "test")
        guard case .opened(let caseID) = outcome else { throw FixtureError(message: "\(id) opened no case") }
        return caseID
    }
}
