import Foundation
import Testing
import ImpostorCore
@testable import ImpostorDrafts

/// Each check is shown to pass the built-in drafts and to catch a draft made to break it.
@Suite struct DraftLintTests {
    let samples = DraftLint.samples(council: Fixtures.council, person: Person(name: "Cllr Priya Sharma", role: "Mayor"),
                                    now: Fixtures.drafted)

    /// A template folder holding `files` (name without .txt → text).
    func folder(_ files: [String: String]) throws -> String {
        let dir = try Fixtures.folder()
        for (name, text) in files { try text.write(toFile: "\(dir)/\(name).txt", atomically: true, encoding: .utf8) }
        return dir
    }

    func codes(_ findings: [LintFinding], draft: String) -> Set<LintFinding.Code> {
        Set(findings.filter { $0.draft == draft }.map(\.code))
    }

    @Test func theBuiltInTemplatesPass() throws {
        #expect(samples.count == 4)
        let findings = DraftLint.check(templates: nil, samples: samples)
        #expect(findings.isEmpty, "\(findings)")
        let written = try Fixtures.folder()
        try TemplateSet.writeDefaults(to: written, languages: ["en", "cy"])
        #expect(DraftLint.check(templates: written, samples: samples).isEmpty)
    }

    @Test func catchesADraftOverItsLimit() throws {
        let long = "Warning: a fake account {{suspect_handle}} is not ours. Never send money. " + String(repeating: "Please read this. ", count: 20)
            + "Ours: {{accounts_link}} Clerk: {{clerk_contact}}. {{fraud_name}} {{fraud_phone}}"
        let findings = DraftLint.check(templates: try folder(["warning-x": long]), samples: samples)
        #expect(codes(findings, draft: "warning x") == [.overLimit])
        let finding = try #require(findings.first { $0.code == .overLimit })
        #expect(finding.file?.hasSuffix("warning-x.txt") == true)
        #expect(finding.message.contains("280 X weighted"))
    }

    @Test func catchesCapitals() throws {
        let shouting = WarningTemplates.nextdoor.replacingOccurrences(of: "Please don't reply", with: "PLEASE DO NOT REPLY")
        let findings = DraftLint.check(templates: try folder(["warning-nextdoor": shouting]), samples: samples)
        #expect(codes(findings, draft: "warning nextdoor") == [.capitals])
        #expect(DraftLint.capitals(in: "WARNING: fake account", ignoring: []) != nil)
        #expect(DraftLint.capitals(in: "Do NOT SHARE IT", ignoring: []) != nil)
        #expect(DraftLint.capitals(in: String(repeating: "ABCD efg ", count: 10), ignoring: []) != nil)
        #expect(DraftLint.capitals(in: "Report it to X, the UK's NHS or the BBC at https://WWW.EXAMPLE.UK", ignoring: []) == nil)
        // The suspect chose its shouting; the council did not.
        #expect(DraftLint.capitals(in: "The account \"OFFICIAL GRANTS PAGE\" is fake.", ignoring: ["OFFICIAL GRANTS PAGE"]) == nil)
    }

    @Test func catchesAMissingElement() throws {
        let noFraud = WarningTemplates.nextdoor.replacingOccurrences(
            of: "Lost money? Contact your bank and {{fraud_name}} ({{fraud_site}}, {{fraud_phone}}).", with: "")
        let noMoney = WarningTemplates.instagram.replacingOccurrences(of: "money", with: "cash")
        let noAccounts = WarningTemplates.mastodon.replacingOccurrences(
            of: "Our accounts: {{accounts_link}}{{#official_here}} (here: {{official_here}}){{/official_here}}. ", with: "")
        let noID = NoticeTemplates.notice.replacingOccurrences(
            of: "impostor never stores identity documents: do not send ID to the council or keep a copy with this case.\n", with: "")
        let findings = DraftLint.check(
            templates: try folder(["warning-nextdoor": noFraud, "warning-instagram": noMoney, "warning-mastodon": noAccounts, "notice": noID]),
            samples: samples)
        #expect(findings.contains { $0.draft == "warning nextdoor" && $0.message.contains("where to report fraud") })
        #expect(findings.contains { $0.draft == "warning instagram" && $0.message.contains("never to send money") })
        #expect(findings.contains { $0.draft == "warning mastodon" && $0.message.contains("official accounts") })
        #expect(findings.contains { $0.draft.hasPrefix("notice") && $0.message.contains("identity documents") })
        #expect(Set(findings.map(\.code)) == [.missingElement])
    }

    @Test func catchesAnUnfilledPlaceholder() throws {
        var council = Fixtures.council
        council.clerk = Contact(name: "Jane Whitfield", role: "Town Clerk")
        let noContact = DraftLint.samples(council: council, now: Fixtures.drafted)
        let findings = DraftLint.check(templates: nil, samples: noContact)
        let unfilled = findings.filter { $0.code == .unfilledPlaceholder }
        #expect(unfilled.contains { $0.message.contains("{{clerk_contact}}") && $0.message.contains("[contact]") })
        // A slip in the council's own template: single braces.
        let slip = try folder(["warning-facebook": WarningTemplates.facebook + "\nSigned {clerk_name}."])
        #expect(codes(DraftLint.check(templates: slip, samples: samples), draft: "warning facebook") == [.unfilledPlaceholder])
    }

    @Test func catchesHiddenCharacters() {
        let draft = Fixtures.councilCase()
        let good = Fixtures.drafter.warning(for: draft, channel: .facebook)
        #expect(DraftLint.check(good, case: draft).isEmpty)
        var bad = good
        bad.text = good.text.replacingOccurrences(of: "Never send money", with: "Never send\u{200B} money")
        #expect(DraftLint.check(bad, case: draft).map(\.code) == [.hiddenCharacters])
        #expect(DraftLint.hiddenCharacters(in: "a \u{2068}مرحبا\u{2069} b") == nil)
        #expect(DraftLint.hiddenCharacters(in: "a \u{2068}open") != nil)
        #expect(DraftLint.hiddenCharacters(in: "a \u{202E}b") != nil)
    }

    @Test func reportsBrokenAndStrayTemplateFiles() throws {
        let dir = try folder(["warning-x": "Line one\n{{#pre_election}}\nnever closed", "warning-twitter": "Hello"])
        let findings = DraftLint.check(templates: dir, samples: samples)
        let broken = try #require(findings.first { $0.code == .templateError })
        #expect(broken.file == "\(dir)/warning-x.txt")
        #expect(broken.line == 2)
        #expect(broken.description.hasPrefix("\(dir)/warning-x.txt:2: warning-x: "))
        #expect(findings.contains { $0.code == .strayTemplate && $0.file == "\(dir)/warning-twitter.txt" })
        // The broken template falls back to the built-in one, which passes.
        #expect(codes(findings, draft: "warning x").isEmpty)
    }
}
