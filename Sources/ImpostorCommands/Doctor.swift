import ArgumentParser
import Foundation
import ImpostorCore
import ImpostorDaemon
import ImpostorFetch
import Logging

extension Impostor {
    /// `impostor doctor`: what a first night's scan would trip over, found now, each with its fix.
    struct Doctor: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Checks everything a scan needs and says how to fix each problem.",
            discussion: """
                Checks, in order: the watchlist and impostor.toml (unknown keys included); that each secret \
                file is readable by its owner alone; that each source answers and takes its key (one cheap \
                request each: a YouTube check costs 1 unit of the day's quota, a web search 1 query); the \
                digest's SMTP login and the report mailbox's IMAP login; the case store's integrity, its \
                pending changes, the last scan and the free disk space; and that impostor-scan.timer (or \
                the daemon) is enabled. Run it as the scan's user, so it reads what the scan reads: \
                sudo -u impostor impostor doctor. Exits 0 when all is well, 1 with the list of problems.
                """)

        @OptionGroup var watchlistOptions: WatchlistOptions
        @OptionGroup var storeOptions: StoreOptions

        @Option(name: .customLong("skip"), help: ArgumentHelp(
            "Leave out a check: \(Checkup.Part.allCases.map(\.rawValue).joined(separator: ", ")). Repeat for more (--skip sources on a machine that is offline).",
            valueName: "check"))
        var skipped: [String] = []

        @Option(help: "The cache folder (default: $CACHE_DIRECTORY, $XDG_CACHE_HOME/impostor or ~/.cache/impostor).")
        var cache: String?

        func validate() throws {
            for name in skipped where Checkup.Part(rawValue: name) == nil {
                throw ValidationError("--skip takes one of: \(Checkup.Part.allCases.map(\.rawValue).joined(separator: ", ")); not \"\(name)\"")
            }
        }

        func run() async throws {
            var checkup = Checkup(
                watchlistDirectory: watchlistOptions.watchlist, database: storeOptions.db,
                cacheDirectory: cache ?? ResponseCache.defaultDirectory(), systemctl: Self.systemctl())
            checkup.skip = Set(skipped.compactMap(Checkup.Part.init(rawValue:)))
            let logger = Logger(label: "impostor.doctor") { name in StderrLogHandler(label: name, level: .error) }
            let items = await checkup.run(logger: logger)
            Console.out("impostor doctor \(ImpostorVersion.current): \(RegularFile.absolute(watchlistOptions.watchlist))")
            for item in items {
                let mark = switch item.status {
                case .ok: "ok     "
                case .problem: "PROBLEM"
                case .note: "note   "
                }
                Console.out("\(mark) \(item.topic): \(item.message)")
                if let fix = item.fix, item.status == .problem { Console.out("        fix: \(fix)") }
            }
            let problems = items.filter { $0.status == .problem }.count
            if problems == 0 {
                Console.out("All is well.")
            } else {
                Console.out("\(problems) problem(s).")
                throw ExitCode(1)
            }
        }

        /// systemctl, when this machine has it.
        static func systemctl() -> String? {
            ["/usr/bin/systemctl", "/bin/systemctl"].first { FileManager.default.isExecutableFile(atPath: $0) }
        }
    }
}
