import ArgumentParser
import ImpostorCore

extension Impostor {
    /// `impostor check`: validates the watchlist and says what it protects.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the watchlist: every error with its file, line and what to do.",
            discussion: """
                Reads every .toml file in the watchlist folder (one per council; impostor.toml holds settings), \
                reports errors and unknown keys, and lists what is protected. Exits 0 when the watchlist is usable, \
                2 when it is not.
                """)

        @OptionGroup var options: WatchlistOptions

        func run() async throws {
            let watchlist = try options.load()
            for identity in watchlist.identities {
                let accounts = identity.officials.map { "\($0.platform) \($0.handle)" }.joined(separator: ", ")
                Console.out("\(identity.id): \(identity.name)" + (identity.area.isEmpty ? "" : " (\(identity.area))"))
                Console.out("  official: \(accounts.isEmpty ? "none listed" : accounts)")
                if !identity.people.isEmpty {
                    Console.out("  people: " + identity.people.map { "\($0.role) \($0.name)" }.joined(separator: ", "))
                }
                Console.out("  logos: \(identity.logos.count), allowed accounts: \(identity.allowed.count)")
            }
            let sources = watchlist.settings.sources.map(\.kind).joined(separator: ", ")
            Console.out("\(watchlist.identities.count) council(s) OK" + (sources.isEmpty ? "" : "; sources: \(sources)"))
        }
    }
}
