import Foundation
import ImpostorCore
import ImpostorImaging
import ImpostorStore
import TestScratch
import Testing

@testable import ImpostorDaemon

/// Avatar evidence kept by content: a picture seen before is not decoded again, a bad entry is
/// computed again, a new logo set makes old entries stale, and the folder stays bounded.
@Suite struct AvatarEvidenceCacheTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ImpostorImagingTests/Fixtures").path

    static func logos(_ names: [String]) throws -> LogoIndex {
        try LogoIndex(logos: names.map { (identity: "oakbridge", logo: $0, path: "\(fixtures)/\($0)") })
    }

    /// A profile whose downloaded avatar is a copy of `fixture`.
    static func profile(avatar fixture: String) throws -> Profile {
        let path = Scratch.path("avatar") + ".png"
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "\(fixtures)/\(fixture)", toPath: path)
        var p = Profile(platform: .x, id: "1", handle: "town_updates", displayName: "Town Updates")
        p.avatarFile = path
        return p
    }

    static func sha(_ profile: Profile) throws -> String {
        ContentHash(of: [UInt8](try Data(contentsOf: URL(fileURLWithPath: profile.avatarFile!)))).hex
    }

    @Test func aPictureSeenBeforeIsReadFromTheCacheNotDecodedAgain() throws {
        let logos = try Self.logos(["logo-a.png"])
        let cache = AvatarEvidenceCache(directory: Scratch.path("evidence"), logos: logos)
        let profile = try Self.profile(avatar: "logo-a.png")
        let first = ScanPass.avatarEvidence(profile, logos: logos, decoder: ScanPass.decoder, cache: cache)
        #expect(first.matches.first?.logo == "logo-a.png")
        let sha = try Self.sha(profile)
        let kept = try #require(cache.lookup(sha))
        #expect(kept.matches == first.matches && kept.hash == first.hash?.hex)

        // Plant a different answer: only a read from the cache can return it.
        var planted = kept
        planted.matches = [LogoMatch(identity: "oakbridge", logo: "planted.png", distance: 3, variant: "whole")]
        cache.save(planted)
        let second = ScanPass.avatarEvidence(profile, logos: logos, decoder: ScanPass.decoder, cache: cache)
        #expect(second.matches.map(\.logo) == ["planted.png"])
        #expect(second.hash == first.hash && second.image?.sha256 == sha && second.image?.bytes == first.image?.bytes)
    }

    @Test func aCorruptOrForeignEntryIsIgnoredAndRebuilt() throws {
        let logos = try Self.logos(["logo-a.png"])
        let cache = AvatarEvidenceCache(directory: Scratch.path("evidence"), logos: logos)
        let profile = try Self.profile(avatar: "logo-a.png")
        let sha = try Self.sha(profile)
        try FileManager.default.createDirectory(atPath: cache.directory, withIntermediateDirectories: true)
        for junk in ["{not json", "", #"{"sha256":"\#(String(repeating: "0", count: 64))","logoSet":"x","matches":[]}"#] {
            try junk.write(toFile: cache.path(sha), atomically: true, encoding: .utf8)
            #expect(cache.lookup(sha) == nil)
            let evidence = ScanPass.avatarEvidence(profile, logos: logos, decoder: ScanPass.decoder, cache: cache)
            #expect(evidence.matches.first?.logo == "logo-a.png", "after \(junk)")
            #expect(cache.lookup(sha)?.matches == evidence.matches)
        }
    }

    @Test func anotherLogoSetMakesEveryEntryStale() throws {
        let before = try Self.logos(["logo-a.png"]), after = try Self.logos(["logo-a.png", "logo-b.png"])
        #expect(before.fingerprint != after.fingerprint)
        #expect(before.fingerprint == (try Self.logos(["logo-a.png"])).fingerprint)
        let directory = Scratch.path("evidence")
        let profile = try Self.profile(avatar: "logo-b.png")
        let old = AvatarEvidenceCache(directory: directory, logos: before)
        #expect(ScanPass.avatarEvidence(profile, logos: before, decoder: ScanPass.decoder, cache: old).matches.isEmpty)
        let new = AvatarEvidenceCache(directory: directory, logos: after)
        #expect(new.lookup(try Self.sha(profile)) == nil)
        let evidence = ScanPass.avatarEvidence(profile, logos: after, decoder: ScanPass.decoder, cache: new)
        #expect(evidence.matches.first?.logo == "logo-b.png")
    }

    @Test func anUnreadablePictureIsRememberedAsSuch() throws {
        let logos = try Self.logos(["logo-a.png"])
        let cache = AvatarEvidenceCache(directory: Scratch.path("evidence"), logos: logos)
        var profile = try Self.profile(avatar: "logo-a.png")
        let path = Scratch.path("broken") + ".png"
        try Data("GIF89a but not really".utf8).write(to: URL(fileURLWithPath: path))
        profile.avatarFile = path
        let first = ScanPass.avatarEvidence(profile, logos: logos, decoder: ScanPass.decoder, cache: cache)
        let problem = try #require(first.problem)
        #expect(first.image == nil && first.matches.isEmpty)
        #expect(cache.lookup(try Self.sha(profile))?.problem == problem)
        #expect(ScanPass.avatarEvidence(profile, logos: logos, decoder: ScanPass.decoder, cache: cache).problem == problem)
    }

    @Test func pruningKeepsTheMostRecentlyUsedAndClearsJunk() throws {
        let logos = try Self.logos(["logo-a.png"])
        let cache = AvatarEvidenceCache(directory: Scratch.path("evidence"), logos: logos, capacity: 3)
        let shas = (0..<5).map { ContentHash(of: Array("picture \($0)".utf8)).hex }
        for (n, sha) in shas.enumerated() {
            cache.save(.init(sha256: sha, logoSet: cache.logoSet, hash: nil, matches: [], problem: nil))
            // Oldest first, a second apart, so the order does not rest on the file system's clock.
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: Double(n - 10))],
                                                  ofItemAtPath: cache.path(sha))
        }
        // Using the oldest makes it the most recent.
        #expect(cache.lookup(shas[0]) != nil)
        try "stray".write(toFile: cache.directory + "/notes.txt", atomically: true, encoding: .utf8)
        #expect(cache.prune() == 3)
        let left = try FileManager.default.contentsOfDirectory(atPath: cache.directory).sorted()
        #expect(left == [shas[0], shas[3], shas[4]].map { $0 + ".json" }.sorted())
    }
}
