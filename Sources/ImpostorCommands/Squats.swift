import ArgumentParser
import ImpostorCore
import ImpostorFetch

extension Impostor {
    /// `impostor squats`: the handles the squat watch looks up, so the clerk can see what is checked.
    struct Squats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the handles an impostor would register, which each scan looks up exactly.",
            discussion: """
                For each council: its official handles, handles made from its place and kind \
                (oakbridgetowncouncil, oakbridge_tc, oakbridge.council), with affixes (official, news, grants…) \
                and one-letter slips (dropped, doubled, swapped, look-alike and neighbouring letters), cut to \
                each platform's rules (X: 15 characters). Bluesky and X check many (25 and 100 a request); \
                Mastodon, YouTube and Instagram check the likeliest few. Set `squats = N` on a source to \
                change how many, 0 to turn the watch off.

                Example:
                  impostor squats --watchlist watchlist --platform x
                """)

        @OptionGroup var options: WatchlistOptions

        @Option(help: "Only this platform: bluesky, x, instagram, mastodon or youtube.")
        var platform: String?

        @Option(help: "Handles per council and platform (default: the platform's own).")
        var cap: Int?

        static let platforms: [Platform] = [.bluesky, .x, .instagram, .mastodon, .youtube]

        func validate() throws {
            if let platform, !Self.platforms.map(\.rawValue).contains(Platform(rawValue: platform).rawValue) {
                throw ValidationError("--platform must be one of: \(Self.platforms.map(\.rawValue).joined(separator: ", "))")
            }
            if let cap, !(0...500).contains(cap) { throw ValidationError("--cap runs from 0 to 500") }
        }

        func run() async throws {
            let watchlist = try options.load(quiet: true)
            let chosen = platform.map { [Platform(rawValue: $0)] } ?? Self.platforms
            for identity in watchlist.identities {
                Console.out("\(identity.name) (\(identity.id))")
                for p in chosen {
                    let handles = SquatWatch.handles(for: identity, on: p, cap: cap ?? SquatWatch.defaultCap(for: p))
                    Console.out("  \(p.rawValue), \(handles.count): " + handles.map { SquatWatch.lookupForm($0, on: p) }.joined(separator: " "))
                }
            }
        }
    }
}
