import Foundation
import ImpostorCore
import TestPostgres
import TestScratch
import Testing
@testable import ImpostorStore

/// The two stores under one suite: a SQLite file, and a database on a real PostgreSQL server that the
/// test process starts (TestPostgres). Whatever one does, the other must do too.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    func make(_ hint: String = "contract") async throws -> any CaseStore {
        switch self {
        case .sqlite:
            return try Store.open(path: Scratch.path(hint) + "/store.sqlite")
        case .postgres:
            let url = try TestPostgres.shared().database(hint)
            return try await PostgresStore.open(try PostgresAddress(parsing: url))
        }
    }
}

@Suite("Both stores keep the same contract")
struct ContractTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    let day: TimeInterval = 86_400

    /// The store's error from `body`, or nil when it succeeded.
    func failure(_ body: () async throws -> Void) async -> StoreError? {
        do { try await body() } catch { return error as? StoreError ?? StoreError(.database, "\(error)") }
        return nil
    }

    func record(_ store: any CaseStore, _ o: Observation, at: Date, run: Int64? = nil) async throws -> IngestOutcome {
        try await store.record(o, run: run, version: "t", at: at)
    }

    @Test(arguments: StoreKind.allCases)
    func aSuspectOpensOneCaseAndItsChangesAreKept(_ kind: StoreKind) async throws {
        let store = try await kind.make()
        let run = try await store.beginRun(version: "t", council: "oakbridge-town-council", at: t0)
        let p = Fixture.profile("fake1", name: "Oakbridge Town Counciⅼ")
        let first = try await record(store, Fixture.observation(p, avatar: Fixture.hashA), at: t0, run: run)
        guard case .opened(let id) = first else { Issue.record("expected a new case, got \(first)"); return }
        #expect(try await record(store, Fixture.observation(p, avatar: Fixture.hashA), at: t0 + 60, run: run) == .unchanged)
        #expect(try await record(store, Fixture.observation(Fixture.profile("bakery", name: "Oakbridge Bakery"), verdict: .clear),
                                 at: t0, run: run) == .ignored)
        let renamed = Fixture.profile("fake1", name: "Oakbridge Town Council", bio: "Events cancelled")
        #expect(try await record(store, Fixture.observation(renamed, score: 0.97), at: t0 + day, run: run) == .changed)

        let detail = try #require(try await store.caseDetail(id, scope: .all))
        #expect(detail.summary.displayName == "Oakbridge Town Council")
        #expect(detail.summary.identity == "oakbridge-town-council")
        #expect(abs(detail.summary.score - 0.97) < 1e-9)
        #expect(detail.snapshots.map(\.displayName) == ["Oakbridge Town Council", "Oakbridge Town Counciⅼ"])
        #expect(detail.snapshots.last?.avatarHash == Fixture.hashA.hex)
        #expect(detail.events.map(\.action) == ["open", "changed"])
        #expect(detail.events.last?.reason?.contains("the name changed") == true)
        #expect(detail.assessment?.reasons.first?.signal == "name")
        #expect(abs((detail.assessment?.score ?? 0) - 0.97) < 1e-9)

        try await store.finishRun(run, status: .completed, profiles: 4,
                                  sources: [SourceHealth(source: "bluesky", pages: 2, profiles: 4, errors: 0, waits: 1)],
                                  message: nil, at: t0 + day)
        let runs = try await store.recentRuns(limit: 5)
        #expect(runs.map(\.id) == [run])
        #expect(runs.first?.status == .completed && runs.first?.opened == 1 && runs.first?.suspects == 3)
        #expect(runs.first?.sources.map(\.source) == ["bluesky"])
    }

    @Test(arguments: StoreKind.allCases)
    func decisionsReopenAndRecheckAsTheClerkExpects(_ kind: StoreKind) async throws {
        let store = try await kind.make()
        let a = Fixture.profile("a", name: "Oakbridge Town News")
        guard case .opened(let dismissed) = try await record(store, Fixture.observation(a), at: t0) else {
            Issue.record("no case"); return
        }
        try await store.decide(dismissed, .dismiss(.communityGroup), actor: "clerk", note: "residents' group", scope: .all,
                               at: t0 + 60)
        let bioOnly = Fixture.profile("a", name: "Oakbridge Town News", bio: "News from around town")
        #expect(try await record(store, Fixture.observation(bioOnly), at: t0 + day) == .changed)
        let renamed = Fixture.profile("a", name: "Oakbridge Town Council", bio: "News from around town")
        guard case .reopened(dismissed, let why) = try await record(store, Fixture.observation(renamed), at: t0 + 2 * day)
        else { Issue.record("expected the dismissed case back"); return }
        #expect(why.contains("Oakbridge Town News"))

        let c = Fixture.profile("c", name: "Mayor of Oakbridge")
        guard case .opened(let snoozed) = try await record(store, Fixture.observation(c), at: t0) else { return }
        try await store.decide(snoozed, .snooze(until: t0 + 7 * day), actor: "clerk", note: nil, scope: .all, at: t0)
        #expect(try await record(store, Fixture.observation(c), at: t0 + day) == .unchanged)
        #expect(try await record(store, Fixture.observation(c), at: t0 + 8 * day)
            == .reopened(caseID: snoozed, why: "the snooze ended"))

        // A decision the case's status does not allow is refused the same way by both.
        let refused = await failure { try await store.decide(snoozed, .reported, actor: "clerk", note: nil, scope: .all, at: t0 + 9 * day) }
        #expect(refused?.code == .invalidDecision)

        let d = Fixture.profile("d", name: "Oakbridge Council Official")
        guard case .opened(let confirmed) = try await record(store, Fixture.observation(d), at: t0) else { return }
        try await store.decide(confirmed, .confirm, actor: "clerk", note: nil, scope: .all, at: t0 + 60)
        let targets = try await store.recheckTargets(scope: .all)
        #expect(targets.map(\.caseID) == [confirmed])
        #expect(targets.first?.handle == "d")
        #expect(try await store.recheckTargets(scope: .only(["another-council"])).isEmpty)
        try await store.markGone(caseID: confirmed, reason: "404 from the platform", run: nil, at: t0 + day)
        #expect(try await store.caseDetail(confirmed, scope: .all)?.summary.status == .removed)
        #expect(try await store.caseDetail(confirmed, scope: .all)?.goneReason == "404 from the platform")
        guard case .reopened(confirmed, _) = try await record(store, Fixture.observation(d), at: t0 + 2 * day) else {
            Issue.record("a removed account seen again should reopen"); return
        }
        let counts = try await store.statusCounts(identity: nil, platform: nil, scope: .all)
        #expect(counts == [.new: 3])
    }

    @Test(arguments: StoreKind.allCases)
    func aCaseOutsideTheViewersCouncilsIsNotThere(_ kind: StoreKind) async throws {
        let store = try await kind.make()
        var other = Fixture.observation(Fixture.profile("x", name: "Dunstead Parish Council"), avatar: Fixture.hashA)
        other.assessment.identity = "dunstead-parish-council"
        other.avatar = StoredImage(sha256: String(repeating: "ab", count: 32), bytes: [0x89, 0x50, 0x4E, 0x47])
        guard case .opened(let theirs) = try await record(store, other, at: t0) else { Issue.record("no case"); return }
        guard case .opened(let ours) = try await record(store, Fixture.observation(Fixture.profile("y", name: "Oakbridge TC")),
                                                        at: t0) else { return }
        let mine = CouncilScope.only(["oakbridge-town-council"])
        #expect(try await store.cases(CaseFilter(scope: mine)).map(\.id) == [ours])
        #expect(try await store.cases(CaseFilter(scope: .all)).count == 2)
        #expect(try await store.statusCounts(identity: nil, platform: nil, scope: mine) == [.new: 1])
        #expect(try await store.caseDetail(theirs, scope: mine) == nil)
        #expect(try await store.caseDetail(theirs, scope: .all) != nil)
        #expect(try await store.image(sha256: String(repeating: "ab", count: 32), scope: mine) == nil)
        #expect(try await store.image(sha256: String(repeating: "ab", count: 32), scope: .only(["dunstead-parish-council"]))
            == [0x89, 0x50, 0x4E, 0x47])
        let refused = await failure { try await store.decide(theirs, .confirm, actor: "oakbridge clerk", note: nil, scope: mine, at: t0) }
        #expect(refused?.code == .notFound)
        #expect(try await store.caseDetail(theirs, scope: .all)?.summary.status == .new)
    }

    @Test(arguments: StoreKind.allCases)
    func anOfficialAccountThatChangesRaisesOneAlert(_ kind: StoreKind) async throws {
        let store = try await kind.make()
        let key = OfficialKey(identity: "oakbridge-town-council", platform: .facebook, handle: "OakbridgeTC")
        let own = Fixture.profile("100", name: "Oakbridge Town Council", handle: "OakbridgeTC", bio: "See oakbridge.gov.uk")
        #expect(try await store.watchOfficial(key, seen: Fixture.observation(own, verdict: .clear), run: nil, at: t0) == .baseline)
        #expect(try await store.watchOfficial(key, seen: Fixture.observation(own, verdict: .clear), run: nil, at: t0 + 60)
            == .unchanged)
        let taken = Fixture.profile("100", name: "Crypto Giveaway", handle: "OakbridgeTC", bio: "Win at free-eth.example")
        guard case .alert(let id, let changes) = try await store.watchOfficial(
            key, seen: Fixture.observation(taken, verdict: .clear), run: nil, at: t0 + day)
        else { Issue.record("no alert"); return }
        #expect(changes.contains { $0.contains("Crypto Giveaway") })
        #expect(changes.contains { $0.contains("free-eth.example") })
        #expect(try await store.watchOfficial(key, seen: Fixture.observation(taken, verdict: .clear), run: nil, at: t0 + 2 * day)
            == .alerted(caseID: id))
        let detail = try #require(try await store.caseDetail(id, scope: .all))
        #expect(detail.summary.kind == .takeover)
        #expect(detail.baseline?.displayName == "Oakbridge Town Council")
        // The clerk says the change was the council's own: it becomes the baseline.
        try await store.decide(id, .expected, actor: "clerk", note: nil, scope: .all, at: t0 + 2 * day)
        #expect(try await store.watchOfficial(key, seen: Fixture.observation(taken, verdict: .clear), run: nil, at: t0 + 3 * day)
            == .unchanged)
        guard case .alert(let goneID, let gone) = try await store.officialGone(key, reason: "404", url: own.url, run: nil,
                                                                               at: t0 + 4 * day)
        else { Issue.record("no alert for a gone account"); return }
        #expect(goneID == id && gone == ["the account is gone: 404"])
        #expect(try await store.officialGone(key, reason: "404", url: own.url, run: nil, at: t0 + 5 * day) == .alerted(caseID: id))
    }

    /// An account already posting what a hijacker posts when first seen is no baseline: an alert at once,
    /// not news when seen so again; back in the council's hands it is the baseline, and a state the clerk
    /// accepted raises nothing of itself.
    @Test(arguments: StoreKind.allCases)
    func aFirstSightingThatReadsAsHijackedIsAnAlertNotABaseline(_ kind: StoreKind) async throws {
        let store = try await kind.make()
        let key = OfficialKey(identity: "oakbridge-town-council", platform: .x, handle: "OakbridgeTC")
        let note = "one of the council's own accounts posts what a hijacker posts (bitcoin, btc): taken over?"
        var hijacked = Fixture.observation(Fixture.profile("300", name: "Bitcoin Giveaway", handle: "OakbridgeTC", bio: "Send 0.1 BTC"),
                                           verdict: .suspect)
        hijacked.assessment.reasons.append(Reason(signal: .hijacked, identity: key.identity, weight: 8, detail: note))
        guard case .alert(let id, let changes) = try await store.watchOfficial(key, seen: hijacked, run: nil, at: t0) else {
            Issue.record("a hijacked first sighting raised no alert")
            return
        }
        #expect(changes == [note])
        #expect(try await store.watchOfficial(key, seen: hijacked, run: nil, at: t0 + 60) == .alerted(caseID: id))
        let own = Fixture.profile("300", name: "Oakbridge Town Council", handle: "OakbridgeTC", bio: "News and notices")
        #expect(try await store.watchOfficial(key, seen: Fixture.observation(own, verdict: .official), run: nil, at: t0 + day) == .baseline)
        #expect(try await store.watchOfficial(key, seen: Fixture.observation(own, verdict: .official), run: nil, at: t0 + 2 * day)
            == .unchanged)
    }

    /// A baseline of an X bio taken with t.co links, seen again with the addresses they stand for, is
    /// taken again without an alert; a new address afterwards is still a change.
    @Test(arguments: StoreKind.allCases)
    func anXBioReadWithItsLinksExpandedIsNoTakeover(_ kind: StoreKind) async throws {
        let store = try await kind.make()
        let key = OfficialKey(identity: "oakbridge-town-council", platform: .x, handle: "OakbridgeTC")
        let before = Fixture.profile("200", name: "Oakbridge Town Council", handle: "OakbridgeTC", bio: "News and notices https://t.co/Ab12")
        #expect(try await store.watchOfficial(key, seen: Fixture.observation(before, verdict: .clear), run: nil, at: t0) == .baseline)
        let expanded = Fixture.profile("200", name: "Oakbridge Town Council", handle: "OakbridgeTC",
                                       bio: "News and notices https://oakbridge.gov.uk/news https://oakbridge.gov.uk")
        #expect(try await store.watchOfficial(key, seen: Fixture.observation(expanded, verdict: .clear), run: nil, at: t0 + 60) == .unchanged)
        let changed = Fixture.profile("200", name: "Oakbridge Town Council", handle: "OakbridgeTC",
                                      bio: "News and notices https://oakbridge-grants.example https://oakbridge.gov.uk")
        guard case .alert(_, let changes) = try await store.watchOfficial(
            key, seen: Fixture.observation(changed, verdict: .clear), run: nil, at: t0 + day)
        else { Issue.record("no alert for a new link"); return }
        #expect(changes.contains { $0.contains("oakbridge-grants.example") }, "\(changes)")
    }

    @Test(arguments: StoreKind.allCases)
    func aRunNoScanOwnsIsClosedAsInterrupted(_ kind: StoreKind) async throws {
        let store = try await kind.make()
        let run = try await store.beginRun(version: "t", council: nil, at: t0)
        #expect(try await store.closeAbandonedRuns(at: t0 + 60) == 1)
        let closed = try #require(try await store.recentRuns(limit: 1).first)
        #expect(closed.id == run && closed.status == .interrupted)
        #expect(closed.message?.contains("without finishing") == true)
        #expect(try await store.closeAbandonedRuns(at: t0 + 120) == 0)
    }

    @Test(arguments: StoreKind.allCases)
    func aResidentsReportJoinsTheAccountsCaseOnceAndBringsItBack(_ kind: StoreKind) async throws {
        let store = try await kind.make("reports")
        let council = "oakbridge-town-council"
        let seen = Fixture.profile("123", name: "Oakbridge Town Council", handle: "oakbridgetowncounci1")
        guard case .opened(let id) = try await record(store, Fixture.observation(seen), at: t0) else {
            Issue.record("no case opened")
            return
        }
        try await store.decide(id, .dismiss(.namesake), actor: "jane", note: nil, scope: .all, at: t0 + 60)
        // The same page reported from its address alone: no name, no bio known, the handle in another case.
        var bare = Profile(platform: .facebook, id: "https://www.facebook.com/oakbridgetowncounci1", handle: "OakbridgeTownCounci1",
                           url: "https://www.facebook.com/oakbridgetowncounci1")
        bare.displayName = ""
        var unread = Fixture.observation(bare, verdict: .clear, score: 0.1)
        unread.sighted = false
        let report = ResidentReport(at: t0 + day, reporter: "Jo <jo@example.org>", channel: .mailbox, link: bare.url,
                                    note: "looks fake", messageID: "m1")
        func file(_ o: Observation, _ r: ResidentReport) async throws -> ReportOutcome {
            try await store.recordReport(o, report: r, identity: council, run: nil, version: "t", at: t0 + day)
        }
        #expect(try await file(unread, report) == .added(caseID: id))
        let detail = try #require(try await store.caseDetail(id, scope: .all))
        #expect(detail.snapshots.count == 1)
        #expect(detail.summary.displayName == "Oakbridge Town Council")
        #expect(detail.summary.status == .new, "a resident's report brings back a dismissed case")
        #expect(detail.events.map(\.action) == ["open", "dismiss", "report", "reopen"])
        #expect(detail.events.first { $0.action == "report" }?.actor == "the report mailbox")
        #expect(detail.reports.map(\.note) == ["looks fake"])
        // The same message again adds nothing, even filed for another council.
        #expect(try await file(unread, report) == .known(caseID: id))
        #expect(try await store.recordReport(unread, report: report, identity: "thornbury-town-council", run: nil,
                                             version: "t", at: t0 + day) == .known(caseID: id))
        #expect(try await store.caseDetail(id, scope: .all)?.reports.count == 1)

        // An account never seen, scored low, still opens a case, filed under the council given.
        let bakery = Fixture.observation(Fixture.profile("bakery", name: "Crumbs Bakery"), verdict: .clear, score: 0.05)
        let opened = try await file(bakery, ResidentReport(at: t0 + day, reporter: "Sam", channel: .command,
                                                           link: "https://www.facebook.com/bakery"))
        guard case .opened(let other) = opened, other != id else { Issue.record("got \(opened)"); return }
        let low = try #require(try await store.caseDetail(other, scope: .all))
        #expect(low.summary.identity == council)
        #expect(low.summary.reports == 1)
        #expect(low.events.first?.reason?.contains("reported with impostor add (scored 0.05, below the threshold)") == true)
    }

    @Test(arguments: StoreKind.allCases)
    func aHandledMailIsRememberedByItsKey(_ kind: StoreKind) async throws {
        let store = try await kind.make("intake")
        #expect(try await store.intakeProcessed("id:<a@b> from:jo@example.org") == false)
        try await store.markIntakeProcessed("id:<a@b> from:jo@example.org", sender: "Jo", subject: "Fake page", reports: 2,
                                            at: t0)
        // Marked twice (the move to the processed folder failed once): still one, still handled.
        try await store.markIntakeProcessed("id:<a@b> from:jo@example.org", sender: "Jo", subject: "Fake page", reports: 2,
                                            at: t0 + 60)
        #expect(try await store.intakeProcessed("id:<a@b> from:jo@example.org"))
        #expect(try await store.intakeProcessed("id:<a@b> from:pat@example.org") == false)
    }
}
