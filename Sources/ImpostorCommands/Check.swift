import ArgumentParser
import Foundation
import ImpostorCore
import ImpostorImaging

extension Impostor {
    /// `impostor check`: validates the watchlist and says what it protects.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the watchlist: every error with its file, line and what to do.",
            discussion: """
                Reads every .toml file in the watchlist folder (one per council; impostor.toml holds settings), \
                reports errors and unknown keys, and lists what is protected. Each logo is decoded and hashed \
                (PDQ, printed with its quality) and its reference hashes are cached under the SHA-256 of the \
                file, in $\(LogoCache.environmentVariable), else $XDG_CACHE_HOME/impostor, else \
                ~/.cache/impostor. Warns about logos too flat to match and logos two councils share. \
                Exits 0 when the watchlist is usable, 2 when it is not (a logo that cannot be read included).
                """)

        @OptionGroup var options: WatchlistOptions

        @Option(help: ArgumentHelp("The folder for cached logo hashes.", valueName: "dir"))
        var cacheDir: String?

        @Flag(name: .shortAndLong, help: "Also say, per logo, whether its hashes came from the cache.")
        var verbose = false

        func run() async throws {
            let watchlist = try options.load()
            let cache = cacheDir.map { LogoCache(directory: $0) } ?? LogoCache()
            var problems: [Diagnostic] = []
            var hashed: [HashedLogo] = []
            var counts: [LogoCache.Outcome: Int] = [:]
            var cacheWarning: String?
            for identity in watchlist.identities {
                // A watchlist's values are printed as outside text: a TOML escape can still hold a control character.
                let accounts = identity.officials.map { Terminal.safe("\($0.platform) \($0.handle)") }.joined(separator: ", ")
                Console.out(Terminal.safe("\(identity.id): \(identity.name)") + (identity.area.isEmpty ? "" : " (\(Terminal.safe(identity.area)))"))
                Console.out("  official: \(accounts.isEmpty ? "none listed" : accounts)")
                if !identity.people.isEmpty {
                    Console.out("  people: " + identity.people.map { Terminal.safe("\($0.role) \($0.name)") }.joined(separator: ", "))
                }
                Console.out("  logos: \(identity.logos.count), allowed accounts: \(identity.allowed.count)")
                for path in identity.logos {
                    let name = Terminal.safe((path as NSString).lastPathComponent)
                    do {
                        let entry = try cache.forms(forLogoAt: path)
                        counts[entry.outcome, default: 0] += 1
                        cacheWarning = cacheWarning ?? entry.warning
                        let whole = entry.forms.whole
                        Console.out(
                            "  logo \(name): pdq:\(whole.hash.hex) quality=\(whole.quality)"
                                + (verbose ? " (cache: \(entry.outcome.rawValue))" : ""))
                        hashed.append(HashedLogo(identity: identity.id, path: path, entry: entry))
                    } catch {
                        Console.out("  logo \(name): cannot be read")
                        // The diagnostic names the file already.
                        let reason =
                            error.reason.hasPrefix(path + ": ") ? String(error.reason.dropFirst(path.count + 2)) : error.reason
                        problems.append(
                            Diagnostic(
                                .error, file: path, "the logo of \(identity.id) cannot be read: \(reason)",
                                hint: "replace it with a PNG, JPEG, WebP or GIF of the crest"))
                    }
                }
            }
            problems += Self.warnings(hashed)
            // The words detection reads by: a scan without them cannot score.
            do {
                let words = try WordLists.shipped()
                if verbose { Console.out("vocabulary: \(words.languages.joined(separator: ", "))") }
            } catch {
                problems.append(Diagnostic(.error, file: error.path, error.message, hint: error.hint))
            }
            // A diagnostic may quote a watchlist's value, which a TOML escape can fill with control characters.
            for problem in problems { Console.error(Terminal.message(problem.description)) }
            if let cacheWarning {
                Console.error("impostor: warning: \(cacheWarning); logos will be hashed again on every run")
            }
            if verbose {
                let outcomes: [LogoCache.Outcome] = [.reused, .computed, .replaced]
                Console.out(
                    "logo cache \(cache.directory ?? "(none)"): "
                        + outcomes.map { "\(counts[$0, default: 0]) \($0.rawValue)" }.joined(separator: ", "))
            }
            let errors = problems.filter { $0.severity == .error }.count
            guard errors == 0 else {
                Console.error(
                    "impostor: the watchlist in \(options.watchlist) has \(errors) error(s); fix them and run "
                        + "`impostor check --watchlist \(options.watchlist)`")
                throw ExitCode(2)
            }
            let sources = watchlist.settings.sources.map(\.kind).joined(separator: ", ")
            Console.out("\(watchlist.identities.count) council(s) OK" + (sources.isEmpty ? "" : "; sources: \(sources)"))
        }

        /// A logo that was read and hashed, with whose it is.
        struct HashedLogo {
            var identity: String
            var path: String
            var entry: LogoCache.Entry
        }

        /// Logos that can never match, and logos that would match for two councils at once.
        static func warnings(_ logos: [HashedLogo]) -> [Diagnostic] {
            var out: [Diagnostic] = []
            for logo in logos where logo.entry.forms.isFlat {
                out.append(
                    Diagnostic(
                        .warning, file: logo.path,
                        "the logo of \(logo.identity) is too flat to match on (PDQ quality "
                            + "\(logo.entry.forms.whole.quality), below \(PDQ.minimumUsefulQuality)): no avatar will "
                            + "ever match it",
                        hint: "use a version of the crest with its detail, not a plain shape or a near-blank image"))
            }
            for (i, first) in logos.enumerated() {
                for second in logos[(i + 1)...] where second.identity != first.identity {
                    if first.entry.digest == second.entry.digest {
                        out.append(
                            Diagnostic(
                                .warning, file: second.path,
                                "the logo of \(second.identity) is the same image as the logo of \(first.identity) "
                                    + "(\(first.path)): an avatar copying it will match both councils",
                                hint: "list each logo only under the council it belongs to"))
                        continue
                    }
                    let a = first.entry.forms.whole
                    let b = second.entry.forms.whole
                    let distance = a.hash.distance(to: b.hash)
                    if a.isUseful && b.isUseful && distance <= LogoIndex.matchThreshold {
                        out.append(
                            Diagnostic(
                                .warning, file: second.path,
                                "the logo of \(second.identity) looks the same as the logo of \(first.identity) "
                                    + "(\(first.path), \(distance) bits apart): an avatar copying it will match both "
                                    + "councils",
                                hint: "list each logo only under the council it belongs to"))
                    }
                }
            }
            return out
        }
    }
}
