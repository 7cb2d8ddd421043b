import Foundation
import ImpostorCore
import ImpostorFetch
import ImpostorImaging
import ImpostorScoring
import ImpostorStore
import Logging

/// One scan: fetch every source, hash avatars, score, store, then re-check confirmed and reported
/// accounts. Each profile is stored in its own transaction, so a stop at any point keeps what was done.
public struct ScanPass: Sendable {
    /// What a scan did, for the exit code, the log and the digest.
    public struct Outcome: Sendable {
        public var runID: Int64
        public var status: ScanRun.Status
        public var profiles: Int
        public var suspects: Int
        /// Cases opened or reopened by this scan, highest score first: what the digest announces.
        public var newCases: [NewCase]
        public var removed: Int
        public var sources: [SourceHealth]
        /// What the report mailbox gave, when one is configured.
        public var intake: Intake.Outcome?
    }

    /// A case that needs the clerk after this scan.
    public struct NewCase: Sendable {
        public var summary: CaseSummary
        public var reasons: [Reason]
        /// Why it came back, for a reopened case.
        public var reopened: String?
        /// For a takeover alert: what changed on the council's own account, before and after.
        public var changes: [String]?
    }

    public let watchlist: Watchlist
    public let store: any CaseStore
    /// The council this pass scans, when a worker scans one at a time; nil for the whole watchlist.
    public let council: String?
    public let fetcher: Fetcher
    public let recheck: Recheck?
    public let scorer: Scorer
    public let logos: LogoIndex
    public let logger: Logger
    /// The report mailbox, read after the sources.
    public let intake: Intake?
    /// Avatars already decoded and compared with the logos, by content.
    public let evidenceCache: AvatarEvidenceCache?
    let decoder = ScanPass.decoder
    static let decoder = ImageDecoder(limits: .avatar)

    public init(
        watchlist: Watchlist, store: any CaseStore, fetcher: Fetcher, recheck: Recheck?, scorer: Scorer, logos: LogoIndex,
        logger: Logger, intake: Intake? = nil, evidenceCache: AvatarEvidenceCache? = nil, council: String? = nil
    ) {
        self.council = council
        self.intake = intake
        self.evidenceCache = evidenceCache
        self.watchlist = watchlist
        self.store = store
        self.fetcher = fetcher
        self.recheck = recheck
        self.scorer = scorer
        self.logos = logos
        self.logger = logger
    }

    /// Runs the scan. The caller holds the scan lock. Cancelling the task stops it between profiles
    /// and records the run as interrupted.
    public func run(kind: String? = nil) async throws(StoreError) -> Outcome {
        let closed = try await store.closeAbandonedRuns(at: Date())
        if closed > 0 { logger.warning("scan.abandoned", metadata: ["runs": "\(closed)"]) }
        let runID = try await store.beginRun(version: ImpostorVersion.current, council: council, at: Date())
        logger.info("scan.start", metadata: ["run": "\(runID)"])

        let plan = FetchPlan.make(watchlist: watchlist, kind: kind)
        var outcome = Outcome(runID: runID, status: .running, profiles: 0, suspects: 0, newCases: [], removed: 0, sources: [])
        var sourcesFailed = false
        do {
            // Profiles are hashed, scored and stored as the sources find them, so a scan holds a few
            // pages of them at a time rather than all; sources wait while the store catches up.
            let keeper = Keeper(pass: self, run: runID)
            let summaries = await fetcher.stream(plan) { _, profiles in await keeper.take(profiles) }
            let kept = await keeper.finish()
            outcome = kept.outcome
            outcome.sources = summaries.map(Self.health)
            sourcesFailed = summaries.contains(where: \.failed)
            for s in summaries {
                logger.info("scan.source", metadata: [
                    "source": "\(s.kind)", "pages": "\(s.pages)", "profiles": "\(s.profiles)", "errors": "\(s.errors.count)",
                ])
                for e in s.errors { logger.warning("scan.source.error", metadata: ["source": "\(s.kind)", "error": "\(e)"]) }
            }
            if let failure = kept.failure { throw failure }
            try Task.checkCancellation()
            if let recheck {
                let scope: CouncilScope = council.map { .only([$0]) } ?? .all
                for target in try await store.recheckTargets(scope: scope) {
                    try Task.checkCancellation()
                    try await follow(target, with: recheck, run: runID, into: &outcome)
                }
                try await watchOfficials(with: recheck, run: runID, into: &outcome)
            }
            if let intake {
                let read = await intake.run()
                outcome.intake = read
                for id in read.opened {
                    if let detail = try await store.caseDetail(id, scope: .all) {
                        outcome.newCases.append(NewCase(summary: detail.summary, reasons: detail.assessment?.reasons ?? []))
                    }
                }
            }
        } catch is CancellationError {
            try await store.finishRun(runID, status: .interrupted, profiles: outcome.profiles, sources: outcome.sources,
                                      message: "stopped by a signal before it finished", at: Date())
            logger.warning("scan.interrupted", metadata: ["run": "\(runID)", "profiles": "\(outcome.profiles)"])
            outcome.status = .interrupted
            return outcome
        } catch let error as StoreError {
            try? await store.finishRun(runID, status: .failed, profiles: outcome.profiles, sources: outcome.sources,
                                       message: error.reason, at: Date())
            throw error
        } catch {
            try await store.finishRun(runID, status: .failed, profiles: outcome.profiles, sources: outcome.sources,
                                      message: "\(error)", at: Date())
            throw StoreError(.database, "the scan failed: \(error)")
        }

        let pruned = evidenceCache?.prune() ?? 0
        if pruned > 0 { logger.info("scan.avatar_cache.pruned", metadata: ["files": "\(pruned)"]) }
        let intakeFailed = outcome.intake?.failure != nil
        outcome.status = sourcesFailed || intakeFailed ? .partial : .completed
        try await store.finishRun(runID, status: outcome.status, profiles: outcome.profiles, sources: outcome.sources,
                                  message: sourcesFailed ? "some sources failed; see their errors"
                                      : outcome.intake?.failure, at: Date())
        // Takeover alerts first: the council's own account speaks to every follower until it is fixed.
        outcome.newCases.sort { ($0.summary.kind == .takeover ? 1 : 0, $0.summary.score) > ($1.summary.kind == .takeover ? 1 : 0, $1.summary.score) }
        logger.info("scan.end", metadata: [
            "run": "\(runID)", "status": "\(outcome.status.rawValue)", "profiles": "\(outcome.profiles)",
            "suspects": "\(outcome.suspects)", "new_cases": "\(outcome.newCases.count)", "removed": "\(outcome.removed)",
        ])
        return outcome
    }

    /// Takes the profiles of a streamed fetch in turn: each once (the same account from two sources is
    /// kept the first time), avatars hashed a batch at a time across the cores, each profile stored in
    /// its own transaction. The first error stops it; later batches are passed over.
    actor Keeper {
        let pass: ScanPass
        let run: Int64
        private var outcome: Outcome
        private var seen = Set<String>()
        private var failure: (any Error)?

        init(pass: ScanPass, run: Int64) {
            self.pass = pass
            self.run = run
            outcome = Outcome(runID: run, status: .running, profiles: 0, suspects: 0, newCases: [], removed: 0, sources: [])
        }

        func take(_ found: [Profile]) async {
            guard failure == nil else { return }
            let profiles = found.filter { seen.insert("\($0.platform)\u{0}\($0.id)").inserted }
            do {
                var start = 0
                while start < profiles.count {
                    let batch = Array(profiles[start..<min(profiles.count, start + ScanPass.hashBatch)])
                    let evidence = batch.concurrentMap { pass.avatarEvidence($0) }
                    for (profile, avatar) in zip(batch, evidence) {
                        try Task.checkCancellation()
                        // Another batch failed while this one waited for the store: keep no more.
                        guard failure == nil else { return }
                        // Takes of other batches may run while this one waits for the store: each keeps
                        // into a tally of its own, added to the whole after.
                        var kept = Outcome(runID: run, status: .running, profiles: 0, suspects: 0, newCases: [],
                                           removed: 0, sources: [])
                        try await pass.keep(profile, avatar: avatar, run: run, into: &kept)
                        outcome.profiles += kept.profiles
                        outcome.suspects += kept.suspects
                        outcome.newCases += kept.newCases
                    }
                    start += batch.count
                }
            } catch {
                if failure == nil { failure = error }
            }
        }

        /// What was kept, and the error that stopped it if one did.
        func finish() -> (outcome: Outcome, failure: (any Error)?) { (outcome, failure) }
    }

    /// Profiles whose avatars are hashed together: enough to keep the cores busy, few enough that
    /// their image bytes (up to 5 MB each) stay small beside the 150 MB a scan may use.
    static let hashBatch = 8

    /// Scores one profile with its avatar (hashed here unless given) and stores it.
    func keep(_ profile: Profile, avatar given: AvatarEvidence? = nil, run: Int64, into outcome: inout Outcome)
        async throws(StoreError)
    {
        let avatar = given ?? avatarEvidence(profile)
        var assessment = scorer.assess(profile, logoMatches: avatar.matches)
        if let problem = avatar.problem {
            assessment.reasons.append(Reason(signal: .avatarUnreadable, weight: 0, detail: problem))
        }
        outcome.profiles += 1
        if assessment.verdict == .suspect { outcome.suspects += 1 }
        let observation = Observation(profile: profile, assessment: assessment, avatarHash: avatar.hash,
                                      avatar: avatar.image)
        let result = try await store.record(observation, run: run, version: ImpostorVersion.current, at: Date())
        switch result {
        case .opened(let id), .reopened(let id, _):
            if let summary = try await store.caseDetail(id, scope: .all)?.summary {
                var why: String?
                if case .reopened(_, let w) = result { why = w }
                outcome.newCases.append(NewCase(summary: summary, reasons: assessment.reasons, reopened: why))
                logger.notice("scan.case", metadata: [
                    "case": "\(id)", "platform": "\(profile.platform)", "handle": "\(profile.handle)",
                    "score": "\(String(format: "%.2f", assessment.score))", "reopened": "\(why ?? "no")",
                ])
            }
        case .ignored, .unchanged, .changed:
            break
        }
    }

    /// Fetches a confirmed or reported account again; a gone account closes its case as removed.
    func follow(_ target: RecheckTarget, with recheck: Recheck, run: Int64, into outcome: inout Outcome)
        async throws(StoreError)
    {
        switch await recheck.check(platform: target.platform, stableID: target.stableID, handle: target.handle,
                                   url: target.url) {
        case .gone(let why):
            try await store.markGone(caseID: target.caseID, reason: why, run: run, at: Date())
            outcome.removed += 1
            logger.notice("scan.removed", metadata: ["case": "\(target.caseID)", "why": "\(why)"])
        case .present(let profile?):
            try await keep(profile, run: run, into: &outcome)
        case .present(nil):
            break
        case .unknown(let why):
            logger.info("scan.recheck.unknown", metadata: ["case": "\(target.caseID)", "why": "\(why)"])
        }
    }

    /// Looks at each of the council's own accounts on the platforms with an API and compares it with
    /// its baseline: a change or a disappearance is a takeover alert.
    func watchOfficials(with recheck: Recheck, run: Int64, into outcome: inout Outcome) async throws {
        let platforms = Set(recheck.platformsWithAPI)
        for identity in watchlist.identities {
            for official in identity.officials where platforms.contains(official.platform) {
                try Task.checkCancellation()
                let key = OfficialKey(identity: identity.id, platform: official.platform, handle: official.handle)
                let result: OfficialOutcome
                switch await recheck.lookUp(official) {
                case .present(let seen?):
                    let profile = await fetcher.withAvatars([seen]).first ?? seen
                    let avatar = avatarEvidence(profile)
                    let observation = Observation(profile: profile, assessment: scorer.assess(profile, logoMatches: avatar.matches),
                                                  avatarHash: avatar.hash, avatar: avatar.image)
                    result = try await store.watchOfficial(key, seen: observation, run: run, at: Date())
                case .present(nil):
                    continue
                case .gone(let why):
                    result = try await store.officialGone(key, reason: why, url: official.url ?? "", run: run, at: Date())
                case .unknown(let why):
                    logger.warning("scan.official.unknown", metadata: [
                        "platform": "\(official.platform)", "handle": "\(official.handle)", "why": "\(why)",
                    ])
                    continue
                }
                guard case .alert(let id, let changes) = result, let summary = try await store.caseDetail(id, scope: .all)?.summary
                else { continue }
                outcome.newCases.append(NewCase(summary: summary, reasons: [], changes: changes))
                logger.critical("scan.takeover", metadata: [
                    "case": "\(id)", "platform": "\(official.platform)", "handle": "\(official.handle)",
                    "changes": "\(changes.joined(separator: "; "))",
                ])
            }
        }
    }

    struct AvatarEvidence: Sendable {
        var matches: [LogoMatch] = []
        var hash: PerceptualHash?
        var image: StoredImage?
        var problem: String?
    }

    func avatarEvidence(_ profile: Profile) -> AvatarEvidence {
        Self.avatarEvidence(profile, logos: logos, decoder: decoder, cache: evidenceCache)
    }

    /// Hashes the avatar's local file (downloaded by the fetcher, or resolved inside a local listing's
    /// folder) and keeps its bytes as evidence only once they decode as an image. A picture `cache`
    /// has seen, by the SHA-256 of its bytes, is not decoded again.
    static func avatarEvidence(_ profile: Profile, logos: LogoIndex, decoder: ImageDecoder,
                               cache: AvatarEvidenceCache? = nil) -> AvatarEvidence
    {
        guard let path = profile.avatarFile else { return AvatarEvidence() }
        let bytes: [UInt8]
        do { bytes = try decoder.readFile(path) } catch { return AvatarEvidence(problem: "avatar: \(error.reason)") }
        let sha256 = ContentHash(of: bytes).hex
        if let kept = cache?.lookup(sha256) {
            if let problem = kept.problem { return AvatarEvidence(problem: problem) }
            return AvatarEvidence(matches: kept.matches, hash: kept.hash.flatMap(PerceptualHash.init(hex:)),
                                  image: StoredImage(sha256: sha256, bytes: bytes))
        }
        let evidence: AvatarEvidence
        do {
            let hashes = AvatarHashes(try decoder.decode(bytes))
            evidence = AvatarEvidence(matches: logos.matches(avatar: hashes), hash: hashes.whole.hash,
                                      image: StoredImage(sha256: sha256, bytes: bytes))
        } catch {
            evidence = AvatarEvidence(problem: "avatar: \(error.reason)")
        }
        cache?.save(.init(sha256: sha256, logoSet: cache?.logoSet ?? "", hash: evidence.hash?.hex, matches: evidence.matches,
                          problem: evidence.problem))
        return evidence
    }

    static func health(_ s: SourceSummary) -> SourceHealth {
        var failure: String?
        if let first = s.errors.first {
            failure = s.errors.count == 1 ? "\(first)" : "\(first) (and \(s.errors.count - 1) more)"
        }
        return SourceHealth(source: "\(s.kind) (\(s.location))", pages: s.pages, profiles: s.profiles,
                            errors: s.errors.count, waits: s.waits, failure: failure)
    }
}
