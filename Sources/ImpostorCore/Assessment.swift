/// The judgement on one profile: the output line of `impostor score`.
public struct Assessment: Hashable, Sendable, Codable {
    public var id: String
    public var platform: Platform
    public var handle: String
    /// 0 to 1: how strongly the account looks like an impersonation.
    public var score: Double
    public var verdict: Verdict
    /// The watchlist id of the identity it concerns, if any.
    public var identity: String?
    public var target: Target?
    public var reasons: [Reason]

    public init(
        id: String, platform: Platform, handle: String, score: Double, verdict: Verdict, identity: String?,
        target: Target?, reasons: [Reason]
    ) {
        self.id = id
        self.platform = platform
        self.handle = handle
        self.score = score
        self.verdict = verdict
        self.identity = identity
        self.target = target
        self.reasons = reasons
    }

    public func encode(to encoder: any Encoder) throws {
        // `identity` and `target` are written as null rather than left out: the contract names them.
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(platform, forKey: .platform)
        try c.encode(handle, forKey: .handle)
        try c.encode(score, forKey: .score)
        try c.encode(verdict, forKey: .verdict)
        try c.encode(identity, forKey: .identity)
        try c.encode(target, forKey: .target)
        try c.encode(reasons, forKey: .reasons)
    }
}
