import Foundation
import ImpostorCore
import Testing
@testable import ImpostorFetch

/// The platforms' own answers, as they document them, from the stand-in server: refusals that stop a
/// source at once, text as the platform means it, and web search through Brave.
@Suite("Platforms' refusals, text and web search against local stand-ins")
struct PlatformSourceTests {
    /// Ten councils: enough queries that a source sending the same refused key again would show.
    static let councils = (1...10).map { Identity(id: "c\($0)", name: "Place\($0) Town Council") }

    static func run(_ source: SourceSettings, key: (file: String, value: String)?, identities: [Identity] = councils)
        async throws -> Fetcher.Report
    {
        let directory = Fixtures.temporaryDirectory()
        if let key { try (key.value + "\n").write(toFile: directory + "/" + key.file, atomically: true, encoding: .utf8) }
        let watchlist = Watchlist(directory: directory, identities: identities, settings: Settings(sources: [source]))
        return await Fetcher(session: Fixtures.session(), avatars: nil).run(FetchPlan.make(watchlist: watchlist))
    }

    @Test(arguments: [("wrong-key", "API_KEY_INVALID", "Google Cloud console"), ("spent-key", "quotaExceeded", "midnight Pacific time")])
    func aRefusedYouTubeKeyStopsTheSourceAtOnceWithThePlatformsReason(key: String, reason: String, advice: String) async throws {
        try await withServer { server in
            let source = Fixtures.source("youtube", ["base_url": .string(server.base + "/youtube/v3"), "key_file": .string("yt-key")])
            let report = try await Self.run(source, key: ("yt-key", key))
            let summary = try #require(report.summaries.first)
            #expect(summary.errors.count == 1, "\(summary.errors)")
            let error = try #require(summary.errors.first)
            #expect(error.code == .refused)
            #expect(error.reason.contains(reason) && error.reason.contains(advice) && error.reason.contains("yt-key"), "\(error.reason)")
            #expect(!error.description.contains(key))
            let hits = try await server.stats()["hits"] as? [String: Int] ?? [:]
            #expect(hits["/youtube/v3/search"] == 1, "one request, not one per query: \(hits)")
        }
    }

    /// A server down for the whole scan is asked once, with its retries, not once for every query; the
    /// clerk is told it was unavailable, not that impostor asked too often.
    @Test func aServerThatStaysDownStopsTheSourceAfterOneQuery() async throws {
        try await withServer { server in
            let source = Fixtures.source("mastodon", ["base_url": .string(server.base + "/down")])
            let report = try await Self.run(source, key: nil)
            let summary = try #require(report.summaries.first)
            #expect(summary.errors.map(\.code) == [.unavailable], "\(summary.errors)")
            #expect(summary.errors.first?.reason.contains("503") == true && summary.errors.first?.reason.contains("next") == true)
            let hits = try await server.stats()["hits"] as? [String: Int] ?? [:]
            #expect(hits["/down/api/v2/search"] == RetryPolicy().maxRetries + 1, "\(hits)")
        }
    }

    @Test func youTubeKeepsToItsDailyUnits() async throws {
        try await withServer { server in
            // 300 units a day: two searches (100 each) and thirty look-ups (1 each), spread over the day's scans.
            let source = Fixtures.source("youtube", ["base_url": .string(server.base + "/youtube/v3"), "key_file": .string("yt-key"),
                                                     "daily_units": .integer(300)])
            let report = try await Self.run(source, key: ("yt-key", "test-key"))
            #expect(report.summaries.first?.errors.isEmpty == true)
            let hits = try await server.stats()["hits"] as? [String: Int] ?? [:]
            #expect((hits["/youtube/v3/search"] ?? 0) >= 1 && (hits["/youtube/v3/search"] ?? 0) <= 2, "\(hits)")
            #expect((hits["/youtube/v3/channels"] ?? 0) <= 30 + 1, "\(hits)")
        }
    }

    @Test func aRevokedMastodonTokenStopsTheSource() async throws {
        try await withServer { server in
            let source = Fixtures.source("mastodon", ["base_url": .string(server.base), "token_file": .string("token")])
            let report = try await Self.run(source, key: ("token", "revoked-token"))
            let errors = try #require(report.summaries.first?.errors)
            #expect(errors.count == 1)
            #expect(errors.first?.code == .refused)
            #expect(errors.first?.reason.contains("The access token is invalid") == true)
            let hits = try await server.stats()["hits"] as? [String: Int] ?? [:]
            #expect(hits["/api/v2/search"] == 1, "\(hits)")
        }
    }

    /// A search result for an Instagram profile carries Instagram's own words as its description: no bio.
    /// The account's own words stay, even when they quote the phrase.
    @Test func instagramsOwnDescriptionInASearchResultIsNoBio() throws {
        func result(_ description: String) throws -> WebSearchSource.Page.Result {
            let json = #"{"title":"Oakbridge TC (@oakbridge_tc) • Instagram photos and videos","url":"https://www.instagram.com/oakbridge_tc/","description":"\#(description)"}"#
            return try JSONDecoder().decode(WebSearchSource.Page.Result.self, from: Data(json.utf8))
        }
        let stock = try #require(WebSearchSource.profile(try result(
            "22 Followers, 9 Following, 1 Posts - See Instagram photos and videos from Oakbridge TC (@oakbridge_tc)")))
        #expect(stock.bio == "" && stock.handle == "oakbridge_tc", "\(stock)")
        let own = try #require(WebSearchSource.profile(try result("Official page. Grants: DM us. See Instagram photos and videos from our events")))
        #expect(own.bio == "Official page. Grants: DM us. See Instagram photos and videos from our events")
    }

    /// Threads' page titles end ", Say more" after the site's name; X's 400 names the bad parameter in `errors`.
    @Test func threadsTitlesAndXsInvalidRequestsReadAsTheyAreWritten() throws {
        #expect(WebSearchSource.title("Oakbridge Town Council (@oakbridgetc) • Threads, Say more", platform: .threads, handle: "oakbridgetc")
                == "Oakbridge Town Council")
        let body = #"{"errors":[{"parameters":{"max_results":["0"]},"message":"The `max_results` query parameter value [0] is not between 5 and 100"}],"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request"}"#
        let object = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        let message = try #require(SourceContext.serverMessage(object))
        #expect(message.hasPrefix("Invalid Request: One or more parameters") && message.contains("`max_results` query parameter value [0]"), "\(message)")
    }

    @Test func youTubeSnippetsAreUnescaped() async throws {
        try await withServer { server in
            let source = Fixtures.source("youtube", ["base_url": .string(server.base + "/youtube/v3"), "key_file": .string("yt-key")])
            let report = try await Self.run(source, key: ("yt-key", "test-key"), identities: [Identity(id: "oak", name: "Oakbridge Town Council")])
            // The channels.list answer replaces the search snippet; the search's own text is read through `profile`.
            let snippet = YouTubeSource.Snippet(title: "Oakbridge &amp; Friends&#39; channel", description: "Town &amp; Parish")
            let profile = YouTubeSource.profile(id: "UC1", snippet: snippet, subscribers: nil, escaped: true)
            #expect(profile.displayName == "Oakbridge & Friends' channel")
            #expect(profile.bio == "Town & Parish")
            // A channel's own text is not escaped: "&amp;" there is what its owner wrote.
            #expect(YouTubeSource.profile(id: "UC1", snippet: snippet, subscribers: nil).bio == "Town &amp; Parish")
            #expect(!report.profiles.isEmpty)
        }
    }

    @Test func mastodonNamesShowCustomEmojiAndNotesJoinInlineTags() async throws {
        try await withServer { server in
            let source = Fixtures.source("mastodon", ["base_url": .string(server.base), "handles": .array([.string("@emoji")])])
            let report = try await Self.run(source, key: nil, identities: [Identity(id: "oak", name: "Oakbridge Town Council")])
            let emoji = try #require(report.profiles.first { $0.handle.hasPrefix("emoji@") })
            #expect(emoji.displayName == "\u{2714} Oakbridge Town Council")
            #expect(emoji.bio == "News from the #Oakbridge town hall Grants open")
        }
    }

    @Test func braveResultsThatAreProfilesBecomeProfilesWithinTheRateAndTheBudget() async throws {
        try await withServer { server in
            let source = Fixtures.source("websearch", [
                "base_url": .string(server.base), "key_file": .string("brave"), "read_pages": .bool(false),
                "monthly_queries": .integer(100_000),
            ])
            let identities = [Identity(id: "oak", name: "Oakbridge Town Council", place: "Oakbridge"),
                              Identity(id: "ash", name: "Ash Parish Council", place: "Ash")]
            let report = try await Self.run(source, key: ("brave", "brave-key"), identities: identities)
            let summary = try #require(report.summaries.first)
            #expect(summary.errors.isEmpty, "\(summary.errors)")
            let stats = try await server.stats()
            let sent = stats["brave_used"] as? Int ?? 0
            // Every phrase of both councils this scan (the month's share is large), one a second as the plan allows.
            #expect(sent == WebSearchSource.queries(for: identities, sites: WebSearchSource.defaultSites).count, "\(sent)")
            #expect(sent >= 4)
            #expect((stats["brave_too_fast"] as? Int ?? 0) == 0, "no request inside the plan's one-second window")
            let found = Set(report.profiles.map { "\($0.platform.rawValue):\($0.handle)" })
            #expect(found.contains { $0.hasPrefix("facebook:") && $0.hasSuffix(".council.grants") }, "\(found)")
            #expect(!found.contains { $0.contains("posts") || $0.contains("groups") || $0.contains("help") || $0.hasPrefix("instagram:p") })
            let fb = try #require(report.profiles.first { $0.platform == .facebook && $0.handle.hasSuffix(".council.grants") })
            #expect(fb.displayName.hasSuffix("Town Counci1"), "the site's suffix is cut: \(fb.displayName)")
            #expect(fb.bio.hasPrefix("Grants for residents & more"))
            let ig = try #require(report.profiles.first { $0.platform == .instagram })
            #expect(!ig.displayName.contains("Instagram") && !ig.displayName.contains("(@"), "\(ig.displayName)")
            #expect(report.profiles.contains { $0.platform == .facebook && $0.handle == "100012345678901" })
            #expect(report.profiles.contains { $0.platform == .tiktok })
        }
    }

    @Test func aRefusedBraveKeyStopsAtTheFirstQuery() async throws {
        try await withServer { server in
            let source = Fixtures.source("websearch", ["base_url": .string(server.base), "key_file": .string("brave"),
                                                       "monthly_queries": .integer(500)])
            let report = try await Self.run(source, key: ("brave", "stale-key"))
            let errors = try #require(report.summaries.first?.errors)
            #expect(errors.count == 1)
            #expect(errors.first?.reason.contains("SUBSCRIPTION_TOKEN_INVALID") == true, "\(errors)")
            let hits = try await server.stats()["hits"] as? [String: Int] ?? [:]
            #expect(hits["/res/v1/web/search"] == 1, "\(hits)")
        }
    }

    @Test func errorBodiesOfXAndBraveNameTheirDetailAndAHostileOneIsTamed() async throws {
        try await withServer { server in
            let client = Fixtures.session().client
            // X's problem: {"title", "detail", "type"}.
            let names = (0...100).map { "n\($0)" }.joined(separator: ",")
            let x = try await client.send(
                HTTPRequest(url: server.base + "/2/users/by?usernames=\(names)", headers: ["Authorization": "Bearer x-token"]))
            let xErrorSeen = await Fixtures.error { try SourceContext.requireOK(x, url: server.base + "/2/users/by") }
            let xError = try #require(xErrorSeen)
            #expect(xError.reason == "the server answered HTTP 400: Invalid Request: too many usernames", "\(xError.reason)")
            // Brave's {"type": "ErrorResponse", "error": {"code", "detail", ...}}.
            let brave = try await client.send(
                HTTPRequest(url: server.base + "/res/v1/web/search?q=oak", headers: ["X-Subscription-Token": "stale"]))
            let braveErrorSeen = await Fixtures.error { try SourceContext.requireOK(brave, url: server.base + "/res/v1/web/search") }
            let braveError = try #require(braveErrorSeen)
            #expect(braveError.reason.hasSuffix(": SUBSCRIPTION_TOKEN_INVALID: The provided subscription token is invalid."),
                    "\(braveError.reason)")
            // A detail with line breaks, a terminal escape and a bidi override, and far too long.
            let hostile = try await client.send(HTTPRequest(url: server.base + "/problems/hostile"))
            let hostileErrorSeen = await Fixtures.error { try SourceContext.requireOK(hostile, url: server.base + "/problems/hostile") }
            let hostileError = try #require(hostileErrorSeen)
            let said = hostileError.reason.dropFirst("the server answered HTTP 400: ".count)
            #expect(said.hasPrefix("Invalid Request: Bad request X-Injected: yes [31m AAA"), "\(said.prefix(80))")
            #expect(said.count <= 200, "\(said.count)")
            let categories = hostileError.reason.unicodeScalars.map(\.properties.generalCategory)
            #expect(!categories.contains(.control) && !categories.contains(.format))
        }
    }

    @Test func theLedgerSpreadsTheMonthAndRotates() {
        let queries = (0..<10).map { "q\($0)" }
        var ledger = QueryLedger(month: "2026-12", used: 0, next: 0, scans: [])
        let start = ISO8601DateFormatter().date(from: "2026-12-01T00:00:00Z")!
        var seen: [String] = []
        // Hourly scans for a whole month with 90 queries: never more than 90, spread over the days.
        for hour in 0..<(31 * 24) {
            let now = start.addingTimeInterval(Double(hour) * 3600)
            let chosen = ledger.take(from: queries, monthly: 90, now: now)
            ledger.record(sent: chosen.count)
            seen += chosen
        }
        #expect(ledger.used <= 90 && ledger.used >= 80, "\(ledger.used)")
        #expect(Set(seen) == Set(queries), "every query comes round")
        #expect(ledger.take(from: queries, monthly: 90, now: start.addingTimeInterval(31 * 86_400 - 60)).isEmpty)

        // YouTube's day starts at midnight Pacific time: 08:00 UK in winter.
        var day = QueryLedger(period: .pacificDay, month: "", used: 0, next: 0, scans: [])
        let before = ISO8601DateFormatter().date(from: "2026-12-02T07:59:00Z")!
        let after = ISO8601DateFormatter().date(from: "2026-12-02T08:01:00Z")!
        #expect(QueryLedger.Period.pacificDay.key(before) != QueryLedger.Period.pacificDay.key(after))
        #expect(QueryLedger.Period.pacificDay.end(of: before) == ISO8601DateFormatter().date(from: "2026-12-02T08:00:00Z")!)
        #expect(day.take(from: queries, monthly: 24, now: before).count == 10, "the last minutes of a day may spend what is left")
    }
}

/// The squat watch: exact look-ups of the handles an impostor would register, against stand-ins that
/// answer as each platform documents (X's `data` beside `errors`, Bluesky's silent omissions,
/// Mastodon's 404, Instagram's 110/2207013 for an account that cannot be discovered).
@Suite("The squat watch finds planted squats through each platform's exact look-up")
struct SquatWatchTests {
    static let oakbridge = Identity(id: "oak", name: "Oakbridge Town Council", kind: "town council", place: "Oakbridge")

    @Test func theListKeepsEachPlatformsRulesAndPutsTheLikeliestFirst() {
        let x = SquatWatch.handles(for: Self.oakbridge, on: .x, cap: 60)
        #expect(x.count == 60)
        #expect(x.allSatisfy { $0.count <= 15 && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } })
        #expect(Array(x.prefix(2)) == ["oakbridgetc", "oakbridge_tc"])
        #expect(x.contains("oakbrdgetc") && x.contains("0akbridgetc") && x.contains("oakbridgeetc"))
        let bluesky = SquatWatch.handles(for: Self.oakbridge, on: .bluesky, cap: 60)
        #expect(bluesky.contains("oakbridge-tc") && !bluesky.contains { $0.contains("_") || $0.contains(".") })
        #expect(SquatWatch.handles(for: Self.oakbridge, on: .x, cap: 0).isEmpty)
        let instagram = SquatWatch.handles(for: Self.oakbridge, on: .instagram, cap: 10)
        #expect(instagram.contains("oakbridge.council") && instagram.count == 10)
        // The council's own handle from another platform, with a character put on or slipped.
        var listed = Self.oakbridge
        listed.officials = [AccountReference(platform: .facebook, handle: "StWennaParish")]
        let slips = SquatWatch.handles(for: listed, on: .x, cap: 100).map { $0.lowercased() }
        #expect(slips.contains("stwennaparish_") && slips.contains("stwennaparish1"), "\(slips)")
        #expect(slips.contains { $0 != "stwennaparish" && $0.count == 13 && zip($0, "stwennaparish").filter { $0 != $1 }.count <= 2 },
                "\(slips)")
        // A Bluesky name is a domain's label: a slip that leaves "-" at either end ("o-parish" without its "o") would fail
        // its whole batch of look-ups, and is not made.
        var hyphened = Self.oakbridge
        hyphened.officials = [AccountReference(platform: .bluesky, handle: "o-parish.bsky.social"),
                              AccountReference(platform: .x, handle: "oparish-")]
        let labels = SquatWatch.handles(for: hyphened, on: .bluesky, cap: 200)
        #expect(labels.count > 20 && !labels.contains { $0.hasPrefix("-") || $0.hasSuffix("-") }, "\(labels)")
    }

    static func run(_ kind: String, _ options: [String: ConfigValue], secret: (String, String)?) async throws -> Fetcher.Report {
        try await PlatformSourceTests.run(Fixtures.source(kind, options), key: secret, identities: [Self.oakbridge])
    }

    @Test func blueskyAndXFindThePlantedSquatsInBatches() async throws {
        try await withServer { server in
            let bsky = try await Self.run("bluesky", ["base_url": .string(server.base + "/bsky"), "queries": .array([]), "max_pages": .integer(1)], secret: nil)
            let handles = Set(bsky.profiles.map(\.handle))
            #expect(handles.contains("oakbridge-tc.bsky.social") && handles.contains("oakbrdgetc.bsky.social"), "\(handles)")
            #expect((try await server.stats()["max_batch"] as? Int ?? 0) <= 25)

            let x = try await Self.run("x", ["base_url": .string(server.base), "token_file": .string("x-token")], secret: ("x-token", "x-token"))
            #expect(x.summaries.first?.errors.isEmpty == true, "names not found are no failure")
            #expect(x.profiles.map(\.handle) == ["oakbridge_tc", "oakbrdgetc"], "the suspended one is not there to judge")
            let active = try #require(x.profiles.first)
            #expect(active.avatar?.hasSuffix("_400x400.jpg") == true)
            // t.co links read as the addresses they stand for, the website after the bio; X's parody label is read too.
            #expect(active.bio == "Official news. DM for grants https://oakbridge-refunds.example/form https://oakbridge-tc-grants.example",
                    "\(active.bio)")
            // X's parody label is the account's own choice: kept beside the bio, never written into it. "none" verifies no one.
            #expect(x.profiles.last?.bio == active.bio)
            #expect(active.parody == false && x.profiles.last?.parody == true)
            #expect(x.profiles.allSatisfy { $0.verifiedAs == nil })
            #expect((try await server.stats()["x_max_batch"] as? Int ?? 0) == 60)

            let refused = try await Self.run("x", ["base_url": .string(server.base), "token_file": .string("x-token")], secret: ("x-token", "old"))
            #expect(refused.summaries.first?.errors.first?.code == .refused)
            #expect(refused.summaries.first?.errors.first?.reason.contains("developer portal") == true)

            // Past the month's cap the 429 says so: the source stops at once with X's reason, no retries spent on it.
            let started = ContinuousClock.now
            let capped = try await Self.run("x", ["base_url": .string(server.base), "token_file": .string("x-token")], secret: ("x-token", "x-capped"))
            #expect(capped.summaries.first?.errors.first?.code == .refused)
            #expect(capped.summaries.first?.errors.first?.reason.contains("usage cap is reached (Usage cap exceeded: Monthly product cap)") == true,
                    "\(capped.summaries.first?.errors.map(\.reason) ?? [])")
            #expect(capped.summaries.first?.errors.count == 1 && ContinuousClock.now - started < .seconds(20))
        }
    }

    /// A hostile answer whose addresses hold its own short links, or a link that is no t.co link, cannot
    /// make the bio grow: each word is read once.
    @Test func xLinksAreExpandedOnceAndOnlyAsWholeWords() throws {
        let json = #"{"id":"1","username":"u","description":"a https://t.co/x https://t.co/x","entities":{"description":{"urls":[{"url":"a","expanded_url":"aaaaaaaa"},{"url":"https://t.co/x","expanded_url":"https://t.co/x https://t.co/x"}]},"url":{"urls":[{"url":"https://t.co/w","expanded_url":""}]}},"url":"https://t.co/w"}"#
        let user = try JSONDecoder().decode(XSource.User.self, from: Data(json.utf8))
        #expect(XSource.bio(of: user) == "a https://t.co/x https://t.co/x https://t.co/x https://t.co/x https://t.co/w")
    }

    /// A short link is read wherever it stands: after a line break, in brackets, before a full stop.
    @Test func xLinksAreExpandedBesideLineBreaksAndPunctuation() throws {
        let json = #"{"id":"1","username":"u","description":"Official.\nhttps://t.co/AAA111\nDM us (https://t.co/BBB222). Grants: https://t.co/CCC333.","entities":{"description":{"urls":[{"url":"https://t.co/AAA111","expanded_url":"https://one.example"},{"url":"https://t.co/BBB222","expanded_url":"https://two.example/dm"},{"url":"https://t.co/CCC333","expanded_url":"https://oakbridge-grants.example"}]}}}"#
        let user = try JSONDecoder().decode(XSource.User.self, from: Data(json.utf8))
        #expect(XSource.bio(of: user) == "Official.\nhttps://one.example\nDM us (https://two.example/dm). Grants: https://oakbridge-grants.example.")
    }

    @Test func instagramBusinessDiscoveryFindsABusinessAccountAndPassesOverTheRest() async throws {
        try await withServer { server in
            let options: [String: ConfigValue] = ["base_url": .string(server.base), "token_file": .string("ig"),
                                                  "account_id": .string("17841400000000000")]
            let report = try await Self.run("instagram", options, secret: ("ig", "ig-token"))
            #expect(report.summaries.first?.errors.isEmpty == true, "\(report.summaries)")
            #expect(report.profiles.map(\.handle) == ["oakbridge.council"])
            #expect(report.profiles.first?.bio.contains("oakbridge-grants.example") == true)
            #expect((try await server.stats()["ig_lookups"] as? Int) == 10)

            let expired = try await Self.run("instagram", options, secret: ("ig", "expired"))
            #expect(expired.summaries.first?.errors.count == 1)
            #expect(expired.summaries.first?.errors.first?.reason.contains("code 190") == true)
        }
    }

    @Test(arguments: [400, 403])
    func aMetaBusinessUseCaseThrottleStopsInstagramAtTheFirstCall(status: Int) async throws {
        try await withServer { server in
            let options: [String: ConfigValue] = ["base_url": .string(server.base), "token_file": .string("ig"),
                                                  "account_id": .string("17841400000000000")]
            let report = try await Self.run("instagram", options, secret: ("ig", "ig-throttled-\(status)"))
            let errors = try #require(report.summaries.first?.errors)
            #expect(errors.count == 1, "one stop, not a failure per handle: \(errors)")
            #expect(errors.first?.code == .refused)
            #expect(errors.first?.reason.contains("code 80002") == true, "\(errors)")
            #expect((try await server.stats()["ig_lookups"] as? Int) == 1, "no call after the throttle")
        }
    }

    /// The handle is the address's, as `impostor add` and the watchlist's [[official]] accounts read it:
    /// a page id in its place would make the council's own page unknown to its own list.
    @Test func aFacebookPageWithoutAUsernameKeepsItsAddressForHandle() async throws {
        try await withServer { server in
            // Meta's own pages/search sample: "https://www.facebook.com/Facebook-HQ-166793820034304/".
            let report = try await PlatformSourceTests.run(
                Fixtures.source("facebook", ["base_url": .string(server.base), "token_file": .string("fb"), "queries": .array([.string("Facebook HQ")])]),
                key: ("fb", "fb-token"), identities: [])
            #expect(report.summaries.first?.errors.isEmpty == true, "\(report.summaries)")
            let hq = try #require(report.profiles.first { $0.id == "166793820034304" })
            #expect(hq.handle == "Facebook-HQ-166793820034304")
            #expect(hq.handle == ProfileAddress(url: hq.url)?.handle)
            #expect(hq.url == "https://www.facebook.com/Facebook-HQ-166793820034304/")
            #expect(report.profiles.first { $0.id == "20531316728" }?.handle == "facebook", "a chosen username stays")
        }
    }

    /// A second page is read with the `after` cursor, from impostor's own server, while `next` says one
    /// follows; the last page has no `next`.
    @Test func facebookPagesSearchReadsTheNextPageByItsCursor() async throws {
        try await withServer { server in
            let report = try await PlatformSourceTests.run(
                Fixtures.source("facebook", ["base_url": .string(server.base), "token_file": .string("fb"), "queries": .array([.string("Many")]),
                                             "max_pages": .integer(5)]),
                key: ("fb", "fb-token"), identities: [])
            #expect(report.summaries.first?.errors.isEmpty == true, "\(report.summaries)")
            #expect(report.profiles.map(\.handle) == ["many.tc.first", "many.tc.second"])
            let hits = try await server.stats()["hits"] as? [String: Int] ?? [:]
            #expect(hits["/v25.0/pages/search"] == 2, "\(hits)")
        }
    }

    @Test func facebookPagesSearchKeepsMetasLimits() async throws {
        try await withServer { server in
            let found = try await Self.run("facebook", ["base_url": .string(server.base), "token_file": .string("fb")], secret: ("fb", "fb-token"))
            #expect(found.summaries.first?.errors.isEmpty == true, "\(found.summaries)")
            #expect(found.profiles.contains { $0.displayName == "Oakbridge Town Counci1" && $0.handle.hasSuffix(".tc1") })

            let busy = try await PlatformSourceTests.run(
                Fixtures.source("facebook", ["base_url": .string(server.base), "token_file": .string("fb"), "queries": .array([.string("Busy"), .string("After")])]),
                key: ("fb", "fb-token"), identities: [])
            #expect(busy.summaries.first?.errors.first?.reason.contains("X-App-Usage") == true)
            #expect(busy.profiles.count == 2, "the answer before the stop is kept")

            let throttled = try await PlatformSourceTests.run(
                Fixtures.source("facebook", ["base_url": .string(server.base), "token_file": .string("fb"), "queries": .array([.string("Throttled"), .string("After")])]),
                key: ("fb", "fb-token"), identities: [])
            #expect(throttled.summaries.first?.errors.first?.reason.contains("code 4") == true)
            let hits = try await server.stats()["hits"] as? [String: Int] ?? [:]
            // Two for Oakbridge (name, place), then one each before the stops.
            #expect(hits["/v25.0/pages/search"] == 4, "no request after a stop: \(hits)")
        }
    }
}
