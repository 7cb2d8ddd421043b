import ImpostorCore

/// A public warning in the council's voice, ready to post on one channel.
public struct Warning: Sendable, Hashable {
    public var channel: Channel
    /// The post (or, for the website, the news item) as plain text. In a thread, every post in order,
    /// separated by `Warning.postSeparator`: publish `posts`, one by one.
    public var text: String
    public var limit: LengthLimit
    /// The text's length, counted as the channel counts; in a thread, the longest post's.
    public var length: Int
    /// Whether the text fits the limit. False only when even the shortest form is too long.
    public var fits: Bool
    /// What was done to make it fit, in order ("left out optional text, level 1", …); empty when nothing was.
    public var shortened: [String]
    /// Checks for the person who posts it (not part of the post): sign-off, replies, updating.
    public var reviewNotes: [String]
    /// The warning in each of its languages, in the order they appear: one for most councils,
    /// Welsh then English for a council with `languages = ["cy", "en"]`.
    public var versions: [Version] = []
    /// Whether the versions are separate posts, the first posted first and the next as a reply to it:
    /// when together they do not fit one post on the channel.
    public var thread: Bool = false

    /// The warning in one language.
    public struct Version: Sendable, Hashable {
        /// "en", "cy", …
        public var language: String
        public var text: String
    }

    /// What to publish, in order: the text, or in a thread each language's post.
    public var posts: [String] { thread ? versions.map(\.text) : [text] }

    /// The line between the posts of a thread in `text`.
    public static let postSeparator = "\n\n---\n\n"
}
