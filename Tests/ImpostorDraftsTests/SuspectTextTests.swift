import Testing
@testable import ImpostorDrafts

@Suite struct SuspectTextTests {
    /// In a Markdown table a handle stays text: no link whose words are the council's, no tag, no cell break.
    @Test func aMarkdownCellIsText() {
        #expect(SuspectText.markdownCell("x.com/[OakbridgeTC](https://evil.example/pay)") == #"x.com/\[OakbridgeTC\]\(https://evil.example/pay\)"#)
        #expect(SuspectText.markdownCell("<img src=x onerror=alert(1)>") == #"\<img src=x onerror=alert\(1\)\>"#)
        #expect(SuspectText.markdownCell("a|b_c\\") == #"a\|b\_c\\"#)
        #expect(SuspectText.markdownCell("oakbridge.tc.grants") == "oakbridge.tc.grants")
    }

    @Test func cleanStripsBidiControlsAndInvisibles() {
        let planted = "Oak\u{200B}bridge \u{202E}lanoisiffo\u{202C} \u{2066}TC\u{2069}\u{FEFF}\u{00AD}\u{200E}"
        let clean = SuspectText.clean(planted)
        #expect(clean == "Oakbridge lanoisiffo TC")
        #expect(!clean.unicodeScalars.contains { SuspectText.isBidiControl($0) || $0.properties.isDefaultIgnorableCodePoint })
    }

    @Test func cleanKeepsWhatMakesAnEmojiOnePicture() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"
        let wales = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}"
        let thumbs = "\u{1F44D}\u{1F3FD}"
        let text = "A \(family) \(wales) \(thumbs) \u{2764}\u{FE0F}"
        #expect(SuspectText.clean(text) == text)
        #expect(SuspectText.clean(text).count == 9)
    }

    @Test func cleanTurnsLineBreaksIntoOneSpaceAndLimitsStackedMarks() {
        #expect(SuspectText.clean("  Oakbridge\n\n\tTown\u{3000}Council  ") == "Oakbridge Town Council")
        let zalgo = "a" + String(repeating: "\u{0301}", count: 12)
        #expect(SuspectText.clean(zalgo).unicodeScalars.count == 1 + SuspectText.marksPerCharacter)
        #expect(SuspectText.clean("{{clerk_email}}") == "{ {clerk_email} }")
    }

    @Test func defangBreaksLinksMentionsAndTags() {
        #expect(SuspectText.defang("claim at https://grant.example/now") == "claim at hxxps://grant[.]example/now")
        #expect(SuspectText.defang("HTTP://X.COM") == "HxxP://X[.]COM")
        #expect(SuspectText.defang("visit oakbridge-grants.co.uk") == "visit oakbridge-grants[.]co[.]uk")
        #expect(SuspectText.defang("by @OakbridgeTC and #grant, $GBP") == "by @ OakbridgeTC and # grant, $ GBP")
        #expect(SuspectText.defang("user@server.social") == "user@server[.]social")
        #expect(SuspectText.defang("St. Mary's, 3.5 miles") == "St. Mary's, 3[.]5 miles")
    }

    @Test func rightToLeftTextIsIsolated() {
        #expect(SuspectText.isolate("مجلس المدينة") == "\u{2068}مجلس المدينة\u{2069}")
        #expect(SuspectText.isolate("שלום") == "\u{2068}שלום\u{2069}")
        #expect(SuspectText.isolate("Oakbridge") == "Oakbridge")
    }

    @Test func truncationKeepsWholeCharacters() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}"
        #expect(SuspectText.truncate(family + "abc", to: 1) == family + "\u{2026}")
        #expect(SuspectText.truncate("\u{1F1EC}\u{1F1E7}\u{1F1EC}\u{1F1E7}", to: 1) == "\u{1F1EC}\u{1F1E7}\u{2026}")
        #expect(SuspectText.truncate("Oakbridge Town", to: 10) == "Oakbridge\u{2026}")
        #expect(SuspectText.truncate("short", to: 10) == "short")
    }

    @Test func handlesLoseTheirAtAndCannotMention() {
        #expect(SuspectText.handle("@oakbridge_council") == "oakbridge_council")
        #expect(SuspectText.handle("@@fake@mastodon.social") == "fake@mastodon[.]social")
    }
}
