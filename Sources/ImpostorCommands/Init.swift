#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Foundation
import ImpostorCore
import ImpostorDaemon
import ImpostorFetch
import ImpostorImaging
import Logging

extension Impostor {
    /// `impostor init`: a council's watchlist file and first settings, from a few plain questions.
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sets up a council: asks a few questions and writes its watchlist file and settings.",
            discussion: """
                Asks for the council's name, its county or district, its website, its official accounts \
                (a link each), its Mayor or Chair and its Clerk, and its logo. From the answers it works out \
                the place, the kind of council, its web domain and its nation (Welsh names such as "Cyngor \
                Tref Aberteifi" are read too), and looks the official accounts up where a platform allows \
                it (Bluesky and Mastodon; YouTube and X once their keys are set) to confirm they exist. \
                It writes OUT/<council>.toml, copies the logo beside it and, if there is none yet, an \
                impostor.toml with the sources that need no key. It never overwrites a file without --force. \
                With --non-interactive it asks nothing and takes the answers from the flags, for scripts.
                """)

        @Flag(help: "Ask nothing: take every answer from the flags below.")
        var nonInteractive = false

        @Option(help: "The council's full name, e.g. \"Oakbridge Town Council\" or \"Cyngor Tref Aberteifi\".")
        var name: String?

        @Option(help: "Its county or district, e.g. Wiltshire.")
        var area: String?

        @Option(help: "Its website, e.g. https://www.oakbridge-tc.gov.uk.")
        var website: String?

        @Option(help: ArgumentHelp("One of its own accounts: a link, or PLATFORM:HANDLE (x:OakbridgeTC). Repeat for each.",
                                   valueName: "account"))
        var official: [String] = []

        @Option(help: ArgumentHelp("A person impostors may pose as, as ROLE:NAME (\"Mayor:Cllr Priya Sharma\"). Repeat for each.",
                                   valueName: "role:name"))
        var person: [String] = []

        @Option(help: ArgumentHelp("The council's logo or crest (PNG, JPEG, WebP or GIF).", valueName: "file"))
        var logo: String?

        @Option(help: ArgumentHelp("The watchlist folder to write into.", valueName: "dir"))
        var out: String = "/etc/impostor/watchlist"

        @Flag(help: "Overwrite files that are already there.")
        var force = false

        @Flag(help: "Do not look the official accounts up.")
        var offline = false

        func validate() throws {
            if nonInteractive {
                if name == nil { throw ValidationError("--non-interactive needs --name, e.g. --name \"Oakbridge Town Council\"") }
                if area == nil { throw ValidationError("--non-interactive needs --area, the county or district, e.g. --area Wiltshire") }
            }
            for p in person where Self.person(p) == nil {
                throw ValidationError("--person takes ROLE:NAME, e.g. --person \"Mayor:Cllr Priya Sharma\"; not \"\(p)\"")
            }
        }

        static func person(_ text: String) -> Person? {
            guard let colon = text.firstIndex(of: ":") else { return nil }
            let role = String(text[..<colon]).trimmingSpaces(), name = String(text[text.index(after: colon)...]).trimmingSpaces()
            return role.isEmpty || name.isEmpty ? nil : Person(name: name, role: role)
        }

        func run() async throws {
            let words: WordLists
            do {
                words = try WordLists.shipped()
            } catch {
                Console.error("impostor: \(error)")
                throw ExitCode(ExitCodes.configuration)
            }
            var answers = CouncilAnswers(
                name: name ?? "", area: area ?? "", website: website, officials: official,
                people: person.compactMap(Self.person), logo: logo)
            if !nonInteractive {
                guard isatty(STDIN_FILENO) == 1 else {
                    Console.error("impostor: init asks questions, so it needs a terminal; for a script, pass --non-interactive with --name, --area and the rest (impostor init --help)")
                    throw ExitCode(ExitCodes.configuration)
                }
                answers = Interview(words: words, given: answers, askOfficials: official.isEmpty, askPeople: person.isEmpty).run()
            }
            let setup: CouncilSetup
            do {
                setup = try CouncilSetup.make(answers, words: words)
            } catch {
                for p in error.problems { Console.error("impostor: \(p)") }
                throw ExitCode(ExitCodes.configuration)
            }
            let folder = RegularFile.absolute(out)
            try await write(setup, logo: answers.logo, into: folder)
        }

        private func write(_ setup: CouncilSetup, logo: String?, into folder: String) async throws {
            let fm = FileManager.default
            let identity = setup.identity
            let councilPath = folder + "/" + identity.id + ".toml"
            let settingsPath = folder + "/" + WatchlistLoader.settingsFile
            if fm.fileExists(atPath: councilPath) && !force {
                Console.error("impostor: \(councilPath) is already there; nothing was written (pass --force to replace it)")
                throw ExitCode(ExitCodes.configuration)
            }
            if let logo {
                do {
                    _ = try LogoCache(directory: nil).forms(forLogoAt: logo)
                } catch {
                    Console.error(Terminal.message("impostor: the logo \(logo) cannot be read as an image: \(error.reason); nothing was written"))
                    throw ExitCode(ExitCodes.configuration)
                }
            }
            do {
                try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                Console.error("impostor: cannot create \(folder): \(error.localizedDescription) (run as root for /etc/impostor, or pass --out)")
                throw ExitCode(ExitCodes.configuration)
            }
            let day = LondonDay.today()
            let councilText = setup.councilTOML(writtenOn: day)
            var written: [String] = []
            do {
                if let logo, let logoName = setup.logoFileName {
                    let target = folder + "/" + logoName
                    if fm.fileExists(atPath: target) {
                        guard force else {
                            Console.error("impostor: \(target) is already there; nothing was written (pass --force to replace it)")
                            throw ExitCode(ExitCodes.configuration)
                        }
                        try fm.removeItem(atPath: target)
                    }
                    try fm.copyItem(atPath: logo, toPath: target)
                    written.append(target)
                }
                // Read back as a scan will read it before it is put in place.
                let (_, diagnostics) = WatchlistLoader.parseCouncil(id: identity.id, text: councilText, directory: folder)
                let errors = diagnostics.filter { $0.severity == .error }
                guard errors.isEmpty else {
                    for w in written { try? fm.removeItem(atPath: w) }
                    for d in errors { Console.error(Terminal.message(d.description)) }
                    Console.error("impostor: the council file would not read back; nothing was written")
                    throw ExitCode(ExitCodes.configuration)
                }
                try Self.replace(councilPath, with: councilText)
                written.append(councilPath)
                if !fm.fileExists(atPath: settingsPath) || force {
                    let database = fm.fileExists(atPath: "/var/lib/impostor") ? "/var/lib/impostor/impostor.sqlite" : nil
                    let secrets = fm.fileExists(atPath: "/etc/impostor/secrets") ? "/etc/impostor/secrets" : "secrets"
                    try Self.replace(settingsPath, with: CouncilSetup.settingsTOML(writtenOn: day, database: database, secrets: secrets))
                    written.append(settingsPath)
                }
            } catch let exit as ExitCode {
                throw exit
            } catch {
                Console.error("impostor: cannot write into \(folder): \(error.localizedDescription)")
                throw ExitCode(ExitCodes.configuration)
            }

            Console.out("\(identity.name): place \(identity.place), \(identity.kind), \(identity.area)"
                + (identity.nation.map { ", \($0.capitalized)" } ?? "")
                + (identity.domains.isEmpty ? "" : "; domain \(identity.domains.joined(separator: ", "))"))
            if !offline { await confirm(identity.officials, folder: folder) }
            for path in written { Console.out("wrote \(path)") }
            if !written.contains(settingsPath) { Console.out("kept \(settingsPath) as it was") }
            Console.out("""

                Next:
                  1. Check it:            impostor doctor --watchlist \(folder)
                  2. Scan every hour:     systemctl enable --now impostor-scan.timer
                  3. Look further:        keys for YouTube, web search and X go in files that only impostor
                                          reads; impostor.toml says where, in its comments.
                  4. Review cases:        ssh -L 8080:127.0.0.1:8080 THIS-SERVER, then open http://127.0.0.1:8080
                """)
        }

        /// Looks each official account up where the platform has an open look-up, and says what it found.
        private func confirm(_ accounts: [AccountReference], folder: String) async {
            guard !accounts.isEmpty else { return }
            // The settings already there (a key for YouTube, a test server) say how to reach the platforms.
            var settings = Settings()
            if let bytes = try? RegularFile.read(folder + "/" + WatchlistLoader.settingsFile, maxBytes: 1 << 20) {
                settings = WatchlistLoader.parseSettings(text: String(decoding: bytes, as: UTF8.self)).0
            }
            let watchlist = Watchlist(directory: folder, identities: [], settings: settings)
            let logger = Logger(label: "impostor.init") { name in StderrLogHandler(label: name, level: .error) }
            let fetcher = Fetcher.live(watchlist: watchlist, cacheDirectory: ResponseCache.defaultDirectory(), logger: logger)
            let recheck = Recheck(session: fetcher.session, watchlist: watchlist)
            for account in accounts {
                let label = "\(account.platform) \(account.handle)"
                guard recheck.platformsWithAPI.contains(account.platform) else {
                    Console.out("official \(label): not looked up (\(account.platform) has no open look-up without a key); check the link by hand")
                    continue
                }
                switch await recheck.lookUp(account) {
                case .present(let profile):
                    Console.out("official \(label): found" + (profile.map { ", \"\($0.displayName)\"" } ?? ""))
                case .gone(let why):
                    Console.out("official \(label): NOT FOUND (\(why)); check the handle in the council's file")
                case .unknown(let why):
                    Console.out("official \(label): could not check (\(why))")
                }
            }
        }

        /// Writes `text` to a new file beside `path`, then renames it into place: never half a file.
        static func replace(_ path: String, with text: String) throws {
            let temporary = path + ".init-\(getpid())"
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            chmod(temporary, 0o644)
            guard rename(temporary, path) == 0 else {
                unlink(temporary)
                throw CocoaError(.fileWriteUnknown)
            }
        }
    }
}
