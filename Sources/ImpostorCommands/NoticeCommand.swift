import ArgumentParser
import Foundation
import ImpostorCore
import ImpostorDaemon
import ImpostorDrafts
import ImpostorStore

extension Impostor {
    /// `impostor notice`: the report to paste into the platform's impersonation form.
    struct Notice: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "notice",
            abstract: "Drafts the report to paste into the platform's impersonation form for a confirmed case.",
            discussion: """
                Every field the form asks for, where to report, and who may report (for a Mayor or Clerk, the person impersonated, with their own ID: impostor never stores identity documents).

                Mastodon and Bluesky take reports by API: --submit sends this one through the council's own account and records what was sent, when and the answer with the case, which becomes reported. It needs, in the council's file:

                  [reporting]
                  # a token with the scopes read:search and write:reports
                  mastodon_token_file = "/etc/impostor/secrets/mastodon-token"
                  # an app password (Bluesky: Settings → Privacy and security → App passwords)
                  bluesky_app_password_file = "/etc/impostor/secrets/bluesky-app-password"

                The accounts are the council's [[official]] Mastodon and Bluesky ones (or mastodon_account, bluesky_account); mastodon_server and bluesky_service override where they live.

                For one of the council's own accounts taken over (a takeover alert, or an account or mailbox the scorer read as hijacked), it drafts the plan to get the account back instead: the platform's recovery page, the steps in order, and the text for a form that asks what happened. Nothing is submitted for a takeover.
                """
        )

        @OptionGroup var watchlistOptions: WatchlistOptions
        @OptionGroup var storeOptions: StoreOptions

        @Argument(help: "The case number.")
        var caseID: Int64

        @Option(help: "Draft for another platform than the suspect's (facebook, instagram, threads, x, youtube, tiktok, linkedin, nextdoor, bluesky, mastodon).")
        var platform: String?

        @Flag(help: "Send the report to Mastodon or Bluesky through the council's own account (see above).")
        var submit = false

        @Flag(help: "With --submit: send it even though the case was reported before.")
        var again = false

        @Option(name: .customLong("as"), help: ArgumentHelp("With --submit: the name recorded as the sender (default: your login name).", valueName: "name"))
        var actor: String?

        func validate() throws {
            if again && !submit { throw ValidationError("--again only goes with --submit") }
            if submit && platform != nil { throw ValidationError("--submit sends to the account's own platform: leave out --platform") }
            if let platform, !ImpostorCore.Platform.known.contains(ImpostorCore.Platform(rawValue: platform)) {
                throw ValidationError("--platform \(platform): use one of \(ImpostorCore.Platform.known.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() async throws {
            let watchlist = try watchlistOptions.load(quiet: true)
            let store = try storeOptions.open(settings: try DaemonSettings.load(watchlist), existing: true)
            let (detail, draft) = try CaseDrafts.confirmedCase(caseID, store: store, watchlist: watchlist, preElection: false)
            if submit && draft.kind == .takeover {
                Console.error("impostor: case \(caseID) is the council's own account taken over: there is no one to report it to; "
                              + "run without --submit for the plan to get it back")
                throw ExitCode(1)
            }
            let drafter = try CaseDrafts.drafter(watchlist)
            let notice = drafter.notice(for: draft, platform: platform.map(ImpostorCore.Platform.init(rawValue:)))
            // The draft quotes the account's own text, cleaned as drafted; no control byte reaches the terminal.
            Console.out(TerminalText.lines(notice.text))
            let clean = CaseDrafts.report(DraftLint.check(notice, case: draft))
            if submit && !clean {
                Console.error("impostor: nothing was sent: fix the notice templates first (`impostor drafts --check`)")
            }
            guard clean else { throw ExitCode(1) }
            guard submit, let identity = watchlist.identity(id: detail.summary.identity) else { return }
            let submission = ReportSubmission(detail: detail, identity: identity, draft: draft, drafter: drafter, store: store,
                                              watchlist: watchlist, actor: actor ?? Decide.loginName())
            try await submission.run(again: again)
        }
    }

    /// `impostor warning`: a public warning in the council's voice for one channel.
    struct Warn: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "warning",
            abstract: "Drafts a public warning about a confirmed case for the council's website or one of its accounts.",
            discussion: "Factual, in sentence case, listing the council's real accounts, what residents should do and where to report fraud. Each draft fits its channel's limit as the platform counts it. Edit the wording in <watchlist>/templates (`impostor drafts --init`)."
        )

        @OptionGroup var watchlistOptions: WatchlistOptions
        @OptionGroup var storeOptions: StoreOptions

        @Argument(help: "The case number.")
        var caseID: Int64

        @Option(help: "website, x, bluesky, mastodon, facebook, instagram or nextdoor.")
        var channel: String

        @Flag(help: "Pre-election period: purely factual, no photographs, no quotes, offices rather than names.")
        var preElection = false

        func validate() throws {
            guard Channel(rawValue: channel) != nil else {
                throw ValidationError("--channel \(channel): use one of \(Channel.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() async throws {
            let watchlist = try watchlistOptions.load(quiet: true)
            let store = try storeOptions.open(settings: try DaemonSettings.load(watchlist), existing: true)
            let (_, draft) = try CaseDrafts.confirmedCase(caseID, store: store, watchlist: watchlist, preElection: preElection)
            let warning = try CaseDrafts.drafter(watchlist).warning(for: draft, channel: Channel(rawValue: channel)!)
            Console.out(TerminalText.lines(warning.text))
            Console.error("(\(warning.length) of \(warning.limit.maximum), counted as \(channel) counts)")
            for note in warning.reviewNotes { Console.error("note: \(Terminal.message(note))") }
            if !CaseDrafts.report(DraftLint.check(warning, case: draft)) { throw ExitCode(1) }
        }
    }

    /// `impostor drafts`: check the council's templates, or write the defaults out for editing.
    struct Drafts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Checks the report and warning templates (--check) or writes the default ones for editing (--init).",
            discussion: "--check renders every template for sample cases (a council case, a Mayor case, pre-election, hostile names) and reports drafts over their limit, written in capitals, missing a required element, or with an unfilled placeholder. Exits 1 when it finds a problem."
        )

        @OptionGroup var watchlistOptions: WatchlistOptions

        @Flag(help: "Lint the templates.")
        var check = false

        @Flag(name: .customLong("init"), help: "Write the default templates into <watchlist>/templates (existing files are kept).")
        var initialise = false

        func validate() throws {
            if check == initialise { throw ValidationError("choose --check or --init") }
        }

        func run() async throws {
            let watchlist = try watchlistOptions.load(quiet: true)
            let folder = CaseDrafts.templatesFolder(watchlist)
            if initialise {
                do {
                    let languages = Set(watchlist.identities.flatMap(\.languages))
                    let written = try TemplateSet.writeDefaults(to: folder, languages: languages)
                    Console.out(written.isEmpty ? "the templates in \(folder) are all there already" : "wrote \(written.count) templates to \(folder): edit them, then run `impostor drafts --check`")
                } catch {
                    Console.error("impostor: \(error.description)")
                    throw ExitCode(1)
                }
                return
            }
            var findings: [LintFinding] = []
            for identity in watchlist.identities {
                let council = DraftCase.Council(identity: identity)
                let samples = DraftLint.samples(council: council, person: identity.people.first)
                findings += DraftLint.check(templates: FileManager.default.fileExists(atPath: folder) ? folder : nil, samples: samples)
            }
            let unique = Array(Set(findings.map(\.description))).sorted()
            for f in unique { Console.out(f) }
            if unique.isEmpty {
                Console.out("templates ok: every draft fits, in sentence case, with every required element")
            } else {
                throw ExitCode(1)
            }
        }
    }
}
