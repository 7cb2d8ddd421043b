import ArgumentParser
import ImpostorCore

/// The `impostor` command: finds accounts that pretend to be a council, its Mayor or its Clerk.
public struct Impostor: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "impostor",
        abstract: "Finds social media accounts that pretend to be your council, its Mayor or its Clerk.",
        discussion: "To set up a council: impostor init, then impostor doctor.",
        version: ImpostorVersion.current,
        subcommands: [
            Init.self, Doctor.self,
            Check.self, Score.self, Explain.self, Hash.self, Fetch.self, Scan.self, Status.self, Review.self, Decide.self,
            Serve.self, Daemon.self, Evidence.self, Report.self, Notice.self, Warn.self, Drafts.self, Squats.self, Add.self,
            IntakeCommand.self, Rules.self, Migrate.self, WorkerCommand.self, Users.self,
        ]
    )

    public init() {}
}
