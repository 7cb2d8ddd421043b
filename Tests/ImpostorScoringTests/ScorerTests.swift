import ImpostorCore
import Testing
@testable import ImpostorScoring

/// One council, as a watchlist file would describe it.
let thornbury = Identity(
    id: "thornbury-town-council", name: "Thornbury Town Council", kind: "town council", place: "Thornbury",
    area: "Gloucestershire", aliases: ["Thornbury TC"], domains: ["thornburytowncouncil.gov.uk"],
    officials: [AccountReference(platform: .x, handle: "ThornburyTC")],
    people: [Person(name: "Cllr Helen Marsh", role: "Mayor"), Person(name: "David Okafor", role: "Town Clerk")],
    allowed: [AccountReference(platform: .facebook, handle: "ThornburyInBloom", note: "volunteers")])
let rugeley = Identity(id: "rugeley-town-council", name: "Rugeley Town Council", kind: "town council", place: "Rugeley",
                       area: "Staffordshire")
let northFerriby = Identity(id: "north-ferriby", name: "North Ferriby Parish Council", kind: "parish council",
                            place: "North Ferriby", area: "East Riding of Yorkshire")

@Suite struct ScorerTests {
    let scorer = try! Scorer(identities: [thornbury, rugeley, northFerriby])

    func judge(_ name: String, handle: String = "someone123", bio: String = "", platform: Platform = .facebook) -> Assessment {
        scorer.assess(Profile(platform: platform, id: "t", handle: handle, displayName: name, bio: bio))
    }

    /// What a clerk would want to review: each trick impostors use.
    @Test(arguments: [
        ("Thornbury Town Council", "", "exact copy"),
        ("Тhоrnbury Town Counciⅼ", "", "Cyrillic and Roman numeral look-alikes"),
        ("Thornbury Town Coun\u{200B}cil", "", "zero-width space"),
        ("𝐓𝐡𝐨𝐫𝐧𝐛𝐮𝐫𝐲 𝐓𝐨𝐰𝐧 𝐂𝐨𝐮𝐧𝐜𝐢𝐥", "", "mathematical bold"),
        ("ᴛʜᴏʀɴʙᴜʀʏ ᴛᴏᴡɴ ᴄᴏᴜɴᴄɪʟ", "", "small capitals"),
        ("Th0rnbury T0wn Counci1", "", "leetspeak"),
        ("Thornbury Town Council Official ✅", "", "affix and tick"),
        ("Thornbrury Town Council", "News and notices from Thornbury Town Council.", "typo"),
        ("Thornbury TC", "", "abbreviation"),
        ("T.C. Thornbury", "", "abbreviation, word order"),
        ("Council Thornbury Town", "", "word order"),
        ("Thornbury Council Grants", "Message us to claim your council tax rebate.", "grants affix"),
    ])
    func councilImpersonationsAreSuspects(name: String, bio: String, trick: String) {
        let a = judge(name, bio: bio)
        #expect(a.verdict == .suspect, "\(trick): \(a.reasons.map(\.detail))")
        #expect(a.identity == "thornbury-town-council")
        #expect(a.target == .council)
    }

    @Test(arguments: [
        ("Mayor of Thornbury", "mayor, no name"),
        ("Cllr Helen Marsh - Mayor of Thornbury", "mayor by name"),
        ("Thornbury Town Clerk", "clerk by office"),
        ("David Okafor Thornbury Town Council", "clerk by name"),
        ("Clerk to Thornbury Town Council", "clerk, phrased"),
    ])
    func personImpersonationsTargetThePerson(name: String, trick: String) {
        let a = judge(name)
        #expect(a.verdict == .suspect, "\(trick): \(a.reasons.map(\.detail))")
        #expect(a.target == .person)
    }

    @Test func genericNameWithCouncilHandleAndClaimingBio() {
        let a = judge("Residents Help", handle: "thornburytowncouncil_uk",
                      bio: "Official account of Thornbury Town Council. Our old page was hacked, please follow us here.")
        #expect(a.verdict == .suspect)
        #expect(a.reasons.contains { $0.signal == "handle" })
        #expect(a.reasons.contains { $0.signal == "bio_claim" })
    }

    @Test func logoAndClaimMakeAGenericNameASuspect() {
        let profile = Profile(platform: .x, id: "t", handle: "jsmith88", displayName: "Thornbury Notices",
                              bio: "Thornbury Town Council. Serving the residents of Thornbury.")
        let without = scorer.assess(profile)
        let with = scorer.assess(profile, logoMatches: [LogoMatch(identity: thornbury.id, logo: "crest.png", distance: 12, variant: "circle")])
        #expect(with.score > without.score)
        #expect(with.verdict == .suspect)
        #expect(with.reasons.contains { $0.signal == "logo" && $0.matched == "crest.png" })
    }

    @Test func distantLogoIsNoEvidence() {
        let profile = Profile(platform: .x, id: "t", handle: "jsmith88", displayName: "Thornbury Notices", bio: "")
        let a = scorer.assess(profile, logoMatches: [LogoMatch(identity: thornbury.id, logo: "crest.png", distance: 90, variant: "whole")])
        #expect(!a.reasons.contains { $0.signal == "logo" })
    }

    /// What a clerk would dismiss.
    @Test(arguments: [
        ("Thornbury Rugby Club", "", "namesake organisation"),
        ("Thornbury Dental Practice", "Dentists in Thornbury, Gloucestershire.", "namesake business"),
        ("Spotted: Thornbury", "Community page. Not affiliated with Thornbury Town Council.", "community group"),
        ("Thornbury Gazette", "Local news for Thornbury including Thornbury Town Council meetings.", "local news"),
        ("Cllr Sam Patel", "Thornbury Town Council councillor for North ward. Views my own.", "councillor"),
        ("Not Thornbury Town Council (parody)", "Parody account.", "parody"),
        ("Thornbury Parish Council", "Thornbury Parish Council, North Yorkshire. Serving the parish of Thornbury.", "namesake council elsewhere"),
        ("Thornbury Town Council", "Thornbury Town Council, Cumbria. Serving the people of Thornbury.", "same name, other county"),
        ("Thornbory Parish Council", "Official account of Thornbory Parish Council. Serving the people of Thornbory.", "near-name council"),
        ("Rugby Club", "", "unrelated"),
    ])
    func benignAccountsAreClear(name: String, bio: String, category: String) {
        let a = judge(name, bio: bio)
        #expect(a.verdict == .clear, "\(category): \(a.reasons.map { "\($0.signal) \($0.weight)" })")
    }

    @Test func anotherPlaceWithAQualifierIsNotATypo() {
        let a = judge("South Ferriby Parish Council", handle: "southferribypc",
                      bio: "Official account of South Ferriby Parish Council. Serving the people of South Ferriby.")
        #expect(a.verdict == .clear)
        let b = judge("North Ferriby Parish Council", handle: "northferribypc1", bio: "Grants available, DM us now!")
        #expect(b.verdict == .suspect)
        #expect(b.identity == "north-ferriby")
    }

    @Test func officialAndAllowedAccountsAreRecognised() {
        let official = judge("Thornbury Town Council", handle: "@thornburytc", platform: .x)
        #expect(official.verdict == .official)
        #expect(official.score == 0)
        let allowed = judge("Thornbury in Bloom", handle: "ThornburyInBloom")
        #expect(allowed.verdict == .allowed)
        // The same handle on another platform is not the official account.
        #expect(judge("Thornbury Town Council", handle: "ThornburyTC", platform: .instagram).verdict == .suspect)
    }

    @Test func attributesToTheRightCouncil() {
        #expect(judge("Rugeley Town Council").identity == "rugeley-town-council")
        #expect(judge("Mayor of Rugeley").identity == "rugeley-town-council")
    }

    @Test func reasonsSayWhatMatched() {
        let a = judge("Тhornbury Town Council")
        let name = try! #require(a.reasons.first { $0.signal == "name" })
        #expect(name.identity == "thornbury-town-council")
        #expect(name.folded == "thornbury town council")
        #expect(a.reasons.contains { $0.signal == "disguise" && $0.folded?.contains("U+0422") == true })
    }

    @Test func hostileTextIsBoundedAndHarmless() {
        let huge = String(repeating: "Thornbury ", count: 50_000)
        let a = judge(huge + "Town Council", bio: String(repeating: "<script>alert(1)</script>", count: 10_000))
        #expect(a.score >= 0 && a.score <= 1)
        let rtl = judge("\u{202E}licnuoC nwoT yrubnrohT")
        #expect(rtl.score >= 0 && rtl.score <= 1)
    }
}
