import ArgumentParser
import Foundation
import ImpostorCore
import ImpostorFetch
import Logging
import Synchronization

extension Impostor {
    /// `impostor fetch`: finds candidate profiles through the configured sources and writes them as
    /// JSON lines in the `score` input format, so `impostor fetch | impostor score` works.
    struct Fetch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetches public profiles from the sources in impostor.toml and writes them as JSON lines.",
            discussion: """
                Profiles go to standard output, one JSON object a line, with avatars downloaded into the \
                cache folder. A summary per source (pages, profiles, errors, waits) goes to standard error. \
                Exits 1 if any source failed; the other sources still run.
                """
        )

        @OptionGroup var watchlistOptions: WatchlistOptions

        @Option(help: "Only run sources of this kind: bluesky, mastodon, youtube, x, instagram, facebook, websearch, listing or link.")
        var source: String?

        @Option(help: "The cache folder for avatars and conditional requests (default: $CACHE_DIRECTORY, $XDG_CACHE_HOME/impostor or ~/.cache/impostor).")
        var cache: String?

        @Flag(help: "Keep avatar URLs instead of downloading the pictures.")
        var noAvatars = false

        func validate() throws {
            let kinds = ["bluesky", "mastodon", "youtube", "listing", "link", "websearch", "x", "instagram", "facebook"]
            if let source, !kinds.contains(source) {
                throw ValidationError("--source must be one of: \(kinds.joined(separator: ", "))")
            }
        }

        func run() async throws {
            let loaded = try watchlistOptions.load(quiet: true)
            var logger = Logger(label: "impostor.fetch")
            logger.logLevel = .warning
            let plan = FetchPlan.make(watchlist: loaded, kind: source)
            if plan.sources.isEmpty && plan.problems.isEmpty {
                Console.error("impostor: no [[source]] entries\(source.map { " of kind \($0)" } ?? "") in \(loaded.directory)/impostor.toml")
                throw ExitCode(1)
            }
            var fetcher = Fetcher.live(
                watchlist: loaded, cacheDirectory: cache ?? ResponseCache.defaultDirectory(), logger: logger)
            if noAvatars { fetcher = Fetcher(session: fetcher.session, avatars: nil) }
            let display = ProgressLine(enabled: Console.isTerminal)
            let report = await fetcher.run(plan) { display.show($0) }
            display.clear()

            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var out = Data()
            for var profile in report.profiles {
                // `score` reads the downloaded picture: it accepts paths inside the cache folder.
                if let file = profile.avatarFile { profile.avatar = file }
                out.append(try encoder.encode(profile))
                out.append(0x0A)
            }
            Console.writeAll(1, String(decoding: out, as: UTF8.self))
            Console.error(Self.summary(report), newline: false)
            if report.failed { throw ExitCode(1) }
        }

        /// One line per source, then one line per failure with its cause. A cause may quote a feed's handle
        /// or a server's words: each is cleaned to one line (FetchError does so already; this keeps it so).
        static func summary(_ report: Fetcher.Report) -> String {
            var text = ""
            for s in report.summaries {
                let seconds = Double(s.waited.components.seconds) + Double(s.waited.components.attoseconds) / 1e18
                text += "\(s.kind) (\(Terminal.message(s.location))): \(s.pages) pages, \(s.profiles) profiles, "
                text += "\(s.errors.count) errors, \(s.waits) waits (\(String(format: "%.1f", seconds)) s)"
                if !s.avatarErrors.isEmpty { text += ", \(s.avatarErrors.count) avatars failed" }
                text += "\n"
                for e in s.errors { text += "  error [\(e.code)]: \(Terminal.message(e.description))\n" }
                for e in s.avatarErrors { text += "  avatar [\(e.code)]: \(Terminal.message(e.description))\n" }
            }
            return text
        }
    }
}

/// The one-line progress display on a terminal's standard error; silent when it is not a terminal.
private final class ProgressLine: Sendable {
    let enabled: Bool
    private let pages = Mutex<[String: Int]>([:])

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ progress: Fetcher.Progress) {
        guard enabled else { return }
        let line = pages.withLock { counts -> String in
            counts[progress.source] = progress.pages
            return counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "  ")
        }
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(line.prefix(200))".utf8))
    }

    func clear() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
