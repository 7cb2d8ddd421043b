@testable import ImpostorCore
import ImpostorText
import Testing
@testable import ImpostorScoring

/// Holes the held-out sets found, closed in general: a place by its initials, "ToC" for Town Council,
/// a Mastodon badge drawn by a custom emoji, Welsh word order in a bio, and a council's own words.
@Suite struct AbbreviationAndLanguageTests {
    static let hebdenRoyd = Identity(id: "hebden-royd", name: "Hebden Royd Town Council", kind: "town council",
                                     place: "Hebden Royd", area: "West Yorkshire")
    static let muchWenlock = Identity(id: "much-wenlock", name: "Much Wenlock Town Council", kind: "town council",
                                      place: "Much Wenlock", area: "Shropshire")
    static let llandeilo = Identity(id: "llandeilo", name: "Llandeilo Town Council", kind: "town council", place: "Llandeilo",
                                    area: "Carmarthenshire", aliases: ["Cyngor Tref Llandeilo"],
                                    people: [Person(name: "Cllr Eirian Jones", role: "Mayor")])
    static let thornbury = Identity(id: "thornbury", name: "Thornbury Town Council", kind: "town council", place: "Thornbury",
                                    area: "Gloucestershire")
    static let longSutton = Identity(id: "long-sutton", name: "Long Sutton Parish Council", kind: "parish council",
                                     place: "Long Sutton", area: "Lincolnshire")
    let scorer = try! Scorer(identities: [hebdenRoyd, muchWenlock, llandeilo, thornbury, longSutton])

    func judge(_ name: String, handle: String = "resident4821", bio: String = "", platform: Platform = .facebook) -> Assessment {
        scorer.assess(Profile(platform: platform, id: name, handle: handle, displayName: name, bio: bio))
    }

    @Test(arguments: [("HR Town Council", "hebden-royd"), ("H.R. Town Council", "hebden-royd"),
                      ("MW Town Council", "much-wenlock"), ("Official MW Council", "much-wenlock"), ("LS Parish Council", "long-sutton")])
    func aPlaceOfSeveralWordsByItsInitialsBeforeCouncilWords(name: String, identity: String) {
        let a = judge(name)
        #expect(a.verdict == .suspect && a.identity == identity, "\(name): \(a.reasons.map(\.detail))")
        #expect(a.reasons.first { $0.signal == .name }?.detail.contains("initials") == true)
    }

    @Test(arguments: ["HR Solutions", "HR Town Updates", "T Town Council", "HR Cricket Club"])
    func initialsWithoutCouncilWordsOrOfOneWordPlacesAreNothing(_ name: String) {
        #expect(judge(name).verdict == .clear, "\(name): \(judge(name).reasons.map(\.detail))")
    }

    /// A handle of a place of three words or more by its initials and the council's abbreviation.
    @Test func aHandleOfInitialsAndAbbreviation() throws {
        let walton = Identity(id: "walton", name: "Walton on the Hill Parish Council", kind: "parish council",
                              place: "Walton on the Hill", area: "Surrey")
        let scorer = try Scorer(identities: [walton, Self.thornbury])
        func judge(_ handle: String) -> Assessment {
            scorer.assess(Profile(platform: .x, id: handle, handle: handle, displayName: "Parish News"))
        }
        for handle in ["wothpc", "officialwothpc", "WOTHParishCouncil"] {
            let a = judge(handle)
            #expect(a.verdict == .suspect && a.identity == "walton", "\(handle): \(a.reasons.map(\.detail))")
        }
        for handle in ["wothfc", "xwothpc", "woth"] {
            #expect(judge(handle).verdict == .clear, "\(handle)")
        }
    }

    /// The council's own initials in its bio are not another place's name repeated.
    @Test func initialsRepeatedInTheBioAreNoOtherPlace() {
        let a = judge("HR Town Council", bio: "The official page of HR Town Council")
        #expect(!a.reasons.contains { $0.signal == .otherPlace } && a.verdict == .suspect, "\(a.reasons.map(\.detail))")
    }

    @Test func aCandidatesHandleIsTheirOwn() {
        let a = judge("Jo Bloggs for Thornbury", handle: "ThornburyPPC")
        #expect(a.verdict == .clear, "\(a.reasons.map(\.detail))")
    }

    @Test(arguments: [("Much Wenlock ToC", "resident4821"), ("Town news", "MuchWenlockToC"), ("Notices", "thornburytoc"),
                      ("Notices", "thornburyttc"), ("Notices", "muchwenlockttc2")])
    func toCIsATownCouncil(name: String, handle: String) {
        let a = judge(name, handle: handle)
        #expect(a.verdict == .suspect, "\(name) @\(handle): \(a.reasons.map(\.detail))")
    }

    @Test(arguments: ["thornburyfc", "thornburyffc", "thornburyrfc"])
    func aClubsHandleIsNoCouncil(_ handle: String) {
        #expect(!judge("Notices", handle: handle).reasons.contains { $0.signal == .handle }, "\(handle)")
    }

    @Test func aBadgeDrawnByACustomEmojiIsATick() {
        let plain = judge("Thornbury Town Council", handle: "thornbury_tc@mastodon.social", platform: .mastodon)
        let badged = judge(":verified: Thornbury Town Council", handle: "thornbury_tc@mastodon.social", platform: .mastodon)
        #expect(badged.reasons.contains { $0.signal == .disguise && $0.detail.contains("tick") }, "\(badged.reasons.map(\.detail))")
        #expect(badged.score > plain.score)
        // Another picture is only a picture, and a colon in prose is only a colon.
        let leaf = judge(":oak_leaf: Thornbury Town Council :tickets:", handle: "thornbury_tc@mastodon.social", platform: .mastodon)
        #expect(!leaf.reasons.contains { $0.signal == .disguise }, "\(leaf.reasons.map(\.detail))")
        #expect(CustomEmoji.showingBadges("Meeting: 7pm: all welcome") == "Meeting: 7pm: all welcome")
        #expect(CustomEmoji.showingBadges(":verified: Thornbury :Blue_Check:") == "\u{2714} Thornbury \u{2714}")
        #expect(CustomEmoji.showingBadges(":badger: :lipstick:") == ":badger: :lipstick:")
        // Elsewhere colons are only text: the place between them is read.
        let x = judge(":Thornbury: Town Council", platform: .x)
        #expect(x.verdict == .suspect, "\(x.reasons.map(\.detail))")
    }

    @Test(arguments: ["Maer Llandeilo. Negeseuwch fi am grantiau.", "Clerc Cyngor Tref Llandeilo", "Cadeirydd Llandeilo",
                      "Clerc Cyngor Tref Llandeilo. Cysylltwch â mi"])
    func anOfficeInWelshWordOrderIsClaimed(_ bio: String) {
        let a = judge("Gwybodaeth", bio: bio)
        #expect(a.reasons.contains { $0.signal == .bioOffice }, "\(bio): \(a.reasons.map(\.detail))")
    }

    @Test(arguments: ["Ysgol Llandeilo", "Maer Aberystwyth", "Cyfarfod gyda Maer Llandeilo ddoe"])
    func welshBiosThatClaimNoOfficeOfThisCouncil(_ bio: String) {
        let a = judge("Gwybodaeth", bio: bio)
        #expect(!a.reasons.contains { $0.signal == .bioOffice }, "\(bio): \(a.reasons.map(\.detail))")
    }

    /// A Welsh alias spelled as the English name still gives its mutated forms; "Cyngor Dinas" is a city
    /// council, not a place called Dinas.
    @Test func welshAliasesMutateAndCyngorDinasIsAKind() throws {
        let a = judge("Maer o Landeilo")
        #expect(a.verdict == .suspect && a.identity == "llandeilo", "\(a.reasons.map(\.detail))")
        let stDavids = Identity(id: "st-davids", name: "St Davids City Council", kind: "city council", place: "St Davids",
                                area: "Pembrokeshire", aliases: ["Cyngor Dinas Tyddewi"])
        let scorer = try Scorer(identities: [stDavids])
        let welsh = scorer.assess(Profile(platform: .x, id: "1", handle: "newyddion4821", displayName: "Cyngor Tyddewi"))
        #expect(welsh.verdict == .suspect, "\(welsh.reasons.map(\.detail))")
        let powys = scorer.assess(Profile(platform: .x, id: "2", handle: "x4821", displayName: "Dinas Powys Community News"))
        #expect(powys.verdict == .clear)
    }

    @Test(arguments: ["Tudalen swyddogol Cyngor Tref Llandeilo", "Croeso i dudalen Cyngor Tref Llandeilo"])
    func aWelshBioSpeaksAsTheCouncil(_ bio: String) {
        let a = judge("Newyddion", bio: bio)
        #expect(a.reasons.contains { $0.signal == .bioClaim }, "\(bio): \(a.reasons.map(\.detail))")
    }

    @Test(arguments: ["I am the Mayor of Thornbury. Message me for a grant.", "This is the Mayor of Thornbury"])
    func shortWelshWordsDoNotUndoEnglishClaims(_ bio: String) {
        let a = judge("Info", bio: bio)
        #expect(a.reasons.contains { $0.signal == .bioOffice }, "\(a.reasons.map(\.detail))")
    }

    @Test func aCouncilsOwnWordsAreReadAsItsVocabulary() throws {
        var own = Self.thornbury
        own.words = ["negators": ["Watchdog"], "organisations": ["Wassail"]]
        let with = try Scorer(identities: [own])
        let without = try Scorer(identities: [Self.thornbury])
        for name in ["Thornbury Council Watchdog", "Thornbury Wassail"] {
            let profile = Profile(platform: .x, id: name, handle: "resident4821", displayName: name)
            let before = without.assess(profile), after = with.assess(profile)
            #expect(before.verdict == .suspect || before.score > after.score, "\(name): \(before.reasons.map(\.detail))")
            #expect(after.verdict == .clear, "\(name): \(after.reasons.map(\.detail))")
        }
    }

    @Test func theShippedVocabularyHoldsEnglishWelshAndGaelic() throws {
        let lists = try WordLists.shipped()
        #expect(lists.languages.first == "en")
        #expect(Set(lists.languages).isSuperset(of: ["en", "cy", "gd"]))
        #expect(lists["council"].contains("cyngor") && lists["council"].contains("council"))
        #expect(lists["offices_mayor"].contains("maer"))
    }

    @Test func aBrokenVocabularyFileIsAClearError() throws {
        #expect(throws: WordListError.self) { try WordLists.parse("council = \"council\"", path: "x.toml") }
        #expect(throws: WordListError.self) { try WordLists.parse("council = [1, 2]", path: "x.toml") }
        #expect(throws: WordListError.self) { try WordLists.parse("council = [", path: "x.toml") }
        #expect(throws: WordListError.self) { try WordLists.load(directory: "/nonexistent/vocabulary") }
    }
}

/// Abbreviations and short forms a council's own kind gives it: "CC" for a community council (as for a
/// city's), "Mtg" for a Parish Meeting.
@Suite struct OwnKindAbbreviationTests {
    static let llanddewi = Identity(id: "llanddewi", name: "Cyngor Cymuned Llanddewi Felin", kind: "community council",
                                    place: "Llanddewi Felin", area: "Gwynedd", aliases: ["Llanddewi Felin Community Council"])
    static let compton = Identity(id: "compton", name: "Compton Abdale Parish Meeting", kind: "parish meeting",
                                  place: "Compton Abdale", area: "Gloucestershire")
    static let wexcester = Identity(id: "wexcester", name: "Wexcester City Council", kind: "city council", place: "Wexcester",
                                    area: "Gloucestershire")

    @Test func aCommunityCouncilIsCCAsACityIs() throws {
        let scorer = try Scorer(identities: [Self.llanddewi, Self.wexcester])
        let cc = scorer.assess(Profile(platform: .x, id: "1", handle: "LlanddewiFelnCC", displayName: "Llanddewi Felin CC",
                                       bio: "Community Council for Llanddewi Felin, Gwynedd. Notices and meetings."))
        #expect(cc.verdict == .suspect && !cc.reasons.contains { $0.signal == .otherKind }, "\(cc.reasons.map(\.detail))")
        let city = scorer.assess(Profile(platform: .x, id: "2", handle: "wexcc", displayName: "Wexcester CC", bio: ""))
        #expect(city.verdict == .suspect && city.identity == "wexcester", "\(city.reasons.map(\.detail))")
        // A council of another kind still reads "TC" as another kind's.
        let town = scorer.assess(Profile(platform: .x, id: "3", handle: "x", displayName: "Llanddewi Felin TC", bio: ""))
        #expect(town.reasons.contains { $0.signal == .otherKind }, "\(town.reasons.map(\.detail))")
    }

    @Test func aParishMeetingIsItsMtg() throws {
        let scorer = try Scorer(identities: [Self.compton])
        let mtg = scorer.assess(Profile(platform: .x, id: "1", handle: "comptonpm", displayName: "Compton Abdale Parish Mtg", bio: ""))
        #expect(mtg.verdict == .suspect && mtg.reasons.contains { $0.signal == .name }, "\(mtg.reasons.map(\.detail))")
        let quaker = scorer.assess(Profile(platform: .x, id: "2", handle: "x", displayName: "Compton Abdale Quaker Mtg", bio: ""))
        #expect(quaker.verdict == .clear, "\(quaker.reasons.map(\.detail))")
    }
}

/// Handles as feeds give them: a profile's address where the handle belongs, and an abbreviation whose
/// last letter folds into the next word's first ("KingsmereTCinfo" keys as "…tdnfo").
@Suite struct HandleFormTests {
    static let kingsmere = Identity(id: "kingsmere", name: "Kingsmere Town Council", kind: "town council", place: "Kingsmere",
                                    area: "Norfolk", officials: [AccountReference(platform: .facebook, handle: "KingsmereTownCouncil")])
    let scorer = try! Scorer(identities: [kingsmere])

    @Test func theOfficialAccountGivenAsItsAddressIsOfficial() {
        let a = scorer.assess(Profile(platform: .facebook, id: "1", handle: "https://www.facebook.com/KingsmereTownCouncil",
                                      displayName: "Kingsmere Town Council", bio: "News and meetings."))
        #expect(a.verdict == .official, "\(a.reasons.map(\.detail))")
        let other = scorer.assess(Profile(platform: .facebook, id: "2", handle: "https://www.facebook.com/KingsmereTownCouncilUK",
                                          displayName: "Kingsmere Town Council", bio: "News and meetings."))
        #expect(other.verdict == .suspect, "\(other.reasons.map(\.detail))")
    }

    @Test(arguments: [("KingsmereTCinfo", true), ("kingsmere_tc_info", true), ("KingsmereToday", false), ("kingsmeretd", false)])
    func anAbbreviationBeforeAnAffixInAHandle(handle: String, council: Bool) {
        let a = scorer.assess(Profile(platform: .facebook, id: handle, handle: handle, displayName: "Info Page",
                                      bio: "Updates for residents."))
        #expect(a.reasons.contains { $0.signal == .handle } == council, "\(a.reasons.map(\.detail))")
    }
}
