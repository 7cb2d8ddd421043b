import Foundation

/// What a clerk (or impostor itself) decides about a case.
public enum Decision: Sendable, Hashable {
    case confirm
    case dismiss(DismissReason)
    /// The account is fine for this identity: it joins the store's allow-list and never reopens.
    case allow
    case snooze(until: Date)
    /// The clerk has reported it to the platform (or impostor submitted the report).
    case reported
    case reopen
    /// A change to one of the council's own accounts was the council's (a new logo, a new Mayor):
    /// the account as it is now becomes the baseline. Only for takeover alerts.
    case expected

    public var action: String {
        switch self {
        case .confirm: "confirm"
        case .dismiss: "dismiss"
        case .allow: "allow"
        case .snooze: "snooze"
        case .reported: "reported"
        case .reopen: "reopen"
        case .expected: "expected"
        }
    }

    var resultingStatus: CaseStatus {
        switch self {
        case .confirm: .confirmed
        case .dismiss: .dismissed
        case .allow: .allowed
        case .snooze: .snoozed
        case .reported: .reported
        case .reopen: .new
        case .expected: .allowed
        }
    }

    /// The statuses each decision may start from; anything else is refused with a clear message.
    var allowedFrom: Set<CaseStatus> {
        switch self {
        case .confirm: [.new, .snoozed, .dismissed, .allowed]
        case .dismiss, .allow, .snooze: [.new, .snoozed, .confirmed]
        case .reported: [.confirmed]
        case .reopen: [.snoozed, .confirmed, .reported, .removed, .dismissed, .allowed]
        case .expected: [.new, .snoozed, .confirmed, .removed]
        }
    }
}
