import Foundation
import ImpostorCore

extension Fetcher {
    /// One link a resident sent: the profile its page shows publicly, with its avatar downloaded. The
    /// address guard applies, since the link came from a stranger.
    public func read(link url: String) async throws(FetchError) -> Profile {
        guard URLParts.isWebAddress(url) else {
            throw FetchError(.scheme, "only http and https links are read", url: url)
        }
        let stats = SourceStats()
        let context = SourceContext(session: session, stats: stats)
        let profile = try await LinkSource.read(url, context: context)
        return await downloadAvatars([profile], stats: stats).0.first ?? profile
    }
}

extension Fetcher {
    /// The profiles with their avatars downloaded into the cache (`avatarFile` set where it worked).
    public func withAvatars(_ profiles: [Profile]) async -> [Profile] {
        await downloadAvatars(profiles, stats: SourceStats()).0
    }
}
