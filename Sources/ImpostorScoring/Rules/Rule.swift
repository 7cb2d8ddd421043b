import ImpostorCore

/// One piece of evidence a clerk would weigh, as one type: what it is called, how much it counts,
/// what its reason says, and accounts it must and must not fire on.
///
/// To add a rule: write a type, give it examples, and put it in `Rules.claims` or `Rules.others`.
/// `RuleTableTests` reads every example against `RuleExample.council`.
protocol Rule {
    /// The code its reasons carry.
    static var signal: Signal { get }
    /// How far it moves the judgement, in log-odds: positive for impersonation, negative against.
    static var weight: Double { get }
    /// What it looks for, in a line: `impostor rules` prints it.
    static var summary: String { get }
    static var examples: [RuleExample] { get }
    /// Weights it gives instead of `weight` in some cases, with when: printed beside it.
    static var variants: [(when: String, weight: Double)] { get }
    /// What it found in one profile read against one identity, or nil. `so` is the judgement so far:
    /// rules earlier in the table have already spoken.
    static func check(_ e: Evidence, so: Judgement) -> Hit?
}

extension Rule {
    static var variants: [(when: String, weight: Double)] { [] }
}

/// What a rule found: the reason's parts, and the weight when it differs from the rule's own.
struct Hit {
    var weight: Double
    var detail: String
    var matched: String? = nil
    var folded: String? = nil
    /// Whom the account claims to be, when this evidence says so.
    var target: Target? = nil
    var distance: Int? = nil
}

/// The rules in the order they are weighed.
enum Rules {
    /// What the display name claims to be: only the strongest of these counts.
    static let claims: [any Rule.Type] = [OfficeRule.self, PersonRule.self, PersonNameRule.self, NameRule.self, PlaceRule.self]
    /// Everything else, weighed in turn once the name's claim is known.
    static let others: [any Rule.Type] = [
        OtherKindRule.self, OrganisationRule.self, DifferentPlaceRule.self, NegatedRule.self, CouncillorRule.self,
        RepeatedVariantRule.self, HandleRule.self, HandlePlaceRule.self, CopiedHandleRule.self, DisclaimerRule.self, WarningRule.self, PersonalRule.self, FormerHolderRule.self, SelfDescribedRule.self,
        OtherAreaRule.self, BioOfficeRule.self, BioClaimRule.self, BioDomainRule.self, BioScamRule.self, PayoutRule.self, EventTicketsRule.self, MailScamRule.self, PersonScamRule.self, EstablishedRule.self,
        MailboxTakenRule.self, OwnDomainMailRule.self, ShownAddressMailRule.self,
        OtherKindBioRule.self, LogoRule.self, DisguiseRule.self, PlatformVerifiedRule.self, ParodyLabelRule.self,
    ]
    static var all: [any Rule.Type] { claims + others }
}

/// The rules as a table, for `impostor rules`: signal, weight, what each looks for.
public enum RuleTable {
    public struct Row: Sendable {
        public var signal: Signal
        public var weight: Double
        public var summary: String
        /// Other weights the rule gives, and when.
        public var variants: [(when: String, weight: Double)]
    }

    public static var rows: [Row] {
        Rules.all.map { Row(signal: $0.signal, weight: $0.weight, summary: $0.summary, variants: $0.variants) } + listed
    }

    /// The accounts the watchlist lists are known by their handle, not weighed; one of its own that posts what a
    /// hijacker posts is a case all the same.
    static let listed: [Row] = [
        Row(signal: .official, weight: 0, summary: "the account is one the watchlist lists under [[official]], or one only the council can hold:"
            + " never reported", variants: []),
        Row(signal: .allowed, weight: 0, summary: "the account is one the watchlist lists under [[allow]]: never reported", variants: []),
        Row(signal: HijackCheck.signal, weight: HijackCheck.weight, summary: "one of the council's own accounts posts what a hijacker posts,"
            + " now goes by a name that is not the council's, links an address spelled as its site, asks for card or bank details"
            + " for money, or mails a lure from its own mailbox: taken over?", variants: []),
    ]
    /// Before any evidence, in log-odds: an account is a suspect once its evidence brings it to zero.
    public static var prior: Double { Judgement.prior }
}
