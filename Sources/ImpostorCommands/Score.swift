import ArgumentParser
import Dispatch
import Foundation
import ImpostorCore
import ImpostorFetch
import ImpostorImaging
import ImpostorScoring

extension Impostor {
    /// `impostor score`: judges a listing of profiles, one JSON line out per profile in.
    struct Score: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score profiles against the watchlist: one JSON line per profile, in order.",
            discussion: """
                Input: JSON lines (or a JSON array, objects one after another as jq prints them, {"profiles": [...]}, \
                or CSV with the same column names) with platform, id, handle, display_name, bio, url, avatar, \
                created_at, followers, and what the platform says of it: verified_type (X's government or business) \
                and parody (true or false); lines may end in LF, CR LF or CR. An e-mail, WhatsApp or text message is \
                a profile too (platform email, whatsapp or sms): its handle is the sender's address or number, its \
                display_name the name it shows, and its bio what it says. Output: id, platform, handle, score (0-1), \
                verdict (official, allowed, suspect, clear), identity, target (council, person) and reasons.
                A line that cannot be read gives an output line with its line number and an error; the rest are \
                still scored, and the exit status is 1.
                JSON lines are scored a block at a time as they arrive, so a listing piped from fetch shows \
                results as it goes and is never held whole; any other JSON, or CSV, is read whole first.
                An avatar URL is not downloaded here (impostor fetch does that). An avatar path is read beside \
                the listing file, or inside fetch's cache and the watchlist's listing folders; never elsewhere.

                Example:
                  impostor score --watchlist watchlist profiles.jsonl > results.jsonl
                  impostor fetch --watchlist watchlist | impostor score --watchlist watchlist -
                """)

        @OptionGroup var options: WatchlistOptions

        @Argument(help: ArgumentHelp("The listing to score; - or nothing reads standard input.", valueName: "file"))
        var file: String?

        @Option(help: "The input format: auto, jsonl, json (an array, an object, or objects one after another) or csv.")
        var format: String = "auto"

        @Option(help: "The cache folder `impostor fetch` downloaded avatars into (default: as fetch's).")
        var cache: String?

        func validate() throws {
            guard ["auto", "jsonl", "json", "csv"].contains(format) else {
                throw ValidationError("--format must be auto, jsonl, json or csv")
            }
        }

        func run() async throws {
            let watchlist = try options.load(quiet: true)
            var input = LineBatches(fd: try Input.open(file))
            defer { if input.fd > 2 { close(input.fd) } }
            let opening = try input.opening()
            if ProfileListing.isUTF16(input.head) {
                Console.error("impostor: \(file.map { Terminal.safe($0) } ?? "the input") is UTF-16 text (Windows' \"Unicode text\");"
                    + " save it as UTF-8 (in Excel: CSV UTF-8) and score it again")
                throw ExitCode(2)
            }
            let chosen = format == "auto" ? ProfileListing.format(of: opening, fileName: file) : ProfileListing.Format(rawValue: format)!
            let scorer = try Scorer(identities: watchlist.identities)
            // A listing file's pictures are beside it; standard input has no folder of its own.
            let base = (file == nil || file == "-") ? nil : RegularFile.absolute((file! as NSString).deletingLastPathComponent)
            let avatars: AvatarEvidence
            do {
                avatars = try AvatarEvidence(
                    watchlist: watchlist, baseDirectory: base,
                    cacheDirectory: (cache ?? ResponseCache.defaultDirectory()) + "/avatars")
            } catch {
                Console.error(Terminal.message("impostor: a logo in the watchlist cannot be read: \(error.reason)"))
                throw ExitCode(2)
            }
            let run = ScoreRun(scorer: scorer, avatars: avatars)
            var failed = 0, total = 0
            func write(_ rows: [ProfileListing.Row]) {
                total += rows.count
                var buffer = ""
                for line in run.outputLines(rows) {
                    if line.failed { failed += 1 }
                    buffer += line.json + "\n"
                    if buffer.utf8.count > 1 << 16 {
                        Console.writeAll(1, buffer)
                        buffer = ""
                    }
                }
                Console.writeAll(1, buffer)
            }
            // JSON lines are scored a block at a time as they arrive; an array or CSV is read whole, and scored a
            // batch of records at a time.
            if chosen == .jsonLines {
                while let lines = try input.next() { ProfileListing.forEachBatch(ofLines: lines, write) }
            } else {
                ProfileListing.forEachBatch(try input.rest(), format: chosen, write)
            }
            if failed > 0 {
                Console.error("impostor: \(failed) of \(total) line(s) could not be read; see their \"error\" fields")
                throw ExitCode(1)
            }
        }
    }
}

/// Scores rows across all cores and renders them in input order.
struct ScoreRun: Sendable {
    let scorer: Scorer
    let avatars: AvatarEvidence?

    struct Line: Sendable {
        var json: String
        var failed: Bool
    }

    func outputLines(_ rows: [ProfileListing.Row]) -> [Line] {
        rows.concurrentMap(chunk: 64) { render($0) }
    }

    private func render(_ row: ProfileListing.Row) -> Line {
        switch row.result {
        case .success(let profile):
            let evidence: (matches: [LogoMatch], problem: String?) = avatars?.matches(for: profile) ?? ([], nil)
            var assessment = scorer.assess(profile, logoMatches: evidence.matches)
            if let problem = evidence.problem {
                // A broken picture is noted, never fatal: the name and bio are still judged.
                assessment.reasons.append(Reason(signal: .avatarUnreadable, weight: 0, detail: problem))
            }
            return Line(json: assessment.jsonLine, failed: false)
        case .failure(let error):
            return Line(json: error.jsonLine(line: row.line), failed: true)
        }
    }
}
