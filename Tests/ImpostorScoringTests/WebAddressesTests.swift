import Testing
import ImpostorCore
@testable import ImpostorScoring

@Suite struct WebAddressesTests {
    /// The byte scan that skips most bios never skips one with an address: on random text built from
    /// what addresses and sentences are made of, `read` gives what reading every character gives.
    @Test func skippingABioWithoutAnAddressChangesNothing() {
        let pieces = ["a", "Z", "7", ".", ". ", "-", "@", "/", ":", "https://", "www", "gov", "uk", "com", " ", "\n", "ü",
                      "é", "İ", "\u{301}", "٣", "…", ",", "!", "_", "?", "#", "co", "council", "mailto:", "8080",
                      ".uk", ".com", "oakbridge.gov", ".org.uk", ".x-y", ".ü", ".7"]
        var random = SystemRandomNumberGenerator()
        var withAddress = 0
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...14, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let read = WebAddresses.read(text), scanned = WebAddresses.scan(text)
            #expect(read.prose == scanned.prose && read.addresses == scanned.addresses, "\(text.debugDescription)")
            if !scanned.addresses.isEmpty { withAddress += 1 }
        }
        #expect(withAddress > 250, "the random texts must hold addresses often enough to test anything")
        #expect(WebAddresses.read("Grants at chorleytc.co.uk. Apply now.").addresses == ["chorleytc.co.uk"])
        #expect(WebAddresses.read("Hello. Official page.").addresses.isEmpty)
    }
}

/// A council whose domain is its place alone ("wexcester.gov.uk"): every local business that names the
/// place writes it in its address, so only the place with the council's words is spelled as the council's.
@Suite struct PlaceDomainTests {
    static let wexcester = Identity(id: "wexcester", name: "Wexcester City Council", kind: "city council", place: "Wexcester",
                                    area: "Gloucestershire", domains: ["wexcester.gov.uk"],
                                    officials: [AccountReference(platform: .x, handle: "WexcesterCC")])
    let scorer = try! Scorer(identities: [wexcester])

    func judge(_ name: String, handle: String = "someone", bio: String) -> Assessment {
        scorer.assess(Profile(platform: .facebook, id: "1", handle: handle, displayName: name, bio: bio))
    }

    @Test(arguments: ["wexcester-gov.uk", "parking.wexcester-gov.uk", "refunds@wexcester-gov.uk", "wexcestergov.online",
                      "wexcester.gov.uk-claims.com", "wexcester.gov.uk.claims.com", "wexcester-gov.co.uk",
                      "wexcestertowncouncil.co.uk",
                      "wexcestercitycouncil.com", "wexcestercc.org", "wexcester-pcn.com", "wexcester-garden-waste.co.uk"])
    func thePlaceWithTheCouncilsWordsIsItsSpelling(address: String) {
        let a = judge("Parking Fines", bio: "Pay your parking fine at \(address)")
        #expect(a.reasons.contains { $0.signal == .bioDomain }, "\(a.reasons.map(\.detail))")
    }

    @Test(arguments: ["wexcesterlive.co.uk", "wexcesterbakery.co.uk", "visitwexcester.com", "wexcestertown.net",
                      "wexcester.ac.uk", "wexcestercommunity.org.uk", "wexcesterpc.co.uk", "wexcestergovernors.org.uk",
                      "mywexcester.gov.uk"])
    func aLocalBusinessNamingThePlaceIsNot(address: String) {
        let a = judge("Wexcester Live", bio: "Breaking news from Wexcester 📰 Council, courts, crime. Send us your stories: news@\(address)")
        #expect(!a.reasons.contains { $0.signal == .bioDomain } && a.verdict == .clear, "\(a.reasons.map(\.detail))")
    }

    /// A profile that is a web page is at an address of its own: a site spelled as the council's is weighed as
    /// a bio's address is. A platform's profile address is the platform's.
    @Test func aReportedSitesOwnAddressIsWeighed() {
        let site = scorer.assess(Profile(platform: Platform(rawValue: "web"), id: "s", handle: "", displayName: "Council Tax Rebates",
                                         bio: "Claim your £150 rebate today.", url: "https://wexcester.gov.uk.rebate-claim.info/claim"))
        #expect(site.reasons.contains { $0.signal == .bioDomain }, "\(site.reasons.map(\.detail))")
        let page = scorer.assess(Profile(platform: .facebook, id: "f", handle: "wexcesterrebates", displayName: "Council Tax Rebates",
                                         bio: "Claim your £150 rebate today.", url: "https://www.facebook.com/wexcesterrebates"))
        #expect(!page.reasons.contains { $0.signal == .bioDomain }, "\(page.reasons.map(\.detail))")
    }

    /// The council's own account sending people to such an address has been taken over; warning of it, it has not.
    @Test func anOfficialAccountLinkingALookalikeIsACase() {
        let taken = scorer.assess(Profile(platform: .x, id: "2", handle: "WexcesterCC", displayName: "Wexcester City Council",
                                          bio: "Great news! Residents can claim a share of £10,000 – claim here 👉 wexcester-gov.uk/claim"))
        #expect(taken.verdict == .suspect && taken.reasons.contains { $0.signal == .hijacked }, "\(taken.reasons.map(\.detail))")
        // An address spelled as the council's with more added, beside money on offer.
        let grants = scorer.assess(Profile(platform: .x, id: "4", handle: "WexcesterCC", displayName: "Wexcester City Council",
                                           bio: "New grant scheme: apply at https://wexcester-gov-grants.com"))
        #expect(grants.verdict == .suspect && grants.reasons.contains { $0.signal == .hijacked }, "\(grants.reasons.map(\.detail))")
        for bio in ["Beware: a fake site, wexcester-gov.uk, asks for card details.", "Minutes and agendas at wexcester.gov.uk",
                    "Visit our markets: wexcesterbakery.co.uk and more", "Official. Contact wexcestercitycouncil@gmail.com",
                    "Proud partner of wexcester.ac.uk", "Lord Mayor's charity appeal: wexcestermayor.org.uk",
                    "We have moved to Bluesky: @wexcestercitycouncil.bsky.social",
                    "Agendas: wexcestergovuk.sharepoint.com, meetings on wexcester-gov-uk.zoom.us",
                    "Write to clerk@wexcestergovuk.onmicrosoft.com"] {
            let own = scorer.assess(Profile(platform: .x, id: "3", handle: "WexcesterCC", displayName: "Wexcester City Council", bio: bio))
            #expect(own.verdict == .official, "\(bio): \(own.reasons.map(\.detail))")
        }
    }

    /// The council's own account, its name kept, asking residents to log in or claim a refund has been taken over:
    /// the phishing a taken page posts. Its own reminders about council tax or an account with it are not.
    @Test(arguments: [
        ("Important: verify your account to keep receiving updates. Log in at wex-verify.net to confirm your details.", true),
        ("Residents: you may be owed a council tax refund! Claim your refund now, tap the link.", true),
        ("Council tax is collected by Wexcester District Council. Refunds: see their website.", false),
        ("Create an account on our website to book the hall. Forgot your password? Log in and reset it.", false),
    ])
    func anOfficialAccountPostingPhishingIsACase(bio: String, taken: Bool) {
        let a = scorer.assess(Profile(platform: .x, id: "4", handle: "WexcesterCC", displayName: "Wexcester City Council", bio: bio))
        #expect((a.verdict == .suspect && a.reasons.contains { $0.signal == .hijacked }) == taken, "\(a.reasons.map(\.detail))")
    }

    /// A namesake elsewhere writes its own county into its address: "elmstowpc-shropshire.org.uk" is not
    /// Elmstow Parish Council of Essex at "elmstow-pc.gov.uk".
    @Test func aNamesakesOwnAddressIsNotALookalike() throws {
        let elmstow = Identity(id: "elmstow", name: "Elmstow Parish Council", kind: "parish council", place: "Elmstow",
                               area: "Essex", domains: ["elmstow-pc.gov.uk"])
        let scorer = try Scorer(identities: [elmstow])
        func judge(_ bio: String) -> Assessment {
            scorer.assess(Profile(platform: .facebook, id: "1", handle: "x", displayName: "Elmstow News", bio: bio))
        }
        let namesake = judge("Elmstow Parish Council, Shropshire. Clerk: clerk@elmstowpc-shropshire.org.uk")
        #expect(!namesake.reasons.contains { $0.signal == .bioDomain }, "\(namesake.reasons.map(\.detail))")
        let fake = judge("Council tax refunds: claim at elmstowpc-refunds.org.uk")
        #expect(fake.reasons.contains { $0.signal == .bioDomain }, "\(fake.reasons.map(\.detail))")
    }
}
