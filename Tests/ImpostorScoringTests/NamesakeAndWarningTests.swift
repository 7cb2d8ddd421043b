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
    let scorer = try! Scorer(identities: [wells, valley, carmarthen, IncidentTests.marketDrayton])

    func judge(_ name: String, handle: String = "page12345", bio: String = "") -> Assessment {
        scorer.assess(Profile(platform: .facebook, id: name, handle: handle, displayName: name, bio: bio))
    }

    /// A police or scam-alert page quoting the fake's name writes of the council, not as it.
    @Test(arguments: [
        ("Shropshire Scam Alerts", "Beware: fake 'Market Drayton Town Council' pages asking for bin permit payments."),
        ("Dyfed-Powys Police Fraud", "Rhybudd: mae tudalen ffug 'Cyngor Tref Caerfyrddin' yn gofyn am daliadau. Warning: fake Carmarthen Town Council page asking for payments."),
        ("Action Fraud Wales", "Accounts pretending to be Carmarthen Town Council are asking for bank details."),
    ])
    func aWarningOfAFakeIsNoClaim(_ name: String, _ bio: String) {
        let a = judge(name, bio: bio)
        #expect(a.verdict == .clear && !a.reasons.contains { $0.signal == .bioClaim }, "\(name): \(a.reasons.map(\.detail))")
    }

    /// The fake itself still speaks as the council, however it warns of others.
    @Test func aFakeThatWarnsOfFakesStillClaims() {
        let a = judge("Community Updates", bio: "Beware of fake pages. This is the official page of Market Drayton Town Council. Message us for your refund.")
        #expect(a.verdict == .suspect && a.reasons.contains { $0.signal == .bioClaim }, "\(a.reasons.map(\.detail))")
    }

    /// A word of its own before a one-word place makes another place: Builth Wells is not Wells.
    @Test(arguments: ["Builth Wells Town Council", "Llandrindod Wells Town Council", "Happy Valley Community Council",
                      "San Fernando Valley Community Council"])
    func aLongerPlaceEndingInThePlaceIsAnother(_ name: String) {
        let a = judge(name, bio: "Meetings on the first Monday of the month.")
        #expect(a.verdict == .clear && a.reasons.contains { $0.signal == .differentPlace }, "\(name): \(a.reasons.map(\.detail))")
    }

    /// What an impostor puts before the name is not a place: an announcement, "Official", a person of the council.
    @Test(arguments: [("URGENT Wells City Council", "Bin collections cancelled, refunds via the link"),
                      ("Cancelled: Wells City Council", "Event cancelled, refunds via the link"),
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

    /// A fake Mayor's appeal paid to the person: PayPal or a bank transfer.
    @Test func anAppealPaidToThePersonIsTheClonesAsk() {
        let a = judge("Cllr Jane Hobbs", handle: "janehobbs.mayor", bio: "Raising money for the hospice, please donate via PayPal.")
        #expect(a.verdict == .suspect && a.reasons.contains { $0.signal == .personScam }, "\(a.reasons.map(\.detail))")
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
@Suite struct EvasionRoundTests {
    static let ripon = Identity(id: "ripon", name: "Ripon City Council", kind: "city council", place: "Ripon", area: "North Yorkshire")
    static let bramley = Identity(id: "bramley", name: "Bramley Parish Council", kind: "parish council", place: "Bramley", area: "Hampshire")
    static let tewkesbury = Identity(id: "tewkesbury", name: "Tewkesbury Town Council", kind: "town council", place: "Tewkesbury",
                                     area: "Gloucestershire")
    let scorer = try! Scorer(identities: [ripon, bramley, tewkesbury])

    func judge(_ name: String, handle: String = "page12345", bio: String = "") -> Assessment {
        scorer.assess(Profile(platform: .facebook, id: name, handle: handle, displayName: name, bio: bio))
    }

    /// Scam alerts that name the real page, say the council "has warned", or that someone is "copying" it.
    @Test(arguments: [
        ("Bramley Village", "Warning: fake Bramley Parish Council page asking for bank details. Real page: BramleyParishCouncilHants"),
        ("Ripon Alerts", "Ripon City Council has warned of a fake page. Never DM bank details."),
        ("Ripon Alerts", "Someone is copying Ripon City Council's page and asking for council tax details"),
    ])
    func scamAlertsAreClear(_ name: String, _ bio: String) {
        let a = judge(name, bio: bio)
        #expect(a.verdict == .clear, "\(name): \(a.reasons.map(\.detail))")
    }

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

    /// A Deputy Mayor's own page, and a former Mayor's, claim no Mayor's office; the Mayor's does.
    @Test func aDeputyOrFormerMayorClaimsNoOffice() {
        for name in ["Cllr Omar Siddiqui – Deputy Mayor of Tewkesbury", "Former Mayor of Tewkesbury"] {
            #expect(!judge(name, bio: "Prior's Park ward.").reasons.contains { $0.signal == .office }, "\(name)")
        }
        #expect(judge("Mayor of Tewkesbury", bio: "Prior's Park ward.").reasons.contains { $0.signal == .office })
    }

    /// A misspelling the bio repeats in the council's own county, and a misspelt "City", are still the council.
    @Test(arguments: [
        ("Bramly Parish Council", "Bramly Parish Council, Hampshire. Allotment fees - pay via link."),
        ("Ripon Cty Council", "Welcome to Ripon Cty Council. Grants - DM us."),
        ("Ripon Citty Council", "Welcome to Ripon Citty Council. Grants - DM us."),
    ])
    func misspellingsStillNameTheCouncil(_ name: String, _ bio: String) {
        let a = judge(name, bio: bio)
        #expect(a.verdict == .suspect, "\(name): \(a.reasons.map(\.detail))")
    }
}
