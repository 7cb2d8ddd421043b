import ImpostorCore
import Testing
@testable import ImpostorScoring

/// Holes the held-out sets found, each closed by the general mechanism and tested on councils other
/// than those of the examples.
@Suite struct HeldOutHoleTests {
    static let longtown = Identity(id: "longtown", name: "Longtown Parish Council", kind: "parish council", place: "Longtown",
                                   area: "Herefordshire")
    static let wellington = Identity(id: "wellington", name: "Wellington Town Council", kind: "town council",
                                     place: "Wellington", area: "Somerset")
    let scorer = try! Scorer(identities: [longtown, wellington, thornbury])

    func handle(_ handle: String, name: String = "Parish news") -> Assessment {
        scorer.assess(Profile(platform: .x, id: handle, handle: handle, displayName: name))
    }

    /// A handle that only shares the tail of a council's name belongs to another place.
    @Test(arguments: ["DurringtonParishCouncil", "BrinningtonTownCouncil", "KillingtonTC", "hullingtontowncouncil"])
    func aHandleSharingOnlyTheTailIsAnotherPlace(_ h: String) {
        let a = handle(h)
        #expect(a.verdict == .clear, "\(h): \(a.reasons.map(\.detail))")
    }

    /// Typos at the start of the handle, or after words impostor knows, are still the place.
    @Test(arguments: ["LongtownParishCouncl", "LongtwonPC", "officialLongtovnPC", "the_longtownparishcouncil"])
    func aTypoedPlaceAtTheStartOrAfterKnownWordsIsStillTheCouncil(_ h: String) {
        let a = handle(h)
        #expect(a.verdict == .suspect && a.identity == "longtown", "\(h): \(a.reasons.map(\.detail))")
    }

    /// Hundreds of invisible or combining characters do not push the name out of what is read.
    @Test(arguments: ["\u{200B}", "\u{0301}", "\u{2060}", "\u{FE0F}\u{200D}"])
    func aNameBehindHundredsOfHiddenCharactersIsRead(_ hidden: String) {
        let name = String(repeating: hidden, count: 300) + "Wellington Town Council"
        let a = scorer.assess(Profile(platform: .bluesky, id: "h", handle: "someone.bsky.social", displayName: name))
        #expect(a.verdict == .suspect && a.identity == "wellington", "\(a.reasons.map(\.detail))")
    }
}

extension HeldOutHoleTests {
    /// A name stored backwards behind a right-to-left override shows the right way round on screen,
    /// and is read the way it shows.
    @Test(arguments: ["\u{202E}licnuoC nwoT notgnilleW", "\u{202E}licnuoC nwoT notgnilleW\u{202C}",
                      "\u{2067}\u{202E}licnuoC nwoT notgnilleW\u{202C}\u{2069}"])
    func aNameWrittenBackwardsBehindAnOverrideIsReadAsShown(_ name: String) {
        let a = scorer.assess(Profile(platform: .facebook, id: "r", handle: "page123", displayName: name))
        #expect(a.verdict == .suspect && a.identity == "wellington", "\(a.reasons.map(\.detail))")
        #expect(a.reasons.contains { $0.signal == "disguise" })
    }

    /// Arabic or Hebrew text beside a council's name is not an override: nothing is made of it.
    @Test func rightToLeftTextOfItsOwnIsNotATrick() {
        let a = scorer.assess(Profile(platform: .facebook, id: "r", handle: "page123", displayName: "مركز ثقافي Community Centre"))
        #expect(a.verdict == .clear)
    }
}

extension HeldOutHoleTests {
    /// A doubled or dropped letter at the very start of a handle is still a typo of the place.
    @Test(arguments: ["wwellingtontc", "welllingtontowncouncil", "wellingtnTC"])
    func aTypoAtTheStartOfAHandleIsStillThePlace(_ h: String) {
        let a = handle(h)
        #expect(a.verdict == .suspect && a.identity == "wellington", "\(h): \(a.reasons.map(\.detail))")
    }
}

extension HeldOutHoleTests {
    /// A place glued after a word whose last letter the folding merges with the place's first
    /// ("mayornewport" folds to "mayomewport") is still read as the place, typo and all.
    @Test func aPlaceGluedAfterAFoldedJoinIsStillThePlace() {
        let newport = Identity(id: "newport", name: "Newport Town Council", kind: "town council", place: "Newport",
                               area: "Shropshire")
        let scorer = try! Scorer(identities: [newport])
        let a = scorer.assess(Profile(platform: .x, id: "m", handle: "mayornewport", displayName: "Notices"))
        #expect(a.reasons.contains { $0.signal == "handle_place" || $0.signal == "handle" }, "\(a.reasons.map(\.detail))")
        let b = scorer.assess(Profile(platform: .x, id: "k", handle: "hornewport", displayName: "Notices"))
        #expect(!b.reasons.contains { $0.signal == "handle_place" || $0.signal == "handle" }, "\(b.reasons.map(\.detail))")
    }

    /// Short words of the vocabulary inside ordinary names claim nothing.
    @Test(arguments: ["Wellington Elder Care", "Wellington Border Collies", "Wellington Cider Co"])
    func wordsInsideOrdinaryNamesClaimNoOffice(_ name: String) {
        let a = scorer.assess(Profile(platform: .facebook, id: name, handle: "page1", displayName: name))
        #expect(a.verdict == .clear, "\(name): \(a.reasons.map(\.detail))")
    }
}
