import ArgumentParser

/// The `impostor` command: finds accounts that pretend to be a council, its Mayor or its Clerk.
public struct Impostor: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "impostor",
        abstract: "Finds social media accounts that pretend to be your council, its Mayor or its Clerk.",
        subcommands: [
            Check.self, Score.self, Explain.self, Hash.self, Fetch.self, Scan.self, Status.self, Review.self, Decide.self,
            Serve.self, Daemon.self, Evidence.self, Report.self, Notice.self, Warn.self, Drafts.self, Squats.self, Add.self,
            IntakeCommand.self, Rules.self,
        ]
    )

    public init() {}
}
