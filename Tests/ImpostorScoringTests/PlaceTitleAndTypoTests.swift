import ImpostorCore
import Testing
@testable import ImpostorScoring

/// What a fourteenth round of probes found: a place written without the title it was granted, a typo
/// that lengthens the place's word, and a club whose name holds "Council".
@Suite struct PlaceTitleAndTypoTests {
    static let bassett = Identity(id: "rwb", name: "Royal Wootton Bassett Town Council", kind: "town council",
                                  place: "Royal Wootton Bassett", area: "Wiltshire")
    static let blewbury = Identity(id: "blewbury", name: "Blewbury Parish Council", kind: "parish council", place: "Blewbury",
                                   area: "Oxfordshire")
    static let truro = Identity(id: "truro", name: "Truro City Council", kind: "city council", place: "Truro", area: "Cornwall",
                                aliases: ["Konsel Cita Truru"])
    let scorer = try! Scorer(identities: [bassett, blewbury, truro])

    func judge(_ name: String, handle: String, bio: String) -> Assessment {
        scorer.assess(Profile(platform: .facebook, id: handle, handle: handle, displayName: name, bio: bio))
    }

    /// "Royal" is a title: the town without it is the same town. A page about the town's past that drops
    /// it claims nothing.
    @Test(arguments: [
        ("Wootton Bassett Town Council", "WoottonBassettTownCouncil", "Official page. The lights switch-on is cancelled, refunds via the link.", true),
        ("Wootton Bassett TC", "WoottonBassettTC", "Town council news. DM to book your place – £15 per person.", true),
        ("Wootton Bassett Memories", "WoottonBassettMemories", "Old photos of the town before it was Royal.", false),
    ])
    func aPlaceWithoutItsTitleIsThePlace(name: String, handle: String, bio: String, suspect: Bool) {
        let a = judge(name, handle: handle, bio: bio)
        #expect((a.verdict == .suspect && a.identity == "rwb") == suspect, "\(a.reasons.map(\.detail))")
    }

    /// "Blewberry": the nearest reading stops inside the word ("blewber"); the whole word is read instead,
    /// within the typos the place allows. A word further off is still another place.
    @Test func aTypoThatLengthensTheWordIsStillThePlace() {
        let a = judge("Blewberry Parish Council", handle: "BlewberryParishCouncil", bio: "Official. Win a Christmas hamper – like and share!")
        #expect(a.verdict == .suspect && a.identity == "blewbury", "\(a.reasons.map(\.detail))")
        let far = judge("Bloxbury Parish Council", handle: "BloxburyPC", bio: "News for Bloxbury village.")
        #expect(far.verdict == .clear, "\(far.reasons.map(\.detail))")
    }

    /// An alias in a language impostor has no words for names the council when the name is that alias
    /// exactly; its place alone in another name does not.
    @Test func anAliasWrittenExactlyNamesTheCouncil() {
        let a = judge("Konsel Cita Truru", handle: "Konsel.Cita.Truru", bio: "Win a Cornish hamper – share this post")
        #expect(a.verdict == .suspect && a.identity == "truro", "\(a.reasons.map(\.detail))")
        let club = judge("Truru Surf Club", handle: "trurusurf", bio: "Surf lessons on the north coast.")
        #expect(club.verdict == .clear, "\(club.reasons.map(\.detail))")
    }

    /// A club with "Council" in its name says what it is in its bio's opening words.
    @Test func aClubThatSaysSoIsNotTheCouncil() {
        let a = judge("Blewbury Council", handle: "blewburycouncil_wargames", bio: "Tabletop wargaming club ⚔️ Thursdays at the Red Lion.")
        #expect(a.verdict == .clear && a.reasons.contains { $0.signal == .selfDescribed }, "\(a.reasons.map(\.detail))")
        let fake = judge("Blewbury Council", handle: "blewburycouncil", bio: "Supporters club: tickets refunded – DM us.")
        #expect(fake.verdict == .suspect, "\(fake.reasons.map(\.detail))")
    }
}

/// A place read without its qualifier ("Millbeck" for Great Millbeck) is another place when the bio
/// repeats that spelling, but not when the bio writes the council's own place in full around it.
@Suite struct DroppedQualifierTests {
    static let millbeck = Identity(id: "great-millbeck", name: "Great Millbeck Parish Council", kind: "parish council",
                                   place: "Great Millbeck", area: "Suffolk")
    let scorer = try! Scorer(identities: [millbeck])

    @Test func theCouncilsOwnPlaceInTheBioIsNoPlaceOfItsOwn() {
        let a = scorer.assess(Profile(platform: .instagram, id: "1", handle: "millbeck_parish_council", displayName: "Millbeck Parish Council",
                                      bio: "Serving Great Millbeck, Suffolk 🌾 Grants for local clubs and societies — apply by message."))
        #expect(a.verdict == .suspect && !a.reasons.contains { $0.signal == .otherPlace }, "\(a.reasons.map(\.detail))")
        let other = scorer.assess(Profile(platform: .instagram, id: "2", handle: "millbeckpc", displayName: "Millbeck Parish Council",
                                          bio: "News for the people of Millbeck. Meetings on the first Monday."))
        #expect(other.verdict == .clear && other.reasons.contains { $0.signal == .otherPlace }, "\(other.reasons.map(\.detail))")
    }
}

/// X allows 15 characters, so a council's name runs out inside its council word ("BlewburyParishC" is too short
/// to say, "ChelbyTownCounc" is not): the word is read whole, on X only, and only from four letters.
@Suite struct CutHandleTests {
    @Test func anXHandleCutInsideACouncilWordReadsWhole() throws {
        let chelby = Identity(id: "chelby", name: "Chelby Town Council", kind: "town council", place: "Chelby", area: "Kent")
        let scorer = try Scorer(identities: [chelby])
        let vocabulary = scorer.vocabulary
        #expect(vocabulary.completedHandle("ChelbyTownCounc", platform: .x) == "ChelbyTownCouncil")
        #expect(vocabulary.completedHandle("ChelbyTownCounc", platform: .facebook) == nil)
        #expect(vocabulary.completedHandle("ChelbyTnCounc", platform: .x) == nil, "not at the limit")
        #expect(vocabulary.completedHandle("ChelbyTownCou_x", platform: .x) == nil)
        let cut = scorer.assess(Profile(platform: .x, id: "1", handle: "chelbytowncounc", displayName: "Help Desk",
                                        bio: "News and notices from Chelby Town Council."))
        #expect(cut.verdict == .suspect && cut.reasons.contains { $0.signal == .handle }, "\(cut.reasons.map(\.detail))")
        let page = scorer.assess(Profile(platform: .facebook, id: "2", handle: "chelbytowncounc", displayName: "Help Desk",
                                         bio: "News and notices from Chelby Town Council."))
        #expect(!page.reasons.contains { $0.signal == .handle }, "\(page.reasons.map(\.detail))")
    }
}
