import Foundation
import ImpostorCore

/// Sends a report through the council's own Mastodon account: `POST /api/v1/reports` on its server,
/// with the account's token. The suspect is named by its id on that server, which differs from its
/// id on its home server, so it is resolved first with an authenticated search.
public struct MastodonReporter: Sendable {
    /// The council's server, e.g. "https://mastodon.social".
    public let server: String
    /// The council account's domain: accounts on it appear in search without "@domain".
    let localDomain: String
    let token: String
    let client: any HTTPClient

    /// `account` is the council's ("@oakbridge@mastodon.social"); `server` overrides its domain when
    /// the server's web address differs; the token comes from `tokenFile`.
    public init(account: String, server: String?, tokenFile: String, client: any HTTPClient) throws(FetchError) {
        let parts = account.trimmingSpaces().split(separator: "@", omittingEmptySubsequences: true)
        guard parts.count == 2 else {
            throw FetchError(.configuration, "the council's Mastodon account \"\(account)\" must look like @name@server.example")
        }
        localDomain = parts[1].lowercased()
        self.server = try ReportEndpoint.base(server ?? "https://\(localDomain)", what: "the Mastodon server")
        token = try SecretFile.read(tokenFile, what: "the Mastodon token")
        self.client = client
    }

    struct Account: Decodable {
        var id: String
        var acct: String
        var uri: String?
    }

    /// The suspect's id on the council's server. `handle` is "name@their.server"; `uri`, the
    /// account's ActivityPub address when known, settles which of several results it is.
    public func accountID(handle: String, uri: String?) async throws(FetchError) -> String {
        let wanted = canonical(handle)
        let url = "\(server)/api/v2/search?q=\(("@" + wanted).queryEncoded)&type=accounts&resolve=true&limit=10"
        let response = try await client.send(HTTPRequest(url: url, headers: authorization))
        try check(response, doing: "search for @\(wanted)", url: url)
        struct Results: Decodable { var accounts: [Account] }
        guard let results = try? JSONDecoder().decode(Results.self, from: Data(response.body)) else {
            throw FetchError(.badResponse, "\(server) answered the account search with something other than Mastodon's JSON", url: url)
        }
        let match = results.accounts.first { uri != nil && $0.uri == uri }
            ?? results.accounts.first { canonical($0.acct) == wanted }
        guard let match, !match.id.isEmpty else {
            throw FetchError(.status, "\(server) cannot find @\(wanted): the account may already be gone, or its server may not answer", url: url)
        }
        return match.id
    }

    /// Posts the report (the JSON body from the drafting stage). A refusal is a receipt, not an
    /// error, so the attempt is recorded; only a failure to reach the server throws.
    public func submit(_ body: [UInt8]) async throws(FetchError) -> ReportReceipt {
        let endpoint = "\(server)/api/v1/reports"
        let response = try await client.send(.post(endpoint, body: body, contentType: "application/json", headers: authorization))
        if response.status == 401 || response.status == 403 { throw refusedToken(endpoint) }
        return ReportReceipt(endpoint: endpoint, request: body, response: response, reportID: ReportEndpoint.field("id", in: response.body))
    }

    private var authorization: [String: String] { ["Authorization": "Bearer \(token)", "Accept": "application/json"] }

    /// "name@server" in lower case; a local account's bare "name" gets the council's domain.
    private func canonical(_ acct: String) -> String {
        let a = acct.trimmingSpaces().lowercased().droppingLeadingAts()
        return a.contains("@") ? a : "\(a)@\(localDomain)"
    }

    private func check(_ response: HTTPResponse, doing what: String, url: String) throws(FetchError) {
        if response.status == 401 || response.status == 403 { throw refusedToken(url) }
        guard response.status == 200 else {
            throw FetchError(.status, "\(server) answered the \(what) with HTTP \(response.status)", url: url)
        }
    }

    private func refusedToken(_ url: String) -> FetchError {
        FetchError(.unauthorized, "\(server) refused the council's token: check the token file, and that the token has the read:search and write:reports scopes", url: url)
    }
}
