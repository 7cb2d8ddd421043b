import Foundation
import Testing

/// What an impostor writes into its name, handle or platform, and what a server or a resident's link
/// holds, reaches neither the clerk's terminal raw nor the council's website as markup.
@Suite("hostile text reaches no terminal raw and no website as markup", .serialized)
struct TerminalEscapeTests {
    /// The control characters other than line feeds, and the direction overrides, in `text`, as "U+1B".
    static func hidden(_ text: String) -> [String] {
        var found: [String] = []
        for scalar in text.unicodeScalars where scalar != "\n" {
            if scalar.properties.generalCategory == .control || (0x202A...0x202E).contains(scalar.value) {
                found.append("U+" + String(scalar.value, radix: 16, uppercase: true))
            }
        }
        return found
    }

    /// Whether some line of `text` starts as a line of impostor's own that the attacker wrote.
    static func fakesALine(_ text: String) -> Bool {
        text.split(separator: "\n").contains { line in
            let start = line.trimmingCharacters(in: .whitespaces)
            return start.hasPrefix("FAKE") || start.hasPrefix("Case 999")
        }
    }

    @Test func reviewAndDecideShowPlatformHandleAndNameCleaned() async throws {
        let cases = try await HostileCases.shared.value
        let review = try await cases.run(["review", "--all"])
        #expect(review.status == 0, "\(review.stderr)")
        #expect(Self.hidden(review.stdout).isEmpty, "\(Self.hidden(review.stdout)): \(review.stdout)")
        #expect(!Self.fakesALine(review.stdout), "\(review.stdout)")
        #expect(review.stdout.contains("@oakbridgetc_help"), "\(review.stdout)")
        for (account, decided) in cases.decided {
            #expect(Self.hidden(decided.stdout).isEmpty, "\(account): \(decided.stdout)")
            #expect(Self.hidden(decided.stderr).isEmpty, "\(account): \(decided.stderr)")
        }
        let platform = try #require(cases.decided[.platform])
        #expect(platform.stdout.contains("(@oakbridgetc_help on x"), "\(platform.stdout)")
    }

    @Test(arguments: HostileCases.Account.allCases)
    func noticesHoldNoControlCharacters(_ account: HostileCases.Account) async throws {
        let cases = try await HostileCases.shared.value
        let notice = try await cases.run(["notice", cases.id(account)])
        #expect(notice.stdout.contains("Report to "), "\(notice.stdout)\(notice.stderr)")
        #expect(Self.hidden(notice.stdout).isEmpty, "\(Self.hidden(notice.stdout)): \(notice.stdout)")
        #expect(Self.hidden(notice.stderr).isEmpty, "\(notice.stderr)")
        #expect(!Self.fakesALine(notice.stdout), "\(notice.stdout)")
    }

    @Test func theWebsiteWarningEscapesMarkupTheImpostorWrote() async throws {
        let cases = try await HostileCases.shared.value
        let website = try await cases.run(["warning", cases.id(.markup), "--channel", "website"])
        #expect(website.stdout.contains("Published"), "\(website.stdout)\(website.stderr)")
        #expect(!website.stdout.contains("<img"), "\(website.stdout)")
        #expect(website.stdout.contains("&lt;img src=x onerror=alert(1)&gt;"), "\(website.stdout)")
        // The same account on a social channel is not HTML: its post keeps the text as written.
        let x = try await cases.run(["warning", cases.id(.markup), "--channel", "x"])
        #expect(!x.stdout.contains("&lt;"), "\(x.stdout)")
        // A platform a listing named shows in the warning and its notes, cleaned.
        let platform = try await cases.run(["warning", cases.id(.platform), "--channel", "website"])
        #expect(Self.hidden(platform.stdout).isEmpty, "\(platform.stdout)")
        #expect(Self.hidden(platform.stderr).isEmpty, "\(platform.stderr)")
    }

    @Test func statusAndFetchPrintASourceErrorOnOneCleanLine() async throws {
        let cases = try await HostileCases.shared.value
        let status = try await cases.run(["status"])
        #expect(status.stdout.contains("FAILING"), "the missing avatar is the listing's error: \(status.stdout)")
        #expect(Self.hidden(status.stdout).isEmpty, "\(Self.hidden(status.stdout)): \(status.stdout)")
        #expect(!Self.fakesALine(status.stdout), "\(status.stdout)")

        let fetch = try await cases.run(["fetch", "--cache", cases.folder + "/cache"])
        #expect(fetch.status == 1, "\(fetch.stderr)")
        #expect(fetch.stderr.contains("error [file]"), "\(fetch.stderr)")
        #expect(Self.hidden(fetch.stderr).isEmpty, "\(Self.hidden(fetch.stderr)): \(fetch.stderr)")
        #expect(!Self.fakesALine(fetch.stderr), "\(fetch.stderr)")
    }

    @Test func addAndExplainEchoWhatTheyWereGivenCleaned() async throws {
        let cases = try await HostileCases.shared.value
        let link = "javascript:\u{1B}]0;pwned\u{7}\u{1B}[2J\nFAKE: filed as case 1"
        let add = try await cases.run(["add", link, "--offline", "--cache", cases.folder + "/cache"])
        #expect(add.status == 1)
        #expect(add.stderr.contains("not a web link"), "\(add.stderr)")
        #expect(Self.hidden(add.stderr).isEmpty, "\(Self.hidden(add.stderr)): \(add.stderr)")
        #expect(!Self.fakesALine(add.stderr), "\(add.stderr)")

        let explain = try await CLI.run(["explain", "\u{1B}[2JOakbridge Town Council\u{7}\nCase 999 confirmed OK",
                                         "--handle", "oak\u{1B}[31mbridge\u{202E}", "--watchlist", cases.watchlist])
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains("name:"), "\(explain.stdout)")
        #expect(Self.hidden(explain.stdout).isEmpty, "\(Self.hidden(explain.stdout)): \(explain.stdout)")
        #expect(!Self.fakesALine(explain.stdout), "\(explain.stdout)")
    }
}

/// One store for the suite, made on first use: a scan of a listing of hostile accounts (the audit's own
/// examples), each confirmed by `impostor decide`.
struct HostileCases: Sendable {
    enum Account: String, Sendable, CaseIterable, CustomTestStringConvertible {
        /// Terminal escapes in the handle, the name and the bio; a name that fakes a line and retitles the window.
        case escapes
        /// A C1 control (U+009B, a one-byte CSI) and a right-to-left override.
        case bidi
        /// A listing that names the platform with an escape sequence.
        case platform
        /// A name that is markup.
        case markup

        var testDescription: String { rawValue }

        var profile: [String: String] {
            let grant = "Official page of Oakbridge Town Council. Apply for your council grant here."
            return switch self {
            case .escapes:
                ["platform": "x", "id": "esc1", "handle": "oak\u{1B}[31mbridge_tc",
                 "display_name": "\u{1B}[2J\u{1B}[HOakbridge Town Council\nCase 999 confirmed OK\r\u{1B}]0;pwned\u{7}",
                 "bio": "Oakbridge Town Council. Pay your council tax rebate here \u{1B}[5m"]
            case .bidi:
                ["platform": "facebook", "id": "esc2", "handle": "mayorofoakbridge\u{202E}",
                 "display_name": "Mayor of Oakbridge \u{9B}31m\u{202E}gnp.exe", "bio": "Oakbridge Town Council official"]
            case .platform:
                ["platform": "x\u{1B}[31m", "id": "esc3", "handle": "oakbridgetc_help", "display_name": "Oakbridge Town Council",
                 "bio": "message us"]
            case .markup:
                ["platform": "facebook", "id": "markup", "handle": "oakbridge.tc.notice",
                 "display_name": "Oakbridge Town Counciⅼ <img src=x onerror=alert(1)>", "bio": grant]
            }
        }

        var url: String { "https://www.facebook.com/hostile-\(rawValue)" }
    }

    /// An account whose handle breaks a line and whose avatar is missing: the listing's error names it.
    static let failing: [String: String] = [
        "platform": "x", "id": "esc9", "handle": "h\u{1B}[31mRED\u{1B}]0;title\u{7}\nFAKE: status OK",
        "display_name": "Oakbridge Town Council", "avatar": "missing.png", "url": "https://x.com/hostile-failing",
    ]

    let folder: String
    let watchlist: String
    let ids: [Account: Int64]
    /// What `impostor decide … confirm` printed for each account.
    let decided: [Account: CLI.Result]

    static let shared = Task { try await HostileCases() }

    func id(_ account: Account) -> String { String(ids[account]!) }

    /// Runs `impostor` on this watchlist (whose settings name the store).
    func run(_ arguments: [String]) async throws -> CLI.Result {
        try await CLI.run(arguments + ["--watchlist", watchlist])
    }

    struct SetupError: Error, CustomStringConvertible {
        var description: String
    }

    private init() async throws {
        let fixture = try ScanFixture(suspects: 0, clear: 0)
        var profiles: [[String: String]] = Account.allCases.map { account in
            account.profile.merging(["url": account.url]) { _, new in new }
        }
        profiles.append(Self.failing)
        let lines = try profiles.map { p in
            String(decoding: try JSONSerialization.data(withJSONObject: p, options: [.sortedKeys]), as: UTF8.self)
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: fixture.folder + "/listing.jsonl", atomically: true, encoding: .utf8)
        folder = fixture.folder
        watchlist = fixture.watchlist

        // The missing avatar makes the scan partial (exit 1); the accounts are all cases all the same.
        let scan = try await CLI.run(fixture.arguments(["--no-digest"]))
        let queue = try await CLI.run(["review", "--json", "--watchlist", fixture.watchlist])
        var ids: [Account: Int64] = [:]
        for line in queue.lines {
            guard let url = line["url"] as? String, let account = Account.allCases.first(where: { $0.url == url }),
                  let id = line["id"] as? Int
            else { continue }
            ids[account] = Int64(id)
        }
        guard ids.count == Account.allCases.count else {
            throw SetupError(description: "the scan opened \(queue.stdout) \(scan.stdout) \(scan.stderr.suffix(1500))")
        }
        var decided: [Account: CLI.Result] = [:]
        for account in Account.allCases {
            let r = try await CLI.run(["decide", String(ids[account]!), "confirm", "--as", "jane", "--watchlist", fixture.watchlist])
            guard r.status == 0 else { throw SetupError(description: "decide \(account) exited \(r.status): \(r.stderr)") }
            decided[account] = r
        }
        self.ids = ids
        self.decided = decided
    }
}
