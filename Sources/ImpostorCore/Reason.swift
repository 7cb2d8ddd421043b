/// One piece of evidence for or against an account, in words a clerk can check.
public struct Reason: Hashable, Sendable, Codable {
    /// A stable code to match on: `name`, `handle`, `person`, `logo`, `bio_claim`, `official`, `benign`, …
    public var signal: String
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

    public init(
        signal: String, identity: String? = nil, matched: String? = nil, folded: String? = nil, weight: Double,
        detail: String
    ) {
        self.signal = signal
        self.identity = identity
        self.matched = matched
        self.folded = folded
        self.weight = weight
        self.detail = detail
    }
}
