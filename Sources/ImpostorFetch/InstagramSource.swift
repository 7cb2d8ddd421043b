import Foundation
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
        guard account.allSatisfy({ ("0"..."9").contains($0) }) else {
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
            let url = "\(baseURL)/\(version)/\(accountID)?fields=\(fields.queryEncoded)"
            do throws(FetchError) {
                let request = HTTPRequest(url: url + "&access_token=\(token.queryEncoded)")
                let response = try await context.answer(request, shown: url, api: api)
                if Self.notDiscoverable(response) { continue }
                try SourceContext.requireOK(response, url: url)
                let answer = try SourceContext.decode(Answer.self, response, url: url)
                if let user = answer.business_discovery { found.append(Self.profile(user)) }
            } catch {
                context.fail(error)
                if context.stoppedBy != nil { break }
            }
        }
        return found
    }

    /// Meta's "cannot find user" answer (code 110, subcode 2207013), for a missing and for a
    /// personal account alike; code 110 with another subcode, or code 100 saying the user "cannot be
    /// found" or with subcode 2207006, as others have recorded it. Any other 400 (a wrong account_id, an expired
    /// api_version) is a failure.
    static func notDiscoverable(_ response: HTTPResponse) -> Bool {
        guard response.status == 400,
              let body = try? JSONSerialization.jsonObject(with: Data(response.body.prefix(16_384))) as? [String: Any],
              let error = body["error"] as? [String: Any]
        else { return false }
        let message = [error["message"], error["error_user_msg"]].compactMap { $0 as? String }.joined(separator: " ").lowercased()
        let code = error["code"] as? Int
        return code == 110 || code == 100 && (message.contains("cannot be found") || error["error_subcode"] as? Int == 2_207_006)
    }

    static func profile(_ user: Answer.Found) -> Profile {
        var bio = user.biography ?? ""
        if let site = user.website, !site.isEmpty { bio += (bio.isEmpty ? "" : " ") + site }
        return Profile(
            platform: .instagram, id: user.id, handle: user.username, displayName: user.name ?? "", bio: bio,
            url: CleanURL.profileURL("https://www.instagram.com/\(user.username)/"), avatar: user.profile_picture_url,
            followers: user.followers_count)
    }
}
