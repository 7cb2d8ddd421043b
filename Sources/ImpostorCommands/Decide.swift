import ArgumentParser
import Foundation
import ImpostorCore
import ImpostorDaemon
import ImpostorStore

extension Impostor {
    /// `impostor decide`: the clerk's decision on one case, written to the audit trail.
    struct Decide: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Records your decision on a case: confirm, dismiss, allow, snooze or expected.",
            discussion: """
                confirm   it is impersonating the council: drafts for the report and warnings follow
                dismiss   not impersonation; --reason namesake|community-group|councillor|parody|other
                allow     a genuine account: added to the council's allow-list, never flagged again
                snooze    look again later; --until YYYY-MM-DD
                reported  you have reported it to the platform (after confirm)
                reopen    put it back in the queue
                expected  a takeover alert about the council's own account was the council's own change
                          (a new logo, a new Mayor): the account as it is now becomes the baseline

                Each decision is recorded with the time and your name (your login name, or --as).
                Example: impostor decide 12 dismiss --reason namesake --note "Oakbridge in Kent"
                """
        )

        @OptionGroup var watchlistOptions: WatchlistOptions
        @OptionGroup var storeOptions: StoreOptions

        @Argument(help: "The case number, as `impostor review` lists it.")
        var caseID: Int64

        @Argument(help: "confirm, dismiss, allow, snooze, reported, reopen or expected.")
        var decision: String

        @Option(help: "Why it is dismissed: namesake, community-group, councillor, parody or other.")
        var reason: String?

        @Option(help: "The date a snoozed case comes back (YYYY-MM-DD).")
        var until: String?

        @Option(help: "A note for the record.")
        var note: String?

        @Option(name: .customLong("as"), help: "The name to record as the decider (default: your login name).")
        var actor: String?

        func validate() throws {
            let known = ["confirm", "dismiss", "allow", "snooze", "reported", "reopen", "expected"]
            guard known.contains(decision) else {
                throw ValidationError("\"\(decision)\" is not a decision: use one of \(known.joined(separator: ", "))")
            }
            if let reason, DismissReason(rawValue: reason) == nil {
                throw ValidationError("--reason \(reason): use one of \(DismissReason.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if reason != nil && decision != "dismiss" { throw ValidationError("--reason goes with dismiss") }
            if decision == "snooze" {
                guard let until else { throw ValidationError("snooze needs --until YYYY-MM-DD") }
                guard LondonDay.end(of: until) != nil else { throw ValidationError("--until \(until): write the date as YYYY-MM-DD, in the years 2000 to 2999") }
            } else if until != nil {
                throw ValidationError("--until goes with snooze")
            }
        }

        func run() async throws {
            let watchlist = try watchlistOptions.load(quiet: true)
            let settings = try DaemonSettings.load(watchlist)
            let choice: Decision = switch decision {
            case "confirm": .confirm
            case "dismiss": .dismiss(reason.flatMap(DismissReason.init(rawValue:)) ?? .other)
            case "allow": .allow
            case "snooze": .snooze(until: LondonDay.end(of: until ?? "")!)
            case "reported": .reported
            case "expected": .expected
            default: .reopen
            }
            let actor = actor ?? Self.loginName()
            try await storeOptions.withCaseStore(settings: settings, existing: true) { store in
                let result: CaseSummary
                do {
                    result = try await store.decide(caseID, choice, actor: actor, note: note, scope: .all, at: Date())
                } catch let error as StoreError {
                    Console.error("impostor: \(Terminal.message(error.reason))")
                    throw ExitCode(error.code == .notFound || error.code == .invalidDecision ? 1 : ExitCodes.store)
                }
                Console.out(Self.line(result))
                if result.status == .confirmed {
                    Console.out("next: `impostor notice \(result.id)` drafts the platform report; `impostor warning \(result.id) --channel website` drafts the public warning")
                }
            }
        }

        /// What the decision made of the case, with the account's handle and platform cleaned for the terminal.
        static func line(_ result: CaseSummary) -> String {
            "case \(result.id): \(result.status.label.lowercased()) "
                + "(@\(Terminal.safe(result.handle)) on \(Terminal.safe(result.platform.rawValue)))"
        }

        /// The person at the keyboard, for the audit trail.
        static func loginName() -> String {
            if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
            return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
        }
    }
}
