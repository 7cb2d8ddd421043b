import ImpostorCore
import Testing
@testable import ImpostorScoring

/// Accounts modelled on impersonations of councils reported in the news, and on what resembles them.
@Suite struct IncidentTests {
    static let kingsford = Identity(
        id: "kingsford", name: "Kingsford St Mary Parish Council", kind: "parish council", place: "Kingsford St Mary",
        area: "Devon", people: [Person(name: "Cllr Bernard Oyelaran", role: "Chair")])
    static let hallowbridge = Identity(
        id: "hallowbridge", name: "Hallowbridge Town Council", kind: "town council", place: "Hallowbridge",
        area: "Staffordshire", people: [Person(name: "Cllr Angela Pryor", role: "Mayor"), Person(name: "Deborah Kaye", role: "Town Clerk")])
    static let stenning = Identity(
        id: "stenning", name: "Stenning Parish Council", kind: "parish council", place: "Stenning", area: "Lincolnshire")
    static let wendlow = Identity(
        id: "wendlow", name: "Great Wendlow-upon-Lyde Parish Council", kind: "parish council", place: "Great Wendlow-upon-Lyde",
        area: "Worcestershire", aliases: ["Great Wendlow Parish Council"])
    let scorer = try! Scorer(identities: [kingsford, hallowbridge, stenning, wendlow])

    func judge(_ name: String, handle: String = "page12345", bio: String = "", platform: Platform = .facebook) -> Assessment {
        scorer.assess(Profile(platform: platform, id: name, handle: handle, displayName: name, bio: bio))
    }

    /// A cancelled-fete refund page under the village's name with "Saint" written out.
    @Test func saintWrittenOutIsTheSamePlace() {
        let a = judge("Kingsford Saint Mary Parish Council", bio: "The fete is cancelled. Message us for a refund.")
        #expect(a.verdict == .suspect && a.identity == "kingsford", "\(a.reasons.map(\.detail))")
    }

    /// The short form of a place an alias gives, with "Great" written "Gt" as locally it mostly is.
    @Test func anAliasPlaceIsReadWithItsShortWordsToo() {
        let a = judge("Gt Wendlow Parish Council", bio: "Hall bookings: £20 deposit by bank transfer, message us for details.")
        #expect(a.verdict == .suspect && a.identity == "wendlow", "\(a.reasons.map(\.detail))")
    }

    /// "Pay the Clerk directly": money for the council asked into the Clerk's own account. "Personal account"
    /// there is a bank account, not a page that speaks for itself.
    @Test func depositsToTheClerksPersonalAccountAreAScam() {
        let a = judge("Deborah Kaye", handle: "deborah.kaye.77",
                      bio: "Town Clerk. Hall hire deposits are now payable straight to my personal account, message me for details.")
        #expect(a.verdict == .suspect && a.reasons.contains { $0.signal == .personScam }, "\(a.reasons.map(\.detail))")
        #expect(!a.reasons.contains { $0.signal == .personal })
        for bio in ["Town Clerk of Hallowbridge. This is my personal account.",
                    "Town Clerk of Hallowbridge. From May I'll be posting to my personal account instead."] {
            let own = judge("Deborah Kaye", handle: "deborah.kaye.77", bio: bio)
            #expect(own.verdict == .clear && !own.reasons.contains { $0.signal == .personScam }, "\(own.reasons.map(\.detail))")
        }
    }

    /// The Stafford case: a stranger claims the Mayor's office with the real Mayor's "views are my own".
    @Test func anotherHoldersOfficeWithViewsMyOwnIsStillAClaim() {
        let a = judge("James Whitcombe", bio: "I'm James Whitcombe, the current Mayor of Hallowbridge. Views are my own.")
        #expect(a.verdict == .suspect, "\(a.reasons.map(\.detail))")
        #expect(!a.reasons.contains { $0.signal == .personal })
    }

    /// Payment fraud in the Clerk's name from a free mail address, as the Cotswold and Cornwall warnings describe.
    @Test(arguments: ["Urgent payment today: please transfer £18,400, sort code and account below.",
                      "Are you around? I need you to handle a task for me discreetly.",
                      "Please change the bank details we hold for our supplier."])
    func paymentFraudInTheClerksNameIsAScam(_ text: String) {
        let a = judge("Deborah Kaye", handle: "townclerk.hallowbridge@outlook.com", bio: text, platform: .email)
        #expect(a.verdict == .suspect && a.reasons.contains { $0.signal == .mailScam }, "\(a.reasons.map(\.detail))")
    }

    /// A neighbouring village named with a qualifier after the place, and the news reporting a fake page.
    @Test(arguments: [("Stenning Parva Parish Council", ""), ("Stenning Magna Parish Council", ""),
                      ("Devon Live", "Kingsford St Mary Parish Council warns of fake fete refund page.")])
    func aNeighbourAndTheNewsAreNotTheCouncil(_ name: String, _ bio: String) {
        let a = judge(name, bio: bio)
        #expect(a.verdict == .clear, "\(name): \(a.reasons.map(\.detail))")
    }

    /// A local paper named "<place> Leader", and a page for the Mayor's parade or ball: the office names
    /// something of its own, and no one claims to hold it.
    @Test(arguments: [("Hallowbridge Leader", "HallowbridgeLeader"), ("Hallowbridge Mayor's Parade", "hallowbridgemayorsparade"),
                      ("Hallowbridge Mayor's Charity Ball", "mayorsballhallowbridge")])
    func anOfficeThatNamesSomethingElseIsNoClaim(_ name: String, _ handle: String) {
        let a = judge(name, handle: handle, bio: "Tickets, news and photos.")
        #expect(a.verdict == .clear, "\(name): \(a.reasons.map(\.detail))")
    }

    /// The office itself, before or after the place, in the name or only in the handle, is still claimed.
    @Test(arguments: [("Hallowbridge Mayor", "page12345"), ("Hallowbridge Town Clerk", "page12345"),
                      ("Town News", "hallowbridgetownmayor"), ("Town News", "mayorofhallowbridge"), ("Town News", "hallowbridgemayor2")])
    func theOfficeItselfIsStillClaimed(_ name: String, _ handle: String) {
        let a = judge(name, handle: handle)
        #expect(a.verdict == .suspect, "\(name) @\(handle): \(a.reasons.map(\.detail))")
    }

    static let caernarfon = Identity(
        id: "caernarfon", name: "Caernarfon Royal Town Council", kind: "town council", place: "Caernarfon", area: "Gwynedd",
        aliases: ["Cyngor Tref Brenhinol Caernarfon"], people: [Person(name: "Cllr Gwen Morris", role: "Mayor")])

    /// "Royal" is a qualifier that makes another place ("Royal Wootton Bassett"), unless it is in the
    /// council's own name: then it is the council's name, refund scam and all.
    @Test(arguments: ["Caernarfon Royal Town Counci1", "Caernarfon Royal TC"])
    func aQualifierInTheCouncilsOwnNameIsItsName(_ name: String) throws {
        let scorer = try Scorer(identities: [Self.caernarfon])
        let a = scorer.assess(Profile(platform: .facebook, id: "1", handle: "page12345", displayName: name,
                                      bio: "Official page. Message us about refunds for the cancelled lights switch-on."))
        #expect(a.verdict == .suspect && a.identity == "caernarfon", "\(name): \(a.reasons.map(\.detail))")
    }

    /// The Mayor's or the Clerk's own page, which says it is personal in words of its own.
    @Test(arguments: [("Angela Pryor", "Mayor of Hallowbridge and town councillor. My personal page."),
                      ("Deborah Kaye", "Town Clerk, Hallowbridge Town Council. Personal profile.")])
    func aPersonalPageOfTheCouncilsPeopleIsTheirOwn(_ name: String, _ bio: String) {
        let a = judge(name, bio: bio)
        #expect(a.verdict == .clear, "\(name): \(a.reasons.map(\.detail))")
    }

    /// A town of the same name abroad: its own council's page names its state.
    @Test(arguments: ["City of Hallowbridge, Illinois.", "Hallowbridge, Vermont, USA"])
    func aNamesakeAbroadIsAnotherArea(_ bio: String) {
        let a = judge("Hallowbridge City Council", handle: "hallowbridgecityil", bio: bio)
        #expect(a.verdict == .clear && a.reasons.contains { $0.signal == .otherArea }, "\(bio): \(a.reasons.map(\.detail))")
    }

    /// A handle that is the place and the Clerk's office, however short its key ("derk"), claims the
    /// office; a first name glued to the place ("Derek") does not.
    @Test(arguments: [("Town Clerk", "townclerkhallowbridge"), ("D Kaye", "hallowbridgeclerk"), ("Clerk", "clerktohallowbridge")])
    func aHandleOfThePlaceAndTheClerkClaimsTheOffice(_ name: String, _ handle: String) {
        let a = judge(name, handle: handle, platform: .x)
        #expect(a.verdict == .suspect && a.identity == "hallowbridge", "\(handle): \(a.reasons.map(\.detail))")
        #expect(judge("Derek Smith", handle: "hallowbridgederek", bio: "Plumber in Hallowbridge", platform: .x).verdict == .clear)
    }

    /// The Mayor's name with its first name cut to an initial ("A. Pryor – Mayor") is still the Mayor's.
    @Test(arguments: ["A. Pryor – Mayor", "A Pryor, Mayor"])
    func anInitialAndTheSurnameNameThePerson(_ name: String) {
        let a = judge(name, bio: "Hallowbridge")
        #expect(a.verdict == .suspect && a.target == .person, "\(name): \(a.reasons.map(\.detail))")
        #expect(judge("P. Pryor", bio: "Plumber, Hallowbridge").verdict == .clear)
    }

    /// What a review of the areas, the initials and the advice reading found: a city's name is still
    /// another place's ("Milton Keynes" for Milton), a building named after a city is no area, an initial
    /// is the person's name but not the holder speaking, and a place called "Bro …" is no advice.
    @Test func theReviewsCasesReadAsAClerkWould() throws {
        let milton = Identity(id: "milton", name: "Milton Parish Council", kind: "parish council", place: "Milton", area: "Cambridgeshire")
        let oak = Identity(id: "oak", name: "Oakbridge Town Council", kind: "town council", place: "Oakbridge", area: "Wiltshire",
                           people: [Person(name: "Cllr Priya Sharma", role: "Mayor")])
        let bro = Identity(id: "bro", name: "Cyngor Cymuned Bro Garmon", kind: "community council", place: "Bro Garmon", area: "Conwy")
        let scorer = try Scorer(identities: [milton, oak, bro])
        func judge(_ name: String, _ handle: String, _ bio: String) -> Assessment {
            scorer.assess(Profile(platform: .x, id: name, handle: handle, displayName: name, bio: bio))
        }
        #expect(judge("Milton Keynes Council", "mkcouncil", "The official page of Milton Keynes Council").verdict == .clear)
        let copied = judge("Oakbridge Town Council", "oakbridge_council", "Oakbridge Town Council, Windsor House, Market Place. The official page of the council.")
        #expect(copied.verdict == .suspect && !copied.reasons.contains { $0.signal == .otherArea }, "\(copied.reasons.map(\.detail))")
        let initial = judge("P Sharma", "psharma_cllr", "Mayor of Oakbridge. Views my own. DM me")
        #expect(initial.verdict == .suspect && initial.reasons.contains { $0.detail.contains("held by Cllr Priya Sharma") },
                "\(initial.reasons.map(\.detail))")
        let garmon = judge("Cyngor Bro Garmon", "brogarmon1", "")
        #expect(garmon.verdict == .suspect && garmon.identity == "bro", "\(garmon.reasons.map(\.detail))")
    }

    /// Genuine accounts from an English red-team round: a namesake of another kind whose handle says so
    /// too, a Youth Mayor, the Mayor's charity ball, the Clerk's working page, a venue the council owns,
    /// and a namesake elsewhere that asks its own residents for fees.
    @Test(arguments: [
        ("Hallowbridge City Council", "HallowbridgeCityCouncilNY", "News from the city."),
        ("Hallowbridge Youth Mayor", "hallowbridgeyouthmayor", "Representing young people in Hallowbridge."),
        ("Mayor of Hallowbridge's Charity Ball", "hallowbridgeball", "Tickets on sale now. Message us to book a table."),
        ("Deborah Kaye", "dkaye_clerk", "Town Clerk at Hallowbridge Town Council. Parish administration, finance and governance."),
        ("Hallowbridge Priory", "hallowbridgepriory", "Historic house and gardens, owned by Hallowbridge Town Council. Book your visit."),
        ("Hallowbridge Town Council", "hallowbridgetcshrops", "Hallowbridge Town Council, Shropshire. Community grants open: apply via the link."),
    ])
    func genuineAccountsFromTheEnglishRoundStayClear(_ name: String, _ handle: String, _ bio: String) {
        let a = judge(name, handle: handle, bio: bio)
        #expect(a.verdict == .clear, "\(name): \(a.reasons.map(\.detail))")
    }

    /// A short place inside a handle's word belongs to that word: "softwarepc" is no Ware Parish Council,
    /// while "officialwaretc" and "waretc" are Ware's.
    @Test func aShortPlaceInsideAHandlesWordIsNotThePlace() throws {
        let ware = Identity(id: "ware", name: "Ware Town Council", kind: "town council", place: "Ware", area: "Hertfordshire")
        let scorer = try Scorer(identities: [ware])
        func judge(_ name: String, _ handle: String) -> Assessment {
            scorer.assess(Profile(platform: .x, id: handle, handle: handle, displayName: name, bio: ""))
        }
        #expect(judge("Software PC Repairs", "softwarepc").verdict == .clear)
        #expect(judge("Local Updates", "officialwaretc").verdict == .suspect)
        #expect(judge("Local Updates", "waretc").verdict == .suspect)
    }

    /// A councillor the watchlist does not list, cloned to ask friends for gift cards, and a "New … Page"
    /// announced under the council's name: both impersonations. The councillor's own page stays theirs.
    @Test func anUnlistedCouncillorsCloneAndANewPageAreImpersonations() {
        let clone = judge("Cllr Tom Baxter", handle: "tombaxter.cllr",
                          bio: "Hallowbridge Town Councillor. New account, the old one was hacked. Can you get some gift cards for me?")
        #expect(clone.verdict == .suspect && clone.target == .person, "\(clone.reasons.map(\.detail))")
        let own = judge("Cllr Tom Baxter", handle: "tombaxter.cllr", bio: "Hallowbridge Town Councillor for Castle ward. Surgeries monthly.")
        #expect(own.verdict == .clear, "\(own.reasons.map(\.detail))")
        let page = judge("New Hallowbridge Town Council Page", handle: "hallowbridgetcnew", bio: "Our old page was hacked. Follow us here.")
        #expect(page.verdict == .suspect && page.identity == "hallowbridge", "\(page.reasons.map(\.detail))")
    }

    /// The Deputy Mayor holds no office of the Mayor's: an account in their name calling itself "Mayor
    /// of Hallowbridge" claims another's office, while their own "Deputy Mayor" page stays theirs.
    @Test func aDeputyIsNotTheHolder() throws {
        let town = Identity(id: "hallowbridge", name: "Hallowbridge Town Council", kind: "town council", place: "Hallowbridge",
                            area: "Staffordshire", people: [Person(name: "Cllr Angela Pryor", role: "Mayor"),
                                                            Person(name: "Cllr Tom Bellamy", role: "Deputy Mayor")])
        let scorer = try Scorer(identities: [town])
        func judge(_ bio: String) -> Assessment {
            scorer.assess(Profile(platform: .facebook, id: bio, handle: "tombellamy", displayName: "Tom Bellamy", bio: bio))
        }
        let claim = judge("Mayor of Hallowbridge. Message me about the community grant.")
        #expect(claim.verdict == .suspect && claim.reasons.contains { $0.signal == .bioOffice && $0.detail.contains("held by Cllr Angela Pryor") },
                "\(claim.reasons.map(\.detail))")
        let own = judge("Deputy Mayor of Hallowbridge and town councillor. Views my own.")
        #expect(own.verdict == .clear, "\(own.reasons.map(\.detail))")
    }

    /// A namesake council gives the unitary area or city it lies in, right after its name: "Eye Parish
    /// Council, Peterborough" is not Eye Town Council in Suffolk. A council in that county, a city named
    /// elsewhere in the bio, and a street named after the city are no other area.
    @Test func aCityOrUnitaryAreaAfterThePlaceIsAnotherArea() throws {
        let eye = Identity(id: "eye", name: "Eye Town Council", kind: "town council", place: "Eye", area: "Suffolk")
        let wistow = Identity(id: "wistow", name: "Wistow Parish Council", kind: "parish council", place: "Wistow", area: "Cambridgeshire")
        let scorer = try Scorer(identities: [eye, wistow])
        func judge(_ name: String, _ bio: String) -> Assessment {
            scorer.assess(Profile(platform: .facebook, id: name, handle: "page12345", displayName: name, bio: bio))
        }
        let namesake = judge("Eye Parish Council", "Eye Parish Council, Peterborough. Meetings and news for Eye and Eye Green.")
        #expect(namesake.verdict == .clear && namesake.reasons.contains { $0.signal == .otherArea && $0.detail.contains("Peterborough (Cambridgeshire)") },
                "\(namesake.reasons.map(\.detail))")
        for bio in ["Wistow Parish Council, near Peterborough. Official page. Council tax refunds, DM us",
                    "Eye Town Council, near Ipswich. Official page. Refunds available, DM us",
                    "Eye Town Council. Coach trips to London for residents - pay your deposit now!",
                    "Eye Town Council, London Road, Eye. Grants available, DM us"] {
            let a = judge(bio.hasPrefix("Wistow") ? "Wistow Parish Council" : "Eye Town Council", bio)
            #expect(a.verdict == .suspect && !a.reasons.contains { $0.signal == .otherArea }, "\(bio): \(a.reasons.map(\.detail))")
        }
    }

    /// The cloned profile of one of the council's people, asking friends for money.
    @Test(arguments: ["Hi friend, I am raising funds for a family in need, can you send via PayPal?",
                      "Please message me, I need a small favour.", "I'm stuck abroad and need money for a flight, send what you can."])
    func aClonedProfileAskingForMoneyIsTheScam(_ bio: String) {
        let a = judge("Angela Pryor", handle: "angela.pryor.5521", bio: bio)
        #expect(a.verdict == .suspect && a.target == .person, "\(bio): \(a.reasons.map(\.detail))")
    }

    /// "Hallowbridge Town Councillor" holds the council's name run together, but names a councillor.
    @Test func aTownCouncillorIsNotTheTownCouncilSpeaking() {
        let a = judge("Cllr Anna Mitchell", bio: "Hallowbridge Town Councillor. My own page, not the council's.")
        #expect(a.verdict == .clear && !a.reasons.contains { $0.signal == .bioClaim }, "\(a.reasons.map(\.detail))")
    }

    static let marketDrayton = Identity(
        id: "market-drayton", name: "Market Drayton Town Council", kind: "town council", place: "Market Drayton",
        area: "Shropshire", domains: ["marketdrayton.gov.uk"],
        people: [Person(name: "Cllr Susan Oakley", role: "Mayor"), Person(name: "Nicola Brent", role: "Town Clerk")])

    /// Tricks an attacker tried: "Mkt" for Market, the Mayor's bio as "Mayor, <place>", and an invoice
    /// e-mail in the Clerk's name from a domain spelled as the council's.
    @Test(arguments: [("Mkt Drayton Town Council", "page12345", "Message us to claim your household support payment.", Platform.facebook),
                      ("Susan Oakley", "susan.oakley.77", "Mayor, Market Drayton. Message me.", .facebook),
                      ("Nicola Brent", "clerk@marketdraytn.gov.uk", "Please pay the attached invoice today.", .email)])
    func anAttackersShortFormsStillReadAsTheCouncil(_ name: String, _ handle: String, _ bio: String, _ platform: Platform) throws {
        let scorer = try Scorer(identities: [Self.marketDrayton])
        let a = scorer.assess(Profile(platform: platform, id: "1", handle: handle, displayName: name, bio: bio))
        #expect(a.verdict == .suspect && a.identity == "market-drayton", "\(name): \(a.reasons.map(\.detail))")
    }

    /// "Gt" is Great in a place's name; but a text that spells Great out is read by the council's own
    /// name, with its evidence: the namesake in Essex is still another area's.
    @Test func aShortFormIsReadOnlyWhereItIsUsed() throws {
        let wilton = Identity(id: "great-wilton", name: "Great Wilton Parish Council", kind: "parish council", place: "Great Wilton",
                              area: "Kent")
        let scorer = try Scorer(identities: [wilton])
        func judge(_ name: String, _ bio: String) -> Assessment {
            scorer.assess(Profile(platform: .facebook, id: "1", handle: "page12345", displayName: name, bio: bio))
        }
        let short = judge("Gt Wilton Parish Council", "Message us to claim your refund.")
        #expect(short.verdict == .suspect, "\(short.reasons.map(\.detail))")
        let namesake = judge("Great Wilton Parish Council", "Great Wilton Parish Council, Essex. Official page.")
        #expect(namesake.verdict == .clear && namesake.reasons.contains { $0.signal == .otherArea }, "\(namesake.reasons.map(\.detail))")
    }

    /// What review found the first versions of these readings got wrong, each the other way round.
    @Test(arguments: [
        ("Hallowbridge Mayor Angela Pryor", "page12345", "", true),
        ("Mayor's Charity Ball Hallowbridge", "page12345", "Tickets, news and photos.", false),
        ("Hallowbridge District Council", "HallowbridgeDC", "The district council for Hallowbridge. Bins, planning, council tax.", false),
        ("Angela Pryor", "angela.pryor", "Councillor for Castle ward. Are you available for our litter pick on Saturday?", false),
        ("Angela Pryor", "angela.pryor", "Beware scams: I will never ask you to send money or buy gift cards.", false),
        ("Angela Pryor", "angela.pryor.77", "My new personal page, the old one was hacked. Can you get some gift cards for me?", true),
        ("Community News", "page12345", "Official page of Hallowbridge Town Council2024. Claim your refund here.", true),
        ("Hallowbridge Town Council", "page12345", "Hallowbridge Town Council. Claim your council tax refund. UK & USA", true),
    ])
    func reviewedReadings(_ name: String, _ handle: String, _ bio: String, _ suspect: Bool) {
        let a = judge(name, handle: handle, bio: bio)
        #expect((a.verdict == .suspect) == suspect, "\(name) / \(bio): \(a.reasons.map(\.detail))")
    }

    /// A councillor writing from their club's domain, which holds the place, is not a look-alike sender.
    @Test func aClubsDomainHoldingThePlaceIsNoLookalike() throws {
        let scorer = try Scorer(identities: [Self.marketDrayton])
        let a = scorer.assess(Profile(platform: .email, id: "1", handle: "susan@marketdraytonrotary.org.uk", displayName: "Susan Oakley",
                                      bio: "Please find the minutes of last week's meeting attached."))
        #expect(a.verdict == .clear && !a.reasons.contains { $0.signal == .bioDomain }, "\(a.reasons.map(\.detail))")
    }
}
