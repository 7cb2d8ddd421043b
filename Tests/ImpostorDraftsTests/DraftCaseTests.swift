import Foundation
import Testing
import ImpostorCore
@testable import ImpostorDrafts

@Suite struct DraftCaseTests {
    let identity = Identity(
        id: "oakbridge-town-council", name: "Oakbridge Town Council", kind: "town council", place: "Oakbridge",
        website: "https://www.oakbridge-tc.gov.uk", contact: Contact(name: "Jane Whitfield", role: "Town Clerk"),
        officials: [AccountReference(platform: .x, handle: "OakbridgeTC")],
        people: [Person(name: "Cllr Priya Sharma", role: "Mayor"), Person(name: "Jane Whitfield", role: "Town Clerk")],
        accountsPage: "https://www.oakbridge-tc.gov.uk/social-media", nation: "england")

    let profile = Profile(platform: .x, id: "1829384756", handle: "MayorOakbridge", displayName: "Mayor Priya Sharma",
                          bio: "DM me", url: "https://x.com/MayorOakbridge", createdAt: "2026-08-19")

    func assessment(target: Target, reasons: [Reason]) -> Assessment {
        Assessment(id: "1829384756", platform: .x, handle: "MayorOakbridge", score: 0.91, verdict: .suspect,
                   identity: identity.id, target: target, reasons: reasons)
    }

    @Test func aPersonReasonMakesAPersonCase() {
        let a = assessment(target: .person, reasons: [
            Reason(signal: "benign", weight: -0.5, detail: "spoke against"),
            Reason(signal: "person", identity: identity.id, matched: "Cllr Priya Sharma", weight: 2.5, detail: "joins the Mayor to the place"),
            Reason(signal: "logo", identity: identity.id, matched: "logo.png", folded: "12 bits", weight: 3, detail: "the avatar is the logo", distance: 12),
        ])
        let draft = DraftCase(identity: identity, profile: profile, assessment: a, firstSeen: Fixtures.firstSeen)
        #expect(draft.target == .person(name: "Cllr Priya Sharma", role: "Mayor"))
        #expect(draft.evidence.reasons == ["the avatar is the logo", "joins the Mayor to the place"])
        #expect(draft.evidence.logoDistance == 12)
        #expect(draft.evidence.score == 0.91)
        #expect(draft.council.accountsPage == "https://www.oakbridge-tc.gov.uk/social-media")
        #expect(draft.council.clerk?.name == "Jane Whitfield")
        #expect(draft.suspect.profileURL == "https://x.com/MayorOakbridge")
    }

    /// A profile whose address is no web address (a planted "javascript:", or none) is named by the address its
    /// handle makes; a handle no platform issues makes none.
    @Test func aProfileWithoutAWebAddressIsNamedByItsHandle() {
        let a = assessment(target: .council, reasons: [])
        var p = profile
        p.url = "javascript:alert(1)"
        #expect(DraftCase(identity: identity, profile: p, assessment: a, firstSeen: Fixtures.firstSeen).suspect.profileURL == "https://x.com/MayorOakbridge")
        p.url = ""
        #expect(DraftCase(identity: identity, profile: p, assessment: a, firstSeen: Fixtures.firstSeen).suspect.profileURL == "https://x.com/MayorOakbridge")
        p.handle = "x.com/[OakbridgeTC](https://evil.example)"
        #expect(DraftCase(identity: identity, profile: p, assessment: a, firstSeen: Fixtures.firstSeen).suspect.profileURL == "")
    }

    @Test func anOfficeReasonFindsThePersonByRole() {
        let a = assessment(target: .person, reasons: [
            Reason(signal: "office", identity: identity.id, matched: "clerk", weight: 2, detail: "claims an office")
        ])
        let draft = DraftCase(identity: identity, profile: profile, assessment: a, firstSeen: Fixtures.firstSeen)
        #expect(draft.target == .person(name: "Jane Whitfield", role: "Town Clerk"))
    }

    @Test func withoutAPersonItIsTheCouncil() {
        let a = assessment(target: .council, reasons: [Reason(signal: "name", weight: 3, detail: "the name")])
        #expect(DraftCase(identity: identity, profile: profile, assessment: a, firstSeen: Fixtures.firstSeen).target == .council)
        #expect(DraftCase(identity: identity, profile: profile, assessment: nil, firstSeen: Fixtures.firstSeen).target == .council)
    }

    @Test func datesReadAsInTheUK() {
        #expect(DraftDate.long(Fixtures.firstSeen) == "21 August 2026")
        #expect(DraftDate.timestamp(Fixtures.firstSeen) == "2026-08-21 21:47 UTC")
        // 23:30 UTC on 31 October 2026 is still 31 October in London (GMT again from 25 October);
        // 23:30 UTC on 31 July 2026 is already 1 August in London (BST).
        #expect(DraftDate.long(Date(timeIntervalSince1970: 1_793_489_400)) == "31 October 2026")
        #expect(DraftDate.long(Date(timeIntervalSince1970: 1_785_540_600)) == "1 August 2026")
    }
}
