import ImpostorCore

/// One Mastodon server: `/api/v2/search?type=accounts` for each query, `/api/v1/accounts/lookup`
/// for exact handles. The account's URI (its ActivityPub URL) is the stable id.
struct MastodonSource: ProfileSource {
    let kind = "mastodon"
    let location: String
    let baseURL: String
    let queries: [String]
    let handles: [String]
    let token: String?
    let maxPages: Int

    init(options: SourceOptions, queries: [String]) throws(FetchError) {
        location = options.settings.location
        baseURL = try options.baseURL(default: nil)
        token = try options.secret("token_file")
        // Without a token the server serves the first page only.
        maxPages = token == nil ? 1 : try options.integer("max_pages", default: 2, range: 1...20)
        let all = queries + (try options.strings("queries"))
        // A query shaped like a handle is looked up exactly as well as searched.
        handles = (try options.strings("handles")) + all.filter { $0.hasPrefix("@") && !$0.contains(" ") }
        self.queries = all
    }

    struct Account: Decodable {
        var acct: String
        var display_name: String?
        var note: String?
        var url: String?
        var uri: String?
        var avatar_static: String?
        var avatar: String?
        var created_at: String?
        var followers_count: Int?
    }

    private struct SearchResult: Decodable {
        var accounts: [Account]
    }

    private var headers: [String: String] {
        token.map { ["Authorization": "Bearer \($0)"] } ?? [:]
    }

    func run(_ context: SourceContext) async -> [Profile] {
        var found: [Profile] = []
        var seen = Set<String>()
        func keep(_ account: Account) {
            let profile = profile(account)
            if seen.insert(profile.id).inserted { found.append(profile) }
        }
        for query in queries {
            for page in 0..<maxPages {
                var url = "\(baseURL)/api/v2/search?q=\(query.queryEncoded)&type=accounts&limit=40"
                if page > 0 { url += "&offset=\(page * 40)" }
                do {
                    let result = try await context.json(SearchResult.self, from: url, headers: headers)
                    result.accounts.forEach(keep)
                    if result.accounts.count < 40 { break }
                } catch {
                    context.fail(error)
                    break
                }
            }
        }
        for handle in handles {
            var acct = handle
            while acct.hasPrefix("@") { acct.removeFirst() }
            let url = "\(baseURL)/api/v1/accounts/lookup?acct=\(acct.queryEncoded)"
            do {
                keep(try await context.json(Account.self, from: url, headers: headers))
            } catch where error.code == .status && error.reason.contains("HTTP 404") {
                continue  // No such account on this server: nothing to judge, nothing wrong.
            } catch {
                context.fail(error)
            }
        }
        return found
    }

    func profile(_ account: Account) -> Profile {
        let host = CurlTransfer.host(of: baseURL)
        let handle = account.acct.contains("@") ? account.acct : "\(account.acct)@\(host)"
        let url = account.url ?? account.uri ?? "\(baseURL)/@\(account.acct)"
        var avatar = account.avatar_static ?? account.avatar
        if avatar?.hasSuffix("/missing.png") == true { avatar = nil }
        return Profile(
            platform: .mastodon, id: account.uri ?? url, handle: handle, displayName: account.display_name ?? "",
            bio: HTML.text(account.note ?? ""), url: url, avatar: avatar, createdAt: account.created_at,
            followers: account.followers_count)
    }
}
