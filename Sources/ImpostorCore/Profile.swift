/// One public account as a source lists it: the input of `impostor score`.
public struct Profile: Hashable, Sendable, Codable {
    public var platform: Platform
    /// The source's stable id for the account (a DID, an account URL, a channel id, or a row id).
    public var id: String
    public var handle: String
    public var displayName: String
    public var bio: String
    public var url: String
    /// The account's picture as the source gave it: a URL, or a path relative to a local listing.
    public var avatar: String?
    /// The picture as a file impostor may open: downloaded into the cache, or resolved inside a local
    /// listing's folder. Never read from a listing or an answer, so a feed cannot name a local file.
    public var avatarFile: String?
    public var createdAt: String?
    public var followers: Int?
    /// The organisation the platform has verified the account as (X's `verified_type`), where its answer says.
    public var verifiedAs: VerifiedOrganisation?
    /// The platform labels the account a parody (X's `parody`), where its answer says.
    public var parody: Bool?

    public init(
        platform: Platform, id: String, handle: String, displayName: String = "", bio: String = "",
        url: String = "", avatar: String? = nil, createdAt: String? = nil, followers: Int? = nil,
        verifiedAs: VerifiedOrganisation? = nil, parody: Bool? = nil
    ) {
        self.platform = platform
        self.id = id
        self.handle = handle
        self.displayName = displayName
        self.bio = bio
        self.url = url
        self.avatar = avatar
        self.createdAt = createdAt
        self.followers = followers
        self.verifiedAs = verifiedAs
        self.parody = parody
    }

    enum CodingKeys: String, CodingKey {
        case platform, id, handle, bio, url, avatar, followers
        case displayName = "display_name"
        case createdAt = "created_at"
        case verifiedAs = "verified_type"
        case parody
    }
}

/// An organisation a platform has checked an account belongs to: X's grey tick (`government`) or gold one
/// (`business`). Its blue tick is bought, verifies no one, and is not kept.
public enum VerifiedOrganisation: String, Hashable, Sendable, Codable {
    case government, business
}
