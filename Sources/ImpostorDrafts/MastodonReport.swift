import Foundation

/// The body of Mastodon's `POST /api/v1/reports`, sent to the council's own server with its token.
///
/// Fields as Mastodon's API documentation names them: `account_id` (required: the account's id on
/// the council's server, found with an authenticated `/api/v2/search?resolve=true`), `comment`
/// (1,000 characters by default), `category` (`spam`, `legal`, `violation` or `other`; it becomes
/// `violation` when `rule_ids` are given), `rule_ids`, `status_ids`, and `forward` (send a copy to
/// a remote account's own server).
public struct MastodonReport: Sendable, Hashable, Encodable {
    public enum Category: String, Sendable, Hashable, Encodable {
        case spam, legal, violation, other
    }

    public var accountID: String
    public var comment: String
    public var category: Category
    /// The server's rules the account breaks (from `GET /api/v1/instance/rules`).
    public var ruleIDs: [Int]
    public var statusIDs: [String]
    public var forward: Bool

    public init(accountID: String, comment: String, category: Category = .other, ruleIDs: [Int] = [],
                statusIDs: [String] = [], forward: Bool = true) {
        self.accountID = accountID
        self.comment = comment
        // Mastodon rejects rule ids on any other category, and turns a report with rule ids into a violation.
        self.category = ruleIDs.isEmpty ? category : .violation
        self.ruleIDs = ruleIDs
        self.statusIDs = statusIDs
        self.forward = forward
    }

    enum CodingKeys: String, CodingKey {
        case accountID = "account_id", comment, category, ruleIDs = "rule_ids", statusIDs = "status_ids", forward
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(accountID, forKey: .accountID)
        try c.encode(comment, forKey: .comment)
        try c.encode(category, forKey: .category)
        if !ruleIDs.isEmpty { try c.encode(ruleIDs, forKey: .ruleIDs) }
        if !statusIDs.isEmpty { try c.encode(statusIDs, forKey: .statusIDs) }
        try c.encode(forward, forKey: .forward)
    }

    /// The JSON request body (`Content-Type: application/json`), keys sorted.
    public func jsonBody() -> Data { ReportJSON.encode(self) }
}

/// JSON for report bodies: sorted keys so a body can be recorded and compared, slashes unescaped.
enum ReportJSON {
    static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings, numbers, booleans and arrays of them always encode.
        return (try? encoder.encode(value)) ?? Data()
    }
}
