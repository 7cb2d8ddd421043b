import Foundation
import ImpostorCore

/// Web search through the Brave Search API (`GET /res/v1/web/search`, key in `X-Subscription-Token`):
/// the documented route to Facebook, Instagram, X, TikTok, Threads and LinkedIn pages, which offer
/// no open people search. Results that are profile or page addresses become profiles; posts, groups,
/// searches and help pages are skipped. Each scan spends its share of `monthly_queries`, going on
/// through the list where the last scan stopped.
struct WebSearchSource: ProfileSource {
    let kind = "websearch"
    let location: String
    let baseURL: String
    let key: String
    let api: PlatformAPI
    let sites: [String]
    let queries: [String]
    let monthlyQueries: Int
    let country: String
    let readPages: Bool

    static let defaultBaseURL = "https://api.search.brave.com"
    static let defaultSites = ["facebook.com", "instagram.com", "x.com", "tiktok.com", "threads.net", "linkedin.com"]
    /// Under the Search plan's monthly credit of about 1,000 queries, with room for trying things by hand.
    static let defaultMonthlyQueries = 900

    init(options: SourceOptions, identities: [Identity]) throws(FetchError) {
        location = options.settings.location
        baseURL = try options.baseURL(default: Self.defaultBaseURL)
        guard let key = try options.secret("key_file") else {
            throw FetchError(.configuration, "\(location): the websearch source needs `key_file`, a file holding the Brave Search API key")
        }
        self.key = key
        api = .brave(keyFile: try options.string("key_file") ?? "key_file")
        let sites = try options.strings("sites")
        self.sites = sites.isEmpty ? Self.defaultSites : sites
        monthlyQueries = try options.integer("monthly_queries", default: Self.defaultMonthlyQueries, range: 0...1_000_000)
        country = try options.string("country") ?? "GB"
        readPages = try options.bool("read_pages", default: true)
        queries = Self.queries(for: identities, sites: self.sites) + (try options.strings("queries"))
    }

    /// One query per phrase, each asking every site at once: `"Oakbridge Town Council" (site:a OR site:b)`.
    /// The bare place is a phrase too, so a name with a typo in its council words is still found.
    static func queries(for identities: [Identity], sites: [String]) -> [String] {
        let scope = sites.count == 1 ? "site:\(sites[0])" : "(" + sites.map { "site:\($0)" }.joined(separator: " OR ") + ")"
        var seen = Set<String>()
        var out: [String] = []
        for identity in identities {
            var phrases = [identity.name] + identity.aliases
            if !identity.place.isEmpty {
                phrases.append(identity.place)
                for person in identity.people where !person.role.isEmpty { phrases.append("\(person.role) of \(identity.place)") }
            }
            phrases += identity.people.map(\.name)
            for phrase in phrases {
                let clean = phrase.replacingOccurrences(of: "\"", with: "").trimmingSpaces()
                guard !clean.isEmpty, seen.insert(clean.lowercased()).inserted else { continue }
                // Brave takes at most 400 characters and 50 words.
                let query = "\"\(clean)\" \(scope)"
                guard query.count <= 400, query.split(separator: " ").count <= 50 else { continue }
                out.append(query)
            }
        }
        return out
    }

    struct Page: Decodable {
        struct Web: Decodable { var results: [Result]? }
        struct Result: Decodable {
            var title: String?
            var url: String
            var description: String?
            var extra_snippets: [String]?
        }
        var web: Web?
    }

    func run(_ context: SourceContext) async -> [Profile] {
        // The ledger follows the key: its month is the plan's, whichever entries use it.
        let account = "brave:" + key
        var ledger = QueryLedger.load(cache: context.session.cache, source: account, now: Date())
        let chosen = ledger.take(from: queries, monthly: monthlyQueries, now: Date())
        var found: [Profile] = []
        var seen = Set<String>()
        for query in chosen {
            var url = "\(baseURL)/res/v1/web/search?q=\(query.queryEncoded)&count=20&country=\(country.queryEncoded)"
            url += "&search_lang=en&safesearch=off&text_decorations=false&spellcheck=false&result_filter=web"
            do {
                let (page, monthLeft) = try await fetch(url, context: context)
                ledger.record(sent: 1)
                ledger.save(cache: context.session.cache, source: account)
                for result in page.web?.results ?? [] {
                    guard let profile = Self.profile(result), seen.insert(profile.id).inserted else { continue }
                    found.append(profile)
                }
                if monthLeft == 0 {
                    context.fail(FetchError(.refused, "the Brave Search plan's monthly requests are used up: the search goes on next month, or raise the plan's limit"))
                    break
                }
            } catch {
                context.fail(error)
                // Stopped by a refusal, or by a server still limiting or down after the retries (a spent
                // month answers 429).
                if context.stoppedBy != nil { break }
            }
        }
        guard readPages else { return found }
        return await read(found, context: context)
    }

    /// Profiles read this many at a time from the pages themselves, and at most this many a scan.
    static let pageReaders = 4
    static let pageReads = 40

    /// Fills in name, bio and picture from each page's public OpenGraph tags, where it serves them.
    /// A page that answers for another account (a login wall) is not this profile's.
    private func read(_ found: [Profile], context: SourceContext) async -> [Profile] {
        await withTaskGroup(of: (Int, Profile?).self) { group in
            var next = 0
            let count = min(found.count, Self.pageReads)
            func addNext() {
                guard next < count else { return }
                let index = next
                next += 1
                group.addTask { (index, try? await LinkSource.read(found[index].url, context: context)) }
            }
            for _ in 0..<Self.pageReaders { addNext() }
            var out = found
            for await (index, page) in group {
                addNext()
                guard let page, page.platform == out[index].platform,
                      ProfileAddress(url: page.url)?.handle.lowercased() == out[index].handle.lowercased()
                else { continue }
                // The page's title carries the platform's words as the result's did ("Name (@h) / X").
                let name = Self.title(page.displayName, platform: page.platform, handle: out[index].handle)
                if !name.isEmpty { out[index].displayName = name }
                if !page.bio.isEmpty { out[index].bio = page.bio }
                out[index].avatar = page.avatar ?? out[index].avatar
            }
            return out
        }
    }

    /// One search, with what the plan's monthly window has left (nil when the answer does not say).
    private func fetch(_ url: String, context: SourceContext) async throws(FetchError) -> (Page, Int?) {
        let response = try await context.answer(HTTPRequest(url: url, headers: ["X-Subscription-Token": key]), api: api)
        try SourceContext.requireOK(response, url: url)
        let page = try SourceContext.decode(Page.self, response, url: url)
        // `X-RateLimit-Remaining: 1, 900`: one value per window, the month last.
        let left = response.header("x-ratelimit-remaining")?.split(separator: ",").last
            .flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        return (page, left)
    }

    /// A search result as a profile, when its address is a profile's or a page's.
    static func profile(_ result: Page.Result) -> Profile? {
        guard let address = ProfileAddress(url: result.url) else { return nil }
        // The platform's own words for a profile ("22 Followers, … - See Instagram photos and videos from …")
        // are no bio.
        var bio = HTML.text(result.description ?? "")
        if LinkSource.Boilerplate.known[address.platform]?.isOwnDescription(bio) == true { bio = "" }
        if let extra = result.extra_snippets?.first.map(HTML.text) { bio += bio.isEmpty ? extra : " " + extra }
        return Profile(
            platform: address.platform, id: address.url, handle: address.handle,
            displayName: title(HTML.text(result.title ?? ""), platform: address.platform, handle: address.handle),
            bio: String(bio.prefix(2000)), url: CleanURL.profileURL(address.url))
    }

    /// A page title without the site's own words: "Oakbridge Town Council | Facebook",
    /// "Oakbridge (@oakbridge_tc) • Instagram photos and videos", "Oakbridge (@oakbridgetc) / X",
    /// "Oakbridge (@oakbridgetc) • Threads, Say more".
    static func title(_ title: String, platform: Platform, handle: String) -> String {
        var t = title
        let suffixes = [
            " | Facebook", " - Facebook", " – Facebook", " • Instagram photos and videos", " • Instagram", " on Instagram",
            " / X", " / Twitter", " on X", " on Twitter", " | TikTok", " on TikTok", " • Threads, Say more", " • Threads", " on Threads",
            " | LinkedIn", " - LinkedIn", " - YouTube", " | YouTube",
        ]
        for suffix in suffixes where t.lowercased().hasSuffix(suffix.lowercased()) {
            t = String(t.dropLast(suffix.count))
        }
        // "(@handle)" after the name repeats the handle.
        if let open = t.range(of: " (@"), t.hasSuffix(")") { t = String(t[..<open.lowerBound]) }
        return t.trimmingSpaces()
    }
}
