/// A report body that cannot be built from the case, with what to do about it.
public struct DraftError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// The case's account is on another platform than the API it was asked for.
        case wrongPlatform = "wrong_platform"
        /// A Bluesky report needs the account's DID, and the case has none.
        case missingDID = "missing_did"
        /// A Mastodon report needs the account's id on the council's server.
        case missingAccountID = "missing_account_id"
        /// The comment does not fit the API's limit even at its shortest.
        case tooLong = "too_long"
    }

    public var code: Code
    public var reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { reason }
}
