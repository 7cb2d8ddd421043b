import ArgumentParser
import ImpostorCore
import ImpostorDaemon
import Logging

extension DaemonSettings {
    /// The settings, or exit 2 with the problem.
    static func load(_ watchlist: Watchlist) throws -> DaemonSettings {
        do {
            return try DaemonSettings(watchlist: watchlist)
        } catch {
            Console.error("impostor: \(error.description)")
            throw ExitCode(ExitCodes.configuration)
        }
    }
}

extension LogOptions {
    func logger(_ label: String) -> Logger {
        let level: Logger.Level = verbose ? .debug : (quiet ? .warning : .info)
        return Logger(label: label) { name in StderrLogHandler(label: name, level: level) }
    }
}
