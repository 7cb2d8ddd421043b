import ArgumentParser
import Foundation
import ImpostorCore
import ImpostorDaemon
import ImpostorStore

extension Impostor {
    /// `impostor intake`: one reading of the report mailbox, as every scan does.
    struct IntakeCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "intake",
            abstract: "Reads the report mailbox now: residents' links and forwarded scam e-mails become cases.",
            discussion: """
                Every scan reads the mailbox named in impostor.toml; this reads it once, now:

                  [intake]
                  imap_url = "imaps://mail.oakbridge-tc.gov.uk/INBOX"
                  username = "fakes@oakbridge-tc.gov.uk"
                  password_file = "/etc/impostor/secrets/imap-password"
                  # processed_folder = "impostor-processed"

                Each unseen message's links to profiles (not the council's own sites or accounts) are filed \
                as reported cases, with the sender and subject as the report. A forwarded e-mail whose sender \
                claims the council or one of its people, from outside its domains, becomes an `email` case. \
                A message moves to the processed folder once its cases are stored; nothing is deleted. A \
                message impostor cannot read, or that holds nothing to act on, stays in the mailbox for you.

                With a shared store (--db postgres://…, or `database` in impostor.toml) the association \
                runs this on a timer on one machine (workers do not read the mailbox); each report goes on \
                the case of the council the account copies, else of the nearest council.

                Exit status: 0 read; 1 the mailbox could not be read; 2 the settings are wrong.
                """
        )

        @OptionGroup var watchlistOptions: WatchlistOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var logOptions: LogOptions

        @Option(help: "The cache folder for pictures and pages (default: $CACHE_DIRECTORY, $XDG_CACHE_HOME/impostor or ~/.cache/impostor).")
        var cache: String?

        func run() async throws {
            let watchlist = try watchlistOptions.load(quiet: true)
            let settings = try DaemonSettings.load(watchlist)
            guard let intake = settings.intake else {
                Console.error("impostor: no report mailbox: add an [intake] table to impostor.toml (see `impostor intake --help`)")
                throw ExitCode(ExitCodes.configuration)
            }
            let logger = logOptions.logger("impostor.intake")
            let outcome = try await storeOptions.withCaseStore(settings: settings) { store in
                let desk = try ScanSetup.desk(watchlist: watchlist, store: store, cacheDirectory: cache,
                                              offline: !intake.readPages, logger: logger)
                return await Intake(mailbox: intake.mailbox, desk: desk, logger: logger, maxMessages: intake.maxMessages).run()
            }
            Self.print(outcome, quiet: logOptions.quiet)
            if outcome.failure != nil { throw ExitCode(1) }
        }

        static func print(_ outcome: Intake.Outcome, quiet: Bool) {
            if let failure = outcome.failure { Console.error("impostor: \(failure)") }
            for note in outcome.notes { Console.error("impostor: \(Terminal.safe(note))") }
            guard !quiet else { return }
            Console.out("report mailbox: \(outcome.messages) unseen messages, \(outcome.processed) processed, "
                + "\(outcome.reports) reports, \(outcome.opened.count) new cases")
        }
    }
}
