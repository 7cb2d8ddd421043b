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

    func desk() throws -> (ReportDesk, Store) {
        let folder = Scratch.path("desk")
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
}
