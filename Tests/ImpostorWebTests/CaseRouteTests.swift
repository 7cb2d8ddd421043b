import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ImpostorStore
import Testing

/// GET /cases/:id: the evidence side by side, the history and the decision form.
@Suite(.timeLimit(.minutes(10))) struct CaseRouteTests {
    @Test func showsTheEvidenceAndTheForm() async throws {
        let f = try ReviewFixture()
        let id = f.cases["plain"]!
        try await f.app().test(.router) { client in
            let r = try await client.get("/cases/\(id)")
            #expect(r.status == .ok)
            let html = r.text
            #expect(html.contains("<title>Case \(id) · impostor</title>"))
            #expect(html.contains("<h1><bdi>Oakbridge Town Council</bdi></h1>"))
            #expect(html.contains("@<bdi>oakbridge_tc_news</bdi>"))
            #expect(html.contains("News from the town hall"))
            #expect(html.contains("<img src=\"/avatars/\(f.avatar.sha256)\""))
            #expect(html.contains("<img src=\"/logos/oakbridge-town-council/0\""))
            #expect(html.contains("display name reads as the council&#39;s name"))
            #expect(html.contains("<td>+3.2</td>"))
            #expect(html.contains("href=\"https://www.facebook.com/oakbridge_tc_news\" rel=\"noopener noreferrer nofollow\""))
            #expect(html.contains("<form method=\"post\" action=\"/cases/\(id)/decision\""))
            for choice in ["confirm", "dismiss", "allow", "snooze"] {
                #expect(html.contains("<label for=\"d-\(choice)\">"), "no labelled choice \(choice)")
            }
            #expect(!html.contains("id=\"d-reported\""), "a new case cannot be marked reported")
            // The audit trail shows who opened the case.
            #expect(html.contains("<b><bdi>impostor</bdi></b>: open → New"))
        }
    }

    @Test func setsACSRFCookieThatMatchesTheForm() async throws {
        let f = try ReviewFixture()
        try await f.app().test(.router) { client in
            let page = try await client.get("/cases/\(f.cases["plain"]!)")
            let setCookie = try #require(page.headers[.setCookie])
            #expect(setCookie.hasPrefix("impostor_csrf="))
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/"))
            let (cookie, field) = try await client.csrf(for: f.cases["plain"]!)
            #expect(field.count >= 16)
            #expect(cookie == "impostor_csrf=\(field)")

            // A browser that already holds a token keeps it: no new cookie, and the form carries it.
            let again = try await client.get("/cases/\(f.cases["plain"]!)", headers: [.cookie: cookie])
            #expect(again.headers[.setCookie] == nil)
            #expect(again.text.contains("name=\"csrf\" value=\"\(field)\""))
        }
    }

    @Test func unknownCasesAreNotFound() async throws {
        let f = try ReviewFixture()
        try await f.app().test(.router) { client in
            for uri in ["/cases/999999", "/cases/abc", "/cases/-1", "/cases/1%20OR%201=1", "/no-such-page"] {
                let r = try await client.get(uri)
                #expect(r.status == .notFound, "\(uri)")
                #expect(r.headers[.contentSecurityPolicy] != nil, "\(uri)")
            }
            #expect(try await client.get("/cases/999999").text.contains("There is no case 999999."))
        }
    }

    @Test func aDecisionShowsInTheTrailAfterTheRedirect() async throws {
        let f = try ReviewFixture()
        let id = f.cases["plain"]!
        try await f.app().test(.router) { client in
            let (cookie, field) = try await client.csrf(for: id)
            let r = try await client.post("/cases/\(id)/decision",
                                          form: [("csrf", field), ("decision", "confirm"), ("note", "<b>reported</b> by a resident")],
                                          headers: [.cookie: cookie])
            let location = try #require(r.headers[.location])
            let page = try await client.get(location, headers: [.cookie: cookie]).text
            #expect(page.contains("role=\"status\">Your decision is recorded.</p>"))
            #expect(page.contains("<b><bdi>\(ReviewFixture.localUser)</bdi></b>: confirm → Confirmed impersonation"))
            #expect(page.contains("<q><bdi>&lt;b&gt;reported&lt;/b&gt; by a resident</bdi></q>"))
            // A confirmed case offers the next steps only.
            #expect(page.contains("id=\"d-reported\"") && !page.contains("id=\"d-confirm\""))
        }
    }
}
