import Foundation
import ImpostorCore

/// Facebook Pages search through the Graph API (`pages/search`), with an app token that has Page
/// Public Metadata Access, from a file. Meta's own throttling is kept: the `X-App-Usage` percentages
/// stop the source before they reach 100, and its rate-limit codes (4, 17, 32, 613 and the Business
/// Use Case codes 80001-80014) stop it at once.
struct FacebookSource: ProfileSource {
    let kind = "facebook"
    let location: String
    let baseURL: String
    let version: String
    let token: String
    let api: PlatformAPI
    let queries: [String]
    /// Pages of 50 read per query: Graph pages its lists, and a common place name fills more than one.
    let maxPages: Int

    static let defaultBaseURL = "https://graph.facebook.com"
    /// Stop while Meta's usage is below its 100% throttle, leaving room for the council's other apps.
    static let usageCeiling = 90

    init(options: SourceOptions, identities: [Identity]) throws(FetchError) {
        location = options.settings.location
        baseURL = try options.baseURL(default: Self.defaultBaseURL)
        version = try options.string("api_version") ?? "v25.0"
        guard let token = try options.secret("token_file") else {
            throw FetchError(.configuration, "\(location): the facebook source needs `token_file`, a file holding the app token")
        }
        self.token = token
        api = .graph(tokenFile: try options.string("token_file") ?? "token_file")
        var seen = Set<String>()
        var all: [String] = []
        for identity in identities {
            for q in [identity.name, identity.place] + identity.aliases where !q.isEmpty && seen.insert(q.lowercased()).inserted {
                all.append(q)
            }
        }
        queries = all + (try options.strings("queries"))
        maxPages = try options.integer("max_pages", default: 2, range: 1...10)
    }

    struct Page: Decodable {
        struct Found: Decodable {
            struct Location: Decodable {
                var city: String?
                var country: String?
            }
            var id: String
            var name: String?
            var link: String?
            var location: Location?
        }
        /// Graph's paging: `next` is there only when another page is. impostor asks its own server again
        /// with the `after` cursor rather than fetch an address an answer gives.
        struct Paging: Decodable {
            struct Cursors: Decodable { var after: String? }
            var cursors: Cursors?
            var next: String?
        }
        var data: [Found]?
        var paging: Paging?

        /// The cursor of the next page, when there is one.
        var after: String? {
            // A page may hold fewer results than asked, or none, and still have a next (Graph's paging notes).
            guard paging?.next != nil, let after = paging?.cursors?.after, !after.isEmpty else { return nil }
            return after
        }
    }

    func run(_ context: SourceContext) async -> [Profile] {
        var found: [Profile] = []
        var seen = Set<String>()
        for query in queries {
            await search(query, context) { page in
                if seen.insert(page.id).inserted { found.append(Self.profile(page)) }
            }
            if context.stoppedBy != nil { break }
        }
        return found
    }

    /// Reads one query's pages, up to `maxPages`, while Graph says another follows.
    private func search(_ query: String, _ context: SourceContext, keep: (Page.Found) -> Void) async {
        var after: String?
        for number in 0..<maxPages {
            if number > 0 && after == nil { return }
            var url = "\(baseURL)/\(version)/pages/search?q=\(query.queryEncoded)&fields=id,name,location,link&limit=50"
            if let after { url += "&after=\(after.queryEncoded)" }
            do throws(FetchError) {
                let request = HTTPRequest(url: url + "&access_token=\(token.queryEncoded)")
                let response = try await context.answer(request, shown: url, api: api)
                try SourceContext.requireOK(response, url: url)
                let answer = try SourceContext.decode(Page.self, response, url: url)
                (answer.data ?? []).forEach(keep)
                // The same cursor again would fetch the same page again.
                after = answer.after == after ? nil : answer.after
                if let usage = Self.usage(response), usage >= Self.usageCeiling {
                    context.stop(FetchError(.refused, "Meta reports this app at \(usage)% of its hourly allowance (X-App-Usage): the source stops for this scan and goes on at the next"))
                    return
                }
            } catch {
                context.fail(error)
                return
            }
        }
    }

    /// The highest of `X-App-Usage`'s percentages, `{"call_count":n,"total_cputime":n,"total_time":n}`.
    static func usage(_ response: HTTPResponse) -> Int? {
        guard let text = response.header("x-app-usage"),
              let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        else { return nil }
        return ["call_count", "total_cputime", "total_time"].compactMap { (object[$0] as? NSNumber)?.intValue }.max()
    }

    static func profile(_ page: Page.Found) -> Profile {
        let link = page.link ?? "https://www.facebook.com/\(page.id)"
        // The handle as the page's address gives it, "Facebook-HQ-166793820034304" for a page without a
        // username: as `impostor add` and the watchlist's accounts read it, so that all of them agree.
        let handle = ProfileAddress(url: link)?.handle ?? page.id
        let place = [page.location?.city, page.location?.country].compactMap { $0 }.joined(separator: ", ")
        return Profile(
            platform: .facebook, id: page.id, handle: handle, displayName: page.name ?? "", bio: place,
            url: CleanURL.profileURL(link))
    }
}
