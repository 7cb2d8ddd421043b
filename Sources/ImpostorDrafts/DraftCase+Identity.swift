import Foundation
import ImpostorCore

extension DraftCase.Council {
    /// The council as its watchlist file describes it.
    public init(identity: Identity) {
        self.init(
            name: identity.name, kind: identity.kind, place: identity.place, area: identity.area,
            website: identity.website, accountsPage: identity.accountsPage, officials: identity.officials,
            clerk: identity.contact, nation: identity.nation, languages: identity.languages)
        // An alias that starts with a Welsh council word is the council's Welsh name.
        welshName = identity.aliases.first { $0.lowercased().hasPrefix("cyngor ") }
    }
}

extension DraftCase {
    /// A case from the shared types: the watchlist identity, the profile as fetched, and its assessment.
    ///
    /// The target is the person the assessment's `person` (or `office`) reason names, when the
    /// assessment says a person is impersonated; otherwise the council. Reasons are kept strongest
    /// first, without those that spoke against the case. It is a takeover when `kind` says so, or when the
    /// assessment reads one of the council's own accounts as hijacked or its own mailbox as taken.
    public init(
        identity: Identity, profile: Profile, assessment: Assessment?, firstSeen: Date, confirmed: Date? = nil,
        drafted: Date = Date(), preElection: Bool = false, capturedAt: Date? = nil, kind: Kind? = nil
    ) {
        let reasons = (assessment?.reasons ?? []).filter { $0.weight > 0 }.sorted { $0.weight > $1.weight }
        var target = Impersonated.council
        if assessment?.target == .person, let person = Self.person(in: identity, reasons: reasons) {
            target = .person(name: person.name, role: person.role)
        }
        // Stores written before distances were typed kept them only as "12 bits".
        let logo = reasons.first { $0.signal == .logo }.flatMap { $0.distance ?? $0.folded.flatMap { Int($0.split(separator: " ").first ?? "") } }
        // A profile that gave no web address (or a planted "javascript:" one) is named by the address its handle makes
        // on its platform, when that is a handle the platform could have issued.
        let given = profile.url.trimmingSpaces().lowercased()
        let made = AccountLinks.url(AccountReference(platform: profile.platform, handle: profile.handle)).flatMap { ProfileAddress(url: $0) != nil ? $0 : nil }
        let url = given.hasPrefix("https://") || given.hasPrefix("http://") ? profile.url : made ?? profile.url
        self.init(
            council: Council(identity: identity), target: target,
            suspect: Suspect(
                platform: profile.platform, id: profile.id, handle: profile.handle, displayName: profile.displayName,
                profileURL: url, bio: profile.bio, createdAt: profile.createdAt),
            evidence: Evidence(score: assessment?.score ?? 0, reasons: reasons.map(\.detail), logoDistance: logo,
                               capturedAt: capturedAt),
            firstSeen: firstSeen, confirmed: confirmed, drafted: drafted, preElection: preElection,
            kind: kind ?? (reasons.contains { $0.signal == .hijacked || $0.signal == .mailboxTaken } ? .takeover : .impersonation))
    }

    /// The person a `person` reason matched by name, else the one whose role an `office` reason names.
    static func person(in identity: Identity, reasons: [Reason]) -> Person? {
        for reason in reasons where reason.signal == .person || reason.signal == .personName {
            if let p = identity.people.first(where: { $0.name == reason.matched }) { return p }
        }
        for reason in reasons where reason.signal == .office {
            let offices = (reason.matched ?? "").lowercased().split(separator: ",").map { String($0).trimmingSpaces() }
            if let p = identity.people.first(where: { person in
                offices.contains { !$0.isEmpty && person.role.lowercased().contains($0) }
            }) {
                return p
            }
        }
        return nil
    }
}
