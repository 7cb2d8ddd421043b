import Foundation
import ImpostorCore

/// One profile as a scan saw it, with the scorer's judgement: what `Store.record` keeps.
public struct Observation: Sendable {
    public var profile: Profile
    public var assessment: Assessment
    public var avatarHash: PerceptualHash?
    public var avatar: StoredImage?
    /// False when the account itself was not seen (a reported link whose page could not be read): its
    /// name, bio and picture are unknown, not empty, and say nothing about a change.
    public var sighted: Bool

    public init(profile: Profile, assessment: Assessment, avatarHash: PerceptualHash? = nil, avatar: StoredImage? = nil,
                sighted: Bool = true) {
        self.profile = profile
        self.assessment = assessment
        self.avatarHash = avatarHash
        self.avatar = avatar
        self.sighted = sighted
    }
}

/// An image kept in the store as evidence, named by the SHA-256 of its bytes.
public struct StoredImage: Sendable, Hashable {
    public var sha256: String
    public var bytes: [UInt8]

    public init(sha256: String, bytes: [UInt8]) {
        self.sha256 = sha256
        self.bytes = bytes
    }
}

/// What recording one observation did to the cases.
public enum IngestOutcome: Sendable, Hashable {
    /// Not a suspect and not followed: nothing stored.
    case ignored
    /// Followed, and nothing about it changed.
    case unchanged
    /// Followed, and its name, handle, bio or avatar changed; its status stays.
    case changed
    case opened(caseID: Int64)
    case reopened(caseID: Int64, why: String)
}

/// An account the scan fetches again to see whether the platform has removed it.
public struct RecheckTarget: Sendable, Hashable {
    public var caseID: Int64
    public var platform: Platform
    public var stableID: String
    public var handle: String
    public var url: String
    public var status: CaseStatus
}
