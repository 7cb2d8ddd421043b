import Foundation
import ImpostorCore

/// Secrets (tokens, app passwords) live in files, never on the command line. The secret itself
/// never appears in an error.
enum SecretFile {
    /// The file's first line, trimmed; `what` names the secret in errors ("the Mastodon token").
    static func read(_ path: String, what: String) throws(FetchError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read by this user" : "does not exist"
            throw FetchError(.configuration, "the file holding \(what), \(path), \(reason)")
        }
        let text = String(decoding: data, as: UTF8.self)
        let first = text.split(whereSeparator: \.isNewline).first.map { String($0).trimmingSpaces() } ?? ""
        guard !first.isEmpty else { throw FetchError(.configuration, "the file holding \(what), \(path), is empty") }
        Redaction.register(first)
        return first
    }
}
