import Foundation
import ImpostorCore
import ImpostorImaging
import Synchronization

/// Matches profiles' avatars against the watchlist's logos for `score` (and later `scan`).
struct AvatarEvidence: Sendable {
    let index: LogoIndex
    /// The folder of the listing being scored: relative avatar paths are read there. None for
    /// standard input, which may be anything piped in.
    let baseDirectory: String?
    /// Folders an absolute avatar path may lie in: fetch's avatar cache and the folders of the
    /// watchlist's local listings, the only files `impostor fetch` writes paths to.
    let allowedFolders: [String]
    /// Pictures already judged in this run, by path: a listing may name one picture on every line, and a
    /// hostile one a picture that takes a third of a second to decode.
    private let judged = Judged()

    private final class Judged: Sendable {
        /// Enough for a scan's distinct avatars; beyond it pictures are judged afresh, never held without end.
        static let limit = 20_000
        /// The matches, or why the picture could not be read.
        let byPath = Mutex<[String: Result<[LogoMatch], ImageError>]>([:])
    }

    init(watchlist: Watchlist, baseDirectory: String?, cacheDirectory: String, cache: LogoCache = LogoCache())
        throws(ImageError)
    {
        self.index = try Self.logos(of: watchlist, cache: cache)
        self.baseDirectory = baseDirectory
        let listings = watchlist.settings.sources.filter { $0.kind == "listing" }.flatMap { source -> [String] in
            let value = source.options["path"]
            return (value?.strings ?? value?.string.map { [$0] } ?? []).map { path in
                let full = path.hasPrefix("/") ? path : watchlist.directory + "/" + path
                return (full as NSString).deletingLastPathComponent
            }
        }
        self.allowedFolders = [cacheDirectory] + listings
    }

    /// Enrolls every logo of the watchlist, through the logo cache; a logo that cannot be
    /// decoded is an error the clerk must fix.
    static func logos(of watchlist: Watchlist, cache: LogoCache = LogoCache()) throws(ImageError) -> LogoIndex {
        var index = LogoIndex()
        for identity in watchlist.identities {
            for path in identity.logos {
                let entry = try cache.forms(forLogoAt: path)
                index.add(identity: identity.id, logo: (path as NSString).lastPathComponent, forms: entry.forms)
            }
        }
        return index
    }

    /// The logos the profile's avatar copies, nearest first; nothing when there is no readable local avatar.
    ///
    /// URLs are left to `fetch`, which downloads avatars through its guarded client and writes the
    /// cached files' paths. A path is read only inside the listing's folder or that cache.
    func matches(for profile: Profile) -> (matches: [LogoMatch], problem: String?) {
        guard !index.references.isEmpty, let avatar = profile.avatar, !avatar.isEmpty else { return ([], nil) }
        if avatar.hasPrefix("http://") || avatar.hasPrefix("https://") { return ([], nil) }
        do {
            let path: String
            if let baseDirectory {
                path = try RegularFile.resolve(avatar, inside: baseDirectory, alsoInside: allowedFolders)
            } else if avatar.hasPrefix("/"), let first = allowedFolders.first {
                path = try RegularFile.resolve(avatar, inside: first, alsoInside: Array(allowedFolders.dropFirst()))
            } else {
                return ([], "avatar \(avatar): a picture named relative to standard input has no folder; give the listing as a file")
            }
            let known = judged.byPath.withLock { $0[path] }
            let found = known ?? Result { () throws(ImageError) in index.matches(avatar: try AvatarHashes(contentsOf: path)) }
            if known == nil { judged.byPath.withLock { if $0.count < Judged.limit { $0[path] = found } } }
            return (try found.get(), nil)
        } catch let error as RegularFile.Problem {
            return ([], "avatar: \(error.description)")
        } catch let error as ImageError {
            return ([], "avatar \(avatar): \(error.reason)")
        } catch {
            return ([], "avatar \(avatar): \(error)")
        }
    }
}
