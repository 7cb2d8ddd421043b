import ImpostorCore

/// Downloads profile pictures into the cache, with the guards URLs from strangers need: http and
/// https only, no private addresses (checked at every redirect hop, also behind a proxy), a size limit
/// and an image content type. Cached by URL and revalidated with `ETag` / `Last-Modified`.
public struct AvatarStore: Sendable {
    public let session: FetchSession
    public let maxBytes: Int

    /// The image types impostor decodes, with the file extension each is stored under.
    static let types = ["image/jpeg": "jpg", "image/jpg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp"]

    public init(session: FetchSession, maxBytes: Int = 5 << 20) {
        self.session = session
        self.maxBytes = maxBytes
    }

    /// Downloads (or revalidates) `url` and returns the local file's path.
    public func download(_ url: String, stats: SourceStats) async throws(FetchError) -> String {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
            throw FetchError(.scheme, "only http and https avatars are downloaded", url: url)
        }
        guard let cache = session.cache else {
            throw FetchError(.configuration, "avatars need a cache folder")
        }
        let request = HTTPRequest(
            url: url, headers: ["Accept": "image/jpeg, image/png, image/webp, image/gif"],
            addressGuard: session.strangerGuard, maxBodyBytes: maxBytes)
        let cached = cache.lookup(url, namespace: "avatars")
        let response = try await session.get(request, stats: stats, cacheNamespace: "avatars", store: false)
        try SourceContext.requireOK(response, url: url)
        if response.fromCache, let cached { return cached.path }
        let type = (response.header("content-type") ?? "").split(separator: ";").first.map {
            String($0).trimmingSpaces().lowercased()
        } ?? ""
        guard let ext = Self.types[type] else {
            throw FetchError(.badResponse, "the avatar is not a JPEG, PNG, GIF or WebP image (\(type.isEmpty ? "no content type" : type))", url: url)
        }
        guard ImageFormat(sniffing: response.body) != nil else {
            throw FetchError(.badResponse, "the avatar's bytes are not an image of a known kind", url: url)
        }
        return try cache.store(url, namespace: "avatars", response: response, fileExtension: ext)
    }
}
