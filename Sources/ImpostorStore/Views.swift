import Foundation
import ImpostorCore

/// One scan, as `impostor status` and the review page show it.
public struct ScanRun: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable {
        /// Still going, or killed before it could say otherwise (see `Store.closeAbandonedRuns`).
        case running
        case completed
        /// Finished, but some sources failed.
        case partial
        case failed
        /// Stopped by SIGTERM or by a kill; everything written before the stop is intact.
        case interrupted
    }

    public var id: Int64
    public var startedAt: Date
    public var endedAt: Date?
    public var status: Status
    public var version: String
    public var profiles: Int
    public var suspects: Int
    public var opened: Int
    public var reopened: Int
    public var removed: Int
    public var message: String?
    public var sources: [SourceHealth]
}

/// What one source did in one scan.
public struct SourceHealth: Sendable, Codable, Hashable {
    public var source: String
    public var pages: Int
    public var profiles: Int
    public var errors: Int
    public var waits: Int
    public var failure: String?

    public init(source: String, pages: Int, profiles: Int, errors: Int, waits: Int, failure: String? = nil) {
        self.source = source
        self.pages = pages
        self.profiles = profiles
        self.errors = errors
        self.waits = waits
        self.failure = failure
    }
}

/// A case as the queue lists it: the latest snapshot of its account.
public struct CaseSummary: Sendable, Codable, Hashable {
    public var id: Int64
    public var platform: Platform
    public var stableID: String
    public var handle: String
    public var displayName: String
    public var url: String
    public var identity: String
    public var score: Double
    public var status: CaseStatus
    public var openedAt: Date
    public var updatedAt: Date
    public var snoozedUntil: Date?
    public var goneAt: Date?
    public var kind: CaseKind = .impersonation
    /// How many residents' reports the case holds: a reported case opens whatever its score.
    public var reports: Int = 0
}

/// One version of an account's public face.
public struct Snapshot: Sendable, Codable, Hashable {
    public var id: Int64
    public var handle: String
    public var displayName: String
    public var bio: String
    public var url: String
    public var avatarHash: String?
    /// The SHA-256 of the avatar's bytes, kept in the store (see `Store.image(sha256:)`).
    public var avatarImage: String?
    public var firstSeen: Date
    public var lastSeen: Date
}

/// The latest judgement of a case's account.
public struct StoredAssessment: Sendable, Codable, Hashable {
    public var score: Double
    public var verdict: Verdict
    public var identity: String?
    public var target: Target?
    public var reasons: [Reason]
    public var version: String
    public var assessedAt: Date
}

/// One line of a case's audit trail.
public struct CaseEvent: Sendable, Codable, Hashable {
    public var at: Date
    public var actor: String
    public var action: String
    public var fromStatus: CaseStatus?
    public var toStatus: CaseStatus?
    public var reason: String?
    public var note: String?
}

/// Everything the case page shows.
public struct CaseDetail: Sendable, Codable, Hashable {
    public var summary: CaseSummary
    /// Newest first.
    public var snapshots: [Snapshot]
    public var assessment: StoredAssessment?
    /// Oldest first.
    public var events: [CaseEvent]
    public var goneReason: String?
    /// Residents' reports, oldest first.
    public var reports: [ResidentReport] = []
    /// For a takeover alert: the official account as it was when last accepted, to set beside `snapshots[0]`.
    public var baseline: Snapshot?
}

/// Narrows the queue.
public struct CaseFilter: Sendable, Hashable {
    public var statuses: Set<CaseStatus>
    public var identity: String?
    public var platform: Platform?
    public var limit: Int
    /// The councils the viewer may see: nothing outside them is listed.
    public var scope: CouncilScope

    public init(statuses: Set<CaseStatus> = [.new], identity: String? = nil, platform: Platform? = nil, limit: Int = 500,
                scope: CouncilScope = .all) {
        self.statuses = statuses
        self.identity = identity
        self.platform = platform
        self.limit = limit
        self.scope = scope
    }
}
