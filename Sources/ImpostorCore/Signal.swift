/// What kind of evidence a reason is: the code other stages match on, never the sentence.
///
/// Open, like an HTTP method: a store written by a later version may hold codes this one does not
/// know, and it still reads them.
public struct Signal: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }

    // Stored as the bare code, as reasons always were.
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

extension Signal {
    // What the name claims.
    public static let name: Signal = "name"
    public static let place: Signal = "place"
    public static let office: Signal = "office"
    public static let person: Signal = "person"
    public static let personName: Signal = "person_name"
    // What the name says against it.
    public static let otherKind: Signal = "other_kind"
    public static let organisation: Signal = "organisation"
    public static let differentPlace: Signal = "different_place"
    public static let otherPlace: Signal = "other_place"
    public static let negated: Signal = "negated"
    public static let councillor: Signal = "councillor"
    public static let disguise: Signal = "disguise"
    // The handle.
    public static let handle: Signal = "handle"
    public static let handlePlace: Signal = "handle_place"
    public static let copiedHandle: Signal = "copied_handle"
    // The bio.
    public static let bioClaim: Signal = "bio_claim"
    public static let bioOffice: Signal = "bio_office"
    public static let bioDomain: Signal = "bio_domain"
    public static let bioScam: Signal = "bio_scam"
    public static let bioPayout: Signal = "bio_payout"
    public static let eventTickets: Signal = "event_tickets"
    public static let mailScam: Signal = "mail_scam"
    public static let personScam: Signal = "person_scam"
    public static let ownDomain: Signal = "own_domain"
    public static let mailboxTaken: Signal = "mailbox_taken"
    public static let shownAddress: Signal = "shown_address"
    public static let disclaimer: Signal = "disclaimer"
    public static let warning: Signal = "warning"
    public static let personal: Signal = "personal"
    public static let formerHolder: Signal = "former_holder"
    public static let established: Signal = "established"
    public static let selfDescribed: Signal = "self_described"
    public static let otherArea: Signal = "other_area"
    public static let otherKindBio: Signal = "other_kind_bio"
    // What the platform says of the account.
    public static let platformVerified: Signal = "platform_verified"
    public static let parodyLabel: Signal = "parody_label"
    // The picture.
    public static let logo: Signal = "logo"
    public static let avatarUnreadable: Signal = "avatar_unreadable"
    // Accounts the watchlist lists.
    public static let official: Signal = "official"
    public static let allowed: Signal = "allowed"
    /// One of the council's own accounts posting what a hijacker posts.
    public static let hijacked: Signal = "hijacked"
}
