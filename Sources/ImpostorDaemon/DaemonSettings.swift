import Foundation
import ImpostorCore
import ImpostorFetch
import ImpostorStore

/// The parts of `impostor.toml` that the scan, the daemon, the digest and the review page read.
///
///     database = "/var/lib/impostor/impostor.sqlite"   # default: $STATE_DIRECTORY or ~/.local/state/impostor
///     scan_interval_minutes = 60                       # how often `impostor daemon` scans
///     [review]
///     listen = "127.0.0.1:8080"
///     password_file = "/etc/impostor/secrets/review-password"   # needed to listen beyond loopback
///     host_names = ["review.oakbridge-tc.gov.uk"]   # names the page answers to, beyond its address
///     [digest]
///     to = ["clerk@oakbridge-tc.gov.uk"]
///     from = "impostor@oakbridge-tc.gov.uk"
///     smtp_url = "smtp://mail.oakbridge-tc.gov.uk:587"   # STARTTLS is required unless require_tls = false
///     username = "impostor"
///     password_file = "/etc/impostor/secrets/smtp-password"
///     review_url = "http://127.0.0.1:8080"
///     [intake]                                          # the report mailbox residents write to
///     imap_url = "imaps://mail.oakbridge-tc.gov.uk/INBOX"
///     username = "fakes@oakbridge-tc.gov.uk"
///     password_file = "/etc/impostor/secrets/imap-password"
///     # processed_folder = "impostor-processed"
///     # read_pages = true                                # read each reported link's public page
///     # max_messages = 500                               # a reading's most; the rest wait for the next
public struct DaemonSettings: Sendable {
    public struct Digest: Sendable {
        public var to: [String]
        public var from: String
        public var smtpURL: String
        public var username: String?
        public var passwordFile: String?
        public var caBundle: String?
        public var requireTLS: Bool
        public var reviewURL: String
    }

    public var database: String?
    public var scanIntervalMinutes: Int
    public var listen: String
    public var reviewPasswordFile: String?
    /// Host names the review page answers to besides its own address, IP literals and localhost.
    public var reviewHostNames: [String]
    public var digest: Digest?
    /// The report mailbox, read on every scan and by `impostor intake`.
    public var intake: Intake?

    /// `[intake]`: the mailbox, and whether reported links are read for their public pages.
    public struct Intake: Sendable {
        public var mailbox: Mailbox
        public var readPages: Bool
        /// At most this many messages a reading; the rest wait for the next.
        public var maxMessages: Int
    }

    /// A settings problem, naming the key and what to write instead.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public init(watchlist: Watchlist) throws(Problem) {
        let other = watchlist.settings.other
        let base = watchlist.directory
        func path(_ value: String) -> String { value.hasPrefix("/") ? value : base + "/" + value }

        // A PostgreSQL address is not a file: it is kept as written.
        database = try Self.string(other, "database").map { PostgresAddress.isPostgres($0) ? $0 : path($0) }
        scanIntervalMinutes = 60
        if let raw = other["scan_interval_minutes"] {
            guard let n = raw.integer, (5...10_080).contains(n) else {
                throw Problem(description: "impostor.toml: scan_interval_minutes must be a whole number of minutes from 5 to 10080 (a week)")
            }
            scanIntervalMinutes = n
        }
        let review = try Self.table(other, "review")
        listen = try Self.string(review, "listen", in: "review") ?? "127.0.0.1:8080"
        reviewPasswordFile = try Self.string(review, "password_file", in: "review").map(path)
        if let raw = review["host_names"] {
            guard let names = raw.strings, names.count == raw.array?.count, names.allSatisfy({ !$0.isEmpty }) else {
                throw Problem(description: "impostor.toml [review] `host_names` must be a list of names in quotes, e.g. [\"review.example.gov.uk\"]")
            }
            reviewHostNames = names
        } else {
            reviewHostNames = []
        }

        let d = try Self.table(other, "digest")
        if d.isEmpty {
            digest = nil
        } else {
            let to: [String]
            if let one = d["to"]?.string {
                to = [one]
            } else if let many = d["to"]?.strings, !many.isEmpty {
                to = many
            } else {
                throw Problem(description: "impostor.toml [digest]: `to` must name the clerk's e-mail address, e.g. to = [\"clerk@example.gov.uk\"]")
            }
            guard let from = try Self.string(d, "from", in: "digest") else {
                throw Problem(description: "impostor.toml [digest]: `from` is missing: the address the digest is sent from")
            }
            guard let url = try Self.string(d, "smtp_url", in: "digest"),
                  url.hasPrefix("smtp://") || url.hasPrefix("smtps://")
            else {
                throw Problem(description: "impostor.toml [digest]: `smtp_url` must look like smtp://mail.example.gov.uk:587 or smtps://…:465")
            }
            for address in to + [from] where !Self.looksLikeAddress(address) {
                throw Problem(description: "impostor.toml [digest]: \"\(address)\" is not an e-mail address")
            }
            digest = Digest(
                to: to, from: from, smtpURL: url, username: try Self.string(d, "username", in: "digest"),
                passwordFile: try Self.string(d, "password_file", in: "digest").map(path),
                caBundle: try Self.string(d, "ca_bundle", in: "digest").map(path),
                requireTLS: d["require_tls"]?.bool ?? true,
                reviewURL: try Self.string(d, "review_url", in: "digest") ?? "http://\(listen)")
        }
        intake = try Self.intake(try Self.table(other, "intake"), path: path)
    }

    static func intake(_ t: [String: ConfigValue], path: (String) -> String) throws(Problem) -> Intake? {
        guard !t.isEmpty else { return nil }
        guard let url = try string(t, "imap_url", in: "intake") else {
            throw Problem(description: "impostor.toml [intake]: `imap_url` is missing, e.g. imap_url = \"imaps://mail.example.gov.uk/INBOX\"")
        }
        guard let username = try string(t, "username", in: "intake") else {
            throw Problem(description: "impostor.toml [intake]: `username` is missing: the mailbox's login, e.g. \"fakes@example.gov.uk\"")
        }
        guard let passwordFile = try string(t, "password_file", in: "intake").map(path) else {
            throw Problem(description: "impostor.toml [intake]: `password_file` is missing: a file whose first line is the mailbox password")
        }
        let mailbox = Mailbox(
            url: url, username: username, passwordFile: passwordFile,
            processedFolder: try string(t, "processed_folder", in: "intake") ?? Mailbox.defaultProcessedFolder,
            caBundle: try string(t, "ca_bundle", in: "intake").map(path))
        do {
            // The URL and the folder are checked now, so a mistake shows at start and not at 3 a.m.
            _ = try IMAPSession.check(mailbox)
        } catch {
            throw Problem(description: "impostor.toml [intake]: \(error.reason)")
        }
        var readPages = true
        if let raw = t["read_pages"] {
            guard let b = raw.bool else { throw Problem(description: "impostor.toml [intake] `read_pages` must be true or false") }
            readPages = b
        }
        var maxMessages = 500
        if let raw = t["max_messages"] {
            guard let n = raw.integer, (1...100_000).contains(n) else {
                throw Problem(description: "impostor.toml [intake] `max_messages` must be a whole number from 1 to 100000")
            }
            maxMessages = n
        }
        return Intake(mailbox: mailbox, readPages: readPages, maxMessages: maxMessages)
    }

    static func looksLikeAddress(_ s: String) -> Bool {
        let parts = s.split(separator: "@")
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !s.contains(where: { $0 == "\r" || $0 == "\n" || $0 == " " || $0 == "<" || $0 == ">" })
    }

    static func table(_ t: [String: ConfigValue], _ key: String) throws(Problem) -> [String: ConfigValue] {
        guard let value = t[key] else { return [:] }
        guard let table = value.table else {
            throw Problem(description: "impostor.toml: [\(key)] must be a table (a section headed [\(key)])")
        }
        return table
    }

    static func string(_ t: [String: ConfigValue], _ key: String, in section: String? = nil) throws(Problem) -> String? {
        guard let value = t[key] else { return nil }
        guard let s = value.string, !s.isEmpty else {
            let name = section.map { "[\($0)] " } ?? ""
            throw Problem(description: "impostor.toml \(name)`\(key)` must be a non-empty string in quotes")
        }
        return s
    }
}
