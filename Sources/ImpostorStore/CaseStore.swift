import Foundation
import ImpostorCore

/// What the scan, the worker and the review page need of a store. Two implementations keep the same
/// contract (Tests/ImpostorStoreTests/ContractTests runs one suite against both): `Store`, SQLite in
/// one file for one council's machine, and `PostgresStore`, one server for a county association.
///
/// Every method that shows or changes a case takes the councils the caller may see, and applies them in
/// its query: a case outside them is, to the caller, not there.
public protocol CaseStore: AnyObject, Sendable {
    /// Where the store lives, for logs and errors: a file or a server, never a password.
    var location: String { get }
    /// Whether each council has its own case of an account (a county association's server), rather
    /// than one case an account has whichever council it copies (one council's file).
    var casePerCouncil: Bool { get }

    // MARK: scans

    /// Marks runs that no live scan owns any more as interrupted; returns how many.
    func closeAbandonedRuns(at now: Date) async throws(StoreError) -> Int
    /// Records the start of a scan, of every council or of one, and returns its id.
    func beginRun(version: String, council: String?, at now: Date) async throws(StoreError) -> Int64
    func finishRun(_ id: Int64, status: ScanRun.Status, profiles: Int, sources: [SourceHealth], message: String?,
                   at now: Date) async throws(StoreError)
    /// The most recent scans, newest first.
    func recentRuns(limit: Int) async throws(StoreError) -> [ScanRun]
    /// Keeps one observation (account, snapshot, assessment, case) in one transaction.
    func record(_ observation: Observation, run: Int64?, version: String, at now: Date) async throws(StoreError)
        -> IngestOutcome
    /// Accounts with confirmed or reported cases of these councils, to fetch again.
    func recheckTargets(scope: CouncilScope) async throws(StoreError) -> [RecheckTarget]
    func markGone(caseID: Int64, reason: String, run: Int64?, at now: Date) async throws(StoreError)
    func watchOfficial(_ key: OfficialKey, seen: Observation, run: Int64?, at now: Date) async throws(StoreError)
        -> OfficialOutcome
    func officialGone(_ key: OfficialKey, reason: String, url: String, run: Int64?, at now: Date)
        async throws(StoreError) -> OfficialOutcome

    // MARK: residents' reports

    /// Keeps a resident's report: the account is stored and judged as a scan would, and its case opens
    /// whatever the score. The same account reported again gets the report on its case; the same mail
    /// read twice adds nothing. `identity` is the council to file under when the judgement names none.
    func recordReport(_ observation: Observation, report: ResidentReport, identity: String, run: Int64?,
                      version: String, at now: Date) async throws(StoreError) -> ReportOutcome
    /// Whether a mail of the report mailbox has been handled, by its Message-ID (or its digest).
    func intakeProcessed(_ key: String) async throws(StoreError) -> Bool
    /// Records that a mail's reports are stored: a second reading only moves it along.
    func markIntakeProcessed(_ key: String, sender: String, subject: String, reports: Int, at now: Date)
        async throws(StoreError)

    // MARK: review

    /// The queue, narrowed by `filter` (whose scope bounds it).
    func cases(_ filter: CaseFilter) async throws(StoreError) -> [CaseSummary]
    func statusCounts(identity: String?, platform: Platform?, scope: CouncilScope) async throws(StoreError)
        -> [CaseStatus: Int]
    /// How many new cases each council has, most first.
    func openCasesByIdentity(scope: CouncilScope) async throws(StoreError) -> [(identity: String, count: Int)]
    /// The case, or nil when there is none in `scope`.
    func caseDetail(_ id: Int64, scope: CouncilScope) async throws(StoreError) -> CaseDetail?
    /// Records a decision; a case outside `scope` is not found.
    @discardableResult
    func decide(_ id: Int64, _ decision: Decision, actor: String, note: String?, scope: CouncilScope, at now: Date)
        async throws(StoreError) -> CaseSummary
    /// Evidence bytes, only when a case in `scope` shows them.
    func image(sha256: String, scope: CouncilScope) async throws(StoreError) -> [UInt8]?
}

/// The councils a caller may see: every one (a single-council machine, an administrator) or some.
public enum CouncilScope: Sendable, Hashable {
    case all
    case only(Set<String>)

    public func allows(_ identity: String) -> Bool {
        switch self {
        case .all: true
        case .only(let ids): ids.contains(identity)
        }
    }

    /// The councils, sorted, or nil for all.
    public var sorted: [String]? {
        switch self {
        case .all: nil
        case .only(let ids): ids.sorted()
        }
    }
}
