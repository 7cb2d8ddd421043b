import Foundation
import ImpostorCore

/// Everything a report or a warning says about one confirmed case: the input of every draft.
///
/// The CLI builds it from the case store (or with `init(identity:profile:assessment:…)`); drafts read
/// nothing else. Text that came from the suspect account (its name, handle, bio, and the evidence
/// lines that quote them) is treated as hostile: drafts strip its hidden characters, defang its
/// links and mentions, and isolate right-to-left runs before showing it.
public struct DraftCase: Sendable, Hashable {
    /// The council whose name or people the account borrows: the drafts speak in its voice.
    public var council: Council
    /// Whom the account pretends to be: the council, or one of its people.
    public var target: Impersonated
    /// The impersonating account.
    public var suspect: Suspect
    /// Why impostor flagged it, in a few lines a platform's moderator can check.
    public var evidence: Evidence
    /// When the account was first seen by impostor.
    public var firstSeen: Date
    /// When the clerk confirmed the case; nil before confirmation (drafts still render).
    public var confirmed: Date?
    /// The date the drafts carry ("published on"); usually now.
    public var drafted: Date
    /// The pre-election period: warnings stay purely factual, with no quotes and no photographs.
    public var preElection: Bool
    /// What went wrong: an impostor's account, or one of the council's own taken over.
    public var kind: Kind

    public init(
        council: Council, target: Impersonated, suspect: Suspect, evidence: Evidence, firstSeen: Date,
        confirmed: Date? = nil, drafted: Date = Date(), preElection: Bool = false, kind: Kind = .impersonation
    ) {
        self.council = council
        self.target = target
        self.suspect = suspect
        self.evidence = evidence
        self.firstSeen = firstSeen
        self.confirmed = confirmed
        self.drafted = drafted
        self.preElection = preElection
        self.kind = kind
    }

    /// What the drafts are about: the reports and warnings of the two differ in every line.
    public enum Kind: Sendable, Hashable {
        /// Someone else's account (or e-mail address) pretends to be the council or one of its people:
        /// the platform is asked to remove it.
        case impersonation
        /// One of the council's own accounts, or its own mailbox, is in someone else's hands: the council
        /// recovers it, and warns that what it posted or sent meanwhile is not from the council.
        case takeover
    }

    /// The council's official accounts other than the one taken over: where residents can still hear from it.
    public var otherOfficials: [AccountReference] {
        guard kind == .takeover else { return council.officials }
        let taken = suspect.platform.canonicalHandle(suspect.handle)
        return council.officials.filter { $0.platform != suspect.platform || $0.platform.canonicalHandle($0.handle) != taken }
    }

    /// The council as the watchlist describes it. Trusted text: it is shown as written.
    public struct Council: Sendable, Hashable {
        /// "Oakbridge Town Council".
        public var name: String
        /// "town council", "parish council", …; may be empty.
        public var kind: String
        /// "Oakbridge".
        public var place: String
        /// The county or district ("Wiltshire"); may be empty.
        public var area: String
        /// The council's website, "https://www.oakbridge-tc.gov.uk".
        public var website: String?
        /// The page listing the official accounts; warnings link to it (falls back to `website`).
        public var accountsPage: String?
        /// The council's own accounts from the watchlist's `[[official]]` tables.
        public var officials: [AccountReference]
        /// The clerk (or proper officer) residents and platforms should contact.
        public var clerk: Contact?
        /// "england", "wales", "scotland", "northern ireland", or nil (treated as England).
        public var nation: String?
        /// The languages of the council's public warnings, in order: `["cy", "en"]` is Welsh, then English.
        /// Reports to platforms are always in English.
        public var languages: [String]
        /// The council's name in Welsh, from its aliases, for Welsh warnings.
        public var welshName: String?

        public init(
            name: String, kind: String = "", place: String = "", area: String = "", website: String? = nil,
            accountsPage: String? = nil, officials: [AccountReference] = [], clerk: Contact? = nil, nation: String? = nil,
            languages: [String] = ["en"]
        ) {
            self.name = name
            self.kind = kind
            self.place = place
            self.area = area
            self.website = website
            self.accountsPage = accountsPage
            self.officials = officials
            self.clerk = clerk
            self.nation = nation
            self.languages = languages
        }

        /// The link warnings send residents to: the accounts page, else the website.
        public var accountsLink: String? {
            for link in [accountsPage, website] {
                if let link, !link.trimmingSpaces().isEmpty { return link.trimmingSpaces() }
            }
            return nil
        }
    }

    /// Whom the account pretends to be.
    public enum Impersonated: Sendable, Hashable {
        /// The council itself: the council reports it, through an authorised officer.
        case council
        /// One of its people ("Cllr Priya Sharma", "Mayor"): that person must report it, with their own ID.
        case person(name: String, role: String)
    }

    /// The impersonating account, as its platform showed it. Untrusted text.
    public struct Suspect: Sendable, Hashable {
        public var platform: Platform
        /// The platform's stable id: a DID on Bluesky, an account URI on Mastodon, a numeric id elsewhere.
        public var id: String
        /// The handle as the platform shows it ("oakbridge_council", "name@server" on Mastodon).
        public var handle: String
        public var displayName: String
        /// The profile's web address, as the source gave it.
        public var profileURL: String
        public var bio: String
        /// When the platform says the account was created, as the source gave it (often ISO 8601).
        public var createdAt: String?

        public init(
            platform: Platform, id: String, handle: String, displayName: String = "", profileURL: String = "",
            bio: String = "", createdAt: String? = nil
        ) {
            self.platform = platform
            self.id = id
            self.handle = handle
            self.displayName = displayName
            self.profileURL = profileURL
            self.bio = bio
            self.createdAt = createdAt
        }
    }

    /// The case's evidence, in the short form a report form has room for.
    public struct Evidence: Sendable, Hashable {
        /// impostor's score, 0 to 1.
        public var score: Double
        /// One short line per reason, strongest first ("the name reads as Oakbridge Town Council").
        public var reasons: [String]
        /// The PDQ distance (0–256 bits) between the avatar and the council's logo, when they matched.
        public var logoDistance: Int?
        /// When the profile snapshot kept as evidence was taken.
        public var capturedAt: Date?

        public init(score: Double, reasons: [String] = [], logoDistance: Int? = nil, capturedAt: Date? = nil) {
            self.score = score
            self.reasons = reasons
            self.logoDistance = logoDistance
            self.capturedAt = capturedAt
        }
    }
}
