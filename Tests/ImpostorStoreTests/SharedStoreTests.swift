import Foundation
import ImpostorCore
import TestPostgres
import Testing
@testable import ImpostorStore

/// What only a shared store does: councils scanned one at a time, each with its own cases.
@Suite("A shared store keeps each council's cases apart")
struct SharedStoreTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func judged(_ profile: Profile, as council: String, score: Double) -> Observation {
        var o = Fixture.observation(profile, score: score)
        o.assessment.identity = council
        o.assessment.reasons = [Reason(signal: "name", identity: council, matched: council, weight: 3, detail: "reads as \(council)")]
        return o
    }

    /// One account that looks like two councils (two Thornburys): each council's scan opens its own
    /// case, neither changes the other's, and each clerk's scope sees one.
    @Test func oneAccountJudgedForTwoCouncilsGivesEachItsOwnCase() async throws {
        let store = try await PostgresStore.open(try PostgresAddress(parsing: try TestPostgres.shared().database("twocouncils")))
        let account = Fixture.profile("thornbury-news", name: "Thornbury Town Council")
        let runA = try await store.beginRun(version: "t", council: "thornbury-glos", at: t0)
        let a = try await store.record(judged(account, as: "thornbury-glos", score: 0.91), run: runA, version: "t", at: t0)
        let runB = try await store.beginRun(version: "t", council: "thornbury-devon", at: t0 + 60)
        let b = try await store.record(judged(account, as: "thornbury-devon", score: 0.72), run: runB, version: "t", at: t0 + 60)
        guard case .opened(let caseA) = a, case .opened(let caseB) = b else {
            Issue.record("expected two cases, got \(a) and \(b)")
            return
        }
        #expect(caseA != caseB)

        // Devon's clerk dismisses theirs; Gloucestershire's stays new, with its own score and reasons.
        try await store.decide(caseB, .dismiss(.namesake), actor: "clerk@devon.test", note: nil,
                               scope: .only(["thornbury-devon"]), at: t0 + 120)
        let glos = try #require(try await store.caseDetail(caseA, scope: .only(["thornbury-glos"])))
        #expect(glos.summary.status == .new)
        #expect(abs(glos.summary.score - 0.91) < 1e-9)
        #expect(glos.assessment?.identity == "thornbury-glos")
        #expect(try await store.caseDetail(caseB, scope: .only(["thornbury-glos"])) == nil)
        #expect(try await store.cases(CaseFilter(statuses: Set(CaseStatus.allCases), scope: .only(["thornbury-devon"])))
            .map(\.id) == [caseB])

        // Seen again by Gloucestershire's scan: its case alone is touched.
        let again = try await store.record(judged(account, as: "thornbury-glos", score: 0.95), run: runA, version: "t", at: t0 + 180)
        #expect(again == .unchanged)
        let devon = try #require(try await store.caseDetail(caseB, scope: .all))
        #expect(devon.summary.status == .dismissed)
        #expect(abs(devon.summary.score - 0.72) < 1e-9)
        #expect(devon.assessment?.identity == "thornbury-devon")
        await store.close()
    }
}
