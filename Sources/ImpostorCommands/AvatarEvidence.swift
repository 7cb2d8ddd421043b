import Foundation
import ImpostorCore
import ImpostorImaging

/// Matches profiles' avatars against the watchlist's logos for `score` (and later `scan`).
struct AvatarEvidence: Sendable {
    let index: LogoIndex
    /// Avatar paths in a listing are relative to the listing's folder.
    let baseDirectory: String

    /// Enrolls every logo of the watchlist, through the logo cache; a logo that cannot be
    /// decoded is an error the clerk must fix.
    init(watchlist: Watchlist, baseDirectory: String, cache: LogoCache = LogoCache()) throws(ImageError) {
        var index = LogoIndex()
        for identity in watchlist.identities {
            for path in identity.logos {
                let entry = try cache.forms(forLogoAt: path)
                index.add(identity: identity.id, logo: (path as NSString).lastPathComponent, forms: entry.forms)
            }
        }
        self.index = index
        self.baseDirectory = baseDirectory
    }

    /// The logos the profile's avatar copies, nearest first; nothing when there is no readable local avatar.
    ///
    /// URLs are left to `fetch`, which downloads avatars through its guarded client and writes local paths.
    func matches(for profile: Profile) -> (matches: [LogoMatch], problem: String?) {
        guard !index.references.isEmpty, let avatar = profile.avatar, !avatar.isEmpty else { return ([], nil) }
        if avatar.hasPrefix("http://") || avatar.hasPrefix("https://") { return ([], nil) }
        let path = avatar.hasPrefix("/") ? avatar : (baseDirectory as NSString).appendingPathComponent(avatar)
        do {
            return (index.matches(avatar: try AvatarHashes(contentsOf: path)), nil)
        } catch {
            return ([], "avatar \(avatar): \(error.reason)")
        }
    }
}
