import Foundation
import ImpostorCore

/// Single profile pages, usually links residents sent: read through their OpenGraph and
/// Twitter-card meta tags. The URLs come from strangers, so the address guard applies.
struct LinkSource: ProfileSource {
    let kind = "link"
    let location: String
    let urls: [String]

    init(options: SourceOptions) throws(FetchError) {
        location = options.settings.location
        urls = try options.strings("urls") + options.strings("url")
        if urls.isEmpty { throw FetchError(.configuration, "\(location): the link source needs `urls`") }
    }

    func run(_ context: SourceContext) async -> [Profile] {
        var profiles: [Profile] = []
        for url in urls {
            guard url.lowercased().hasPrefix("https://") || url.lowercased().hasPrefix("http://") else {
                context.fail(FetchError(.scheme, "only http and https links are read", url: url))
                continue
            }
            do throws(FetchError) {
                profiles.append(try await Self.read(url, context: context))
            } catch {
                context.fail(error)
            }
        }
        return profiles
    }

    /// The profile a page's meta tags describe. The address guard applies: the URL came from a stranger.
    static func read(_ url: String, context: SourceContext) async throws(FetchError) -> Profile {
        let request = HTTPRequest(
            url: url, headers: ["Accept": "text/html"], addressGuard: context.session.strangerGuard, maxBodyBytes: 2 << 20)
        let response = try await context.session.get(request, stats: context.stats)
        context.stats.page()
        try SourceContext.requireOK(response, url: url)
        let type = response.header("content-type")?.lowercased() ?? ""
        guard type.contains("html") else {
            throw FetchError(.badResponse, "the link is not a web page (\(type.isEmpty ? "no content type" : type))", url: url)
        }
        return try profile(page: OpenGraph(html: response.text), url: response.effectiveURL, asked: url)
    }

    /// A profile from a page's meta tags; the platform and handle come from the URL. The platform's
    /// own words around the account's (`Boilerplate`) are left out.
    static func profile(page: OpenGraph, url: String, asked: String) throws(FetchError) -> Profile {
        // The page's word for its own address is a stranger's: one that is no clean http(s) address
        // (javascript:, a password, a token) gives way to the address read.
        let claimed = CleanURL.profileURL(page["og:url"])
        let canonical = claimed.isEmpty ? CleanURL.profileURL(url.isEmpty ? asked : url) : claimed
        let (platform, pathHandle) = identify(canonical)
        let boilerplate = Boilerplate.known[platform]
        let title = page["og:title", "twitter:title"] ?? page.title ?? ""
        let name = boilerplate?.name(in: title) ?? title
        var handle = pathHandle
        // "twitter:site" is the site's own account ("@X"), not the page's: only the creator, and only where
        // the address names no account.
        if platform == .x, handle.isEmpty, let creator = page["twitter:creator"] {
            handle = creator.hasPrefix("@") ? String(creator.dropFirst()) : creator
        }
        if handle.isEmpty && name.isEmpty {
            throw FetchError(.badResponse, "the page names no account (no og:title, twitter:title or title)", url: asked)
        }
        let bio = ["og:description", "twitter:description", "description"].lazy.compactMap { page[$0] }
            .first { boilerplate?.isOwnDescription($0) != true }
        return Profile(
            platform: platform, id: canonical, handle: handle, displayName: name, bio: bio ?? "", url: canonical,
            avatar: page["og:image", "og:image:url", "twitter:image", "twitter:image:src"])
    }

    /// What a platform writes into its profile pages' tags around the account's own words.
    struct Boilerplate: Sendable {
        /// Follows "Name (@handle)" in the title.
        var titleSuffix: String
        /// Marks a description the platform wrote (counts and a stock phrase), not the account's bio.
        var descriptionMarker: String

        /// Only Instagram's is confirmed: og:title "Name (@handle) • Instagram photos and videos",
        /// og:description "22 Followers, 9 Following, 1 Posts - See Instagram photos and videos from Name (@handle)".
        static let known: [Platform: Boilerplate] = [
            .instagram: Boilerplate(
                titleSuffix: " \u{2022} Instagram photos and videos", descriptionMarker: "See Instagram photos and videos from")
        ]

        /// The name in a title the platform framed; any other title as it is.
        func name(in title: String) -> String {
            guard title.hasSuffix(titleSuffix) else { return title }
            var words = title.dropLast(titleSuffix.count)
            // "(@handle)" after the name repeats the handle.
            if let open = words.range(of: " (@", options: .backwards), words.hasSuffix(")") { words = words[..<open.lowerBound] }
            return String(words).trimmingSpaces()
        }

        /// "… Posts - See Instagram photos and videos from Name (@handle)": the marker after the counts and
        /// the name to the end, not an account's own bio that quotes the phrase.
        func isOwnDescription(_ text: String) -> Bool {
            text.contains(" - " + descriptionMarker + " ") && text.hasSuffix(")")
        }
    }

    /// The platform a profile URL belongs to and the handle its path names.
    static func identify(_ url: String) -> (Platform, String) {
        let host = CurlTransfer.host(of: url).split(separator: ":").first.map(String.init) ?? ""
        var path = Substring(url)
        if let r = path.range(of: "://") { path = path[r.upperBound...] }
        path = path.drop { $0 != "/" }
        if let q = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<q] }
        let parts = path.split(separator: "/").map(String.init)
        let bare = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host.hasPrefix("m.") ? String(host.dropFirst(2)) : host
        func first(after marker: String? = nil) -> String {
            if let marker, let i = parts.firstIndex(of: marker), i + 1 < parts.count { return parts[i + 1] }
            return marker == nil ? (parts.first ?? "") : ""
        }
        switch bare {
        case "bsky.app": return (.bluesky, first(after: "profile"))
        case "x.com", "twitter.com": return (.x, first())
        // A page without a username is at profile.php?id=, /people/Name/id or /p/Name-id: its id is its handle.
        case "facebook.com": return (.facebook, ProfileAddress(url: url)?.handle ?? first())
        case "instagram.com": return (.instagram, first())
        case "threads.net", "threads.com": return (.threads, first())
        case "youtube.com": return (.youtube, parts.first == "channel" ? first(after: "channel") : first())
        case "tiktok.com": return (.tiktok, first())
        case "linkedin.com": return (.linkedin, parts.count > 1 ? parts[1] : first())
        case "nextdoor.com": return (.nextdoor, parts.last ?? "")
        default:
            // Mastodon and other fediverse servers put profiles at /@name.
            if let at = parts.first(where: { $0.hasPrefix("@") }) { return (.mastodon, "\(at.dropFirst())@\(bare)") }
            return (Platform(rawValue: bare), first())
        }
    }
}
