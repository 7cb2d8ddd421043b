import Foundation
import ImpostorCore

/// X API v2: exact look-ups of the squat watch's handles, `GET /2/users/by?usernames=` with 100 a
/// call and an app bearer token from a file. X sells no open name search to an app token; a name
/// that does not exist, or is suspended, comes back in `errors` beside the `data` found.
struct XSource: ProfileSource {
    let kind = "x"
    let location: String
    let baseURL: String
    let token: String
    let api: PlatformAPI
    let squats: [String]

    static let defaultBaseURL = "https://api.x.com"
    static let fields = "created_at,description,entities,profile_image_url,public_metrics,verified_type,parody,url"

    init(options: SourceOptions, identities: [Identity]) throws(FetchError) {
        location = options.settings.location
        baseURL = try options.baseURL(default: Self.defaultBaseURL)
        guard let token = try options.secret("token_file") else {
            throw FetchError(.configuration, "\(location): the x source needs `token_file`, a file holding the app's bearer token")
        }
        self.token = token
        api = .x(tokenFile: try options.string("token_file") ?? "token_file")
        squats = try options.squats(on: .x, identities: identities)
    }

    struct User: Decodable {
        struct Metrics: Decodable { var followers_count: Int? }
        var id: String
        var username: String
        var name: String?
        var description: String?
        var profile_image_url: String?
        var created_at: String?
        var public_metrics: Metrics?
        /// The website, as a t.co link.
        var url: String?
        /// The links in the website and the bio, each t.co link with the address it stands for.
        var entities: Entities?
        /// "blue", "business", "government" or "none"; only the two organisations' are checked by X.
        var verified_type: String?
        var parody: Bool?
    }

    struct Entities: Decodable {
        struct Links: Decodable { var urls: [Link]? }
        struct Link: Decodable {
            var url: String?
            var expanded_url: String?
        }
        var url: Links?
        var description: Links?
    }

    struct Page: Decodable {
        struct Problem: Decodable {
            var value: String?
            var title: String?
            var detail: String?
            var type: String?
        }
        var data: [User]?
        var errors: [Problem]?
    }

    func run(_ context: SourceContext) async -> [Profile] {
        var found: [Profile] = []
        for start in stride(from: 0, to: squats.count, by: 100) {
            let names = squats[start..<min(start + 100, squats.count)].joined(separator: ",")
            let url = "\(baseURL)/2/users/by?usernames=\(names.queryEncoded)&user.fields=\(Self.fields)"
            do {
                // Partial answers are 200: the names not found are in `errors`, not failures.
                let page = try await context.json(Page.self, from: url, headers: ["Authorization": "Bearer \(token)"],
                                                  cacheNamespace: nil, api: api)
                found += (page.data ?? []).map(Self.profile)
            } catch {
                context.fail(error)
            }
        }
        return found
    }

    /// The bio as the profile shows it: each t.co link read as the address it stands for, wherever it stands
    /// ("…\nhttps://t.co/AbC1.", "(https://t.co/AbC1)"), in one pass (an answer's addresses are never read
    /// again for links), then the website.
    static func bio(of user: User) -> String {
        var expanded: [Substring: String] = [:]
        for link in user.entities?.description?.urls ?? [] {
            guard let short = link.url, short.hasPrefix(tco), let long = link.expanded_url, !long.isEmpty,
                long.utf8.count <= maxLink
            else { continue }
            expanded[Substring(short)] = long
        }
        var bio = "", rest = Substring(user.description ?? "")
        while let found = rest.range(of: tco) {
            bio += rest[..<found.lowerBound]
            // A short link's code is letters and digits: what follows it is the bio's again.
            let end = rest[found.upperBound...].firstIndex { !($0.isASCII && ($0.isLetter || $0.isNumber)) } ?? rest.endIndex
            let short = rest[found.lowerBound..<end]
            bio += expanded[short] ?? String(short)
            rest = rest[end...]
        }
        bio += rest
        let site = [user.entities?.url?.urls?.first?.expanded_url, user.url].compactMap { $0 }.first { !$0.isEmpty && $0.utf8.count <= maxLink }
        if let site { bio += (bio.isEmpty ? "" : " ") + site }
        return bio
    }

    /// How X's short links begin.
    static let tco = "https://t.co/"

    /// The longest address read into a bio: X's own limit on a URL is far below it.
    static let maxLink = 2048

    static func profile(_ user: User) -> Profile {
        // The 48-pixel "_normal" picture is too small to compare with a logo; "_400x400" is the same image.
        let avatar = user.profile_image_url.map { $0.replacingOccurrences(of: "_normal.", with: "_400x400.") }
        return Profile(
            platform: .x, id: user.id, handle: user.username, displayName: user.name ?? "", bio: bio(of: user),
            url: CleanURL.profileURL("https://x.com/\(user.username)"), avatar: avatar, createdAt: user.created_at,
            followers: user.public_metrics?.followers_count,
            verifiedAs: user.verified_type.flatMap(VerifiedOrganisation.init(rawValue:)), parody: user.parody)
    }
}
