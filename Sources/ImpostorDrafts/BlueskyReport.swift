import Foundation

/// The body of `com.atproto.moderation.createReport`, sent through the council's own Bluesky account.
///
/// From the lexicon: `reasonType` and `subject` are required; `subject` here is a whole account,
/// `com.atproto.admin.defs#repoRef` with its `did`; `reason` holds at most 2,000 graphemes; `modTool`
/// names the tool that made the report.
public struct BlueskyReport: Sendable, Hashable, Encodable {
    public enum ReasonType: String, Sendable, Hashable, Encodable {
        /// Ozone's reason for impersonation, the one Bluesky's moderation prefers.
        case impersonation = "tools.ozone.report.defs#reasonMisleadingImpersonation"
        /// The older "misleading identity, affiliation, or content", for services that reject the Ozone reason.
        case misleading = "com.atproto.moderation.defs#reasonMisleading"
    }

    public var reasonType: ReasonType
    /// The impersonating account's DID.
    public var did: String
    public var reason: String
    public var modTool: String?

    public init(reasonType: ReasonType = .impersonation, did: String, reason: String, modTool: String? = "impostor") {
        self.reasonType = reasonType
        self.did = did
        self.reason = reason
        self.modTool = modTool
    }

    enum CodingKeys: String, CodingKey { case reasonType, subject, reason, modTool }
    enum SubjectKeys: String, CodingKey { case type = "$type", did }
    enum ToolKeys: String, CodingKey { case name }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(reasonType, forKey: .reasonType)
        var subject = c.nestedContainer(keyedBy: SubjectKeys.self, forKey: .subject)
        try subject.encode("com.atproto.admin.defs#repoRef", forKey: .type)
        try subject.encode(did, forKey: .did)
        try c.encode(reason, forKey: .reason)
        if let modTool {
            var tool = c.nestedContainer(keyedBy: ToolKeys.self, forKey: .modTool)
            try tool.encode(modTool, forKey: .name)
        }
    }

    /// The JSON request body (`Content-Type: application/json`), keys sorted.
    public func jsonBody() -> Data { ReportJSON.encode(self) }
}
