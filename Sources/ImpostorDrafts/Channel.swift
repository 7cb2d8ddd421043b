import ImpostorCore

/// Where a public warning is posted.
public enum Channel: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case website, x, bluesky, mastodon, facebook, instagram, nextdoor

    /// The platform the channel is, or nil for the council's website.
    public var platform: Platform? {
        switch self {
        case .website: nil
        case .x: .x
        case .bluesky: .bluesky
        case .mastodon: .mastodon
        case .facebook: .facebook
        case .instagram: .instagram
        case .nextdoor: .nextdoor
        }
    }

    /// The template that words this channel's warning.
    public var templateName: String { "warning-\(rawValue)" }

    public var description: String { rawValue }

    /// The channel's length limit, counted as the channel counts.
    ///
    /// Facebook allows 63,206 characters but schedulers cap posts at 5,000; Instagram captions take
    /// 2,200 (UTF-16 units, the safe reading for emoji); Nextdoor has no published limit and shows
    /// only the first few lines, so 600 keeps the warning short; a website has no limit, and 3,000
    /// characters (about 450 words) is a ceiling for a notice meant to be 150–300 words.
    public func limit(mastodonMaximum: Int = 500) -> LengthLimit {
        switch self {
        case .x: LengthLimit(.xWeighted, 280)
        case .bluesky: LengthLimit(.graphemes, 300, maxUTF8Bytes: 3000)
        case .mastodon: LengthLimit(.mastodon, mastodonMaximum)
        case .facebook: LengthLimit(.utf16, 5000)
        case .instagram: LengthLimit(.utf16, 2200)
        case .nextdoor: LengthLimit(.graphemes, 600)
        case .website: LengthLimit(.graphemes, 3000)
        }
    }
}
