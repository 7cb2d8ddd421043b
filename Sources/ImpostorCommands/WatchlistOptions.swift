import ArgumentParser
import ImpostorCore

/// The `--watchlist` option every command that judges accounts shares.
struct WatchlistOptions: ParsableArguments {
    @Option(name: .customLong("watchlist"), help: ArgumentHelp(
        "The folder with one .toml file per council (and optional impostor.toml settings). Default: ./watchlist if there is one, else \(Self.installed), where the package and `impostor init` put it.",
        valueName: "dir"))
    var given: String?

    /// The folder the package installs and `impostor init` writes to.
    static let installed = "/etc/impostor/watchlist"

    var watchlist: String {
        given ?? (RegularFile.isFolder("watchlist") || !RegularFile.isFolder(Self.installed) ? "watchlist" : Self.installed)
    }

    /// Loads the watchlist, printing warnings to stderr; exits 2 with every error listed when it is unusable.
    func load(quiet: Bool = false) throws -> Watchlist {
        do {
            let (list, warnings) = try WatchlistLoader.load(directory: watchlist)
            if !quiet { for w in warnings { Console.error(Terminal.message(w.description)) } }
            return list
        } catch {
            for d in error.diagnostics { Console.error(Terminal.message(d.description)) }
            Console.error("impostor: the watchlist in \(watchlist) has \(error.diagnostics.filter { $0.severity == .error }.count) error(s); fix them and run `impostor check --watchlist \(watchlist)`")
            throw ExitCode(2)
        }
    }
}
