import ImpostorCore
import ImpostorText

// The bio: does it speak as the council, or only about it?

/// "Not affiliated with Oakbridge Town Council", "Parody".
enum DisclaimerRule: Rule {
    static let signal = Signal.disclaimer
    static let weight = -7.0
    static let summary = "the bio says it is not affiliated with the council, or is parody"
    static let examples: [RuleExample] = [
        .fires("Oakbridge Town Council", bio: "Parody account. Not affiliated with the council."),
        .fires("Cyngor Tref Oakbridge", bio: "Nid y cyngor go iawn"),
        .quiet("Oakbridge Town Council", bio: "The official account of Oakbridge Town Council"),
        .quiet("Oakbridge Town Council", bio: "Our real page, not a fake or parody account. DM us your card details for the rebate."),
        .fires("Oakbridge Town Council", bio: "Parody. Never give your card details to pages like this one."),
        .quiet("Oakbridge Town Council", bio: "Parody. Send £10 by PayPal for the Christmas lights: paypal.me/oakbridgelights"),
        .quiet("Oakbridge Town Council", bio: "Not affiliated with the council. Bonfire tickets £8, pay via PayPal friends and family."),
        .quiet("Oakbridge Town Council", bio: "Parody. Mayor Priya needs Amazon gift cards for the charity raffle, DM me"),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        // A parody that takes money ("Parody. Send £10 by PayPal for the Christmas lights", "Parody. The Mayor needs Amazon
        // gift cards, DM me") disclaims nothing.
        guard e.bio.disclaimer, !e.asksForMoney else { return nil }
        return Hit(weight: weight, detail: "the bio says it is not affiliated with the council, or is parody")
    }
}

/// "Beware: fake 'Oakbridge Town Council' pages": a police, news or residents' page warning of a copy.
/// Not when the name itself claims the council: a fake under the council's name warns of "the other
/// fake page" to win trust.
enum WarningRule: Rule {
    static let signal = Signal.warning
    static let weight = -3.5
    static let summary = "the bio warns of fake copies of the council, and nothing else claims it (name, handle, an ask of its own)"
    static let examples: [RuleExample] = [
        // A warning of fakes of one of its people, their office and the council named.
        .fires("Oakbridge Community News", bio: "Warning: fake texts claiming to be from the Chair of Oakbridge Town Council."),
        .fires("Kent Scam Alerts", bio: "Beware: fake 'Oakbridge Town Council' pages are asking for payments"),
        .fires("Oakbridge Alerts", bio: "Fake Oakbridge Town Council pages ask for bank details. Only trust OakbridgeTownCouncil."),
        .quiet("Oakbridge Town Council", bio: "Ignore the fake Oakbridge Town Council page. This is our new page: message us for refunds"),
        .quiet("Residents Help", bio: "Beware of fake Oakbridge Town Council pages. This is the new page of Oakbridge Town Council"),
        .quiet("Residents Help", bio: "Warning: fake Oakbridge Town Council pages are circulating. Claim your rebate via the link"),
        .fires("Residents Help", bio: "Warning: fake Oakbridge Town Council pages are circulating. Bins are collected as usual.", logo: 6),
        .quiet("Residents Help", bio: "Warning: fake Oakbridge Town Council pages are circulating. Claim your rebate via the link", logo: 6),
        .quiet("Residents Help", bio: "This page is not a fake Oakbridge Town Council page."),
        .quiet("Kent Scam Alerts", bio: "Beware of fake pages and phishing texts"),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        // Not when anything else says it is the council: a claim of its own in the bio, a handle that
        // names the council, an office, a person's clone, or an ask of its own ("DM us"). An alert may
        // show the crest it warns of.
        guard e.bio.warns, so.nameWeight < NameRule.withTypo, !e.bio.claim, !e.bio.asks, e.bio.office == nil, !e.bio.personScam,
            !(e.handle.namesCouncil && !e.handle.differentPlace)
        else { return nil }
        return Hit(weight: weight, detail: "the bio warns of fake copies of \(e.council)")
    }
}

/// "Views my own": a person speaking for themselves.
enum PersonalRule: Rule {
    static let signal = Signal.personal
    static let weight = -2.5
    static let summary = "the bio says it is a personal account (\"views my own\", \"personal page\")"
    static let examples: [RuleExample] = [
        .fires("Sam Reed, Oakbridge", bio: "Oakbridge resident. Views my own."),
        .fires("Priya Sharma", bio: "Mayor of Oakbridge. Views my own."),
        .fires("Cynghorydd Priya Sharma", bio: "Maer Oakbridge. Barn fy hun, nid barn y cyngor."),
        .quiet("Oakbridge Town Council", bio: "News from the council"),
        .quiet("James Whitcombe", bio: "I'm James Whitcombe, the current Mayor of Oakbridge. Views are my own."),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        // A cloned profile calls itself personal too, and then asks for money.
        guard e.bio.personal, !e.claimsAnothersOffice, !e.bio.personScam else { return nil }
        return Hit(weight: weight, detail: "the bio says it is a personal account")
    }
}

/// "Jane Smith, Mayor of Oakbridge 2019-20" whose bio says she served as Mayor: a former holder's own
/// account, not the office's. One that asks residents for anything is read as the office's copy still.
enum FormerHolderRule: Rule {
    static let signal = Signal.formerHolder
    static let weight = -5.0
    static let summary = "the name gives an office the bio says its owner held before (\"served as Mayor\")"
    static let examples: [RuleExample] = [
        .fires("Jane Smith, Mayor of Oakbridge 2019-20", bio: "Proud to have served as Mayor of Oakbridge 2019-2020."),
        .fires("Mayor of Oakbridge 2021", bio: "Former Mayor of Oakbridge. Walker, grandad, volunteer."),
        .quiet("Mayor of Oakbridge", bio: "Official account of the Mayor of Oakbridge."),
        .quiet("Mayor of Oakbridge", bio: "Former Mayor of Oakbridge. DM me to claim your grant."),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        guard let past = e.bio.pastOffice, e.placed, e.name.offices.contains(past), e.bio.office == nil,
            !e.bio.scam, !e.bio.asks, !e.bio.personScam, !e.bio.mailScam
        else { return nil }
        return Hit(weight: weight, detail: "the bio says the account's owner was \(past) of \(e.council) before")
    }
}

/// "Oakbridge Council" whose bio opens "Tabletop wargaming club": a club with "council" in its name, not
/// the council. Not when the name gives the council's kind, nor when the bio speaks as the council or asks.
enum SelfDescribedRule: Rule {
    static let signal = Signal.selfDescribed
    static let weight = -5.0
    /// The bio names the club in full at the place ("Oakbridge Tennis Club"): the name's and the handle's
    /// abbreviation are that club's, and what the club asks of members (fees) is its own.
    static let namedInFull = -8.5
    static var variants: [(when: String, weight: Double)] {
        [("the bio names the club in full after the place, spelling out the name's abbreviation", namedInFull)]
    }
    static let summary = "the bio opens by calling the account a club, society or team, and the name gives no kind of council"
        + " (or an abbreviation the bio or the handle spells out as other words: \"CC\", Cricket Club)"
    static let examples: [RuleExample] = [
        .fires("Oakbridge Council", bio: "Tabletop wargaming club. Thursdays at the Crown, all armies welcome."),
        .fires("Cyngor Oakbridge", bio: "Clwb gemau bwrdd. Nos Iau yn y Llew Coch."),
        .fires("Oakbridge TC", bio: "Oakbridge Tennis Club. Courts open to members from 8am."),
        .quiet("Oakbridge TC", bio: "Oakbridge Town Council. Our tennis club meets on Mondays."),
        .quiet("Oakbridge TC", bio: "Book club notes and news. Take care."),
        .quiet("Oakbridge Town Council", bio: "Tabletop wargaming club. Thursdays at the Crown."),
        .quiet("Oakbridge Council", bio: "Supporters club tickets refunded – DM us."),
        .quiet("Oakbridge Council", bio: "Oakbridge Town Council's book club. News from the council."),
        .quiet("Oakbridge Council", bio: "News, events and notices. Our book club meets on Mondays."),
        .fires("Oakbridge CC", handle: "oakbridgecricketclub", bio: "Home of the game in Oakbridge since 1882."),
        .fires("Oakbridge CC", bio: "Home of cricket in Oakbridge since 1882. Nets on Tuesdays."),
        .quiet("Oakbridge CC", bio: "Home of cricket in Oakbridge? Ask us about the pitch – DM us."),
        .fires("Oakbridge TC", bio: "Oakbridge Tennis Club. Membership fees by bank transfer, DM us for the form."),
        .fires("Oakbridge TC", bio: "Tennis club. Membership open - DM us"),
        .quiet("Oakbridge TC", bio: "Tennis club. Town council notices: DM us to claim your £200 support payment."),
        .quiet("Oakbridge TC", bio: "Oakbridge Tennis Club. DM us your card details for the council tax rebate."),
        .quiet("Oakbridge TC", bio: "Oakbridge Tennis Club. Energy rebate of £150 for every household – DM us to claim yours."),
        .quiet("Oakbridge TC", bio: "Twinning, events and notices for Oakbridge residents."),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        // Only against a claim to weigh: "Oakbridge Cricket Club" claims nothing a club's bio need undo.
        guard e.namesCouncil || e.handle.namesCouncil,
            !e.bio.namesCouncil, !e.bio.claim, e.bio.office == nil, !e.bio.personScam, !e.bio.mailScam, e.logo == nil
        else { return nil }
        let asksNothing = !e.bio.asks && !e.bio.scam
        if e.name.kinds.isEmpty {
            guard asksNothing, let word = e.bio.describedAs else { return nil }
            return Hit(weight: weight, detail: "the bio opens by calling the account a \(word): a body of its own, not \(e.council)")
        }
        // The kind the name gives comes from an abbreviation the bio or the handle spells out otherwise. A bio that
        // spells the club's words out ("Tennis club", "Oakbridge Tennis Club") may ask what a club asks (fees,
        // "DM us"), but nothing a club never does (a rebate, a fine, card details).
        guard let spelled = spelledOut(e), let word = spelled.words.last else { return nil }
        let keys = e.texts.bio.keys, vocab = e.identity.words
        let clubsBusiness = (spelled.named || (spelled.source == .bio && !keys.contains(where: vocab.council.contains)))
            && !vocab.grabsMoney(keys) && !keys.contains(where: vocab.notClubBusiness.contains)
        guard asksNothing || clubsBusiness else { return nil }
        let source = switch spelled.source {
        case .bio: "bio"
        case .handle: "handle"
        case .game: "bio's '\(spelled.words[0])'"
        }
        return Hit(weight: spelled.named ? namedInFull : weight,
                   detail: "the \(source) spells out \(spelled.abbreviation.uppercased()) as \(spelled.words.joined(separator: " ")): a \(word), not \(e.council)")
    }

    /// Where an abbreviation is spelled out: a run of the bio's words, the handle, or a game the bio opens on.
    enum Source { case bio, handle, game }

    /// The name's one council abbreviation, with the words whose initials spell it otherwise, and where
    /// they are: a run of the bio's words, none of them a council word, the last saying what the account
    /// is ("Ely CC", "Ely Cricket Club"); an organisation's words glued in the handle ("elycricketclub"); or,
    /// for two letters, a game among the bio's opening words ("Home of cricket in Ely since 1882").
    /// `named` says the bio's run follows the place ("Oakbridge Tennis Club").
    static func spelledOut(_ e: Evidence) -> (abbreviation: String, words: [String], source: Source, named: Bool)? {
        let vocab = e.identity.words
        let found = e.texts.name.keys.filter { vocab.abbreviations[$0] != nil }
        guard found.count == 1, let abbreviation = found.first, e.name.kinds.count == 1 else { return nil }
        let letters = Array(abbreviation.utf8), (words, keys) = (e.texts.bio.words, e.texts.bio.keys)
        if words.count >= letters.count {
            for i in 0...(words.count - letters.count) {
                let run = i..<(i + letters.count)
                guard vocab.selfDescriptions.contains(keys[run.upperBound - 1]), zip(words[run], letters).allSatisfy({ $0.utf8.first == $1 }),
                    !keys[run].contains(where: vocab.isCouncilWord)
                else { continue }
                return (abbreviation, Array(words[run]), .bio, i > 0 && keys[i - 1] == e.identity.placeKeys.last)
            }
        }
        guard letters.count == 2, let club = vocab.selfDescriptionWords.first(where: { $0.utf8.first == letters[1] }) else { return nil }
        // In the handle, by bytes: what the account calls itself first, then the organisation's word before it.
        // Most handles hold no such word, and this runs for every council the name is read against.
        let handle = Array(e.texts.handle.words.joined().utf8)
        for last in vocab.selfDescriptionWords where last.utf8.first == letters[1] {
            let tail = Array(last.utf8)
            guard handle.count > tail.count else { continue }
            for end in tail.count...handle.count where handle[(end - tail.count)..<end].elementsEqual(tail) {
                let before = handle[..<(end - tail.count)]
                if let first = vocab.organisationWords.first(where: { $0.utf8.first == letters[0] && before.suffix($0.utf8.count).elementsEqual($0.utf8) }) {
                    return (abbreviation, [first, last], .handle, false)
                }
            }
        }
        guard let at = keys.prefix(BioReading.openingWords).firstIndex(where: { vocab.games.contains($0) && $0.utf8.first == letters[0] })
        else { return nil }
        return (abbreviation, [words[at], club], .game, false)
    }
}

/// "Oakbridge Town Council, Shropshire" for a council in Kent: a namesake elsewhere.
enum OtherAreaRule: Rule {
    static let signal = Signal.otherArea
    static let weight = -6.0
    static let summary = "the bio, the handle or the name places the account in another county or abroad: a namesake elsewhere"
    static let examples: [RuleExample] = [
        .fires("Oakbridge Town Council", bio: "Oakbridge Town Council, Shropshire"),
        .quiet("Oakbridge Town Council", bio: "Oakbridge Town Council, Kent"),
        .fires("Oakbridge Parish Council", handle: "oakbridgeparishcouncilshropshire"),
        .fires("City of Oakbridge, North Carolina", bio: "Oakbridge City Council meets on Tuesdays."),
        .fires("Deputy Mayor Priya Sharma", bio: "Deputy Mayor, Township of Edgewater, New Jersey. Serving our residents."),
        .quiet("Priya Sharma", bio: "New account, old one hacked. Stuck in Jamaica, send what you can."),
        .quiet("Priya Sharma", bio: "Mayor of Oakbridge. Born in Kenya, raised in Kent."),
        .fires("Oakbridge & District Community Council", bio: "Community council for Upper Glen and Balmalcolm, Fife. Minutes and meeting dates here."),
        .quiet("Oakbridge Town Council", bio: "Rebates for residents of Shropshire. DM us to claim."),
        // An address abroad as it is written there: the town between the council and its state.
        .fires("Oakbridge Town Council", bio: "Oakbridge Town Council, Cape Breton, Nova Scotia, Canada. Hall rentals."),
        .quiet("Oakbridge Town Council", bio: "Oakbridge Town Council, twinned with Monmouth, Illinois."),
        .quiet("Oakbridge Town Council", bio: "Official page. Our twin town is Oakbridge, Ontario. Message us to claim your grant."),
        .quiet("Oakbridge Town Council", bio: "Official page of Oakbridge Town Council, Kent. Shropshire news too. Message us to claim your grant."),
        .quiet("Oakbridge Town Council", bio: "Oakbridge Town Council, Shropshire", logo: 12),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        // A name claiming one of the council's people, and no place, is another person's when the bio lives
        // elsewhere; not a clone's story of being stranded abroad.
        let personElsewhere = (so.claim == .person || so.claim == .personName) && !e.placed && !e.bio.personScam
            ? e.bioAreaElsewhere?.shown : nil
        // The council's name, and a bio that never names the place but another county's villages: a namesake's
        // own page, as long as it asks nothing of anyone.
        let councilElsewhere = so.claim == .name && BioClaimRule.asksNothing(e) ? e.bioAreaElsewhere?.shown : nil
        let placed = e.bio.otherArea.map { ("bio", $0) } ?? e.handleArea.map { ("handle", $0) } ?? e.nameArea.map { ("name", $0) }
            ?? (personElsewhere ?? councilElsewhere).map { ("bio", $0) }
        // A namesake elsewhere does not wear the council's own logo.
        guard let (text, area) = placed, e.logoMatch == nil else { return nil }
        let own = e.identity.identity.area
        return Hit(weight: weight, detail: "the \(text) places it in \(area), not \(own): a namesake elsewhere", matched: own, folded: area)
    }
}

/// "Mayor of Oakbridge" in the bio: a claim to hold one of the council's offices, unless the name
/// already claims it. When the council has a holder of that office and the account does not name
/// them, someone else is claiming their office.
enum BioOfficeRule: Rule {
    static let signal = Signal.bioOffice
    static let weight = 3.0
    /// … an office the watchlist names someone else as holding.
    static let ofAnother = 1.0
    static var variants: [(when: String, weight: Double)] { [("an office the watchlist names someone else as holding", weight + ofAnother)] }
    static let summary = "the bio claims one of the council's offices"
    static let examples: [RuleExample] = [
        .fires("Jo Bloggs", bio: "Mayor of Oakbridge. DM me for help with grants."),
        // The next sentence's "Friends" is no club's: "Mayor of Oakbridge Friends" would be.
        .fires("Jo Bloggs", bio: "Mayor of Oakbridge. Friends, my card was blocked on the twinning trip"),
        .quiet("Jo Bloggs", bio: "Wrote to the Mayor of Oakbridge about potholes"),
        .quiet("Jo Bloggs", bio: "Former Mayor of Oakbridge"),
        // The Stafford case: a stranger's name, the Mayor's office and the real Mayor's "views are my own".
        .fires("James Whitcombe", bio: "I'm James Whitcombe, the current Mayor of Oakbridge. Views are my own."),
        .quiet("Priya Sharma", bio: "Mayor of Oakbridge. Views my own."),
        .fires("Jane W. - Town Clerk", bio: "Town Clerk, Oakbridge. Pay outstanding allotment fees by bank transfer, DM me."),
        .fires("Jo R", bio: "I'm the Town Clerk for Oakbridge. Hall bookings can be paid to me directly."),
        .quiet("Jo Bloggs", bio: "Chair, Oakbridge Allotment Society. Plots available."),
        .quiet("Jo Bloggs", bio: "Deputy Town Clerk, Oakbridge. Views my own."),
        .quiet("Clerks' Society", bio: "The professional body for clerks. Tom Okafor, Town Clerk of Oakbridge, speaks at our conference."),
        .fires("P Sharma", bio: "Oakbridge Mayor. Message me"), .fires("Jane W", bio: "Oakbridge Town Clerk. Send your sort code for the grant"),
        .fires("Priya Sharma", bio: "Oakbridge's Mayor. Message me"),
        .quiet("Jo Bloggs", bio: "Oakbridge Leader: news every Thursday."), .quiet("Jo Bloggs", bio: "Tickets for the Oakbridge Mayor's Charity Ball"),
        .quiet("Jo Bloggs", bio: "Former Oakbridge Mayor. Grandad and walker."),
        // A warning quoting the fake accounts' names: "fake 'Mayor of Oakbridge' accounts … Don't pay."
        .quiet("Scam Watch", bio: "Warning: fake 'Mayor of Oakbridge' accounts asking for gift cards. Don't pay."),
        .quiet("Scam Watch", bio: "Warning: cloned 'Mayor of Oakbridge' accounts are asking for gift cards."),
        .fires("Priya Sharma", bio: "Mayor of Oakbridge. Beware of fake pages using my name, this is my new one. Message me here."),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        // A warning that names the fakes ("fake 'Mayor of Oakbridge' accounts") quotes the office, not claims it: a warning
        // word, as written, among the four words before an office word, and no "not" before that ("not a fake").
        let keys = e.texts.bio.keys, plain = e.texts.bio.words, words = e.identity.words
        let quoted = keys.indices.contains { i in
            words.roles[keys[i]] != nil && (max(0, i - 4)..<i).contains { j in
                words.warningWords.contains(plain[j]) && !(j > 0 && words.negators.contains(keys[j - 1]))
            }
        }
        if quoted { return nil }
        guard let office = e.bio.office, e.bio.otherArea == nil, !e.bio.disclaimer, !e.bio.thirdPerson,
            !e.bio.personal || e.claimsAnothersOffice, !(e.placed && e.name.offices.contains(office))
        else { return nil }
        var w = weight
        var detail = "the bio claims the office of \(office) of \(e.council)"
        if let holder = e.identity.people.first(where: { $0.office == office }), e.name.holder?.office != office,
            e.handle.holder?.office != office
        {
            w += ofAnother
            detail += ", held by \(holder.person.name)"
        }
        return Hit(weight: w, detail: detail, matched: office, target: so.nameWeight < w ? .person : nil)
    }
}

/// "The official page of Oakbridge Town Council": the bio speaks as the council.
enum BioClaimRule: Rule {
    static let signal = Signal.bioClaim
    static let weight = 2.5
    /// The bio says only that the council owns the page ("a committee of …", "run by …"), the name gives
    /// only the place, and nothing is asked: most such pages are the council's own, unlisted.
    static let belonging = 1.5
    static var variants: [(when: String, weight: Double)] {
        [("the council owns the page (run by it, a part of it), the name gives only the place, and nothing is asked", belonging)]
    }
    static let summary = "the bio speaks as the council"
    static let examples: [RuleExample] = [
        // A question about the council, or to it, does not speak as it.
        .quiet("Oakbridge Grumbler", bio: "Why does Oakbridge Town Council spend £££ on robes when the loos are shut?!"),
        .quiet("Hill Parish Clerk", handle: "clerk@hill-pc.org.uk", bio: "Dear Tom, would Oakbridge Town Council like to share the cost again?",
               platform: .email),
        .quiet("Oakbridge News", bio: "The official page of Oakbridge Borough Council. Bins, council tax, parking and planning."),
        .quiet("Cornwall Groundcare Ltd", handle: "accounts@cornwallgroundcare.co.uk",
               bio: "Invoice INV-3310 - Oakbridge Town Council | Grass cutting for September, £640 + VAT. Many thanks.", platform: .email),
        .fires("Town News", bio: "The official page of Oakbridge Town Council"),
        .quiet("Town News", bio: "Reporting on Oakbridge Town Council meetings"),
        .quiet("Save Oakbridge Green", bio: "Residents opposing Oakbridge Town Council's plan to lease the green for parking."),
        .quiet("Eisteddfod Oakbridge", bio: "Tudalen y pwyllgor. Diolch i Gyngor Tref Oakbridge am eu cefnogaeth."),
        .quiet("Town News", bio: "Oakbridge Town Council, Shropshire"),
        .quiet("Kent Scam Alerts", bio: "Beware: fake 'Oakbridge Town Council' pages are asking for payments"),
        .quiet("Police Fraud Team", bio: "Accounts pretending to be Oakbridge Town Council ask for your bank details"),
        .fires("Oakbridge Christmas Lights", bio: "A committee of Oakbridge Town Council. Switch-on Sat 29 Nov, free entry."),
        .fires("Oakbridge Libraries", bio: "Oakbridge Town Council's 4 libraries. Events and storytime."),
    ]

    /// Kinds of principal council, above a town's or parish's: a page of one is another body.
    static let otherTiers: Set<String> = ["district", "borough", "county"]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        guard e.bio.claim, e.bio.otherArea == nil, !so.has(.bioOffice) else { return nil }
        // "The official page of Wexley Borough Council" speaks as the borough, a council of another tier, not as Wexley
        // Town Council. A parish for a town is the scammer's slip, and still a claim.
        let kinds = e.bio.kindsNamed
        if !kinds.isEmpty, !e.identity.ownKinds.isEmpty, kinds.isDisjoint(with: e.identity.ownKinds), kinds.isSubset(of: Self.otherTiers) {
            return nil
        }
        // Mail from a business under a name of its own ("Cornwall Groundcare Ltd") writes to the council it names:
        // an invoice's subject is addressed to it, not spoken as it.
        if e.texts.isMail, !e.name.organisationWords.isEmpty, e.name.place == nil, !e.name.councilWord { return nil }
        if e.bio.claimsBelonging, so.claim == .place, asksNothing(e) {
            return Hit(weight: belonging, detail: "the bio says \(e.council) runs the page, and asks nothing", matched: e.council)
        }
        return Hit(weight: weight, detail: "the bio speaks as \(e.council)", matched: e.council)
    }

    /// Whether the bio asks residents for nothing: no ask or scam words (unless it refuses them: "We never
    /// sell or refund tickets through messages"), no price, no phone number, no address but the council's own.
    static func asksNothing(_ e: Evidence) -> Bool {
        guard !e.bio.asks, !e.bio.personScam, !e.bio.scam || e.identity.words.refusesAnAct(e.texts.bio.keys),
            e.texts.bioAddresses.allSatisfy({ WebAddresses.isOfficial($0.address, hosts: e.identity.officialHosts) })
        else { return false }
        // "£8", "$5", "€10", "07700 900123": a price or a number to ring is an ask in any words.
        var digits = 0, afterCurrency = false
        for s in e.texts.bio.original.unicodeScalars {
            if ("0"..."9").contains(s) {
                if afterCurrency { return false }
                digits += 1
                if digits >= 9 { return false }
            } else if s != " " && s != "-" {
                digits = 0
            }
            afterCurrency = s == "£" || s == "$" || s == "€"
        }
        return true
    }
}

/// "oakbridge-tc.co.uk" in the bio when the council's is oakbridge-tc.gov.uk: a site of the fraudster's.
enum BioDomainRule: Rule {
    static let signal = Signal.bioDomain
    static let weight = 4.0
    static let summary = "the bio gives a web address, or an e-mail comes from a domain, spelled as the council's and not one of its own"
    static let examples: [RuleExample] = [
        .fires("Town News", bio: "Pay your allotment fees at oakbridge-tc.co.uk"),
        .fires("Tom Okafor", handle: "clerk@oakbridge-tc.co.uk", bio: "Please pay the attached invoice today.", platform: .email),
        // Signed by no one the watchlist names: the sender's domain alone ties the mail to the council.
        .fires("Anna Price", handle: "anna@oakbridge-tc.co.uk", bio: "Please pay the attached invoice today.", platform: .email),
        // The council's domain with a full stop made a hyphen or dropped, or with an ending added.
        .fires("Tom Okafor", handle: "clerk@oakbridge-tc-gov.uk", bio: "Our bank details have changed for invoice 4471.", platform: .email),
        .fires("Tom Okafor", handle: "clerk@oakbridge-tcgov.uk", bio: "Our bank details have changed for invoice 4471.", platform: .email),
        .fires("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk.com", bio: "Our bank details have changed for invoice 4471.", platform: .email),
        .quiet("Town News", bio: "Minutes at oakbridge-tc.gov.uk"),
        .quiet("Town News", bio: "Not affiliated. See oakbridge-tc.co.uk"),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        let matched = e.identity.identity.domains.first ?? e.council
        // An e-mail's sender on such a domain: the look-alike address is the whole of the trick.
        if let host = WebAddresses.lookalikeSender(e.texts.senderAddress, of: e.identity) {
            return Hit(weight: weight, detail: "the e-mail comes from \(host), a domain spelled as \(e.council)'s that is not one of its own",
                       matched: matched, folded: host)
        }
        guard !e.bio.disclaimer, !e.bio.thirdPerson, let host = WebAddresses.lookalike(e.texts.bioAddresses, of: e.identity)
        else { return nil }
        return Hit(weight: weight, detail: "the bio gives \(host), an address spelled as \(e.council)'s that is not one of its domains",
                   matched: matched, folded: host)
    }
}

/// Money moving in the council's name where it cannot be got back: "Cancelled! Oakbridge Town Council is
/// refunding all stall fees – submit your card details at oakbridge-refunds.com", or stall bookings "for the
/// Oakbridge Town Council Christmas Market" by "PayPal friends & family". Whatever the page calls itself,
/// it uses the council (or its Mayor) to collect.
enum PayoutRule: Rule {
    static let signal = Signal.bioPayout
    static let weight = 3.5
    /// Card or bank details asked for by message: enough for a case wherever the place is given.
    static let byMessage = 4.0
    static var variants: [(when: String, weight: Double)] { [("card or bank details asked for by message", byMessage)] }
    static let summary = "a page speaking as the council pays out refunds or grants and asks for details or a claim at an address"
        + " not the council's, or for card or bank details by message, or takes money in the council's or its Mayor's name by a private payment"
    static let examples: [RuleExample] = [
        .fires("Oakbridge Christmas Market", bio: "CANCELLED. Oakbridge Town Council is refunding all stall fees – submit your card details at oakbridge-refunds.com"),
        .fires("Gŵyl Gerdd Oakbridge", bio: "Ad-daliad llawn gan Gyngor Tref Oakbridge – llenwch eich manylion: oakbridge-gwyl.co/adtaliad"),
        .fires("Oakbridge Christmas Market Stalls", bio: "Official stall bookings for the Oakbridge Town Council Christmas Market. Message us for bank details!"),
        .fires("Mayor of Oakbridge's Charity Appeal", bio: "Help the Mayor reach £20,000. Donations by bank transfer only, details sent by DM."),
        .quiet("Oakbridge Christmas Market", bio: "Cancelled. Oakbridge Town Council will refund stall fees: claim at oakbridge-tc.gov.uk/refunds"),
        .quiet("Oakbridge Christmas Market", bio: "Beware: a fake page says the council is refunding fees – never give your card details at oakbridge-refunds.com"),
        .quiet("Oakbridge Food Bank", bio: "Thanks to a council grant we're open Fridays. Donate at oakbridgefoodbank.org.uk"),
        .quiet("Oakbridge Beer Festival", bio: "Ticket refunds: fill in the form at forms.gle/abc. Thanks to Oakbridge Town Council."),
        .quiet("Oakbridge Car Boot", bio: "Pitches £10, pay by PayPal friends & family. Sundays on the rec."),
        .fires("Oakbridge Car Boot", bio: "Run by Oakbridge Town Council on the rec. Pitches £12, pre-book via PayPal friends & family only."),
        .quiet("Mayor of Oakbridge", bio: "Views my own. Precious time with friends and family."),
        // "Mayor's" is the office too: the clone of a Mayor's charity raffle.
        .fires("Oakbridge Mayor's Charity Raffle", bio: "Mayor of Oakbridge's raffle for the foodbank. Tickets £5, pay via PayPal friends and family"),
        .quiet("Oakbridge Mayor's Charity Raffle", bio: "Tickets £5 from the Town Hall or oakbridge-tc.gov.uk/raffle"),
        .fires("Y Maer Priya", handle: "maer.oakbridge", bio: "Anfonwch rodd at elusen y Maer drwy PayPal ffrindiau a theulu: priya.maer@gmail.com"),
        .quiet("Oakbridge Farmers Market", bio: "Run by Oakbridge Town Council. Pitch fees by bank transfer only, see oakbridge-tc.gov.uk"),
        .fires("Oakbridge Energy Grants", bio: "Funding from Oakbridge Town Council. Claim your £300 refund: submit your card details at oakbridge-grants.com"),
        .fires("Oakbridge Music Festival", bio: "Postponed. The town council is offering a full refund – claim within 48 hours: oakbridge-fest.co/refund"),
        .fires("Oakbridge", handle: "Oakbridge.News.Official", bio: "Town council news: council tax refund for all residents, claim at oak-refund.com"),
        .quiet("Oakbridge Advice", bio: "Town council tax support explained. We help you claim at oakbridge-advice.org.uk, never for a fee."),
        .fires("Gŵyl Gerdd Oakbridge", bio: "Mae'r cyngor tref yn cynnig ad-daliad llawn – hawliwch o fewn 48 awr: oakbridge-gwyl.co/adtaliad"),
        .quiet("Oakbridge Music Festival", bio: "Ticket refunds: claim within 48 hours at oakbridge-fest.co/refund. Thanks to the town council for its support."),
        .quiet("Oakbridge Music Festival", bio: "Postponed. The town council supports us. Full refunds: claim within 48 hours at oakbridge-fest.co/refund"),
        .quiet("Oakbridge Music Festival", bio: "Not the town council. Refunds: claim within 48 hours at oakbridge-fest.co/refund"),
        .fires("Oakbridge Town Hall", bio: "Official page of the town hall. DM us your card details to receive your £150 council tax rebate."),
        .fires("Oakbridge Official", bio: "Council announcements. Send us your bank details to claim your council tax refund."),
        .quiet("Oakbridge Advice Centre", bio: "Help with council tax rebates. We will never ask for your bank details – message us."),
        .quiet("Oakbridge Advice Centre", bio: "Help claiming council tax rebates and grants. Drop in on Tuesdays with your bank details."),
        .fires("Residents Support", bio: "We are your town council in Oakbridge. Send us your bank details to claim a refund."),
        .fires("Community Grants", bio: "Working with Oakbridge Town Council to share out £200 grants. DM us your bank details."),
        .fires("Council Help Desk", bio: "Town Hall, Market Place, Oakbridge. 01234 567890. DM your card details for refund"),
        .quiet("Kent Scam Watch", bio: "Beware: scammers ask Oakbridge residents to DM their bank details for a council tax refund."),
        .quiet("Oakbridge Echo", bio: "News for Oakbridge. Send us your stories. Council tax refunds explained."),
        .fires("Help Desk", bio: "Council rebate £150 for Oakbridge residents - inbox us your bank details. More: linktr.ee/help"),
        .quiet("Oakbridge Citizens Advice", bio: "Council tax refund or hardship grant? Message us and bring your bank details to your appointment."),
        .quiet("Oakbridge Credit Union", bio: "Council tax refund due? DM us to open an account - no bank details needed elsewhere."),
        .fires("Oakbridge Carnival 2025", bio: "Official announcement from Oakbridge Town Council: the carnival is CANCELLED. Refunds for stall fees click here oakbridge-carnival-refund.uk"),
        .quiet("Oakbridge Carnival 2025", bio: "The carnival is cancelled. Refunds for stall fees click here: oakbridge-carnival.org.uk/refunds"),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        let vocab = e.identity.words, keys = e.texts.bio.keys
        let placed = e.name.place != nil || e.handle.place != nil
        guard placed || e.bio.mentionsPlace, !e.bio.warns, !e.bio.disclaimer else { return nil }
        // Taking money by a payment no one can reverse, naming the council ("run by …" too) or in its Mayor's name.
        // A refusal ("we never take PayPal") is read last, once there is something for it to refuse: it is the dearest test.
        let speaks = e.bio.namesCouncil || (placed && e.texts.name.keys.contains { vocab.roles[$0] != nil })
        if placed, speaks, let way = vocab.privatePayments.first(where: { Evidence.holds($0.keys, in: keys) }) {
            guard !vocab.refusesAnAct(keys) else { return nil }
            let how = way.text
            return Hit(weight: weight, detail: "the page takes money in \(e.council)'s name privately (\"\(how)\"), where it cannot be got back",
                       folded: how)
        }
        // Paying out in the council's name: a card or bank account asked for wherever the council is named; a
        // claim only where the bio speaks as it (a page thanking it, or funded by it, pays out nothing).
        guard keys.contains(where: vocab.personOffers.contains), e.name.councilWord || keys.contains(where: vocab.council.contains),
            !vocab.refusesAnAct(keys)
        else { return nil }
        // No council asks for card or bank details by message ("DM us your card details for the council tax
        // rebate"): the place in the bio is enough, whatever the page calls itself or links to. Where only the bio
        // gives the place, a bio warning of scams describes the ask rather than making it.
        if vocab.asksForDetails(keys), placed || !vocab.cautions(keys) {
            return Hit(weight: byMessage, detail: "the bio pays out in \(e.council)'s name and asks for card or bank details by message")
        }
        let details = vocab.payoutDetails.contains { Evidence.holds($0, in: keys) }
        guard placed, let address = e.texts.bioAddresses.first(where: { !WebAddresses.isOfficial($0.address, hosts: e.identity.officialHosts) }),
            details || ((e.bio.claim || (e.name.place != nil && speaksForOwnKind(e))) && vocab.payoutAsks.contains(where: { Evidence.holds($0, in: keys) }))
        else { return nil }
        return Hit(weight: weight, detail: "the bio pays out in \(e.council)'s name and asks for details or a claim at \(address.address)",
                   folded: address.address)
    }

    /// "The town council is refunding …" in the bio of a page whose name gives the place: it speaks for this
    /// council. Read only here, once the rest of the rule holds.
    static func speaksForOwnKind(_ e: Evidence) -> Bool {
        !e.bio.disclaimer && !e.bio.thirdPerson && !e.bio.warns && BioReading.speaksForOwnKind(e.texts.bio.keys, identity: e.identity)
    }
}

/// "Kettleford Christmas Market. Organised by Kettleford Town Council. Tickets £5, book now before they sell out:
/// bit.ly/…": an event page that says the council runs it, selling tickets away from the council's site through a
/// shortened link or with the pressure of a sale. The fake event pages of the news; the council's own lists no
/// hidden link and needs no hurry, and once the clerk lists it, it is no case.
enum EventTicketsRule: Rule {
    static let signal = Signal.eventTickets
    static let weight = 4.0
    static let summary = "a page that says the council runs its event sells tickets away from the council's site,"
        + " through a shortened link or pressing buyers to hurry"
    static let examples: [RuleExample] = [
        .fires("Oakbridge Christmas Market 2025",
               bio: "Organised by Oakbridge Town Council. Entry tickets £5 - limited numbers! Book now before they sell out: https://bit.ly/oakxmas"),
        .fires("Oakbridge Fireworks Night", bio: "Oakbridge Town Council's bonfire and fireworks. Tickets selling fast at oakbridge-fireworks.co.uk"),
        .fires("Tân Gwyllt Oakbridge", bio: "Trefnir gan Gyngor Tref Oakbridge. Tocynnau £5 - brysiwch! tinyurl.com/tan-oak"),
        .quiet("Oakbridge Christmas Market 2025", bio: "Organised by Oakbridge Town Council. Tickets £5 at oakbridge-tc.gov.uk/market"),
        .quiet("Oakbridge Beer Festival", bio: "Tickets selling fast at bit.ly/oakbeer. Thanks to Oakbridge Town Council for its support."),
        .quiet("Oakbridge Christmas Lights", bio: "A committee of Oakbridge Town Council. Switch-on Sat 29 Nov, free entry."),
        .quiet("Oakbridge Christmas Lights",
               bio: "Organised by Oakbridge Town Council. Free entry, book now - don't miss out: facebook.com/events/oaklights"),
        .quiet("Oakbridge Christmas Market 2025",
               bio: "Organised by Oakbridge Town Council. Tickets £5 from ticketsource.co.uk/oakbridge or the Town Hall."),
        .fires("Goleuadau Nadolig Cyngor Tref Oakbridge", bio: "Tocynnau ar gyfer cynnau'r goleuadau - brysiwch, dim ond 20 ar ôl! bit.ly/gol-oak"),
        .quiet("Oakbridge Scam Watch",
               bio: "Beware a fake page saying Oakbridge Town Council sells fireworks tickets at bit.ly/oakfw - they sell out of nothing"),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        let vocab = e.identity.words, keys = e.texts.bio.keys
        // Said by the bio ("organised by …"), or by a name that reads as the council's ("Goleuadau Nadolig Cyngor Tref …").
        guard e.bio.claim || so.claim == .name, e.bio.otherArea == nil, !e.bio.warns, !e.bio.disclaimer, !so.has(.warning),
            vocab.ticketSales.contains(where: { Evidence.holds($0, in: keys) }), !vocab.freeOfCharge.contains(where: { Evidence.holds($0, in: keys) }),
            let away = e.texts.bioAddresses.first(where: { !WebAddresses.isOfficial($0.address, hosts: e.identity.officialHosts) })
        else { return nil }
        let shortener = e.texts.bioAddresses.first { WebAddresses.isShortener($0.address) }
        // A warning quotes the scam it warns of ("Beware a fake page selling tickets at bit.ly/…").
        guard shortener != nil || vocab.salePressures.contains(where: { Evidence.holds($0, in: keys) }),
            !HijackCheck.warns(e.texts.bio, vocabulary: vocab)
        else { return nil }
        let at = shortener ?? away
        return Hit(weight: weight, detail: "the page says \(e.council) runs its event and sells tickets at \(at.address)"
                   + (shortener != nil ? ", a shortened link" : ", pressing buyers to hurry"), folded: at.address)
    }
}

/// "Message us for your council tax rebate": asks for money, messages or a move.
enum BioScamRule: Rule {
    static let signal = Signal.bioScam
    static let weight = 1.5
    static let summary = "the bio of an account that claims the council asks for money, messages or a move to it"
    static let examples: [RuleExample] = [
        .fires("Oakbridge Town Council", bio: "Our old page was hacked. DM us for your council tax rebate"),
        .fires("Residents Help", bio: "Council tax rebates for Oakbridge residents, message us", logo: 6),
        .quiet("Oakbridge Cricket Club", bio: "DM us for membership fees"),
        .quiet("Residents Help", bio: "Council tax rebates for Oakbridge residents, message us"),
        .quiet("Oakbridge Town Council", bio: "Meetings every second Tuesday"),
        .quiet("Oakbridge Town Council", bio: "Oakbridge Town Council, Shropshire. Grants open: apply via the link"),
        .quiet("Oakbridge Town Council", bio: "Bonfire tickets from our website only. We never sell or refund tickets through messages."),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        // The council's logo claims it as surely as its name: "Residents Help" with the crest, offering rebates.
        let strongElsewhere = so.nameWeight >= NameRule.withTypo || e.handle.namesCouncil || so.has(.bioDomain) || e.logoMatch != nil
        // A namesake elsewhere asks for fees and grants of its own residents.
        // A scam alert's words describe the scam it warns of.
        // A bio that refuses what scams ask ("We never sell or refund tickets through messages") asks nothing.
        guard e.bio.scam, e.bio.claim || so.has(.bioOffice) || strongElsewhere, !so.has(.otherArea), !so.has(.warning),
            !e.identity.words.refusesAnAct(e.texts.bio.keys)
        else { return nil }
        return Hit(weight: weight, detail: "the bio asks for money, messages or a move to this account")
    }
}

/// An e-mail or a message in a leader's name from outside the council asking for a favour or gift cards.
enum MailScamRule: Rule {
    static let signal = Signal.mailScam
    static let weight = 3.0
    static let summary = "an e-mail or message in the name of the council or its people opens like the gift-card scam"
    static let examples: [RuleExample] = [
        .fires("Priya Sharma", handle: "mayor.oakbridge@gmail.com", bio: "Are you free? I need a quick favour", platform: .email),
        .fires("Priya Sharma", handle: "p.sharma.mayor@aol.com", bio: "You about?\nNeed a hand with something, bit time-sensitive.", platform: .email),
        .fires("Tom Okafor", handle: "tom.okafor.clerc@gmail.com", bio: "Taliad\nPan gei di funud, mae angen i ti gymeradwyo taliad heddiw.",
               platform: .email),
        .quiet("Priya Sharma", handle: "mayor.oakbridge@gmail.com", bio: "Minutes of Tuesday's meeting", platform: .email),
        .quiet("Priya Sharma", bio: "Are you free? I need a quick favour"),
        .fires("Cllr Tom Okafor", handle: "+447700900123", bio: "In a meeting, please email me for a private conversation.",
               platform: Platform(rawValue: "whatsapp")),
        .fires("Tom Okafor", handle: "+447700900733", bio: "Hi all, Tom here. Old phone died, this is my new number, please save it x",
               platform: Platform(rawValue: "sms")),
        .quiet("Tom Okafor", bio: "Hi all, Tom here. Old phone died, this is my new number, please save it x"),
        // A friend's plea in one of its people's names, by e-mail (the Colne councillor's "mugged abroad" mail).
        .fires("Priya Sharma", handle: "priyasharma@hotmail.co.uk",
               bio: "Sorry for this unannounced trip, we got mugged and all our phones were stolen. I need £2,200 for the hotel bills and promise to refund you.",
               platform: .email),
        .quiet("Priya Sharma", handle: "priyasharma@hotmail.co.uk", bio: "Back from the trip! The hotel bills were eye-watering.", platform: .email),
        // A number that says in its text it is the council, and opens as the scam twice over.
        .fires("Helen", handle: "+447520000111", bio: "Hi it's Helen from Oakbridge Town Council, new number, save this one. Are you free to help with something?",
               platform: Platform(rawValue: "whatsapp")),
        .quiet("Helen", handle: "+447520000111", bio: "Hi it's Helen from Oakbridge Town Council, this is my new number for the allotments.",
               platform: Platform(rawValue: "whatsapp")),
    ]

    /// A text or WhatsApp message that names the council as its sender's ("it's Helen from Oakbridge Town Council")
    /// and says two of the scam's openers ("new number", "are you free"): one alone is a new officer's hello.
    static func saysItIsTheCouncil(_ e: Evidence) -> Bool {
        guard !e.texts.isMail, e.bio.namesCouncil else { return false }
        let keys = e.texts.bio.keys
        // Counted where they stand apart: "my new number" holds "new number" too, and is one.
        var found: [Range<Int>] = []
        for opener in e.identity.words.mailScamOpeners where !opener.isEmpty {
            for at in keys.indices where keys[at...].starts(with: opener) {
                let range = at..<(at + opener.count)
                if !found.contains(where: { $0.overlaps(range) }) { found.append(range) }
            }
        }
        return found.count >= 2
    }

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        // A message in the name of one of its people asking friends for money as a clone does ("we got mugged … I
        // promise to refund you") is the same scam: PersonScamRule reads pages, not messages.
        let asFriend = e.bio.personScam && !e.bio.warns && !e.identity.words.refusesAnAct(e.texts.bio.keys)
            && (e.name.person != nil || e.handle.person != nil)
        guard e.texts.isMessage, e.bio.mailScam || asFriend,
            so.nameWeight > 0 || e.handle.place != nil || e.handle.person != nil || Self.saysItIsTheCouncil(e)
        else { return nil }
        let byPerson = so.nameWeight < PersonRule.weight && (e.name.person != nil || !e.name.offices.isEmpty)
        let kind = e.texts.isMail ? "e-mail" : "message"
        return Hit(weight: weight, detail: e.bio.mailScam ? "the \(kind) opens like the gift-card scam sent in councils' names"
                       : "the \(kind) asks friends for money as a cloned account does",
                   target: byPerson ? .person : nil)
    }
}

/// "Angela Pryor: new account, the old one was hacked. Can you get some gift cards for me?": the clone
/// of a councillor's or the Clerk's own account, asking friends for money. Their real accounts ask no
/// one to send what they can.
enum PersonScamRule: Rule {
    static let signal = Signal.personScam
    static let weight = 3.5
    /// A councillor the watchlist does not list, tied to the council's place: the same clone, of a
    /// councillor the clerk has not named.
    static let unlisted = 4.0
    static var variants: [(when: String, weight: Double)] { [("a councillor of the council the watchlist does not list", unlisted)] }
    static let summary = "an account under the name of one of the council's people asks friends for money or gift cards,"
        + " offers residents money for a message, or asks a fee or money for itself by bank transfer, PayPal or gift cards"
    static let examples: [RuleExample] = [
        .fires("Priya Sharma", bio: "New account, the old one was hacked. Can you get some gift cards for me?"),
        .fires("Tom Okafor", bio: "I'm stuck abroad and need money for a flight, send what you can."),
        .fires("Cllr Sam Reed", bio: "Oakbridge Town Councillor. New account, the old one was hacked. Can you get some gift cards for me?"),
        .quiet("Priya Sharma", bio: "Mum, gardener, Oakbridge resident."),
        .quiet("Priya Sharma", bio: "Beware scams: I will never ask you to send money or buy gift cards."),
        .quiet("Priya Patel", bio: "Can you get some gift cards for me?"),
        .fires("Tom Okafor", bio: "Oakbridge Town Clerk. Message me to claim the winter energy grant."),
        .fires("Priya Sharma", bio: "DM me for the council tax rebate before Friday."),
        .quiet("Priya Sharma", bio: "Oakbridge councillor for Castle ward. DM me with any casework."),
        .quiet("Priya Sharma", bio: "Message me about potholes, parking fines or bins."),
        .quiet("Priya Sharma", bio: "I will never message you about a grant."),
        .quiet("Priya Sharma", bio: "Cakes to order, £20 a dozen – message me."),
        .fires("Priya Sharma", bio: "Community benefit fund: apply by DM with your name and bank details."),
        .quiet("Priya Sharma", bio: "Deputy Mayor of Edison. Message me for small business grants."),
        .quiet("Tom Okafor", bio: "Clerk to Millbrook Parish Council. DM me about grants."),
        .fires("Mayor Priya", bio: "Your Mayor in Oakbridge. Message me on WhatsApp for a hardship grant (small admin fee)."),
        .quiet("Mayor Priya", bio: "Mayor, Fremont. DM me about community grants."),
        .fires("Priya Sharma", bio: "Your Mayor for 2025/26. Message me to claim the winter hardship grant."),
        .fires("Priya Sharma", bio: "Chair of Finance Committee. Message me to claim your energy grant."),
        .quiet("Priya Sharma", bio: "Councillor in Lancashire. DM me about the community grants."),
        .quiet("Priya Sharma", bio: "Oakbridge mum. Could anyone lend me a ladder?"),
        .quiet("Priya Sharma", bio: "Mayor of Ealing. Need a quick favour? Our helpline will pay you back."),
        .fires("Priya Sharma", bio: "New account, the old one was hacked. Could you lend me some cash till Friday?"),
        .fires("Priya Sharma", bio: "Hi dear, please I need your help urgently, send me a message. I can't use my bank card."),
        .fires("Priya Sharma", bio: "Won the lottery 🎉 helping friends and family – DM me"),
        .fires("Cllr Sam Reed", bio: "Oakbridge town councillor. Views my own. Stuck abroad, passport was stolen – anything helps, I'll pay you back"),
        .fires("Priya Sharma", bio: "Oakbridge Town Councillor 🏛️ Crypto changed my life 📈 DM me 'START' to learn how 💰"),
        .quiet("Priya Sharma", bio: "Oakbridge councillor. Beware crypto scams using my name – DM me if one contacts you."),
        .quiet("Priya Sharma", bio: "Oakbridge councillor. Spoke at the library's talk on bitcoin scams."),
        .quiet("Priya Sharma", bio: "Oakbridge councillor. Campaigning for a Bitcoin ATM ban – DM me your views."),
        .quiet("Priya Sharma", bio: "Collecting Xbox and PS5 games for the children's ward – DM me."),
        .fires("Tom Okafor", bio: "Clerk, Oakbridge. Hiring now – £40 DBS fee by bank transfer"),
        .fires("Mayor Priya", bio: "Oakbridge. Send me £50 for the raffle via PayPal"),
        .fires("Priya Sharma", bio: "Oakbridge. WhatsApp me for a hardship grant"),
        .fires("Priya Sharma", bio: "Oakbridge councillor. Giving £10k to 10 followers! DM me the £20 release fee to claim your prize"),
        .fires("Priya Sharma", bio: "Oakbridge raffle: tickets £10, pay with an Apple gift card code"),
        .fires("Priya Sharma", bio: "Oakbridge councillor. Crypto mentor, made £48k with Bitcoin this year. DM 'PROFIT' to start."),
        .quiet("Priya Sharma", bio: "Oakbridge raffle: tickets £1 at the post office. Prizes include £50 gift cards."),
        .quiet("Tom Okafor", bio: "Town Clerk, Oakbridge. Hiring a caretaker: we cover the £40 DBS fee and pay salaries by bank transfer."),
        .quiet("Priya Sharma", bio: "Mayor of Oakbridge. Credit union: save, borrow, pay bills without PayPal fees. Send me your questions!"),
        .quiet("Priya Sharma", bio: "Mayor of Oakbridge. At my library talk, learn how crypto scams work and protect your savings."),
        .quiet("Priya Sharma", bio: "Yoga teacher. Beginners' course £60; £10 registration fee by bank transfer secures your mat."),
        .quiet("Priya Sharma", bio: "Economics teacher. My Year 11s learn how Bitcoin works, and why most crypto schemes collapse."),
        .quiet("Priya Sharma", bio: "Oakbridge councillor. Accountant: tax returns, payroll, crypto."),
        .quiet("Tom Okafor", bio: "Town Clerk, Oakbridge Town Council. Allotment application fee £12, message me for a form."),
        .quiet("Priya Sharma", bio: "Oakbridge councillor. Married to my wife of 40 years; loves Wise Owl Books on the High Street."),
        .quiet("Priya Sharma", bio: "Oakbridge councillor. Shop local: pay with the Oakbridge Gift Card at 60 shops."),
        .quiet("Priya Sharma", bio: "Oakbridge councillor. Community grants are open, ask me how to apply."),
        .fires("Priya Sharma", bio: "Mayor of Oakbridge. Card blocked on the twinning trip – £150 to my Revolut would save me"),
        .fires("Priya Sharma", bio: "Oakbridge councillor 🌸 new profile pls add me. I have a grant programme for residents, ask me how"),
        .fires("Tom Okafor", bio: "Town Clerk at Oakbridge Town Council. Winter fuel support payments £200, message me to apply"),
        .quiet("Priya Sharma", bio: "Oakbridge councillor. Fighting the new £40 admin fee for garden waste."),
        .quiet("Priya Sharma", bio: "Oakbridge councillor. Quiz night tickets £5, pay by bank transfer – DM me."),
        .quiet("Priya Sharma", bio: "Mayor of Ealing. Send me £5 via PayPal for the raffle."),
        .quiet("Priya Sharma", bio: "Oakbridge councillor. I will never ask you for a DBS fee by bank transfer."),
        .quiet("Priya Sharma", bio: "Mayor of Oakbridge. I will never message you to send me money."),
        .fires("Cllr Priya Sharma", bio: "Hi everyone, this is my new page. Please send £50 by bank transfer to support the youth club trip."),
        .quiet("Priya Sharma", bio: "New page for my cake business! Cakes from £20, pay by bank transfer."),
        .quiet("Priya Sharma", bio: "My new page for ward news. Quiz night tickets £5 on the door."),
        .fires("Priya Sharma", bio: "Collecting for the Mayor's charity - please send Amazon gift card codes by message. Mayor of Oakbridge."),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        // An e-mail's or a message's opener is MailScamRule's.
        guard !e.texts.isMessage else { return nil }
        let person = e.name.person ?? e.handle.person
        guard person != nil || e.bio.personScam else { return nil }
        // A namesake elsewhere: an office of another place ("Mayor of Ealing") or another county or country,
        // where the bio gives no place of this council's.
        let officeElsewhere = !e.bio.mentionsPlace && Self.officeElsewhere(e)
        let elsewhere = officeElsewhere || e.bioAreaElsewhere != nil
        // The clone offering residents money for a message: "message me to claim the energy grant". Not a
        // councillor's "I will never message you about a grant", nor a namesake's. A name given whole ties it
        // to the council as its people's clones are; one name with the office ("Mayor Priya") only beside the
        // council's place or name, a council matter, or bank details or a gift-card fee asked for.
        let keys = e.texts.bio.keys, vocab = e.identity.words
        let offers = keys.contains(where: vocab.personOffers.contains) || vocab.payoutDetails.contains { Evidence.holds($0, in: keys) }
            || vocab.personOfferPhrases.contains { Evidence.holds($0, in: keys) }
        let wholeName = (e.name.person != nil && !e.name.personByOneName) || e.handle.person != nil
        let turnsDown = keys.contains(where: { vocab.negators.contains($0) || vocab.refusals.contains($0) })
        let tied = person != nil && !elsewhere && !e.bio.personScam && !e.bio.warns && !turnsDown
        if tied, e.bio.asks, offers, wholeName || Self.ofTheCouncil(e) || vocab.grabsMoney(keys) {
            return Hit(weight: weight, detail: "the account in the name of one of \(e.council)'s people offers money for a message",
                       target: .person)
        }
        // The pitch of a cloned or taken-over account: a coin, and how it is sold ("Crypto changed my life …
        // DM me 'START'"). Neither alone: a councillor campaigns on crypto ATMs.
        // Both only as one of the council's people (its place, or a council, named): a namesake's yoga class takes a
        // fee, and a namesake teaches how Bitcoin works.
        let asTheCouncils = Self.ofTheCouncil(e) || e.name.place != nil || e.handle.place != nil || keys.contains(where: vocab.council.contains)
        if tied, asTheCouncils, !vocab.cautions(keys),
            let coin = zip(keys, e.texts.bio.words).first(where: { vocab.pitchedCoins.contains($0.0) })?.1,
            // One word of a pitch ("returns", "profit") is a pitch only with an ask: an accountant does tax returns.
            vocab.pitches.contains(where: { Evidence.holds($0, in: keys) && (e.bio.asks || $0.count > 1) })
        {
            return Hit(weight: weight, detail: "the account in the name of one of \(e.council)'s people pitches \(coin)"
                           + (e.bio.asks ? " for a message" : ""), target: .person)
        }
        // Paid where no one gets the money back: a fee before a job or a grant, money sent to the account itself,
        // or a price in gift cards.
        if tied, asTheCouncils, let channel = vocab.paymentAsked(e.texts.bio, place: e.identity.placeKeys)
        {
            return Hit(weight: weight, detail: "the account in the name of one of \(e.council)'s people asks to be paid by \(channel)",
                       target: .person)
        }
        // A "new page" asking for an amount by a way of paying ("this is my new page. Please send £50 by bank transfer
        // for the youth club trip"): the clone's ask, whatever it says the money is for.
        // As one of the council's people: its place or a council named, or a title ("Cllr Jenna Rowe"); a namesake's
        // "new page for my cake business" takes payment too.
        if tied, asTheCouncils || e.name.councillorTitle || !e.name.offices.isEmpty,
            vocab.cloneOpeners.contains(where: { Evidence.holds($0, in: keys) }), let channel = vocab.amountAsked(e.texts.bio)
        {
            return Hit(weight: weight, detail: "the account in the name of one of \(e.council)'s people says it is a new page and asks for money by \(channel)",
                       target: .person)
        }
        // A clone stranded abroad names a country: only another place's office makes this a namesake. Not a
        // councillor's "I will never ask you to send me money".
        guard e.bio.personScam, !officeElsewhere, !e.bio.warns, !vocab.refusesAnAct(keys) else { return nil }
        if person != nil {
            return Hit(weight: weight, detail: "the account in the name of one of \(e.council)'s people asks friends for money",
                       target: .person)
        }
        guard e.unlistedCouncillor else { return nil }
        return Hit(weight: unlisted, detail: "a councillor's account at \(e.identity.identity.place) asks friends for money",
                   target: .person)
    }
}

extension PersonScamRule {
    /// Whether the bio makes an offer the council's: it gives the council's place or name, or a matter only the
    /// council's residents have with it ("council tax").
    static func ofTheCouncil(_ e: Evidence) -> Bool {
        e.bio.mentionsPlace || e.bio.namesCouncil || e.identity.words.councilMatters.contains { Evidence.holds($0, in: e.texts.bio.keys) }
    }

    /// Whether the bio gives an office joined to another place: "Mayor of Ealing", "Clerk to Millbrook Parish
    /// Council". Not "Mayor for 2025", "Mayor to all", or "Chair of Finance Committee", a part of a council.
    static func officeElsewhere(_ e: Evidence) -> Bool {
        let vocab = e.identity.words, keys = e.texts.bio.keys
        return keys.indices.dropLast(2).contains { i in
            guard vocab.roles[keys[i]] != nil, vocab.officeLinks.contains(keys[i + 1]) else { return false }
            let next = keys[i + 2]
            guard !next.allSatisfy(\.isNumber), !vocab.the.contains(next), !vocab.officeAudiences.contains(next) else { return false }
            return !keys[(i + 2)..<min(keys.count, i + 5)].contains(where: vocab.councilParts.contains)
        }
    }
}

/// An e-mail from the council's own domain: a colleague's mail, not an impostor's. The report mailbox
/// files no such mail at all; where one is scored (a listing, `explain`), a forged sender on the domain
/// is the mail server's to stop, and impostors write from addresses of their own.
enum OwnDomainMailRule: Rule {
    static let signal = Signal.ownDomain
    static let weight = -8.0
    static let summary = "an e-mail sent from the council's own domain"
    static let examples: [RuleExample] = [
        .fires("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk", bio: "Are you free to come in early?", platform: .email),
        .fires("Priya Sharma", handle: "mayor@mail.oakbridge-tc.gov.uk", bio: "Agenda attached", platform: .email),
        .quiet("Tom Okafor", handle: "clerk.oakbridge@gmail.com", bio: "Are you free? I need a quick favour", platform: .email),
        .quiet("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk.example.com", bio: "Are you free?", platform: .email),
        .quiet("Oakbridge Town Council", handle: "oakbridge-tc.gov.uk"),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        // Weighed after MailboxTakenRule: a mailbox taken over is no colleague's.
        guard let domain = e.texts.mailDomain, let own = e.identity.identity.ownDomain(of: domain), !so.has(.mailboxTaken)
        else { return nil }
        return Hit(weight: weight, detail: "sent from \(own), the council's own domain", matched: own, folded: domain)
    }
}

/// An e-mail from the council's own domain asking its reader to sign in to see a document, or to keep a
/// mailbox: a council mailbox taken over sends that to everyone it has written to (East Cowes, 2021).
enum MailboxTakenRule: Rule {
    static let signal = Signal.mailboxTaken
    static let weight = 8.0
    static let summary = "an e-mail from the council's own domain asks its reader to sign in to a document or mailbox, for their password,"
        + " or to buy gift cards to be paid back or sent on, or says its bank details have changed: the mailbox may be taken over"
    static let examples: [RuleExample] = [
        .fires("Priya Sharma", handle: "priya.sharma@oakbridge-tc.gov.uk", bio: "Payment approval needed | Priya Sharma has shared "
               + "'Remittance advice - hall roof.pdf' with you via SharePoint. Sign in with your Microsoft 365 account to review and approve.",
               platform: .email),
        .fires("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk",
               bio: "I have shared an important document with you via OneDrive. Please sign in with your email to view it.", platform: .email),
        .quiet("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk", bio: "Agenda attached; the minutes are on the website.", platform: .email),
        .quiet("Tom Okafor", handle: "tom.clerk@gmail.com", bio: "Please sign in with your email to view the document.", platform: .email),
        .quiet("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk", bio: "The draft minutes are on the councillors' portal: log in to view.",
               platform: .email),
        .fires("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk",
               bio: "Invoice for the hall roof. Sign in with your Microsoft 365 account to view the secure document.", platform: .email),
        .fires("Jane Whitfield", handle: "clerk@oakbridge-tc.gov.uk",
               bio: "Your council mailbox is over quota. Log in here to keep receiving email: oakbridge-webmail-verify.com", platform: .email),
        .fires("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk",
               bio: "Dogfen wedi'i rhannu. Mewngofnodwch gyda'ch cyfrinair e-bost i weld yr anfoneb: oakbridge-docs.com", platform: .email),
        .fires("Jane Whitfield", handle: "clerk@oakbridge-tc.gov.uk", bio: "Mewngofnodwch i weld y ddogfen ddiogel.", platform: .email),
        .quiet("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk", bio: "Log in with your Microsoft 365 account to see the agenda.",
               platform: .email),
        .quiet("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk",
               bio: "Beware: e-mails saying a secure document is waiting ask you to sign in. Don't.", platform: .email),
        .quiet("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk", bio: "Agenda for Tuesday: log in at oakbridge-tc.gov.uk/portal to see the papers.",
               platform: .email),
        .quiet("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk", bio: "Planning meeting tonight: log in from 6.45 at zoom.us/j/8812345.",
               platform: .email),
        // Gift cards bought for the sender and paid back later: no colleague asks that, from any address.
        .fires("Priya Sharma", handle: "priya.sharma@oakbridge-tc.gov.uk",
               bio: "New number, please save it. I need you to buy 4 Amazon gift cards for the raffle, I'll pay you back", platform: .email),
        .fires("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk",
               bio: "I need 5 x £100 Amazon vouchers for the volunteers today. Could you pick them up? I'll reimburse you from the council account.",
               platform: .email),
        // In Welsh as spoken: "fe dala i'n ôl" (I'll pay you back).
        .fires("Swyddfa", handle: "swyddfa@oakbridge-tc.gov.uk",
               bio: "Dw i angen i ti brynu cardiau rhodd Amazon i'r Maer, fe dala i'n ôl heno.", platform: .email),
        .quiet("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk", bio: "The raffle prizes this year are gift cards from local shops.",
               platform: .email),
        .quiet("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk",
               bio: "We bought gift cards for the volunteers. Keep your receipts and we'll pay you back for the mileage.", platform: .email),
        // An attachment or a shared file needs no signing in; a password is asked for only by a thief.
        .fires("Martin Gale", handle: "clerk@oakbridge-tc.gov.uk", bio: "Please sign in to view the attached invoice: http://docs-share.live/login",
               platform: .email),
        .fires("Swyddfa", handle: "clerk@oakbridge-tc.gov.uk", bio: "Please sign in to Microsoft 365 to view the shared document: bit.ly/3xYzq",
               platform: .email),
        .fires("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk", bio: "Verify your password here to keep your council mailbox.", platform: .email),
        .quiet("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk", bio: "We will never ask you to verify your password by e-mail.", platform: .email),
        .quiet("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk", bio: "The invoice for the hall hire is attached. Pay by bank transfer within 30 days.",
               platform: .email),
        .fires("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk",
               bio: "Please note our bank details have changed. Pay the attached invoice to the new account today.", platform: .email),
        .quiet("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk",
               bio: "Beware: we will never tell you by e-mail that our bank details have changed. Call the office.", platform: .email),
        // The codes sent back, or the scam's opener, in place of the promise to pay back.
        .fires("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk",
               bio: "Can you get 5 Amazon gift cards of £100 each and send me the codes? Urgent", platform: .email),
        .fires("Priya Sharma", handle: "priya.sharma@oakbridge-tc.gov.uk", bio: "Are you available? I need you to buy some gift cards.",
               platform: .email),
        .quiet("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk", bio: "Urgent: the Christmas raffle prizes are gift cards, buy your tickets now.",
               platform: .email),
        .fires("Bookings", handle: "bookings@oakbridge-tc.gov.uk", bio: "Hall hire: please pay £85 in Amazon gift cards and reply with the codes.",
               platform: .email),
        // What IT would say of the reader's own mailbox; a shared file behind a sign-in at a stranger's address.
        .fires("IT Support", handle: "it@oakbridge-tc.gov.uk", bio: "Mailbox quota exceeded. New messages are being held.", platform: .email),
        .fires("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk",
               bio: "I have shared a document with you. Sign in with your Microsoft 365 account to view: https://docs-view.live/x", platform: .email),
        .quiet("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk",
               bio: "I have shared a document with you in SharePoint. Sign in with your council account to view it.", platform: .email),
        .quiet("Portal", handle: "noreply@oakbridge-tc.gov.uk",
               bio: "Your portal password expires in 7 days. Sign in at https://portal.oakbridge-tc.gov.uk to change it.", platform: .email),
        // A bank change with a payment asked for is the fraud; a notice of one, with a letter to follow, asks nothing.
        .fires("Accounts", handle: "accounts@oakbridge-tc.gov.uk", bio: "Pay the attached invoice to our new bank account: sort code 20-30-40.",
               platform: .email),
        .quiet("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk",
               bio: "The council's bank details have changed from 1 April. A signed letter follows; phone 01234 567890 to confirm.", platform: .email),
        // A payment hurried and kept quiet, in a leader's name from their own mailbox.
        .fires("Priya Sharma", handle: "mayor@oakbridge-tc.gov.uk",
               bio: "Can you make an urgent transfer of £4,800 to a supplier today? I'm in a meeting, can't talk.", platform: .email),
        .quiet("Priya Sharma", handle: "mayor@oakbridge-tc.gov.uk", bio: "Please approve the payments list in Scribe today.", platform: .email),
        .quiet("Office", handle: "office@oakbridge-tc.gov.uk", bio: "The payments schedule is approved today in a meeting of the finance committee.",
               platform: .email),
        .quiet("Office", handle: "office@oakbridge-tc.gov.uk", bio: "Reminder to residents: the council will never ask you to pay in gift cards.",
               platform: .email),
        .quiet("Office", handle: "office@oakbridge-tc.gov.uk", bio: "The minutes are in the attachment. Councillors can log in to the portal.",
               platform: .email),
        .quiet("Office", handle: "office@oakbridge-tc.gov.uk", bio: "I left you a voicemail. Please log in to the Zoom meeting at 7pm.",
               platform: .email),
        .quiet("Office", handle: "office@oakbridge-tc.gov.uk", bio: "Please update your password for the councillor portal before Friday.",
               platform: .email),
        .quiet("Tom Okafor", handle: "clerk@oakbridge-tc.gov.uk",
               bio: "Confidential item: the payment to the contractor is on Tuesday's agenda, in a meeting of the full council.", platform: .email),
        // A failed payment and the card to update at a stranger's address; at the council's own site it is its notice.
        .fires("Oakbridge Town Council", handle: "office@oakbridge-tc.gov.uk",
               bio: "Your allotment rent payment failed. Update your card at oakbridge-tc-payments.com", platform: .email),
        .quiet("Oakbridge Town Council", handle: "office@oakbridge-tc.gov.uk",
               bio: "Your allotment rent payment failed. Update your card at oakbridge-tc.gov.uk/pay", platform: .email),
    ]

    /// An ask to sign in and a bait in its sentence or one beside it ("Your mailbox is over quota. Log in here"), as written.
    static func signInForBait(_ bio: FoldedText, words: Vocabulary) -> (String, String)? {
        let keys = bio.keys
        let baits = words.credentialBaits
        for at in keys.indices {
            guard let ask = words.signInAsks.first(where: { keys[at...].starts(with: $0.keys) }) else { continue }
            let own = bio.sentence(holding: at)
            let start = own.lowerBound > 0 ? bio.sentence(holding: own.lowerBound - 1).lowerBound : own.lowerBound
            let end = own.upperBound < keys.count ? bio.sentence(holding: own.upperBound).upperBound : own.upperBound
            let near = Array(keys[start..<end])
            if let bait = baits.first(where: { Evidence.holds($0.keys, in: near) }) { return (ask.text, bait.text) }
        }
        return nil
    }

    /// The links a mail gives: whether any, and whether one leads away from the council's own hosts.
    struct Links {
        var any: Bool
        var away: Bool

        init(_ addresses: [String], hosts: [String]) {
            any = !addresses.isEmpty
            away = addresses.contains { !WebAddresses.isOfficial($0, hosts: hosts) }
        }

        /// Every link is to the council's own site: its portal's notice, not a thief's page.
        var ownOnly: Bool { any && !away }
    }

    /// Gift cards, then within their sentence and the next two an ask to buy them and a promise to pay them back
    /// ("I need you to buy 4 Amazon gift cards, I'll pay you back") or what else the scam says (the codes, a hurry),
    /// as written.
    static func giftCardsToPayBack(_ bio: FoldedText, words: Vocabulary) -> (String, String)? {
        let keys = bio.keys
        for at in keys.indices {
            guard let card = words.giftCards.first(where: { keys[at...].starts(with: $0.keys) }) else { continue }
            // The ask and the promise may follow in the next two sentences: "I need 5 Amazon vouchers today. Could
            // you pick them up? I'll reimburse you tomorrow."
            let own = bio.sentence(holding: at)
            // "The council will never ask you to pay in gift cards" warns of the scam.
            if keys[own].contains(where: words.refusals.contains) { continue }
            var end = own.upperBound
            for _ in 0..<2 where end < keys.count { end = bio.sentence(holding: end).upperBound }
            let near = Array(keys[own.lowerBound..<end])
            // Paid in gift cards ("pay £85 in Amazon gift cards"): no council takes its fees so.
            if let pay = keys[max(0, at - 4)..<at].first(where: words.payWords.contains) { return (pay, card.text) }
            guard words.giftCardAsks.contains(where: near.contains) else { continue }
            if let back = words.payBacks.first(where: { Evidence.holds($0.keys, in: near) }) { return (card.text, back.text) }
            // Without the promise, the ask is for the cards themselves ("buy some gift cards", "buy 5 x £100 Apple gift
            // cards"), not for a raffle's tickets.
            if keys[max(own.lowerBound, at - 6)..<at].contains(where: words.giftCardAsks.contains),
                let pressure = words.giftCardPressures.first(where: { Evidence.holds($0.keys, in: keys) })
            {
                return (card.text, pressure.text)
            }
        }
        return nil
    }

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        guard let domain = e.texts.mailDomain, let own = e.identity.identity.ownDomain(of: domain),
            let lure = lure(e.texts.bio, warns: e.bio.warns, links: Links(e.texts.bioAddresses.map(\.address), hosts: e.identity.officialHosts),
                            words: e.identity.words)
        else { return nil }
        return Hit(weight: weight, detail: "sent from \(own), the council's own domain, it says \"\(lure)\": the mailbox may be taken over",
                   matched: own, folded: lure)
    }

    /// What in a mail from the council's own mailbox says it is taken, as written ("sign in", "secure document"),
    /// or nil. Two lures of the list: one alone is a colleague's "log in to view". Or an ask for the reader's
    /// password. Or gift cards the reader is asked to buy, with a promise to pay them back, within three sentences.
    static func lure(_ bio: FoldedText, warns: Bool, links: Links, words: Vocabulary) -> String? {
        let keys = bio.keys
        let warned = warns || words.cautions(keys) || words.refusesAnAct(keys)
        func said(_ list: [(text: String, keys: [String])]) -> String? { list.first { Evidence.holds($0.keys, in: keys) }?.text }
        // A sign-in that sends the reader only to the council's own site is its portal's notice ("your password
        // expires: sign in at portal.oakbridge-tc.gov.uk").
        let credentials = !warned && !links.ownOnly
        if credentials, let ask = said(words.passwordAsks) ?? said(words.mailboxAlarms) { return ask }
        // The bank "has changed" and a payment is asked for: the invoice fraud. A notice of a change alone, with a
        // letter to follow, asks for nothing.
        if !warned, let change = said(words.bankChanges), keys.contains(where: words.remittances.contains) { return change }
        // A payment "failed" and the card to put in again at a stranger's address: the phishing text sent under the
        // council's sender name. The council's own payments are on its own site.
        if !warned, links.away, let alarm = said(words.cardAlarms), let update = said(words.cardUpdates) { return "\(alarm)\", \"\(update)" }
        // Money on offer and card or bank details asked for by reply ("Your rebate of £150 is ready. Reply with your card
        // number"): the council pays out through its own forms, never so.
        if !warned, let offer = HijackCheck.offerForDetails(bio, away: links.away, vocabulary: words) { return offer }
        let found = credentials ? words.credentialLures.filter { Evidence.holds($0.keys, in: keys) } : []
        var lures = found.map(\.text)
        // An ask to sign in for a bait, in its sentence or one beside it ("Your mailbox is over quota. Log in here");
        // not in a warning of such mail. Not for a link alone: a clerk's "log in to the meeting at zoom.us/j/…" is one.
        if lures.count < 2, credentials, let lure = signInForBait(bio, words: words) {
            lures = [lure.0, lure.1]
        }
        // One lure and an ask to sign in anywhere in the mail, with a link away from the council's own hosts: "X shared
        // a document with you: 'Payments.pdf'. Sign in with your Microsoft 365 account to view: [a stranger's page]".
        if lures.count == 1, found.count == 1, links.away, let ask = words.signInAsks.first(where: { ask in
            Evidence.holds(ask.keys, in: keys) && !Evidence.holds(ask.keys, in: found[0].keys)
        }) {
            lures.append(ask.text)
        }
        if lures.count < 2, let ask = giftCardsToPayBack(bio, words: words) { lures = [ask.0, ask.1] }
        // A payment hurried and kept quiet: "make an urgent transfer today, confidential, I'm in a meeting".
        // The scam's own "don't call" is no refusal of it: only a warning counts against it here.
        if lures.count < 2, !warns, !words.cautions(keys), keys.contains(where: words.remittances.contains),
            let secret = said(words.paymentSecrecy), let hurry = said(words.paymentHurry)
        {
            lures = [secret, hurry]
        }
        return lures.count >= 2 ? lures.prefix(2).joined(separator: "\", \"") : nil
    }
}

/// An e-mail whose sender's name is an address of the council's own domain, sent from another: the
/// name is what a mail program shows, and it is borrowed.
enum ShownAddressMailRule: Rule {
    static let signal = Signal.shownAddress
    static let weight = 6.0
    static let summary = "an e-mail that shows one of the council's addresses as its sender's name but comes from another domain"
    static let examples: [RuleExample] = [
        .fires("clerk@oakbridge-tc.gov.uk", handle: "oak.clerk@protonmail.com", bio: "Please pay the attached invoice today",
               platform: .email),
        .fires("Town Clerk <clerk@oakbridge-tc.gov.uk>", handle: "townclerk@mail-oakbridge.com", bio: "Agenda", platform: .email),
        .fires("oakbridge-tc.gov.uk", handle: "notices@oakbridge-tc-gov.uk.com", bio: "Your parking permit has expired", platform: .email),
        .quiet("clerk@oakbridge-tc.gov.uk", handle: "clerk@oakbridge-tc.gov.uk", bio: "Agenda attached", platform: .email),
        .quiet("tom@gmail.com", handle: "tom@gmail.com", bio: "Are you free?", platform: .email),
        // The clerk's own listed Gmail, shown by another sender.
        .fires("oakbridge.clerk@gmail.com", handle: "noreply@mailer-xyz.com", bio: "Payment to our new account today please", platform: .email),
        .quiet("oakbridge.clerk@gmail.com", handle: "oakbridge.clerk@gmail.com", bio: "Agenda attached", platform: .email),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        // The council's listed address itself, shown by another sender.
        let listed = e.identity.listedMail
        if let shown = e.texts.shownAddress, listed.contains(shown), let sender = e.texts.mailSender, !listed.contains(sender),
            let domain = e.texts.mailDomain, e.identity.identity.ownDomain(of: domain) == nil
        {
            return Hit(weight: weight, detail: "the sender's name shows \(shown), the council's own address, but the mail comes from \(sender)",
                       matched: shown, folded: sender)
        }
        guard let host = e.texts.shownHost, let own = e.identity.identity.ownDomain(of: host),
            let sender = e.texts.mailDomain, e.identity.identity.ownDomain(of: sender) == nil
        else { return nil }
        return Hit(weight: weight, detail: "the sender's name shows an address at \(own), the council's domain, but the mail comes from \(sender)",
                   matched: own, folded: sender)
    }
}

/// Name and bio agree on a parish council when this one is a town council: another body of that name.
enum OtherKindBioRule: Rule {
    static let signal = Signal.otherKindBio
    static let weight = -3.0
    static let summary = "name and bio agree on another kind of council: another body of that name"
    static let examples: [RuleExample] = [
        .fires("Oakbridge Parish Council", bio: "Oakbridge Parish Council meets monthly"),
        .quiet("Oakbridge Town Council", bio: "Oakbridge Town Council meets monthly"),
        .quiet("Oakbridge Parish Council", bio: "Meets monthly"),
    ]

    static func check(_ e: Evidence, so: Judgement) -> Hit? {
        let named = e.bio.kindsNamed
        guard !named.isEmpty, !e.identity.kind.isEmpty, named.isDisjoint(with: e.identity.ownKinds), !e.name.kinds.isEmpty,
            e.name.kinds == named
        else { return nil }
        return Hit(weight: weight, detail: "name and bio agree on a \(named.sorted().joined(separator: "/")) council: another body of that name",
                   matched: e.identity.identity.kind)
    }
}
