import ImpostorCore
import Testing
@testable import ImpostorScoring

/// Genuine accounts a scan for a place turns up beside the council's: a former Mayor's own account, the
/// police's and the cameras' pages, whose initials start as a council's abbreviation does.
@Suite struct FormerHolderAndLookalikeTests {
    static let chorley = Identity(id: "chorley", name: "Chorley Town Council", kind: "town council", place: "Chorley",
                                  area: "Lancashire", people: [Person(name: "Kate Barrett", role: "Mayor")])
    static let aberaeron = Identity(id: "aberaeron", name: "Aberaeron Town Council", kind: "town council", place: "Aberaeron",
                                    area: "Ceredigion", people: [Person(name: "Elin Jones", role: "Mayor")])
    let scorer = try! Scorer(identities: [chorley, aberaeron])

    func assess(_ handle: String, _ name: String, bio: String = "") -> Assessment {
        scorer.assess(Profile(platform: .x, id: handle, handle: handle, displayName: name, bio: bio))
    }

    /// A name with the office and a bio that says its owner served in it before: their own account.
    @Test(arguments: [
        ("Jane Smith - Mayor of Chorley 2019-20", "Proud to have served as Mayor of Chorley 2019-2020. Mum, walker."),
        ("Mayor of Chorley 2018", "Former Mayor of Chorley. Still a town councillor for Astley ward."),
        ("Maer Aberaeron 2017-18", "Cyn Faer Aberaeron. Wedi gwasanaethu fel Maer Aberaeron 2017-18."),
    ])
    func aFormerHoldersOwnAccountIsClear(_ name: String, _ bio: String) {
        let a = assess("someone", name, bio: bio)
        #expect(a.verdict == .clear, "\(name): \(a.reasons.map(\.detail))")
        #expect(a.reasons.contains { $0.signal == .formerHolder }, "\(name): \(a.reasons.map(\.detail))")
    }

    /// Said to be held before, but still asking residents for something; or held now: the office's copy.
    @Test(arguments: [
        ("Mayor of Chorley", "Former Mayor of Chorley. DM me to claim your council tax refund."),
        ("Mayor of Chorley", "Official account of the Mayor of Chorley, who served as deputy before."),
    ])
    func anOfficeClaimedNowOrWithAnAskIsStillSuspect(_ name: String, _ bio: String) {
        let a = assess("chorleymayor", name, bio: bio)
        #expect(a.verdict == .suspect && a.identity == "chorley", "\(name): \(a.reasons.map(\.detail))")
        #expect(!a.reasons.contains { $0.signal == .formerHolder })
    }

    /// "chorleypcso" is the police and "eppingpcn" the surgeries, not the council's "PC" with letters on;
    /// "chorleypcnews" is still "PC" and "news".
    @Test(arguments: [("chorleypcso", "Chorley PCSO"), ("chorleypcsos", "Chorley Town Centre PCSOs"),
                      ("chorleypcn", "Chorley PCN"), ("aberaeroncctv", "Aberaeron CCTV")])
    func anOrganisationsInitialsAreNotTheCouncils(_ handle: String, _ name: String) {
        let a = assess(handle, name, bio: "Not monitored 24/7.")
        #expect(a.verdict == .clear, "\(handle): \(a.reasons.map(\.detail))")
        #expect(!a.reasons.contains { $0.signal == .handle }, "\(handle): \(a.reasons.map(\.detail))")
    }

    @Test func theCouncilsAbbreviationBeforeAKnownWordStillCounts() {
        let a = assess("chorleypcnews", "Chorley news")
        #expect(a.reasons.contains { $0.signal == .handle }, "\(a.reasons.map(\.detail))")
    }
}

/// A council written by the initials of its own name: "WTC Whitchurch", "CTP Porthaethwy", "CCC_Chichester".
@Suite struct NameInitialsTests {
    static let whitchurch = Identity(id: "whitchurch", name: "Whitchurch Town Council", kind: "town council",
                                     place: "Whitchurch", area: "Shropshire")
    static let porthaethwy = Identity(id: "porthaethwy", name: "Cyngor Tref Porthaethwy", kind: "town council",
                                      place: "Porthaethwy", area: "Isle of Anglesey", aliases: ["Menai Bridge Town Council"],
                                      languages: ["cy", "en"])
    static let chichester = Identity(id: "chichester", name: "Chichester City Council", kind: "city council",
                                     place: "Chichester", area: "West Sussex")
    let scorer = try! Scorer(identities: [whitchurch, porthaethwy, chichester])

    func assess(_ handle: String, _ name: String) -> Assessment {
        scorer.assess(Profile(platform: .instagram, id: handle, handle: handle, displayName: name,
                              bio: "Official updates. Council tax refund – claim here"))
    }

    @Test(arguments: [("wtcwhitchurch", "WTC – Whitchurch", "whitchurch"), ("ctp_porthaethwy", "CTP Porthaethwy", "porthaethwy"),
                      ("CCC_Chichester", "CCC Chichester", "chichester"), ("officialwtcwhitchurch", "Whitchurch WTC", "whitchurch")])
    func theInitialsOfTheCouncilsNameBesideItsPlaceNameIt(_ handle: String, _ name: String, _ council: String) {
        let a = assess(handle, name)
        #expect(a.verdict == .suspect && a.identity == council, "\(name): \(a.reasons.map(\.detail))")
        #expect(a.reasons.contains { $0.signal == .name }, "\(name): \(a.reasons.map(\.detail))")
    }

    /// Other initials beside the place, or the council's away from it, name no council.
    @Test(arguments: [("abcwhitchurch", "ABC Whitchurch"), ("wtc_wem", "WTC Wem"), ("whitchurchwtf", "Whitchurch WTF")])
    func otherInitialsOrNoPlaceNameNoCouncil(_ handle: String, _ name: String) {
        let a = assess(handle, name)
        #expect(!a.reasons.contains { $0.signal == .name }, "\(name): \(a.reasons.map(\.detail))")
    }
}

/// The years of a term after an office: one that has ended is a former holder's.
@Suite struct TermTests {
    @Test(arguments: [(["2018", "2020"], 2026, true), (["2019", "20"], 2026, true), (["2024"], 2026, true),
                      (["2025", "26"], 2026, false), (["2025"], 2026, false), (["2026", "2027"], 2026, false),
                      (["1066"], 2026, false), (["2018", "99"], 2026, true), (["news"], 2026, false)])
    func termsEndBeforeTheYear(_ keys: [String], _ year: Int, _ ended: Bool) {
        #expect(Term.ended(keysFrom: 0, in: keys, before: year) == ended, "\(keys)")
    }

    static let battle = Identity(id: "battle", name: "Battle Town Council", kind: "town council", place: "Battle",
                                 area: "East Sussex", people: [Person(name: "Cllr Kevin Fairbrass", role: "Mayor")])
    let scorer = try! Scorer(identities: [battle])

    @Test func aPastMayorsBioClaimsNoOfficeButThisYearsDoes() {
        let past = scorer.assess(Profile(platform: .facebook, id: "p", handle: "jenny.hollis.battle", displayName: "Jenny Hollis",
                                         bio: "Mayor of Battle 2018–2020. Now volunteering at the Memorial Hall."))
        #expect(past.verdict == .clear && !past.reasons.contains { $0.signal == .bioOffice }, "\(past.reasons.map(\.detail))")
        let now = "\(Term.thisYear)-\((Term.thisYear + 1) % 100)"
        let current = scorer.assess(Profile(platform: .facebook, id: "c", handle: "jenny.hollis.battle", displayName: "Jenny Hollis",
                                            bio: "Mayor of Battle \(now). Message me about the Mayor's charity."))
        #expect(current.reasons.contains { $0.signal == .bioOffice }, "\(current.reasons.map(\.detail))")
    }
}

