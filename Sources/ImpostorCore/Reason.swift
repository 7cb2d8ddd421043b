/// One piece of evidence for or against an account, in words a clerk can check.
public struct Reason: Hashable, Sendable, Codable {
    /// What kind of evidence this is: `.name`, `.handle`, `.logo`, `.official`, …
    public var signal: Signal
    /// The identity (watchlist id) the evidence is about.
    public var identity: String?
    /// What of the identity matched: a name, an alias, a person, a logo file.
    public var matched: String?
    /// The account's text as impostor read it after folding, when that explains the match.
    public var folded: String?
    /// How much this moved the score: positive raises it, negative lowers it.
    public var weight: Double
    /// The sentence shown to the clerk.
    public var detail: String
    /// For a logo match, the PDQ distance between the avatar and the logo, in bits of 256.
    public var distance: Int?

    public init(
        signal: Signal, identity: String? = nil, matched: String? = nil, folded: String? = nil, weight: Double,
        detail: String, distance: Int? = nil
    ) {
        self.signal = signal
        self.identity = identity
        self.matched = matched
        self.folded = folded
        self.weight = weight
        self.detail = detail
        self.distance = distance
    }
}
