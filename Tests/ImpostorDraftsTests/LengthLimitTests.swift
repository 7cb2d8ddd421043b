import Testing
@testable import ImpostorDrafts

@Suite struct LengthLimitTests {
    let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}"

    @Test func mastodonCountsLinks23AndMentionsByTheirLocalPart() {
        let m = LengthLimit(.mastodon, 500)
        #expect(m.count("@OakbridgeTC@mastodon.example.org.uk") == 12)
        #expect(m.count("hi @OakbridgeTC@mastodon.example.org.uk!") == 16)
        #expect(m.count("hi https://www.oakbridge-tc.gov.uk/social-media") == 26)
        #expect(m.count("reportfraud.police.uk") == 21)  // Mastodon links only addresses with a scheme
        #expect(m.count("clerk@oakbridge-tc.gov.uk") == 25)  // an email address is not a mention
        #expect(m.count(family + " ok") == 4)  // graphemes
    }

    @Test func eachCountingCountsItsOwnUnit() {
        #expect(LengthLimit(.graphemes, 300).count(family) == 1)
        #expect(LengthLimit(.codePoints, 1000).count(family) == 7)
        #expect(LengthLimit(.utf16, 2200).count("\u{1F600}") == 2)
        #expect(LengthLimit(.xWeighted, 280).count(family) == 2)
    }

    @Test func blueskyHoldsToItsByteCapToo() {
        let bluesky = LengthLimit(.graphemes, 300, maxUTF8Bytes: 3000)
        let emoji = String(repeating: family, count: 300)  // 300 graphemes, 25 bytes each
        #expect(bluesky.count(emoji) == 300)
        #expect(!bluesky.fits(emoji))
        #expect(bluesky.fits(String(repeating: "a", count: 300)))
        #expect(!bluesky.fits(String(repeating: "a", count: 301)))
    }
}
