import ArgumentParser
import Foundation
import ImpostorCore
import ImpostorDaemon
import ImpostorStore

extension Impostor {
    /// `impostor review`: the queue in a terminal.
    struct Review: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lists the cases waiting for a decision, highest score first.",
            discussion: """
                Then decide each one with `impostor decide CASE confirm|dismiss|allow|snooze`, or open the \
                review page (`impostor serve`) to see the evidence side by side.
                """
        )

        @OptionGroup var watchlistOptions: WatchlistOptions
        @OptionGroup var storeOptions: StoreOptions

        @Option(help: "Only cases with this status: \(CaseStatus.allCases.map(\.rawValue).joined(separator: ", ")). Default: new.")
        var status: [String] = []

        @Flag(help: "Cases of every status.")
        var all = false

        @Option(help: "Only cases about this council (its file name without .toml).")
        var identity: String?

        @Option(help: "Only cases on this platform.")
        var platform: String?

        @Flag(help: "One JSON object per case, a line each: id, platform, handle, identity, score, status, kind, reports.")
        var json = false

        func validate() throws {
            for s in status where CaseStatus(rawValue: s) == nil {
                throw ValidationError("--status \(s): use one of \(CaseStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        struct Line: Encodable {
            var id: Int64
            var platform: String
            var handle: String
            var displayName: String
            var url: String
            var identity: String
            var score: Double
            var status: String
            var openedAt: Date
            /// "impersonation", or "takeover" for an alert about one of the council's own accounts.
            var kind: String
            /// Residents' reports on the case: a reported case opens whatever its score.
            var reports: Int

            enum CodingKeys: String, CodingKey {
                case id, platform, handle, url, identity, score, status, kind, reports
                case displayName = "display_name"
                case openedAt = "opened_at"
            }
        }

        func run() async throws {
            let watchlist = try watchlistOptions.load(quiet: true)
            let settings = try DaemonSettings.load(watchlist)
            var filter = CaseFilter(limit: 10_000)
            if all {
                filter.statuses = Set(CaseStatus.allCases)
            } else if !status.isEmpty {
                filter.statuses = Set(status.compactMap(CaseStatus.init(rawValue:)))
            }
            filter.identity = identity
            // Said, not failed: a shared store may hold councils this machine's watchlist leaves out.
            if let identity, watchlist.identity(id: identity) == nil {
                let known = watchlist.identities.map(\.id).sorted().prefix(10).joined(separator: ", ")
                Console.error("impostor: no council \"\(Terminal.message(identity))\" in the watchlist (its file name without .toml: \(known))")
            }
            filter.platform = platform.map(Platform.init(rawValue:))
            let cases: [CaseSummary] = try await storeOptions.withCaseStore(settings: settings, existing: true) { store in
                do {
                    return try await store.cases(filter)
                } catch let error as StoreError {
                    Console.error("impostor: \(Terminal.message(error.reason))")
                    throw ExitCode(ExitCodes.store)
                }
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .iso8601
                for c in cases {
                    let line = Line(id: c.id, platform: c.platform.rawValue, handle: c.handle, displayName: c.displayName,
                                    url: c.url, identity: c.identity, score: (c.score * 1000).rounded() / 1000,
                                    status: c.status.rawValue, openedAt: c.openedAt, kind: c.kind.rawValue,
                                    reports: c.reports)
                    Console.out(String(decoding: try encoder.encode(line), as: UTF8.self))
                }
                return
            }
            if cases.isEmpty {
                Console.out("No cases waiting. (`impostor review --all` lists every case.)")
                return
            }
            for c in cases {
                Console.out(Self.line(c, watchlist: watchlist))
            }
            Console.out("\nDecide with: impostor decide CASE confirm|dismiss|allow|snooze [--reason R] [--note N]")
        }

        /// One case as the queue lists it. Every stored text the account chose is cleaned for the terminal:
        /// a listing names the platform, the handle and the name.
        static func line(_ c: CaseSummary, watchlist: Watchlist) -> String {
            let name = Terminal.safe(c.displayName)
            let platform = Terminal.safe(c.platform.rawValue)
            let council = Terminal.safe(watchlist.identity(id: c.identity)?.name ?? c.identity)
            let line = c.kind == .takeover
                ? "ALERT: the council's own \(platform) account @\(Terminal.safe(c.handle)) changed or is gone (\(council))"
                : "\(platform) @\(Terminal.safe(c.handle)) \"\(name)\" → \(council)"
                    + (c.reports > 0 ? " [reported by a resident\(c.reports > 1 ? " ×\(c.reports)" : "")]" : "")
            return String(format: "%5lld  %.2f  %-10@ %@", c.id, c.score, c.status.rawValue as NSString, line as NSString)
        }
    }
}
