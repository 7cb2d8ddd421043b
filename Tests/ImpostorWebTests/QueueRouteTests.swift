import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ImpostorStore
import Testing

/// GET /: the queue of cases, its filters and its counts.
@Suite(.timeLimit(.minutes(10))) struct QueueRouteTests {
    /// The case links of a queue page, in the order shown.
    static func caseLinks(_ html: String) -> [Int64] {
        html.matches(of: /<a href="\/cases\/(\d+)">/).compactMap { Int64($0.1) }
    }

    @Test func listsOpenCasesHighestScoreFirst() async throws {
        let f = try ReviewFixture()
        try await f.app().test(.router) { client in
            let r = try await client.get("/")
            #expect(r.status == .ok)
            #expect(r.headers[.contentType] == "text/html; charset=utf-8")
            let expected = ["plain", "payload", "x-updates", "long"].map { f.cases[$0]! }
            #expect(Self.caseLinks(r.text) == expected)
            #expect(r.text.contains("4 cases, alerts about the council's own accounts first, then the highest score"))
            #expect(r.text.contains("<td class=\"score\">0.93</td>"))
        }
    }

    @Test func countsEveryStatus() async throws {
        let f = try ReviewFixture()
        try await f.app().test(.router) { client in
            let text = try await client.get("/").text
            #expect(text.contains(">New <b>4</b></a>"))
            #expect(text.contains(">Dismissed <b>1</b></a>"))
            #expect(text.contains(">Confirmed impersonation <b>0</b></a>"))
            // The page being shown is marked for screen readers.
            #expect(text.contains("href=\"/?status=new\" aria-current=\"page\""))
        }
    }

    @Test func filtersByPlatformIdentityAndStatus() async throws {
        let f = try ReviewFixture()
        try await f.app().test(.router) { client in
            #expect(Self.caseLinks(try await client.get("/?platform=x").text) == [f.cases["x-updates"]!])
            #expect(Self.caseLinks(try await client.get("/?identity=thornbury-town-council").text) == [f.cases["long"]!])
            #expect(Self.caseLinks(try await client.get("/?status=dismissed").text) == [f.cases["namesake"]!])
            #expect(Self.caseLinks(try await client.get("/?status=all").text).count == 5)
            let none = try await client.get("/?platform=tiktok")
            #expect(Self.caseLinks(none.text).isEmpty)
            #expect(none.text.contains("No cases match"))
            // The chosen filters stay chosen in the form.
            let x = try await client.get("/?platform=x&status=all").text
            #expect(x.contains("<option value=\"x\" selected>"))
            #expect(x.contains("<option value=\"all\" selected>"))
        }
    }

    @Test func countsFollowTheFiltersAndTheirLinksKeepThem() async throws {
        let f = try ReviewFixture()
        try await f.app().test(.router) { client in
            let text = try await client.get("/?platform=x").text
            #expect(text.contains(">New <b>1</b></a>"))
            #expect(text.contains(">Dismissed <b>0</b></a>"))
            // Choosing a status from the counts keeps the platform chosen.
            #expect(text.contains("href=\"/?status=dismissed&amp;platform=x\""))
        }
    }

    @Test func anUnknownStatusIsABadRequestNamedSafely() async throws {
        let f = try ReviewFixture()
        try await f.app().test(.router) { client in
            let r = try await client.get("/?status=%3Cscript%3Ex")
            #expect(r.status == .badRequest)
            #expect(r.text.contains("&quot;&lt;script&gt;x&quot;"))
            #expect(!r.text.contains("<script>"))
        }
    }
}
