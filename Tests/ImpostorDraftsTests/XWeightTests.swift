import Testing
@testable import ImpostorDrafts

/// X's weighted length, against counts worked out by hand from twitter-text's v3 rules.
@Suite struct XWeightTests {
    @Test(arguments: [
        ("hello", 5),  // ASCII: 1 each
        ("日本語", 6),  // CJK: outside the light ranges, 2 each
        ("english text 日本語 😷 https://example.com", 46),  // 13 + 6 + 1 + 2 + 1 + 23
        ("مرحبا", 5),  // Arabic U+0645…: inside U+0000–U+10FF
        ("שלום", 4),  // Hebrew
        ("\u{2014}\u{2018}\u{2019}\u{2032}", 4),  // em dash, curly quotes, prime: the light punctuation ranges
        ("\u{2026}", 2),  // the ellipsis U+2026 lies just past U+201F
        ("\u{20AC}5", 3),  // the euro sign weighs 2
        ("e\u{0301}", 1),  // NFC makes "é" one code point
        ("0300 123 2040", 13),
    ])
    func weightsTextAsXDoes(_ text: String, _ expected: Int) {
        #expect(XWeight.length(of: text) == expected)
    }

    @Test(arguments: [
        "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}",  // family: 7 code points
        "\u{1F1EC}\u{1F1E7}",  // the UK flag: two regional indicators
        "\u{1F3F4}\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}",  // the flag of Wales: tag sequence
        "\u{1F44D}\u{1F3FD}",  // thumbs up, medium skin tone
        "1\u{FE0F}\u{20E3}",  // keycap one
        "\u{1F637}",
    ])
    func anEmojiSequenceWeighsTwo(_ emoji: String) {
        #expect(XWeight.length(of: emoji) == 2)
        #expect(XWeight.length(of: "a" + emoji + "b") == 4)
    }

    @Test func everyLinkWeighs23() {
        #expect(XWeight.length(of: "https://www.oakbridge-tc.gov.uk/social-media") == 23)
        #expect(XWeight.length(of: "a https://x.co b") == 27)  // short links count 23 too
        #expect(XWeight.length(of: "See https://a.example/x.") == 28)  // the full stop is not part of the link
        #expect(XWeight.length(of: "https://a.example https://b.example") == 47)
    }

    @Test func bareDomainsCountTheLargerOfTheirWeightAnd23() {
        #expect(XWeight.length(of: "reportfraud.police.uk") == 23)  // 21 characters, linked by X: 23
        #expect(XWeight.length(of: "a-very-long-domain-name-example.gov.uk") == 38)
        // After "@" a domain is an email address, which X does not link: 5 + 1 + 19.
        #expect(XWeight.length(of: "clerk@oakbridge-tc.gov.uk") == 25)
        // A defanged link is plain text.
        #expect(XWeight.length(of: "hxxps://claim[.]example") == 23)
        #expect(XWeight.length(of: "claim[.]example/now") == 19)
    }

    @Test func countsErrLongWhereXsListsAreNotAtHand() {
        #expect(XWeight.length(of: "\u{2714}") == 2)  // heavy check mark: 2 as a symbol and as an emoji
        #expect(XWeight.length(of: "\u{00A9}") == 2)  // © counts as an emoji, the larger reading
        #expect(XWeight.length(of: "\u{1F600}\u{0301}") == 3)  // an emoji with a stray mark: 2 + 1
    }
}
