import ImpostorCore
import Testing
@testable import ImpostorScoring

/// What a twelfth round of probes found: a council of two places, the styles a parish council may take,
/// warnings that say "is FAKE" after the name or quote the council's full name, and places that only
/// start like the council's.
@Suite struct JointPlaceTests {
    static let fishguard = Identity(id: "fishguard", name: "Fishguard and Goodwick Town Council", kind: "town council",
                                    place: "Fishguard and Goodwick", area: "Pembrokeshire",
                                    aliases: ["Cyngor Tref Abergwaun ac Wdig", "Fishguard Town Council"], languages: ["cy", "en"])
    static let lampeter = Identity(id: "lampeter", name: "Lampeter Town Council", kind: "town council", place: "Lampeter",
                                   area: "Ceredigion", aliases: ["Cyngor Tref Llanbedr Pont Steffan", "Cyngor Tref Llanbed"],
                                   languages: ["cy", "en"])
    static let hartest = Identity(id: "hartest", name: "Hartest Parish Council", kind: "parish council", place: "Hartest",
                                  area: "Suffolk")
    static let street = Identity(id: "street", name: "Street Parish Council", kind: "parish council", place: "Street",
                                 area: "Somerset")
    let scorer = try! Scorer(identities: [fishguard, lampeter, hartest, street])

    func judge(_ name: String, handle: String = "page12345", bio: String = "") -> Assessment {
        scorer.assess(Profile(platform: .facebook, id: name, handle: handle, displayName: name, bio: bio))
    }

    /// Each place of the two alone, in either language, is the joint council's.
    @Test(arguments: [
        ("Goodwick Town Council", "goodwick_town_council", "Free parking permits for residents, DM us to claim yours."),
        ("Cyngor Tref Abergwaun", "cyngortrefabergwaun", "Cystadleuaeth – anfonwch neges i ennill taleb £200."),
        ("Cyngor Tref Wdig", "CyngorTrefWdig", "Grantiau busnes – anfonwch neges."),
    ])
    func eachPlaceAloneIsTheJointCouncil(name: String, handle: String, bio: String) {
        let a = judge(name, handle: handle, bio: bio)
        #expect(a.verdict == .suspect && a.identity == "fishguard", "\(a.reasons.map(\.detail))")
    }

    @Test func bothPlacesWithAnAmpersandAreTheCouncil() {
        let a = judge("Fishguard & Goodwick Town Council", handle: "fishguardgoodwicktc1", bio: "Council tax refunds – DM us")
        #expect(a.verdict == .suspect && a.identity == "fishguard", "\(a.reasons.map(\.detail))")
    }

    /// A parish council may call itself a village, community or neighbourhood council: the same council.
    @Test func aVillageCouncilIsTheParishCouncilsOtherStyle() {
        let a = judge("Hartest Village Council", handle: "HartestVillageCouncil", bio: "Bin days have changed, see below.")
        #expect(a.verdict == .suspect && !a.reasons.contains { $0.signal == .otherKind }, "\(a.reasons.map(\.detail))")
    }

    /// Warnings that say what the copy is after quoting its name, or quote the council's full name in
    /// Welsh before pointing to the real page.
    @Test(arguments: [
        ("Fishguard & Goodwick Noticeboard", "FishguardNoticeboard",
         "PSA: the 'Fishguard & Goodwick Town Council' page asking for bank details is FAKE. The real one is FishguardGoodwickTC."),
        ("Llanbed Cymuned", "LlanbedCymuned",
         "Rhybudd: mae tudalen ffug 'Cyngor Tref Llanbedr Pont Steffan' yn gofyn am fanylion banc. Y dudalen go iawn yw CyngorTrefLlanbed."),
        ("Bob Smith", "bobsmith", "Warning: fake 'Cyngor Tref Llanbedr' page. The real page is CyngorTrefLlanbed."),
    ])
    func warningsThatQuoteTheNameAreNoClaim(name: String, handle: String, bio: String) {
        let a = judge(name, handle: handle, bio: bio)
        #expect(a.verdict == .clear && !a.reasons.contains { $0.signal == .bioClaim }, "\(a.reasons.map(\.detail))")
    }

    /// The same words with nothing that warns still speak as the council.
    @Test func theRealPageWithoutAWarningIsAClaim() {
        let a = judge("Bob Smith", handle: "bobsmith", bio: "Y dudalen go iawn yw CyngorTrefLlanbed. Anfonwch neges am grantiau.")
        #expect(a.reasons.contains { $0.signal == .bioClaim }, "\(a.reasons.map(\.detail))")
    }

    /// "streatleypc" is Streatley's handle, not Street's with a typo and "ley" glued on; "PCYDDS" is a
    /// university's initials, not "PC".
    @Test func placesThatOnlyStartLikeTheCouncilsAreNotIt() {
        let streatley = judge("Streatley Parish Council", handle: "StreatleyPC", bio: "Streatley, West Berkshire.")
        #expect(streatley.verdict == .clear, "\(streatley.reasons.map(\.detail))")
        let university = judge("UWTSD Lampeter / PCYDDS Llambed", handle: "uwtsd_lampeter", bio: "Campws Llanbedr Pont Steffan")
        #expect(university.verdict == .clear && !university.reasons.contains { $0.signal == .name }, "\(university.reasons.map(\.detail))")
        // A slip of one letter after the abbreviation is still the abbreviation.
        let slip = judge("Hartest PCC", handle: "resident4821", bio: "Grants for residents – DM us to apply")
        #expect(slip.verdict == .suspect, "\(slip.reasons.map(\.detail))")
    }
}

/// The council's own account taken over: listed under `[[official]]`, it posts what a hijacker posts.
@Suite struct HijackTests {
    static let lichfield = Identity(id: "lichfield", name: "Lichfield City Council", kind: "city council", place: "Lichfield",
                                    area: "Staffordshire", officials: [AccountReference(platform: .x, handle: "LichfieldCityCncl")])
    let scorer = try! Scorer(identities: [lichfield])

    func judge(_ name: String, bio: String) -> Assessment {
        scorer.assess(Profile(platform: .x, id: "1", handle: "LichfieldCityCncl", displayName: name, bio: bio))
    }

    @Test(arguments: [
        ("Bitcoin Giveaway ✅", "We are giving away 2 BTC to our followers! Send 0.01 BTC to verify your wallet."),
        ("Lichfield City Council", "🚀 We've partnered with a crypto exchange – claim your free $LICH tokens now"),
    ])
    func aHijackedOfficialAccountIsACase(name: String, bio: String) {
        let a = judge(name, bio: bio)
        #expect(a.verdict == .suspect && a.identity == "lichfield" && a.reasons.contains { $0.signal == .hijacked },
                "\(a.reasons.map(\.detail))")
        #expect(a.reasons.contains { $0.signal == .official }, "the reasons say it is the council's own account")
    }

    /// One such word is a council's own raffle or giveaway as often.
    @Test func oneWordIsNoHijack() {
        let a = judge("Lichfield City Council", bio: "Christmas giveaway: win a hamper from our market traders!")
        #expect(a.verdict == .official, "\(a.reasons.map(\.detail))")
    }
}
