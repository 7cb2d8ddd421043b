import Foundation
import ImpostorDrafts
import Testing

/// `notice`, `warning`, `drafts`, `evidence` and `report`, run as the real binary against a store that a
/// real scan made and `impostor decide` confirmed, as a clerk would.
@Suite("the drafting commands, run as the real binary", .serialized)
struct DraftCommandsTests {}

// MARK: - The store every test reads

/// One store for the whole file, made on first use: a scan of a listing whose profile pages a
/// 127.0.0.1 server answers, the clerk's decisions, then a second scan after the platform takes one
/// account down. The tests only read it (template tests edit a copy of the watchlist).
struct DraftCases: Sendable {
    /// The accounts in the listing, each a case after the scan.
    enum Account: String, Sendable, CaseIterable, CustomTestStringConvertible {
        /// Impersonates the council, with a copy of its crest as avatar. Confirmed.
        case council
        /// "Mayor of Oakbridge": impersonates a person. Confirmed.
        case mayor
        /// A name built to break drafts. Confirmed.
        case hostile
        /// Confirmed, reported, then taken down by the platform.
        case removed
        /// Left waiting in the queue.
        case pending
        /// Dismissed as a namesake.
        case dismissed

        var testDescription: String { rawValue }

        /// How every draft shows the handle: defanged, and never cut below 15 characters.
        var shownHandle: String {
            switch self {
            case .council: "oakbridge[.]council[.]help"
            case .mayor: "mayorofoakbridge"
            case .hostile: String(DraftCases.hostileHandle.prefix(15))
            case .removed: "oakbridge[.]tc[.]grants"
            case .pending: "oakbridge_tc_news"
            case .dismissed: "oakbridge[.]tc[.]5"
            }
        }
    }

    /// Right-to-left override, a planted link, joined emoji and flags, mixed scripts, far too long.
    static let hostileName = "Oakbridge Town Council \u{202E}lanoisiffo\u{202C} 👨‍👩‍👧‍👦🇬🇧 https://claim-your-grant.example/now "
        + String(repeating: "مجلس المدينة 官方账号 🏴󠁧󠁢󠁷󠁬󠁳󠁿 ", count: 40)
    static let hostileHandle = String(repeating: "oakbridgetc_official_helpdesk_", count: 4)
    static let website = "https://www.oakbridge-tc.gov.uk"

    let folder: String
    let watchlist: String
    let database: String
    let port: Int
    let ids: [Account: Int64]
    /// The month the scan ran in, London time: "2026-11" and "November 2026".
    let month: String
    let monthName: String

    static let shared = Task { try await DraftCases() }

    func id(_ account: Account) -> String { String(ids[account]!) }
    func url(_ account: Account) -> String { Self.url(account, port: port) }
    static func url(_ account: Account, port: Int) -> String { "http://127.0.0.1:\(port)/profiles/\(account.rawValue)" }

    /// Runs `impostor` on this watchlist and store.
    func run(_ arguments: [String], watchlist: String? = nil) async throws -> CLI.Result {
        try await CLI.run(arguments + ["--watchlist", watchlist ?? self.watchlist, "--db", database])
    }

    struct SetupError: Error, CustomStringConvertible {
        var description: String
    }

    private init() async throws {
        let pages = Dictionary(uniqueKeysWithValues: Account.allCases.map { ("/profiles/\($0.rawValue)", 200) })
        let server = try LocalHTTPServer(routes: pages)
        defer { server.stop() }
        let port = server.port
        let fixture = try ScanFixture(suspects: 0, clear: 0, settings: "allow_private_addresses = true")
        let repo = FileManager.default.currentDirectoryPath
        try FileManager.default.copyItem(atPath: repo + "/examples/oakbridge-copy.jpg", toPath: fixture.folder + "/oakbridge-copy.jpg")
        let grant = "Official page of Oakbridge Town Council. Message us to claim your council tax rebate."
        let profiles: [[String: String]] = [
            ["platform": "facebook", "id": "council", "handle": "oakbridge.council.help", "display_name": "Оakbridge Town Counciⅼ ✅",
             "bio": grant, "avatar": "oakbridge-copy.jpg"],
            ["platform": "instagram", "id": "mayor", "handle": "mayorofoakbridge", "display_name": "Mayor of Oakbridge",
             "bio": "Oakbridge Town Council – official updates. Pay parking fees via the link below."],
            ["platform": "x", "id": "hostile", "handle": Self.hostileHandle, "display_name": Self.hostileName,
             "bio": String(repeating: "OFFICIAL GRANT PAGE 💷 ", count: 30)],
            ["platform": "facebook", "id": "removed", "handle": "oakbridge.tc.grants", "display_name": "Oakbridge Town Council Grants", "bio": grant],
            ["platform": "x", "id": "pending", "handle": "oakbridge_tc_news", "display_name": "Oakbridge Town Council News", "bio": grant],
            ["platform": "facebook", "id": "dismissed", "handle": "oakbridge.tc.5", "display_name": "Oakbridge Town Council 5", "bio": grant],
            ["platform": "facebook", "id": "bakery", "handle": "crumbsbakery", "display_name": "Crumbs Bakery", "bio": "Fresh bread daily"],
        ]
        let lines = try profiles.map { p in
            var p = p
            p["url"] = "http://127.0.0.1:\(port)/profiles/\(p["id"]!)"
            return String(decoding: try JSONSerialization.data(withJSONObject: p, options: [.sortedKeys]), as: UTF8.self)
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: fixture.folder + "/listing.jsonl", atomically: true, encoding: .utf8)

        let store = ["--watchlist", fixture.watchlist, "--db", fixture.database]
        func must(_ arguments: [String], _ expected: String) async throws -> CLI.Result {
            let r = try await CLI.run(arguments)
            guard r.status == 0, r.stdout.contains(expected) else {
                let command = arguments.joined(separator: " ")
                throw SetupError(description: "`impostor \(command)` exited \(r.status): \(r.stdout)\(r.stderr.suffix(1500))")
            }
            return r
        }
        _ = try await must(fixture.arguments(["--db", fixture.database]), "6 new or reopened cases")
        let queue = try await must(["review", "--json"] + store, "\"id\"").lines
        var ids: [Account: Int64] = [:]
        for line in queue {
            guard let url = line["url"] as? String, let account = Account.allCases.first(where: { url == Self.url($0, port: port) }),
                  let id = line["id"] as? Int
            else { continue }
            ids[account] = Int64(id)
        }
        guard ids.count == Account.allCases.count else { throw SetupError(description: "the scan opened \(queue)") }

        for account in [Account.council, .mayor, .hostile, .removed] {
            _ = try await must(["decide", String(ids[account]!), "confirm", "--as", "jane"] + store, "confirmed")
        }
        _ = try await must(["decide", String(ids[.dismissed]!), "dismiss", "--reason", "namesake", "--note", "namesake \u{1B}[31m\u{202E}of Oakbridge", "--as", "jane"] + store, "dismissed")
        _ = try await must(["decide", String(ids[.removed]!), "reported", "--as", "jane"] + store, "reported")
        // The platform takes one account down; the next scan's recheck finds it gone.
        server.set("/profiles/removed", status: 404)
        _ = try await must(fixture.arguments(["--db", fixture.database]), "1 removed")

        let opened = (queue.first?["opened_at"] as? String).flatMap { ISO8601DateFormatter().date(from: $0) } ?? Date()
        let london = DateFormatter()
        london.locale = Locale(identifier: "en_GB")
        london.timeZone = TimeZone(identifier: "Europe/London")
        london.dateFormat = "yyyy-MM"
        month = london.string(from: opened)
        london.dateFormat = "MMMM yyyy"
        monthName = london.string(from: opened)
        folder = fixture.folder
        watchlist = fixture.watchlist
        database = fixture.database
        self.port = port
        self.ids = ids
    }

    /// A copy of the watchlist (council file, logo, settings) in a new folder, for tests that edit templates.
    func copyOfWatchlist() throws -> String {
        let copy = try CLI.temporaryFolder([:])
        for name in try FileManager.default.contentsOfDirectory(atPath: watchlist) where name.hasSuffix(".toml") || name.hasSuffix(".png") {
            try FileManager.default.copyItem(atPath: watchlist + "/" + name, toPath: copy + "/" + name)
        }
        return copy
    }
}

// MARK: - Counting as the platforms count

enum PlatformCount {
    /// Mastodon's compose counter: every http(s) link counts 23, and "@user@server" counts as "@user".
    static func mastodon(_ text: String) -> Int {
        text.replacing(#/https?://\S*[^\s.,;:!?)"']/#) { _ in String(repeating: "x", count: 23) }
            .replacing(#/@(\w+)@[\w.-]*\w/#) { "@" + String($0.output.1) }
            .count
    }

    /// The "(N of M, counted as C counts)" line `impostor warning` prints on stderr.
    static func said(_ stderr: String) -> (length: Int, maximum: Int)? {
        guard let m = stderr.firstMatch(of: #/\((\d+) of (\d+), counted as \w+ counts\)/#) else { return nil }
        return (Int(m.output.1)!, Int(m.output.2)!)
    }
}

/// Whether every isolate the drafts put around right-to-left text is closed.
func isolatesBalanced(_ text: String) -> Bool {
    text.unicodeScalars.filter { $0 == "\u{2068}" }.count == text.unicodeScalars.filter { $0 == "\u{2069}" }.count
}

// MARK: - notice

extension DraftCommandsTests {
    /// What a notice for one platform must say, from the platforms' own reporting routes.
    struct Route: Sendable, CustomTestStringConvertible {
        var platform: String
        var name: String
        /// The form, help page, path in the app or API the notice sends the clerk to.
        var whereToReport: String
        /// The council's own account there, else the website that lists its accounts.
        var official: String
        /// The platform asks a person impersonated for their own photo ID.
        var personNeedsID: Bool

        var testDescription: String { platform }

        static let all: [Route] = [
            Route(platform: "facebook", name: "Facebook", whereToReport: "Web form: https://www.facebook.com/help/contact/169486816475808",
                  official: "https://www.facebook.com/OakbridgeTownCouncil", personNeedsID: true),
            Route(platform: "instagram", name: "Instagram", whereToReport: "Web form: https://help.instagram.com/contact/636276399721841",
                  official: DraftCases.website, personNeedsID: true),
            Route(platform: "threads", name: "Threads", whereToReport: "In the app: the profile's ⋯ menu → Report → Pretending to be someone",
                  official: DraftCases.website, personNeedsID: true),
            Route(platform: "x", name: "X", whereToReport: "Web form: https://help.x.com/forms/impersonation",
                  official: "https://x.com/OakbridgeTC", personNeedsID: true),
            Route(platform: "youtube", name: "YouTube", whereToReport: "Help page: https://support.google.com/youtube/answer/2801947",
                  official: DraftCases.website, personNeedsID: false),
            Route(platform: "tiktok", name: "TikTok", whereToReport: "Web form: https://www.tiktok.com/legal/report/feedback",
                  official: DraftCases.website, personNeedsID: true),
            Route(platform: "linkedin", name: "LinkedIn", whereToReport: "Web form: https://www.linkedin.com/help/linkedin/ask/TS-NFPI",
                  official: DraftCases.website, personNeedsID: false),
            Route(platform: "nextdoor", name: "Nextdoor", whereToReport: "In the app: the member's name → ⋯ → Report",
                  official: DraftCases.website, personNeedsID: false),
            Route(platform: "bluesky", name: "Bluesky", whereToReport: "Through the API: POST /xrpc/com.atproto.moderation.createReport",
                  official: "https://bsky.app/profile/oakbridge-tc.gov.uk", personNeedsID: false),
            Route(platform: "mastodon", name: "Mastodon", whereToReport: "Through the API: POST /api/v1/reports",
                  official: DraftCases.website, personNeedsID: false),
        ]
    }

    @Suite("impostor notice") struct Notices {
        @Test("a notice for every platform, for the council and for its Mayor",
              arguments: Route.all, [DraftCases.Account.council, .mayor])
        func noticeForEveryPlatform(route: Route, account: DraftCases.Account) async throws {
            let cases = try await DraftCases.shared.value
            let r = try await cases.run(["notice", cases.id(account), "--platform", route.platform])
            #expect(r.status == 0, "\(r.stderr)")
            let text = r.stdout
            #expect(text.contains("The impersonating account: \(cases.url(account))"), "\(text)")
            #expect(text.contains("The council's official account: \(route.official)"), "\(text)")
            #expect(text.contains("Where to report\n"))
            #expect(text.contains(route.whereToReport), "\(text)")
            #expect(text.contains("First seen by impostor: "))
            #expect(!text.contains("{{"), "an unfilled placeholder: \(text)")
            #expect(!r.stderr.contains("over the form's limit"))
            switch account {
            case .mayor:
                #expect(text.hasPrefix("Report to \(route.name): an account pretending to be Cllr Priya Sharma, Mayor of Oakbridge Town Council"))
                #expect(text.contains("Cllr Priya Sharma (Mayor) must report it in person"))
                #expect(text.contains("the council cannot report the impersonation of a person for them"))
                #expect(text.contains("asks for the person's own government photo ID") == route.personNeedsID, "\(text)")
                #expect(text.contains("impostor never stores identity documents"))
            default:
                #expect(text.hasPrefix("Report to \(route.name): an account pretending to be Oakbridge Town Council\n"))
                #expect(text.contains("The council reports it, through Jane Whitfield (Town Clerk)"))
                #expect(!text.contains("must report it in person"))
            }
        }

        @Test func withoutPlatformTheNoticeIsForTheSuspectsOwnPlatform() async throws {
            let cases = try await DraftCases.shared.value
            let council = try await cases.run(["notice", cases.id(.council)])
            #expect(council.status == 0, "\(council.stderr)")
            #expect(council.stdout.hasPrefix("Report to Facebook: "))
            // Filled in the form's own order, with what the clerk types.
            #expect(council.stdout.contains("""
                Full name of the person or organisation impersonated: Oakbridge Town Council
                Link to the impersonating account: \(cases.url(.council))
                Your email address: clerk@oakbridge-tc.gov.uk
                """))
            let mayor = try await cases.run(["notice", cases.id(.mayor)])
            #expect(mayor.stdout.hasPrefix("Report to Instagram: "))
            #expect(mayor.stdout.contains("Username of the impersonating account: @mayorofoakbridge"))
        }

        @Test func anUnknownPlatformNamesTheChoices() async throws {
            let cases = try await DraftCases.shared.value
            let r = try await cases.run(["notice", cases.id(.council), "--platform", "myspace"])
            #expect(r.status != 0)
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains(
                "--platform myspace: use one of facebook, instagram, threads, x, youtube, tiktok, linkedin, nextdoor, bluesky, mastodon"),
                "\(r.stderr)")
        }

        @Test("only a confirmed case has drafts; an unknown number is named",
              arguments: [["notice"], ["warning", "--channel", "website"]])
        func unconfirmedAndUnknownCases(command: [String]) async throws {
            let cases = try await DraftCases.shared.value
            for (account, status) in [(DraftCases.Account.pending, "new"), (.dismissed, "dismissed")] {
                let id = cases.id(account)
                let r = try await cases.run([command[0], id] + command.dropFirst())
                #expect(r.status == 1)
                #expect(r.stdout.isEmpty)
                #expect(r.stderr.contains("case \(id) is \(status); confirm it first (`impostor decide \(id) confirm`)"), "\(r.stderr)")
            }
            let unknown = try await cases.run([command[0], "999999"] + command.dropFirst())
            #expect(unknown.status == 1)
            #expect(unknown.stderr.contains("there is no case 999999"), "\(unknown.stderr)")
        }
    }
}

// MARK: - warning

extension DraftCommandsTests {
    /// A channel's limit as the platform counts it, and what its template promises.
    struct ChannelRule: Sendable, CustomTestStringConvertible {
        var channel: String
        var limit: Int
        var count: @Sendable (String) -> Int
        /// The count above is the platform's exactly, so the command's own count must equal it.
        var exact: Bool
        /// The template gives Report Fraud's website too (X and Bluesky have room for the name and number only).
        var fraudSite: Bool
        /// How the council's accounts appear.
        var officials: [String]

        var testDescription: String { channel }

        static let all: [ChannelRule] = [
            ChannelRule(channel: "website", limit: 3000, count: { $0.count }, exact: true, fraudSite: true,
                        officials: ["Facebook: OakbridgeTownCouncil (https://www.facebook.com/OakbridgeTownCouncil)",
                                    "X: @OakbridgeTC (https://x.com/OakbridgeTC)",
                                    "Bluesky: @oakbridge-tc.gov.uk (https://bsky.app/profile/oakbridge-tc.gov.uk)"]),
            ChannelRule(channel: "x", limit: 280, count: { XWeight.length(of: $0) }, exact: true, fraudSite: false,
                        officials: ["@OakbridgeTC"]),
            ChannelRule(channel: "bluesky", limit: 300, count: { $0.count }, exact: true, fraudSite: false,
                        officials: ["@oakbridge-tc.gov.uk"]),
            ChannelRule(channel: "mastodon", limit: 500, count: { PlatformCount.mastodon($0) }, exact: false, fraudSite: true,
                        officials: [DraftCases.website]),
            ChannelRule(channel: "facebook", limit: 5000, count: { $0.utf16.count }, exact: true, fraudSite: true,
                        officials: ["OakbridgeTownCouncil (https://www.facebook.com/OakbridgeTownCouncil)"]),
            ChannelRule(channel: "instagram", limit: 2200, count: { $0.utf16.count }, exact: true, fraudSite: true,
                        officials: ["Facebook: OakbridgeTownCouncil", "X: @OakbridgeTC"]),
            ChannelRule(channel: "nextdoor", limit: 600, count: { $0.count }, exact: true, fraudSite: true,
                        officials: ["listed at \(DraftCases.website)"]),
        ]
    }

    @Suite("impostor warning") struct Warnings {
        @Test("a warning for every channel fits it, says where to report fraud and lists an official account",
              arguments: ChannelRule.all, [DraftCases.Account.council, .mayor, .hostile])
        func warningForEveryChannel(rule: ChannelRule, account: DraftCases.Account) async throws {
            let cases = try await DraftCases.shared.value
            let r = try await cases.run(["warning", cases.id(account), "--channel", rule.channel])
            #expect(r.status == 0, "\(r.stderr)")
            let text = String(r.stdout.dropLast())  // the newline after the draft
            #expect(text.contains("Report Fraud") && text.contains("0300 123 2040"), "\(text)")
            #expect(text.contains("reportfraud.police.uk") == rule.fraudSite, "\(text)")
            for official in rule.officials { #expect(text.contains(official), "\(text)") }
            #expect(text.contains("money"))
            #expect(text.contains(account.shownHandle), "\(text)")
            #expect(text.contains("Mayor") == (account == .mayor))
            #expect(!text.contains("{{"), "an unfilled placeholder: \(text)")

            let length = rule.count(text)
            #expect(length <= rule.limit, "\(length) of \(rule.limit): \(text)")
            if rule.channel == "bluesky" { #expect(text.utf8.count <= 3000) }
            let said = try #require(PlatformCount.said(r.stderr), "\(r.stderr)")
            #expect(said.maximum == rule.limit)
            #expect(said.length <= said.maximum)
            if rule.exact { #expect(said.length == length) }

            // What the suspect chose cannot reorder the text, plant a live link or run on.
            #expect(!text.unicodeScalars.contains("\u{202E}"))
            #expect(!text.contains("https://claim-your-grant"))
            #expect(isolatesBalanced(text))
            if account == .hostile { #expect(text.contains("…"), "the name should be cut: \(text)") }
        }

        @Test("before an election a warning names the office, not the person, and quotes no one",
              arguments: ChannelRule.all.map(\.channel))
        func preElection(channel: String) async throws {
            let cases = try await DraftCases.shared.value
            let r = try await cases.run(["warning", cases.id(.mayor), "--channel", channel, "--pre-election"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("Mayor"))
            #expect(!r.stdout.contains("Priya Sharma"), "\(r.stdout)")
            #expect(!r.stdout.contains("said:"))
            #expect(!r.stdout.contains("[Image suggestion"))
            #expect(r.stderr.contains("note: Pre-election period"))
            if channel == "website" {
                // Outside an election the same news item names the Mayor and quotes the clerk.
                let usual = try await cases.run(["warning", cases.id(.mayor), "--channel", channel])
                #expect(usual.stdout.contains("Cllr Priya Sharma, Mayor of Oakbridge Town Council"))
                #expect(usual.stdout.contains("Jane Whitfield, Town Clerk, said: \"We will never ask residents"))
                #expect(r.stdout.contains("pretending to be the Mayor of Oakbridge Town Council"))
            }
        }

        @Test func anUnknownChannelNamesTheChoices() async throws {
            let cases = try await DraftCases.shared.value
            let r = try await cases.run(["warning", cases.id(.council), "--channel", "twitter"])
            #expect(r.status != 0)
            #expect(r.stderr.contains("--channel twitter: use one of website, x, bluesky, mastodon, facebook, instagram, nextdoor"), "\(r.stderr)")
        }
    }
}

// MARK: - drafts --init / --check, and broken templates

extension DraftCommandsTests {
    static let templateNames: [String] = {
        let base = ["notice", "notice-reason", "warning-website", "warning-x", "warning-bluesky", "warning-mastodon",
                    "warning-facebook", "warning-instagram", "warning-nextdoor"]
        // E-mail cases (mail sent in the council's name) and takeovers of its own accounts have their own wording of each.
        return base + base.map { $0 + "-email" } + base.map { $0 + "-takeover" }
    }()

    /// One way a council can break its templates, and what `drafts --check` must say about it.
    struct Breakage: Sendable, CustomTestStringConvertible {
        enum Edit: Sendable {
            /// Replace text in the default template (which must hold it).
            case replace(String, with: String)
            /// Write these bytes as the whole file.
            case bytes([UInt8])
        }

        var what: String
        var file: String
        var edit: Edit
        var finding: String
        /// The template no longer parses: drafting from it must stop with an error.
        var unparsable = false

        var testDescription: String { what }

        static let all: [Breakage] = [
            Breakage(what: "unknown placeholder", file: "warning-x.txt",
                     edit: .replace("{{fraud_name}} {{fraud_phone}}", with: "{{council_nmae}}"),
                     finding: "warning-x.txt:5: warning-x: unknown placeholder {{council_nmae}} (did you mean {{council_name}}?)",
                     unparsable: true),
            Breakage(what: "placeholder left unfilled", file: "warning-facebook.txt",
                     edit: .replace("is pretending to be {{impersonated}}.", with: "is pretending to be {{person_name}}."),
                     finding: "warning facebook: {{person_name}} was left unfilled"),
            Breakage(what: "single braces", file: "warning-nextdoor.txt",
                     edit: .replace("contact the clerk on {{clerk_contact}}", with: "contact the clerk on {clerk_contact}"),
                     finding: "warning nextdoor: {{clerk_contact}} was left unfilled"),
            Breakage(what: "capitals", file: "warning-facebook.txt",
                     edit: .replace("Warning: a fake {{suspect_platform}} account is pretending to be",
                                    with: "WARNING: A FAKE {{suspect_platform}} ACCOUNT IS PRETENDING TO BE"),
                     finding: "warning facebook: \"WARNING\" is written in capitals: write in sentence case"),
            Breakage(what: "over the limit", file: "warning-x.txt",
                     edit: .replace("Warning: \"{{suspect_name}}\"",
                                    with: "Warning, please read all of this post carefully before you do anything else today: \"{{suspect_name}}\""),
                     finding: "is over the limit of 280 X weighted, even after shortening"),
            Breakage(what: "required element removed", file: "warning-x.txt",
                     edit: .replace(" Lost money? {{fraud_name}} {{fraud_phone}}", with: ""),
                     finding: "warning x: missing where to report fraud (Report Fraud, reportfraud.police.uk, 0300 123 2040)"),
            Breakage(what: "section never closed", file: "warning-bluesky.txt",
                     edit: .replace("{{#optional 2}} It is not ours.{{/optional}}", with: "{{#optional 2}} It is not ours."),
                     finding: "warning-bluesky.txt:5: warning-bluesky: {{#optional 2}} is never closed", unparsable: true),
            Breakage(what: "not UTF-8", file: "warning-nextdoor.txt", edit: .bytes([0x57, 0x61, 0xFF, 0xFE, 0x0A]),
                     finding: "warning-nextdoor.txt: warning-nextdoor: the template is not UTF-8 text: save it as UTF-8", unparsable: true),
            Breakage(what: "misspelt file name", file: "warning-twitter.txt", edit: .bytes(Array("Warning: {{suspect_name}}\n".utf8)),
                     finding: "warning-twitter.txt: warning-twitter.txt: no draft uses this file"),
        ]

        /// Writes the default templates into `watchlist`, then breaks one.
        func apply(to watchlist: String) async throws {
            let r = try await CLI.run(["drafts", "--init", "--watchlist", watchlist])
            try #require(r.status == 0, "\(r.stderr)")
            let path = watchlist + "/templates/" + file
            switch edit {
            case .replace(let old, let new):
                let text = try String(contentsOfFile: path, encoding: .utf8)
                try #require(text.contains(old), "the default \(file) no longer holds \(old)")
                try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
            case .bytes(let bytes):
                try Data(bytes).write(to: URL(fileURLWithPath: path))
            }
        }
    }

    @Suite("impostor drafts, and drafting from a council's own templates") struct Templates {
        @Test func initWritesTheTemplatesAndASecondRunKeepsTheCouncilsEdits() async throws {
            let cases = try await DraftCases.shared.value
            let watchlist = try cases.copyOfWatchlist()
            defer { try? FileManager.default.removeItem(atPath: watchlist) }
            let folder = watchlist + "/templates"
            let first = try await CLI.run(["drafts", "--init", "--watchlist", watchlist])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains("wrote 27 templates to \(folder): edit them, then run `impostor drafts --check`"), "\(first.stdout)")
            let written = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            #expect(written == DraftCommandsTests.templateNames.map { $0 + ".txt" }.sorted())
            let x = try String(contentsOfFile: folder + "/warning-x.txt", encoding: .utf8)
            #expect(x.contains("{{fraud_name}} {{fraud_phone}}"))
            #expect(x.contains("{{! Placeholders this template may use: }}"))

            // The council edits one and loses another: --init puts back only the lost one.
            let edited = x.replacingOccurrences(of: "Don't reply", with: "Please don't reply")
            try edited.write(toFile: folder + "/warning-x.txt", atomically: true, encoding: .utf8)
            try FileManager.default.removeItem(atPath: folder + "/notice.txt")
            let second = try await CLI.run(["drafts", "--init", "--watchlist", watchlist])
            #expect(second.status == 0)
            #expect(second.stdout.contains("wrote 1 templates to \(folder)"), "\(second.stdout)")
            #expect(try String(contentsOfFile: folder + "/warning-x.txt", encoding: .utf8) == edited)
            #expect(FileManager.default.fileExists(atPath: folder + "/notice.txt"))
            let third = try await CLI.run(["drafts", "--init", "--watchlist", watchlist])
            #expect(third.stdout.contains("the templates in \(folder) are all there already"))

            // And the edit is what `warning` drafts from.
            let warning = try await cases.run(["warning", cases.id(.council), "--channel", "x"], watchlist: watchlist)
            #expect(warning.status == 0, "\(warning.stderr)")
            #expect(warning.stdout.contains("Please don't reply"))
        }

        @Test func checkPassesTheDefaultsWithOrWithoutTheFiles() async throws {
            let cases = try await DraftCases.shared.value
            let watchlist = try cases.copyOfWatchlist()
            defer { try? FileManager.default.removeItem(atPath: watchlist) }
            for _ in 0..<2 {
                let r = try await CLI.run(["drafts", "--check", "--watchlist", watchlist])
                #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
                #expect(r.stdout.contains("templates ok: every draft fits, in sentence case, with every required element"))
                _ = try await CLI.run(["drafts", "--init", "--watchlist", watchlist])
            }
            let neither = try await CLI.run(["drafts", "--watchlist", watchlist])
            #expect(neither.status != 0)
            #expect(neither.stderr.contains("choose --check or --init"))
        }

        @Test("drafts --check finds a broken template and names its file", arguments: Breakage.all)
        func checkFindsABrokenTemplate(breakage: Breakage) async throws {
            let cases = try await DraftCases.shared.value
            let watchlist = try cases.copyOfWatchlist()
            defer { try? FileManager.default.removeItem(atPath: watchlist) }
            try await breakage.apply(to: watchlist)
            let r = try await CLI.run(["drafts", "--check", "--watchlist", watchlist])
            #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
            #expect(!r.stdout.contains("templates ok"))
            let finding = r.stdout.split(separator: "\n").first { $0.contains(breakage.finding) }
            #expect(finding?.hasPrefix(watchlist + "/templates/" + breakage.file) == true, "\(r.stdout)")
        }

        @Test("a template that does not parse stops the draft with its file and line, not a crash",
              arguments: Breakage.all.filter(\.unparsable))
        func warningFromABrokenTemplate(breakage: Breakage) async throws {
            let cases = try await DraftCases.shared.value
            let watchlist = try cases.copyOfWatchlist()
            defer { try? FileManager.default.removeItem(atPath: watchlist) }
            try await breakage.apply(to: watchlist)
            let channel = breakage.file.dropFirst("warning-".count).dropLast(".txt".count)
            let r = try await cases.run(["warning", cases.id(.council), "--channel", String(channel)], watchlist: watchlist)
            #expect(r.status == 2, "\(r.stderr)")
            #expect(r.stdout.isEmpty)
            let place = breakage.finding.prefix { $0 != " " }.dropLast()  // "warning-x.txt:5:" without the colon
            #expect(r.stderr.contains("impostor: \(watchlist)/templates/\(place)"), "\(r.stderr)")
            #expect(r.stderr.contains("fix the template, or run `impostor drafts --check --watchlist \(watchlist)`"))
        }

        @Test func aWarningOverItsLimitSaysSo() async throws {
            let cases = try await DraftCases.shared.value
            let watchlist = try cases.copyOfWatchlist()
            defer { try? FileManager.default.removeItem(atPath: watchlist) }
            try await Breakage.all.first { $0.what == "over the limit" }!.apply(to: watchlist)
            let r = try await cases.run(["warning", cases.id(.council), "--channel", "x"], watchlist: watchlist)
            let said = try #require(PlatformCount.said(r.stderr), "\(r.stderr)")
            #expect(said.length > 280 && said.maximum == 280)
            #expect(said.length == XWeight.length(of: String(r.stdout.dropLast())))
            #expect(r.stderr.contains("note: Too long for x even at its shortest (\(said.length) of 280 X weighted): shorten the template"),
                    "\(r.stderr)")
        }

        @Test("a warning drafted from a template missing a required element says what is missing")
        func warningMissingARequiredElementSaysSo() async throws {
            let cases = try await DraftCases.shared.value
            let watchlist = try cases.copyOfWatchlist()
            defer { try? FileManager.default.removeItem(atPath: watchlist) }
            try await Breakage.all.first { $0.what == "required element removed" }!.apply(to: watchlist)
            let r = try await cases.run(["warning", cases.id(.council), "--channel", "x"], watchlist: watchlist)
            #expect(!r.stdout.contains("0300 123 2040"))
            #expect(r.stderr.contains("where to report fraud"), "the clerk is not told the draft lacks it: \(r.stderr)")
        }
    }
}

// MARK: - evidence

extension DraftCommandsTests {
    @Suite("impostor evidence") struct EvidenceFolders {
        static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

        @Test func writesTheJSONThePicturesAndAPrintableSummary() async throws {
            let cases = try await DraftCases.shared.value
            let out = try CLI.temporaryFolder([:]) + "/evidence"
            defer { try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent) }
            let id = cases.id(.council)
            let r = try await cases.run(["evidence", id, "--out", out])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("evidence for case \(id) written to \(out): case.json, summary.html, 1 picture(s), the logo"), "\(r.stdout)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["avatar-1.jpg", "case.json", "logo.png", "summary.html"])
            // The very bytes the account showed, and the council's own logo beside them.
            let repo = FileManager.default.currentDirectoryPath
            #expect(Self.bytes(out + "/avatar-1.jpg") == Self.bytes(repo + "/examples/oakbridge-copy.jpg"))
            #expect(Self.bytes(out + "/logo.png") == Self.bytes(repo + "/watchlist/oakbridge-town-council-logo.png"))

            let data = try Data(contentsOf: URL(fileURLWithPath: out + "/case.json"))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let iso = ISO8601DateFormatter()
            #expect((json["generatedAt"] as? String).flatMap(iso.date(from:)) != nil)
            #expect(json["identity"] as? String == "Oakbridge Town Council")
            let detail = try #require(json["detail"] as? [String: Any])
            let summary = try #require(detail["summary"] as? [String: Any])
            #expect(summary["handle"] as? String == "oakbridge.council.help")
            #expect(summary["url"] as? String == cases.url(.council))
            let snapshot = try #require((detail["snapshots"] as? [[String: Any]])?.first)
            #expect(snapshot["displayName"] as? String == "Оakbridge Town Counciⅼ ✅")
            #expect((snapshot["bio"] as? String)?.contains("council tax rebate") == true)
            #expect((snapshot["firstSeen"] as? String).flatMap(iso.date(from:)) != nil)
            #expect(snapshot["avatarImage"] is String)
            let assessment = try #require(detail["assessment"] as? [String: Any])
            #expect(((assessment["score"] as? NSNumber)?.doubleValue ?? 0) >= 0.9)
            #expect(assessment["target"] as? String == "council")
            let signals = (assessment["reasons"] as? [[String: Any]] ?? []).compactMap { $0["signal"] as? String }
            #expect(signals.contains("name") && signals.contains("logo"), "\(signals)")
            let events = detail["events"] as? [[String: Any]] ?? []
            #expect(events.contains { $0["action"] as? String == "confirm" && $0["actor"] as? String == "jane"
                && ($0["at"] as? String).flatMap(iso.date(from:)) != nil })

            let html = try String(contentsOfFile: out + "/summary.html", encoding: .utf8)
            #expect(html.hasPrefix("<!doctype html>"))
            #expect(html.contains("Impersonation evidence: case \(id)"))
            #expect(html.contains("<img src=\"avatar-1.jpg\"") && html.contains("<img src=\"logo.png\""))
            #expect(html.contains("oakbridge.council.help"))
            #expect(html.contains("the avatar is the council&#39;s logo"))
        }

        /// What a decision quotes (a reason a clerk pasted from a message) prints with its hidden characters shown,
        /// never raw: no escape sequence for a terminal, no override that reverses the printed line.
        @Test func theSummaryShowsHiddenCharactersOfWhatDecisionsQuote() async throws {
            let cases = try await DraftCases.shared.value
            let out = try CLI.temporaryFolder([:]) + "/evidence"
            defer { try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent) }
            let r = try await cases.run(["evidence", cases.id(.dismissed), "--out", out])
            #expect(r.status == 0, "\(r.stderr)")
            let html = try String(contentsOfFile: out + "/summary.html", encoding: .utf8)
            #expect(html.contains("namesake") && html.contains("of Oakbridge"), "\(html)")
            #expect(!html.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" }, "\(html)")
        }

        @Test func existingEvidenceIsKeptUnlessForced() async throws {
            let cases = try await DraftCases.shared.value
            let out = try CLI.temporaryFolder([:])
            defer { try? FileManager.default.removeItem(atPath: out) }
            let id = cases.id(.mayor)
            await #expect(try cases.run(["evidence", id, "--out", out]).status == 0)
            // The mayor's account had no picture: only the logo is there.
            #expect(!(try FileManager.default.contentsOfDirectory(atPath: out)).contains { $0.hasPrefix("avatar") })
            try "kept".write(toFile: out + "/case.json", atomically: true, encoding: .utf8)
            let again = try await cases.run(["evidence", id, "--out", out])
            #expect(again.status == 1)
            #expect(again.stderr.contains("\(out) already holds evidence; use --force to replace it"), "\(again.stderr)")
            #expect(try String(contentsOfFile: out + "/case.json", encoding: .utf8) == "kept")
            let forced = try await cases.run(["evidence", id, "--out", out, "--force"])
            #expect(forced.status == 0, "\(forced.stderr)")
            #expect(try String(contentsOfFile: out + "/case.json", encoding: .utf8).contains("mayorofoakbridge"))
            // A link planted in the folder is replaced, never written through: the file it points at is kept.
            let victim = (out as NSString).deletingLastPathComponent + "/victim.txt"
            try "kept".write(toFile: victim, atomically: true, encoding: .utf8)
            try FileManager.default.removeItem(atPath: out + "/summary.html")
            try FileManager.default.createSymbolicLink(atPath: out + "/summary.html", withDestinationPath: victim)
            await #expect(try cases.run(["evidence", id, "--out", out, "--force"]).status == 0)
            #expect(try String(contentsOfFile: victim, encoding: .utf8) == "kept")
            #expect(try FileManager.default.attributesOfItem(atPath: out + "/summary.html")[.type] as? FileAttributeType == .typeRegular)
        }

        @Test func aFolderThatCannotBeMadeOrAnUnknownCaseIsAClearError() async throws {
            let cases = try await DraftCases.shared.value
            let folder = try CLI.temporaryFolder(["plain-file": "not a folder"])
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let out = folder + "/plain-file/evidence"
            let r = try await cases.run(["evidence", cases.id(.council), "--out", out])
            #expect(r.status == 1)
            #expect(r.stderr.contains("impostor: cannot write the evidence to \(out): \(folder)/plain-file is a file, not a folder"), "\(r.stderr)")

            let unknown = try await cases.run(["evidence", "999999", "--out", folder + "/none"])
            #expect(unknown.status == 1)
            #expect(unknown.stderr.contains("there is no case 999999"))
            #expect(!FileManager.default.fileExists(atPath: folder + "/none"))
        }

        @Test("with a relative --watchlist the logo is saved too")
        func relativeWatchlistStillSavesTheLogo() async throws {
            let cases = try await DraftCases.shared.value
            let out = try CLI.temporaryFolder([:])
            defer { try? FileManager.default.removeItem(atPath: out) }
            // The same watchlist, named relative to the current folder as a clerk types it.
            let depth = FileManager.default.currentDirectoryPath.split(separator: "/").count
            let relative = String(repeating: "../", count: depth) + cases.watchlist.drop { $0 == "/" }
            let r = try await cases.run(["evidence", cases.id(.council), "--out", out, "--force"], watchlist: relative)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains(", the logo"), "\(r.stdout)")
            #expect(FileManager.default.fileExists(atPath: out + "/logo.png"))
        }
    }
}

// MARK: - report

extension DraftCommandsTests {
    @Suite("impostor report") struct MonthlyReports {
        @Test func theMonthsCountsMatchTheCasesInMarkdownAndHTML() async throws {
            let cases = try await DraftCases.shared.value
            let out = try CLI.temporaryFolder([:])
            defer { try? FileManager.default.removeItem(atPath: out) }
            let r = try await cases.run(["report", "--month", cases.month, "--out", out])
            #expect(r.status == 0, "\(r.stderr)")
            let md = r.stdout
            // Six accounts found; the clerk confirmed four, reported one, which the platform removed.
            let intro = "Accounts pretending to be Oakbridge Town Council: 6 found, 4 confirmed by the clerk, 1 reported to the platforms, 1 removed."
            #expect(md.hasPrefix("# Impersonation report, \(cases.monthName)\n\n\(intro)\n"), "\(md)")
            #expect(md.contains("| Case | Platform | Account | Found | Confirmed | Reported | Removed | Status |"))
            let rows = md.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Case") && !$0.hasPrefix("| ---") }
            #expect(rows.count == 5, "the dismissed account is not listed: \(md)")
            func row(_ account: DraftCases.Account) -> Substring? { rows.first { $0.hasPrefix("| \(cases.id(account)) |") } }
            #expect(row(.removed)?.contains("| facebook | @oakbridge.tc.grants |") == true)
            #expect(row(.removed)?.hasSuffix("| Removed by the platform |") == true)
            #expect(row(.removed)?.contains("–") == false, "found, confirmed, reported and removed all have dates")
            #expect(row(.mayor)?.hasSuffix("| – | – | Confirmed impersonation |") == true)
            #expect(row(.pending)?.hasSuffix("| – | – | – | New |") == true)
            #expect(row(.dismissed) == nil)
            #expect(md.contains("Removal took "))

            let file = try String(contentsOfFile: "\(out)/report-\(cases.month).md", encoding: .utf8)
            #expect(file + "\n" == md)
            let html = try String(contentsOfFile: "\(out)/report-\(cases.month).html", encoding: .utf8)
            #expect(html.contains("<title>Impersonation report, \(cases.monthName)</title>"))
            #expect(html.contains(intro))
            #expect(html.contains("<td>@oakbridge.tc.grants</td>"))
            #expect(html.components(separatedBy: "<tr>").count - 1 == 6, "a header row and five cases")
        }

        @Test func aMonthWithoutCasesSaysSo() async throws {
            let cases = try await DraftCases.shared.value
            let r = try await cases.run(["report", "--month", "2020-02"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.hasPrefix("# Impersonation report, February 2020\n\nNo fake accounts were found, confirmed, reported or removed this month."))
        }

        @Test("a malformed month is refused with the format to use", arguments: ["2026-13", "nov", "2026-00", "2026-1", "11-2026", ""])
        func malformedMonth(month: String) async throws {
            let cases = try await DraftCases.shared.value
            let r = try await cases.run(["report", "--month", month])
            #expect(r.status != 0)
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains("--month \(month): write it as YYYY-MM, e.g. 2026-11"), "\(r.stderr)")
        }

        @Test("a month with another separator or a five-digit year is refused too",
              arguments: ["2026/11", "2026.11", "2026 11", "20261-1"])
        func monthWithOtherSeparators(month: String) async throws {
            let cases = try await DraftCases.shared.value
            let r = try await cases.run(["report", "--month", month])
            #expect(r.status != 0, "\(r.stdout)")
            #expect(r.stderr.contains("write it as YYYY-MM"))
        }
    }
}
