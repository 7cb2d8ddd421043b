import Foundation
import Testing
import ImpostorCore
@testable import ImpostorDrafts

@Suite struct NoticeTests {
    let drafter = Fixtures.drafter

    static let urls: [Platform: String] = [
        .facebook: "https://www.facebook.com/profile.php?id=100093456789012", .instagram: "https://www.instagram.com/oakbridge.tc/",
        .threads: "https://www.threads.net/@oakbridge.tc", .x: "https://x.com/OakbridgeTC_", .youtube: "https://www.youtube.com/@OakbridgeTC",
        .tiktok: "https://www.tiktok.com/@oakbridgetc", .linkedin: "https://www.linkedin.com/company/oakbridge-tc",
        .nextdoor: "https://nextdoor.co.uk/profile/01abc", .bluesky: "https://bsky.app/profile/oakbridge-tc.bsky.social",
        .mastodon: "https://mastodon.social/@oakbridge_council",
    ]

    func onPlatform(_ draft: DraftCase, _ platform: Platform) -> DraftCase {
        var d = draft
        d.suspect.platform = platform
        d.suspect.profileURL = Self.urls[platform]!
        if platform == .mastodon { d.suspect.handle = "oakbridge_council@mastodon.social" }
        if platform == .bluesky { d.suspect.id = "did:plc:k3v9p0w2s8q6h4j7b5n1c2xd" }
        return d
    }

    @Test(arguments: Platform.known)
    func everyPlatformGetsACouncilReport(_ platform: Platform) {
        let draft = onPlatform(Fixtures.councilCase(), platform)
        let n = drafter.notice(for: draft)
        let route = ReportingRoute.route(for: platform)
        #expect(n.platform == platform)
        #expect(n.fits)
        #expect(n.descriptionLength <= route.descriptionLimit.maximum)
        #expect(n.fields.map(\.label) == route.fields.map(\.label))
        for field in route.fields { #expect(n.text.contains(field.label + ": "), "\(platform): \(field.label)") }
        if let form = route.form { #expect(n.text.contains("Web form: \(form)")) }
        #expect(n.text.contains("In the app: \(route.inAppCouncil)"))
        #expect(n.text.contains("The impersonating account: \(Self.urls[platform]!)"))
        #expect(n.text.contains("The council reports it, through Jane Whitfield (Town Clerk)"))
        #expect(!n.text.contains("identity documents"))
        #expect(n.description.contains("I am Jane Whitfield, Town Clerk of Oakbridge Town Council"))
        #expect(n.text.contains("Check this route") == !route.confirmed)
        #expect(DraftLint.check(n, case: draft).isEmpty, "\(DraftLint.check(n, case: draft))")
    }

    @Test(arguments: Platform.known)
    func everyPlatformGetsAMayorReport(_ platform: Platform) {
        let draft = onPlatform(Fixtures.mayorCase(), platform)
        let n = drafter.notice(for: draft)
        let route = ReportingRoute.route(for: platform)
        #expect(n.fits)
        #expect(n.text.contains("Cllr Priya Sharma (Mayor) must report it in person"))
        #expect(n.text.contains("impostor never stores identity documents"))
        #expect(n.text.contains("asks for the person's own government photo ID") == route.personNeedsID)
        #expect(n.text.contains("In the app: \(route.inAppPerson)"))
        #expect(n.description.hasPrefix("I am Cllr Priya Sharma, Mayor of Oakbridge Town Council"))
        #expect(n.description.contains("is pretending to be me"))
        #expect(DraftLint.check(n, case: draft).isEmpty, "\(DraftLint.check(n, case: draft))")
    }

    @Test func formFieldsAreFilledForTheCase() {
        let council = drafter.notice(for: onPlatform(Fixtures.councilCase(), .x))
        let values = Dictionary(uniqueKeysWithValues: council.fields.map { ($0.label, $0.value) })
        #expect(values["Impersonating account (@username)"] == "@oakbridgecouncil.official")
        #expect(values["Whom do you represent?"] == "My organisation: Oakbridge Town Council")
        #expect(values["Your title"] == "Town Clerk")
        #expect(values["Email address"] == "clerk@oakbridge-tc.gov.uk")
        #expect(values["Description"] == council.description)
        let mayor = drafter.notice(for: onPlatform(Fixtures.mayorCase(), .facebook))
        let m = Dictionary(uniqueKeysWithValues: mayor.fields.map { ($0.label, $0.value) })
        #expect(m["Full name of the person or organisation impersonated"] == "Cllr Priya Sharma")
        #expect(m["Your relationship to the person or organisation"] == "I am the person impersonated")
        #expect(m["Your email address"] == "(your own email address)")
        let mastodon = drafter.notice(for: onPlatform(Fixtures.councilCase(), .mastodon))
        #expect(mastodon.text.contains("https://mastodon.social/api/v2/instance"))
    }

    @Test func theMastodonReportBodyHasTheAPIsFields() throws {
        let draft = onPlatform(Fixtures.councilCase(), .mastodon)
        let report = try drafter.mastodonReport(for: draft, accountID: "115067734409912345")
        let json = try #require(try JSONSerialization.jsonObject(with: report.jsonBody()) as? [String: Any])
        #expect(Set(json.keys) == ["account_id", "comment", "category", "forward"])
        #expect(json["account_id"] as? String == "115067734409912345")
        #expect(json["category"] as? String == "other")
        #expect(json["forward"] as? Bool == true)
        let comment = try #require(json["comment"] as? String)
        #expect(comment.unicodeScalars.count <= 1000)
        #expect(comment == drafter.notice(for: draft).description)

        let violation = try drafter.mastodonReport(for: draft, accountID: "1", ruleIDs: [3], statusIDs: ["99"])
        let v = try #require(try JSONSerialization.jsonObject(with: violation.jsonBody()) as? [String: Any])
        #expect(v["category"] as? String == "violation")
        #expect(v["rule_ids"] as? [Int] == [3])
        #expect(v["status_ids"] as? [String] == ["99"])
    }

    @Test func theBlueskyReportBodyFollowsTheLexicon() throws {
        let draft = onPlatform(Fixtures.councilCase(), .bluesky)
        let report = try drafter.blueskyReport(for: draft)
        let json = try #require(try JSONSerialization.jsonObject(with: report.jsonBody()) as? [String: Any])
        #expect(json["reasonType"] as? String == "tools.ozone.report.defs#reasonMisleadingImpersonation")
        let subject = try #require(json["subject"] as? [String: String])
        #expect(subject == ["$type": "com.atproto.admin.defs#repoRef", "did": "did:plc:k3v9p0w2s8q6h4j7b5n1c2xd"])
        let reason = try #require(json["reason"] as? String)
        #expect(reason.count <= 2000)
        #expect(reason.contains("https://bsky.app/profile/oakbridge-tc.bsky.social"))
        #expect((json["modTool"] as? [String: String])?["name"] == "impostor")
        let legacy = try drafter.blueskyReport(for: draft, reasonType: .misleading)
        #expect(String(decoding: legacy.jsonBody(), as: UTF8.self).contains("\"com.atproto.moderation.defs#reasonMisleading\""))
    }

    @Test func reportBodiesRefuseWhatTheyCannotSend() {
        let facebook = Fixtures.councilCase()
        #expect(throws: DraftError.self) { try drafter.mastodonReport(for: facebook, accountID: "1") }
        do {
            _ = try drafter.blueskyReport(for: facebook)
            Issue.record("a Facebook account cannot be reported to Bluesky")
        } catch {
            #expect(error.code == .wrongPlatform)
        }
        var noDID = onPlatform(Fixtures.councilCase(), .bluesky)
        noDID.suspect.id = "oakbridge-tc.bsky.social"
        do {
            _ = try drafter.blueskyReport(for: noDID)
            Issue.record("a report without a DID must fail")
        } catch {
            #expect(error.code == .missingDID)
            #expect(error.reason.contains("DID"))
        }
        do {
            _ = try drafter.mastodonReport(for: onPlatform(Fixtures.councilCase(), .mastodon), accountID: "  ")
            Issue.record("a report without an account id must fail")
        } catch {
            #expect(error.code == .missingAccountID)
        }
    }
}
