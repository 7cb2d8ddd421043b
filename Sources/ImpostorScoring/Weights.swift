/// How much each piece of evidence moves the judgement, in log-odds.
///
/// Set by reasoning about what a clerk would conclude, not fitted: a name that reads as the council
/// is enough on its own; a handle, a bio claim or the crest each make a generic name a case; a
/// disclaimer, another county or another place's name each outweigh a name match.
enum Weights {
    /// Before any evidence: most accounts that mention a place are not impersonations.
    static let prior = -4.0

    static let exactName = 6.0
    static let councilName = 5.0
    static let councilNameWithTypo = 4.5
    static let officeOfCouncil = 5.5
    static let personOfCouncil = 5.0
    static let personNameOnly = 2.0
    static let placeOnly = 1.0

    static let otherKind = -1.5
    static let organisation = -3.5
    static let organisationBesideCouncil = -1.5
    static let councillorOwn = -3.0
    static let differentPlace = -5.0
    static let repeatedVariant = -6.0
    static let negated = -7.0

    static let handleNamesCouncil = 2.5
    /// A handle spelled as the council behind a name that claims nothing else is a case on its own.
    static let handleAlone = 4.0
    static let handlePlace = 0.5

    static let bioClaim = 2.5
    static let bioScam = 1.5
    /// An e-mail in the name of the council or its people that opens like the gift-card scam.
    static let mailScam = 3.0
    /// "Mayor of Wool" in the bio: a claim to hold one of the council's offices.
    static let bioOffice = 3.0
    /// … an office the watchlist names someone else as holding.
    static let bioOfficeOfAnother = 1.0
    /// A web address in the bio spelled as the council's but not one of its domains: a case on its own,
    /// like a handle spelled as the council.
    static let bioLookalikeDomain = 4.0
    static let bioDisclaimer = -7.0
    static let bioPersonal = -2.5
    static let bioOtherArea = -6.0
    static let bioOtherKind = -3.0

    static let logoStrong = 3.5
    /// The PDQ distance (bits of 256) within which an avatar is the logo: the imaging stage's
    /// measured threshold for comparing several avatar forms with every enrolled logo form.
    static let logoDistance = 28

    static let disguise = 1.0
    static let styled = 0.5
    static let tick = 0.7
    static let disguiseCap = 2.0
    /// The name of one of the council's people spelled with another script's letters or hidden
    /// characters: with the name itself, enough to make a case.
    static let disguisedPerson = 3.0
}
