import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ImpostorStore
import Testing

/// POST /cases/:id/decision: the only route that changes anything.
@Suite(.timeLimit(.minutes(10))) struct DecisionRouteTests {
    @Test func confirmRedirectsAndRecordsWhoAndWhy() async throws {
        let f = try ReviewFixture()
        let id = f.cases["plain"]!
        try await f.app().test(.router) { client in
            let (cookie, field) = try await client.csrf(for: id)
            let r = try await client.post("/cases/\(id)/decision",
                                          form: [("csrf", field), ("decision", "confirm"), ("note", "same crest, new account")],
                                          headers: [.cookie: cookie])
            #expect(r.status == .seeOther)
            #expect(r.headers[.location] == "/cases/\(id)?done=1")
        }
        let detail = try #require(try f.store.caseDetail(id))
        #expect(detail.summary.status == .confirmed)
        let last = try #require(detail.events.last)
        #expect(last.action == "confirm")
        #expect(last.actor == ReviewFixture.localUser)
        #expect(last.note == "same crest, new account")
        #expect(last.fromStatus == .new && last.toStatus == .confirmed)
    }

    @Test func dismissKeepsTheReasonAndSnoozeTheDate() async throws {
        let f = try ReviewFixture()
        let dismissed = f.cases["plain"]!, snoozed = f.cases["x-updates"]!
        try await f.app().test(.router) { client in
            let (cookie, field) = try await client.csrf(for: dismissed)
            let a = try await client.post("/cases/\(dismissed)/decision",
                                          form: [("csrf", field), ("decision", "dismiss"), ("reason", "councillor"), ("note", "")],
                                          headers: [.cookie: cookie])
            #expect(a.status == .seeOther)
            let b = try await client.post("/cases/\(snoozed)/decision",
                                          form: [("csrf", field), ("decision", "snooze"), ("until", "2099-03-01")],
                                          headers: [.cookie: cookie])
            #expect(b.status == .seeOther)
        }
        let d = try #require(try f.store.caseDetail(dismissed))
        #expect(d.summary.status == .dismissed)
        #expect(d.events.last?.reason == "councillor")
        #expect(d.events.last?.note == nil, "an empty note is no note")
        let s = try #require(try f.store.caseDetail(snoozed))
        #expect(s.summary.status == .snoozed)
        let until = try #require(s.summary.snoozedUntil)
        var london = Calendar(identifier: .gregorian)
        london.timeZone = TimeZone(identifier: "Europe/London")!
        #expect(london.dateComponents([.year, .month, .day], from: until) == DateComponents(year: 2099, month: 3, day: 1))
    }

    @Test func badDecisionsAreRefusedAndChangeNothing() async throws {
        let f = try ReviewFixture()
        let id = f.cases["plain"]!
        let before = try f.state("plain")
        try await f.app().test(.router) { client in
            let (cookie, field) = try await client.csrf(for: id)
            let refusals: [([(String, String)], HTTPResponse.Status)] = [
                ([("decision", "delete")], .badRequest),
                ([], .badRequest),
                ([("decision", "snooze")], .badRequest),
                ([("decision", "snooze"), ("until", "next week")], .badRequest),
                // A year the store cannot write back took the page down with a fatal database error.
                ([("decision", "snooze"), ("until", "10000-01-01")], .badRequest),
                ([("decision", "snooze"), ("until", "99999-12-31")], .badRequest),
                ([("decision", "dismiss"), ("reason", "because")], .badRequest),
                // A new case cannot be marked as reported before it is confirmed.
                ([("decision", "reported")], .conflict),
            ]
            for (form, status) in refusals {
                let r = try await client.post("/cases/\(id)/decision", form: [("csrf", field)] + form, headers: [.cookie: cookie])
                #expect(r.status == status, "\(form)")
                #expect(r.headers[.contentSecurityPolicy] != nil)
            }
            let missing = try await client.post("/cases/999999/decision", form: [("csrf", field), ("decision", "confirm")],
                                                 headers: [.cookie: cookie])
            #expect(missing.status == .notFound)
        }
        #expect(try f.state("plain") == before)
    }

    @Test(arguments: CSRFAttempt.all)
    func forgedRequestsAreRefusedAndChangeNothing(_ attempt: CSRFAttempt) async throws {
        let f = try ReviewFixture()
        let id = f.cases["plain"]!
        let before = try f.state("plain")
        try await f.app().test(.router) { client in
            let (cookie, field) = try await client.csrf(for: id)
            var headers: HTTPFields = [:]
            if let c = attempt.cookie(cookie) { headers[.cookie] = c }
            if let origin = attempt.origin, !origin.isEmpty { headers[.origin] = origin }
            if let referer = attempt.referer { headers[.referer] = referer }
            var form = [("decision", "confirm"), ("note", "forged")]
            if let token = attempt.field(field) { form.insert(("csrf", token), at: 0) }
            let r = try await client.post("/cases/\(id)/decision", form: form, headers: headers,
                                          origin: attempt.origin == "" ? nil : "http://localhost")
            #expect(r.status == .forbidden)
            #expect(r.text.contains("Not recorded"))
        }
        #expect(try f.state("plain") == before)
        #expect(try f.store.caseDetail(id)?.events.contains { $0.note == "forged" } == false)
    }

    /// The control for the forgery cases: the same request from the page's own origin is recorded.
    @Test func theSameOriginIsAccepted() async throws {
        let f = try ReviewFixture()
        let id = f.cases["plain"]!
        try await f.app().test(.router) { client in
            let (cookie, field) = try await client.csrf(for: id)
            let r = try await client.post("/cases/\(id)/decision", form: [("csrf", field), ("decision", "confirm")],
                                          headers: [.cookie: cookie, .origin: "http://localhost"])
            #expect(r.status == .seeOther)
        }
        #expect(try f.state("plain").status == .confirmed)
    }

    /// GET on any route, even with a complete decision in the query string, changes nothing.
    @Test func getNeverChangesState() async throws {
        let f = try ReviewFixture()
        let before = try f.cases.keys.sorted().map { try f.state($0) }
        try await f.app().test(.router) { client in
            let (cookie, field) = try await client.csrf(for: f.cases["plain"]!)
            for id in f.cases.values {
                for uri in ["/cases/\(id)", "/cases/\(id)?done=1", "/cases/\(id)?decision=confirm&csrf=\(field)", "/cases/\(id)/decision?csrf=\(field)&decision=confirm",
                            "/cases/\(id)/decision?csrf=\(field)&decision=dismiss&reason=other", "/?status=all",
                            "/?decision=confirm&id=\(id)"] {
                    let r = try await client.get(uri, headers: [.cookie: cookie])
                    #expect(r.status == .ok || r.status == .notFound || r.status == .methodNotAllowed, "\(uri): \(r.status)")
                    #expect(r.headers[.location] == nil, "\(uri)")
                }
            }
        }
        #expect(try f.cases.keys.sorted().map { try f.state($0) } == before)
    }
}

/// One way a forged or stale form can arrive.
struct CSRFAttempt: Sendable, CustomTestStringConvertible {
    var name: String
    var sendsCookie: Bool
    var token: Token
    /// Empty: the request says nothing of where it came from.
    var origin: String?
    var referer: String?

    enum Token: Sendable { case right, wrong, missing, empty }

    var testDescription: String { name }

    func cookie(_ real: String) -> String? { sendsCookie ? real : nil }

    func field(_ real: String) -> String? {
        switch token {
        case .right: real
        case .wrong: String(real.reversed())
        case .missing: nil
        case .empty: ""
        }
    }

    static let all: [CSRFAttempt] = [
        CSRFAttempt(name: "no token in the form", sendsCookie: true, token: .missing),
        CSRFAttempt(name: "an empty token", sendsCookie: true, token: .empty),
        CSRFAttempt(name: "a wrong token", sendsCookie: true, token: .wrong),
        CSRFAttempt(name: "no cookie", sendsCookie: false, token: .right),
        CSRFAttempt(name: "another site's origin", sendsCookie: true, token: .right, origin: "http://evil.example"),
        CSRFAttempt(name: "another port on this host", sendsCookie: true, token: .right, origin: "http://localhost:8081"),
        CSRFAttempt(name: "an opaque origin", sendsCookie: true, token: .right, origin: "null"),
        CSRFAttempt(name: "neither Origin nor Referer", sendsCookie: true, token: .right, origin: ""),
        CSRFAttempt(name: "a Referer from another site", sendsCookie: true, token: .right, origin: "",
                    referer: "http://evil.example/cases/1"),
        CSRFAttempt(name: "a Referer whose host only starts like this one", sendsCookie: true, token: .right, origin: "",
                    referer: "http://localhost.evil.example/"),
    ]
}
