import ImpostorCore

/// The evidence that one profile impersonates one identity, added up as a clerk would weigh it:
/// the table of `Rules`, in order.
struct Judgement {
    /// Before any evidence: most accounts that mention a place are not impersonations.
    static let prior = -4.0

    var logOdds = Judgement.prior
    var identity: String
    var target: Target = .council
    var reasons: [Reason] = []
    /// The weight of what the display name claims (0 when it claims nothing), and which rule said so.
    var nameWeight = 0.0
    var claim: Signal?
    /// Something ties the profile to this identity at all (its place, a person, its logo).
    var anchored = false

    /// `base` is the council read by its own name when `p` reads it by another ("Gt Shelford").
    init(_ texts: FoldedProfile, identity p: ProtectedIdentity, base: ProtectedIdentity? = nil, logo: LogoMatch?) {
        identity = p.identity.id
        let e = Evidence(texts, identity: p, base: base, logo: logo)
        // Only the name's strongest claim counts: an office and the council's name are one claim.
        var strongest: (signal: Signal, hit: Hit)?
        for rule in Rules.claims {
            if let hit = rule.check(e, so: self), hit.weight > (strongest?.hit.weight ?? -.infinity) {
                strongest = (rule.signal, hit)
            }
        }
        if let strongest {
            claim = strongest.signal
            nameWeight = strongest.hit.weight
            target = strongest.hit.target ?? .council
            add(strongest.signal, strongest.hit)
        }
        for rule in Rules.others {
            guard let hit = rule.check(e, so: self) else { continue }
            if let t = hit.target { target = t }
            add(rule.signal, hit)
        }
        anchored = e.name.place != nil || e.name.person != nil || e.handle.place != nil || e.handle.person != nil || e.bio.namesCouncil
            || has(.bioOffice) || has(.bioDomain) || has(.bioPayout) || has(.personScam) || has(.shownAddress) || e.logoMatch != nil
            || has(.ownDomain) || has(.mailboxTaken) || has(.copiedHandle)
    }

    func has(_ signal: Signal) -> Bool { reasons.contains { $0.signal == signal } }

    private mutating func add(_ signal: Signal, _ hit: Hit) {
        logOdds += hit.weight
        reasons.append(Reason(signal: signal, identity: identity, matched: hit.matched, folded: hit.folded, weight: hit.weight,
                              detail: hit.detail, distance: hit.distance))
    }
}
