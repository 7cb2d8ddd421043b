import Foundation

/// A platform's length limit and the way that platform counts towards it.
public struct LengthLimit: Sendable, Hashable, CustomStringConvertible {
    public enum Counting: String, Sendable, Hashable {
        /// X (twitter-text v3): NFC first; most Latin, Greek, Cyrillic, Arabic and Hebrew weigh 1,
        /// other characters 2; an emoji sequence weighs 2; every link weighs 23.
        case xWeighted = "X weighted"
        /// User-perceived characters (Unicode extended grapheme clusters), as Bluesky counts.
        case graphemes
        /// Mastodon: grapheme clusters, where a link with a scheme counts 23 and "@user@server" counts as "@user".
        case mastodon
        /// UTF-16 code units, where an emoji counts 2: the safe reading for Meta's and LinkedIn's counters.
        case utf16 = "UTF-16 units"
        /// Unicode code points, as Ruby's `String#length` counts (Mastodon's report comment).
        case codePoints = "code points"
    }

    public var counting: Counting
    /// The most the text may count.
    public var maximum: Int
    /// A second cap in UTF-8 bytes, when the platform has one (Bluesky: 3000 for a post).
    public var maxUTF8Bytes: Int?

    public init(_ counting: Counting, _ maximum: Int, maxUTF8Bytes: Int? = nil) {
        self.counting = counting
        self.maximum = maximum
        self.maxUTF8Bytes = maxUTF8Bytes
    }

    /// Every link counts this much on X and Mastodon, whatever its length.
    public static let linkLength = 23

    /// How long `text` is by this platform's count.
    public func count(_ text: String) -> Int {
        switch counting {
        case .xWeighted: XWeight.length(of: text)
        case .graphemes: text.count
        case .mastodon: Self.mastodonLength(of: text)
        case .utf16: text.utf16.count
        case .codePoints: text.unicodeScalars.count
        }
    }

    /// Whether `text` fits, in both the count and the byte cap.
    public func fits(_ text: String) -> Bool {
        if let maxUTF8Bytes, text.utf8.count > maxUTF8Bytes { return false }
        return count(text) <= maximum
    }

    public var description: String {
        let bytes = maxUTF8Bytes.map { " and \($0) UTF-8 bytes" } ?? ""
        return "\(maximum) \(counting.rawValue)\(bytes)"
    }

    /// Mastodon's count: links become 23 characters, mentions lose their server, then graphemes.
    static func mastodonLength(of text: String) -> Int {
        let scanner = LinkScanner(text)
        var total = 0
        var i = 0
        for match in scanner.mastodonEntities() {
            total += match.range.lowerBound - i
            switch match.kind {
            case .schemeURL, .bareDomain: total += linkLength
            case .mention(let kept): total += kept
            }
            i = match.range.upperBound
        }
        return total + scanner.chars.count - i
    }
}
