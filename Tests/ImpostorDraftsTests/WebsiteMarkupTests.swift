import Foundation
import ImpostorCore
import Testing

@testable import ImpostorDrafts

/// The website warning is pasted into a council's website, whose editor may take it as HTML: the
/// suspect's name, handle and platform go in as text, never as markup. Reports and social posts,
/// which are not HTML, keep them as written.
@Suite struct WebsiteMarkupTests {
    static let markupName = "Oakbridge Town Council <img src=x onerror=alert(1)>"

    @Test func theWebsiteWarningEscapesTheSuspectsMarkup() {
        let draft = Fixtures.named(Self.markupName, handle: "oak<b>bridge&\"tc'")
        let w = Fixtures.drafter.warning(for: draft, channel: .website)
        #expect(!w.text.contains("<img"), "\(w.text)")
        #expect(!w.text.contains("<b>"), "\(w.text)")
        #expect(w.text.contains("\"Oakbridge Town Council &lt;img src=x onerror=alert(1)&gt;\""), "\(w.text)")
        #expect(w.text.contains("oak&lt;b&gt;bridge&amp;\"tc'"), "\(w.text)")
        // Still a warning that names the account and passes its checks.
        for element in RequiredElement.forWarning(.website) {
            #expect(element.isPresent(in: w.text, case: draft, channel: .website), "\(element)")
        }
        #expect(DraftLint.check(w, case: draft).isEmpty, "\(DraftLint.check(w, case: draft))")
    }

    @Test func aWelshAndEnglishWebsiteWarningEscapesBothLanguages() {
        var draft = Fixtures.named(Self.markupName)
        draft.council.languages = ["cy", "en"]
        let w = Fixtures.drafter.warning(for: draft, channel: .website)
        #expect(w.versions.count == 2)
        for version in w.versions {
            #expect(!version.text.contains("<img"), "\(version.language)")
            #expect(version.text.contains("&lt;img src=x onerror=alert(1)&gt;"), "\(version.language)")
        }
    }

    @Test func aPlatformTheListingNamedIsEscapedOnTheWebsiteAndCleanedEverywhere() {
        let draft = Fixtures.named("Oakbridge Town Council", platform: Platform(rawValue: "x\u{1B}[31m<script>"))
        let website = Fixtures.drafter.warning(for: draft, channel: .website)
        #expect(!website.text.contains("<script>"), "\(website.text)")
        #expect(website.text.contains("&lt;script&gt;"), "\(website.text)")
        for channel in Channel.allCases {
            let w = Fixtures.drafter.warning(for: draft, channel: channel)
            #expect(!w.text.contains("\u{1B}"), "\(channel)")
            #expect(!w.reviewNotes.joined().contains("\u{1B}"), "\(channel)")
        }
        let notice = Fixtures.drafter.notice(for: draft)
        #expect(!notice.text.contains("\u{1B}"), "\(notice.text)")
        #expect(notice.text.contains("Report to X [31m<script>"), "\(notice.text)")
    }

    @Test func otherChannelsAndReportsKeepTheNameAsWritten() {
        let draft = Fixtures.named(Self.markupName)
        for channel in Channel.allCases where channel != .website {
            let w = Fixtures.drafter.warning(for: draft, channel: channel)
            #expect(!w.text.contains("&lt;"), "\(channel)")
        }
        let notice = Fixtures.drafter.notice(for: draft)
        #expect(notice.text.contains("<img src=x onerror=alert(1)>"), "\(notice.text)")
    }

    @Test func escapingCoversWhatStartsMarkupAndKeepsApostrophes() {
        #expect(SuspectText.escapeHTML("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d \" e ' f")
        #expect(SuspectText.escapeHTML("King's Lynn Town Council") == "King's Lynn Town Council")
        #expect(SuspectText.escapeHTML("Oakbridge Town Council ✔") == "Oakbridge Town Council ✔")
    }
}
