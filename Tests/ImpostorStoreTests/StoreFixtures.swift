import Foundation
import ImpostorCore
import TestScratch
@testable import ImpostorStore

/// A fresh folder for one test's database file, removed when the test ends.
final class TemporaryFolder {
    let path: String

    init() {
        path = Scratch.path("store")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

enum Fixture {
    static func profile(_ id: String, name: String, handle: String? = nil, bio: String = "Official page") -> Profile {
        Profile(platform: .facebook, id: id, handle: handle ?? id, displayName: name, bio: bio,
                url: "https://www.facebook.com/\(handle ?? id)")
    }

    static func observation(
        _ profile: Profile, verdict: Verdict = .suspect, score: Double = 0.93, avatar: PerceptualHash? = nil
    ) -> Observation {
        let assessment = Assessment(
            id: profile.id, platform: profile.platform, handle: profile.handle, score: score, verdict: verdict,
            identity: verdict == .clear ? nil : "oakbridge-town-council", target: .council,
            reasons: [Reason(signal: "name", identity: "oakbridge-town-council", matched: "Oakbridge Town Council",
                             weight: 3.2, detail: "display name reads as the council's name")])
        return Observation(profile: profile, assessment: assessment, avatarHash: avatar)
    }

    static let hashA = PerceptualHash(hex: String(repeating: "f0", count: 32))!
    /// 64 bits away from hashA: a different picture.
    static let hashB = PerceptualHash(hex: String(repeating: "0f", count: 8) + String(repeating: "f0", count: 24))!
}
