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
    ])
    func aPageClaimingTheCouncilOrAskingIsACase(name: String, bio: String) {
        let a = judge(name, bio: bio)
        #expect(a.verdict == .suspect, "\(a.reasons.map(\.detail))")
        #expect(a.reasons.first { $0.signal == .bioClaim }?.weight == BioClaimRule.weight, "\(a.reasons.map(\.detail))")
    }
}
