/// A piece of untrusted text after folding: what it says once look-alikes, styles and tricks are undone.
public struct FoldedText: Hashable, Sendable {
    /// The text as received, capped at the folder's limit.
    public var original: String
    /// Readable folded text: lower case Latin, one space between words ("chislehurst town council").
    public var readable: String
    /// Folded words, before look-alike classes are merged ("chislehurst", "town", "council").
    public var words: [String]
    /// Comparison keys, one per word: look-alike classes merged ("chlslehurst", "town", "councll").
    public var keys: [String] { didSet { (compact, scalars, keyBounds, present) = Self.joined(keys) } }
    /// Every character that was not what it looked like.
    public var findings: [Finding]
    /// Whether the input was longer than the limit and was cut.
    public var truncated: Bool
    /// The words that open a sentence after the first (a full stop, "!", "?", ";" or a line break before them),
    /// as indices into `words`: "Mayor of Oakbridge. Friends, …" is two sentences, though folding drops the stop.
    public var sentenceStarts: [Int]

    /// All keys joined: compares spaced and unspaced forms ("WestBayParishCouncil"). Kept with the
    /// keys because the scorer reads it for every council it compares.
    public private(set) var compact: String
    /// `compact` as scalars, what edit distances count in.
    public private(set) var scalars: [Unicode.Scalar]
    /// Where each key starts in `scalars`, then where the last ends: key i is `keyBounds[i]..<keyBounds[i + 1]`.
    public private(set) var keyBounds: [Int]
    /// Which scalars `compact` holds, as `SearchPattern.summary`: enough to rule out most patterns before
    /// they are searched for.
    public private(set) var present: UInt64

    public init(original: String, readable: String, words: [String], keys: [String], findings: [Finding], truncated: Bool,
                sentenceStarts: [Int] = []) {
        (self.original, self.readable, self.words, self.keys) = (original, readable, words, keys)
        (self.findings, self.truncated, self.sentenceStarts) = (findings, truncated, sentenceStarts)
        (compact, scalars, keyBounds, present) = Self.joined(keys)
    }

    private static func joined(_ keys: [String]) -> (String, [Unicode.Scalar], [Int], UInt64) {
        let compact = keys.joined()
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(compact.utf8.count)
        var bounds = [0]
        bounds.reserveCapacity(keys.count + 1)
        for k in keys {
            // Most keys are ASCII: a byte is a scalar, without decoding UTF-8.
            if k.utf8.allSatisfy({ $0 < 0x80 }) {
                for b in k.utf8 { scalars.append(Unicode.Scalar(b)) }
            } else {
                scalars.append(contentsOf: k.unicodeScalars)
            }
            bounds.append(scalars.count)
        }
        return (compact, scalars, bounds, SearchPattern.summary(of: scalars))
    }

    public func has(_ kind: Finding.Kind) -> Bool { findings.contains { $0.kind == kind } }

    /// Where the sentence holding word `i` ends: the first sentence start after it, or the end of the words.
    public func sentenceEnd(after i: Int) -> Int {
        sentenceStarts.first { $0 > i } ?? keys.count
    }

    /// The words of the sentence holding word `i`, as indices into `words` and `keys`.
    public func sentence(holding i: Int) -> Range<Int> {
        (sentenceStarts.last { $0 <= i } ?? 0)..<sentenceEnd(after: i)
    }

    /// The scalars `range` of `compact` as a string: cut from its bytes when they are all ASCII (one byte
    /// a scalar), which the scorer does for every council it reads a handle against.
    public func compactSlice(_ range: Range<Int>) -> String {
        let utf8 = compact.utf8
        guard utf8.count == scalars.count else { return String(String.UnicodeScalarView(scalars[range])) }
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return String(Substring(utf8[start..<end]))
    }
}
