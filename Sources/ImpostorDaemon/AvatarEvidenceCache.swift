import Foundation
import ImpostorCore
import ImpostorImaging

/// What an avatar was found to be, kept by the SHA-256 of its bytes: most pictures never change, and
/// decoding and hashing one in all its forms costs about 11 ms of CPU, so a rescan decodes only the
/// pictures it has not seen.
///
/// One small JSON file per picture under `directory`, valid for one logo set (`LogoIndex.fingerprint`):
/// a logo added or changed makes every entry stale. An entry that cannot be read, or that belongs to
/// another picture or logo set, is ignored and computed again. `prune` keeps the most recently used
/// `capacity` entries, so the folder stays bounded; it survives restarts.
public struct AvatarEvidenceCache: Sendable {
    struct Entry: Codable, Equatable {
        var sha256: String
        var logoSet: String
        var hash: String?
        var matches: [LogoMatch]
        var problem: String?
    }

    public let directory: String
    let logoSet: String
    public let capacity: Int

    /// `directory` is created on first write. `capacity` is in pictures (an entry is about 300 bytes).
    public init(directory: String, logos: LogoIndex, capacity: Int = 50_000) {
        self.directory = directory
        logoSet = logos.fingerprint
        self.capacity = capacity
    }

    /// The folder for the cache inside impostor's cache folder.
    public static func directory(inCache cache: String) -> String {
        (cache as NSString).appendingPathComponent("avatar-evidence")
    }

    func path(_ sha256: String) -> String {
        (directory as NSString).appendingPathComponent(sha256 + ".json")
    }

    /// The evidence kept for the picture with this SHA-256, or nil. A hit is marked as used.
    func lookup(_ sha256: String) -> Entry? {
        let file = path(sha256)
        guard let data = FileManager.default.contents(atPath: file),
            let entry = try? JSONDecoder().decode(Entry.self, from: data),
            entry.sha256 == sha256, entry.logoSet == logoSet
        else { return nil }
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: file)
        return entry
    }

    /// Keeps `entry`; a failure to write only costs the next scan a decode.
    func save(_ entry: Entry) {
        guard let data = try? JSONEncoder().encode(entry) else { return }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? data.write(to: URL(fileURLWithPath: path(entry.sha256)), options: .atomic)
    }

    /// Removes the least recently used entries beyond `capacity`, and anything else in the folder that
    /// is not an entry. Returns how many files were removed.
    @discardableResult
    public func prune() -> Int {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else { return 0 }
        var entries: [(path: String, used: Date)] = []
        var removed = 0
        for name in names {
            let file = (directory as NSString).appendingPathComponent(name)
            guard name.hasSuffix(".json"), name.count == 69,
                let used = (try? fm.attributesOfItem(atPath: file))?[.modificationDate] as? Date
            else {
                if (try? fm.removeItem(atPath: file)) != nil { removed += 1 }
                continue
            }
            entries.append((file, used))
        }
        guard entries.count > capacity else { return removed }
        entries.sort { $0.used > $1.used }
        for stale in entries[capacity...] where (try? fm.removeItem(atPath: stale.path)) != nil { removed += 1 }
        return removed
    }
}
