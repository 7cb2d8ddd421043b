import Foundation

/// An API a source calls with the council's credential, and how it says that credential (or its
/// quota) will not do. Each answer is read in the shape the platform documents; the reason shown is
/// the platform's own code, with what the clerk's IT person can do about it.
enum PlatformAPI: Sendable {
    /// YouTube Data API v3; `keyFile` as written in impostor.toml.
    case youtube(keyFile: String)
    /// A Mastodon server; `tokenFile` nil when the source has no token.
    case mastodon(server: String, tokenFile: String?)
    /// Brave Search API.
    case brave(keyFile: String)
    /// X API v2 with an app bearer token.
    case x(tokenFile: String)
    /// Meta's Graph API (Instagram Business Discovery, Facebook Pages search).
    case graph(tokenFile: String)

    /// The refusal `response` tells of, or nil when it is some other failure (a bad query, a server
    /// fault) that the next request may not share.
    func refusal(_ response: HTTPResponse, url: String) -> FetchError? {
        let body = (try? JSONSerialization.jsonObject(with: Data(response.body.prefix(16_384)))) as? [String: Any] ?? [:]
        let status = response.status
        func refused(_ text: String) -> FetchError { FetchError(.refused, text, url: url) }
        switch self {
        case .youtube(let file):
            // {"error": {"code", "message", "errors": [{"reason", "domain"}], "details": [{"reason"}]}}
            let error = body["error"] as? [String: Any] ?? [:]
            let reasons = ((error["errors"] as? [[String: Any]]) ?? []).compactMap { $0["reason"] as? String }
                + ((error["details"] as? [[String: Any]]) ?? []).compactMap { $0["reason"] as? String }
            let reason = reasons.first { $0 != "badRequest" } ?? reasons.first ?? "HTTP \(status)"
            if reasons.contains(where: { ["quotaExceeded", "dailyLimitExceeded"].contains($0) }) {
                return refused("YouTube's daily quota for the key in \(file) is spent (\(reason)): the watch goes on after midnight Pacific time (08:00 UK); if this happens every day, lower max_pages or ask Google for more quota")
            }
            if reasons.contains(where: { ["keyInvalid", "API_KEY_INVALID", "keyExpired"].contains($0) })
                || (status == 400 && (error["message"] as? String)?.contains("API key") == true)
            {
                return refused("the YouTube key in \(file) was refused (\(reason)): make a new key in the Google Cloud console (APIs & Services, Credentials) and put it in the file")
            }
            if status == 403, reasons.contains(where: { ["accessNotConfigured", "forbidden", "SERVICE_DISABLED", "ipRefererBlocked"].contains($0) }) {
                return refused("YouTube refused the key in \(file) (\(reason)): enable the YouTube Data API v3 for the key's project, and allow this server in the key's restrictions, in the Google Cloud console")
            }
            return nil
        case .mastodon(let server, let tokenFile):
            // {"error": "The access token is invalid"}
            guard status == 401 || status == 403 else { return nil }
            let said = (body["error"] as? String).map { String($0.prefix(200)) } ?? "HTTP \(status)"
            if let tokenFile {
                return refused("\(server) refused the token in \(tokenFile) (\(said)): make a new access token with the read scope (Preferences, Development) and put it in the file")
            }
            return refused("\(server) answers this only to a signed-in app (\(said)): add token_file with an access token, or leave the source to the first page of each search")
        case .brave(let file):
            // {"type": "ErrorResponse", "error": {"code", "detail", "status"}}; some answers carry "errors": [...]
            guard [401, 402, 403, 404, 422].contains(status) else { return nil }
            let error = (body["error"] as? [String: Any]) ?? ((body["errors"] as? [[String: Any]])?.first) ?? [:]
            let code = (error["code"] as? String) ?? "HTTP \(status)"
            // 422 is also a query Brave cannot take: only the token's own code stops the source.
            if status == 422, !code.hasPrefix("SUBSCRIPTION") { return nil }
            let detail = (error["detail"] as? String).map { ": \($0.prefix(200))" } ?? ""
            return refused("Brave Search refused the key in \(file) (\(code)\(detail)): check the subscription and its key at api-dashboard.search.brave.com")
        case .x(let file):
            // {"title", "detail", "type", "status"}: problem+json.
            guard [401, 402, 403, 429].contains(status) else { return nil }
            let title = (body["title"] as? String) ?? "HTTP \(status)"
            if status == 429 {
                guard (body["type"] as? String)?.hasSuffix("/usage-capped") == true else { return nil }
                let detail = (body["detail"] as? String).map { String($0.prefix(200)) } ?? title
                return refused("X's usage cap is reached (\(detail)): the source stops until the cap resets; check the app's plan in the developer portal")
            }
            let type = (body["type"] as? String).map { " " + ($0.split(separator: "/").last.map(String.init) ?? $0) } ?? ""
            if status == 401 {
                return refused("X refused the bearer token in \(file) (\(title)): make a new one for the app in the developer portal and put it in the file")
            }
            return refused("X refused the app (\(title)\(type)): check its access and its credit balance in the developer portal")
        case .graph(let file):
            // {"error": {"message", "type", "code", "error_subcode"}}
            let error = body["error"] as? [String: Any] ?? [:]
            guard let code = (error["code"] as? Int) ?? (error["code"] as? String).flatMap({ Int($0) }) else { return nil }
            let message = (error["message"] as? String).map { String($0.prefix(200)) } ?? ""
            switch code {
            case 190, 102:
                return refused("Meta refused the token in \(file) (code \(code): \(message)): it has expired or was revoked; make a new one and put it in the file")
            // App, user, page and custom limits; then the Business Use Case throttles (80002 is Instagram's).
            case 4, 17, 32, 613, 80001...80014:
                return refused("Meta's rate limit is reached (code \(code): \(message)): the source stops for this scan and tries again at the next")
            case 10, 200...299:
                return refused("Meta refused the app permission it needs (code \(code): \(message)): check the app's review and features in the Meta developer dashboard")
            default:
                return nil
            }
        }
    }
}
