import Foundation
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
    let api: PlatformAPI

    init(options: SourceOptions, queries: [String], identities: [Identity]) throws(FetchError) {
        location = options.settings.location
        baseURL = try options.baseURL(default: nil)
        token = try options.secret("token_file")
        api = .mastodon(server: baseURL, tokenFile: token == nil ? nil : try options.string("token_file"))
        // Without a token the server serves the first page only.
        maxPages = token == nil ? 1 : try options.integer("max_pages", default: 2, range: 1...20)
        let all = queries + (try options.strings("queries"))
        // A query shaped like a handle is looked up exactly as well as searched.
        // The squat watch's handles are looked up the same way (one request each, so few by default).
        handles = (try options.strings("handles")) + all.filter { $0.hasPrefix("@") && !$0.contains(" ") }
            + (try options.squats(on: .mastodon, identities: identities))
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
        /// -1 when the account hides its counts.
        var followers_count: Int?
        var emojis: [Emoji]?
        /// The profile's table of name and value pairs ("Website", a link as HTML), shown under its note.
        var fields: [Field]?
        /// Present, and true, only for an account its server has suspended.
        var suspended: Bool?
    }

    /// A name in plain text and a value in HTML, as Mastodon sends them.
    struct Field: Decodable {
        var name: String
        var value: String
    }

    /// A server's custom emoji, written `:shortcode:` in names and notes and shown as a picture.
    struct Emoji: Decodable {
        var shortcode: String
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
            // The server has already dealt with a suspended account: there is nothing left to report.
            guard account.suspended != true else { return }
            let profile = profile(account)
            if seen.insert(profile.id).inserted { found.append(profile) }
        }
        for query in queries {
            for page in 0..<maxPages {
                var url = "\(baseURL)/api/v2/search?q=\(query.queryEncoded)&type=accounts&limit=40"
                if page > 0 { url += "&offset=\(page * 40)" }
                do {
                    let result = try await context.json(SearchResult.self, from: url, headers: headers, api: api)
                    result.accounts.forEach(keep)
                    if result.accounts.count < 40 { break }
                } catch {
                    context.fail(error)
                    break
                }
            }
        }
        for handle in handles {
            let acct = handle.droppingLeadingAts()
            let url = "\(baseURL)/api/v1/accounts/lookup?acct=\(acct.queryEncoded)"
            do {
                keep(try await context.json(Account.self, from: url, headers: headers, api: api))
            } catch where error.code == .status && error.reason.contains("HTTP 404") {
                continue  // No such account on this server: nothing to judge, nothing wrong.
            } catch {
                context.fail(error)
            }
        }
        return found
    }

    /// `text` as the server shows it: each of the account's custom emoji is a picture, not letters. A
    /// tick-like one becomes a tick (✔); any other is dropped.
    static func showingEmoji(_ text: String, _ emojis: [Emoji]) -> String {
        guard text.contains(":"), !emojis.isEmpty else { return text }
        var out = text
        for emoji in emojis where !emoji.shortcode.isEmpty && emoji.shortcode.count <= 64 {
            let code = emoji.shortcode.lowercased()
            let shown = CustomEmoji.isBadge(code) ? "\u{2714}" : ""
            out = out.replacingOccurrences(of: ":\(emoji.shortcode):", with: shown)
        }
        return out.split(whereSeparator: { $0 == " " }).joined(separator: " ")
    }

    func profile(_ account: Account) -> Profile { Self.profile(account, server: baseURL) }

    /// The profile of an account as `server` describes it; a local account's handle gets the server's name.
    static func profile(_ account: Account, server baseURL: String) -> Profile {
        let host = CurlTransfer.host(of: baseURL)
        let handle = account.acct.contains("@") ? account.acct : "\(account.acct)@\(host)"
        let url = account.url ?? account.uri ?? "\(baseURL)/@\(account.acct)"
        var avatar = account.avatar_static ?? account.avatar
        if avatar?.hasSuffix("/missing.png") == true { avatar = nil }
        let emojis = account.emojis ?? []
        // The fields read after the note, as the profile shows them: a look-alike website is there.
        var bio = HTML.text(account.note ?? "")
        for field in account.fields ?? [] {
            let value = HTML.text(field.value)
            guard !value.isEmpty else { continue }
            bio += (bio.isEmpty ? "" : " ") + (field.name.isEmpty ? value : "\(field.name): \(value)")
        }
        return Profile(
            platform: .mastodon, id: account.uri ?? url, handle: handle,
            displayName: Self.showingEmoji(account.display_name ?? "", emojis),
            bio: Self.showingEmoji(bio, emojis), url: CleanURL.profileURL(url), avatar: avatar, createdAt: account.created_at,
            followers: account.followers_count.flatMap { $0 >= 0 ? $0 : nil })
    }
}
