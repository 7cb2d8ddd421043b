import ImpostorCore

/// Instagram's Business Discovery through the council's own professional account: one exact
/// look-up per squat watch handle, with a token from a file. Only business and creator accounts can
/// be discovered; a personal account and a missing one answer alike (code 110, subcode 2207013), so
/// neither is a failure.
struct InstagramSource: ProfileSource {
    let kind = "instagram"
    let location: String
    let baseURL: String
    let version: String
    let token: String
    let accountID: String
    let api: PlatformAPI
    let squats: [String]

    static let defaultBaseURL = "https://graph.facebook.com"
    static let fields = "id,username,name,biography,website,followers_count,profile_picture_url"

    init(options: SourceOptions, identities: [Identity]) throws(FetchError) {
        location = options.settings.location
        baseURL = try options.baseURL(default: Self.defaultBaseURL)
        version = try options.string("api_version") ?? "v25.0"
        guard let token = try options.secret("token_file") else {
            throw FetchError(.configuration, "\(location): the instagram source needs `token_file`, a file holding a Facebook user token")
        }
        self.token = token
        let account = try options.requiredString("account_id")
        guard account.allSatisfy(\.isNumber) else {
            throw FetchError(.configuration, "\(location): `account_id` is the council's Instagram professional account id, digits only")
        }
        accountID = account
        api = .graph(tokenFile: try options.string("token_file") ?? "token_file")
        squats = try options.squats(on: .instagram, identities: identities)
    }

    struct Answer: Decodable {
        struct Found: Decodable {
            var id: String
            var username: String
            var name: String?
            var biography: String?
            var website: String?
            var followers_count: Int?
            var profile_picture_url: String?
        }
        var business_discovery: Found?
    }

    func run(_ context: SourceContext) async -> [Profile] {
        var found: [Profile] = []
        for handle in squats {
            let fields = "business_discovery.username(\(handle)){\(Self.fields)}"
            let url = "\(baseURL)/\(version)/\(accountID)?fields=\(fields.queryEncoded)&access_token=\(token.queryEncoded)"
            do {
                let answer = try await context.json(Answer.self, from: url, cacheNamespace: nil, api: api)
                if let user = answer.business_discovery { found.append(Self.profile(user)) }
            } catch where error.code == .status && Self.notDiscoverable(error) {
                continue
            } catch {
                context.fail(error)
            }
        }
        return found
    }

    /// Meta's "cannot find user" answer, for a missing and for a personal account alike.
    static func notDiscoverable(_ error: FetchError) -> Bool {
        error.reason.contains("HTTP 400")
    }

    static func profile(_ user: Answer.Found) -> Profile {
        var bio = user.biography ?? ""
        if let site = user.website, !site.isEmpty { bio += (bio.isEmpty ? "" : " ") + site }
        return Profile(
            platform: .instagram, id: user.id, handle: user.username, displayName: user.name ?? "", bio: bio,
            url: "https://www.instagram.com/\(user.username)/", avatar: user.profile_picture_url,
            followers: user.followers_count)
    }
}
