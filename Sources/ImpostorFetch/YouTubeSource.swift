import Foundation
import ImpostorCore

/// YouTube Data API v3: `search.list` for channels, `channels.list?forHandle=` for the squat watch,
/// then `channels.list` (50 ids a call) for counts. A search costs 100 units and a look-up 1, against
/// a quota of 10,000 a day (Pacific time): `daily_units` is spread over the day's scans, nine
/// tenths for searches and one tenth for look-ups, each list taken up where the last scan stopped.
struct YouTubeSource: ProfileSource {
    let kind = "youtube"
    let location: String
    let baseURL: String
    let queries: [String]
    let key: String
    let maxPages: Int
    let dailyUnits: Int
    let api: PlatformAPI
    /// Handles looked up with `channels?forHandle=`, one quota unit each.
    let squats: [String]

    static let defaultBaseURL = "https://www.googleapis.com/youtube/v3"

    init(options: SourceOptions, queries: [String], identities: [Identity]) throws(FetchError) {
        location = options.settings.location
        baseURL = try options.baseURL(default: Self.defaultBaseURL)
        guard let key = try options.secret("key_file") else {
            throw FetchError(.configuration, "\(location): the youtube source needs `key_file`, a file holding the API key")
        }
        self.key = key
        api = .youtube(keyFile: try options.string("key_file") ?? "key_file")
        maxPages = try options.integer("max_pages", default: 1, range: 1...10)
        dailyUnits = try options.integer("daily_units", default: 9_000, range: 0...10_000_000)
        squats = try options.squats(on: .youtube, identities: identities)
        self.queries = queries + (try options.strings("queries"))
    }

    struct Thumbnail: Decodable { var url: String }
    struct Thumbnails: Decodable {
        var high: Thumbnail?
        var medium: Thumbnail?
        var `default`: Thumbnail?
        var best: String? { (high ?? medium ?? `default`)?.url }
    }
    struct Snippet: Decodable {
        var title: String?
        var description: String?
        var customUrl: String?
        var publishedAt: String?
        var thumbnails: Thumbnails?
    }
    private struct SearchPage: Decodable {
        struct Item: Decodable {
            struct ID: Decodable { var channelId: String? }
            var id: ID
            var snippet: Snippet?
        }
        // Google's answers leave out an empty list, as channels.list does when nothing matches.
        var items: [Item]?
        var nextPageToken: String?
    }
    struct ChannelPage: Decodable {
        struct Item: Decodable {
            struct Statistics: Decodable {
                var subscriberCount: String?
                var hiddenSubscriberCount: Bool?
            }
            var id: String
            var snippet: Snippet?
            var statistics: Statistics?
        }
        var items: [Item]?
    }

    func run(_ context: SourceContext) async -> [Profile] {
        var order: [String] = []
        var profiles: [String: Profile] = [:]
        let now = Date()
        let cache = context.session.cache
        var searchLedger = QueryLedger.load(cache: cache, source: "youtube-search:" + key, now: now, period: .pacificDay)
        let searches = searchLedger.take(from: queries, monthly: dailyUnits * 9 / 10 / (100 * maxPages), now: now)
        var squatLedger = QueryLedger.load(cache: cache, source: "youtube-squats:" + key, now: now, period: .pacificDay)
        let lookups = squatLedger.take(from: squats, monthly: dailyUnits / 10, now: now)
        defer {
            searchLedger.save(cache: cache, source: "youtube-search:" + key)
            squatLedger.save(cache: cache, source: "youtube-squats:" + key)
        }
        for query in searches {
            searchLedger.record(sent: 1)
            var token: String?
            for _ in 0..<maxPages {
                var url = "\(baseURL)/search?part=snippet&type=channel&maxResults=50&regionCode=GB&q=\(query.queryEncoded)&key=\(key.queryEncoded)"
                if let token { url += "&pageToken=\(token.queryEncoded)" }
                do {
                    let page = try await context.json(SearchPage.self, from: url, cacheNamespace: nil, api: api)
                    for item in page.items ?? [] {
                        guard let id = item.id.channelId, profiles[id] == nil else { continue }
                        order.append(id)
                        profiles[id] = Self.profile(id: id, snippet: item.snippet, subscribers: nil, escaped: true)
                    }
                    // An empty page may still name the next; the same token again would fetch it again.
                    guard let next = page.nextPageToken, next != token else { break }
                    token = next
                } catch {
                    context.fail(error)
                    break
                }
            }
        }
        // The squat watch: an unknown handle answers with no `items` at all.
        for handle in lookups {
            squatLedger.record(sent: 1)
            let url = "\(baseURL)/channels?part=snippet,statistics&forHandle=\(("@" + handle).queryEncoded)&key=\(key.queryEncoded)"
            do {
                let page = try await context.json(ChannelPage.self, from: url, cacheNamespace: nil, api: api)
                for item in page.items ?? [] where profiles[item.id] == nil {
                    order.append(item.id)
                    profiles[item.id] = Self.profile(id: item.id, snippet: item.snippet, subscribers: nil)
                }
            } catch {
                context.fail(error)
            }
        }
        for start in stride(from: 0, to: order.count, by: 50) {
            let ids = order[start..<min(start + 50, order.count)].joined(separator: ",")
            let url = "\(baseURL)/channels?part=snippet,statistics&maxResults=50&id=\(ids.queryEncoded)&key=\(key.queryEncoded)"
            do {
                let page = try await context.json(ChannelPage.self, from: url, cacheNamespace: nil, api: api)
                for item in page.items ?? [] where profiles[item.id] != nil {
                    let hidden = item.statistics?.hiddenSubscriberCount == true
                    let subscribers = hidden ? nil : item.statistics?.subscriberCount.flatMap { Int($0) }
                    profiles[item.id] = Self.profile(id: item.id, snippet: item.snippet, subscribers: subscribers)
                }
            } catch {
                context.fail(error)
            }
        }
        return order.compactMap { profiles[$0] }
    }

    static func profile(id: String, snippet: Snippet?, subscribers: Int?, escaped: Bool = false) -> Profile {
        // `customUrl` is "@handle"; handles are kept without the "@", as ProfileAddress reads them.
        var handle = Substring(snippet?.customUrl ?? "")
        if handle.hasPrefix("@") { handle = handle.dropFirst() }
        // Search snippets come HTML-escaped ("Town &amp; Parish", "Mayor&#39;s"); channel snippets do not,
        // so "&amp;" in a channel's own text is what it says.
        func text(_ s: String?) -> String { escaped ? HTML.decodeEntities(s ?? "") : s ?? "" }
        return Profile(
            platform: .youtube, id: id, handle: String(handle),
            displayName: text(snippet?.title), bio: text(snippet?.description), url: CleanURL.profileURL("https://www.youtube.com/channel/\(id)"),
            avatar: snippet?.thumbnails?.best, createdAt: snippet?.publishedAt, followers: subscribers)
    }
}
