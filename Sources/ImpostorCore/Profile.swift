/// One public account as a source lists it: the input of `impostor score`.
public struct Profile: Hashable, Sendable, Codable {
    public var platform: Platform
    /// The source's stable id for the account (a DID, an account URL, a channel id, or a row id).
    public var id: String
    public var handle: String
    public var displayName: String
    public var bio: String
    public var url: String
    /// A path (relative to the listing it came from) or a URL of the account's picture.
    public var avatar: String?
    public var createdAt: String?
    public var followers: Int?

    public init(
        platform: Platform, id: String, handle: String, displayName: String = "", bio: String = "",
        url: String = "", avatar: String? = nil, createdAt: String? = nil, followers: Int? = nil
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
    }

    enum CodingKeys: String, CodingKey {
        case platform, id, handle, bio, url, avatar, followers
        case displayName = "display_name"
        case createdAt = "created_at"
    }
}
