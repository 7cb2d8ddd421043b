import ImpostorCore
import ImpostorText
import Testing
@testable import ImpostorScoring

/// Councils known by their Welsh names: the aliases give the place's Welsh form, and Welsh council,
/// office and affix words read as their English ones.
@Suite struct WelshTests {
    static let cardigan = Identity(
        id: "cardigan", name: "Cardigan Town Council", kind: "town council", place: "Cardigan", area: "Ceredigion",
        aliases: ["Cyngor Tref Aberteifi"], people: [Person(name: "Cllr Siân Evans", role: "Mayor")])
    static let caerphilly = Identity(
        id: "caerphilly", name: "Caerphilly Town Council", kind: "town council", place: "Caerphilly", area: "Caerphilly",
        aliases: ["Cyngor Tref Caerffili"])
    let scorer = try! Scorer(identities: [cardigan, caerphilly, thornbury])

    func judge(_ name: String, handle: String = "tudalen123", bio: String = "") -> Assessment {
        scorer.assess(Profile(platform: .facebook, id: name, handle: handle, displayName: name, bio: bio))
    }

    @Test(arguments: ["Cyngor Tref Aberteifi", "Cyngor Tref Aberteifi Swyddogol", "Newyddion Cyngor Tref Aberteifi",
                      "Maer Aberteifi", "Cyngor Tref Aberteifî"])
    func itsWelshNameAloneIsTheCouncil(_ name: String) {
        let a = judge(name)
        #expect(a.verdict == .suspect && a.identity == "cardigan", "\(name): \(a.reasons.map(\.detail))")
    }

    /// Written Welsh is no disguise: a Welsh council's circumflexes and its own accents are its spelling, and the
    /// flag of Wales (a black flag and tag characters) hides nothing beside the Mayor's own name. Event words
    /// beside the place ("Noson Tân Gwyllt Caerwen", "… Tocynnau") make no longer place of it.
    @Test func writtenWelshIsNoDisguise() throws {
        let aberglan = Identity(id: "aberglan", name: "Cyngor Tref Aberglân", kind: "town council", place: "Aberglân", area: "Ceredigion",
                                people: [Person(name: "Cyng. Nia Bowen-Jones", role: "Maer")], languages: ["cy", "en"])
        let scorer = try Scorer(identities: [aberglan])
        func judge(_ name: String, handle: String = "tudalen123", bio: String = "", followers: Int? = nil) -> Assessment {
            scorer.assess(Profile(platform: .facebook, id: name, handle: handle, displayName: name, bio: bio, followers: followers))
        }
        for name in ["Cyngor Tref Aberglân", "Newyddion Gŵyl Cyngor Tref Aberglân"] {
            #expect(!judge(name).reasons.contains { $0.signal == .disguise }, "\(name): \(judge(name).reasons.map(\.detail))")
        }
        // A mark the council's name does not carry ("Aberglań") is still a disguise.
        #expect(judge("Cyngor Tref Aberglan\u{0301}").reasons.contains { $0.signal == .disguise })
        let own = judge("Nia Bowen-Jones \u{1F3F4}\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}", bio: "Mam i dri, Aberglân.", followers: 120)
        #expect(own.verdict == .clear, "\(own.reasons.map(\.detail))")
        let hidden = judge("Nia Bowen\u{200D}-Jones", bio: "Mam i dri, Aberglân.")
        #expect(hidden.reasons.contains { $0.signal == .disguise }, "a joiner inside a name still hides: \(hidden.reasons.map(\.detail))")
        for (name, handle) in [("Noson Tân Gwyllt Aberglân – Cyngor Tref Aberglân", "tangwylltaberglan"),
                               ("Cyngor Tref Aberglân Tocynnau", "eisteddfodaberglan.tocynnau")] {
            let a = judge(name, handle: handle, bio: "Tocynnau'n brin – prynwch nawr: tinyurl.com/tan-aberglan")
            #expect(a.verdict == .suspect && !a.reasons.contains { $0.signal == .differentPlace }, "\(name): \(a.reasons.map(\.detail))")
        }
    }

    /// A stream of the council's meetings, named in Welsh after its name in both the name and the handle:
    /// "Byw" (live) and "Cyfarfodydd" (meetings) are no second word of the place.
    @Test(arguments: [("Cyngor Tref Aberteifi - Byw", "CyngorTrefAberteifiByw"),
                      ("Cyngor Tref Aberteifi Cyfarfodydd", "cyngortrefaberteificyfarfodydd"),
                      ("Aberteifi Town Council Meetings", "aberteifimeetings")])
    func aStreamNamedAfterTheCouncilIsTheCouncil(_ name: String, _ handle: String) {
        let a = judge(name, handle: handle, bio: "Ffrwd fyw o gyfarfodydd y cyngor. Ewch i'n gwefan i gyfrannu at Apêl y Maer.")
        #expect(a.verdict == .suspect && a.identity == "cardigan", "\(name): \(a.reasons.map(\.detail))")
    }

    /// Councils that give their Welsh name as their name, as many do. Their place is read mutated ("o
    /// Borthmadog"), misspelt right after the council words ("Cyngor Tref Orthmadog") and without its
    /// article ("Cyngor Tref Wyddgrug" for Yr Wyddgrug).
    static let cyngorPorthmadog = Identity(id: "porthmadog", name: "Cyngor Tref Porthmadog", kind: "town council", place: "Porthmadog",
                                     area: "Gwynedd", aliases: ["Porthmadog Town Council"])
    static let mold = Identity(id: "mold", name: "Mold Town Council", kind: "town council", place: "Mold", area: "Flintshire",
                               aliases: ["Cyngor Tref yr Wyddgrug"])
    static let llandudno = Identity(id: "llandudno", name: "Llandudno Town Council", kind: "town council", place: "Llandudno",
                                    area: "Conwy", aliases: ["Cyngor Tref Llandudno"],
                                    people: [Person(name: "Cllr Iwan Rhys Lloyd", role: "Maer")])

    func judgeWelsh(_ name: String, handle: String, bio: String) throws -> Assessment {
        let scorer = try Scorer(identities: [Self.cyngorPorthmadog, Self.mold, Self.llandudno])
        return scorer.assess(Profile(platform: .facebook, id: name, handle: handle, displayName: name, bio: bio))
    }

    @Test(arguments: [
        ("Cyngor Tref Borthmadog", "cyngortrefborthmadog", "Croeso i dudalen newydd y cyngor o Borthmadog. Anfonwch eich manylion banc am ad-daliad.", "porthmadog"),
        ("Tudalen Swyddogol", "cyngortrefmhorthmadog", "Croeso i gyfrif swyddogol y Cyngor Tref ym Mhorthmadog. Hawliwch eich grant drwy'r ddolen.", "porthmadog"),
        ("Cyngor Tref Orthmadog", "tudalen123", "Anfonwch neges am grant.", "porthmadog"),
        ("Cyngor Tref Wyddgrug", "cyngorwyddgrug", "Newyddion swyddogol o'r Wyddgrug. Anfonwch neges am grant.", "mold"),
        ("Iwan Rhys Lloyd", "iwanrhyslloyd.maer", "Cyfrif newydd, cafodd yr hen un ei hacio. Allwch chi brynu cardiau rhodd i mi? Anfonwch be allwch chi.", "llandudno"),
    ])
    func aWelshNamedCouncilIsReadInItsOtherForms(_ name: String, _ handle: String, _ bio: String, _ council: String) throws {
        let a = try judgeWelsh(name, handle: handle, bio: bio)
        #expect(a.verdict == .suspect && a.identity == council, "\(name): \(a.reasons.map(\.detail))")
    }

    /// Genuine accounts in Welsh that read like a council: "cyngor" as advice, a paper's warning, the
    /// Mayor's charity appeal, a neighbouring council whose handle is its own name run together, and
    /// two places' joint council.
    @Test(arguments: [
        ("Cyngor Busnes Llandudno", "cyngorbusnesllandudno", "Cyngor busnes a chyfrifon i fusnesau bach yn Llandudno. Ffi sefydlog."),
        ("Cambrian News", "cambriannewsaber", "Cyngor Tref Llandudno yn rhybuddio am gyfrif ffug sy'n cynnig grantiau."),
        ("Apêl Elusen Maer Llandudno", "apelmaerllandudno", "Codi arian i elusennau lleol yn ystod blwyddyn y Maer. Cyfrannwch drwy'r ddolen."),
        ("Cyngor Cymuned Llandudoch", "cyngorcymunedllandudoch", "Cyngor Cymuned Llandudoch / St Dogmaels Community Council, Sir Benfro."),
        ("Mold and Nercwys Community Council", "moldnercwyscc", "Meetings monthly."),
    ])
    func genuineWelshAccountsStayClear(_ name: String, _ handle: String, _ bio: String) throws {
        let a = try judgeWelsh(name, handle: handle, bio: bio)
        #expect(a.verdict == .clear, "\(name): \(a.reasons.map(\.detail))")
    }

    /// A text says who sends it in Welsh as in English: "Gwenllian y Clerc sydd yma" (it's Gwenllian the Clerk), "Nia
    /// sydd yma, y Clerc". A warning in Welsh of fakes in the Clerk's or the Mayor's name ("e-byst ffug yn enw Clerc
    /// Cyngor …", "negeseuon … yn esgus dod gan Faer …") claims nothing; "dyblwch eich arian" from the council's own
    /// number is a hijacker's.
    @Test func welshTextsSayWhoTheyAreFromAndWelshWarningsClaimNothing() throws {
        let bodorwen = Identity(id: "bodorwen", name: "Cyngor Cymuned Bodorwen", kind: "community council", place: "Bodorwen",
                                area: "Ynys Môn", officials: [AccountReference(platform: Platform(rawValue: "whatsapp"), handle: "07700 900456")],
                                people: [Person(name: "Cyng. Rhodri Bevan", role: "Maer"), Person(name: "Gwenllian Rhys", role: "Clerc")],
                                languages: ["cy", "en"])
        let scorer = try Scorer(identities: [bodorwen])
        func sms(_ text: String) -> Assessment {
            scorer.assess(Profile(platform: Platform(rawValue: "sms"), id: "m", handle: "+447700900999", displayName: "", bio: text))
        }
        for text in ["Helo, Gwenllian Rhys y Clerc sydd yma, dyma fy rhif newydd. Mae angen ffafr fach.",
                     "Gwenllian sydd yma, y Clerc. Dyma fy rhif newydd, cadwch e. Wyt ti'n gallu talu anfoneb i mi heddiw?"] {
            let a = sms(text)
            #expect(a.verdict == .suspect && a.target == .person, "\(text): \(a.reasons.map(\.detail))")
        }
        for bio in ["Rhybudd: mae rhywun yn anfon e-byst ffug yn enw Clerc Cyngor Cymuned Bodorwen am fanylion banc newydd.",
                    "Rhybudd: negeseuon ffug yn esgus dod gan Faer Bodorwen yn gofyn am gardiau rhodd. Peidiwch ag ateb."] {
            let a = scorer.assess(Profile(platform: .facebook, id: bio, handle: "papurbro", displayName: "Y Papur Bro", bio: bio, followers: 300))
            #expect(a.verdict == .clear, "\(bio): \(a.reasons.map(\.detail))")
        }
        let taken = scorer.assess(Profile(platform: Platform(rawValue: "whatsapp"), id: "w", handle: "07700 900456", displayName: "Cyngor Cymuned Bodorwen",
                                          bio: "Buddsoddwch mewn crypto heddiw! Dyblwch eich arian: crypto-dwbl.io"))
        #expect(taken.verdict == .suspect && taken.reasons.contains { $0.signal == .hijacked }, "\(taken.reasons.map(\.detail))")
    }

    /// A namesake in another county, named in Welsh as its bio would ("ym Mhowys", "Sir Benfro"): the
    /// same name in the council's own county, mutated or not, is its own area.
    @Test func aWelshCountyNameIsAnArea() throws {
        let llanfyllin = Identity(id: "llanfyllin", name: "Cyngor Cymuned Llanfyllin", kind: "community council",
                                  place: "Llanfyllin", area: "Powys", aliases: ["Llanfyllin Community Council"])
        let scorer = try Scorer(identities: [llanfyllin])
        func judge(_ bio: String) -> Assessment {
            scorer.assess(Profile(platform: .facebook, id: bio, handle: "tudalen123", displayName: "Cyngor Cymuned Llanfyllin", bio: bio))
        }
        for bio in ["Cyngor Cymuned Llanfyllin yng Ngwynedd. Tudalen swyddogol.", "Cyngor Cymuned Llanfyllin, Sir Benfro."] {
            let a = judge(bio)
            #expect(a.verdict == .clear && a.reasons.contains { $0.signal == .otherArea }, "\(bio): \(a.reasons.map(\.detail))")
        }
        let own = judge("Cyngor Cymuned Llanfyllin ym Mhowys. Tudalen swyddogol.")
        #expect(own.verdict == .suspect && !own.reasons.contains { $0.signal == .otherArea }, "\(own.reasons.map(\.detail))")
    }

    /// "Cyngor Sir Aberteifi" is the county's council (Cardiganshire's), as "Cyngor Sir Penfro" is
    /// Pembrokeshire's: the county council of the same name, not the town's.
    @Test(arguments: [("Cyngor Sir Aberteifi", "cyngorsiraberteifi"), ("Cardigan Borough Council", "cardiganbc")])
    func theCouncilOfTheOtherTierIsNotTheTown(_ name: String, _ handle: String) {
        let a = judge(name, handle: handle, bio: "Newyddion a gwybodaeth.")
        #expect(a.verdict == .clear, "\(name): \(a.reasons.map(\.detail))")
        #expect(a.reasons.contains { $0.signal == .otherKind && $0.weight == OtherKindRule.otherTier })
    }

    /// "Cyngor Sir Fynwy" is Monmouthshire County Council: "sir fynwy" comes within two letters of
    /// Trefynwy (Monmouth), but a place read with typos does not run across the word "sir".
    @Test func aCountyCouncilsWelshNameIsNotATownMisspelt() throws {
        let monmouth = Identity(id: "monmouth", name: "Monmouth Town Council", kind: "town council", place: "Monmouth",
                                area: "Monmouthshire", aliases: ["Cyngor Tref Trefynwy"])
        let a = try Scorer(identities: [monmouth]).assess(
            Profile(platform: .facebook, id: "1", handle: "tudalen123", displayName: "Cyngor Sir Fynwy", bio: "Tudalen swyddogol."))
        #expect(a.verdict == .clear, "\(a.reasons.map(\.detail))")
    }

    @Test func aHandleInWelshIsTheCouncil() {
        let a = judge("Newyddion", handle: "cyngortrefaberteifi")
        #expect(a.verdict == .suspect && a.identity == "cardigan", "\(a.reasons.map(\.detail))")
    }

    /// "o Gaerffili": the place after a preposition, softly mutated.
    @Test func aSoftlyMutatedPlaceIsThePlace() {
        let a = judge("Maer o Gaerffili")
        #expect(a.verdict == .suspect && a.identity == "caerphilly", "\(a.reasons.map(\.detail))")
    }

    @Test(arguments: ["Clwb Rygbi Aberteifi", "Ysgol Gynradd Aberteifi", "Grŵp Cymunedol Aberteifi", "Cyngor Tref Aberystwyth",
                      "Côr Meibion Aberteifi", "Papur Bro Aberteifi"])
    func welshClubsSchoolsGroupsAndAnotherCouncilAreNotFlagged(_ name: String) {
        let a = judge(name)
        #expect(a.verdict == .clear, "\(name): \(a.reasons.map(\.detail))")
    }

    @Test func aWelshDisclaimerIsADisclaimer() {
        let a = judge("Cyngor Tref Aberteifi", bio: "Tudalen hwyl. Nid y cyngor ydym ni.")
        #expect(a.verdict == .clear, "\(a.reasons.map(\.detail))")
    }
}

extension WelshTests {
    /// Only council words come off an alias's ends, and only Welsh names are mutated: "New Milton"
    /// does not make every Milton, nor Filton, New Milton's.
    @Test func anAliasKeepsTheWordsInsideItsPlaceName() {
        let newMilton = Identity(id: "new-milton", name: "New Milton Town Council", kind: "town council",
                                 place: "New Milton", area: "Hampshire", aliases: ["New Milton TC"])
        let dinasPowys = Identity(id: "dinas-powys", name: "Dinas Powys Community Council", kind: "community council",
                                  place: "Dinas Powys", area: "Vale of Glamorgan", aliases: ["Cyngor Cymuned Dinas Powys"])
        let scorer = try! Scorer(identities: [newMilton, dinasPowys])
        for name in ["Milton Parish Council", "Filton Town Council", "Cyngor Sir Powys"] {
            let a = scorer.assess(Profile(platform: .facebook, id: name, handle: "page1", displayName: name))
            #expect(a.verdict == .clear, "\(name): \(a.reasons.map(\.detail))")
        }
        let real = scorer.assess(Profile(platform: .facebook, id: "d", handle: "page1", displayName: "Cyngor Cymuned Dinas Powys"))
        #expect(real.verdict == .suspect && real.identity == "dinas-powys", "\(real.reasons.map(\.detail))")
    }
}

/// What a red-team read of Welsh councils found: nasal and aspirate mutations, Welsh scam and gift-card
/// words, qualifiers after the place, a place continued into another's name, and a misspelt "Cyngor".
extension WelshTests {
    static let porthmadog = Identity(
        id: "porthmadog", name: "Porthmadog Town Council", kind: "town council", place: "Porthmadog", area: "Gwynedd",
        aliases: ["Cyngor Tref Porthmadog"], domains: ["porthmadog-tc.cymru"],
        people: [Person(name: "Elin Pritchard", role: "Clerk"), Person(name: "Cllr Dafydd Rees", role: "Chair")])
    static let llanbadarn = Identity(
        id: "llanbadarn", name: "Llanbadarn Fawr Community Council", kind: "community council", place: "Llanbadarn Fawr",
        area: "Ceredigion", aliases: ["Cyngor Cymuned Llanbadarn Fawr", "Llanbadarn CC"])
    static let newport = Identity(
        id: "newport", name: "Newport Town Council", kind: "town council", place: "Newport", area: "Shropshire")

    func judge(_ scorer: Scorer, _ name: String, handle: String = "tudalen123", bio: String = "",
               platform: Platform = .facebook) -> Assessment {
        scorer.assess(Profile(platform: platform, id: name, handle: handle, displayName: name, bio: bio))
    }

    @Test func mutatedFormsAreSoftNasalAndAspirate() throws {
        let lists = try WordLists.shipped()
        let vocabulary = Vocabulary(lists, folder: try Folder())
        #expect(Set(vocabulary.mutated("Porthmadog")) == ["borthmadog", "mhorthmadog", "phorthmadog"])
        #expect(Set(vocabulary.mutated("Caerdydd")) == ["chaerdydd", "gaerdydd", "nghaerdydd"])
        // Ch never mutates; a form that is the name itself is left out.
        #expect(vocabulary.mutated("Chwilog").isEmpty)
    }

    /// "Cyngor Tref ym Mhorthmadog": the council in its place, with a place only a nasal mutation gives.
    @Test func aCouncilInItsNasallyMutatedPlaceSpeaksAsTheCouncil() throws {
        let scorer = try Scorer(identities: [Self.porthmadog])
        let a = judge(scorer, "Cyngor Tref", bio: "Cyngor Tref ym Mhorthmadog. Grantiau cymunedol, anfonwch neges.")
        #expect(a.verdict == .suspect && a.identity == "porthmadog", "\(a.reasons.map(\.detail))")
        #expect(a.reasons.contains { $0.signal == .bioScam })
    }

    /// A refund page and the Chair's gift-card mail, in Welsh, weigh as their English twins do.
    @Test func welshScamsWeighAsEnglishOnes() throws {
        let scorer = try Scorer(identities: [Self.porthmadog])
        let page = judge(scorer, "Cyngor Tref Porthmadog", bio: "Newyddion swyddogol. Ad-daliadau treth: cliciwch y ddolen.")
        #expect(page.reasons.contains { $0.signal == .bioScam }, "\(page.reasons.map(\.detail))")
        let cy = judge(scorer, "Dafydd Rees", handle: "dafyddrees1962@gmail.com",
                       bio: "Wyt ti ar gael? Dw i mewn cyfarfod. Angen cardiau rhodd Amazon.", platform: .email)
        let en = judge(scorer, "Dafydd Rees", handle: "dafyddrees1962@gmail.com",
                       bio: "Are you free? I am in a meeting. I need Amazon gift cards.", platform: .email)
        #expect(cy.verdict == .suspect && cy.reasons.contains { $0.signal == .mailScam }, "\(cy.reasons.map(\.detail))")
        #expect(cy.score == en.score)
    }

    /// "Swyddfa Faer" (the Mayor's office, "Maer" mutated) and a council's events committee selling
    /// tickets by bank transfer ("drwy drosglwyddiad banc") claim the council as their English twins do.
    @Test(arguments: [("Swyddfa Faer Tref Porthmadog", "Tudalen swyddogol"),
                      ("Pwyllgor Digwyddiadau Cyngor Tref Porthmadog", "Tocynnau Ffair Nadolig: talwch drwy drosglwyddiad banc")])
    func aMutatedOfficeAndATicketScamClaimTheCouncil(_ name: String, _ bio: String) throws {
        let scorer = try Scorer(identities: [Self.porthmadog])
        let a = judge(scorer, name, bio: bio)
        #expect(a.verdict == .suspect && a.identity == "porthmadog", "\(name): \(a.reasons.map(\.detail))")
    }

    /// The same words from the council's own domain are a colleague's mail.
    @Test func mailFromTheCouncilsOwnDomainIsNotAnImpostor() throws {
        let scorer = try Scorer(identities: [Self.porthmadog])
        let a = judge(scorer, "Elin Pritchard", handle: "clerc@porthmadog-tc.cymru", bio: "Wyt ti ar gael i ddod yn gynnar?",
                      platform: .email)
        #expect(a.verdict == .clear, "\(a.reasons.map(\.detail))")
        #expect(a.reasons.contains { $0.signal == .ownDomain })
    }

    /// Another place whose name holds this one: Newport Pagnell, Llanbadarn Fynydd, Llanbadarn y
    /// Creuddyn, Llanbadarn Fach. The handle that spells the longer name does not save it.
    @Test(arguments: [
        ("Newport Pagnell Town Council", "NewportPagnellTC"), ("Cyngor Cymuned Llanbadarn Fynydd", "CCLlanbadarnFynydd"),
        ("Cyngor Cymuned Llanbadarn y Creuddyn", "LlanbadarnYCreuddynCC"), ("Llanbadarn Fach Community Council", "tudalen123"),
        ("Stratford upon Avon Town Council", "tudalen123"),
    ])
    func anotherPlaceHoldingThisOnesNameIsNotIt(_ name: String, _ handle: String) throws {
        let stratford = Identity(id: "stratford", name: "Stratford Town Council", kind: "town council", place: "Stratford",
                                 area: "Essex")
        let scorer = try Scorer(identities: [Self.newport, Self.llanbadarn, stratford])
        let a = judge(scorer, name, handle: handle)
        #expect(a.verdict == .clear, "\(name): \(a.reasons.map(\.detail))")
    }

    /// What may follow the place and leave it the place: the county, a mistyped council word, an affix.
    @Test(arguments: ["Newport Shropshire Town Council", "Newport Twlon Council", "Newport Towm Council",
                      "Newport Official Town Council", "Kyngor Tref Porthmadog", "Cyngor Cymuned Llanbadarn Fawr Swyddogol",
                      "Cyngor Cymuned Llanbadarn Mawr", "Llanbadarn Mawr Community Council", "Cyngor Tref Porthmadog Newydd", "Cyngor Tref Porthmadog Cymorth", "Cyngor Tref Porthmadog Trigolion"])
    func theCountyATypoOrAnAffixAfterThePlaceLeaveItThePlace(_ name: String) throws {
        let scorer = try Scorer(identities: [Self.newport, Self.llanbadarn, Self.porthmadog])
        let a = judge(scorer, name)
        #expect(a.verdict == .suspect, "\(name): \(a.reasons.map(\.detail))")
    }
}
