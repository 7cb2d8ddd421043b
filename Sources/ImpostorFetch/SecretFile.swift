import Foundation
import ImpostorCore

/// Secrets (tokens, app passwords) live in files, never on the command line. The secret itself
/// never appears in an error.
enum SecretFile {
    /// The file's first line, trimmed; `what` names the secret in errors ("the Mastodon token").
    static func read(_ path: String, what: String) throws(FetchError) -> String {
        let bytes: [UInt8]
        do {
            bytes = try RegularFile.read(path, maxBytes: 64 << 10)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? error.description : "\(path) does not exist"
            throw FetchError(.configuration, "cannot read the file holding \(what): \(reason)")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let first = text.split(whereSeparator: \.isNewline).first.map { String($0).trimmingSpaces() } ?? ""
        guard !first.isEmpty else { throw FetchError(.configuration, "the file holding \(what), \(path), is empty") }
        Redaction.register(first)
        return first
    }
}
