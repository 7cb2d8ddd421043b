/// The address of one account's profile or page on a platform, read from a URL: a search result, a
/// link a resident sent. Addresses of posts, groups, searches, help and login pages are not
/// profiles, and read as nil.
public struct ProfileAddress: Hashable, Sendable {
    public var platform: Platform
    /// As the platform writes it in the address, without "@" (Facebook's numeric id for profile.php).
    public var handle: String
    /// A clean address for the profile: https, the platform's main host, no query.
    public var url: String

    public init(platform: Platform, handle: String, url: String) {
        self.platform = platform
        self.handle = handle
        self.url = url
    }

    /// Path words that are a platform's own pages, never an account's name.
    static let reserved: [Platform: Set<String>] = [
        .facebook: ["groups", "events", "watch", "photo", "photo.php", "photos", "posts", "story.php", "permalink.php",
                    "search", "help", "login", "login.php", "share", "sharer", "sharer.php", "marketplace", "gaming",
                    "hashtag", "reel", "reels", "stories", "videos", "video.php", "notes", "media", "business", "ads",
                    "policies", "privacy", "settings", "home.php", "l.php", "fundraisers", "donate", "messages",
                    "friends", "bookmarks", "pages", "people", "public", "places", "legal", "terms", "dialog", "plugins"],
        .instagram: ["p", "reel", "reels", "explore", "stories", "accounts", "tv", "direct", "about", "legal",
                     "developer", "web", "challenge", "privacy", "terms"],
        .x: ["i", "search", "hashtag", "home", "explore", "settings", "intent", "share", "messages", "notifications",
             "login", "signup", "tos", "privacy", "compose", "help", "en", "account", "logout", "jobs"],
        .threads: ["search", "login", "t", "intent", "legal", "settings"],
        .tiktok: ["discover", "tag", "music", "search", "login", "legal", "foryou", "explore", "live", "embed"],
        .youtube: ["watch", "results", "feed", "shorts", "playlist", "embed", "live", "hashtag", "redirect", "about",
                   "t", "premium", "kids", "signin", "account"],
    ]

    /// What follows a name in the path and still shows the profile ("/about"); anything else is a
    /// post, a photo or another page of the account, not the account.
    static let profileTabs: Set<String> = [
        "about", "about_contact_and_basic_info", "community", "reviews", "featured", "videos", "with_replies",
        "media", "streams", "shorts", "playlists", "home", "posts_to_page", "channels",
    ]

    public init?(url text: String) {
        guard let parts = Self.split(text) else { return nil }
        var host = parts.host
        for prefix in ["www.", "m.", "mobile.", "web.", "mbasic.", "touch.", "business.", "uk.", "en-gb."] where host.hasPrefix(prefix) {
            host.removeFirst(prefix.count)
        }
        let path = parts.path
        func name(_ index: Int = 0) -> String? { index < path.count ? path[index] : nil }
        // The name's own words and at most one tab after them ("/about"), nothing deeper.
        func only(_ count: Int) -> Bool {
            path.count <= count || (path.count == count + 1 && Self.profileTabs.contains(path[count].lowercased()))
        }
        switch host {
        case "facebook.com", "fb.com":
            if path.first?.lowercased() == "profile.php" {
                guard let id = parts.query["id"], !id.isEmpty, id.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
                self.init(platform: .facebook, handle: id, url: "https://www.facebook.com/profile.php?id=\(id)")
                return
            }
            // Older page addresses: /pages/Name/12345 and /people/Name/12345.
            if let first = name(), ["pages", "people"].contains(first.lowercased()), let id = name(2), id.allSatisfy({ ("0"..."9").contains($0) }),
               path.count <= 3 || Self.profileTabs.contains(path[3].lowercased())
            {
                self.init(platform: .facebook, handle: id, url: "https://www.facebook.com/\(first)/\(path[1])/\(id)")
                return
            }
            // A page without a chosen name: /p/Oakbridge-Town-Council-100064512345678/; older /pg/Name/.
            if let first = name(), ["p", "pg"].contains(first.lowercased()), let slug = name(1), only(2) {
                let id = first.lowercased() == "p" ? String(slug.split(separator: "-").last ?? "") : slug
                guard first.lowercased() == "pg" || (!id.isEmpty && id.allSatisfy { ("0"..."9").contains($0) }) else { return nil }
                self.init(checked: .facebook, id, "https://www.facebook.com/\(first.lowercased())/", suffix: "")
                if first.lowercased() == "p" { url = "https://www.facebook.com/p/\(slug)/" }
                return
            }
            guard let handle = name(), only(1), !handle.lowercased().hasSuffix(".php") else { return nil }
            self.init(checked: .facebook, handle, "https://www.facebook.com/")
        case "instagram.com":
            guard let handle = name(), only(1) else { return nil }
            self.init(checked: .instagram, handle, "https://www.instagram.com/", suffix: "/")
        case "x.com", "twitter.com":
            guard let handle = name(), only(1) else { return nil }
            self.init(checked: .x, handle, "https://x.com/")
        case "threads.net", "threads.com":
            guard let first = name(), first.hasPrefix("@"), only(1) else { return nil }
            self.init(checked: .threads, String(first.dropFirst()), "https://www.threads.net/@")
        case "tiktok.com":
            guard let first = name(), first.hasPrefix("@"), only(1) else { return nil }
            self.init(checked: .tiktok, String(first.dropFirst()), "https://www.tiktok.com/@")
        case "linkedin.com":
            guard let kind = name(), ["company", "in", "school", "showcase"].contains(kind.lowercased()), let handle = name(1),
                  only(2)
            else { return nil }
            self.init(checked: .linkedin, handle, "https://www.linkedin.com/\(kind.lowercased())/")
            // A person's page (/in/…) or a school's is not the company page of the same name: its kind stays on the handle.
            if kind.lowercased() != "company" { self.handle = kind.lowercased() + "/" + handle }
        case "youtube.com":
            guard let first = name() else { return nil }
            if first.hasPrefix("@"), only(1) {
                self.init(checked: .youtube, String(first.dropFirst()), "https://www.youtube.com/@")
            } else if ["channel", "c", "user"].contains(first.lowercased()), let id = name(1), only(2) {
                self.init(checked: .youtube, id, "https://www.youtube.com/\(first.lowercased())/")
            } else {
                return nil
            }
        case "bsky.app":
            guard name()?.lowercased() == "profile", let handle = name(1), only(2) else { return nil }
            // A DID stands for the handle in some links: did:plc:… or did:web:….
            if handle.hasPrefix("did:"), handle.count <= 100, handle.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ":._-".contains($0)) }) {
                self.init(platform: .bluesky, handle: handle, url: "https://bsky.app/profile/\(handle)")
                return
            }
            self.init(checked: .bluesky, handle, "https://bsky.app/profile/")
        case "nextdoor.co.uk", "nextdoor.com":
            // A public agency's page (a council's): /agency-detail/<nation>/<town>/<name>/. Not a business's /pages/<name>/,
            // whose name anyone may take: read as one handle, the two would be one account.
            guard name()?.lowercased() == "agency-detail", let handle = path.last, (2...4).contains(path.count), path.allSatisfy(Self.plausible)
            else { return nil }
            self.init(checked: .nextdoor, handle, "https://\(host)/" + path.dropLast().joined(separator: "/") + "/", suffix: "/")
        case "medium.com", "substack.com", "behance.net", "dribbble.com", "about.me":
            // Sites that write /@name but are no fediverse server.
            return nil
        default:
            // Mastodon and other fediverse servers put profiles at /@name.
            guard let first = name(), first.hasPrefix("@"), first.count > 1, only(1), !host.isEmpty else { return nil }
            // /@user, or /@user@other.server for an account another server hosts.
            let parts = first.dropFirst().split(separator: "@", omittingEmptySubsequences: false).map(String.init)
            guard parts.count <= 2, let user = parts.first, Self.plausible(user) else { return nil }
            let server = parts.count == 2 ? parts[1].lowercased() : host
            guard !server.isEmpty, server.contains("."), Self.plausible(server) else { return nil }
            self.init(platform: .mastodon, handle: "\(user)@\(server)", url: "https://\(server)/@\(user)")
        }
    }

    /// The account a link names: its profile, or the author of its post ("x.com/OakbridgeTC/status/1" is
    /// @OakbridgeTC's). Residents send posts far more often than profiles.
    public static func account(of link: String) -> ProfileAddress? {
        ProfileAddress(url: link) ?? author(ofPost: link)
    }

    /// The author of a post whose address names them, or nil: a post on X (/name/status/id), on a Facebook page
    /// (/name/posts/…, /name/photos/…, /name/videos/…), on TikTok (/@name/video/id), Threads (/@name/post/id),
    /// Bluesky (/profile/name/post/id) or a fediverse server (/@name/id).
    public static func author(ofPost link: String) -> ProfileAddress? {
        guard let parts = split(link), parts.path.count >= 3 || (parts.path.count == 2 && parts.path[0].hasPrefix("@")) else { return nil }
        var host = parts.host
        for prefix in ["www.", "m.", "mobile.", "web.", "mbasic.", "touch."] where host.hasPrefix(prefix) { host.removeFirst(prefix.count) }
        let path = parts.path, second = path[1].lowercased()
        func profile(_ page: String) -> ProfileAddress? { ProfileAddress(url: "https://\(host)/\(page)") }
        switch host {
        case "x.com", "twitter.com": return second == "status" ? profile(path[0]) : nil
        case "facebook.com", "fb.com": return ["posts", "photos", "videos", "reel"].contains(second) ? profile(path[0]) : nil
        case "tiktok.com": return second == "video" ? profile(path[0]) : nil
        case "threads.net", "threads.com": return second == "post" ? profile(path[0]) : nil
        case "bsky.app": return path.count >= 4 && path[2].lowercased() == "post" && path[0].lowercased() == "profile"
            ? profile("profile/\(path[1])") : nil
        default:
            // A fediverse post is /@name/ and its number.
            return path.count == 2 && path[1].allSatisfy({ ("0"..."9").contains($0) }) ? profile(path[0]) : nil
        }
    }

    /// An account name a platform could have issued: letters, digits, `.`, `_` and `-`, not reserved.
    private init?(checked platform: Platform, _ handle: String, _ prefix: String, suffix: String = "") {
        guard Self.plausible(handle), !(Self.reserved[platform]?.contains(handle.lowercased()) ?? false) else { return nil }
        self.init(platform: platform, handle: handle, url: prefix + handle + suffix)
    }

    static func plausible(_ handle: String) -> Bool {
        !handle.isEmpty && handle.count <= 100
            && handle.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
    }

    /// Scheme, host (lower case, no port or user) and path words of an http(s) URL; query as a table.
    static func split(_ text: String) -> (host: String, path: [String], query: [String: String])? {
        var rest = Substring(text.trimmingSpaces())
        guard let colon = rest.firstIndex(of: ":"), rest[colon...].hasPrefix("://"),
              ["http", "https"].contains(rest[..<colon].lowercased())
        else { return nil }
        rest = rest[rest.index(colon, offsetBy: 3)...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if let colon = authority.lastIndex(of: ":"), !authority.hasPrefix("[") { authority = authority[..<colon] }
        var host = authority.lowercased()
        while host.hasSuffix(".") { host.removeLast() }
        rest = rest[authorityEnd...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var query: [String: String] = [:]
        if let mark = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: mark)...].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1)
                if kv.count == 2 { query[String(kv[0])] = String(kv[1]) }
            }
            rest = rest[..<mark]
        }
        // Read as a browser opens it: "." and ".." segments (escaped too, "%2e%2e") dropped and going up, so that
        // "/x/../OakbridgeTC" is @OakbridgeTC. An escaped slash is no separator: "Evil%2F..%2FOakbridgeTC" is one odd
        // name, not the council's; one at the end is dropped.
        var path: [String] = []
        for segment in rest.split(separator: "/") {
            var part = String(segment).removingPercentEscapesOrSelf
            while part.count > 1, part.hasSuffix("/") { part.removeLast() }
            switch part {
            case ".": continue
            case "..": _ = path.popLast()
            default: path.append(part)
            }
        }
        return (host, path, query)
    }
}

extension String {
    /// `%XX` escapes decoded when they form UTF-8; the text unchanged otherwise.
    var removingPercentEscapesOrSelf: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let c = utf8[i]
            if c == UInt8(ascii: "%"), let a = utf8.index(i, offsetBy: 1, limitedBy: utf8.endIndex), a < utf8.endIndex,
               let b = utf8.index(a, offsetBy: 1, limitedBy: utf8.endIndex), b < utf8.endIndex,
               let v = UInt8(String(decoding: [utf8[a], utf8[b]], as: UTF8.self), radix: 16)
            {
                bytes.append(v)
                i = utf8.index(after: b)
            } else {
                bytes.append(c)
                i = utf8.index(after: i)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}
