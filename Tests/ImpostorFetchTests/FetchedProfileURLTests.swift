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
}
