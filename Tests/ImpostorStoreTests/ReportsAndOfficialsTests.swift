import Foundation
import ImpostorCore
import Testing

@testable import ImpostorStore

/// Residents' reports and the takeover watch, on a real SQLite file.
@Suite struct ReportsAndOfficialsTests {
    static let key = OfficialKey(identity: "oakbridge-town-council", platform: .bluesky, handle: "oakbridge-tc.gov.uk")

    static func official(_ id: String = "did:plc:oak", name: String = "Oakbridge Town Council") -> Observation {
        let p = Profile(platform: .bluesky, id: id, handle: "oakbridge-tc.gov.uk", displayName: name, bio: "Official account",
                        url: "https://bsky.app/profile/oakbridge-tc.gov.uk")
        return Fixture.observation(p, verdict: .official, score: 0)
    }

    @Test func anotherAccountBehindTheOfficialHandleIsAnAlertEvenWithTheSameFace() throws {
        let folder = TemporaryFolder()
        let store = try Store.open(path: folder.path + "/s.sqlite")
        #expect(try store.watchOfficial(Self.key, seen: Self.official(), run: nil) == .baseline)
        // The hijacker renamed the council's account and a copy took the handle, name and all.
        guard case .alert(_, let changes) = try store.watchOfficial(Self.key, seen: Self.official("did:plc:copy"), run: nil) else {
            Issue.record("a new account behind the handle raised no alert")
            return
        }
        #expect(changes.first?.contains("now belongs to a different account") == true)
        #expect(changes.first?.contains("did:plc:copy") == true)
    }

    @Test func goneBackAndGoneAgainAlertsEachTimeAndASecondSightingIsNotNews() throws {
        let folder = TemporaryFolder()
        let store = try Store.open(path: folder.path + "/s.sqlite")
        #expect(try store.watchOfficial(Self.key, seen: Self.official(), run: nil) == .baseline)
        guard case .alert(let id, _) = try store.officialGone(Self.key, reason: "AccountTakedown", url: "", run: nil) else {
            Issue.record("a suspension raised no alert")
            return
        }
        #expect(try store.officialGone(Self.key, reason: "AccountTakedown", url: "", run: nil) == .alerted(caseID: id))
        guard case .alert(_, let back) = try store.watchOfficial(Self.key, seen: Self.official(), run: nil) else {
            Issue.record("the return raised no alert")
            return
        }
        #expect(back == ["the account is back after it had gone"])
        guard case .alert = try store.officialGone(Self.key, reason: "AccountDeactivated", url: "", run: nil) else {
            Issue.record("the second disappearance raised no alert")
            return
        }
        // A changed name, seen twice (a search source storing the account in between), is one alert.
        _ = try store.watchOfficial(Self.key, seen: Self.official(), run: nil)
        guard case .alert = try store.watchOfficial(Self.key, seen: Self.official(name: "FREE COUNCIL TAX"), run: nil) else {
            Issue.record("a new name raised no alert")
            return
        }
        _ = try store.record(Fixture.observation(Self.official(name: "FREE COUNCIL TAX").profile, verdict: .official, score: 0),
                             run: nil, version: "t")
        #expect(try store.watchOfficial(Self.key, seen: Self.official(name: "FREE COUNCIL TAX"), run: nil) == .alerted(caseID: id))
    }
}
