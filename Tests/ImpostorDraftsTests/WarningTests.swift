import Foundation
import Testing
import ImpostorCore
@testable import ImpostorDrafts

@Suite struct WarningTests {
    let drafter = Fixtures.drafter

    @Test(arguments: Channel.allCases)
    func everyChannelWarnsForTheCouncil(_ channel: Channel) {
        let draft = Fixtures.councilCase()
        let w = drafter.warning(for: draft, channel: channel)
        #expect(w.fits)
        #expect(w.length <= w.limit.maximum)
        #expect(w.length == w.limit.count(w.text))
        for element in RequiredElement.forWarning(channel) {
            #expect(element.isPresent(in: w.text, case: draft, channel: channel), "\(channel): \(element)")
        }
        #expect(DraftLint.check(w, case: draft).isEmpty, "\(DraftLint.check(w, case: draft))")
        #expect(w.text.contains("oakbridgecouncil[.]official"))
        #expect(w.text.contains("Facebook"))
        #expect(!w.text.contains("{{"))
    }

    @Test(arguments: Channel.allCases)
    func everyChannelWarnsForTheMayor(_ channel: Channel) {
        let draft = Fixtures.mayorCase()
        let w = drafter.warning(for: draft, channel: channel)
        #expect(w.fits)
        #expect(DraftLint.check(w, case: draft).isEmpty, "\(DraftLint.check(w, case: draft))")
        #expect(w.text.contains("Mayor"))
        #expect(w.text.contains("MayorOakbridge"))
        #expect(!w.text.contains("{{"))
    }

    @Test func theWebsiteListsEveryOfficialAccountAndTheClerk() {
        let w = drafter.warning(for: Fixtures.councilCase(), channel: .website)
        for account in Fixtures.council.officials {
            #expect(w.text.contains(AccountLinks.url(account)!))
        }
        #expect(w.text.contains("- X: @OakbridgeTC (https://x.com/OakbridgeTC)"))
        #expect(w.text.contains("01234 567890 or clerk@oakbridge-tc.gov.uk"))
        #expect(w.text.contains("Report Fraud at reportfraud.police.uk or on 0300 123 2040"))
        #expect(w.text.contains("Published 22 August 2026"))
        #expect(w.text.contains("first saw it on 21 August 2026"))
    }

    @Test func xMentionsTheCouncilsOwnAccountAndCountsAsXDoes() {
        let w = drafter.warning(for: Fixtures.councilCase(), channel: .x)
        #expect(w.text.contains("@OakbridgeTC"))
        #expect(w.limit == LengthLimit(.xWeighted, 280))
        #expect(w.length == XWeight.length(of: w.text))
        // Leaving out the optional parts is all it takes for these names.
        #expect(w.shortened.allSatisfy { $0.hasPrefix("left out") })
    }

    @Test func beforeAnElectionWarningsAreFactualWithNoQuoteNoImageNoName() {
        let normal = drafter.warning(for: Fixtures.mayorCase(), channel: .website)
        #expect(normal.text.contains("said: \""))
        #expect(normal.text.contains("[Image suggestion:"))
        #expect(normal.text.contains("Cllr Priya Sharma, Mayor of Oakbridge Town Council"))
        let draft = Fixtures.mayorCase(preElection: true)
        for channel in Channel.allCases {
            let w = drafter.warning(for: draft, channel: channel)
            #expect(!w.text.contains("said:"), "\(channel)")
            #expect(!w.text.contains("Image"), "\(channel)")
            #expect(!w.text.contains("Cllr Priya Sharma"), "\(channel) names the person before an election")
            #expect(w.text.contains("Mayor"))
            #expect(w.reviewNotes.contains { $0.hasPrefix("Pre-election period") })
            #expect(DraftLint.check(w, case: draft).isEmpty, "\(DraftLint.check(w, case: draft))")
        }
    }

    @Test func scotlandReportsFraudToPoliceScotland() {
        var draft = Fixtures.councilCase()
        draft.council.nation = "scotland"
        let w = drafter.warning(for: draft, channel: .facebook)
        #expect(w.text.contains("Police Scotland"))
        #expect(w.text.contains("101"))
        #expect(!w.text.contains("0300 123 2040"))
        #expect(RequiredElement.reportFraud.isPresent(in: w.text, case: draft, channel: .facebook))
    }

    @Test func aServerWithMoreRoomNeedsNoShortening() {
        let roomy = Drafter(templates: drafter.templates, mastodonMaximum: 1000)
        let draft = DraftLint.samples(council: Fixtures.council).last!
        #expect(roomy.warning(for: draft, channel: .mastodon).shortened.isEmpty)
        #expect(!drafter.warning(for: draft, channel: .mastodon).shortened.isEmpty)
    }
}
