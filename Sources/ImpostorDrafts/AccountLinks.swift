import ImpostorCore

/// How drafts name platforms and show the council's own accounts.
enum AccountLinks {
    /// The platform's name as residents know it.
    static func name(of platform: Platform) -> String {
        switch platform {
        case .facebook: "Facebook"
        case .instagram: "Instagram"
        case .threads: "Threads"
        case .x: "X"
        case .youtube: "YouTube"
        case .tiktok: "TikTok"
        case .linkedin: "LinkedIn"
        case .nextdoor: "Nextdoor"
        case .bluesky: "Bluesky"
        case .mastodon: "Mastodon"
        case .email: "e-mail"
        default: listedName(platform.rawValue)
        }
    }

    /// A platform impostor does not know, as a listing named it: the listing's own text, so cleaned and
    /// defanged like the suspect's (no escapes, no bidi controls, no live link), at most 40 characters.
    static func listedName(_ raw: String) -> String {
        let shown = SuspectText.defang(SuspectText.clean(String(raw.prefix(40))))
        return shown.prefix(1).uppercased() + shown.dropFirst()
    }

    /// The handle as the platform writes it: "@name" where mentions use "@", "@user@server" on Mastodon.
    static func shownHandle(_ account: AccountReference) -> String {
        let handle = String(account.handle.trimmingSpaces().drop { $0 == "@" })
        switch account.platform {
        case .x, .instagram, .threads, .tiktok, .youtube, .bluesky, .mastodon: return "@" + handle
        default: return handle
        }
    }

    /// The account's profile address: the watchlist's `url`, else the platform's usual pattern.
    static func url(_ account: AccountReference) -> String? {
        if let url = account.url?.trimmingSpaces(), !url.isEmpty { return url }
        let h = String(account.handle.trimmingSpaces().drop { $0 == "@" })
        guard !h.isEmpty else { return nil }
        switch account.platform {
        case .facebook: return "https://www.facebook.com/\(h)"
        case .instagram: return "https://www.instagram.com/\(h)"
        case .threads: return "https://www.threads.net/@\(h)"
        case .x: return "https://x.com/\(h)"
        case .youtube: return "https://www.youtube.com/@\(h)"
        case .tiktok: return "https://www.tiktok.com/@\(h)"
        case .bluesky: return "https://bsky.app/profile/\(h)"
        case .mastodon:
            let parts = h.split(separator: "@")
            return parts.count == 2 ? "https://\(parts[1])/@\(parts[0])" : nil
        default: return nil
        }
    }
}
