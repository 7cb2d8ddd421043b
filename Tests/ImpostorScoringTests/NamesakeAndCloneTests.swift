import ImpostorCore
import ImpostorText
import Testing
@testable import ImpostorScoring

/// What a fifteenth round of probes found: a Welsh place's longer name, a namesake that shares only the
/// first word of a place, a town abroad, a club whose initials are a council's, a councillor known
/// without a middle name, and a clone that offers money for a message.
@Suite struct NamesakeAndCloneTests {
    static let llanfairpwll = Identity(
        id: "llanfairpwll", name: "Cyngor Cymuned Llanfairpwll", kind: "community council", place: "Llanfairpwll",
        area: "Isle of Anglesey", aliases: ["Llanfairpwllgwyngyll Community Council", "Llanfair PG Community Council"],
        people: [Person(name: "Glesni Haf Williams", role: "Clerk"), Person(name: "Cllr Sandra Pritchard-Jones", role: "Vice-Chair")],
        languages: ["cy", "en"])
    static let ely = Identity(id: "ely", name: "Ely City Council", kind: "city council", place: "Ely", area: "Cambridgeshire")
    static let caernarfon = Identity(
        id: "caernarfon", name: "Cyngor Tref Brenhinol Caernarfon", kind: "town council", place: "Caernarfon", area: "Gwynedd",
        people: [Person(name: "Cllr Iwan Tomos Pritchard", role: "Deputy Mayor"), Person(name: "Cllr John Smith MBE", role: "Mayor")],
        languages: ["cy", "en"])
    let scorer = try! Scorer(identities: [llanfairpwll, ely, caernarfon])

    func judge(_ name: String, handle: String, bio: String, platform: Platform = .facebook) -> Assessment {
        scorer.assess(Profile(platform: platform, id: handle, handle: handle, displayName: name, bio: bio))
    }

    /// The place's full name that an alias gives holds its short name: written in full, it is the council.
    @Test func theLongerNameOfThePlaceIsThePlace() {
        let a = judge("Llanfairpwllgwyngyll Community Council", handle: "LlanfairpwllgwyngyllCommunityCouncil",
                      bio: "Official. £150 energy rebate for every household – claim by DM.")
        #expect(a.verdict == .suspect && a.identity == "llanfairpwll", "\(a.reasons.map(\.detail))")
        #expect(!a.reasons.contains { $0.signal == .differentPlace }, "\(a.reasons.map(\.detail))")
    }

    /// "Llanfair" is the first word of Llanfair PG, and the first word of a dozen other places.
    @Test func theFirstWordOfAPlaceIsAnotherPlace() {
        let a = judge("Cyngor Cymuned Llanfair Mathafarn Eithaf", handle: "CyngorCymunedLlanfairMathafarnEithaf",
                      bio: "Cyngor cymuned Benllech, Brynteg a Thyn-y-gongl, Ynys Môn.")
        #expect(a.verdict == .clear, "\(a.reasons.map(\.detail))")
    }

    /// A state abroad right after the place in a handle places the council there, as the bio's would.
    @Test func aHandleThatPlacesTheTownAbroadIsANamesake() {
        let a = judge("Ely City Council – Minnesota", handle: "ElyMinnesotaCityCouncil",
                      bio: "Agendas and minutes of the Ely, MN City Council. Gateway to the Boundary Waters.")
        #expect(a.verdict == .clear && a.reasons.contains { $0.signal == .otherArea }, "\(a.reasons.map(\.detail))")
    }

    /// "Ely CC" whose bio spells out "Cricket Club"; the same initials with a bio that speaks as the council are the council.
    @Test func initialsTheBioSpellsOutAreNotTheCouncils() {
        let club = judge("Ely CC", handle: "ElyCricketClub", bio: "Ely Cricket Club – nets Tuesday and Thursday. New players welcome.")
        #expect(club.verdict == .clear && club.reasons.contains { $0.signal == .selfDescribed }, "\(club.reasons.map(\.detail))")
        let fake = judge("Ely CC", handle: "EIyCC", bio: "Ely City Council – official updates. Council tax refund: apply via the link.")
        #expect(fake.verdict == .suspect && fake.identity == "ely", "\(fake.reasons.map(\.detail))")
    }

    /// A councillor of three names is written by the first and last; a double-barrelled surname is not cut.
    @Test func aPersonWithoutTheirMiddleNameIsThePerson() {
        let a = judge("Cllr Iwan Pritchard – Dirprwy Faer", handle: "Iwan.Pritchard.DirprwyFaer",
                      bio: "Deputy Mayor of Caernarfon. Helping local families get the winter hardship grant – message me.")
        #expect(a.verdict == .suspect && a.identity == "caernarfon" && a.target == .person, "\(a.reasons.map(\.detail))")
        let other = judge("Sandra Jones", handle: "sandra.jones.77", bio: "Mum of two. Message me for cake orders, £20 a dozen.")
        #expect(other.verdict == .clear && other.identity == nil, "\(other.reasons.map(\.detail))")
        // A post-nominal is no name: "John Smith MBE" is not "John" and "MBE" inside "Chambers".
        let chambers = judge("John Chambers", handle: "johnchambers", bio: "Plumber. Message me for a quote.")
        #expect(chambers.identity == nil, "\(chambers.reasons.map(\.detail))")
    }

    /// A first name cut short before the surname is the person: "Ros Greaves" is Cllr Rosalind Greaves,
    /// who may speak of her own office, and whose clone offering a grant is a clone. "Ross" is no cut of it.
    @Test func aFirstNameCutShortIsThePerson() throws {
        let wool = Identity(id: "wool", name: "Wool Town Council", kind: "town council", place: "Wool", area: "Dorset",
                            people: [Person(name: "Cllr Rosalind Greaves", role: "Chair")])
        let scorer = try Scorer(identities: [wool])
        func judge(_ name: String, _ handle: String, _ bio: String) -> Assessment {
            scorer.assess(Profile(platform: .facebook, id: handle, handle: handle, displayName: name, bio: bio))
        }
        let own = judge("Ros Greaves", "RosGreaves", "Chair of Wool Town Council 2025/26. Cllr for Priory ward. Views my own.")
        #expect(own.verdict == .clear, "\(own.reasons.map(\.detail))")
        let clone = judge("Ros Greaves", "ros.greaves.7", "Chair of Wool Town Council. Message me to claim the winter energy grant.")
        #expect(clone.verdict == .suspect && clone.target == .person, "\(clone.reasons.map(\.detail))")
        let other = judge("Ross Greaves", "ross.greaves", "Plumber in Dorset. Message me for a quote.")
        #expect(other.identity == nil, "\(other.reasons.map(\.detail))")
    }

    /// A Parish Meeting is named by "Meeting" as a council by "Council"; its Chair, J. Edward Lyle, goes by
    /// Ted: his own account may say he chairs it, and a gift-card mail in his name is the scam.
    @Test func aParishMeetingAndAChairKnownByANickname() throws {
        let fenton = Identity(id: "fenton", name: "Little Fenton Parish Meeting", kind: "parish meeting", place: "Little Fenton",
                              area: "Dorset", people: [Person(name: "J. Edward Lyle", role: "Chairman"), Person(name: "Cllr Carol Park", role: "Councillor")])
        let scorer = try Scorer(identities: [fenton])
        func judge(_ name: String, _ handle: String, _ bio: String, _ platform: Platform = .youtube) -> Assessment {
            scorer.assess(Profile(platform: platform, id: handle, handle: handle, displayName: name, bio: bio))
        }
        let fake = judge("Little Fenton Parish Meeting - Official", "@LittleFentonParish",
                         "Subscribe & comment to be entered into our £1,000 prize draw! Claim your prize via the link.")
        #expect(fake.verdict == .suspect && fake.identity == "fenton", "\(fake.reasons.map(\.detail))")
        let hall = judge("Little Fenton Village Hall", "LittleFentonHall", "Parish meeting on Tuesday at 7pm in the main hall.", .facebook)
        #expect(hall.verdict == .clear, "\(hall.reasons.map(\.detail))")
        // "Meeting" names the council only after its kind, and never through a typo.
        for name in ["Little Fenton Quaker Meeting", "Little Fenton Melting Pot", "Little Fenton Meeting Room Hire"] {
            let other = judge(name, "lfenton", "Tea, cake and good company. All welcome.", .facebook)
            #expect(other.verdict == .clear, "\(name): \(other.reasons.map(\.detail))")
        }
        // A word that starts a first name is no nickname: the car park is not Cllr Carol Park.
        let park = judge("Car Park Little Fenton", "lfcarpark", "Pay and display, 50p an hour.", .facebook)
        #expect(!park.reasons.contains { $0.signal == .person || $0.signal == .personName }, "\(park.reasons.map(\.detail))")
        let own = judge("Ted Lyle", "tedlyle_farm", "Retired farmer. Chairman of Little Fenton Parish Meeting (personal account).", .x)
        #expect(own.verdict == .clear, "\(own.reasons.map(\.detail))")
        let mail = judge("Ted Lyle (Chairman)", "ted.lyle.chairman@gmail.com",
                         "Parish matter\nHello, are you free at the moment? I need a small favour – could you pick up 4 x £50 gift cards. Edward",
                         .email)
        #expect(mail.verdict == .suspect && mail.identity == "fenton", "\(mail.reasons.map(\.detail))")
    }

    /// A city's Sheriff, one of its people, is an office of that city alone: a page in the Sheriff's name
    /// collecting donations by DM is a case; "Oakbridge Sheriff", a band, is none elsewhere.
    @Test func aRoleOfTheCouncilsOwnIsItsOffice() throws {
        let city = Identity(id: "aldchester", name: "Aldchester City Council", kind: "city council", place: "Aldchester",
                            area: "Lincolnshire", people: [Person(name: "Cllr Marcus Feltham", role: "Sheriff")])
        let town = Identity(id: "oakbridge", name: "Oakbridge Town Council", kind: "town council", place: "Oakbridge", area: "Kent")
        let scorer = try Scorer(identities: [city, town])
        let fake = scorer.assess(Profile(platform: .instagram, id: "1", handle: "sheriffofaldchester", displayName: "Sheriff of Aldchester",
                                         bio: "The Sheriff's Christmas Toy Appeal. Donations by bank transfer, details sent by DM."))
        #expect(fake.verdict == .suspect && fake.identity == "aldchester", "\(fake.reasons.map(\.detail))")
        let band = scorer.assess(Profile(platform: .instagram, id: "2", handle: "oakbridgesheriff", displayName: "Oakbridge Sheriff",
                                         bio: "Country covers band. Gigs every Friday."))
        #expect(band.verdict == .clear, "\(band.reasons.map(\.detail))")
    }

    /// "Little Gable Parish Council" is another parish, whatever its bio says of itself; "Castlebury Without"
    /// says it is not part of the city.
    @Test func aNeighbourSharingPartOfTheNameIsAnotherCouncil() throws {
        let gable = Identity(id: "gable", name: "Gable Parish Council", kind: "parish council", place: "Gable", area: "Norfolk")
        let city = Identity(id: "castlebury", name: "Castlebury City Council", kind: "city council", place: "Castlebury", area: "Somerset")
        let scorer = try Scorer(identities: [gable, city])
        let little = scorer.assess(Profile(platform: .facebook, id: "1", handle: "LittleGableParishCouncil", displayName: "Little Gable Parish Council",
                                           bio: "Little Gable Parish Council, Norfolk. Meetings second Tuesday of the month, 7pm."))
        #expect(little.verdict == .clear, "\(little.reasons.map(\.detail))")
        let without = scorer.assess(Profile(platform: .facebook, id: "2", handle: "CastleburyWithoutPC", displayName: "Castlebury Without Parish Council",
                                            bio: "The parish council for the villages around Castlebury. Not part of Castlebury City Council!"))
        #expect(without.verdict == .clear, "\(without.reasons.map(\.detail))")
    }

    /// A council read by another name of its place ("Caldwick Town Council" for Caldwick-on-Ouse) finds the
    /// full name in a bio that only thanks it: that is a mention, as it is through the council's own name.
    @Test func aFullNameThankedIsAMentionThroughAnAliasToo() throws {
        let caldwick = Identity(id: "caldwick", name: "Caldwick-on-Ouse Town Council", kind: "town council", place: "Caldwick-on-Ouse",
                                area: "North Yorkshire", aliases: ["Caldwick Town Council"])
        let scorer = try Scorer(identities: [caldwick])
        for bio in ["Volunteers running the bonfire, with support from Caldwick-on-Ouse Town Council.",
                    "Funded by Caldwick-on-Ouse Town Council. Entry free."] {
            let a = scorer.assess(Profile(platform: .facebook, id: "1", handle: "CaldwickBonfireCommittee",
                                          displayName: "Caldwick Bonfire Committee", bio: bio))
            #expect(a.verdict == .clear && !a.reasons.contains { $0.signal == .bioClaim }, "\(a.reasons.map(\.detail))")
        }
    }

    /// One of the council's people offering a grant for a message is a clone; the same person warning
    /// that they never would is not.
    @Test func aPersonOfferingAGrantForAMessageIsAClone() {
        let clone = judge("Cllr Iwan Tomos Pritchard", handle: "iwan.pritchard.99", bio: "Message me to claim the winter energy grant.")
        #expect(clone.verdict == .suspect && clone.reasons.contains { $0.signal == .personScam }, "\(clone.reasons.map(\.detail))")
        let real = judge("Cllr Iwan Tomos Pritchard", handle: "iwan.pritchard.99",
                         bio: "I will never message you about a grant. Message me with casework.")
        #expect(real.verdict == .clear, "\(real.reasons.map(\.detail))")
    }

    /// The clerk's name on an e-mail saying the council's bank has changed: mandate fraud.
    @Test func aMailSayingTheBankHasChangedIsTheScam() {
        let a = judge("Glesni Haf Williams", handle: "glesni.williams@llanfairpwll-cymru.co.uk",
                      bio: "Invoice 0427 — The Council's bank account has changed. Please send this quarter's payment to the new account.",
                      platform: .email)
        #expect(a.verdict == .suspect && a.reasons.contains { $0.signal == .mailScam }, "\(a.reasons.map(\.detail))")
    }

    /// A joint council by any of its conjunctions, either way round; a warning that names such a page is none.
    @Test func aJointCouncilByAnyConjunction() throws {
        let bisley = Identity(id: "bisley", name: "Bisley-with-Lypiatt Parish Council", kind: "parish council",
                              place: "Bisley-with-Lypiatt", area: "Gloucestershire")
        let scorer = try Scorer(identities: [bisley])
        func judge(_ name: String, _ bio: String) -> Assessment {
            scorer.assess(Profile(platform: .facebook, id: "1", handle: "page1", displayName: name, bio: bio))
        }
        for name in ["Bisley and Lypiatt Parish Council", "Lypiatt-with-Bisley Parish Council", "Bisley w/ Lypiatt Parish Council"] {
            let a = judge(name, "The village fete is called off. Stallholders: reply with your card details for a refund.")
            #expect(a.verdict == .suspect && a.identity == "bisley", "\(name): \(a.reasons.map(\.detail))")
        }
        let police = judge("Gloucestershire Constabulary",
                           "Scam warning: a page called 'Bisley and Lypiatt Parish Council' is asking for bank details.")
        #expect(police.verdict == .clear, "\(police.reasons.map(\.detail))")
    }

    /// The second place of a joint council of two others is that council's, in either language; the
    /// council's own name with a scam is still the council.
    @Test func theSecondPlaceOfAnotherJointCouncilIsAnotherCouncil() throws {
        let tywyn = Identity(id: "tywyn", name: "Cyngor Tref Tywyn", kind: "town council", place: "Tywyn", area: "Gwynedd",
                             aliases: ["Tywyn Town Council"], languages: ["cy", "en"])
        let scorer = try Scorer(identities: [tywyn])
        func judge(_ name: String, _ bio: String) -> Assessment {
            scorer.assess(Profile(platform: .facebook, id: "1", handle: "page1", displayName: name, bio: bio))
        }
        let joint = judge("Cyngor Tref Bae Cinmel a Thywyn / Kinmel Bay and Towyn Town Council",
                          "Conwy county. Council news for Kinmel Bay and Towyn.")
        #expect(joint.verdict == .clear, "\(joint.reasons.map(\.detail))")
        let fake = judge("Cyngor Tref Tywyn", "Grant ynni £200 i bob cartref – anfonwch neges gyda manylion eich cerdyn.")
        #expect(fake.verdict == .suspect && fake.identity == "tywyn", "\(fake.reasons.map(\.detail))")
    }

    /// Scam alerts that name the fake page: "a page calling itself …", "tudalen ffug o'r enw …".
    @Test(arguments: [
        "A page calling itself 'Ely City Council Events' wants £15 for the lights switch-on. It is a scam.",
        "RHYBUDD: mae tudalen ffug o'r enw 'Ely City Council' yn cynnig taliad tanwydd £25 – peidiwch ag ateb.",
    ])
    func aScamAlertNamingTheFakeIsNoClaim(bio: String) {
        let a = judge("Trading Standards", handle: "TradingStandards", bio: bio)
        #expect(a.verdict == .clear, "\(a.reasons.map(\.detail))")
    }

    /// A state abroad right after the place in the name: a namesake there.
    @Test func aNameThatPlacesTheTownAbroadIsANamesake() {
        let a = judge("City of Ely, Minnesota", handle: "ElyMNGov", bio: "Official page. Ely City Council meets on the first Tuesday.")
        #expect(a.verdict == .clear && a.reasons.contains { $0.signal == .otherArea }, "\(a.reasons.map(\.detail))")
    }

    /// "!" after a word ends a sentence; inside one, or before one, it still reads as a letter.
    @Test func anExclamationMarkAfterAWordIsNoLetter() throws {
        let folder = try Folder()
        #expect(folder.fold("ask me how!").keys == ["ask", "me", "how"])
        #expect(folder.fold("Par!sh Counc!l").keys.first == "parlsh")
        #expect(folder.fold("ask me hów!").keys == ["ask", "me", "how"])
    }

    /// In prose an "@" that starts a word names an account ("with @crypto_mentor"); in a name it is an "a".
    @Test func anAtSignBeforeAWordIsAMentionInProse() throws {
        let prose = try Folder(readsMentions: true), name = try Folder()
        #expect(prose.fold("thanks to @crypto_mentor").words == ["thanks", "to", "crypto", "mentor"])
        #expect(prose.fold("diolch i @crypto_mentor – ŵ").words.contains("crypto"))
        #expect(prose.fold("T@wn news").words == ["tawn", "news"])
        #expect(name.fold("@shwell Town Council").words.first == "ashwell")
    }
}
