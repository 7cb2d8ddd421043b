import ImpostorCore
import Testing
@testable import ImpostorScoring

/// What a ninth round of probes against new councils found: pages that warn of a fake, a longer place
/// that ends in a one-word place, and a Mayor of a place whose name starts with an organisation word.
@Suite struct NamesakeAndWarningTests {
    static let wells = Identity(id: "wells", name: "Wells City Council", kind: "city council", place: "Wells", area: "Somerset",
                                people: [Person(name: "Cllr Jane Hobbs", role: "Mayor")])
    static let valley = Identity(id: "valley", name: "Valley Community Council", kind: "community council", place: "Valley",
                                 area: "Isle of Anglesey", aliases: ["Cyngor Cymuned y Fali"], languages: ["cy", "en"])
    static let carmarthen = Identity(id: "carmarthen", name: "Carmarthen Town Council", kind: "town council", place: "Carmarthen",
                                     area: "Carmarthenshire", aliases: ["Cyngor Tref Caerfyrddin"], languages: ["cy", "en"])
    static let ripon = Identity(id: "ripon", name: "Ripon City Council", kind: "city council", place: "Ripon", area: "North Yorkshire")
    static let bramley = Identity(id: "bramley", name: "Bramley Parish Council", kind: "parish council", place: "Bramley", area: "Hampshire")
    static let tewkesbury = Identity(id: "tewkesbury", name: "Tewkesbury Town Council", kind: "town council", place: "Tewkesbury",
                                     area: "Gloucestershire")
    let scorer = try! Scorer(identities: [wells, valley, carmarthen, IncidentTests.marketDrayton, ripon, bramley, tewkesbury])

    func judge(_ name: String, handle: String = "page12345", bio: String = "") -> Assessment {
        scorer.assess(Profile(platform: .facebook, id: name, handle: handle, displayName: name, bio: bio))
    }

    /// A police or scam-alert page quoting the fake's name writes of the council, not as it.
    @Test(arguments: [
        ("Shropshire Scam Alerts", "Beware: fake 'Market Drayton Town Council' pages asking for bin permit payments."),
        ("Dyfed-Powys Police Fraud", "Rhybudd: mae tudalen ffug 'Cyngor Tref Caerfyrddin' yn gofyn am daliadau. Warning: fake Carmarthen Town Council page asking for payments."),
        ("Action Fraud Wales", "Accounts pretending to be Carmarthen Town Council are asking for bank details."),
        // Alerts that name the real page, say the council "has warned", that someone is "copying" it.
        ("Bramley Village", "Warning: fake Bramley Parish Council page asking for bank details. Real page: BramleyParishCouncilHants"),
        ("Ripon Alerts", "Ripon City Council has warned of a fake page. Never DM bank details."),
        ("Ripon Alerts", "Someone is copying Ripon City Council's page and asking for council tax details"),
        ("Gloucestershire Scam Alerts", "Accounts posing as the Tewkesbury Town Council are asking for money."),
        ("Gloucestershire Scam Alerts", "The real Tewkesbury Town Council will never ask for payment by DM. Report fake pages."),
    ])
    func aWarningOfAFakeIsNoClaim(_ name: String, _ bio: String) {
        let a = judge(name, bio: bio)
        #expect(a.verdict == .clear && !a.reasons.contains { $0.signal == .bioClaim }, "\(name): \(a.reasons.map(\.detail))")
    }

    /// The fake itself still speaks as the council, however it warns of others: a claim of its own, an
    /// ask of its own, or "not a fake" keeps it a suspect.
    @Test(arguments: [
        "Beware of fake pages. This is the official page of Market Drayton Town Council. Message us for your refund.",
        "Beware of fake Market Drayton Town Council pages. This is the new page of Market Drayton Town Council. DM for refunds",
        "This page is not a fake Market Drayton Town Council page. Claim your rebate: DM us",
        "Beware of fake Market Drayton Town Council pages, this is our new page, DM for refunds",
    ])
    func aFakeThatWarnsOfFakesStillClaims(_ bio: String) {
        let a = judge("Community Updates", bio: bio)
        #expect(a.verdict == .suspect && !a.reasons.contains { $0.signal == .warning }, "\(bio): \(a.reasons.map(\.detail))")
    }

    /// A word of its own before a one-word place makes another place where the handle or the bio writes
    /// it so too: Builth Wells is not Wells.
    @Test(arguments: [("Builth Wells Town Council", "builthwellstc", "Meetings on the first Monday of the month."),
                      ("Llandrindod Wells Town Council", "page12345", "The town council for Llandrindod Wells."),
                      ("Happy Valley Community Council", "happyvalleycc", ""),
                      ("San Fernando Valley Community Council", "SFVCouncil", "Neighborhood advocacy for the San Fernando Valley, Los Angeles.")])
    func aLongerPlaceEndingInThePlaceIsAnother(_ name: String, _ handle: String, _ bio: String) {
        let a = judge(name, handle: handle, bio: bio)
        #expect(a.verdict == .clear && a.reasons.contains { $0.signal == .differentPlace }, "\(name): \(a.reasons.map(\.detail))")
    }

    /// What an impostor puts before the name is not a place: an announcement, "Our", a name nothing else
    /// repeats, a person of the council.
    @Test(arguments: [("URGENT Wells City Council", "Bin collections cancelled, refunds via the link"),
                      ("Cancelled: Wells City Council", "Event cancelled, refunds via the link"),
                      ("Our Wells City Council", "Council tax rebates this month - DM us to claim yours"),
                      ("Emily Wells City Council", "Council tax rebates this month - DM us to claim yours"),
                      ("Jane Hobbs Wells City Council", "")])
    func whatAFakePutsBeforeTheNameIsNoPlace(_ name: String, _ bio: String) {
        let a = judge(name, bio: bio)
        #expect(a.verdict == .suspect && !a.reasons.contains { $0.signal == .differentPlace }, "\(name): \(a.reasons.map(\.detail))")
    }

    /// "Market" starts the place's name here: "Mayor of Market Drayton" is the office, not a Mayor's market.
    @Test(arguments: ["Mayor of Market Drayton", "Town Mayor of Market Drayton"])
    func anOfficeBeforeAPlaceStartingWithAnOrganisationWord(_ name: String) {
        let a = judge(name, handle: "resident4821", bio: "Thank you for your support.")
        #expect(a.verdict == .suspect && a.reasons.contains { $0.signal == .office }, "\(name): \(a.reasons.map(\.detail))")
        let market = judge("Market Drayton Mayor's Market", handle: "resident4821", bio: "Stalls every Saturday.")
        #expect(!market.reasons.contains { $0.signal == .office }, "\(market.reasons.map(\.detail))")
    }

    /// A namesake of one of the council's people selling by bank transfer is no clone.
    @Test func aNamesakeSellingByTransferIsNoClone() {
        let a = judge("Jane Hobbs", handle: "jane.hobbs.knits", bio: "Knitter. Selling scarves, pay by bank transfer.")
        #expect(a.verdict == .clear, "\(a.reasons.map(\.detail))")
    }
}

/// A handle that shortens the place ("Gt") is read by that short form; the bio that spells the place
/// out is still read, with the county it gives.
@Suite struct ShortFormHandleTests {
    @Test func theBioSpellingThePlaceOutStillPlacesIt() throws {
        let shelford = Identity(id: "great-shelford", name: "Great Shelford Parish Council", kind: "parish council",
                                place: "Great Shelford", area: "Cambridgeshire")
        let scorer = try Scorer(identities: [shelford])
        let namesake = scorer.assess(Profile(platform: .x, id: "1", handle: "GtSheffordPC", displayName: "Great Shefford PC",
                                             bio: "Parish council for Great Shefford in the Lambourn Valley, West Berkshire."))
        #expect(namesake.verdict == .clear && namesake.reasons.contains { $0.signal == .otherArea }, "\(namesake.reasons.map(\.detail))")
        let fake = scorer.assess(Profile(platform: .x, id: "2", handle: "GtShelfordPC", displayName: "Parish Notices",
                                         bio: "Great Shelford Parish Council. Message us to claim your refund."))
        #expect(fake.verdict == .suspect, "\(fake.reasons.map(\.detail))")
    }
}

/// The tenth round: an attacker's evasions and the honest pages a naive filter flags.
extension NamesakeAndWarningTests {

    /// A reporter covering two councils, a youth council, and a namesake near another county's town.
    @Test(arguments: [
        ("Tewkesbury council reporter", "Local democracy reporter covering Tewkesbury Town Council and Tewkesbury Borough Council."),
        ("Tewkesbury Youth Council", "Young people's voice in the town."),
        ("Bramley Parish Council", "Serving Bramley village near Guildford."),
    ])
    func honestPagesAreClear(_ name: String, _ bio: String) {
        let a = judge(name, bio: bio)
        #expect(a.verdict == .clear, "\(name): \(a.reasons.map(\.detail))")
    }

    /// A former Mayor claims no office; the Mayor and the Deputy Mayor (the Mayor's stand-in) do.
    @Test func aFormerMayorClaimsNoOffice() {
        #expect(!judge("Former Mayor of Tewkesbury", bio: "Prior's Park ward.").reasons.contains { $0.signal == .office })
        for name in ["Mayor of Tewkesbury", "Deputy Mayor of Tewkesbury"] {
            #expect(judge(name, bio: "Prior's Park ward.").reasons.contains { $0.signal == .office }, "\(name)")
        }
    }

    /// A bio that calls it a council of another kind is still a claim when it names no council of this kind.
    @Test func aWrongKindInTheBioIsStillAClaim() {
        let a = judge("Resident Services", bio: "Official page of Tewkesbury Parish Council. Council tax rebates - DM us")
        #expect(a.verdict == .suspect && a.reasons.contains { $0.signal == .bioClaim }, "\(a.reasons.map(\.detail))")
    }

    /// A neighbour one letter off in the same county, with a bio of ordinary fees, is a place of its own.
    @Test func aNeighbourOneLetterOffIsItsOwnPlace() throws {
        let aston = Identity(id: "aston", name: "Aston Parish Council", kind: "parish council", place: "Aston", area: "Cheshire")
        let a = try Scorer(identities: [aston]).assess(Profile(
            platform: .facebook, id: "1", handle: "actonpc", displayName: "Acton Parish Council",
            bio: "Acton Parish Council, near Nantwich, Cheshire. Allotment fees: pay at the village hall."))
        #expect(a.verdict == .clear, "\(a.reasons.map(\.detail))")
    }

    /// A misspelt "City" is still the council.
    @Test(arguments: [
        ("Ripon Cty Council", "Welcome to Ripon Cty Council. Grants - DM us."),
        ("Ripon Citty Council", "Welcome to Ripon Citty Council. Grants - DM us."),
    ])
    func misspellingsStillNameTheCouncil(_ name: String, _ bio: String) {
        let a = judge(name, bio: bio)
        #expect(a.verdict == .suspect, "\(name): \(a.reasons.map(\.detail))")
    }
}

/// A word after a common place that is three edits from a council word is a place's name, not a typo.
@Suite struct LongerNamesakeTests {
    @Test(arguments: ["Sutton Cheney Parish Council", "Sutton Benger Parish Council"])
    func aSecondWordOfSixLettersOrFewerIsAPlace(_ name: String) throws {
        let sutton = Identity(id: "sutton", name: "Sutton Parish Council", kind: "parish council", place: "Sutton", area: "Cambridgeshire")
        let a = try Scorer(identities: [sutton]).assess(Profile(platform: .facebook, id: "1", handle: "page12345", displayName: name,
                                                                  bio: "Meetings on the first Monday of the month."))
        #expect(a.verdict == .clear, "\(name): \(a.reasons.map(\.detail))")
    }
}
