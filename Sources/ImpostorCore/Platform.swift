/// A social platform, named as the watchlist and the `score` input name it ("x", "bluesky", …).
///
/// A struct rather than an enum: listings may name platforms impostor has no special knowledge of,
/// and those profiles must still be scored rather than rejected.
public struct Platform: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Lower-cases the name and maps the old names people still use ("twitter") to the current one.
    public init(rawValue: String) {
        let lowered = rawValue.trimmingSpaces().lowercased()
        switch lowered {
        case "twitter", "x.com", "twitter.com": self.rawValue = "x"
        case "fb", "meta": self.rawValue = "facebook"
        case "ig", "insta": self.rawValue = "instagram"
        case "bsky": self.rawValue = "bluesky"
        case "yt": self.rawValue = "youtube"
        default: self.rawValue = lowered
        }
    }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static let facebook = Platform(rawValue: "facebook")
    public static let instagram = Platform(rawValue: "instagram")
    public static let threads = Platform(rawValue: "threads")
    public static let x = Platform(rawValue: "x")
    public static let youtube = Platform(rawValue: "youtube")
    public static let tiktok = Platform(rawValue: "tiktok")
    public static let linkedin = Platform(rawValue: "linkedin")
    public static let nextdoor = Platform(rawValue: "nextdoor")
    public static let bluesky = Platform(rawValue: "bluesky")
    public static let mastodon = Platform(rawValue: "mastodon")
    /// Mail sent in the council's or its people's name: the handle is the sender's address.
    public static let email = Platform(rawValue: "email")

    /// Messages sent to a person rather than a page anyone reads: e-mail, and the messaging apps residents
    /// and councillors report ("in a meeting, e-mail me" came by WhatsApp as by mail).
    public var isDirectMessage: Bool {
        self == .email || ["whatsapp", "sms", "text", "signal", "telegram", "imessage", "messenger"].contains(rawValue)
    }

    /// Messages whose sender is a phone number: a listed one must be a number.
    public var sendsFromNumbers: Bool { ["whatsapp", "sms", "text"].contains(rawValue) }

    /// Whether `handle` can be a sender here at all: an address for e-mail, a number for texts, and anything but
    /// nothing elsewhere. A listed "@" or "+" would make every sender without one the council's own.
    public func isSender(_ handle: String) -> Bool {
        let h = canonicalHandle(handle)
        if self == .email {
            let parts = h.split(separator: "@", omittingEmptySubsequences: false)
            return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
                && !h.unicodeScalars.contains { $0.properties.isWhitespace || ",;<>\"()[]\\".unicodeScalars.contains($0) }
        }
        // A number, or the name or short code a council's text service sends from ("OakbridgeTC", "60777").
        if sendsFromNumbers {
            return h.hasPrefix("+") && Self.phoneNumber(h) != nil
                || (3...11).contains(h.count) && h.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == " " }
        }
        return !h.isEmpty
    }

    /// The platforms impostor knows how to report to and draft for.
    public static let known: [Platform] = [
        .facebook, .instagram, .threads, .x, .youtube, .tiktok, .linkedin, .nextdoor, .bluesky, .mastodon,
    ]

    /// The form of a handle used to compare two accounts on this platform: no leading "@", lower case.
    ///
    /// Handles are case-insensitive on every platform impostor knows. Mastodon handles keep their
    /// server ("name@server"), because the same name on two servers is two accounts.
    public func canonicalHandle(_ handle: String) -> String {
        var h = handle.trimmingSpaces().lowercased().droppingLeadingAts()
        if self == .bluesky, h.hasPrefix("at://") { h.removeFirst(5) }
        if sendsFromNumbers, let link = ["https://wa.me/", "http://wa.me/", "wa.me/"].first(where: h.hasPrefix) { h.removeFirst(link.count) }
        if isDirectMessage, self != .email, let number = Self.phoneNumber(h) { return number }
        return h
    }

    /// A phone number as one form, whichever way it was written: "07700 900123", "+44 7700 900123" and
    /// "0044 7700-900123" are "+447700900123". A number with no country code is a UK one. Nil for anything else.
    static func phoneNumber(_ written: String) -> String? {
        // "+44 (0)7700 900123": the trunk 0 shown for callers at home is no digit of the number.
        var text = written
        if text.hasPrefix("+") || text.hasPrefix("00"), let trunk = text.firstRange(of: "(0)") { text.removeSubrange(trunk) }
        guard text.unicodeScalars.allSatisfy({ "0123456789 +-().".unicodeScalars.contains($0) }),
            text.unicodeScalars.dropFirst().allSatisfy({ $0 != "+" })
        else { return nil }
        var digits = String(text.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
        guard (7...15).contains(digits.count) else { return nil }
        if text.hasPrefix("+") { return "+" + digits }
        if digits.hasPrefix("00") { return "+" + digits.dropFirst(2) }
        if digits.hasPrefix("0") { digits = "44" + digits.dropFirst() }
        return "+" + digits
    }
}

extension String {
    /// The string without its leading "@"s, cut once: removing them one at a time is quadratic in a handle of
    /// thousands (a hostile listing's).
    public func droppingLeadingAts() -> String {
        guard let first = utf8.firstIndex(where: { $0 != UInt8(ascii: "@") }) else { return "" }
        return String(self[first...])
    }

    /// The string without leading and trailing Unicode white space (Foundation-free).
    public func trimmingSpaces() -> String {
        // Most text starts and ends with a visible ASCII character, a whole scalar: nothing to trim.
        func visibleASCII(_ byte: UInt8?) -> Bool {
            guard let byte else { return false }
            return byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte)
        }
        if visibleASCII(utf8.first) && visibleASCII(utf8.last) { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
