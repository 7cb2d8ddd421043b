import ImpostorCore

/// Bluesky through a public AppView: `searchActors` with cursor paging, exact `getProfiles` look-ups
/// of the squat watch's handles (25 a call; handles that do not exist are left out of the answer),
/// then `getProfiles` for counts. The DID is the stable id.
struct BlueskySource: ProfileSource {
    let kind = "bluesky"
    let location: String
    let baseURL: String
    let queries: [String]
    let maxPages: Int
    let pageSize: Int
    let squats: [String]

    static let defaultBaseURL = "https://public.api.bsky.app"

    init(options: SourceOptions, queries: [String], identities: [Identity]) throws(FetchError) {
        location = options.settings.location
        squats = try options.squats(on: .bluesky, identities: identities)
        baseURL = try options.baseURL(default: Self.defaultBaseURL)
        maxPages = try options.integer("max_pages", default: 3, range: 1...100)
        pageSize = try options.integer("page_size", default: 100, range: 1...100)
        self.queries = queries + (try options.strings("queries"))
    }

    struct Actor: Decodable {
        var did: String
        var handle: String
        var displayName: String?
        var description: String?
        var avatar: String?
        var createdAt: String?
        var followersCount: Int?
    }

    private struct SearchPage: Decodable {
        var actors: [Actor]
        var cursor: String?
    }

    private struct ProfilesPage: Decodable {
        var profiles: [Actor]
    }

    func run(_ context: SourceContext) async -> [Profile] {
        var order: [String] = []
        var actors: [String: Actor] = [:]
        for query in queries {
            var cursor: String?
            for _ in 0..<maxPages {
                var url = "\(baseURL)/xrpc/app.bsky.actor.searchActors?q=\(query.queryEncoded)&limit=\(pageSize)"
                if let cursor { url += "&cursor=\(cursor.queryEncoded)" }
                let page: SearchPage
                do {
                    page = try await context.json(SearchPage.self, from: url)
                } catch {
                    context.fail(error)
                    break
                }
                for actor in page.actors where actors[actor.did] == nil {
                    order.append(actor.did)
                    actors[actor.did] = actor
                }
                // No cursor means the last page. A short or empty page may still have one (searchActors fills
                // pages as it can); the same cursor again would fetch the same page.
                guard let next = page.cursor, next != cursor else { break }
                cursor = next
            }
        }
        // The squat watch: handles that exist come back, the rest are silently left out.
        for start in stride(from: 0, to: squats.count, by: 25) {
            let batch = squats[start..<min(start + 25, squats.count)]
            let query = batch.map { "actors=\($0.queryEncoded)" }.joined(separator: "&")
            do {
                let page = try await context.json(ProfilesPage.self, from: "\(baseURL)/xrpc/app.bsky.actor.getProfiles?\(query)")
                for actor in page.profiles where actors[actor.did] == nil {
                    order.append(actor.did)
                    actors[actor.did] = actor
                }
            } catch {
                context.fail(error)
            }
        }
        // Search results lack counts; a failed batch keeps the search data rather than losing it.
        for start in stride(from: 0, to: order.count, by: 25) {
            let batch = order[start..<min(start + 25, order.count)]
            let query = batch.map { "actors=\($0.queryEncoded)" }.joined(separator: "&")
            do {
                let page = try await context.json(ProfilesPage.self, from: "\(baseURL)/xrpc/app.bsky.actor.getProfiles?\(query)")
                for detailed in page.profiles where actors[detailed.did] != nil { actors[detailed.did] = detailed }
            } catch {
                context.fail(error)
            }
        }
        return order.compactMap { actors[$0].map(Self.profile) }
    }

    static func profile(_ actor: Actor) -> Profile {
        // "handle.invalid" stands for a handle that no longer checks out: only the DID still links.
        let name = actor.handle == "handle.invalid" ? actor.did : actor.handle
        return Profile(
            platform: .bluesky, id: actor.did, handle: actor.handle, displayName: actor.displayName ?? "",
            bio: actor.description ?? "", url: CleanURL.profileURL("https://bsky.app/profile/\(name)"), avatar: actor.avatar,
            createdAt: actor.createdAt, followers: actor.followersCount)
    }
}
