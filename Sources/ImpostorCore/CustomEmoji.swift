/// Mastodon's custom emoji in a name or bio (":verified:"): pictures on screen, not words.
///
/// The fetcher replaces each one with what it shows when the server lists it. A profile that comes
/// with the shortcodes alone (a listing, a recorded answer) is read here: a shortcode named as a badge
/// is drawn as a tick, so it is read as one. Other shortcodes stay as written, since impostor cannot
/// tell a picture from text someone typed between colons.
public enum CustomEmoji {
    /// Shortcodes of badge pictures, lowercased without underscores: whole names, not parts
    /// (":tickets:" and ":badger:" are not badges).
    static let badges: Set<String> = [
        "verified", "verify", "verifiedbadge", "verifiedaccount", "verifiedcheck", "verifiedblue", "bluecheck",
        "bluecheckmark", "checkmark", "check", "bluetick", "tick", "badge", "officialbadge", "approved",
    ]

    /// Whether a shortcode names a badge picture: shown, it imitates a platform's verified tick.
    public static func isBadge(_ shortcode: some StringProtocol) -> Bool {
        badges.contains(String(shortcode.lowercased().filter { $0 != "_" }))
    }

    /// `text` with each badge shortcode replaced by a heavy check mark, read like any tick. Only the
    /// first 4,096 scalars are looked at: folding reads no further.
    public static func showingBadges(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: ":")) else { return text }
        var out = ""
        var rest = Substring(text.unicodeScalars.count > 4096 ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(4096))) : text)
        while let open = rest.firstIndex(of: ":") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            let name = after.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            if !name.isEmpty, name.endIndex < after.endIndex, after[name.endIndex] == ":", isBadge(name) {
                out += "\u{2714}"
                rest = after[after.index(after: name.endIndex)...]
            } else {
                out += ":"
                rest = after
            }
        }
        return out + rest
    }
}
