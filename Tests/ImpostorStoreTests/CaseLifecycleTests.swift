import Foundation
import ImpostorCore
import Testing
@testable import ImpostorStore

@Suite("Cases open, change and reopen as the clerk expects")
struct CaseLifecycleTests {
    let day: TimeInterval = 86_400

    @Test func aNewSuspectOpensOneCaseAndSeeingItAgainChangesNothing() throws {
        let store = try Store.inMemory()
        let p = Fixture.profile("fake1", name: "Oakbridge Town Counciⅼ")
        let first = try store.record(Fixture.observation(p), run: nil, version: "t")
        guard case .opened(let id) = first else { Issue.record("expected a new case, got \(first)"); return }
        #expect(try store.record(Fixture.observation(p), run: nil, version: "t") == .unchanged)
        let open = try store.cases()
        #expect(open.map(\.id) == [id])
        #expect(open.first?.displayName == "Oakbridge Town Counciⅼ")
        #expect(try store.caseDetail(id)?.snapshots.count == 1)
        #expect(try store.caseDetail(id)?.events.map(\.action) == ["open"])
    }

    @Test func clearProfilesWithoutACaseAreNotStored() throws {
        let store = try Store.inMemory()
        let outcome = try store.record(Fixture.observation(Fixture.profile("bakery", name: "Oakbridge Bakery"), verdict: .clear),
                                       run: nil, version: "t")
        #expect(outcome == .ignored)
        #expect(try store.cases(CaseFilter(statuses: Set(CaseStatus.allCases))).isEmpty)
    }

    @Test func aDismissedAccountComesBackWhenItsNameChanges() throws {
        let store = try Store.inMemory()
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        guard case .opened(let id) = try store.record(Fixture.observation(Fixture.profile("a", name: "Oakbridge Town News")),
                                                      run: nil, version: "t", at: t0)
        else { Issue.record("no case"); return }
        try store.decide(id, .dismiss(.communityGroup), actor: "clerk", note: "residents' group", at: t0 + 60)
        // A bio edit alone does not bring it back...
        let bioOnly = Fixture.profile("a", name: "Oakbridge Town News", bio: "News from around town")
        #expect(try store.record(Fixture.observation(bioOnly), run: nil, version: "t", at: t0 + day) == .changed)
        #expect(try store.caseDetail(id)?.summary.status == .dismissed)
        // ...but a new name does.
        let renamed = Fixture.profile("a", name: "Oakbridge Town Council", bio: "News from around town")
        let outcome = try store.record(Fixture.observation(renamed), run: nil, version: "t", at: t0 + 2 * day)
        guard case .reopened(let again, let why) = outcome else { Issue.record("expected reopen, got \(outcome)"); return }
        #expect(again == id)
        #expect(why.contains("Oakbridge Town News") && why.contains("Oakbridge Town Council"))
        let detail = try #require(try store.caseDetail(id))
        #expect(detail.summary.status == .new)
        #expect(detail.snapshots.map(\.displayName) == ["Oakbridge Town Council", "Oakbridge Town News", "Oakbridge Town News"])
        #expect(detail.events.map(\.action) == ["open", "dismiss", "changed", "reopen"])
        #expect(detail.events[1].note == "residents' group" && detail.events[1].reason == "community-group")
    }

    @Test func aDismissedAccountComesBackWhenItsAvatarBecomesAnotherPicture() throws {
        let store = try Store.inMemory()
        let p = Fixture.profile("b", name: "Town Updates")
        guard case .opened(let id) = try store.record(Fixture.observation(p, avatar: Fixture.hashA), run: nil, version: "t")
        else { Issue.record("no case"); return }
        try store.decide(id, .dismiss(.other), actor: "clerk")
        // A few bits of re-encoding noise are the same picture.
        var noisy = Fixture.hashA
        noisy.words.3 ^= 0b111
        #expect(try store.record(Fixture.observation(p, avatar: noisy), run: nil, version: "t") == .unchanged)
        let outcome = try store.record(Fixture.observation(p, avatar: Fixture.hashB), run: nil, version: "t")
        guard case .reopened(_, let why) = outcome else { Issue.record("expected reopen, got \(outcome)"); return }
        #expect(why.contains("avatar"))
    }

    @Test func aSnoozeEndsOnItsDate() throws {
        let store = try Store.inMemory()
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        let p = Fixture.profile("c", name: "Mayor of Oakbridge")
        guard case .opened(let id) = try store.record(Fixture.observation(p), run: nil, version: "t", at: t0)
        else { Issue.record("no case"); return }
        try store.decide(id, .snooze(until: t0 + 7 * day), actor: "clerk", at: t0)
        #expect(try store.cases().isEmpty)
        #expect(try store.record(Fixture.observation(p), run: nil, version: "t", at: t0 + day) == .unchanged)
        let later = try store.record(Fixture.observation(p), run: nil, version: "t", at: t0 + 8 * day)
        #expect(later == .reopened(caseID: id, why: "the snooze ended"))
        #expect(try store.cases().map(\.id) == [id])
    }

    @Test func decisionsThatMakeNoSenseAreRefusedWithTheChoices() throws {
        let store = try Store.inMemory()
        guard case .opened(let id) = try store.record(Fixture.observation(Fixture.profile("d", name: "Oakbridge TC")),
                                                      run: nil, version: "t")
        else { Issue.record("no case"); return }
        let error = #expect(throws: StoreError.self) { try store.decide(id, .reported, actor: "clerk") }
        #expect(error?.code == .invalidDecision)
        #expect(error?.reason.contains("confirm") == true)
        let missing = #expect(throws: StoreError.self) { try store.decide(9999, .confirm, actor: "clerk") }
        #expect(missing?.code == .notFound)
        #expect(throws: StoreError.self) { try store.decide(id, .snooze(until: Date(timeIntervalSince1970: 0)), actor: "clerk") }
        #expect(try store.caseDetail(id)?.summary.status == .new)
    }

    @Test func aRemovedAccountRecordsWhenAndComesBackIfSeenAgain() throws {
        let store = try Store.inMemory()
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        let p = Fixture.profile("e", name: "Oakbridge Town Council Grants")
        guard case .opened(let id) = try store.record(Fixture.observation(p), run: nil, version: "t", at: t0)
        else { Issue.record("no case"); return }
        try store.decide(id, .confirm, actor: "clerk", at: t0)
        try store.decide(id, .reported, actor: "clerk", at: t0 + 60)
        #expect(try store.recheckTargets().map(\.caseID) == [id])
        try store.markGone(caseID: id, reason: "404 from the platform", run: nil, at: t0 + 3 * day)
        let detail = try #require(try store.caseDetail(id))
        #expect(detail.summary.status == .removed)
        #expect(detail.summary.goneAt == t0 + 3 * day)
        #expect(try store.recheckTargets().isEmpty)
        let back = try store.record(Fixture.observation(p), run: nil, version: "t", at: t0 + 4 * day)
        guard case .reopened = back else { Issue.record("expected reopen, got \(back)"); return }
    }

    @Test func runsCountWhatTheyDidAndAbandonedRunsAreClosed() throws {
        let store = try Store.inMemory()
        let dead = try store.beginRun(version: "t")
        #expect(try store.closeAbandonedRuns() == 1)
        let run = try store.beginRun(version: "t")
        _ = try store.record(Fixture.observation(Fixture.profile("f", name: "Oakbridge Council")), run: run, version: "t")
        _ = try store.record(Fixture.observation(Fixture.profile("g", name: "Oakbridge Bakery"), verdict: .clear),
                             run: run, version: "t")
        try store.finishRun(run, status: .partial, profiles: 2,
                            sources: [SourceHealth(source: "bluesky", pages: 3, profiles: 2, errors: 1, waits: 0, failure: "HTTP 500")])
        let runs = try store.recentRuns()
        #expect(runs.map(\.id) == [run, dead])
        #expect(runs[0].status == .partial && runs[0].opened == 1 && runs[0].suspects == 1 && runs[0].profiles == 2)
        #expect(runs[0].sources.first?.failure == "HTTP 500")
        #expect(runs[1].status == .interrupted)
    }
}
