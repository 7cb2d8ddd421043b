import ImpostorCore

/// A public warning in the council's voice, ready to post on one channel.
public struct Warning: Sendable, Hashable {
    public var channel: Channel
    /// The post (or, for the website, the news item) as plain text.
    public var text: String
    public var limit: LengthLimit
    /// The text's length, counted as the channel counts.
    public var length: Int
    /// Whether the text fits the limit. False only when even the shortest form is too long.
    public var fits: Bool
    /// What was done to make it fit, in order ("left out optional text, level 1", …); empty when nothing was.
    public var shortened: [String]
    /// Checks for the person who posts it (not part of the post): sign-off, replies, updating.
    public var reviewNotes: [String]
}
