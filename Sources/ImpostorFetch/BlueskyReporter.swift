import Foundation
import ImpostorCore

/// Sends a report through the council's own Bluesky account: a session from an app password, then
/// `com.atproto.moderation.createReport`, which the account's PDS passes to the moderation service
/// named in the `atproto-proxy` header.
public struct BlueskyReporter: Sendable {
    /// Bluesky's own moderation service, which handles reports from every Bluesky-hosted account.
    public static let blueskyModeration = "did:plc:ar7c4by46qjdydhdevvrndac#atproto_labeler"

    public let service: String
    let identifier: String
    let appPassword: String
    let moderationService: String
    let client: any HTTPClient

    /// `account` is the council's handle or DID; the app password comes from `appPasswordFile`.
    public init(account: String, service: String?, moderationService: String?, appPasswordFile: String, client: any HTTPClient)
        throws(FetchError)
    {
        let id = account.trimmingSpaces().droppingLeadingAts()
        guard !id.isEmpty, !id.contains(" ") else {
            throw FetchError(.configuration, "the council's Bluesky account \"\(account)\" must be a handle (council.gov.uk) or a DID")
        }
        identifier = id
        self.service = try ReportEndpoint.base(service ?? "https://bsky.social", what: "the Bluesky service")
        self.moderationService = moderationService ?? Self.blueskyModeration
        appPassword = try SecretFile.read(appPasswordFile, what: "the Bluesky app password")
        self.client = client
    }

    /// Signs in, then posts the report (the JSON body from the drafting stage). A refused report is a
    /// receipt, so the attempt is recorded; failing to sign in or to reach the server throws.
    public func submit(_ body: [UInt8]) async throws(FetchError) -> ReportReceipt {
        let jwt = try await accessToken()
        let endpoint = "\(service)/xrpc/com.atproto.moderation.createReport"
        let headers = ["Authorization": "Bearer \(jwt)", "atproto-proxy": moderationService, "Accept": "application/json"]
        let response = try await client.send(.post(endpoint, body: body, contentType: "application/json", headers: headers))
        return ReportReceipt(endpoint: endpoint, request: body, response: response, reportID: ReportEndpoint.field("id", in: response.body))
    }

    /// A short-lived access token from `com.atproto.server.createSession`. Neither the password nor
    /// the token is ever logged or recorded.
    private func accessToken() async throws(FetchError) -> String {
        let url = "\(service)/xrpc/com.atproto.server.createSession"
        let credentials = (try? JSONSerialization.data(withJSONObject: ["identifier": identifier, "password": appPassword])) ?? Data()
        let response = try await client.send(.post(url, body: [UInt8](credentials), contentType: "application/json"))
        switch response.status {
        case 200:
            guard let jwt = ReportEndpoint.field("accessJwt", in: response.body), !jwt.isEmpty else {
                throw FetchError(.badResponse, "\(service) signed in but sent no access token", url: url)
            }
            Redaction.register(jwt)
            return jwt
        case 400, 401, 403:
            let said = ReportEndpoint.field("message", in: response.body).map { " (\($0.prefix(200)))" } ?? ""
            throw FetchError(.unauthorized, "\(service) refused the app password for \(identifier)\(said): make a new app password in Bluesky's settings and put it in the file", url: url)
        default:
            throw FetchError(.status, "\(service) answered the sign-in with HTTP \(response.status)", url: url)
        }
    }
}
