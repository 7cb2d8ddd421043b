import ImpostorCore
import ImpostorText

/// An account in the own name of one of the council's people, followed by hundreds, that asks for no money:
/// the person's own page. A clone is new, and few follow it before it asks (the fakes of the development set
/// have a median of 18 followers). Not where the account asks for money or pays out (`Vocabulary.asksForMoney`;
/// a Clerk's "salaries paid by bank transfer" asks nothing): a taken-over page keeps its followers, and bought
/// followers cost little. Not under an office and one name ("Mayor Priya"), which people do not call their own page.
enum EstablishedRule: Rule {
    static let signal = Signal.established
    static let weight = -3.0
    /// Followers enough to call an account established.
    static let following = 250
    static let summary = "an account in the own name of one of the council's people, followed by \(following) or more, asks for no money"
    static let examples: [RuleExample] = [
        .fires("Priya Sharma", bio: "Mayor of Oakbridge. My charity this year is the food bank: justgiving.com/oakbridge-mayor", followers: 1240),
        .fires("Tom Okafor", bio: "Town Clerk, Oakbridge Town Council. We're hiring: see oakbridge-tc.gov.uk/vacancies", followers: 312),
        .quiet("Priya Sharma", bio: "Mayor of Oakbridge. My charity this year is the food bank: justgiving.com/oakbridge-mayor", followers: 14),
        .quiet("Priya Sharma", bio: "Mayor of Oakbridge. My charity this year is the food bank.", followers: nil),
        .quiet("Priya Sharma", bio: "Oakbridge councillor. Crypto changed my life, DM me START", followers: 2400),
        .quiet("Mayor of Oakbridge", bio: "The Mayor's official page", followers: 2400),
        .quiet("Mayor Priya", bio: "Oakbridge's Mayor. LIVE every Friday: your gifts go to the Mayor's charity!", followers: 560),
        .quiet("Priya Sharma", bio: "New account, the old one was hacked. Can you get some gift cards for me?", followers: 900),
        .quiet("Priya Sharma", bio: "Mayor of Oakbridge. Mayor's hardship fund is open: text me your sort code and account number", followers: 640),
        .quiet("Priya Sharma", bio: "Mayor of Oakbridge. Giving £5,000 to 10 residents! Just cover the £25 courier charge via Wise", followers: 640),
        .quiet("Priya Sharma", bio: "Mayor of Oakbridge. Lost access to my old profile. Could you help me out with £200 till Friday?", followers: 640),
        .quiet("Priya Sharma", bio: "Mayor of Oakbridge. Text me on 07700 900123 to receive the £300 cost of living support", followers: 640),
        .fires("Priya Sharma", bio: "Mayor of Oakbridge. Proud that we raised £2,400 for the food bank this year. Thank you all!", followers: 900),
        .fires("Tom Okafor", bio: "Town Clerk, Oakbridge. Recruiting a Deputy Clerk, paid by bank transfer monthly. Apply: oakbridge-tc.gov.uk/jobs",
               followers: 412),
        .quiet("Tom Okafor", bio: "Town Clerk, Oakbridge. Caretaker vacancy £14/hr. Successful applicants: £38 DBS admin via Revolut before start",
               followers: 700),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        guard let followers = e.texts.followers, followers >= following, !e.texts.isMessage,
            (e.name.person != nil && !e.name.personByOneName) || e.handle.person != nil,
            !so.has(.personScam), !so.has(.bioPayout), !e.identity.words.asksForMoney(e.texts.bio, place: e.identity.placeKeys)
        else { return nil }
        return Hit(weight: weight, detail: "followed by \(followers) and asking for no money: more likely the person's own page than a new clone")
    }
}

/// An account the platform has checked is a government body's (X's grey tick) or a business's (its gold one): no
/// impostor buys that. A namesake council, or the council's own account the watchlist does not list yet. Not where
/// it asks for money: a taken-over account keeps its tick.
enum PlatformVerifiedRule: Rule {
    static let signal = Signal.platformVerified
    static let weight = -6.0
    /// A business's tick is paid for, after X's checks of the business: less than a government's.
    static let business = -2.0
    static var variants: [(when: String, weight: Double)] { [("verified as a business", business)] }
    static let summary = "the platform says it verified the account as a government body's (X's grey tick), and it asks for no money"
    static let examples: [RuleExample] = [
        .fires("Oakbridge Town Council", handle: "OakbridgeTownCouncil1", bio: "News from your town council", verified: .government),
        .fires("Oakbridge Motors", bio: "Family garage in Oakbridge since 1962", verified: .business),
        .quiet("Oakbridge Town Council", handle: "OakbridgeTownCouncil1", bio: "News from your town council"),
        .quiet("Oakbridge Town Council", handle: "OakbridgeTownCouncil1", bio: "Council tax rebate: DM us your bank details", verified: .government),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        guard let verified = e.texts.verifiedAs, !so.has(.bioPayout), !so.has(.personScam), !e.asksForMoney else { return nil }
        return verified == .government
            ? Hit(weight: weight, detail: "the platform verified it as a government body's account: a namesake council's, or the council's own not yet listed")
            : Hit(weight: business, detail: "the platform verified it as a business's account")
    }
}

/// X's parody label: the account's own choice, shown on it and on every post. It weighs little: a fake that copies the
/// council's name and crest still misleads residents who read only the post, and X removes a parody that does.
enum ParodyLabelRule: Rule {
    static let signal = Signal.parodyLabel
    static let weight = -1.5
    static let summary = "the platform labels the account a parody"
    static let examples: [RuleExample] = [
        .fires("Oakbridge Town Council", handle: "OakbridgeTC_", bio: "Bins, bunting and the odd bypass", parody: true),
        .quiet("Oakbridge Town Council", handle: "OakbridgeTC_", bio: "Parody. Mayor Priya needs Amazon gift cards for the raffle, DM me", parody: true),
        .quiet("Oakbridge Town Council", handle: "OakbridgeTC_", bio: "Bins, bunting and the odd bypass"),
        .quiet("Oakbridge Town Council", handle: "OakbridgeTC_", bio: "Council tax rebate: DM us your bank details", parody: true),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        guard e.texts.parody, !so.has(.bioPayout), !e.asksForMoney else { return nil }
        return Hit(weight: weight, detail: "the platform labels it a parody account, though a parody that misleads is still removed")
    }
}
