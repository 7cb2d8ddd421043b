import Foundation
import ImpostorCore
import ImpostorImaging

/// The watchlist logos' reference hashes kept on disk under the SHA-256 of each logo file
/// (`<folder>/logos/<sha256>.json`), so `check` and `score` hash a logo once, not every run.
/// A missing, damaged or outdated file is computed again and rewritten; the cache never stops
/// a command, and a folder that cannot be written only costs the time of hashing.
struct LogoCache: Sendable {
    /// The folder the cache lives in; nil turns caching off.
    let directory: String?

    /// Overrides the folder (tests, read-only homes, systemd's `CacheDirectory=`).
    static let environmentVariable = "IMPOSTOR_CACHE_DIR"

    /// Cache files bigger than this are not ours: they are ignored rather than read.
    static let maxFileBytes = 1 << 20

    init(directory: String?) { self.directory = directory }

    /// The folder from the environment: `$IMPOSTOR_CACHE_DIR`, else `$XDG_CACHE_HOME/impostor`,
    /// else `~/.cache/impostor`; nil when there is no home to put it in.
    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let dir = environment[Self.environmentVariable], !dir.isEmpty {
            directory = dir
        } else if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            // The XDG spec says a relative path there is invalid and must be ignored.
            directory = xdg + "/impostor"
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            directory = home + "/.cache/impostor"
        } else {
            directory = nil
        }
    }

    /// How a logo's forms were obtained.
    enum Outcome: String, Sendable {
        /// Read from the cache.
        case reused
        /// Not in the cache: hashed and stored.
        case computed
        /// The cached file was damaged or from another version: hashed again and overwritten.
        case replaced
    }

    /// One logo's forms and where they came from.
    struct Entry: Sendable {
        var forms: LogoForms
        var digest: ContentHash
        var outcome: Outcome
        /// Why the cache could not be written, when it could not.
        var warning: String?
    }

    /// The cache file for a logo whose bytes have `digest`.
    func path(for digest: ContentHash) -> String? {
        directory.map { "\($0)/logos/\(digest.hex).json" }
    }

    /// The forms of the logo at `path`, from the cache when its bytes are already known.
    /// Throws only when the logo itself cannot be read or decoded, naming the file.
    func forms(forLogoAt path: String, decoder: ImageDecoder = ImageDecoder()) throws(ImageError) -> Entry {
        let bytes: [UInt8]
        let image: Image
        let digest: ContentHash
        do {
            bytes = try decoder.readFile(path)
            digest = ContentHash(of: bytes)
            if let file = self.path(for: digest), let forms = read(file, digest: digest) {
                return Entry(forms: forms, digest: digest, outcome: .reused)
            }
            image = try decoder.decode(bytes)
        } catch {
            throw ImageError(error.code, error.reason.contains(path) ? error.reason : "\(path): \(error.reason)")
        }
        let forms = LogoForms(image)
        guard let file = self.path(for: digest) else {
            return Entry(forms: forms, digest: digest, outcome: .computed)
        }
        let existed = FileManager.default.fileExists(atPath: file)
        let warning = write(forms, digest: digest, to: file)
        return Entry(forms: forms, digest: digest, outcome: existed ? .replaced : .computed, warning: warning)
    }

    /// The cached forms, or nil when the file is missing, damaged, for other bytes or from
    /// another version of the forms.
    private func read(_ file: String, digest: ContentHash) -> LogoForms? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file),
            let size = attributes[.size] as? Int, size <= Self.maxFileBytes,
            let data = FileManager.default.contents(atPath: file),
            let stored = try? JSONDecoder().decode(CacheFile.self, from: data),
            stored.version == LogoForms.version, stored.sha256 == digest.hex,
            let forms = stored.logoForms()
        else { return nil }
        return forms
    }

    /// Writes the file whole (a temporary file renamed into place), so a reader never sees
    /// half of it; returns a warning instead of failing.
    private func write(_ forms: LogoForms, digest: ContentHash, to file: String) -> String? {
        let folder = (file as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let data = try encoder.encode(CacheFile(forms, digest: digest))
            try data.write(to: URL(fileURLWithPath: file), options: .atomic)
            return nil
        } catch {
            return "cannot write the logo cache \(file): \(WriteProblem.describe(file, error))"
        }
    }
}

/// The JSON kept per logo file.
private struct CacheFile: Codable {
    struct Form: Codable {
        var variant: String
        var kind: String
        var pdq: String
    }

    /// `LogoForms.version` when written.
    var version: Int
    /// The logo file's SHA-256, repeated so a renamed or mixed-up file is caught.
    var sha256: String
    var width: Int
    var height: Int
    var pdq: String
    var quality: Int
    var forms: [Form]

    init(_ forms: LogoForms, digest: ContentHash) {
        version = LogoForms.version
        sha256 = digest.hex
        width = forms.width
        height = forms.height
        pdq = forms.whole.hash.hex
        quality = forms.whole.quality
        self.forms = forms.forms.map { Form(variant: $0.variant, kind: $0.kind.rawValue, pdq: $0.hash.hex) }
    }

    /// The forms, or nil when any field is out of range.
    func logoForms() -> LogoForms? {
        guard let whole = PerceptualHash(hex: pdq), (0...100).contains(quality), width > 0, height > 0 else { return nil }
        var out: [LogoForms.Form] = []
        for form in forms {
            guard let kind = LogoIndex.Kind(rawValue: form.kind), let hash = PerceptualHash(hex: form.pdq) else {
                return nil
            }
            out.append(LogoForms.Form(variant: form.variant, kind: kind, hash: hash))
        }
        // A logo with detail always has at least its whole form; none means the file lost them.
        guard !(out.isEmpty && quality >= PDQ.minimumUsefulQuality) else { return nil }
        return LogoForms(whole: PDQHash(hash: whole, quality: quality), width: width, height: height, forms: out)
    }
}
