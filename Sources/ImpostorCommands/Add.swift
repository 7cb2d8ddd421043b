import ArgumentParser
import Foundation
import ImpostorCore
import ImpostorDaemon
import ImpostorStore

extension Impostor {
    /// `impostor add`: links a resident sent, filed as reported cases.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Files links residents sent you as reported cases, whatever their score.",
            discussion: """
                Each link to a profile or page, on any platform, becomes a case marked as reported, with \
                who reported it (--by), when, and their words (--note). impostor reads what the page shows \
                publicly; when it cannot (no network, a login wall) the link alone is used, with the handle \
                taken from it. The account is scored as a scan would, and the case waits in `impostor review`.

                The same account reported again adds the report to its case: it never opens a second one \
                for the same council. With a shared store (--db postgres://…) each council has its own case \
                of an account; a report goes on the case of the council the account copies, else of --council, \
                else of the nearest council.

                Example:
                  impostor add https://www.facebook.com/oakbridgetowncounci1 --by "Jo Bloggs" \\
                    --note "Says the Christmas market is cancelled"
                """
        )

        @OptionGroup var watchlistOptions: WatchlistOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var logOptions: LogOptions

        @Argument(help: "The links, each to a profile or page (https://…).")
        var links: [String]

        @Option(help: "What the resident said about it.")
        var note: String?

        @Option(help: "Who reported it (default: your login name).")
        var by: String?

        @Option(help: "The council (watchlist id) to file it under when the account names none.")
        var council: String?

        @Flag(help: "Do not read the pages: use the links alone.")
        var offline = false

        @Option(help: "The cache folder for pictures and pages (default: $CACHE_DIRECTORY, $XDG_CACHE_HOME/impostor or ~/.cache/impostor).")
        var cache: String?

        func validate() throws {
            if links.isEmpty { throw ValidationError("give at least one link, e.g. impostor add https://x.com/oakbridge_tc") }
        }

        func run() async throws {
            let watchlist = try watchlistOptions.load(quiet: true)
            let settings = try DaemonSettings.load(watchlist)
            let logger = logOptions.logger("impostor.add")
            let refused = try await storeOptions.withCaseStore(settings: settings) { store in
                let desk = try ScanSetup.desk(watchlist: watchlist, store: store, cacheDirectory: cache, offline: offline,
                                              logger: logger)
                return await file(desk)
            }
            if refused > 0 { throw ExitCode(1) }
        }

        /// Files each link; returns how many were refused.
        private func file(_ desk: ReportDesk) async -> Int {
            let reporter = ReportDesk.Reporter(name: by ?? Decide.loginName(), channel: .command, note: note)
            var refused = 0
            for link in links {
                do throws(ReportDesk.Refusal) {
                    let filed = try await desk.file(link: link, by: reporter, council: council)
                    let p = filed.profile
                    let what: String
                    switch filed.outcome {
                    case .opened(let id): what = "case \(id) opened"
                    case .added(let id): what = "added to case \(id)"
                    case .known(let id): what = "already on case \(id)"
                    }
                    let name = p.displayName.isEmpty ? "" : " \"\(Terminal.safe(p.displayName))\""
                    Console.out("\(what): \(Terminal.safe(p.platform.rawValue)) @\(Terminal.safe(p.handle))\(name), scored "
                        + String(format: "%.2f", filed.assessment.score)
                        + (filed.unread.map { " (page not read: \(Terminal.message($0)); the link alone was used)" } ?? ""))
                } catch {
                    refused += 1
                    Console.error(Self.refusal(error))
                }
            }
            return refused
        }

        /// Why a link was not filed. The refusal quotes the link as given, which a resident (or whoever
        /// wrote the message it came from) chose: it is cleaned to one line for the terminal.
        static func refusal(_ error: ReportDesk.Refusal) -> String {
            "impostor: not filed: \(Terminal.message(error.reason))"
        }
    }
}
