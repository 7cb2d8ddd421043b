import Foundation
import ImpostorCore
import Synchronization
import Testing

@testable import ImpostorFetch

enum ImpostorCoreIdentity {
    static func make(queries: [String] = [], people: [Person] = []) -> Identity {
        Identity(id: "oak", name: "Oakbridge Town Council", people: people, queries: queries)
    }
}

@Suite("Sources against local servers")
struct SourceTests {
    @Test func blueskyPagesToTheEndThenAddsCounts() async throws {
        try await withServer { server in
            let report = await Fixtures.run([
                Fixtures.source("bluesky", ["base_url": .string(server.base + "/bsky"), "max_pages": .integer(10), "page_size": .integer(2), "squats": .integer(0)])
            ])
            let summary = try #require(report.summaries.first)
            #expect(summary.errors.isEmpty)
            #expect(report.profiles.count == 10)  // 5 pages of 2, then no cursor
            #expect(summary.pages == 6)  // 5 searches + 1 getProfiles
            #expect(report.profiles.allSatisfy { $0.followers == 7 && $0.platform == .bluesky && $0.id.hasPrefix("did:plc:") })
        }
    }

    @Test func blueskyStopsAtMaxPages() async throws {
        try await withServer { server in
            let report = await Fixtures.run([
                Fixtures.source("bluesky", ["base_url": .string(server.base + "/bsky"), "max_pages": .integer(2), "page_size": .integer(2), "squats": .integer(0)])
            ])
            #expect(report.profiles.count == 4)
            #expect(report.summaries.first?.pages == 3)
        }
    }

    @Test func blueskyAsksForProfilesTwentyFiveAtATime() async throws {
        try await withServer { server in
            let report = await Fixtures.run([
                Fixtures.source("bluesky", ["base_url": .string(server.base + "/bsky"), "max_pages": .integer(2), "page_size": .integer(30)])
            ])
            #expect(report.profiles.count == 60)
            #expect(report.profiles.allSatisfy { $0.followers == 7 })
            let counters = try await server.stats()
            #expect(counters["max_batch"] as? Int == 25)
        }
    }

    @Test func malformedJSONFailsItsSourceAndLosesNothingElse() async throws {
        try await withServer { server in
            let report = await Fixtures.run([
                Fixtures.source("bluesky", ["base_url": .string(server.base + "/malformed")], line: 1),
                Fixtures.source("listing", ["url": .string(server.base + "/listing.csv")], line: 5),
            ])
            #expect(report.summaries.count == 2)
            let bluesky = try #require(report.summaries.first { $0.kind == "bluesky" })
            #expect(bluesky.errors.first?.code == .badResponse)
            #expect(bluesky.errors.first?.reason.contains("not the JSON expected") == true)
            #expect(report.profiles.map(\.handle) == ["nine"])
            #expect(report.failed)
        }
    }

    @Test func aStreamedRunHandsOverEachPageAsItIsRead() async throws {
        try await withServer { server in
            let pages = ["/listing.jsonl", "/listing.csv", "/listing.jsonl"].map { ConfigValue.string(server.base + $0) }
            let sources = [Fixtures.source("listing", ["urls": .array(pages), "concurrency": .integer(1)], line: 1),
                           Fixtures.source("bluesky", ["base_url": .string(server.base + "/bsky"), "max_pages": .integer(2),
                                                       "page_size": .integer(2), "squats": .integer(0)], line: 5)]
            let plan = FetchPlan.make(watchlist: Fixtures.watchlist(sources))
            let batches = Mutex<[(source: Int, ids: [String])]>([])
            let summaries = await Fetcher(session: Fixtures.session(), avatars: nil).stream(plan) { source, profiles in
                batches.withLock { $0.append((source, profiles.map(\.id))) }
            }
            let got = batches.withLock { $0 }
            // The listing one page at a time, as read; a source that does not page hands over all at once.
            #expect(got.filter { $0.source == 0 }.map(\.ids) == [["1", "2", "4"], ["9"], ["1", "2", "4"]])
            #expect(got.filter { $0.source == 1 }.map(\.ids.count) == [4])
            // The summaries count what was handed over; repeats are the caller's to drop.
            #expect(summaries.map(\.profiles) == [7, 4])
            let whole = await Fetcher(session: Fixtures.session(), avatars: nil).run(plan)
            #expect(Set(whole.profiles.map(\.id)) == Set(got.flatMap(\.ids)))
        }
    }

    @Test func aListingKeepsEveryGoodRowAndNamesTheBadLine() async throws {
        try await withServer { server in
            let report = await Fixtures.run([Fixtures.source("listing", ["url": .string(server.base + "/listing.jsonl")])])
            #expect(report.profiles.map(\.id) == ["1", "2", "4"])
            let errors = try #require(report.summaries.first?.errors)
            #expect(errors.count == 1)
            #expect(errors.first?.reason.contains("line 3") == true)
        }
    }

    @Test func aListingFileIsReadRelativeToTheWatchlist() async throws {
        let directory = Fixtures.temporaryDirectory()
        try "platform,id,handle,avatar\nx,7,seven,pics/seven.png\nx,8,eight,../outside.png\n"
            .write(toFile: directory + "/reports.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: directory + "/pics", withIntermediateDirectories: true)
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: URL(fileURLWithPath: directory + "/pics/seven.png"))
        let plan = FetchPlan.make(watchlist: Fixtures.watchlist([Fixtures.source("listing", ["path": .string("reports.csv")])], directory: directory))
        let report = await Fetcher(session: Fixtures.session(), avatars: nil).run(plan)
        #expect(report.profiles.first?.avatar == "pics/seven.png", "as the listing wrote it")
        #expect(report.profiles.first?.avatarFile == RegularFile.realPath(directory + "/pics/seven.png"))
        // A picture outside the listing's folder is refused; its profile is kept without it.
        #expect(report.profiles.last?.avatarFile == nil && report.profiles.last?.avatar == nil)
        #expect(report.summaries.first?.errors.map(\.reason) .contains { $0.contains("../outside.png") } == true)
    }

    @Test func aMastodonAccountThatHidesItsCountsHasNoFollowerCount() async throws {
        try await withServer { server in
            let source = Fixtures.source("mastodon", ["base_url": .string(server.base),
                                                      "handles": .array([.string("@hidden"), .string("@known"), .string("@gone")])])
            let report = await Fixtures.run([source])
            #expect(report.summaries.first?.errors.isEmpty == true, "\(report.summaries)")
            let hidden = try #require(report.profiles.first { $0.handle.hasPrefix("hidden@") })
            #expect(hidden.followers == nil, "-1 is Mastodon's \"hidden\", not a count")
            let known = try #require(report.profiles.first { $0.handle.hasPrefix("known@") })
            #expect(known.followers == 3)
            // Its profile fields are read after the note, links as their text.
            #expect(known.bio == "Hello & welcome Website: https://oakbridge-grants.example", "\(known.bio)")
            #expect(!report.profiles.contains { $0.handle.hasPrefix("gone@") }, "a suspended account is not there to judge")
        }
    }

    @Test func aBlueskyHandleThatNoLongerVerifiesLinksByTheDID() async throws {
        try await withServer { server in
            let report = await Fixtures.run([
                Fixtures.source("bluesky", ["base_url": .string(server.base + "/bsky"), "queries": .array([.string("lapsed")]),
                                            "max_pages": .integer(1), "page_size": .integer(2), "squats": .integer(0)])
            ])
            #expect(report.summaries.first?.errors.isEmpty == true, "\(report.summaries)")
            let lapsed = report.profiles.filter { $0.id.hasPrefix("did:plc:lapsed") }
            #expect(lapsed.count == 2)
            #expect(lapsed.allSatisfy { $0.handle == "handle.invalid" && $0.url == "https://bsky.app/profile/\($0.id)" }, "\(lapsed.map(\.url))")
            #expect(report.profiles.filter { !$0.id.hasPrefix("did:plc:lapsed") }.allSatisfy { $0.url.hasSuffix(".bsky.social") })
        }
    }

    @Test func mastodonSearchesAndLooksUpExactHandles() async throws {
        try await withServer { server in
            let identity = ImpostorCoreIdentity.make(queries: ["@known", "@missing"])
            let report = await Fixtures.run([Fixtures.source("mastodon", ["base_url": .string(server.base)])], identity: identity)
            let summary = try #require(report.summaries.first)
            #expect(summary.errors.isEmpty)  // a 404 lookup is "not there", not a failure
            let known = try #require(report.profiles.first { $0.handle == "known@127.0.0.1:\(server.port)" })
            #expect(known.id == "https://social.example/users/known")
            #expect(known.bio.hasPrefix("Hello & welcome"))
            #expect(report.profiles.contains { $0.handle.hasPrefix("x0_") && $0.handle.hasSuffix("@other.example") })
        }
    }

    @Test func youtubeSearchesThenReadsChannels() async throws {
        try await withServer { server in
            let directory = Fixtures.temporaryDirectory()
            try "test-key\n".write(toFile: directory + "/youtube.key", atomically: true, encoding: .utf8)
            let source = Fixtures.source("youtube", ["base_url": .string(server.base + "/youtube/v3"), "key_file": .string("youtube.key")])
            let plan = FetchPlan.make(watchlist: Fixtures.watchlist([source], directory: directory))
            let report = await Fetcher(session: Fixtures.session(), avatars: nil).run(plan)
            #expect(report.summaries.first?.errors.isEmpty == true)
            #expect(report.profiles.count == 2)
            #expect(report.profiles.allSatisfy { $0.followers == 42 && $0.platform == .youtube && $0.handle.hasPrefix("uc") })
            // customUrl comes as "@uc…": the handle is kept as ProfileAddress reads it from the channel's address.
            #expect(report.profiles.allSatisfy { ProfileAddress(url: "https://www.youtube.com/@\($0.handle)")?.handle == $0.handle })
        }
    }

    @Test func aWrongYouTubeKeyIsReportedWithoutTheKey() async throws {
        try await withServer { server in
            let directory = Fixtures.temporaryDirectory()
            try "secret-wrong-key".write(toFile: directory + "/youtube.key", atomically: true, encoding: .utf8)
            let source = Fixtures.source("youtube", ["base_url": .string(server.base + "/youtube/v3"), "key_file": .string("youtube.key")])
            let report = await Fetcher(session: Fixtures.session(), avatars: nil).run(
                FetchPlan.make(watchlist: Fixtures.watchlist([source], directory: directory)))
            let error = try #require(report.summaries.first?.errors.first)
            #expect(error.code == .refused)
            #expect(error.reason.contains("API_KEY_INVALID") && error.reason.contains("youtube.key"))
            #expect(!error.description.contains("secret-wrong-key"))
        }
    }

    @Test func aMissingKeyFileFailsOnlyThatSource() async throws {
        try await withServer { server in
            let report = await Fixtures.run([
                Fixtures.source("youtube", ["key_file": .string("nowhere.key")], line: 1),
                Fixtures.source("listing", ["url": .string(server.base + "/listing.csv")], line: 4),
            ])
            #expect(report.summaries.first { $0.kind == "youtube" }?.errors.first?.code == .configuration)
            #expect(report.profiles.count == 1)
        }
    }

    @Test func aLinkIsReadThroughItsMetaTags() async throws {
        try await withServer { server in
            let report = await Fixtures.run(
                [Fixtures.source("link", ["urls": .array([.string(server.base + "/link/profile"), .string(server.base + "/nothing")])])],
                avatars: true)
            let profile = try #require(report.profiles.first)
            #expect(profile.platform == .x)
            #expect(profile.handle == "oakbridge_tc")
            #expect(profile.displayName == "Oakbridge Town Council & Mayor")
            #expect(profile.bio == "Claim your grant")
            #expect(profile.avatarFile?.hasSuffix(".png") == true)
            #expect(FileManager.default.fileExists(atPath: profile.avatarFile ?? ""))
            #expect(report.summaries.first?.errors.first?.code == .status)  // the 404 link
        }
    }

    @Test func anInstagramPageGivesTheNameWithoutInstagramsOwnWords() async throws {
        try await withServer { server in
            let report = await Fixtures.run([Fixtures.source("link", ["urls": .array([.string(server.base + "/link/instagram")])])])
            #expect(report.summaries.first?.errors.isEmpty == true, "\(report.summaries)")
            let profile = try #require(report.profiles.first)
            #expect(profile.platform == .instagram)
            #expect(profile.handle == "oakbridge_tc")
            #expect(profile.displayName == "Oakbridge Town Council")
            #expect(profile.bio.isEmpty, "the follower counts and \"See Instagram photos…\" are Instagram's, not a bio: \(profile.bio)")
        }
        // An account's own words that quote the phrase are its bio all the same.
        let own = LinkSource.Boilerplate.known[.instagram]!
        #expect(!own.isOwnDescription("Council news. See Instagram photos and videos from our events!"))
        #expect(own.isOwnDescription("22 Followers, 9 Following, 1 Posts - See Instagram photos and videos from Oakbridge (@oak)"))
    }

    @Test func namedEntitiesOfCouncilPagesAreDecoded() async throws {
        try await withServer { server in
            let report = await Fixtures.run([Fixtures.source("link", ["urls": .array([.string(server.base + "/link/welsh")])])])
            let profile = try #require(report.profiles.first)
            #expect(profile.displayName == "Cyngor Tref Llangefni \u{2013} Ynys M\u{F4}n")
            #expect(profile.bio == "Croeso i\u{2019}r dudalen \u{2026} G\u{175}yl y D\u{175}r, T\u{177} & Caf\u{E9} \u{A3}5 \u{201C}Cymraeg\u{201D} \u{A9} 2026 \u{2022} &unknown; \u{20AC}")
        }
        let names = [
            "rsquo", "lsquo", "rdquo", "ldquo", "hellip", "ndash", "mdash", "pound", "euro", "copy", "reg", "trade", "bull",
            "middot", "laquo", "raquo", "eacute", "aacute", "iacute", "oacute", "uacute", "wcirc", "ycirc", "acirc", "ecirc",
            "icirc", "ocirc", "ucirc",
        ]
        for name in names {
            let decoded = HTML.decodeEntities("&\(name);")
            #expect(decoded.unicodeScalars.count == 1 && decoded != "&", "&\(name); reads \(decoded)")
        }
        #expect(HTML.decodeEntities("Y &Wcirc;yl &nosuch; &amp") == "Y \u{174}yl &nosuch; &amp")
    }

    @Test func queriesComeFromNamesAliasesPlacesAndPeople() {
        let identity = Identity(
            id: "oak", name: "Oakbridge Town Council", place: "Oakbridge", aliases: ["Oakbridge TC", "oakbridge tc"],
            people: [Person(name: "Jane Smith", role: "Mayor")], queries: ["oakbridge grants"])
        #expect(QueryPlanner.queries(for: [identity]) == [
            "Oakbridge Town Council", "Oakbridge TC", "Oakbridge", "Oakbridge council", "Oakbridge mayor", "Oakbridge town clerk",
            "Jane Smith", "oakbridge grants",
        ])
    }
}
