import ImpostorCore
import Testing

@Suite struct ProfileAddressTests {
    @Test(arguments: [
        ("https://www.facebook.com/thornbury.towncouncil", "facebook", "thornbury.towncouncil"),
        ("https://m.facebook.com/thornbury.towncouncil/about", "facebook", "thornbury.towncouncil"),
        ("https://www.facebook.com/profile.php?id=100064520000001", "facebook", "100064520000001"),
        ("https://www.facebook.com/pages/Ash-Parish-Council/123456789", "facebook", "123456789"),
        ("https://www.instagram.com/ashparishcouncil/", "instagram", "ashparishcouncil"),
        ("https://twitter.com/RugeleyTC", "x", "RugeleyTC"),
        ("https://x.com/RugeleyTC?lang=en", "x", "RugeleyTC"),
        ("https://www.tiktok.com/@camelford.council", "tiktok", "camelford.council"),
        ("https://www.threads.net/@chorleytc", "threads", "chorleytc"),
        ("https://uk.linkedin.com/company/wool-parish-council", "linkedin", "wool-parish-council"),
        ("https://www.youtube.com/@OakbridgeTC", "youtube", "OakbridgeTC"),
        ("https://bsky.app/profile/oakbridge.bsky.social", "bluesky", "oakbridge.bsky.social"),
        ("https://mastodon.social/@oakbridge", "mastodon", "oakbridge@mastodon.social"),
        ("https://mastodon.social/@oakbridge@social.example", "mastodon", "oakbridge@social.example"),
        ("https://www.facebook.com/p/Oakbridge-Town-Council-100064512345678/", "facebook", "100064512345678"),
        ("https://bsky.app/profile/did:plc:ewvi7nxzyoun6zhxrhs64oiz", "bluesky", "did:plc:ewvi7nxzyoun6zhxrhs64oiz"),
    ])
    func profileAddressesNameTheAccount(url: String, platform: String, handle: String) throws {
        let address = try #require(ProfileAddress(url: url))
        #expect(address.platform.rawValue == platform)
        #expect(address.handle == handle)
        #expect(address.url.hasPrefix("https://"))
    }

    @Test(arguments: [
        "https://www.facebook.com/thornbury.towncouncil/posts/pfbid0abc",
        "https://www.facebook.com/groups/thornburyresidents",
        "https://www.facebook.com/events/123456",
        "https://www.facebook.com/help/1234",
        "https://www.facebook.com/profile.php",
        "https://www.instagram.com/p/Cabc123/",
        "https://www.instagram.com/explore/tags/oakbridge/",
        "https://x.com/RugeleyTC/status/1790000000000000000",
        "https://x.com/search?q=rugeley",
        "https://x.com/i/flow/login",
        "https://www.tiktok.com/@camelford.council/video/7300000000000000000",
        "https://www.tiktok.com/tag/camelford",
        "https://www.youtube.com/watch?v=abc",
        "https://www.linkedin.com/posts/someone_activity-1",
        "https://example.org/about",
        "https://medium.com/@oakbridge",
        "https://www.facebook.com/r.php",
        "https://www.facebook.com/p/Oakbridge-Town-Council/",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "facebook.com/thornbury",
        // An escaped slash is no separator: one odd name, not the council's page.
        "https://www.facebook.com/Evil%2F..%2FOakbridgeTownCouncil",
        "",
    ])
    func otherPagesAreNoProfile(url: String) {
        #expect(ProfileAddress(url: url) == nil)
    }

    /// A path is read as a browser opens it: "/x/../Name", "/./Name" and an escaped slash are the account.
    @Test(arguments: ["https://www.facebook.com/x/../OakbridgeTownCouncil", "https://www.facebook.com/./OakbridgeTownCouncil",
                      "https://www.facebook.com/OakbridgeTownCouncil%2F", "https://www.facebook.com/a/%2e%2e/OakbridgeTownCouncil"])
    func aPathIsReadAsABrowserOpensIt(url: String) {
        #expect(ProfileAddress(url: url)?.handle == "OakbridgeTownCouncil")
    }

    /// A post names its author, the account a resident means; a post of no named account names none.
    @Test(arguments: [
        ("https://x.com/RugeleyTC/status/1790000000000000000", "x", "RugeleyTC"),
        ("https://twitter.com/RugeleyTC/status/17/photo/1", "x", "RugeleyTC"),
        ("https://www.facebook.com/thornbury.towncouncil/posts/pfbid0abc", "facebook", "thornbury.towncouncil"),
        ("https://m.facebook.com/OakbridgeTownCouncil/photos/a.1/2/", "facebook", "OakbridgeTownCouncil"),
        ("https://www.tiktok.com/@camelford.council/video/7300000000000000000", "tiktok", "camelford.council"),
        ("https://www.threads.net/@chorleytc/post/C1abc", "threads", "chorleytc"),
        ("https://bsky.app/profile/oakbridge.bsky.social/post/3kabc", "bluesky", "oakbridge.bsky.social"),
        ("https://mastodon.social/@oakbridge/112233445566", "mastodon", "oakbridge@mastodon.social"),
    ])
    func aPostNamesItsAuthor(url: String, platform: String, handle: String) throws {
        let author = try #require(ProfileAddress.account(of: url))
        #expect(author.platform.rawValue == platform && author.handle == handle)
    }

    @Test(arguments: ["https://www.instagram.com/p/Cabc123/", "https://www.facebook.com/groups/residents/posts/1",
                      "https://x.com/i/status/1", "https://www.youtube.com/watch?v=abc", "https://example.org/news/2024/item"])
    func aPostOfNoNamedAccountNamesNone(url: String) {
        #expect(ProfileAddress.account(of: url) == nil)
    }
}
