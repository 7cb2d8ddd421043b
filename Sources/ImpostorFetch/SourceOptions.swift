import Foundation
import ImpostorCore

/// Typed access to one `[[source]]` entry's keys, with errors that name the entry.
struct SourceOptions: Sendable {
    let settings: SourceSettings
    /// The watchlist folder: relative paths (key files, listings) are read from there.
    let directory: String

    func string(_ key: String) throws(FetchError) -> String? {
        guard let value = settings.options[key] else { return nil }
        guard let s = value.string else { throw wrong(key, "a string") }
        return s
    }

    func requiredString(_ key: String) throws(FetchError) -> String {
        guard let s = try string(key), !s.isEmpty else {
            throw FetchError(.configuration, "\(settings.location): the \(settings.kind) source needs `\(key)`")
        }
        return s
    }

    func integer(_ key: String, default value: Int, range: ClosedRange<Int>) throws(FetchError) -> Int {
        guard let raw = settings.options[key] else { return value }
        guard let n = raw.integer, range.contains(n) else {
            throw wrong(key, "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }

    func bool(_ key: String, default value: Bool) throws(FetchError) -> Bool {
        guard let raw = settings.options[key] else { return value }
        guard let b = raw.bool else { throw wrong(key, "true or false") }
        return b
    }

    func strings(_ key: String) throws(FetchError) -> [String] {
        guard let raw = settings.options[key] else { return [] }
        if let s = raw.string { return [s] }
        guard let list = raw.array, list.allSatisfy({ $0.string != nil }) else { throw wrong(key, "a list of strings") }
        return list.compactMap(\.string)
    }

    /// A path as written, or relative to the watchlist folder.
    func path(_ value: String) -> String {
        value.hasPrefix("/") ? value : (directory as NSString).appendingPathComponent(value)
    }

    /// A secret read from the file a key names. The secret is never put in an error.
    func secret(_ key: String) throws(FetchError) -> String? {
        guard let file = try string(key) else { return nil }
        do {
            return try SecretFile.read(path(file), what: "`\(key)`")
        } catch {
            throw FetchError(.configuration, "\(settings.location): \(error.reason)")
        }
    }

    /// The handles the squat watch checks on `platform` for every council: `squats = N` caps each
    /// council's list (0 turns the watch off); the platform's own default otherwise.
    func squats(on platform: Platform, identities: [Identity]) throws(FetchError) -> [String] {
        let cap = try integer("squats", default: SquatWatch.defaultCap(for: platform), range: 0...500)
        var seen = Set<String>()
        return identities.flatMap { SquatWatch.handles(for: $0, on: platform, cap: cap) }
            .map { SquatWatch.lookupForm($0, on: platform) }
            .filter { seen.insert($0.lowercased()).inserted }
    }

    /// A base URL without its trailing slash; only http and https.
    func baseURL(default fallback: String?) throws(FetchError) -> String {
        var base = try string("base_url") ?? fallback ?? ""
        guard base.lowercased().hasPrefix("https://") || base.lowercased().hasPrefix("http://") else {
            throw FetchError(.configuration, "\(settings.location): `base_url` must be an http or https URL")
        }
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }

    private func wrong(_ key: String, _ expected: String) -> FetchError {
        FetchError(.configuration, "\(settings.location): `\(key)` must be \(expected)")
    }
}

extension String {
    /// The string percent-encoded for a URL query value.
    var queryEncoded: String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~")
        return addingPercentEncoding(withAllowedCharacters: allowed) ?? self
    }
}
