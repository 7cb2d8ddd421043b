import Foundation

/// The length X gives a post: twitter-text's v3 configuration, implemented from its documented rules.
///
/// v3: `maxWeightedTweetLength` 280, `scale` 100, `defaultWeight` 200, `transformedURLLength` 23,
/// `emojiParsingEnabled` true, and weight 100 for code points in U+0000–U+10FF, U+2000–U+200D,
/// U+2010–U+201F and U+2032–U+2037. The text is NFC-normalised first.
///
/// Where X's own lists are not at hand the count errs long, never short: a bare domain counts the
/// larger of its own weight and 23 (X links it only when its ending is a real top-level domain), and
/// © and ® count 2 (as emoji, which X's emoji list may or may not treat them as).
public enum XWeight {
    /// The weighted ranges of v3, each weighing 1 character; everything else weighs 2.
    static let lightRanges: [ClosedRange<UInt32>] = [0x0000...0x10FF, 0x2000...0x200D, 0x2010...0x201F, 0x2032...0x2037]

    /// The weighted length of `text` in characters (X's weighted length divided by its scale).
    public static func length(of text: String) -> Int {
        let scanner = LinkScanner(text.precomposedStringWithCanonicalMapping)
        var total = 0
        var i = 0
        for match in scanner.links(bareDomains: true) {
            total += scanner.chars[i..<match.range.lowerBound].reduce(0) { $0 + weight(of: $1) }
            switch match.kind {
            case .schemeURL: total += LengthLimit.linkLength
            case .bareDomain, .mention:
                let own = scanner.chars[match.range].reduce(0) { $0 + weight(of: $1) }
                total += max(own, LengthLimit.linkLength)
            }
            i = match.range.upperBound
        }
        return total + scanner.chars[i...].reduce(0) { $0 + weight(of: $1) }
    }

    /// One character's weight: 2 for an emoji sequence (plus anything foreign stuck to it), else the
    /// sum of its code points' weights.
    public static func weight(of ch: Character) -> Int {
        guard SuspectText.isEmoji(ch) else {
            return ch.unicodeScalars.reduce(0) { $0 + weight(of: $1) }
        }
        let extra = ch.unicodeScalars.filter { !SuspectText.isEmojiComponent($0) }.reduce(0) { $0 + weight(of: $1) }
        return 2 + extra
    }

    static func weight(of scalar: Unicode.Scalar) -> Int {
        lightRanges.contains { $0.contains(scalar.value) } ? 1 : 2
    }
}
