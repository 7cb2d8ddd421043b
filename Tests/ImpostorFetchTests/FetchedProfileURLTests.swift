import Foundation
import ImpostorCore
import Testing

@testable import ImpostorFetch

/// What a page, a server or a platform says a profile's address is goes through `CleanURL`: no script,
/// no password, no token reaches the store or a notice.
@Suite struct FetchedProfileURLTests {
    @Test func aPagesOwnAddressIsCleanedOrGivesWayToTheAddressRead() throws {
        func page(_ address: String) -> OpenGraph {
            OpenGraph(html: #"<html><head><meta property="og:title" content="Oakbridge Town Council"><meta property="og:url" content="\#(address)"></head></html>"#)
        }
        let read = "https://social.example/oakbridge"
        let script = try LinkSource.profile(page: page("javascript:alert(document.domain)"), url: read, asked: read)
        #expect(script.url == read)
        #expect(script.id == read)
        let secret = try LinkSource.profile(page: page("https://user:s3cretPASS@x.com/oakbridge_fake?token=abc123"), url: read, asked: read)
        #expect(secret.url == "https://x.com/oakbridge_fake?token=[redacted]")
        #expect(secret.platform == .x)
        #expect(secret.handle == "oakbridge_fake")
    }

    @Test func aServersOrAPlatformsAddressIsCleaned() throws {
        let account = try JSONDecoder().decode(
            MastodonSource.Account.self,
            from: Data(#"{"acct":"oak","url":"javascript:alert(1)","uri":"https://social.example/users/oak"}"#.utf8))
        #expect(MastodonSource.profile(account, server: "https://social.example").url == "")
        let password = try JSONDecoder().decode(
            MastodonSource.Account.self,
            from: Data(#"{"acct":"oak","url":"https://oak:s3cretPASS@social.example/@oak?session=s1"}"#.utf8))
        #expect(MastodonSource.profile(password, server: "https://social.example").url == "https://social.example/@oak?session=[redacted]")
        let page = try JSONDecoder().decode(
            FacebookSource.Page.Found.self,
            from: Data(#"{"id":"123","name":"Oakbridge","link":"https://u:p4ss@www.facebook.com/oakbridge.fake?sig=abc"}"#.utf8))
        #expect(FacebookSource.profile(page).url == "https://www.facebook.com/oakbridge.fake?sig=[redacted]")
    }

    /// A Facebook page without a username is named by its id, wherever its address puts it; an x.com
    /// page's "twitter:site" is X's own account, not the page's.
    @Test func aPageIsNamedByItsOwnAddressNotTheSites() throws {
        func page(_ url: String, _ tags: String = "") -> OpenGraph {
            OpenGraph(html: #"<html><head><meta property="og:title" content="Oakbridge Town Council"><meta property="og:url" content="\#(url)">\#(tags)</head></html>"#)
        }
        for (url, id) in [("https://www.facebook.com/profile.php?id=100064123456789", "100064123456789"),
                          ("https://www.facebook.com/people/Oakbridge-Town-Council/100064123456789/", "100064123456789")] {
            let profile = try LinkSource.profile(page: page(url), url: url, asked: url)
            #expect(profile.platform == .facebook && profile.handle == id, "\(url): \(profile.handle)")
        }
        let site = #"<meta name="twitter:site" content="@X">"#
        let named = try LinkSource.profile(page: page("https://x.com/oakbridge_fake", site), url: "https://x.com/oakbridge_fake", asked: "")
        #expect(named.handle == "oakbridge_fake")
        let creator = try LinkSource.profile(page: page("https://x.com/", site + #"<meta name="twitter:creator" content="@oak_tc1">"#),
                                             url: "https://x.com/", asked: "")
        #expect(creator.handle == "oak_tc1")
    }

    /// Half an emoji pair in a platform's answer costs that character, not the page of accounts.
    @Test func aLoneSurrogateInAnAnswerLosesOneCharacter() throws {
        struct Users: Decodable { struct User: Decodable { var name: String }; var data: [User] }
        let body = #"{"data":[{"name":"Oakbridge \ud83d TC"},{"name":"Mayor"}]}"#
        let users = try SourceContext.decode(Users.self, HTTPResponse(status: 200, body: Array(body.utf8)), url: "https://api.x.com/2/users/by")
        #expect(users.data.map(\.name) == ["Oakbridge \u{FFFD} TC", "Mayor"])
    }

    /// Meta answers a business_discovery of a missing or personal account with code 110, and has been recorded
    /// answering code 100 "cannot be found" or with subcode 2207006: none is a failure of the source. A wrong account id is.
    @Test(arguments: [
        (#"{"error":{"message":"Invalid user id","type":"OAuthException","code":110,"error_subcode":2207013}}"#, true),
        (#"{"error":{"message":"Invalid user id","type":"OAuthException","code":110}}"#, true),
        (#"{"error":{"message":"The user with username: oak_tc1 cannot be found.","type":"OAuthException","code":100}}"#, true),
        (#"{"error":{"message":"Invalid parameter","type":"OAuthException","code":100,"error_subcode":2207006}}"#, true),
        (#"{"error":{"message":"Unsupported get request. Object with ID '1789' does not exist","type":"GraphMethodException","code":100,"error_subcode":33}}"#, false),
    ])
    func instagramsNotFoundIsNoFailure(body: String, notFound: Bool) {
        #expect(InstagramSource.notDiscoverable(HTTPResponse(status: 400, body: Array(body.utf8))) == notFound)
    }
}
