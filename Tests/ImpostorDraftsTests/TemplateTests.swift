import Foundation
import Testing
@testable import ImpostorDrafts

@Suite struct TemplateTests {
    let schema = DraftPlaceholders.warning

    func template(_ source: String) throws -> Template {
        try Template(name: "test", file: "test.txt", source: source, schema: schema)
    }

    /// The error parsing `source` throws.
    func error(_ source: String) -> TemplateError? {
        do {
            _ = try template(source)
            return nil
        } catch {
            return error as? TemplateError
        }
    }

    @Test func fillsPlaceholdersSectionsAndRows() throws {
        let t = try template("""
            {{! a comment line, never shown }}
            Hello from {{council_name}}.
            {{#pre_election}}
            Pre-election.
            {{/pre_election}}
            {{^pre_election}}
            Normal times.
            {{/pre_election}}
            {{#official_accounts}}
            - {{account_platform}}: {{account_handle}}{{#account_url}} ({{account_url}}){{/account_url}}
            {{/official_accounts}}
            Done.
            """)
        let text = t.render([
            "council_name": .text("Oakbridge Town Council"), "pre_election": .flag(false),
            "official_accounts": .list([
                ["account_platform": .text("X"), "account_handle": .text("@OakbridgeTC")],
                ["account_platform": .text("Facebook"), "account_handle": .text("OakbridgeTownCouncil"),
                 "account_url": .text("https://www.facebook.com/OakbridgeTownCouncil")],
            ]),
        ])
        #expect(text == """
            Hello from Oakbridge Town Council.
            Normal times.
            - X: @OakbridgeTC
            - Facebook: OakbridgeTownCouncil (https://www.facebook.com/OakbridgeTownCouncil)
            Done.
            """)
    }

    @Test func optionalPartsGoInLevelOrder() throws {
        let t = try template("A{{#optional 2}} two{{/optional}}{{#optional 1}} one{{/optional}}. B")
        #expect(t.optionalLevels == [1, 2])
        #expect(t.render([:]) == "A two one. B")
        #expect(t.render([:], dropping: 1) == "A two. B")
        #expect(t.render([:], dropping: 2) == "A. B")
    }

    @Test func aMissingValueStaysVisible() throws {
        let t = try template("Call {{clerk_phone}} or {{#clerk_email}}write to {{clerk_email}}{{/clerk_email}}.")
        #expect(t.render([:]) == "Call {{clerk_phone}} or.")
        #expect(t.render(["clerk_phone": .text("01234 567890"), "clerk_email": .text("c@x.gov.uk")])
            == "Call 01234 567890 or write to c@x.gov.uk.")
    }

    @Test(arguments: [
        ("Hi {{council_name", TemplateError.Code.unclosedTag, 1),
        ("Line one\n{{#pre_election}}\nNo end", .unclosedSection, 2),
        ("Text\n{{/pre_election}}", .strayClose, 2),
        ("{{#pre_election}}\n{{^target_person}}\n{{/pre_election}}\n{{/target_person}}", .strayClose, 3),
        ("One\nTwo {{counsil_name}}", .unknownPlaceholder, 2),
        ("{{account_url}}", .unknownPlaceholder, 1),
        ("{{pre_election}}", .wrongKind, 1),
        ("{{official_accounts}}", .wrongKind, 1),
        ("{{Council Name}}", .badTag, 1),
        ("{{#optional}}x{{/optional}}", .badTag, 1),
        ("{{}}", .badTag, 1),
        ("a\nb\nc }} d", .badTag, 3),
        ("{{{council_name}}}", .badTag, 1),
    ])
    func brokenTemplatesSayWhatAndWhere(_ source: String, _ code: TemplateError.Code, _ line: Int) throws {
        let e = try #require(error(source))
        #expect(e.code == code)
        #expect(e.line == line)
        #expect(e.description.hasPrefix("test.txt:\(line): "))
    }

    @Test func unknownNamesGetASuggestion() throws {
        let e = try #require(error("{{counsil_name}}"))
        #expect(e.reason.contains("did you mean {{council_name}}"))
        let row = try #require(error("{{account_url}}"))
        #expect(row.reason.contains("{{#official_accounts}}"))
    }

    @Test func theOverrideFolderReplacesBuiltInTemplates() throws {
        let dir = try Fixtures.folder()
        try "Fake account {{suspect_handle}}. Ours: {{accounts_link}}\n".write(
            toFile: "\(dir)/warning-x.txt", atomically: true, encoding: .utf8)
        let set = try TemplateSet.load(overrides: dir)
        #expect(set.template("warning-x")?.file == "\(dir)/warning-x.txt")
        #expect(set.template("warning-bluesky")?.file == "default:warning-bluesky")
        let w = Drafter(templates: set).warning(for: Fixtures.councilCase(), channel: .x)
        #expect(w.text == "Fake account oakbridgecouncil[.]official. Ours: https://www.oakbridge-tc.gov.uk/social-media")
    }

    @Test func aBrokenOverrideIsAClearError() throws {
        let dir = try Fixtures.folder()
        try "Line one\nLine two {{clerk_phnoe}}\n".write(toFile: "\(dir)/warning-nextdoor.txt", atomically: true, encoding: .utf8)
        #expect {
            try TemplateSet.load(overrides: dir)
        } throws: { error in
            let e = error as! TemplateError
            return e.code == .unknownPlaceholder && e.file == "\(dir)/warning-nextdoor.txt" && e.line == 2
                && e.description == "\(dir)/warning-nextdoor.txt:2: unknown placeholder {{clerk_phnoe}} (did you mean {{clerk_phone}}?)"
        }
        let (set, errors) = TemplateSet.loadAll(overrides: dir)
        #expect(errors.count == 1)
        #expect(set.template("warning-nextdoor")?.file == "default:warning-nextdoor")
    }

    @Test func writtenDefaultsParseAndDraftTheSame() throws {
        let dir = try Fixtures.folder() + "/templates"
        let written = try TemplateSet.writeDefaults(to: dir)
        // English only: a council that does not write in Welsh gets no Welsh files to keep.
        let english = TemplateSet.names.filter { !$0.hasSuffix(".cy") }
        #expect(written.count == english.count)
        let text = try String(contentsOfFile: "\(dir)/warning-x.txt", encoding: .utf8)
        #expect(text.contains("{{! suspect_name: "))
        let fromFiles = Drafter(templates: try TemplateSet.load(overrides: dir))
        for channel in Channel.allCases {
            #expect(fromFiles.warning(for: Fixtures.mayorCase(), channel: channel).text
                == Fixtures.drafter.warning(for: Fixtures.mayorCase(), channel: channel).text)
        }
        #expect(fromFiles.notice(for: Fixtures.councilCase()).text == Fixtures.drafter.notice(for: Fixtures.councilCase()).text)

        // A council's edit survives a second write unless it asks to overwrite.
        try "Edited {{accounts_link}}".write(toFile: "\(dir)/warning-x.txt", atomically: true, encoding: .utf8)
        #expect(try TemplateSet.writeDefaults(to: dir).isEmpty)
        #expect(try String(contentsOfFile: "\(dir)/warning-x.txt", encoding: .utf8) == "Edited {{accounts_link}}")
        #expect(try TemplateSet.writeDefaults(to: dir, overwrite: true).count == english.count)
        #expect(try String(contentsOfFile: "\(dir)/warning-x.txt", encoding: .utf8) == text)
    }
}
