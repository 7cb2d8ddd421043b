import ArgumentParser
import ImpostorCore
import ImpostorScoring
import ImpostorText
import Foundation

extension Impostor {
    /// `impostor explain`: how impostor reads one name, for a person at a terminal.
    struct Explain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how a name is folded and which councils it comes close to, with the reasons.",
            discussion: """
                Example:
                  impostor explain "Оakbridge Town Counciⅼ" --handle oakbridge_tc --watchlist watchlist
                """)

        @OptionGroup var options: WatchlistOptions

        @Argument(help: "The display name to explain.")
        var name: String

        @Option(help: "The account's handle.")
        var handle: String = ""

        @Option(help: "The account's bio.")
        var bio: String = ""

        @Option(help: "The platform (x, facebook, bluesky, …).")
        var platform: String = "x"

        @Option(help: "The account's address (https://…), as the listing gives it: the council's own account is known by it too.")
        var url: String = ""

        @Option(help: "How many follow the account, as the platform shows it.")
        var followers: Int?

        @Option(name: .customLong("created-at"), help: "When the account was made, as the platform gives it (2024-03-01).")
        var createdAt: String?

        @Option(name: .customLong("verified-type"),
                help: "The organisation X verified the account as: government or business (its grey or gold tick). Read with --platform x only.")
        var verifiedType: VerifiedOrganisation?

        @Flag(help: "X labels the account a parody. Read with --platform x only.")
        var parody = false

        func validate() throws {
            if let followers, followers < 0 {
                throw ValidationError("--followers is a count of people, 0 or more; got \(followers)")
            }
        }

        func run() async throws {
            let watchlist = try options.load(quiet: true)
            let scorer = try Scorer(identities: watchlist.identities)
            let profile = Profile(platform: Platform(rawValue: platform), id: "explain", handle: handle, displayName: name, bio: bio, url: CleanURL.profileURL(url),
                                  createdAt: createdAt, followers: followers, verifiedAs: verifiedType, parody: parody ? true : nil)
            let folded = scorer.folded(profile)
            // The name and handle are pasted from a suspect account: printed, they are cleaned for the terminal.
            Console.out("name:    \(Terminal.message(name))")
            Console.out("folded:  \(Terminal.message(folded.name.readable))")
            Console.out("keys:    \(Terminal.message(folded.name.keys.joined(separator: " ")))")
            if !handle.isEmpty {
                // The keys merge look-alikes ("cl" is "d"): the readable form comes first.
                Console.out("handle:  \(Terminal.message(handle)) -> \(Terminal.message(folded.handle.readable)) (keys: \(Terminal.message(folded.handle.compact)))")
            }
            for f in folded.name.findings {
                let imitation = f.imitates.isEmpty ? "" : " imitating \"\(Terminal.safe(f.imitates))\""
                Console.out("  \(f.kind.rawValue): \(f.codePoint) \(f.script)\(imitation)")
            }
            // A listed account is judged as listed, by `score` and a scan alike: say so before how its name reads.
            let scored = scorer.assess(profile)
            if scored.reasons.contains(where: { [.official, .allowed].contains($0.signal) }) {
                Console.out("")
                Console.out("As scored: this is a listed account.")
                show(scored)
                Console.out("")
                Console.out("How the name and bio read, were it not listed:")
            }
            let ranked = scorer.rankedAssessments(profile)
            if ranked.isEmpty { Console.out("No council in the watchlist comes close.") }
            for a in ranked {
                Console.out("")
                show(a)
            }
        }

        private func show(_ a: Assessment) {
            Console.out("\(Terminal.safe(a.identity ?? "-")): score \(a.score), \(a.verdict.rawValue)"
                + (a.verdict == .suspect ? ", target \(a.target?.rawValue ?? "-")" : ""))
            // A listed account is judged by its listing, not by weights.
            let weighed = a.verdict == .suspect || a.verdict == .clear
            func line(_ weight: Double, _ text: String) {
                Console.out("  \(weight >= 0 ? "+" : "")\(String(format: "%.1f", weight))  \(text)")
            }
            if weighed { line(RuleTable.prior, "where every account starts") }
            for r in a.reasons { line(r.weight, Terminal.message(r.detail)) }
            if weighed {
                let sum = RuleTable.prior + a.reasons.reduce(0) { $0 + $1.weight }
                line(sum, "in all, so \(sum >= 0 ? "a suspect" : "clear"): a suspect needs 0 or more (a score of 0.5 or more)")
            }
        }
    }
}

extension VerifiedOrganisation: ExpressibleByArgument {}
