import Foundation
import ImpostorCore
import ImpostorFetch
import ImpostorImaging
import ImpostorScoring
import ImpostorStore
import ImpostorWeb
import Logging

/// Residents' reports become cases: a link from `impostor add`, from the review page's form or from
/// the report mailbox, and the sender of a forwarded scam e-mail. A reported account always gets a
/// case, marked with who reported it, when and why, whatever its score.
public struct ReportDesk: Sendable {
    public let watchlist: Watchlist
    public let store: any CaseStore
    public let scorer: Scorer
    public let logos: LogoIndex
    /// Reads each link's public page; nil reads nothing and the address alone makes the profile.
    public let fetcher: Fetcher?
    /// Where a report the desk could file for the clerk but not for the council it copies is told.
    public var logger = Logger(label: "impostor.reports")

    public init(watchlist: Watchlist, store: any CaseStore, scorer: Scorer, logos: LogoIndex, fetcher: Fetcher?) {
        self.watchlist = watchlist
        self.store = store
        self.scorer = scorer
        self.logos = logos
        self.fetcher = fetcher
    }

    /// What filing one report did.
    public struct Filed: Sendable {
        public var outcome: ReportOutcome
        public var profile: Profile
        public var assessment: Assessment
        /// Why the page could not be read, when the address alone was used.
        public var unread: String?
        /// The case of the council the account copies, when a clerk of another council reported it;
        /// or why the store could not keep it there (the clerk's own case is filed all the same).
        public var copiedCouncil: Result<ReportOutcome, Refusal>?
    }

    /// Why a report was not filed.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var reason: String
        /// The store could not keep it: the report must be tried again, not dropped.
        public var storeFailed = false
        public var description: String { reason }
    }

    /// Who reported, how, and their words: everything of a report but the link.
    public struct Reporter: Sendable {
        public var name: String
        public var channel: ResidentReport.Channel
        public var note: String?
        public var messageID: String?

        public init(name: String, channel: ResidentReport.Channel, note: String? = nil, messageID: String? = nil) {
            self.name = name
            self.channel = channel
            self.note = note
            self.messageID = messageID
        }
    }

    /// Files a link to a profile or page. `council` names the watchlist id to file it under when the
    /// account names no council. With `scope`, the case is filed under one of those councils: a clerk
    /// who reports a link follows it on their own queue.
    public func file(link raw: String, by reporter: Reporter, council: String? = nil, scope: CouncilScope = .all,
                     at now: Date = Date()) async throws(Refusal) -> Filed
    {
        let given = raw.trimmingSpaces()
        // The link is kept, shown and fetched without its user name and password and with its tokens
        // redacted: a resident's bank password must not reach the store, nor the host in a request.
        guard given.count <= 2000 else {
            throw Refusal(reason: "a link of \(given.count) characters is longer than any profile's address (2,000 at most)")
        }
        guard WebLink.isWeb(given), let clean = CleanURL(given) else {
            let shown = Redaction.apply(FetchError.redact(given))
            throw Refusal(reason: "\"\(String(shown.prefix(80)))\" is not a web link (it must start with https:// or http://)")
        }
        let link = clean.text
        if let own = ownSite(link) {
            throw Refusal(reason: "\(String(link.prefix(120))) is \(own)")
        }
        let address = ProfileAddress.account(of: link)
        var profile = Self.profile(address: address, link: link)
        var unread: String?
        if let fetcher {
            do throws(FetchError) {
                let page = try await fetcher.read(link: link)
                // The platform and handle come from the address the resident gave, never from what the
                // page says of itself: a hostile page may claim to be another account.
                profile.displayName = page.displayName
                profile.bio = page.bio
                profile.avatar = page.avatar
                profile.avatarFile = page.avatarFile
            } catch {
                unread = error.reason
            }
        } else {
            unread = "pages are not read (offline)"
        }
        return try await file(profile, link: link, by: reporter, council: council, scope: scope, unread: unread, at: now)
    }

    /// Files the sender of a forwarded e-mail: the display name, the address as handle, and the
    /// subject with the first lines as bio. Only a sender that claims the council or its people, from
    /// outside the council's domains, is a report, or one from inside them that reads as its mailbox
    /// taken over; nil otherwise.
    public func file(sender: MailAddress, subject: String, text: String, by reporter: Reporter, at now: Date = Date())
        async throws(Refusal) -> Filed?
    {
        let address = Identity.asciiLowercased(sender.address)
        guard address.contains("@"), address.count <= 320 else { return nil }
        let domain = String(address[address.index(after: address.lastIndex(of: "@")!)...])
        let ownDomain = watchlist.identities.contains { $0.ownDomain(of: domain) != nil }
        let lines = text.split(whereSeparator: \.isNewline).map { String($0).trimmingSpaces() }.filter { !$0.isEmpty && !$0.hasPrefix(">") }
        let bio = ([subject] + lines.prefix(6)).joined(separator: "\n")
        let profile = Profile(platform: .email, id: address, handle: address, displayName: sender.name,
                              bio: String(bio.prefix(1200)), url: "mailto:" + address)
        let assessment = scorer.assess(profile)
        // A name that claims nobody of the council is someone else's mail, not an impersonation.
        guard assessment.verdict == .suspect || assessment.target == .person else { return nil }
        // A colleague's mail is no report; a lure sent from a mailbox taken over is.
        if ownDomain, !assessment.reasons.contains(where: { $0.signal == .mailboxTaken }) { return nil }
        return try await file(profile, link: "mailto:" + address, by: reporter, council: nil, scope: .all, unread: nil,
                              assessed: assessment, at: now)
    }

    private func file(_ profile: Profile, link: String, by reporter: Reporter, council: String?, scope: CouncilScope,
                      unread: String?, assessed: Assessment? = nil, at now: Date) async throws(Refusal) -> Filed
    {
        let avatar = ScanPass.avatarEvidence(profile, logos: logos, decoder: ScanPass.decoder)
        var assessment = assessed ?? scorer.assess(profile, logoMatches: avatar.matches)
        switch assessment.verdict {
        case .official:
            throw Refusal(reason: "\(profile.platform) \(profile.handle) is one of the council's own accounts ([[official]] in the watchlist)")
        case .allowed:
            throw Refusal(reason: "\(profile.platform) \(profile.handle) is on the council's allow list ([[allow]] in the watchlist)")
        case .suspect, .clear:
            break
        }
        if let council, watchlist.identity(id: council) == nil {
            throw Refusal(reason: "there is no council \"\(council)\" in the watchlist (\(watchlist.identities.map(\.id).joined(separator: ", ")))")
        }
        // A clerk's report stays on their own queue: when the account copies another council, it is
        // judged again against the clerk's own councils alone.
        let own = scope.sorted?.filter { watchlist.identity(id: $0) != nil }
        if own?.isEmpty == true {
            throw Refusal(reason: "none of your councils is in the watchlist; ask whoever runs impostor to check `impostor users list`")
        }
        // The council it copies is told as well, with its own judgement: a suspect of theirs.
        var copied: Assessment?
        if let own, let judged = assessment.identity, !scope.allows(judged) {
            copied = assessment.verdict == .suspect ? assessment : nil
            assessment = scorer.assess(profile, among: Set(own), logoMatches: avatar.matches)
        }
        if let problem = avatar.problem {
            assessment.reasons.append(Reason(signal: .avatarUnreadable, weight: 0, detail: problem))
            copied?.reasons.append(Reason(signal: .avatarUnreadable, weight: 0, detail: problem))
        }
        // Filed under the council it was judged to copy, else the nearest one the viewer sees.
        let nearest = assessment.identity ?? scorer.rankedAssessments(profile, limit: 3).first { scope.allows($0.identity ?? "") }?.identity
        let identity = council ?? nearest ?? own?.first ?? watchlist.identities.first?.id ?? "unknown"
        let report = ResidentReport(at: now, reporter: reporter.name, channel: reporter.channel, link: link,
                                    note: reporter.note, messageID: reporter.messageID)
        func record(_ assessment: Assessment, _ report: ResidentReport, under identity: String) async throws(Refusal) -> ReportOutcome {
            do {
                return try await store.recordReport(
                    Observation(profile: profile, assessment: assessment, avatarHash: avatar.hash, avatar: avatar.image,
                                sighted: unread == nil),
                    report: report, identity: identity, run: nil, version: ImpostorVersion.current, at: now)
            } catch {
                throw Refusal(reason: error.reason, storeFailed: true)
            }
        }
        var filed = Filed(outcome: try await record(assessment, report, under: identity), profile: profile, assessment: assessment,
                          unread: unread)
        // On a store with one case per account, that case is the clerk's already.
        if let copied, let theirs = copied.identity, store.casePerCouncil {
            // Their clerk sees whose queue it came through; the clerk's own case is filed whatever happens here.
            let via = (own ?? []).compactMap { watchlist.identity(id: $0)?.name }.joined(separator: ", ")
            var told = report
            told.reporter = "\(reporter.name), reported to \(via)"
            do throws(Refusal) {
                filed.copiedCouncil = .success(try await record(copied, told, under: theirs))
            } catch {
                filed.copiedCouncil = .failure(error)
                logger.warning("report.copied_council_not_told", metadata: ["council": "\(theirs)", "why": "\(error.reason)"])
            }
        }
        return filed
    }

    /// A profile from the address alone: what a login wall or no network leaves.
    static func profile(address: ProfileAddress?, link: String) -> Profile {
        if let address {
            return Profile(platform: address.platform, id: address.url, handle: address.handle, url: address.url)
        }
        // No account's name can be read from it (a share link, a post, a page of a website): the whole address,
        // query and all, is its name, so that two such links are two cases, not one under "share" or "story.php".
        let parts = WebLink.hostAndPath(link)
        var whole = Substring(link.range(of: "://").map { link[$0.upperBound...] } ?? link[...])
        if whole.hasPrefix("www.") { whole = whole.dropFirst(4) }
        while whole.hasSuffix("/") { whole = whole.dropLast() }
        return Profile(platform: Platform(rawValue: parts.host), id: link, handle: String(whole), url: link)
    }

    /// Whether a link is the council's own website or one of its official accounts: not a report.
    public func ownSite(_ link: String) -> String? {
        let host = WebLink.hostAndPath(link).host
        for identity in watchlist.identities {
            if identity.ownDomain(of: host) != nil {
                return "\(identity.name)'s own website"
            }
            if let address = ProfileAddress.account(of: link),
                identity.officials.contains(where: { $0.platform == address.platform
                    && $0.platform.canonicalHandle($0.handle) == address.platform.canonicalHandle(address.handle) })
            {
                return ProfileAddress(url: link) == nil
                    ? "a post under one of \(identity.name)'s own accounts, as its address names it (if the post is someone else's, send the link to their profile)"
                    : "one of \(identity.name)'s own accounts"
            }
        }
        return nil
    }
}

extension ReportDesk {
    /// The review page's "Report a link" form, filing through this desk under the viewer's councils.
    public var pageReporter: ReportFiler {
        { link, by, note, scope in
            do throws(Refusal) {
                return try await file(link: link, by: Reporter(name: by, channel: .page, note: note), scope: scope).outcome.caseID
            } catch {
                throw ReportRefused(error.reason)
            }
        }
    }
}
