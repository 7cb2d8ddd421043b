import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ImpostorCore
import ImpostorStore
import ImpostorWeb
import Testing

/// GET and POST /report: the "Report a link" form, and the alerts and reports on the pages.
@Suite(.timeLimit(.minutes(10))) struct ReportRouteTests {
    /// The page's filing step, as `impostor serve` wires it, but straight into the store: the desk
    /// that reads pages and scores is tested with the command.
    func app(_ f: ReviewFixture) throws -> some ApplicationProtocol {
        var context = try f.context()
        let store = f.store
        context.fileReport = { link, by, note, scope in
            #expect(scope == .all, "a single council's page files for every council")
            guard let address = ProfileAddress(url: link) else { throw ReportRefused("\(link) is not a link to a profile") }
            let profile = Profile(platform: address.platform, id: address.url, handle: address.handle, url: address.url)
            let assessment = Assessment(id: profile.id, platform: profile.platform, handle: profile.handle, score: 0.1,
                                        verdict: .clear, identity: nil, target: nil, reasons: [])
            return try store.recordReport(Observation(profile: profile, assessment: assessment),
                                          report: ResidentReport(reporter: by, channel: .page, link: link, note: note),
                                          identity: "oakbridge-town-council", version: "test").caseID
        }
        return Application(router: try buildReviewRouter(context))
    }

    @Test func aLinkFiledOnThePageOpensAReportedCaseWithTheResidentsWords() async throws {
        let f = try ReviewFixture()
        try await app(f).test(.router) { client in
            let queue = try await client.get("/").text
            #expect(queue.contains("<a href=\"/report\">Report a link a resident sent you</a>"))
            let form = try await client.get("/report")
            #expect(form.status == .ok)
            let cookie = (form.headers[.setCookie] ?? "").split(separator: ";").first.map(String.init) ?? ""
            let field = form.text.firstMatch(of: /name="csrf" value="([^"]*)"/).map { String($0.1) } ?? ""
            #expect(!field.isEmpty)

            // Without the token nothing is filed.
            let forged = try await client.post("/report", form: [("link", "https://x.com/oakbridge_fake")])
            #expect(forged.status == .forbidden)

            let r = try await client.post("/report", form: [
                ("csrf", field), ("link", "https://x.com/oakbridge_fake"), ("by", "Mrs <i>Evans</i>"),
                ("note", "Phoned in: says bins are cancelled"),
            ], headers: [.cookie: cookie])
            #expect(r.status == .seeOther)
            let location = try #require(r.headers[.location])
            let page = try await client.get(location, headers: [.cookie: cookie]).text
            #expect(page.contains("The link is filed as a reported case."))
            #expect(page.contains("Reported by residents"))
            #expect(page.contains("Mrs &lt;i&gt;Evans&lt;/i&gt;"))
            #expect(page.contains("Phoned in: says bins are cancelled"))
            let listed = try await client.get("/").text
            #expect(listed.contains("Reported by a resident"))

            let refused = try await client.post("/report", form: [("csrf", field), ("link", "javascript:alert(1)")],
                                                headers: [.cookie: cookie])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("not a link to a profile"))
        }
    }

    @Test func aTakeoverAlertShowsBeforeAndAfterAndOffersExpected() async throws {
        let f = try ReviewFixture()
        let key = OfficialKey(identity: "oakbridge-town-council", platform: .bluesky, handle: "oakbridge-tc.gov.uk")
        func seen(_ name: String) -> Observation {
            let p = Profile(platform: .bluesky, id: "did:plc:oak", handle: "oakbridge-tc.gov.uk", displayName: name,
                            bio: "Official", url: "https://bsky.app/profile/oakbridge-tc.gov.uk")
            return Observation(profile: p, assessment: Assessment(id: p.id, platform: p.platform, handle: p.handle, score: 0,
                                                                  verdict: .official, identity: key.identity, target: nil, reasons: []))
        }
        #expect(try f.store.watchOfficial(key, seen: seen("Oakbridge Town Council"), run: nil) == .baseline)
        guard case .alert(let id, _) = try f.store.watchOfficial(key, seen: seen("Free council tax!"), run: nil) else {
            Issue.record("a changed name raised no alert")
            return
        }
        try await app(f).test(.router) { client in
            let queue = try await client.get("/").text
            let alert = try #require(queue.range(of: "Alert: the council's own account changed"))
            // First in the queue, above every suspect.
            let firstRow = try #require(queue.range(of: "<tr><td class=\"score\">"))
            #expect(alert.lowerBound > firstRow.lowerBound)
            #expect(queue[firstRow.lowerBound...].prefix(400).contains("Alert"))
            let page = try await client.get("/cases/\(id)").text
            #expect(page.contains("Before (last accepted)"))
            #expect(page.contains("<bdi>Oakbridge Town Council</bdi>") && page.contains("<bdi>Free council tax"))
            #expect(page.contains("id=\"d-expected\""))
            #expect(!page.contains("id=\"d-dismiss\""))
        }
    }
}
