import ArgumentParser
import Foundation
import ImpostorCore
import ImpostorDaemon
import ImpostorStore
import ImpostorWeb

extension Impostor {
    /// `impostor users`: who may sign in to the review page of a shared store.
    struct Users: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Adds, lists and removes the clerks who sign in to a shared (PostgreSQL) store's review page.",
            discussion: """
                Each clerk signs in with their e-mail address and sees, decides and drafts only for their own \
                councils; an administrator (--admin) sees every council. Passwords are read from a file, never \
                from the command line, and kept only as bcrypt hashes. A single council's machine needs no \
                users: its page listens on 127.0.0.1.

                Example:
                  umask 077; printf '%s\\n' 'a long passphrase' > /tmp/pw
                  impostor users add clerk@oakbridge-tc.gov.uk --council oakbridge-town-council --password-file /tmp/pw
                  rm /tmp/pw
                """,
            subcommands: [Add.self, List.self, Remove.self, Reset.self]
        )

        /// `--db` and the watchlist, which every subcommand needs to find the store and check councils.
        struct Target: ParsableArguments {
            @OptionGroup var watchlistOptions: WatchlistOptions

            @Option(help: ArgumentHelp("The shared store (default: `database` in impostor.toml).", valueName: "postgres://…"))
            var db: String?

            func open() async throws -> (PostgresStore, Watchlist) {
                let watchlist = try watchlistOptions.load(quiet: true)
                let settings = try DaemonSettings.load(watchlist)
                guard let url = db ?? settings.database, PostgresAddress.isPostgres(url) else {
                    Console.error("impostor: users sign in to a shared store: give --db postgres://USER@HOST/DATABASE "
                        + "(a single council's SQLite store needs no users; its page listens on 127.0.0.1)")
                    throw ExitCode(ExitCodes.configuration)
                }
                return (try await SharedStore.open(url), watchlist)
            }

            /// Opens the store, runs `body`, and closes the store whatever happened. A store failure exits
            /// with its reason: 2 when the user is there already, else 3.
            func using<T>(_ body: (PostgresStore, Watchlist) async throws -> T) async throws -> T {
                let (store, watchlist) = try await open()
                let result: Result<T, any Error>
                do { result = .success(try await body(store, watchlist)) } catch { result = .failure(error) }
                await store.close()
                switch result {
                case .success(let value):
                    return value
                case .failure(let error as StoreError):
                    Console.error("impostor: \(error.reason)")
                    throw ExitCode(error.code == .exists ? ExitCodes.configuration : ExitCodes.store)
                case .failure(let error):
                    throw error
                }
            }
        }

        /// A password from a file only its owner can read: the first line, at least 10 characters.
        static func password(from file: String) throws -> String {
            let bytes: [UInt8]
            do {
                bytes = try RegularFile.read(file, maxBytes: 4096, ownerOnly: true)
            } catch {
                Console.error("impostor: \(Terminal.message(error.description))")
                throw ExitCode(ExitCodes.configuration)
            }
            guard let line = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).first else {
                Console.error("impostor: \(file) holds no password")
                throw ExitCode(ExitCodes.configuration)
            }
            let password = String(line)
            guard password.count >= Passwords.minimumLength else {
                Console.error("impostor: the password in \(file) is shorter than \(Passwords.minimumLength) characters; choose a longer one")
                throw ExitCode(ExitCodes.configuration)
            }
            return password
        }

        static func email(_ typed: String) throws -> String {
            guard let email = Clerk.normalised(email: typed) else {
                throw ValidationError("\(typed) is not an e-mail address")
            }
            return email
        }

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Adds a clerk for one or more councils, or an administrator.")

            @Argument(help: "The clerk's e-mail address: what they sign in with, and whom decisions name.")
            var email: String

            @Option(name: .customLong("council"), help: ArgumentHelp("A council they review (its watchlist id); repeat for more.",
                                                                     valueName: "id"))
            var councils: [String] = []

            @Flag(help: "An administrator of the service, who sees every council.")
            var admin = false

            @Option(help: ArgumentHelp("A file holding the password (the first line), readable only by you.", valueName: "file"))
            var passwordFile: String

            @OptionGroup var target: Target

            func validate() throws {
                if councils.isEmpty == !admin {
                    throw ValidationError(admin ? "an administrator sees every council; leave out --council"
                        : "name the clerk's council with --council ID (or make them an administrator with --admin)")
                }
            }

            func run() async throws {
                let email = try Users.email(self.email)
                let password = try Users.password(from: passwordFile)
                let clerk = try await target.using { store, watchlist in
                    let known = Set(watchlist.identities.map(\.id))
                    if let unknown = councils.first(where: { !known.contains($0) }) {
                        Console.error("impostor: there is no council \(unknown) in the watchlist (it has \(known.sorted().joined(separator: ", ")))")
                        throw ExitCode(ExitCodes.configuration)
                    }
                    return try await store.addClerk(email: email, passwordHash: Passwords.hash(password), admin: admin,
                                                    councils: councils, at: Date())
                }
                Console.out("added \(clerk.email): " + (clerk.admin ? "administrator, every council" : clerk.councils.joined(separator: ", ")))
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Lists who may sign in, and to which councils.")

            @OptionGroup var target: Target

            func run() async throws {
                let clerks = try await target.using { store, _ in try await store.clerks() }
                if clerks.isEmpty { Console.out("no users yet: add one with `impostor users add`") }
                for clerk in clerks {
                    Console.out("\(clerk.email)\t" + (clerk.admin ? "administrator" : clerk.councils.joined(separator: ",")))
                }
            }
        }

        struct Remove: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Removes a user; they are signed out at once.")

            @Argument(help: "The user's e-mail address.")
            var email: String

            @OptionGroup var target: Target

            func run() async throws {
                let email = try Users.email(self.email)
                guard try await target.using({ store, _ in try await store.removeClerk(email: email) }) else {
                    Console.error("impostor: there is no user \(email)")
                    throw ExitCode(ExitCodes.configuration)
                }
                Console.out("removed \(email); their decisions stay in each case's history")
            }
        }

        struct Reset: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Sets a user's new password; they are signed out everywhere.")

            @Argument(help: "The user's e-mail address.")
            var email: String

            @Option(help: ArgumentHelp("A file holding the new password (the first line), readable only by you.", valueName: "file"))
            var passwordFile: String

            @OptionGroup var target: Target

            func run() async throws {
                let email = try Users.email(self.email)
                let password = try Users.password(from: passwordFile)
                let hash = Passwords.hash(password)
                guard try await target.using({ store, _ in
                    try await store.resetPassword(email: email, passwordHash: hash, at: Date())
                }) else {
                    Console.error("impostor: there is no user \(email)")
                    throw ExitCode(ExitCodes.configuration)
                }
                Console.out("new password set for \(email); their sessions are ended")
            }
        }
    }
}
