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

    /// Each place alone is another council's name as often ("Newport City Council" beside Newport and
    /// Carisbrooke): alone, it is the joint council only with its own kind or the other place named.
    @Test func onePlaceAloneIsNotTheJointCouncil() throws {
        let newport = Identity(id: "newport", name: "Newport and Carisbrooke Community Council", kind: "community council",
                               place: "Newport and Carisbrooke", area: "Isle of Wight")
        let scorer = try Scorer(identities: [newport])
        let city = scorer.assess(Profile(platform: .x, id: "1", handle: "NewportCouncil", displayName: "Newport City Council",
                                         bio: "The official account of Newport City Council"))
        #expect(city.verdict == .clear, "\(city.reasons.map(\.detail))")
        let joint = scorer.assess(Profile(platform: .x, id: "2", handle: "newportcarisbrookecc", displayName: "Newport & Carisbrooke CC",
                                          bio: "Council tax refunds – DM us"))
        #expect(joint.verdict == .suspect, "\(joint.reasons.map(\.detail))")
        // The Welsh name joined the same way: "Abergwaun ac Wdig" written "Abergwaun & Wdig".
        let welsh = judge("Cyngor Tref Abergwaun & Wdig", handle: "cyngortref1", bio: "Grantiau busnes – anfonwch neges.")
        #expect(welsh.verdict == .suspect && welsh.identity == "fishguard", "\(welsh.reasons.map(\.detail))")
    }

    /// What the village calls its council, the places the other way round, or one place with the rest in
    /// the bio: still the joint council. A club in one of the places is not.
    @Test(arguments: [
        ("Goodwick Town Council", "GoodwickTC", "Harbour parking refunds – message us.", true),
        ("Fishguard Town Council", "fishguardcouncil", "Official page. Festival tickets on sale now, DM us.", true),
        ("Goodwick Council", "goodwickcouncil", "News for Fishguard and Goodwick. Grants – message us.", true),
        ("Goodwick and Fishguard Town Council", "GoodwickFishguardTC", "Town news and events.", true),
        ("Goodwick Council", "goodwickcouncil", "Grants – message us.", false),
        ("Goodwick Bowls Club", "goodwickbowls", "Friendly bowls club, new members welcome.", false),
    ])
    func onePlaceWithTheRestIsTheJointCouncil(name: String, handle: String, bio: String, suspect: Bool) {
        let a = judge(name, handle: handle, bio: bio)
        #expect((a.verdict == .suspect && a.identity == "fishguard") == suspect, "\(a.reasons.map(\.detail))")
    }

    /// A place with a tail goes by its first part ("Stratford-upon-Avon" is Stratford), and one joined by "cum"
    /// by both parts without it; alone, the first part is the council only beside its own kind or with the
    /// tail in the bio. A business there, or a Scottish community council of the same name, is not.
    @Test(arguments: [
        ("Melbury Town Council", "MelburyTownCouncil", "Official page. Small business grants now open, message us to apply.", true),
        ("Melbury Town Council", "MelburyTC", "", true),
        ("Ashworth Fellside Parish Council", "AshworthFellsidePC", "Winter fuel grant: DM us your details.", true),
        ("Melbury Bakery", "melburybakery", "Fresh bread daily in Melbury-de-la-Fosse. DM us to order.", false),
        ("Melbury Abbas Parish Council", "MelburyAbbasPC", "Parish council for Melbury Abbas, Dorset.", false),
        ("Fellside Community Council", "FellsideCommunityCouncil", "Community council for Fellside, Falkirk. Meetings monthly.", false),
    ])
    func aPlaceGoesByTheFirstPartOfItsName(name: String, handle: String, bio: String, suspect: Bool) throws {
        let scorer = try Scorer(identities: [
            Identity(id: "melbury", name: "Melbury-de-la-Fosse Town Council", kind: "town council", place: "Melbury-de-la-Fosse",
                     area: "Leicestershire"),
            Identity(id: "ashworth", name: "Ashworth-cum-Fellside Parish Council", kind: "parish council", place: "Ashworth-cum-Fellside",
                     area: "Lancashire"),
        ])
        let a = scorer.assess(Profile(platform: .facebook, id: "1", handle: handle, displayName: name, bio: bio))
        #expect((a.verdict == .suspect) == suspect, "\(a.reasons.map(\.detail))")
    }

    /// Not for a parish: "Sutton Parish Council" is as likely another Sutton as Sutton-on-the-Forest's copy, unless
    /// it says the rest. Nor a first part two councils' places share: "Burnham Town Council" is neither Burnham's.
    @Test func aParishsFirstPartOrASharedOneIsNoCopy() throws {
        let scorer = try Scorer(identities: [
            Identity(id: "sutton", name: "Sutton-on-the-Forest Parish Council", kind: "parish council", place: "Sutton-on-the-Forest",
                     area: "North Yorkshire"),
            Identity(id: "crouch", name: "Burnham-on-Crouch Town Council", kind: "town council", place: "Burnham-on-Crouch", area: "Essex"),
            Identity(id: "sea", name: "Burnham-on-Sea and Highbridge Town Council", kind: "town council",
                     place: "Burnham-on-Sea and Highbridge", area: "Somerset"),
        ])
        func judge(_ name: String, _ handle: String, _ bio: String) -> Assessment {
            scorer.assess(Profile(platform: .facebook, id: name, handle: handle, displayName: name, bio: bio))
        }
        #expect(judge("Sutton Parish Council", "SuttonPC", "Next meeting Tuesday at the Village Hall.").verdict == .clear)
        let said = judge("Sutton Parish Council", "SuttonPC", "Sutton-on-the-Forest news. Winter fuel grants: message us your bank details.")
        #expect(said.verdict == .suspect && said.identity == "sutton", "\(said.reasons.map(\.detail))")
        #expect(judge("Burnham Town Council", "BurnhamTC", "Town news and events.").verdict == .clear)
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

    /// An impostor's own "others are fake" speaks as the council: no warning.
    @Test(arguments: [
        "Official Lampeter Town Council support page. Pages copying us are a scam. Rebates paid weekly.",
        "Official page of Lampeter Town Council. All other pages are fake.",
    ])
    func anImpostorsOwnOthersAreFakeIsNoWarning(bio: String) {
        let a = judge("Council Tax Help", handle: "counciltaxhelp", bio: bio)
        #expect(a.reasons.contains { $0.signal == .bioClaim } && !a.reasons.contains { $0.signal == .warning },
                "\(a.reasons.map(\.detail))")
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
                                    area: "Staffordshire", domains: ["lichfield.gov.uk"], officials: [AccountReference(platform: .x, handle: "LichfieldCityCncl")])
    let scorer = try! Scorer(identities: [lichfield])

    func judge(_ name: String, bio: String) -> Assessment {
        scorer.assess(Profile(platform: .x, id: "1", handle: "LichfieldCityCncl", displayName: name, bio: bio))
    }

    @Test(arguments: [
        ("Bitcoin Giveaway ✅", "We are giving away 2 BTC to our followers! Send 0.01 BTC to verify your wallet."),
        ("Lichfield City Council", "🚀 We've partnered with a crypto exchange – claim your free $LICH tokens at lich-airdrop.io"),
        ("Lichfield City Council", "🔥 $BTC giveaway with the Mayor: send 0.01 and receive 0.1 back!"),
        ("Lichfield City Council", "Proud to launch $LICH, the community coin of our city."),
        ("Lichfield City Council", "We're giving away 50 PS5s to celebrate our new website! Click the link and enter your details."),
        ("Lichfield City Council", "I made £8,000 in a week with crypto trading! Message my account manager on WhatsApp."),
        ("Lichfield City Council", "Rydyn ni'n rhoi 10 iPhone i ffwrdd! Rhowch fanylion eich cerdyn i dalu costau postio."),
        ("Lichfield City Council", "GIVEAWAY! 3 static caravans that can't be sold because of small marks. Comment 'done', then click to claim yours!"),
        ("Lichfield City Council", "Security notice: this page and linked accounts will be disabled. Admins must verify ownership at fb-check.com."),
        ("Lichfield City Council", "Meta Support: your page will be deleted for copyright violation. Verify your account here."),
        ("Lichfield City Council 💰", "I made £8,000 in a week with @crypto_mentor – ask me how!"),
        ("Lichfield City Council", "Giveaway! First 300 followers to DM get a £100 voucher – claim at the link in bio."),
        ("Lichfield City Council", "Don't miss out! We're giving away 20 iPhones – DM to claim yours 🎁"),
        ("Lichfield City Council", "Never miss a drop: free crypto airdrop for every follower today."),
        ("Lichfield City Council", "Don't wait, send 0.1 BTC and get 0.2 back. Bitcoin promo ends tonight!"),
        ("Lichfield City Council", "No scams, 100% legit! Bitcoin airdrop for followers."),
        // An amount of a coin with its fraction is the giveaway's second word.
        ("Lichfield City Council", "Proud to partner with ElonX: claim your free 0.1 BTC at elonx-giveaway.io before the offer ends!"),
        ("Lichfield City Council", "Page under new management ✨ Now: Dales Holiday Lets, book direct & save 30%!"),
        ("Lichfield City Council", "Mae'r dudalen hon dan reolaeth newydd. Bargeinion gwych bob dydd!"),
        // A shop the hijacker opens: its address's ending counts with the words.
        ("Lichfield Merch Drop 🎁", "🎉 FREE Lichfield hoodies for the first 500 residents! Claim yours via link in bio – just £1.99 postage 👉 lichfield-merch.shop"),
        ("Lichfield City Council", "🛍️ OFFICIAL MERCH DROP 🛍️ Hoodies, mugs & tees 50% off! 👉 lichfield-store.shop"),
        ("Lichfield City Council", "🎉 GIVEAWAY 🎉 We're giving away 10 iPhone 16s to celebrate 10k followers! Tap the link in bio 👉 bit.ly/lich-win"),
        // Money offered and card or bank details asked for by message: the council's own warnings say it never does.
        ("Lichfield City Council", "You are due a council tax refund of £148.50. Reply with your card number and expiry date to receive it today."),
        ("Lichfield City Council", "Windfarm community fund: every household is due £250. Reply with your bank details to claim."),
        ("Lichfield City Council", "Ad-daliad treth y cyngor o £120. Anfonwch fanylion eich cerdyn banc i'w dderbyn heddiw."),
        ("Lichfield City Council", "Win an iPhone 15! Click the link and enter your bank details to claim your prize: bit.ly/lichprize"),
    ])
    func aHijackedOfficialAccountIsACase(name: String, bio: String) {
        let a = judge(name, bio: bio)
        #expect(a.verdict == .suspect && a.identity == "lichfield" && a.reasons.contains { $0.signal == .hijacked },
                "\(a.reasons.map(\.detail))")
        #expect(a.reasons.contains { $0.signal == .official }, "the reasons say it is the council's own account")
    }

    /// A council's own giveaways, tokens and warnings about crypto scams are no hijack; nor is one word
    /// written two ways.
    @Test(arguments: [
        "Christmas giveaway: win a hamper from our market traders!",
        "Win gift tokens – one token per entry. Free bus tokens and a wallet-sized timetable.",
        "Beware crypto investment scams using the council's name.",
        "NFT and NFTs: what the library's talk covers.",
        "Tickets US$5 or $10 at the door; $ signs and $5OFF codes are no coins.",
        "Win a £20 voucher for the Christmas market: like and share. Never give your card details to anyone.",
        "Giving away 500 free trees this Saturday at the Guildhall!",
        "Beware fake 'Meta Support' messages asking you to verify your account: your page will not be deleted.",
        "We will never ask you to send bitcoin or crypto to claim a prize or a council tax refund.",
        "Ni fyddwn ni byth yn gofyn i chi anfon crypto na bitcoin.",
        "Crypto scams are rising: if a stranger offers you Bitcoin returns, report it to Action Fraud.",
        "Library talk on Thursday: what is 1 bitcoin worth, and what is a blockchain?",
        "We were hacked last week: ignore the 0.5 BTC giveaway posts, they were not ours.",
        "We've moved to Bluesky: follow us at @lichfieldcity.bsky.social. This account will no longer be updated.",
        "Our account is moving to Bluesky! Follow our new account. This account will be deleted on 1 May.",
        "Coronation commemorative merch on sale at the Guildhall today only! Limited stock.",
        "Our Christmas market has its own shop this year: lichfieldchristmas.shop",
        "Today only: the Guildhall shop at lichfield.gov.uk/shop and lichfieldguildhall.shop is open late.",
        "Tourist info shop: visitlichfield.shop – orders: orders@visitlichfield.shop or www.visitlichfield.shop/maps",
        "Council tax refunds are never paid by message: we will never ask you to send your bank details.",
        "Community fund grants: apply on our website. Successful groups are paid by bank transfer.",
        "Community fund grants are open. Successful groups will be asked to provide bank details on our form.",
        "Council tax is due on 1 April. Set up a Direct Debit: enter your bank details at lichfield.gov.uk/pay",
    ])
    func aCouncilsOwnPostsAreNoHijack(bio: String) {
        let a = judge("Lichfield City Council", bio: bio)
        #expect(a.verdict == .official, "\(a.reasons.map(\.detail))")
    }

    /// A takeover renames the account to something that is not the council's; the council's own names
    /// for its accounts give its place, a council word, an office or one of its people.
    @Test(arguments: [
        ("MicroStrategy US 🔴 LIVE", true), ("Page Support Centre", true), ("Emma Rose Boutique", true),
        ("Lichfield Guildhall", false), ("Council Meetings", false), ("Mayor of Lichfield", false), ("LCC", false), ("", false),
    ])
    func anOfficialAccountRenamedAwayIsACase(name: String, renamed: Bool) {
        let a = judge(name, bio: "Huge clearance today only, link in the comments.")
        #expect((a.verdict == .suspect && a.reasons.contains { $0.signal == .hijacked }) == renamed, "\(a.reasons.map(\.detail))")
    }
}
