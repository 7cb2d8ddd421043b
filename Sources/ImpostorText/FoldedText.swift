/// A piece of untrusted text after folding: what it says once look-alikes, styles and tricks are undone.
public struct FoldedText: Hashable, Sendable {
    /// The text as received, capped at the folder's limit.
    public var original: String
    /// Readable folded text: lower case Latin, one space between words ("chislehurst town council").
    public var readable: String
    /// Folded words, before look-alike classes are merged ("chislehurst", "town", "council").
    public var words: [String]
    /// Comparison keys, one per word: look-alike classes merged ("chlslehurst", "town", "councll").
    public var keys: [String]
    /// Every character that was not what it looked like.
    public var findings: [Finding]
    /// Whether the input was longer than the limit and was cut.
    public var truncated: Bool

    /// All keys joined: compares spaced and unspaced forms ("WestBayParishCouncil").
    public var compact: String { keys.joined() }

    public func has(_ kind: Finding.Kind) -> Bool { findings.contains { $0.kind == kind } }
}
