import Foundation
import ImpostorCore
import Testing

@testable import ImpostorDrafts

/// Drafts for the council's own account, or its own mailbox, in someone else's hands: a plan to get it
/// back instead of an impersonation report, and warnings that what it posted or sent is not the council's.
@Suite struct TakeoverDraftTests {
    /// The council's own Facebook page, posting a fake prize draw, as the scorer reads it.
    static let hijackedPage: DraftCase = {
        let identity = Identity(
            id: "oakbridge", name: "Oakbridge Town Council", kind: "town council", place: "Oakbridge", area: "Wiltshire",
            website: "https://www.oakbridge-tc.gov.uk", contact: Fixtures.council.clerk,
            officials: Fixtures.council.officials, accountsPage: "https://www.oakbridge-tc.gov.uk/social-media")
        let profile = Profile(platform: .facebook, id: "118000000000001", handle: "OakbridgeTownCouncil",
                              displayName: "Oakbridge Town Council", bio: "Verify your account to claim your prize!",
                              url: "https://www.facebook.com/OakbridgeTownCouncil")
        let assessment = Assessment(
            id: profile.id, platform: .facebook, handle: profile.handle, score: 0.98, verdict: .suspect, identity: "oakbridge",
            target: .council,
            reasons: [Reason(signal: .hijacked, identity: "oakbridge", weight: 8,
                             detail: "one of the council's own accounts posts what a hijacker posts")])
        return DraftCase(identity: identity, profile: profile, assessment: assessment, firstSeen: Fixtures.firstSeen,
                         drafted: Fixtures.drafted)
    }()

    /// The clerk's own mailbox sending a sign-in lure.
    static let takenMailbox: DraftCase = {
        var draft = hijackedPage
        draft.suspect = DraftCase.Suspect(platform: .email, id: "clerk@oakbridge-tc.gov.uk", handle: "clerk@oakbridge-tc.gov.uk",
                                          displayName: "Jane Whitfield", profileURL: "mailto:clerk@oakbridge-tc.gov.uk",
                                          bio: "Jane shared an important document with you. Sign in with your email to view it.")
        return draft
    }()

    @Test func theScorersReadingMakesTheCaseATakeover() {
        #expect(Self.hijackedPage.kind == .takeover)
        #expect(Fixtures.councilCase().kind == .impersonation)
    }

    @Test func theNoticeIsAPlanToGetTheAccountBackNotAReport() {
        let notice = Fixtures.drafter.notice(for: Self.hijackedPage)
        #expect(notice.route.form == "https://www.facebook.com/hacked")
        #expect(notice.text.contains("Getting the council's Facebook account back: OakbridgeTownCouncil"), "\(notice.text)")
        #expect(notice.text.contains("two-step verification") && notice.text.contains("Expected"), "\(notice.text)")
        #expect(!notice.text.contains("pretending") && !notice.text.contains("impersonat"), "\(notice.text)")
        #expect(notice.description.contains("has been taken over by someone outside the council"), "\(notice.description)")
        #expect(notice.fits)
        #expect(DraftLint.check(notice, case: Self.hijackedPage).isEmpty, "\(DraftLint.check(notice, case: Self.hijackedPage))")
    }

    @Test func aMailboxIsRecoveredByWhoeverRunsTheCouncilsEmail() {
        let notice = Fixtures.drafter.notice(for: Self.takenMailbox)
        #expect(notice.text.contains("Getting the council's mailbox back: clerk@oakbridge-tc[.]gov[.]uk"), "\(notice.text)")
        #expect(notice.text.contains("forwarding and inbox rules") && notice.text.contains("ico.org.uk"), "\(notice.text)")
        #expect(!notice.text.contains("phishing.gov.uk"), "the council's own provider is not reported as a scam sender")
        #expect(DraftLint.check(notice, case: Self.takenMailbox).isEmpty, "\(DraftLint.check(notice, case: Self.takenMailbox))")
    }

    @Test(arguments: [hijackedPage, takenMailbox])
    func warningsSayWhatWasPostedIsNotFromTheCouncil(_ draft: DraftCase) {
        for warning in Fixtures.drafter.warnings(for: draft) {
            #expect(!warning.text.contains("fake account") && !warning.text.contains("pretending"), "\(warning.channel): \(warning.text)")
            #expect(warning.text.contains("not from us") || warning.text.contains("not from Oakbridge Town Council"),
                    "\(warning.channel): \(warning.text)")
            #expect(warning.fits, "\(warning.channel) is \(warning.length) of \(warning.limit)")
            #expect(DraftLint.check(warning, case: draft).isEmpty, "\(warning.channel): \(DraftLint.check(warning, case: draft))")
        }
    }

    /// The mailbox taken over is not how residents or the platform reach the clerk: whoever holds it answers.
    @Test func theMailboxTakenOverIsNoWayToReachTheClerk() {
        for warning in Fixtures.drafter.warnings(for: Self.takenMailbox) {
            #expect(!warning.text.contains("clerk@oakbridge-tc.gov.uk"), "\(warning.channel): \(warning.text)")
            #expect(warning.text.contains("01234 567890"), "\(warning.channel): \(warning.text)")
        }
        #expect(!Fixtures.drafter.notice(for: Self.takenMailbox).text.contains("clerk@oakbridge-tc.gov.uk"))
        // The Facebook page taken over leaves the mailbox as good a way as ever.
        #expect(Fixtures.drafter.warning(for: Self.hijackedPage, channel: .website).text.contains("clerk@oakbridge-tc.gov.uk"))
    }

    @Test func theAccountTakenOverIsNotListedAsOneToTrust() {
        let website = Fixtures.drafter.warning(for: Self.hijackedPage, channel: .website).text
        #expect(website.contains("Our Facebook account OakbridgeTownCouncil has been taken over"), "\(website)")
        #expect(!website.contains("- Facebook: "), "\(website)")
        #expect(website.contains("- X: @OakbridgeTC"), "\(website)")
        // The Facebook warning cannot point to the page it warns about.
        let facebook = Fixtures.drafter.warning(for: Self.hijackedPage, channel: .facebook).text
        #expect(!facebook.contains("facebook.com/OakbridgeTownCouncil)"), "\(facebook)")
    }

    @Test func aWelshCouncilWarnsInWelshFirst() {
        var draft = Self.hijackedPage
        draft.council.languages = ["cy", "en"]
        let x = Fixtures.drafter.warning(for: draft, channel: .x)
        #expect(x.versions.map(\.language) == ["cy", "en"])
        #expect(x.versions[0].text.contains("mae rhywun arall wedi cymryd ein cyfrif Facebook"), "\(x.versions[0].text)")
        #expect(DraftLint.check(x, case: draft).isEmpty, "\(DraftLint.check(x, case: draft))")
    }
}
