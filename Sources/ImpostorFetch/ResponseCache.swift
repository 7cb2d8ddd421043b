import Foundation

/// Bodies kept on disk with their `ETag` and `Last-Modified`, so the next run can ask "changed?"
/// and get a 304 instead of the body. Also the avatar store: the cached file is the local path.
///
/// File names are two hashes of the URL, so URLs holding API keys are never written to disk.
public struct ResponseCache: Sendable {
    struct Entry: Codable {
        var check: String
        var etag: String?
        var lastModified: String?
        var contentType: String?
        var file: String
    }

    /// The cache folder (created on first write).
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The default cache folder: `$CACHE_DIRECTORY` under systemd, else `$XDG_CACHE_HOME/impostor`,
    /// else `~/.cache/impostor`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let systemd = environment["CACHE_DIRECTORY"], !systemd.isEmpty {
            // systemd may list several folders separated by ":"; the first is ours.
            return String(systemd.split(separator: ":").first ?? Substring(systemd))
        }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/impostor" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.cache/impostor"
    }

    /// The cached entry for `url` in `namespace` and its body's path, when present.
    func lookup(_ url: String, namespace: String) -> (entry: Entry, path: String)? {
        let (name, check) = Self.key(url)
        let folder = directory + "/" + namespace
        guard let data = FileManager.default.contents(atPath: folder + "/" + name + ".json"),
            let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.check == check
        else { return nil }
        let path = folder + "/" + entry.file
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return (entry, path)
    }

    /// The headers that make a request conditional on the cached copy.
    func conditionalHeaders(for entry: Entry) -> [String: String] {
        var headers: [String: String] = [:]
        if let etag = entry.etag { headers["If-None-Match"] = etag }
        if let modified = entry.lastModified { headers["If-Modified-Since"] = modified }
        return headers
    }

    /// Writes `response`'s body and validators; returns the body's path.
    @discardableResult
    func store(_ url: String, namespace: String, response: HTTPResponse, fileExtension: String = "body") throws(FetchError) -> String {
        let (name, check) = Self.key(url)
        let folder = directory + "/" + namespace
        let file = name + "." + fileExtension
        let entry = Entry(
            check: check, etag: response.header("etag"), lastModified: response.header("last-modified"),
            contentType: response.header("content-type"), file: file)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(response.body).write(to: URL(fileURLWithPath: folder + "/" + file), options: .atomic)
            try JSONEncoder().encode(entry).write(to: URL(fileURLWithPath: folder + "/" + name + ".json"), options: .atomic)
        } catch {
            throw FetchError(.file, "cannot write the cache folder \(folder): \(error.localizedDescription)")
        }
        return folder + "/" + file
    }

    /// Two independent 64-bit FNV-1a hashes: one names the file, the other detects a collision.
    static func key(_ url: String) -> (name: String, check: String) {
        func fnv(_ seed: UInt64) -> String {
            var hash = seed
            for byte in url.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x100_0000_01b3
            }
            let hex = String(hash, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }
        return (fnv(0xcbf2_9ce4_8422_2325), fnv(0x8422_2325_cbf2_9ce4))
    }
}
