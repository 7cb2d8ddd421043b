import ImpostorCore
import Testing
@testable import ImpostorScoring

/// Pages the council runs but has not listed: a committee, its libraries, an event it organises. Asking
/// for nothing, they are most likely its own; asking for money or a message, or claiming to be the
/// council itself, they are cases.
@Suite struct CouncilRunPageTests {
    static let thrapley = Identity(id: "thrapley", name: "Thrapley Town Council", kind: "town council", place: "Thrapley",
                                   area: "Northamptonshire", domains: ["thrapleytowncouncil.org.uk"])
    let scorer = try! Scorer(identities: [thrapley])

    func judge(_ name: String, bio: String) -> Assessment {
        // The handle as such pages write it: the name run together ("thrapleylibraries").
        let handle = String(name.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) }.map(Character.init))
        return scorer.assess(Profile(platform: .facebook, id: name, handle: handle, displayName: name, bio: bio))
    }

    @Test(arguments: [
        ("Thrapley Christmas Lights Committee", "A committee of Thrapley Town Council 🎄 Switch-on Sat 29 Nov, FREE entry. Volunteers welcome!"),
        ("Thrapley Libraries 📚", "Thrapley Town Council's 3 libraries. Events, ebooks and storytime."),
        ("Thrapley Bonfire Night", "Run by Thrapley Town Council. Tickets only from our website. We never sell or refund tickets through messages."),
    ])
    func aPageTheCouncilRunsAskingNothingIsClear(name: String, bio: String) {
        let a = judge(name, bio: bio)
        #expect(a.verdict == .clear, "\(a.reasons.map(\.detail))")
        #expect(a.reasons.first { $0.signal == .bioClaim }?.weight == BioClaimRule.belonging, "\(a.reasons.map(\.detail))")
    }

    @Test(arguments: [
        ("Thrapley Christmas Market", "Run by Thrapley Town Council. Stall pitches £45 – DM us to pay by bank transfer!"),
        ("Thrapley Updates", "The official page of Thrapley Town Council."),
        ("Thrapley Libraries", "Thrapley Town Council's libraries. Message us for your council tax rebate."),
        // A price, a number to ring or another site is an ask in any words.
        ("Thrapley Christmas Lights", "Run by Thrapley Town Council. Switch-on tickets £8 – comment SOLD and we'll be in touch"),
        ("Thrapley Christmas Lights", "Run by Thrapley Town Council. Switch-on tickets – WhatsApp 07700 900123 to book"),
        ("Thrapley Christmas Lights", "Run by Thrapley Town Council. Switch-on tickets at thrapley-lights.shop"),
        // "Official" says the page is the council, whatever part of it it names.
        ("Thrapley", "The official Thrapley Town Council service page."),
    ])
    func aPageClaimingTheCouncilOrAskingIsACase(name: String, bio: String) {
        let a = judge(name, bio: bio)
        #expect(a.verdict == .suspect, "\(a.reasons.map(\.detail))")
        #expect(a.reasons.first { $0.signal == .bioClaim }?.weight == BioClaimRule.weight, "\(a.reasons.map(\.detail))")
    }

    /// One of its people describing their own role ("Treasurer of …") is not the council speaking; nor is the
    /// Lady Mayoress the Mayor. Geoffrey Hartley-Booth goes by Geoff, hyphenated surname and all.
    @Test func itsPeopleDescribingThemselvesAreNotTheCouncil() throws {
        let kilbrannock = Identity(id: "kilbrannock", name: "Kilbrannock Community Council", kind: "community council",
                                   place: "Kilbrannock", area: "Argyll and Bute",
                                   people: [Person(name: "Callum Grieve", role: "Treasurer"),
                                            Person(name: "Geoffrey Hartley-Booth", role: "Chair"),
                                            Person(name: "Anne Lyle", role: "Mayor")])
        let scorer = try Scorer(identities: [kilbrannock])
        func judge(_ name: String, _ bio: String) -> Assessment {
            scorer.assess(Profile(platform: .mastodon, id: name, handle: "someone", displayName: name, bio: bio))
        }
        let treasurer = judge("Callum Grieve", "Treasurer of Kilbrannock Community Council, crofter, ex-teacher. Toots about peat.")
        #expect(treasurer.verdict == .clear && !treasurer.reasons.contains { $0.signal == .bioClaim }, "\(treasurer.reasons.map(\.detail))")
        let chair = judge("Geoff Hartley-Booth", "Chair of Kilbrannock Community Council – personal page, views my own.")
        #expect(chair.verdict == .clear && chair.reasons.contains { $0.signal == .personal }, "\(chair.reasons.map(\.detail))")
        let consort = judge("Lady Mayoress of Kilbrannock", "Supporting the Mayor's charities. Engagements via the council office.")
        #expect(consort.verdict == .clear && !consort.reasons.contains { $0.signal == .office }, "\(consort.reasons.map(\.detail))")
        let clone = judge("Callum Grieve", "Benefit fund: apply by DM with your name, address and bank details.")
        #expect(clone.verdict == .suspect, "\(clone.reasons.map(\.detail))")
    }
}
