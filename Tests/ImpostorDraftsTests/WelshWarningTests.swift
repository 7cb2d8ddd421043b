import Foundation
import ImpostorCore
import Testing

@testable import ImpostorDrafts

/// Public warnings in the council's languages: Welsh first for a council with `languages = ["cy", "en"]`,
/// English alone by default, notices to platforms always in English.
@Suite struct WelshWarningTests {
    let drafter = Fixtures.drafter

    /// `draft` for a Welsh council speaking `languages`.
    static func welsh(_ draft: DraftCase, _ languages: [String] = ["cy", "en"]) -> DraftCase {
        var d = draft
        d.council.languages = languages
        d.council.nation = "wales"
        return d
    }

    static let welshCouncil: DraftCase.Council = {
        var council = Fixtures.council
        council.languages = ["cy", "en"]
        council.nation = "wales"
        return council
    }()

    @Test(arguments: Channel.allCases)
    func aWelshCouncilWarnsInWelshThenEnglish(_ channel: Channel) throws {
        let draft = Self.welsh(Fixtures.councilCase())
        let w = drafter.warning(for: draft, channel: channel)
        #expect(w.versions.map(\.language) == ["cy", "en"])
        #expect(w.versions[0].text.hasPrefix("Rhybudd:"), "\(w.versions[0].text)")
        #expect(w.versions[1].text.hasPrefix("Warning:"))
        let welshAt = try #require(w.text.range(of: "Rhybudd:"))
        let englishAt = try #require(w.text.range(of: "Warning:"))
        #expect(welshAt.lowerBound < englishAt.lowerBound)
        #expect(w.fits)
        #expect(w.posts.allSatisfy { w.limit.fits($0) })
        #expect(w.length <= w.limit.maximum)
        for version in w.versions {
            #expect(version.text.contains("oakbridgecouncil[.]official"), "\(channel) \(version.language)")
            #expect(version.text.contains("Report Fraud"), "\(channel) \(version.language)")
            #expect(!version.text.contains("{{"))
            for element in RequiredElement.forWarning(channel) {
                #expect(element.isPresent(in: version.text, case: draft, channel: channel), "\(channel) \(version.language): \(element)")
            }
        }
        #expect(DraftLint.check(w, case: draft).isEmpty, "\(DraftLint.check(w, case: draft))")
    }

    @Test(arguments: Channel.allCases)
    func theMayorIsNamedInWelshWithTheOfficeInWelsh(_ channel: Channel) {
        let draft = Self.welsh(Fixtures.mayorCase())
        let w = drafter.warning(for: draft, channel: channel)
        #expect(w.fits)
        #expect(w.versions[0].text.contains("Maer"), "\(channel): \(w.versions[0].text)")
        #expect(w.versions[1].text.contains("Mayor"))
        #expect(DraftLint.check(w, case: draft).isEmpty, "\(DraftLint.check(w, case: draft))")
    }

    /// The Town Clerk is "Clerc y cyngor" in a sentence, and the council goes by its Welsh name.
    @Test func officesAndTheCouncilsNameReadAsWelsh() {
        var draft = Self.welsh(Fixtures.mayorCase())
        draft.target = .person(name: "Jane Whitfield", role: "Town Clerk")
        draft.council.welshName = "Cyngor Tref Oakbridge"
        for channel in Channel.allCases {
            let welsh = drafter.warning(for: draft, channel: channel).versions[0].text
            #expect(!welsh.contains("y Dref y cyngor") && !welsh.contains("Clerc y Cyngor y cyngor"), "\(channel): \(welsh)")
            #expect(!welsh.contains("Oakbridge Town Council"), "\(channel): \(welsh)")
        }
        let facebook = drafter.warning(for: draft, channel: .facebook).versions[0].text
        #expect(facebook.contains("Cyngor Tref Oakbridge"), "\(facebook)")
    }

    @Test func longChannelsHoldBothLanguagesInOnePost() {
        let draft = Self.welsh(Fixtures.councilCase())
        for channel in [Channel.facebook, .website] {
            let w = drafter.warning(for: draft, channel: channel)
            #expect(!w.thread, "\(channel)")
            #expect(w.posts.count == 1)
            #expect(w.text == w.versions[0].text + "\n\n" + w.versions[1].text)
            #expect(w.reviewNotes.contains { $0.contains("Welsh first") })
        }
        let website = drafter.warning(for: draft, channel: .website).versions[0].text
        #expect(website.contains("Cyhoeddwyd 22 Awst 2026"))
        #expect(website.contains("am y tro cyntaf ar 21 Awst 2026"))
        #expect(website.contains("Dywedodd Jane Whitfield, Clerc y Dref:"))
        #expect(website.contains("01234 567890 neu clerk@oakbridge-tc.gov.uk"))
        #expect(website.contains("- X: @OakbridgeTC (https://x.com/OakbridgeTC)"))
    }

    @Test func shortChannelsBecomeAThreadWelshFirstEachWithinItsLimit() {
        let samples = DraftLint.samples(council: Self.welshCouncil, person: Person(name: "Cllr Priya Sharma", role: "Mayor"),
                                        now: Fixtures.drafted)
        for draft in samples {
            for channel in [Channel.x, .bluesky, .mastodon] {
                let w = drafter.warning(for: draft, channel: channel)
                #expect(w.thread, "\(channel)")
                #expect(w.posts.count == 2)
                #expect(w.posts[0].hasPrefix("Rhybudd:") && w.posts[1].hasPrefix("Warning:"))
                #expect(w.text == w.posts.joined(separator: Warning.postSeparator))
                #expect(w.fits, "\(channel) is \(w.length) of \(w.limit)")
                #expect(w.reviewNotes.contains { $0.contains("post the Welsh text first") })
                // The English post is the one an English-only council gets.
                var english = draft
                english.council.languages = ["en"]
                #expect(w.posts[1] == drafter.warning(for: english, channel: channel).text)
                #expect(DraftLint.check(w, case: draft).isEmpty, "\(channel): \(DraftLint.check(w, case: draft))")
            }
            let x = drafter.warning(for: draft, channel: .x)
            #expect(x.posts.allSatisfy { XWeight.length(of: $0) <= 280 })
            let bluesky = drafter.warning(for: draft, channel: .bluesky)
            #expect(bluesky.posts.allSatisfy { $0.count <= 300 && $0.utf8.count <= 3000 })
            let mastodon = drafter.warning(for: draft, channel: .mastodon)
            #expect(mastodon.posts.allSatisfy { LengthLimit.mastodonLength(of: $0) <= 500 })
        }
    }

    @Test func englishThenWelshWhenTheCouncilPutsEnglishFirst() throws {
        let draft = Self.welsh(Fixtures.councilCase(), ["en", "cy"])
        for channel in Channel.allCases {
            let w = drafter.warning(for: draft, channel: channel)
            #expect(w.versions.map(\.language) == ["en", "cy"])
            let englishAt = try #require(w.text.range(of: "Warning:"))
            let welshAt = try #require(w.text.range(of: "Rhybudd:"))
            #expect(englishAt.lowerBound < welshAt.lowerBound)
            #expect(w.reviewNotes.contains { $0.contains("Welsh Language Standards") })
        }
    }

    @Test(arguments: Channel.allCases)
    func anEnglishCouncilIsUnchanged(_ channel: Channel) {
        let draft = Fixtures.councilCase()
        #expect(draft.council.languages == ["en"])
        let w = drafter.warning(for: draft, channel: channel)
        #expect(w.versions.map(\.language) == ["en"])
        #expect(!w.thread)
        #expect(w.posts == [w.text])
        #expect(!w.text.contains("Rhybudd"))
        #expect(!w.reviewNotes.contains { $0.contains("Welsh") || $0.contains("English") })
        // Being in Wales does not make the warning Welsh: only the council's languages do.
        var inWales = draft
        inWales.council.nation = "wales"
        #expect(drafter.warning(for: inWales, channel: channel).text == w.text)
    }

    @Test func noticesToPlatformsStayInEnglish() {
        for english in [Fixtures.councilCase(), Fixtures.mayorCase(), MailDraftTests.scam(from: "maer.aberteifi@gmail.com")] {
            let welsh = Self.welsh(english)
            let notice = drafter.notice(for: welsh)
            #expect(notice.text == drafter.notice(for: english).text)
            #expect(notice.description == drafter.notice(for: english).description)
            #expect(!notice.text.contains("Rhybudd"))
            #expect(DraftLint.check(notice, case: welsh).isEmpty)
        }
    }

    @Test func mailInTheCouncilsNameIsWarnedOfInWelshToo() {
        let draft = Self.welsh(MailDraftTests.scam(from: "priya.sharma.mayor.oakbridge@gmail.com"))
        for w in drafter.warnings(for: draft) {
            #expect(w.versions.map(\.language) == ["cy", "en"])
            #expect(w.versions[0].text.contains("negeseuon e-bost"), "\(w.channel): \(w.versions[0].text)")
            #expect(w.versions[0].text.contains("report@phishing.gov.uk") || w.channel == .x || w.channel == .bluesky)
            #expect(w.fits, "\(w.channel) is \(w.length) of \(w.limit)")
            #expect(DraftLint.check(w, case: draft).isEmpty, "\(w.channel): \(DraftLint.check(w, case: draft))")
        }
    }

    @Test func aLanguageWithNoWordingIsLeftOutWithANote() {
        var draft = Fixtures.councilCase()
        draft.council.languages = ["gd", "en"]
        let w = drafter.warning(for: draft, channel: .facebook)
        #expect(w.versions.map(\.language) == ["en"])
        #expect(w.text == drafter.warning(for: Fixtures.councilCase(), channel: .facebook).text)
        #expect(w.reviewNotes.contains { $0.contains("no Scottish Gaelic wording") })
    }

    @Test func theCouncilFileDecidesTheLanguages() {
        let identity = Identity(id: "aberteifi", name: "Cyngor Tref Aberteifi", place: "Aberteifi", area: "Ceredigion",
                                nation: "wales", languages: ["cy", "en"])
        #expect(DraftCase.Council(identity: identity).languages == ["cy", "en"])
        #expect(DraftCase.Council(identity: Identity(id: "o", name: "Oakbridge Town Council")).languages == ["en"])
    }

    @Test func theLintChecksTheWelshTemplatesAndNamesThem() throws {
        let samples = DraftLint.samples(council: Self.welshCouncil, now: Fixtures.drafted)
        #expect(DraftLint.check(templates: nil, samples: samples).isEmpty, "\(DraftLint.check(templates: nil, samples: samples))")
        // English councils' checks cover the Welsh templates too.
        let english = DraftLint.samples(council: Fixtures.council, now: Fixtures.drafted)
        #expect(DraftLint.check(templates: nil, samples: english).isEmpty)

        let dir = try Fixtures.folder()
        let noFraud = WelshWarningTemplates.nextdoor.replacingOccurrences(
            of: "Wedi colli arian? Cysylltwch â'ch banc a {{fraud_name}} ({{fraud_site}}, {{fraud_phone}}).", with: "")
        #expect(noFraud != WelshWarningTemplates.nextdoor)
        try noFraud.write(toFile: "\(dir)/warning-nextdoor.cy.txt", atomically: true, encoding: .utf8)
        let findings = DraftLint.check(templates: dir, samples: english)
        let missing = try #require(findings.first { $0.message.contains("where to report fraud") })
        #expect(missing.draft == "warning nextdoor (Welsh)")
        #expect(missing.file == "\(dir)/warning-nextdoor.cy.txt")
        #expect(Set(findings.map(\.code)) == [.missingElement])
        #expect(TemplateSet.strayFiles(in: dir).isEmpty)
    }

    @Test func welshMoneyAdviceCounts() {
        let draft = Self.welsh(Fixtures.councilCase())
        #expect(RequiredElement.moneyAdvice.isPresent(in: "Peidiwch byth ag anfon arian.", case: draft))
        #expect(!RequiredElement.moneyAdvice.isPresent(in: "Peidiwch ag ateb.", case: draft))
    }

    @Test func theWelshTemplatesAreWrittenOutAndReadBack() throws {
        #expect(TemplateSet.names.contains("warning-x.cy"))
        #expect(TemplateSet.names.contains("warning-website-email.cy"))
        #expect(!TemplateSet.names.contains { $0.hasPrefix("notice") && $0.hasSuffix(".cy") })
        let dir = try Fixtures.folder() + "/templates"
        let written = try TemplateSet.writeDefaults(to: dir, languages: ["cy", "en"])
        #expect(written.count == TemplateSet.names.count)
        #expect(written.contains("\(dir)/warning-x.cy.txt"))
        #expect(written.contains("\(dir)/warning-facebook-email.cy.txt"))
        let text = try String(contentsOfFile: "\(dir)/warning-x.cy.txt", encoding: .utf8)
        #expect(text.contains("Rhybudd:"))
        #expect(text.contains("{{! suspect_name: "))

        let draft = Self.welsh(Fixtures.mayorCase())
        let fromFiles = Drafter(templates: try TemplateSet.load(overrides: dir))
        for channel in Channel.allCases {
            #expect(fromFiles.warning(for: draft, channel: channel).text == drafter.warning(for: draft, channel: channel).text)
        }

        // The council's edit of the Welsh wording is the one used.
        try "Rhybudd: cyfrif ffug {{suspect_handle}}. Ein cyfrifon: {{accounts_link}}\n".write(
            toFile: "\(dir)/warning-x.cy.txt", atomically: true, encoding: .utf8)
        let edited = Drafter(templates: try TemplateSet.load(overrides: dir))
        #expect(edited.templates.template("warning-x.cy")?.file == "\(dir)/warning-x.cy.txt")
        let w = edited.warning(for: Self.welsh(Fixtures.councilCase()), channel: .x)
        #expect(w.versions[0].text == "Rhybudd: cyfrif ffug oakbridgecouncil[.]official. Ein cyfrifon: https://www.oakbridge-tc.gov.uk/social-media")
        #expect(w.versions[1].text.hasPrefix("Warning:"))
    }
}
