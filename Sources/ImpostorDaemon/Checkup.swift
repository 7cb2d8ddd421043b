#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ImpostorCore
import ImpostorFetch
import ImpostorStore
import Logging

/// One thing `impostor doctor` looked at, and what to do about it.
public struct CheckupItem: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case ok
        case problem
        /// Not a problem, but worth knowing (a check skipped, no scan run yet).
        case note
    }

    public var topic: String
    public var status: Status
    public var message: String
    /// The command or change that fixes a problem.
    public var fix: String?

    public init(_ topic: String, _ status: Status, _ message: String, fix: String? = nil) {
        self.topic = topic
        self.status = status
        self.message = message
        self.fix = fix
    }
}

/// Everything a first night's scan would trip over, checked now: the watchlist and settings, secret
/// files, each source with its key, the mail logins, the store and its disk, and the timer.
public struct Checkup: Sendable {
    /// Parts that can be left out, for a machine that is offline or has no systemd.
    public enum Part: String, Sendable, CaseIterable {
        case secrets, sources, mail, store, timer
    }

    public var watchlistDirectory: String
    /// `--db`, over the settings' `database`.
    public var database: String?
    public var skip: Set<Part> = []
    /// Where `systemctl` is; nil when this machine has none.
    public var systemctl: String?
    /// Less free space than this beside the store is a problem.
    public var minimumFreeBytes: UInt64 = 500 << 20
    public var cacheDirectory: String

    public init(watchlistDirectory: String, database: String?, cacheDirectory: String, systemctl: String?) {
        self.watchlistDirectory = watchlistDirectory
        self.database = database
        self.cacheDirectory = cacheDirectory
        self.systemctl = systemctl
    }

    public func run(logger: Logger) async -> [CheckupItem] {
        var items: [CheckupItem] = []
        let watchlist: Watchlist
        do {
            let (list, warnings) = try WatchlistLoader.load(directory: watchlistDirectory)
            watchlist = list
            let ids = list.identities.map(\.id).joined(separator: ", ")
            items.append(CheckupItem("watchlist", .ok, "\(list.identities.count) council(s): \(ids)"))
            // A warning (an unknown key above all) is a setting that silently does nothing.
            items += warnings.map(Self.item)
        } catch {
            items += error.diagnostics.map(Self.item)
            if !skip.contains(.timer) { items += timer() }
            return items
        }
        var settings: DaemonSettings?
        do {
            settings = try DaemonSettings(watchlist: watchlist)
            items.append(CheckupItem("settings", .ok, "impostor.toml read"))
        } catch {
            items.append(CheckupItem("settings", .problem, error.description))
        }
        if !skip.contains(.secrets) { items += secrets(watchlist, settings: settings) }
        if !skip.contains(.sources) { items += await sources(watchlist, logger: logger) }
        if !skip.contains(.mail), let settings { items += await mail(settings) }
        if !skip.contains(.store) { items += store(path: database ?? settings?.database ?? Store.defaultPath(), settings: settings) }
        if !skip.contains(.timer) { items += timer() }
        return items
    }

    /// A watchlist diagnostic as a problem: where and what, with its hint as the fix.
    static func item(_ d: Diagnostic) -> CheckupItem {
        CheckupItem("watchlist", .problem, (d.line.map { "\(d.file):\($0)" } ?? d.file) + ": " + d.message, fix: d.hint)
    }

    // MARK: secrets

    /// Every file named as a secret: by any `*_file` key of a source, the settings or a council.
    static func secretFiles(_ watchlist: Watchlist, settings: DaemonSettings?) -> [String] {
        func path(_ p: String) -> String { p.hasPrefix("/") ? p : watchlist.directory + "/" + p }
        var out: [String] = []
        for source in watchlist.settings.sources {
            for (key, value) in source.options.sorted(by: { $0.key < $1.key }) where key.hasSuffix("_file") {
                if let p = value.string { out.append(path(p)) }
            }
        }
        if let settings {
            out += [settings.reviewPasswordFile, settings.digest?.passwordFile].compactMap { $0 }
            if let mailbox = settings.intake?.mailbox { out.append(mailbox.passwordFile) }
        }
        for identity in watchlist.identities {
            if let r = identity.reporting { out += [r.mastodonTokenFile, r.blueskyAppPasswordFile].compactMap { $0 }.map(path) }
        }
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }
    }

    func secrets(_ watchlist: Watchlist, settings: DaemonSettings?) -> [CheckupItem] {
        let files = Self.secretFiles(watchlist, settings: settings)
        guard !files.isEmpty else { return [CheckupItem("secrets", .ok, "no secret files are named")] }
        return files.map(Self.secret)
    }

    static func secret(_ file: String) -> CheckupItem {
        var st = stat()
        guard stat(file, &st) == 0 else {
            return CheckupItem("secret \(file)", .problem, "does not exist",
                               fix: "put the key alone in it, then: chown impostor \(file); chmod 600 \(file)")
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            return CheckupItem("secret \(file)", .problem, "is not a regular file", fix: "replace it with a file holding only the key")
        }
        let mode = st.st_mode & 0o777
        if mode & 0o077 != 0 {
            return CheckupItem("secret \(file)", .problem,
                               "can be read by users other than its owner (mode \(String(mode, radix: 8)))",
                               fix: "chmod 600 \(file)")
        }
        guard access(file, R_OK) == 0 else {
            return CheckupItem("secret \(file)", .problem, "cannot be read by this user",
                               fix: "run the doctor as the scan's user (sudo -u impostor impostor doctor), or chown impostor \(file)")
        }
        return CheckupItem("secret \(file)", .ok, "only its owner can read it")
    }

    // MARK: sources

    func sources(_ watchlist: Watchlist, logger: Logger) async -> [CheckupItem] {
        let plan = FetchPlan.make(watchlist: watchlist)
        var items = plan.problems.map { summary in
            CheckupItem("source \(summary.kind)", .problem, summary.errors.map(\.reason).joined(separator: "; "),
                        fix: "fix the [[source]] at \(summary.location)")
        }
        guard !plan.sources.isEmpty || !plan.problems.isEmpty else {
            return [CheckupItem("sources", .problem, "impostor.toml names no [[source]]: a scan would look nowhere",
                                fix: "add the sources that need no key: `impostor init` writes them")]
        }
        let session = Fetcher.live(watchlist: watchlist, cacheDirectory: cacheDirectory, logger: logger).session
        for source in plan.sources {
            let topic = "source \(source.kind)"
            guard let probe = source.probe else {
                items.append(CheckupItem(topic, .note, "\(source.location): nothing to ask before a scan"))
                continue
            }
            switch await probe.run(session: session) {
            case .answered(let text): items.append(CheckupItem(topic, .ok, text))
            case .refused(let reason):
                items.append(CheckupItem(topic, .problem, reason, fix: "the file the [[source]] at \(source.location) names must hold a key the platform takes"))
            case .unreachable(let reason):
                items.append(CheckupItem(topic, .problem, reason, fix: "check this server's way out to the internet (proxy, firewall) and the [[source]] at \(source.location)"))
            }
        }
        return items
    }

    // MARK: mail

    func mail(_ settings: DaemonSettings) async -> [CheckupItem] {
        var items: [CheckupItem] = []
        if let d = settings.digest {
            let server = MailServer(url: d.smtpURL, requireTLS: d.requireTLS, username: d.username, passwordFile: d.passwordFile,
                                    caBundle: d.caBundle, timeoutMilliseconds: 20_000)
            do {
                try await Mailer().checkLogin(server)
                items.append(CheckupItem("digest mail", .ok, "\(FetchError.redact(d.smtpURL)) took the login" + (d.username.map { " of \($0)" } ?? "")))
            } catch {
                items.append(CheckupItem("digest mail", .problem, error.reason, fix: "check [digest] in impostor.toml and its password_file"))
            }
        }
        if let intake = settings.intake {
            do {
                let unread = try await IMAPSession(intake.mailbox).unseen().count
                items.append(CheckupItem("report mailbox", .ok, "\(FetchError.redact(intake.mailbox.url)) took the login; \(unread) unread"))
            } catch {
                items.append(CheckupItem("report mailbox", .problem, error.reason, fix: "check [intake] in impostor.toml and its password_file"))
            }
        }
        return items
    }

    // MARK: store and disk

    func store(path: String, settings: DaemonSettings?) -> [CheckupItem] {
        var items: [CheckupItem] = []
        if PostgresAddress.isPostgres(path) {
            // Never the address as written: it may carry a password.
            do {
                let address = try PostgresAddress(parsing: path)
                return [CheckupItem("store", .note, "the store is PostgreSQL at \(address); `impostor migrate --db` checks it")]
            } catch {
                return [CheckupItem("store", .problem, error.reason, fix: "correct `database` in impostor.toml")]
            }
        }
        let folder = (path as NSString).deletingLastPathComponent
        if FileManager.default.fileExists(atPath: path) {
            do {
                let health = try Store.inspect(path: path)
                if health.isIntact {
                    items.append(CheckupItem("store", .ok, "\(path) is intact"))
                } else {
                    items.append(CheckupItem("store", .problem, "\(path) is damaged: " + health.integrity.prefix(3).joined(separator: "; "),
                                             fix: "stop the timer, move the file aside and restore last night's backup of it"))
                }
                if !health.pending.isEmpty {
                    items.append(CheckupItem("store", .problem, "\(path) lacks \(health.pending.count) change(s) of this version",
                                             fix: "sudo -u impostor impostor migrate --db \(path)"))
                }
                items += lastRun(health.lastRun, interval: settings?.scanIntervalMinutes ?? 60)
            } catch {
                items.append(CheckupItem("store", .problem, error.reason,
                                         fix: "if the file is damaged, move it aside and restore last night's backup; if it cannot be read, the impostor user must own it"))
            }
        } else {
            items.append(CheckupItem("store", .note, "no store at \(path) yet: the first scan makes it"))
        }
        var fs = statvfs()
        var probe = folder
        while !probe.isEmpty, !FileManager.default.fileExists(atPath: probe) { probe = (probe as NSString).deletingLastPathComponent }
        if statvfs(probe.isEmpty ? "/" : probe, &fs) == 0 {
            let free = UInt64(fs.f_bavail) * UInt64(fs.f_frsize)
            let text = "\(free >> 20) MB free beside the store"
            items.append(free < minimumFreeBytes
                ? CheckupItem("disk", .problem, text + " (less than \(minimumFreeBytes >> 20) MB)", fix: "free space on that disk")
                : CheckupItem("disk", .ok, text))
        }
        return items
    }

    func lastRun(_ run: ScanRun?, interval: Int, now: Date = Date()) -> [CheckupItem] {
        guard let run else { return [CheckupItem("last scan", .note, "no scan has run yet")] }
        let when = ISO8601DateFormatter().string(from: run.startedAt)
        var items: [CheckupItem] = []
        switch run.status {
        case .completed:
            items.append(CheckupItem("last scan", .ok, "\(when): completed, \(run.profiles) accounts read"))
        case .running:
            items.append(CheckupItem("last scan", .note, "\(when): still running"))
        case .interrupted:
            items.append(CheckupItem("last scan", .note, "\(when): interrupted (stopped before it finished)"))
        case .partial:
            let failed = run.sources.filter { $0.failure != nil }.map { "\($0.source): \($0.failure!)" }
            items.append(CheckupItem("last scan", .problem, "\(when): some sources failed: " + failed.joined(separator: "; "),
                                     fix: "see `impostor status` for each source"))
        case .failed:
            items.append(CheckupItem("last scan", .problem, "\(when): failed: \(run.message ?? "no reason recorded")",
                                     fix: "journalctl -u impostor-scan.service"))
        }
        if run.status != .running, now.timeIntervalSince(run.startedAt) > Double(interval * 60 * 3) {
            let hours = Int(now.timeIntervalSince(run.startedAt) / 3600)
            items.append(CheckupItem("last scan", .problem, "the last scan started \(hours) hour(s) ago, but scans are due every \(interval) minutes",
                                     fix: "systemctl status impostor-scan.timer"))
        }
        return items
    }

    // MARK: timer

    func timer() -> [CheckupItem] {
        guard let systemctl else {
            return [CheckupItem("timer", .note, "no systemctl on this machine: scans must be started some other way")]
        }
        let timer = Self.unitState(systemctl, "impostor-scan.timer")
        let daemon = Self.unitState(systemctl, "impostor.service")
        if timer == "enabled" { return [CheckupItem("timer", .ok, "impostor-scan.timer is enabled")] }
        if daemon == "enabled" { return [CheckupItem("timer", .ok, "impostor.service (the daemon) is enabled and scans on its own")] }
        return [CheckupItem("timer", .problem, "neither impostor-scan.timer nor impostor.service is enabled (timer: \(timer))",
                            fix: "systemctl enable --now impostor-scan.timer")]
    }

    /// `systemctl is-enabled UNIT`'s one word, or what went wrong.
    static func unitState(_ systemctl: String, _ unit: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: systemctl)
        process.arguments = ["is-enabled", unit]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return "unknown (\(error.localizedDescription))"
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let word = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return word.isEmpty ? "not found" : word
    }
}
