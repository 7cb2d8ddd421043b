import ArgumentParser
import Foundation
import ImpostorCore
import ImpostorDrafts
import ImpostorStore
import ImpostorWeb

/// Turns a stored case into the drafting stage's input, for `notice`, `warning` and the review page.
enum CaseDrafts {
    static func draftCase(_ detail: CaseDetail, watchlist: Watchlist, preElection: Bool) -> DraftCase? {
        guard let identity = watchlist.identity(id: detail.summary.identity) else { return nil }
        let s = detail.summary
        let latest = detail.snapshots.first
        let profile = Profile(platform: s.platform, id: s.stableID, handle: s.handle, displayName: s.displayName,
                              bio: latest?.bio ?? "", url: s.url)
        let assessment = detail.assessment.map {
            Assessment(id: s.stableID, platform: s.platform, handle: s.handle, score: $0.score, verdict: $0.verdict,
                       identity: $0.identity, target: $0.target, reasons: $0.reasons)
        }
        let confirmed = detail.events.first { $0.action == "confirm" }?.at
        guard s.kind == .takeover else {
            return DraftCase(identity: identity, profile: profile, assessment: assessment, firstSeen: s.openedAt,
                             confirmed: confirmed, preElection: preElection, capturedAt: latest?.lastSeen)
        }
        // A takeover alert: what changed since the council last accepted the account, as each alert said it, is the
        // evidence, and the first of those alerts the first sighting (a later change raises another).
        let accepted = detail.events.lastIndex { $0.action == "expected" }.map { $0 + 1 } ?? 0
        let alerts = detail.events[accepted...].filter { $0.action == "takeover" }
        var draft = DraftCase(identity: identity, profile: profile, assessment: assessment, firstSeen: alerts.first?.at ?? s.openedAt,
                              confirmed: confirmed, preElection: preElection, capturedAt: latest?.lastSeen, kind: .takeover)
        draft.evidence.reasons = alerts.compactMap(\.reason) + draft.evidence.reasons
        return draft
    }

    static func templatesFolder(_ watchlist: Watchlist) -> String { watchlist.directory + "/templates" }

    /// The council's templates (its edits over the defaults), or exit 2 with each broken template's file and line.
    static func drafter(_ watchlist: Watchlist) throws -> Drafter {
        do {
            return Drafter(templates: try TemplateSet.load(overrides: templatesFolder(watchlist)))
        } catch {
            Console.error("impostor: \(error.description)")
            Console.error("impostor: fix the template, or run `impostor drafts --check --watchlist \(watchlist.directory)`")
            throw ExitCode(ExitCodes.configuration)
        }
    }

    /// Tells the clerk what a drafted text lacks or breaks (a council's edited template can drop the
    /// Report Fraud line or run over a limit); true when there is nothing to say.
    static func report(_ findings: [LintFinding]) -> Bool {
        for finding in findings {
            Console.error("impostor: check this draft before using it: \(Terminal.message(finding.message))")
        }
        return findings.isEmpty
    }

    /// Loads a confirmed case, or exits with why it cannot be drafted yet.
    static func confirmedCase(_ id: Int64, store: Store, watchlist: Watchlist, preElection: Bool) throws -> (CaseDetail, DraftCase) {
        let detail: CaseDetail
        do {
            guard let d = try store.caseDetail(id) else {
                Console.error("impostor: there is no case \(id); `impostor review --all` lists them")
                throw ExitCode(1)
            }
            detail = d
        } catch let error as StoreError {
            Console.error("impostor: \(Terminal.message(error.reason))")
            throw ExitCode(ExitCodes.store)
        }
        guard [.confirmed, .reported, .removed].contains(detail.summary.status) else {
            Console.error("impostor: case \(id) is \(detail.summary.status.label.lowercased()); confirm it first (`impostor decide \(id) confirm`)")
            throw ExitCode(1)
        }
        guard let draft = draftCase(detail, watchlist: watchlist, preElection: preElection) else {
            Console.error("impostor: case \(id) belongs to \(Terminal.safe(detail.summary.identity)), "
                + "which is no longer in the watchlist")
            throw ExitCode(ExitCodes.configuration)
        }
        return (detail, draft)
    }
}

/// Drafts on the review page for confirmed cases: the platform's report (for a takeover, the plan to get
/// the account back) and a warning per channel.
enum DraftsForPage {
    static func make(watchlist: Watchlist) -> @Sendable (CaseDetail) -> [DraftView] {
        let drafter = try? CaseDrafts.drafter(watchlist)
        return { detail in
            guard let drafter, let draft = CaseDrafts.draftCase(detail, watchlist: watchlist, preElection: false) else { return [] }
            let notice = drafter.notice(for: draft)
            let title = draft.kind == .takeover ? "Getting the account back" : "Report to \(notice.platform.rawValue.capitalized)"
            var views = [DraftView(title: title, text: notice.text,
                                   count: "description \(notice.descriptionLength) / \(notice.descriptionLimit.maximum)")]
            for w in drafter.warnings(for: draft) {
                views.append(DraftView(title: "Warning for \(w.channel)", text: w.text,
                                       count: "\(w.length) / \(w.limit.maximum) as \(w.channel) counts"))
            }
            return views
        }
    }
}
