import Foundation
import ImpostorCore
import ImpostorDaemon
import ImpostorImaging
import ImpostorScoring
import ImpostorStore
import Testing
import TestScratch

/// The report desk files a link under a council the viewer sees: a clerk who reports a page follows
/// it on their own queue, even when it copies a neighbour.
@Suite struct ReportDeskTests {
    static let oakbridge = Identity(id: "oakbridge-town-council", name: "Oakbridge Town Council", kind: "town council",
                                    place: "Oakbridge")
    static let thornbury = Identity(id: "thornbury-town-council", name: "Thornbury Town Council", kind: "town council",
                                    place: "Thornbury")

    func desk(in folder: String = Scratch.path("desk")) throws -> (ReportDesk, Store) {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = try Store.open(path: folder + "/store.sqlite")
        let watchlist = Watchlist(directory: folder, identities: [Self.oakbridge, Self.thornbury])
        let desk = ReportDesk(watchlist: watchlist, store: store, scorer: try Scorer(identities: watchlist.identities),
                              logos: LogoIndex(), fetcher: nil)
        return (desk, store)
    }

    func council(of filed: ReportDesk.Filed, in store: Store) throws -> String? {
        try store.caseDetail(filed.outcome.caseID)?.summary.identity
    }

    @Test func aReportIsFiledUnderTheCouncilItCopiesWithinTheViewersCouncils() async throws {
        let (desk, store) = try desk()
        let page = { (name: String) in ReportDesk.Reporter(name: name, channel: .page) }

        // Everyone's page (one council's machine, an administrator): the council the account copies.
        let seenByAll = try await desk.file(link: "https://www.facebook.com/oakbridgetowncounci1", by: page("admin"))
        #expect(try council(of: seenByAll, in: store) == Self.oakbridge.id)
        #expect(seenByAll.assessment.identity == Self.oakbridge.id)

        // Oakbridge's clerk: the same.
        let own = try await desk.file(link: "https://x.com/oakbridge_tc_help", by: page("clerk@oakbridge.test"),
                                      scope: .only([Self.oakbridge.id]))
        #expect(try council(of: own, in: store) == Self.oakbridge.id)

        // Thornbury's clerk reports a copy of Oakbridge: it stays where they can follow it.
        let neighbours = try await desk.file(link: "https://www.instagram.com/oakbridge.town.council",
                                             by: page("clerk@thornbury.test"), scope: .only([Self.thornbury.id]))
        #expect(try council(of: neighbours, in: store) == Self.thornbury.id)
        // Judged against Thornbury alone, where nothing ties it: the score does not borrow Oakbridge's evidence.
        #expect(neighbours.assessment.identity == nil && neighbours.assessment.verdict == .clear)
        #expect(!neighbours.assessment.reasons.contains { $0.identity == Self.oakbridge.id })
        // One council's file keeps one case an account: the clerk's case is the one there is.
        #expect(neighbours.copiedCouncil == nil)

        // A clerk with no council the watchlist knows files nothing, rather than on someone else's queue.
        for scope in [CouncilScope.only([]), .only(["nowhere-town-council"])] {
            await #expect(throws: ReportDesk.Refusal.self) {
                try await desk.file(link: "https://x.com/thornbury_fake", by: page("clerk@nowhere.test"), scope: scope)
            }
        }

        // A council the watchlist does not know is refused, and nothing is stored for it.
        await #expect(throws: ReportDesk.Refusal.self) {
            try await desk.file(link: "https://x.com/someone", by: page("admin"), council: "nowhere-town-council")
        }
        #expect(try store.cases(CaseFilter(statuses: Set(CaseStatus.allCases))).count == 3)
    }

    /// The link from the hostile-input audit: the resident's bank password and a Facebook token reach
    /// neither the case's report, its trail, its snapshot nor the store's file; the path keeps its case.
    @Test func aReportedLinkKeepsNoPasswordAndNoToken() async throws {
        let folder = Scratch.path("desk")
        let (desk, store) = try desk(in: folder)
        let reporter = ReportDesk.Reporter(name: "Jo Bloggs", channel: .command)
        let filed = try await desk.file(
            link: "https://alice:MyBankPw99@www.facebook.com/Oakbridge.Fake2?access_token=EAAB1234SECRET&x=1", by: reporter)
        #expect(filed.profile.handle == "Oakbridge.Fake2")
        let detail = try #require(try store.caseDetail(filed.outcome.caseID))
        #expect(detail.reports.map(\.link) == ["https://www.facebook.com/Oakbridge.Fake2?access_token=[redacted]&x=1"])
        let shown = (detail.reports.map(\.link) + detail.events.compactMap(\.reason) + detail.snapshots.map(\.url)
            + [filed.profile.url, filed.profile.id, detail.summary.url]).joined(separator: "\n").lowercased()
        var file = Data()
        for suffix in ["", "-wal"] {
            file.append((try? Data(contentsOf: URL(fileURLWithPath: folder + "/store.sqlite" + suffix))) ?? Data())
        }
        let stored = String(decoding: file, as: UTF8.self).lowercased()
        for secret in ["alice", "mybankpw99", "eaab1234secret"] {
            #expect(!shown.contains(secret), "\(shown)")
            #expect(!stored.contains(secret), "the store's file holds \(secret)")
        }

        // A link that is no web address is refused without repeating the password in it.
        let refusal = await #expect(throws: ReportDesk.Refusal.self) {
            try await desk.file(link: "ftp://bob:Hunter2Secret@files.example/x", by: reporter)
        }
        #expect(refusal?.reason.contains("Hunter2Secret") == false, "\(refusal?.reason ?? "")")
    }

    /// Links that name no account (the app's share links, a post) are each their own case: two different share
    /// links once joined one case under the handle "share", so one decision covered an account never looked at.
    @Test func linksThatNameNoAccountAreNotOneCase() async throws {
        let (desk, store) = try desk(in: Scratch.path("desk-share"))
        let reporter = ReportDesk.Reporter(name: "Jo Bloggs", channel: .command)
        let first = try await desk.file(link: "https://www.facebook.com/share/1AbCdEf/", by: reporter)
        let second = try await desk.file(link: "https://www.facebook.com/share/9ZyXwV/", by: reporter)
        let again = try await desk.file(link: "https://www.facebook.com/share/9ZyXwV/", by: reporter)
        #expect(first.outcome.caseID != second.outcome.caseID)
        #expect(again.outcome.caseID == second.outcome.caseID)
        #expect(second.profile.handle == "facebook.com/share/9ZyXwV")
        // Posts told apart by their query alone are two cases too.
        let post1 = try await desk.file(link: "https://www.facebook.com/story.php?story_fbid=1&id=9", by: reporter)
        let post2 = try await desk.file(link: "https://www.facebook.com/story.php?story_fbid=2&id=9", by: reporter)
        #expect(post1.outcome.caseID != post2.outcome.caseID)
        #expect(try store.cases(CaseFilter(statuses: Set(CaseStatus.allCases))).count == 4)
    }
}
