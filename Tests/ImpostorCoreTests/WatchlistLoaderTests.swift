import Foundation
import Testing
import TestScratch
@testable import ImpostorCore

@Suite struct WatchlistLoaderTests {
    func folder(_ files: [String: String]) throws -> String {
        let dir = Scratch.path("wl")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: "\(dir)/\(name)", atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func loadsTheExampleWatchlist() throws {
        let (list, _) = try WatchlistLoader.load(directory: "watchlist")
        let oak = try #require(list.identity(id: "oakbridge-town-council"))
        #expect(oak.place == "Oakbridge")
        #expect(oak.officials.count >= 2)
        #expect(oak.logos.allSatisfy { FileManager.default.fileExists(atPath: $0) })
    }

    @Test func syntaxErrorsNameTheFileAndLine() throws {
        let dir = try folder(["a.toml": "name = \"A Town Council\"\nplace = \"A\nkind = 3\n"])
        #expect {
            try WatchlistLoader.load(directory: dir)
        } throws: { error in
            let d = (error as! WatchlistError).diagnostics.first!
            return d.file.hasSuffix("a.toml") && d.line == 2 && d.severity == .error
        }
    }

    @Test func missingNameAndWrongTypesAreErrorsWithAdvice() throws {
        let dir = try folder(["b.toml": "place = \"B\"\naliases = 5\n\n[[official]]\nplatform = \"x\"\n"])
        do {
            _ = try WatchlistLoader.load(directory: dir)
            Issue.record("expected errors")
        } catch {
            let messages = error.diagnostics.map(\.description)
            #expect(messages.contains { $0.contains("missing `name`") })
            #expect(messages.contains { $0.contains("b.toml:2") && $0.contains("list of strings") })
            #expect(messages.contains { $0.contains("b.toml:4") && $0.contains("missing `handle`") })
        }
    }

    /// Values that would quietly weaken detection are named and left out: a public suffix as a domain (every
    /// ".com" address would be the council's), a website that is no web address. Empty aliases are dropped.
    /// A domain copied with its scheme is read as its name.
    @Test func valuesThatWouldWeakenDetectionAreWarnedAndLeftOut() throws {
        let dir = try folder(["d.toml": """
            name = "D Town Council"
            aliases = ["", " ", "Dee"]
            website = "javascript:alert(1)"
            domains = ["com", "gov.uk", "https://d-tc.gov.uk/contact", "localhost"]
            """])
        let (list, warnings) = try WatchlistLoader.load(directory: dir)
        let d = try #require(list.identities.first)
        #expect(d.domains == ["d-tc.gov.uk"])
        #expect(d.aliases == ["Dee"])
        #expect(d.website == nil)
        let messages = warnings.map(\.description)
        for expected in ["domain \"com\" is a public suffix", "domain \"gov.uk\" is a public suffix", "domain \"localhost\" is not a domain",
                         "website \"javascript:alert(1)\" is not a web address"] {
            #expect(messages.contains { $0.contains(expected) }, "\(expected): \(messages)")
        }
    }

    /// A kind written short ("parish") is the kind in full; one impostor cannot read is named and the name's own
    /// kind is used; a Welsh name gives its place without `place`; a listed sender's address is no unknown platform.
    @Test func kindsAreReadAsClerksWriteThem() throws {
        let dir = try folder([
            "a.toml": "name = \"Upper Whitcombe Parish Council\"\nkind = \"parish\"\n",
            "b.toml": "name = \"Lower Whitcombe Parish Council\"\nkind = \"parochial\"\n",
            "d.toml": "name = \"Caerphilly County Borough Council\"\n",
            "e.toml": "name = \"Hensbury Unitary Authority\"\nkind = \"unitary authority\"\n",
            "c.toml": """
                name = "Cyngor Cymuned Aberwenlli"

                [[official]]
                platform = "email"
                handle = "clerc@aberwenlli.cymru"
                """,
        ])
        let (list, warnings) = try WatchlistLoader.load(directory: dir)
        let byId = Dictionary(uniqueKeysWithValues: list.identities.map { ($0.id, $0) })
        #expect(byId["a"]?.kind == "parish council" && byId["a"]?.place == "Upper Whitcombe")
        #expect(byId["b"]?.kind == "parish council" && byId["b"]?.place == "Lower Whitcombe")
        #expect(byId["c"]?.kind == "community council" && byId["c"]?.place == "Aberwenlli")
        #expect(byId["d"]?.place == "Caerphilly" && byId["e"]?.place == "Hensbury", "the kind the name ends with")
        #expect(warnings.map(\.description).filter { $0.contains("b.toml") }.contains { $0.contains("kind \"parochial\" is not one impostor knows") })
        #expect(warnings.count == 1, "\(warnings)")
    }

    /// A listed sender that is no address or number is named and left out: a listed "@" made every e-mail
    /// without a sender the council's own.
    @Test func aListedSenderMustBeOne() throws {
        let dir = try folder(["a.toml": """
            name = "Upper Whitcombe Parish Council"

            [[official]]
            platform = "email"
            handle = "@"

            [[official]]
            platform = "whatsapp"
            handle = "+"

            [[official]]
            platform = "sms"
            handle = "07700 900123"
            """])
        let (list, warnings) = try WatchlistLoader.load(directory: dir)
        #expect(list.identities.first?.officials.map(\.handle) == ["07700 900123"])
        let messages = warnings.map(\.description)
        #expect(messages.contains { $0.contains("handle \"@\" is not an e-mail address") } && messages.contains { $0.contains("handle \"+\" is not a phone number") },
                "\(messages)")
        #expect(!Platform.email.isSender("not-an-email") && !Platform.email.isSender("a@b.c, d@e.f") && Platform.email.isSender("Clerk@Whitcombe.org.uk"))
    }

    /// A clerk pastes the account's address where its handle goes, or gives the address alone: the handle is the one
    /// the address names. An address that names no account of the entry's platform is an error that says so.
    @Test func anOfficialAccountGivenByItsAddressIsReadByItsHandle() throws {
        let dir = try folder(["a.toml": """
            name = "Upper Whitcombe Parish Council"

            [[official]]
            platform = "x"
            handle = "https://x.com/WhitcombePC?ref=home"

            [[official]]
            platform = "linkedin"
            handle = "linkedin.com/company/upper-whitcombe-pc/about/"

            [[official]]
            platform = "mastodon"
            url = "https://wilts.social/@WhitcombePC"

            [[official]]
            platform = "facebook"
            url = "https://m.facebook.com/profile.php?id=100064123456789&mibextid=ZbWKwL"

            """])
        let (list, _) = try WatchlistLoader.load(directory: dir)
        let officials = try #require(list.identities.first?.officials)
        #expect(officials.map(\.handle) == ["WhitcombePC", "upper-whitcombe-pc", "WhitcombePC@wilts.social", "100064123456789"])
        #expect(officials.first?.url == "https://x.com/WhitcombePC")
        let wrong = try folder(["a.toml": "name = \"Upper Whitcombe Parish Council\"\n\n[[official]]\nplatform = \"instagram\"\nhandle = \"https://x.com/WhitcombePC\"\n"])
        do {
            _ = try WatchlistLoader.load(directory: wrong)
            Issue.record("an X address given for Instagram must be an error")
        } catch {
            #expect(error.diagnostics.contains { $0.description.contains("a.toml:5") && $0.description.contains("not the address of an account on instagram") },
                    "\(error.diagnostics.map(\.description))")
        }
    }

    /// Thousands of aliases took every command seconds: the first hundred are read, and check says so.
    @Test func aliasesBeyondAHundredAreNamedAndLeftOut() throws {
        let aliases = (0..<3000).map { "\"Alias \($0)\"" }.joined(separator: ", ")
        let dir = try folder(["e.toml": "name = \"E Town Council\"\naliases = [\(aliases)]\n"])
        let (list, warnings) = try WatchlistLoader.load(directory: dir)
        #expect(list.identities.first?.aliases.count == 100)
        #expect(warnings.contains { $0.description.contains("3000 aliases; only the first 100 are read") })
    }

    @Test func unknownKeysAreWarningsWithSuggestions() throws {
        let dir = try folder(["c.toml": "name = \"C Town Council\"\naliasses = [\"CTC\"]\n"])
        let (list, warnings) = try WatchlistLoader.load(directory: dir)
        #expect(list.identities.count == 1)
        #expect(warnings.contains { $0.line == 2 && $0.description.contains("did you mean `aliases`") })
        #expect(list.identities[0].place == "C")
    }

    @Test func emptyAndMissingFoldersAreErrors() throws {
        let empty = try folder([:])
        #expect(throws: WatchlistError.self) { try WatchlistLoader.load(directory: empty) }
        #expect(throws: WatchlistError.self) { try WatchlistLoader.load(directory: empty + "/nope") }
    }

    @Test func readsSourcesFromSettings() throws {
        let dir = try folder([
            "d.toml": "name = \"D Town Council\"\n",
            "impostor.toml": "allow_private_addresses = true\n[[source]]\nkind = \"listing\"\npath = \"x.csv\"\n[[source]]\nkind = \"nope\"\n",
        ])
        do {
            _ = try WatchlistLoader.load(directory: dir)
            Issue.record("an unknown source kind must be an error")
        } catch {
            #expect(error.diagnostics.contains { $0.description.contains("impostor.toml:6") && $0.message.contains("nope") })
        }
    }

    @Test func csvAndJSONListingsKeepEveryRow() {
        let csv = "platform,id,handle,display_name,bio\nx,1,a,\"Name, with comma\",\"multi\nline\"\nx,,b,B,\nx,3,c,C,\n"
        let rows = ProfileListing.rows(csv, format: .csv)
        #expect(rows.count == 3)
        #expect((try? rows[0].result.get().displayName) == "Name, with comma")
        #expect(rows[1].line == 4)
        #expect(throws: ProfileListing.RowError.self) { try rows[1].result.get() }
        let jsonl = "{\"platform\":\"x\",\"id\":\"1\",\"handle\":\"a\"}\nnot json\n\n{\"platform\":\"x\",\"id\":2,\"handle\":\"b\",\"followers\":\"12\"}\n"
        let j = ProfileListing.rows(jsonl, format: .jsonLines)
        #expect(j.map(\.line) == [1, 2, 4])
        #expect((try? j[2].result.get().followers) == 12)
    }

    /// An optional field impostor cannot read loses the field, not the profile: the name, handle and bio are
    /// still scored. Follower counts are read as pages write them.
    @Test func anUnreadableOptionalFieldLosesOnlyItself() {
        let lines = [
            #"{"platform":"x","id":"1","handle":"a","created_at":1733400000,"avatar":{"url":"https://a.example/p.jpg"}}"#,
            #"{"platform":"x","id":"2","handle":"b","followers":"1.2K"}"#,
            #"{"platform":"x","id":"3","handle":"c","followers":"1,240"}"#,
            #"{"platform":"x","id":"4","handle":"d","followers":-1240}"#,
            #"{"platform":"x","id":"5","handle":"e","followers":1240.9}"#,
            #"{"platform":"x","id":"6","handle":"f","followers":"lots"}"#,
            #"{"platform":"x","id":"7","handle":"g","followers":2400}"#,
        ]
        let rows = ProfileListing.rows(lines.joined(separator: "\n"), format: .jsonLines)
        let profiles = rows.compactMap { try? $0.result.get() }
        #expect(profiles.map(\.id) == ["1", "2", "3", "4", "5", "6", "7"])
        #expect(profiles.first?.avatar == nil && profiles.first?.createdAt == "1733400000")
        #expect(profiles.map(\.followers) == [nil, 1200, 1240, nil, nil, nil, 2400])
    }

    /// A listing saved on Windows ends its lines with CR LF: each line is still a profile, numbered as
    /// an editor numbers it (the CR is whitespace after the JSON).
    @Test func jsonLinesWithWindowsLineEndingsKeepEveryRow() {
        let crlf = "\u{FEFF}{\"platform\":\"x\",\"id\":\"1\",\"handle\":\"a\"}\r\n\r\n{\"platform\":\"x\",\"id\":\"2\",\"handle\":\"b\"}\r\nnot json\r\n"
        let rows = ProfileListing.rows(crlf, format: .jsonLines)
        #expect(rows.map(\.line) == [1, 3, 4])
        #expect(rows.prefix(2).compactMap { try? $0.result.get().id } == ["1", "2"])
        #expect((try? rows[2].result.get()) == nil)
    }

    @Test func readsTheAccountsPageAndTheNation() throws {
        let dir = try folder([
            "e.toml": "name = \"E Town Council\"\naccounts_page = \"https://e.gov.uk/social\"\nnation = \"Wales\"\n",
            "f.toml": "name = \"F Town Council\"\nnation = \"Narnia\"\n",
        ])
        let (list, warnings) = try WatchlistLoader.load(directory: dir)
        let e = try #require(list.identity(id: "e"))
        #expect(e.accountsPage == "https://e.gov.uk/social")
        #expect(e.nation == "wales")
        let f = try #require(list.identity(id: "f"))
        #expect(f.accountsPage == nil)
        #expect(f.nation == nil)
        #expect(warnings.contains { $0.file.hasSuffix("f.toml") && $0.line == 2 && $0.message.contains("Narnia") })
    }

    @Test func readsTheReportingAccountsAndTheirSecretFiles() throws {
        let dir = try folder([
            "g.toml": """
                name = "G Town Council"
                [[official]]
                platform = "mastodon"
                handle = "@gtc@social.example"
                [[official]]
                platform = "bluesky"
                handle = "gtc.gov.uk"
                [reporting]
                mastodon_token_file = "secrets/mastodon-token"
                bluesky_app_password_file = "/etc/impostor/bluesky"
                bluesky_account = "reports.gtc.gov.uk"
                """,
        ])
        let (list, warnings) = try WatchlistLoader.load(directory: dir)
        #expect(warnings.isEmpty)
        let g = try #require(list.identity(id: "g"))
        #expect(g.reporting?.mastodonTokenFile == dir + "/secrets/mastodon-token")
        #expect(g.reporting?.blueskyAppPasswordFile == "/etc/impostor/bluesky")
        // The official account unless another is named.
        #expect(g.reportingAccount(on: .mastodon) == "@gtc@social.example")
        #expect(g.reportingAccount(on: .bluesky) == "reports.gtc.gov.uk")
        #expect(g.reportingAccount(on: .facebook) == nil)
    }

    @Test func aSecretWithNoAccountToReportFromIsAnError() throws {
        let dir = try folder([
            "h.toml": "name = \"H Town Council\"\n[reporting]\nmastodon_token_file = \"t\"\nmastodon_server = \"mastodon.example\"\n"
        ])
        do {
            _ = try WatchlistLoader.load(directory: dir)
            Issue.record("a token with no Mastodon account loaded")
        } catch {
            let messages = error.diagnostics.map(\.description)
            #expect(messages.contains { $0.contains("h.toml:3") && $0.contains("no mastodon account") })
            #expect(messages.contains { $0.contains("h.toml:4") && $0.contains("web address") })
        }
    }
}
