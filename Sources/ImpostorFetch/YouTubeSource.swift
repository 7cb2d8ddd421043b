import ImpostorCore

/// YouTube Data API v3: `search.list` for channels, then `channels.list` (50 ids a call) for counts.
/// Each search costs about 1% of the daily quota, so `max_pages` defaults to 1.
struct YouTubeSource: ProfileSource {
    let kind = "youtube"
    let location: String
    let baseURL: String
    let queries: [String]
    let key: String
    let maxPages: Int
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
        var items: [Item]
        var nextPageToken: String?
    }
    private struct ChannelPage: Decodable {
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
        for query in queries {
            var token: String?
            for _ in 0..<maxPages {
                var url = "\(baseURL)/search?part=snippet&type=channel&maxResults=50&regionCode=GB&q=\(query.queryEncoded)&key=\(key.queryEncoded)"
                if let token { url += "&pageToken=\(token.queryEncoded)" }
                do {
                    let page = try await context.json(SearchPage.self, from: url, cacheNamespace: nil, api: api)
                    for item in page.items {
                        guard let id = item.id.channelId, profiles[id] == nil else { continue }
                        order.append(id)
                        profiles[id] = Self.profile(id: id, snippet: item.snippet, subscribers: nil)
                    }
                    guard let next = page.nextPageToken, !page.items.isEmpty else { break }
                    token = next
                } catch {
                    context.fail(error)
                    break
                }
            }
        }
        // The squat watch: an unknown handle answers with no `items` at all.
        for handle in squats {
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

    static func profile(id: String, snippet: Snippet?, subscribers: Int?) -> Profile {
        // Search snippets come HTML-escaped ("Town &amp; Parish", "Mayor&#39;s"); channel snippets do not.
        Profile(
            platform: .youtube, id: id, handle: snippet?.customUrl ?? "",
            displayName: HTML.decodeEntities(snippet?.title ?? ""), bio: HTML.decodeEntities(snippet?.description ?? ""), url: "https://www.youtube.com/channel/\(id)",
            avatar: snippet?.thumbnails?.best, createdAt: snippet?.publishedAt, followers: subscribers)
    }
}
