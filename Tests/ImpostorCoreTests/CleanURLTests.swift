import ImpostorCore
import Testing

/// Addresses from outside lose their passwords and tokens before anything keeps, shows or fetches them,
/// and only http(s) addresses are addresses.
@Suite struct CleanURLTests {
    @Test(arguments: [
        // The resident's link from the hostile-input audit: no password, no token, the path's case kept.
        ("https://alice:MyBankPw99@www.facebook.com/oakbridge.fake2?access_token=EAAB1234SECRET&x=1",
         "https://www.facebook.com/oakbridge.fake2?access_token=[redacted]&x=1"),
        ("HTTPS://User:Pw@WWW.Facebook.COM/Oakbridge.Fake?Ref=Share", "https://www.facebook.com/Oakbridge.Fake?Ref=Share"),
        ("https://x.com/oakbridge_fake3?s=20&t=SESSIONTOKEN42", "https://x.com/oakbridge_fake3?s=20&t=[redacted]"),
        ("https://user:s3cretPASS@social.example/@fake?token=abc", "https://social.example/@fake?token=[redacted]"),
        ("https://a.example/p?api%5Fkey=k1;sig=zz&oauth_token=q&X-Amz-Signature=ff&Code=9&name=Oak",
         "https://a.example/p?api%5Fkey=[redacted];sig=[redacted]&oauth_token=[redacted]&X-Amz-Signature=[redacted]&Code=[redacted]&name=Oak"),
        // Tokens in the fragment, as a sign-in leaves them.
        ("https://a.example/cb#access_token=abc123&state=Q", "https://a.example/cb#access_token=[redacted]&state=Q"),
        // Nothing to hide: as given.
        ("http://127.0.0.1:8080/Profiles/Fake1?token=", "http://127.0.0.1:8080/Profiles/Fake1?token="),
        ("https://www.facebook.com/profile.php?id=100064520000001", "https://www.facebook.com/profile.php?id=100064520000001"),
        ("  https://x.com/Oakbridge_TC  ", "https://x.com/Oakbridge_TC"),
    ])
    func addressesLoseTheirSecrets(raw: String, clean: String) throws {
        #expect(try #require(CleanURL(raw)).text == clean)
    }

    @Test(arguments: [
        "javascript:alert(document.domain)", "JavaScript://%0Aalert(1)", "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd", "mailto:clerk@oakbridge.example", "ftp://files.example/x", "//x.com/fake", "x.com/fake",
        "https://", "https://user:pw@/path", "https://:8080/", "https://exa mple.org/", "https://a.example/\u{7}", "",
        // Browsers read evil.example here, libcurl good.example.
        "https://evil.example\\@good.example/",
    ])
    func onlyWebAddressesAreAddresses(raw: String) {
        #expect(CleanURL(raw) == nil)
        #expect(CleanURL.profileURL(raw) == "")
    }

    @Test func aListingsAddressIsCleanedAndItsProfileStillScored() throws {
        let jsonl = """
            {"platform":"facebook","id":"a","handle":"oakbridge.fake","url":"https://user:s3cretPASS@www.facebook.com/oakbridge.fake?token=tok123456"}
            {"platform":"facebook","id":"b","handle":"oakbridge.fake2","url":"javascript:alert(document.domain)"}
            {"platform":"x","id":"c","handle":"Oakbridge_Fake","url":"https://x.com/Oakbridge_Fake"}
            """
        let rows = ProfileListing.rows(jsonl, format: .jsonLines)
        let profiles = try rows.map { try $0.result.get() }
        #expect(profiles.map(\.url) == ["https://www.facebook.com/oakbridge.fake?token=[redacted]", "", "https://x.com/Oakbridge_Fake"])
        // The same through a decoded JSON array and CSV.
        let array = ProfileListing.rows(#"[{"platform":"facebook","id":"b","handle":"h","url":"javascript:alert(1)"}]"#,
                                        format: .jsonArray)
        #expect(try array.map { try $0.result.get().url } == [""])
        let csv = ProfileListing.rows("platform,id,handle,url\nfacebook,a,h,https://u:p4ssw0rd@www.facebook.com/h?sid=SID77\n",
                                      format: .csv)
        #expect(try csv.map { try $0.result.get().url } == ["https://www.facebook.com/h?sid=[redacted]"])
        for profile in profiles {
            #expect(!profile.url.contains("s3cretPASS") && !profile.url.contains("tok123456") && !profile.url.contains("javascript"))
        }
    }
}
