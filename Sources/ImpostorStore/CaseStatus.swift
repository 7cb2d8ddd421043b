/// Where a case stands. A case opens as `new` and waits for the clerk.
public enum CaseStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case new
    case snoozed
    case confirmed
    case reported
    case removed
    case dismissed
    case allowed

    /// Cases that still want the clerk's attention.
    public var isOpen: Bool { self == .new }

    /// Cases whose account is fetched again on every scan, to notice when the platform removes it.
    public var isRechecked: Bool { self == .confirmed || self == .reported }

    /// Words a clerk reads.
    public var label: String {
        switch self {
        case .new: "New"
        case .snoozed: "Snoozed"
        case .confirmed: "Confirmed impersonation"
        case .reported: "Reported to the platform"
        case .removed: "Removed by the platform"
        case .dismissed: "Dismissed"
        case .allowed: "Allowed"
        }
    }
}

/// Why the clerk dismissed a case: the policy's common look-alikes that are not impersonation.
public enum DismissReason: String, Sendable, Codable, CaseIterable, Hashable {
    case namesake
    case communityGroup = "community-group"
    case councillor
    case parody
    case other

    public var label: String {
        switch self {
        case .namesake: "A namesake (another place or organisation)"
        case .communityGroup: "A community group"
        case .councillor: "A councillor's own account"
        case .parody: "Parody, clearly labelled"
        case .other: "Other"
        }
    }
}

/// What a case is about.
public enum CaseKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// An account (or a sender of e-mail) pretending to be the council or one of its people.
    case impersonation
    /// One of the council's own accounts changed or vanished: it may have been taken over.
    case takeover
}
