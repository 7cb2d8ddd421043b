import Foundation
import Testing
import ImpostorCore
@testable import ImpostorDrafts

/// Whatever the suspect's names hold, every draft fits, keeps what it must say, and quotes them safely.
@Suite struct HostileNameTests {
    static let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}"
    static let wales = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}"

    /// (what it is, display name, handle)
    static let names: [(String, String, String)] = [
        ("long", String(repeating: "Oakbridge Town Council Official Residents Support Page ", count: 5), "oakbridge_town_council_official_support"),
        ("emoji", String(repeating: "\(family)\u{1F1EC}\u{1F1E7}\(wales)\u{1F44D}\u{1F3FD}", count: 40), "oakbridge\u{1F3DB}council"),
        ("right to left", "مجلس مدينة أوكبريدج الرسمي " + String(repeating: "שלום ", count: 30), "majlis_oakbridge"),
        ("chinese", String(repeating: "橡树桥镇议会官方账号", count: 20), "oakbridge_cn"),
        ("huge", String(repeating: "W", count: 100_000), String(repeating: "w", count: 5_000)),
        ("planted", "\u{202E}offo\u{202C} https://cl.ex/x @OakTC #grant {{clerk_email}}", "@oakbridge.grants"),
        ("mastodon", "Oakbridge Town Council", "official_oakbridge_council_helpdesk@a-very-long-server-name-for-testing.example.social"),
    ]

    static var cases: [(String, DraftCase)] {
        var all: [(String, DraftCase)] = []
        for (label, name, handle) in names {
            all.append(("\(label), council", Fixtures.named(name, handle: handle, platform: .mastodon)))
            all.append(("\(label), mayor", Fixtures.named(name, handle: handle, platform: .x,
                                                          target: .person(name: "Cllr Priya Sharma", role: "Mayor"))))
        }
        return all
    }

    @Test(arguments: Channel.allCases)
    func warningsFitAndKeepTheirElements(_ channel: Channel) {
        for (label, draft) in Self.cases {
            let w = Fixtures.drafter.warning(for: draft, channel: channel)
            #expect(w.fits, "\(label) on \(channel): \(w.length) of \(w.limit)")
            #expect(w.limit.fits(w.text), "\(label) on \(channel)")
            for element in RequiredElement.forWarning(channel) {
                #expect(element.isPresent(in: w.text, case: draft, channel: channel), "\(label) on \(channel): \(element)")
            }
            #expect(DraftLint.check(w, case: draft).isEmpty, "\(label) on \(channel): \(DraftLint.check(w, case: draft))")
        }
    }

    @Test(arguments: Platform.known)
    func noticeDescriptionsFitTheirForms(_ platform: Platform) {
        for (label, draft) in Self.cases {
            var onPlatform = draft
            onPlatform.suspect.platform = platform
            let n = Fixtures.drafter.notice(for: onPlatform)
            #expect(n.fits, "\(label) to \(platform): \(n.descriptionLength) of \(n.descriptionLimit)")
            #expect(n.descriptionLimit.fits(n.description))
            #expect(DraftLint.check(n, case: onPlatform).isEmpty, "\(label) to \(platform): \(DraftLint.check(n, case: onPlatform))")
        }
    }

    @Test func rightToLeftNamesCannotReorderTheSentence() {
        let draft = Fixtures.named("مجلس مدينة أوكبريدج", handle: "majlis_oakbridge")
        for channel in Channel.allCases {
            let text = Fixtures.drafter.warning(for: draft, channel: channel).text
            #expect(text.contains("\"\u{2068}مجلس مدينة أوكبريدج\u{2069}\""), "\(channel)")
        }
        let latin = Fixtures.drafter.warning(for: Fixtures.councilCase(), channel: .website).text
        #expect(!latin.contains("\u{2068}"))
    }

    @Test func cutsFallOnCharacterBoundariesWithAnEllipsis() {
        let draft = Fixtures.named(String(repeating: "\(Self.family)\u{1F1EC}\u{1F1E7}", count: 40), platform: .x)
        let w = Fixtures.drafter.warning(for: draft, channel: .x)
        #expect(w.shortened.contains { $0.hasPrefix("shortened the account's name") })
        let quoted = w.text.split(separator: "\"")[1]
        #expect(quoted.hasSuffix("\u{2026}"))
        // Every character before the ellipsis is a whole family or a whole flag.
        #expect(quoted.dropLast().allSatisfy { String($0) == Self.family || String($0) == "\u{1F1EC}\u{1F1E7}" })
    }

    @Test func suspectTextNeverPosesAsALinkOrAMention() {
        let (_, name, handle) = Self.names.first { $0.0 == "planted" }!
        let draft = Fixtures.named(name, handle: handle, platform: .facebook)
        let ours = Set([Fixtures.council.accountsLink!, Fixtures.council.website!]
            + Fixtures.council.officials.compactMap(AccountLinks.url))
        for channel in Channel.allCases {
            let text = Fixtures.drafter.warning(for: draft, channel: channel).text
            #expect(!text.contains("\u{202E}"))
            #expect(!text.contains("https://cl.ex"))
            #expect(!text.contains("oakbridge.grants"))
            #expect(!text.contains("#grant"))
            #expect(!text.contains("{{clerk_email}}"))
            if channel == .website { #expect(text.contains("hxxps://cl[.]ex/x @ OakTC # grant { {clerk_email} }")) }
            // The only links are the council's own.
            let scanner = LinkScanner(text)
            let links = scanner.links(bareDomains: false).map { String(scanner.chars[$0.range]) }
            #expect(links.allSatisfy { ours.contains($0) }, "\(channel): \(links)")
            // The only mentions are of the council's own accounts.
            var rest = text
            for handle in Fixtures.council.officials.map(AccountLinks.shownHandle).sorted(by: { $0.count > $1.count }) {
                rest = rest.replacingOccurrences(of: handle, with: "")
            }
            rest = rest.replacingOccurrences(of: Fixtures.council.clerk!.email!, with: "")
            let chars = Array(rest)
            let mentions = chars.indices.filter { i in
                chars[i] == "@" && i + 1 < chars.count && chars[i + 1].isLetter
                    && (i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber || chars[i - 1] == "/"))
            }
            #expect(mentions.isEmpty, "\(channel): \(rest)")
        }
    }
}
