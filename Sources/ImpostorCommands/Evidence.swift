import ArgumentParser
import Foundation
import ImpostorCore
import ImpostorDaemon
import ImpostorStore
import ImpostorWeb

extension Impostor {
    /// `impostor evidence`: everything about one case, in a folder a clerk can attach or print.
    struct Evidence: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Saves a case's evidence in a folder: JSON, the avatar, the logo and a printable summary.",
            discussion: "Files: case.json (snapshots, scores, reasons, decisions, reports sent), avatar-N.* (each picture the account used), logo.* and summary.html."
        )

        @OptionGroup var watchlistOptions: WatchlistOptions
        @OptionGroup var storeOptions: StoreOptions

        @Argument(help: "The case number.")
        var caseID: Int64

        @Option(help: "The folder to write (created if needed; existing evidence is not overwritten without --force).")
        var out: String

        @Flag(help: "Overwrite evidence already in the folder.")
        var force = false

        struct Export: Encodable {
            var generatedAt: Date
            var impostorVersion: String
            var identity: String
            var detail: CaseDetail
            var submissions: [Submission]

            struct Submission: Encodable {
                var platform: String
                var endpoint: String
                var request: String
                var response: String?
                var status: String
                var sentAt: Date
            }
        }

        func run() async throws {
            let watchlist = try watchlistOptions.load(quiet: true)
            let settings = try DaemonSettings.load(watchlist)
            let store = try storeOptions.open(settings: settings, existing: true)
            let fm = FileManager.default
            do {
                guard let detail = try store.caseDetail(caseID) else {
                    Console.error("impostor: there is no case \(caseID); `impostor review --all` lists them")
                    throw ExitCode(1)
                }
                if fm.fileExists(atPath: out + "/case.json") && !force {
                    Console.error("impostor: \(out) already holds evidence; use --force to replace it, or choose another folder")
                    throw ExitCode(1)
                }
                try fm.createDirectory(atPath: out, withIntermediateDirectories: true)
                var avatarFiles: [Int64: String] = [:]
                for (n, snap) in detail.snapshots.enumerated() {
                    guard let sha = snap.avatarImage, let bytes = try store.image(sha256: sha),
                          let format = ImageFormat(sniffing: bytes)
                    else { continue }
                    let name = "avatar-\(detail.snapshots.count - n).\(format.fileExtension)"
                    try Data(bytes).write(to: URL(fileURLWithPath: out + "/" + name), options: .atomic)
                    avatarFiles[snap.id] = name
                }
                let identity = watchlist.identity(id: detail.summary.identity)
                var logoFile: String?
                // The loader has already put the watchlist folder in front of each logo's path.
                if let logo = identity?.logos.first {
                    if let bytes = try? RegularFile.read(logo, maxBytes: 20 << 20), let format = ImageFormat(sniffing: bytes) {
                        logoFile = "logo." + format.fileExtension
                        try Data(bytes).write(to: URL(fileURLWithPath: out + "/" + logoFile!), options: .atomic)
                    }
                }
                let now = Date()
                let export = Export(
                    generatedAt: now, impostorVersion: ImpostorVersion.current, identity: identity?.name ?? detail.summary.identity,
                    detail: detail,
                    submissions: try store.submissions(caseID: caseID).map {
                        .init(platform: $0.platform, endpoint: $0.endpoint, request: $0.request, response: $0.response,
                              status: $0.status, sentAt: $0.sentAt)
                    })
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .iso8601
                try encoder.encode(export).write(to: URL(fileURLWithPath: out + "/case.json"), options: .atomic)
                let html = try PrintablePages.evidence(detail, identity: identity, avatarFiles: avatarFiles, logoFile: logoFile,
                                                       generated: now)
                try Data(html.utf8).write(to: URL(fileURLWithPath: out + "/summary.html"), options: .atomic)
                Console.out("evidence for case \(caseID) written to \(out): case.json, summary.html, \(avatarFiles.count) picture(s)\(logoFile == nil ? "" : ", the logo")")
            } catch let error as StoreError {
                Console.error("impostor: \(error.reason)")
                throw ExitCode(ExitCodes.store)
            } catch let exit as ExitCode {
                throw exit
            } catch {
                Console.error("impostor: cannot write the evidence to \(out): \(WriteProblem.describe(out, error))")
                throw ExitCode(1)
            }
        }
    }
}
