import ImpostorCore
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
